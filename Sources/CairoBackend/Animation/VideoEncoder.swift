import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an animation as an MP4 (H.264), WebM (VP9) or GIF file by piping raw frames into ffmpeg.
///
/// ffmpeg is optional: find it with `locateFFmpeg()`, and when that returns nil print `missingMessage` and
/// write the other outputs. Frames go to ffmpeg's standard input as raw packed RGB24
/// (`-f rawvideo -pix_fmt rgb24`), never through image files, so an encode needs no disk space beyond the
/// video itself and memory for one frame.
///
/// ```swift
/// let encoder = try VideoEncoder(format: .gif, path: "race.gif", width: 1280, height: 720, fps: 30,
///                                ffmpeg: ffmpegPath)
/// for frame in frames() { try encoder.write(frame) }
/// if encoder.needsSecondPass {
///     try encoder.beginSecondPass()
///     for frame in frames() { try encoder.write(frame) }   // the same frames again, re-rendered
/// }
/// try encoder.finish()
/// ```
///
/// The video is written to a temporary file next to `path` (`.<name>.tmp-<pid>-<random>.<ext>`) and
/// renamed over `path` only when ffmpeg has succeeded, so a reader never finds a truncated video under the
/// final name. When anything fails the temporary files are removed and `path` is left as it was. The
/// encoder asks ffmpeg for bit-exact output without metadata (`-fflags +bitexact -flags:v +bitexact
/// -map_metadata -1`) from a fixed number of encoder threads: the same frames give the same bytes with
/// the same ffmpeg, whatever the machine.
///
/// Per format:
/// - **mp4**: libx264, yuv420p with BT.709 colour (tagged as such), `-crf 18`, `-movflags +faststart`. H.264
///   in 4:2:0 needs even sizes, so an odd width or height is padded by one column or row that repeats
///   the last one: a 65 × 49 animation gives a 66 × 50 video.
/// - **webm**: libvpx-vp9, yuv420p with BT.709 colour, constant quality `-crf 32 -b:v 0`, `-row-mt 1`,
///   `-cpu-used 4`. Any size works.
/// - **gif**: a palette made for this animation, in two passes over the frames (see `beginSecondPass()`):
///   frames are never held in memory, so a long animation costs no more memory than a short one.
///
/// Alpha is dropped: each pixel is un-premultiplied as `PNGEncoder` does and its colour kept, so render
/// opaque frames for video.
///
/// Thread safety: an encoder is used from one thread at a time, its calls made in order (`write`…,
/// `beginSecondPass()`, `write`…, `finish()`). Separate encoders may run at the same time on separate
/// threads. The encoder ignores SIGPIPE for the whole process (once, on first use), so that an ffmpeg that
/// dies mid-encode becomes an error thrown by `write` rather than a crash.
public final class VideoEncoder {
    /// A video file format that ffmpeg can write.
    public enum Format: String, CaseIterable, Sendable {
        /// H.264 in an MP4 container: plays everywhere, including in browsers and slides.
        case mp4
        /// VP9 in a WebM container: smaller than MP4 at the same quality; plays in browsers.
        case webm
        /// An animated GIF with a palette of 256 colours made for the animation.
        case gif

        /// The file name extension, without the dot (`"mp4"`, `"webm"`, `"gif"`).
        public var fileExtension: String { rawValue }

        /// The ffmpeg encoder this format needs (as listed by `ffmpeg -encoders`).
        public var encoderName: String {
            switch self {
            case .mp4: "libx264"
            case .webm: "libvpx-vp9"
            case .gif: "gif"
            }
        }
    }

    /// The video's format.
    public let format: Format
    /// Where the finished video goes.
    public let path: String
    /// The width of every frame, in pixels.
    public let width: Int
    /// The height of every frame, in pixels.
    public let height: Int
    /// Frames per second.
    public let fps: Int
    /// The ffmpeg executable that encodes.
    public let ffmpeg: String

    /// Whether the frames must be written twice: true only for GIF, whose first pass builds the palette.
    public var needsSecondPass: Bool { format == .gif }

    /// The frames written so far in the current pass.
    public private(set) var framesWritten = 0

    /// Where the encoder is in its life.
    private enum State {
        /// Accepting frames of pass 1 or 2.
        case encoding(pass: Int)
        /// The video is in place.
        case finished
        /// Cancelled by the caller; temporary files removed.
        case cancelled
        /// ffmpeg or the file system failed; temporary files removed; every later call throws this.
        case failed(VideoEncoderError)
    }

    private var state: State
    /// The running ffmpeg, if any.
    private var child: FFmpegProcess?
    /// The frame size ffmpeg receives: (width, height), rounded up to even for MP4.
    private let encodedWidth: Int
    private let encodedHeight: Int
    /// The temporary video, renamed over `path` by `finish()`.
    private let temporaryPath: String
    /// GIF only: the palette that pass 1 writes and pass 2 reads.
    private let palettePath: String?
    /// Frames written in pass 1 (GIF), which pass 2 must repeat.
    private var firstPassFrames = 0
    /// One frame of packed RGB24 at the encoded size, plus one byte of slack for 4-byte stores.
    private let rgb: UnsafeMutableRawBufferPointer

    // MARK: - Finding ffmpeg

    /// One line for the user when ffmpeg cannot be found, naming the Debian package that provides it.
    public static let missingMessage =
        "ffmpeg was not found, so no mp4, webm or gif was written (the PNG frames and the APNG were): "
        + "install the Debian package ffmpeg (`sudo apt-get install ffmpeg`), or set DESCENT_FFMPEG to "
        + "the path of an ffmpeg executable"

    /// The ffmpeg to use, or nil when there is none.
    ///
    /// `DESCENT_FFMPEG`, when set and not empty, decides alone: a value containing a slash is a path, used
    /// when it names an executable file (otherwise the answer is nil, so that a wrong setting is noticed
    /// rather than silently replaced); a bare name is looked up in `PATH`. Without it, `ffmpeg` is looked up
    /// in the folders of `PATH` in order (empty entries are skipped; without `PATH`,
    /// `/usr/local/bin:/usr/bin:/bin` is searched).
    ///
    /// - Parameter environment: The environment variables to consult; the process's by default.
    /// - Returns: The path of an executable ffmpeg, or nil.
    public static func locateFFmpeg(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        if let chosen = environment["DESCENT_FFMPEG"], !chosen.isEmpty {
            if chosen.contains("/") { return isExecutableFile(chosen) ? chosen : nil }
            return search(chosen, in: searchPath)
        }
        return search("ffmpeg", in: searchPath)
    }

    /// The first executable file called `name` in the colon-separated folders of `searchPath`.
    private static func search(_ name: String, in searchPath: String) -> String? {
        for folder in searchPath.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = folder.hasSuffix("/") ? "\(folder)\(name)" : "\(folder)/\(name)"
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    /// Whether `path` is a regular file (after symbolic links) that this process may execute.
    private static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }

    /// The formats `ffmpeg` can write: those whose encoder it lists.
    ///
    /// - Throws: `VideoEncoderError.ffmpegUnusable` when `ffmpeg` cannot be run or lists no encoders.
    public static func supportedFormats(ffmpeg: String) throws -> [Format] {
        let encoders = try encoders(of: ffmpeg)
        return Format.allCases.filter { encoders.contains($0.encoderName) }
    }

    // MARK: - Encoding

    /// Starts ffmpeg encoding a video of `width × height` frames at `fps` frames per second into `path`.
    ///
    /// Nothing appears under `path` until `finish()` succeeds.
    ///
    /// - Parameters:
    ///   - format: The video format; `path` should have its extension, but the format is what counts.
    ///   - path: The file to write; its folder must exist. An existing file is replaced.
    ///   - width: Frame width in pixels, at least 1.
    ///   - height: Frame height in pixels, at least 1.
    ///   - fps: Frames per second, 1 to 1000.
    ///   - ffmpeg: The ffmpeg executable, usually from `locateFFmpeg()`.
    /// - Throws: `VideoEncoderError.invalidRequest` for a bad size, rate or path; `.ffmpegUnusable` when
    ///   ffmpeg cannot be run; `.encoderMissing` when it lacks the format's encoder; `.writeFailed` when no
    ///   temporary file can be created next to `path`.
    public init(format: Format, path: String, width: Int, height: Int, fps: Int, ffmpeg: String) throws {
        guard width > 0, height > 0, width <= 16_384, height <= 16_384 else {
            throw VideoEncoderError.invalidRequest("a video frame must be 1 to 16384 pixels wide and high (got \(width) × \(height))")
        }
        guard (1...1000).contains(fps) else {
            throw VideoEncoderError.invalidRequest("the frame rate must be 1 to 1000 frames per second (got \(fps))")
        }
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw VideoEncoderError.invalidRequest("'\(path)' does not name a file")
        }
        let encoders = try Self.encoders(of: ffmpeg)
        guard encoders.contains(format.encoderName), format != .gif || encoders.contains("png") else {
            let missing = encoders.contains(format.encoderName) ? "png" : format.encoderName
            throw VideoEncoderError.encoderMissing(format: format, encoder: missing, ffmpeg: ffmpeg)
        }
        _ = Self.ignoreBrokenPipes

        self.format = format
        self.path = path
        self.width = width
        self.height = height
        self.fps = fps
        self.ffmpeg = ffmpeg
        encodedWidth = format == .mp4 ? (width + 1) & ~1 : width
        encodedHeight = format == .mp4 ? (height + 1) & ~1 : height

        let stem = try Self.temporaryStem(near: path, extensions: [format.fileExtension] + (format == .gif ? ["palette.png"] : []))
        temporaryPath = "\(stem).\(format.fileExtension)"
        palettePath = format == .gif ? "\(stem).palette.png" : nil
        rgb = .allocate(byteCount: encodedWidth * encodedHeight * 3 + 1, alignment: 16)
        state = .encoding(pass: 1)
        // Should ffmpeg not start, the encoder is fully initialized, so deinit runs: it cancels (removing
        // the temporary files) and frees the buffer.
        child = try FFmpegProcess(ffmpeg: ffmpeg, arguments: arguments(pass: 1))
    }

    deinit {
        if case .encoding = state { cancel() }
        rgb.deallocate()
    }

    /// Sends one frame to ffmpeg.
    ///
    /// The premultiplied ARGB32 pixels become packed straight R, G, B bytes: opaque pixels are copied,
    /// others un-premultiplied as c = min(255, ⌊(p·255 + ⌊a/2⌋) / a⌋) (black when a = 0) and their alpha
    /// dropped.
    ///
    /// - Throws: `VideoEncoderError.invalidRequest` when the frame's size is not the encoder's or the
    ///   encoder is finished or cancelled; `.ffmpegFailed` (with ffmpeg's last words) when ffmpeg has
    ///   stopped, after which the encoder is spent and its temporary files are gone.
    public func write(_ frame: FrameImage) throws {
        try requireEncoding()
        guard frame.width == width, frame.height == height else {
            throw VideoEncoderError.invalidRequest("a \(frame.width) × \(frame.height) frame was written to a \(width) × \(height) video")
        }
        frame.pixels.withUnsafeBufferPointer { pixels in
            Self.packRGB(pixels, width: width, height: height, into: rgb.baseAddress!, rowBytes: encodedWidth * 3)
        }
        padEdges()
        try send(UnsafeRawBufferPointer(start: rgb.baseAddress, count: encodedWidth * encodedHeight * 3))
    }

    /// Sends one frame that is already packed straight RGB24: `width × height × 3` bytes, rows from the top
    /// with no padding.
    ///
    /// - Throws: As `write(_:)`; `.invalidRequest` when the byte count is wrong.
    public func write(rgb frame: UnsafeRawBufferPointer) throws {
        try requireEncoding()
        let rowBytes = width * 3
        guard frame.count == rowBytes * height else {
            throw VideoEncoderError.invalidRequest("\(frame.count) bytes are not a \(width) × \(height) RGB24 frame (\(rowBytes * height) bytes)")
        }
        if encodedWidth == width && encodedHeight == height {
            try send(frame)
            return
        }
        let out = rgb.baseAddress!
        for y in 0..<height {
            (out + y * encodedWidth * 3).copyMemory(from: frame.baseAddress! + y * rowBytes, byteCount: rowBytes)
        }
        padEdges()
        try send(UnsafeRawBufferPointer(start: rgb.baseAddress, count: encodedWidth * encodedHeight * 3))
    }

    /// Ends the first pass of a GIF and starts the second: afterwards write the same frames again.
    ///
    /// Pass 1 lets ffmpeg count the colours of the frames (weighting the parts that change) and choose
    /// the 256-colour palette; pass 2 maps each frame to it. Call it only when `needsSecondPass` is true,
    /// after writing at least one frame.
    ///
    /// - Throws: `VideoEncoderError.invalidRequest` when called out of order or for MP4 or WebM;
    ///   `.ffmpegFailed` when the palette could not be made.
    public func beginSecondPass() throws {
        try requireEncoding()
        guard format == .gif, case .encoding(pass: 1) = state else {
            throw VideoEncoderError.invalidRequest(format == .gif
                ? "the second pass of '\(path)' has already begun"
                : "\(format.rawValue) is written in one pass; beginSecondPass() is only for gif")
        }
        guard framesWritten > 0 else {
            throw VideoEncoderError.invalidRequest("no frames were written to '\(path)' before its second pass")
        }
        try endProcess(producing: palettePath!)
        firstPassFrames = framesWritten
        framesWritten = 0
        state = .encoding(pass: 2)
        do {
            child = try FFmpegProcess(ffmpeg: ffmpeg, arguments: arguments(pass: 2))
        } catch {
            abandon(error as? VideoEncoderError ?? .ffmpegUnusable(ffmpeg: ffmpeg, reason: "\(error)"))
            throw error
        }
    }

    /// Ends the input, waits for ffmpeg and moves the finished video to `path`.
    ///
    /// - Throws: `VideoEncoderError.invalidRequest` when no frame was written, a GIF's second pass is
    ///   missing or has a different number of frames than its first; `.ffmpegFailed` with the last lines of
    ///   ffmpeg's error output when it fails; `.writeFailed` when the file cannot be moved into place. In
    ///   every case nothing is left under `path` but what was there before, and no temporary file remains.
    public func finish() throws {
        try requireEncoding()
        if case .encoding(pass: 1) = state, needsSecondPass {
            throw VideoEncoderError.invalidRequest("a gif needs its second pass: call beginSecondPass() and write the frames again before finish()")
        }
        guard framesWritten > 0 else {
            let error = VideoEncoderError.invalidRequest("no frames were written to '\(path)'")
            abandon(error)
            throw error
        }
        if needsSecondPass && framesWritten != firstPassFrames {
            let error = VideoEncoderError.invalidRequest("the second pass of '\(path)' had \(framesWritten) frames, the first \(firstPassFrames): write the same frames twice")
            abandon(error)
            throw error
        }
        try endProcess(producing: temporaryPath)
        do {
            try Self.flush(temporaryPath, finalPath: path)
            guard rename(temporaryPath, path) == 0 else {
                throw VideoEncoderError.writeFailed(path: path, reason: "cannot rename the temporary file into place: \(Self.errnoText())")
            }
        } catch {
            abandon(error as? VideoEncoderError ?? .writeFailed(path: path, reason: "\(error)"))
            throw error
        }
        if let palettePath { _ = unlink(palettePath) }
        state = .finished
    }

    /// Stops ffmpeg and removes the temporary files; `path` is left as it was.
    ///
    /// Calling it again, or after `finish()`, does nothing. An encoder released without `finish()`
    /// cancels itself.
    public func cancel() {
        guard case .encoding = state else { return }
        child?.kill()
        child = nil
        removeTemporaryFiles()
        state = .cancelled
    }

    // MARK: - Pixels

    /// Packs `height` rows of `width` premultiplied ARGB32 words as straight RGB24, rows `rowBytes` apart.
    ///
    /// Writes one byte past the last pixel (the buffer has a byte of slack): each opaque pixel is stored
    /// as one 4-byte word whose fourth byte the next pixel overwrites.
    private static func packRGB(_ pixels: UnsafeBufferPointer<UInt32>, width: Int, height: Int,
                                into out: UnsafeMutableRawPointer, rowBytes: Int) {
        let source = pixels.baseAddress!
        for y in 0..<height {
            let row = source + y * width
            let target = out + y * rowBytes
            for x in 0..<width {
                let word = row[x]
                if word >> 24 == 0xFF {
                    #if _endian(little)
                    // 0xAARRGGBB byte-swapped is 0xBBGGRRAA; shifted right by 8 it is stored as R, G, B, 0.
                    target.storeBytes(of: word.byteSwapped >> 8, toByteOffset: 3 * x, as: UInt32.self)
                    #else
                    target.storeBytes(of: word << 8, toByteOffset: 3 * x, as: UInt32.self)
                    #endif
                } else {
                    let a = word >> 24
                    let bytes = target + 3 * x
                    bytes.storeBytes(of: unpremultiply((word >> 16) & 0xFF, a), as: UInt8.self)
                    bytes.storeBytes(of: unpremultiply((word >> 8) & 0xFF, a), toByteOffset: 1, as: UInt8.self)
                    bytes.storeBytes(of: unpremultiply(word & 0xFF, a), toByteOffset: 2, as: UInt8.self)
                }
            }
        }
    }

    /// The straight value of premultiplied component `p` at alpha `a` < 255: min(255, ⌊(p·255 + ⌊a/2⌋) / a⌋),
    /// and 0 when `a` is 0 (the rule of `PNGEncoder`).
    @inline(__always)
    private static func unpremultiply(_ p: UInt32, _ a: UInt32) -> UInt8 {
        a == 0 ? 0 : UInt8(min(255, (p * 255 + a / 2) / a))
    }

    /// For MP4 of an odd size: fills the extra column and row of the frame buffer by repeating the last
    /// real ones, so that the padding looks like the frame's edge rather than a black line.
    private func padEdges() {
        let out = rgb.baseAddress!
        let rowBytes = encodedWidth * 3
        if encodedWidth > width {
            for y in 0..<height {
                let row = out + y * rowBytes
                (row + width * 3).copyMemory(from: row + (width - 1) * 3, byteCount: 3)
            }
        }
        if encodedHeight > height {
            (out + height * rowBytes).copyMemory(from: out + (height - 1) * rowBytes, byteCount: rowBytes)
        }
    }

    // MARK: - The ffmpeg process

    /// The command line of pass 1 (the only pass for MP4 and WebM) or pass 2 (GIF).
    private func arguments(pass: Int) -> [String] {
        var arguments = [
            "-hide_banner", "-nostats", "-loglevel", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", "\(encodedWidth)x\(encodedHeight)", "-r", "\(fps)",
            "-i", "-",
        ]
        let reproducible = ["-an", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact"]
        // x264 and libvpx give different bytes for different thread counts, so the count is fixed rather
        // than taken from the machine: the same frames then give the same video on every machine.
        let threads = ["-threads", "\(Self.encoderThreads)"]
        // Convert to 4:2:0 with the BT.709 matrix and say so, so that players do not guess (and shift colours).
        let bt709 = [
            "-vf", "scale=out_color_matrix=bt709:out_range=tv,format=yuv420p",
            "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv",
        ]
        // Files are named with the `file:` protocol, so that a colon in a path is not read as a protocol
        // and a leading dash not as an option.
        let output = "file:" + temporaryPath
        switch (format, pass) {
        case (.mp4, _):
            arguments += bt709 + ["-c:v", "libx264", "-preset", "medium", "-crf", "18", "-movflags", "+faststart"]
                + threads + reproducible + ["-f", "mp4", output]
        case (.webm, _):
            arguments += bt709 + ["-c:v", "libvpx-vp9", "-crf", "32", "-b:v", "0", "-row-mt", "1",
                                  "-deadline", "good", "-cpu-used", "4"]
                + threads + reproducible + ["-f", "webm", output]
        case (.gif, 1):
            // `stats_mode=diff` counts the colours of what changes from frame to frame, so the moving paths
            // get their own colours instead of being lost to the static background's many shades.
            // `-update 1`: one image under exactly this name (a `%` in it is not a frame-number pattern).
            arguments += ["-vf", "palettegen=stats_mode=diff", "-c:v", "png", "-update", "1"]
                + reproducible + ["-f", "image2", "file:" + palettePath!]
        case (.gif, _):
            // Error-diffusion dithering (Sierra 2-4A) keeps colour gradients smooth without bayer's
            // crosshatch; `diff_mode=rectangle` re-dithers only the rectangle that changed, so the static
            // background does not shimmer and each GIF frame stores just that rectangle.
            // `png_pipe` reads the palette under exactly this name (image2 would look for `%` patterns).
            arguments += ["-f", "png_pipe", "-i", "file:" + palettePath!,
                          "-lavfi", "[0:v][1:v]paletteuse=dither=sierra2_4a:diff_mode=rectangle",
                          "-c:v", "gif", "-loop", "0"]
                + reproducible + ["-f", "gif", output]
        }
        return arguments
    }

    /// Throws unless frames may be written now.
    private func requireEncoding() throws {
        switch state {
        case .encoding: return
        case .finished: throw VideoEncoderError.invalidRequest("'\(path)' is already finished")
        case .cancelled: throw VideoEncoderError.invalidRequest("the encoding of '\(path)' was cancelled")
        case .failed(let error): throw error
        }
    }

    /// Writes `bytes` to ffmpeg's input; when ffmpeg has stopped, fails with its exit status and last words.
    private func send(_ bytes: UnsafeRawBufferPointer) throws {
        guard let child else { return }
        if let problem = child.write(bytes) {
            let error = problem == EPIPE
                ? child.failure(path: path, note: "ffmpeg stopped reading frames")
                : VideoEncoderError.ffmpegFailed(path: path, status: "cannot send a frame to ffmpeg: \(String(cString: strerror(problem)))",
                                                 log: child.kill())
            abandon(error)
            throw error
        }
        framesWritten += 1
    }

    /// Closes ffmpeg's input and waits for it; throws (and abandons the encoding) unless it succeeded and
    /// wrote a non-empty `output`.
    private func endProcess(producing output: String) throws {
        guard let child else { return }
        self.child = nil
        let error: VideoEncoderError?
        if child.finish() {
            var info = stat()
            error = stat(output, &info) == 0 && info.st_size > 0
                ? nil
                : .ffmpegFailed(path: path, status: "ffmpeg exited successfully but wrote nothing", log: child.log)
        } else {
            error = child.failure(path: path, note: nil)
        }
        if let error {
            abandon(error)
            throw error
        }
    }

    /// Gives up after `error`: stops ffmpeg, removes the temporary files and remembers the error.
    private func abandon(_ error: VideoEncoderError) {
        child?.kill()
        child = nil
        removeTemporaryFiles()
        state = .failed(error)
    }

    private func removeTemporaryFiles() {
        _ = unlink(temporaryPath)
        if let palettePath { _ = unlink(palettePath) }
    }

    // MARK: - Files

    /// Reserves fresh temporary names next to `path`, `.<name>.tmp-<pid>-<random>.<ext>` for each of
    /// `extensions`, by creating them empty with O_EXCL (ffmpeg later overwrites them), and returns the
    /// common stem (without extension).
    private static func temporaryStem(near path: String, extensions: [String]) throws -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        attempts: for _ in 0..<100 {
            let stem = "\(folder).\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            var created: [String] = []
            for ext in extensions {
                let candidate = "\(stem).\(ext)"
                let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
                if descriptor < 0 {
                    let code = errno
                    created.forEach { _ = unlink($0) }
                    if code == EEXIST { continue attempts }
                    throw VideoEncoderError.writeFailed(path: path, reason: "cannot create a temporary file in its folder: \(String(cString: strerror(code)))")
                }
                _ = systemClose(descriptor)
                created.append(candidate)
            }
            return stem
        }
        throw VideoEncoderError.writeFailed(path: path, reason: "cannot find a free temporary file name")
    }

    /// Flushes the finished temporary file to disk before it is renamed (ffmpeg does not).
    private static func flush(_ temporary: String, finalPath: String) throws {
        let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw VideoEncoderError.writeFailed(path: finalPath, reason: "cannot reopen the temporary file: \(errnoText())")
        }
        defer { _ = systemClose(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw VideoEncoderError.writeFailed(path: finalPath, reason: "cannot flush to disk: \(errnoText())")
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }

    // MARK: - Encoder lists

    /// Threads for x264 and libvpx: enough for a small machine, and the same on every machine.
    private static let encoderThreads = 4

    /// Ignores SIGPIPE for the process, so that writing to a pipe whose reader has gone fails with EPIPE.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// The encoders each ffmpeg executable lists, asked once per executable.
    private static let knownEncoders = Mutex<[String: Set<String>]>([:])

    /// The names `ffmpeg -encoders` lists.
    private static func encoders(of ffmpeg: String) throws -> Set<String> {
        if let known = knownEncoders.withLock({ $0[ffmpeg] }) { return known }
        let (status, output, log) = try FFmpegProcess.run(ffmpeg: ffmpeg, arguments: ["-hide_banner", "-encoders"])
        // The list follows a line of dashes; each entry is "<6 capability letters> <name> <description>".
        let lines = output.split(separator: "\n")
        var names = Set<String>()
        if let dashes = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("------") }) {
            for line in lines[(dashes + 1)...] {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                if fields.count >= 2, fields[0].count == 6 { names.insert(String(fields[1])) }
            }
        }
        guard status == 0, !names.isEmpty else {
            let reason = status == 0 ? "`ffmpeg -encoders` listed no encoders" : "`ffmpeg -encoders` failed (exit status \(status))"
            throw VideoEncoderError.ffmpegUnusable(ffmpeg: ffmpeg, reason: log.isEmpty ? reason : "\(reason): \(log)")
        }
        knownEncoders.withLock { $0[ffmpeg] = names }
        return names
    }
}

// MARK: - Errors

/// A video could not be encoded or written.
public enum VideoEncoderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The request cannot describe a video (a bad size or rate, a frame of the wrong size), or the calls
    /// came out of order.
    case invalidRequest(String)
    /// The ffmpeg executable cannot be run, or does not behave like ffmpeg.
    case ffmpegUnusable(ffmpeg: String, reason: String)
    /// This ffmpeg was built without the encoder the format needs.
    case encoderMissing(format: VideoEncoder.Format, encoder: String, ffmpeg: String)
    /// ffmpeg stopped with an error while encoding `path`; `log` holds the last lines it printed.
    case ffmpegFailed(path: String, status: String, log: String)
    /// A temporary file could not be created, or the finished video could not be moved to `path`.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidRequest(let message):
            "invalid video request: \(message)"
        case .ffmpegUnusable(let ffmpeg, let reason):
            "cannot use ffmpeg at '\(ffmpeg)': \(reason)"
        case .encoderMissing(let format, let encoder, let ffmpeg):
            "the ffmpeg at '\(ffmpeg)' has no \(encoder) encoder, which \(format.rawValue) needs "
                + "(Debian's ffmpeg package has libx264, libvpx-vp9, gif and png)"
        case .ffmpegFailed(let path, let status, let log):
            "ffmpeg failed to write '\(path)' (\(status))" + (log.isEmpty ? "" : ":\n\(log)")
        case .writeFailed(let path, let reason):
            "cannot write '\(path)': \(reason)"
        }
    }
}

// MARK: - Running ffmpeg

/// One running ffmpeg: its standard input is a pipe we write frames to, its standard error is drained on a
/// background thread into a bounded tail (so a chatty ffmpeg can never block on a full pipe), and its
/// standard output goes nowhere.
private final class FFmpegProcess {
    private let process = Process()
    private let input = Pipe()
    private let errors: ErrorTail

    /// Starts `ffmpeg` with `arguments`.
    init(ffmpeg: String, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: ffmpeg)
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        let errorPipe = Pipe()
        process.standardError = errorPipe
        do {
            try process.run()
        } catch {
            throw VideoEncoderError.ffmpegUnusable(ffmpeg: ffmpeg, reason: "cannot start it: \(error.localizedDescription)")
        }
        // Our copies of the child's ends must go: otherwise a dead ffmpeg would not break the input pipe
        // (writes would block forever) and its error output would never reach end of file.
        try? input.fileHandleForReading.close()
        try? errorPipe.fileHandleForWriting.close()
        errors = ErrorTail(draining: errorPipe.fileHandleForReading)
        #if os(Linux)
        // A 1 MiB pipe (F_SETPIPE_SZ) hands frames over in fewer, larger pieces than the default 64 KiB;
        // should the system refuse, the default is fine.
        _ = fcntl(input.fileHandleForWriting.fileDescriptor, 1031, 1 << 20)
        #endif
    }

    /// Writes all of `bytes`; returns nil, or the errno that stopped it (EPIPE: ffmpeg has gone).
    func write(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        let descriptor = input.fileHandleForWriting.fileDescriptor
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    /// Closes the input and waits for ffmpeg to exit; true when it exited with status 0.
    func finish() -> Bool {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationReason == .exit && process.terminationStatus == 0
    }

    /// The error to report for an ffmpeg that failed or quit early (waits for it to exit first).
    func failure(path: String, note: String?) -> VideoEncoderError {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        var status = process.terminationReason == .exit
            ? "exit status \(process.terminationStatus)"
            : "killed by signal \(process.terminationStatus)"
        if let note { status = "\(note); \(status)" }
        return .ffmpegFailed(path: path, status: status, log: log)
    }

    /// Stops ffmpeg now (SIGTERM, then SIGKILL after two seconds) and returns its last words.
    @discardableResult
    func kill() -> String {
        try? input.fileHandleForWriting.close()
        if process.isRunning {
            process.terminate()
            let deadline = Date(timeIntervalSinceNow: 2)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { _ = systemKill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        return log
    }

    /// The last lines ffmpeg wrote to its standard error (after it has exited).
    var log: String { errors.lastLines(10) }

    /// Runs `ffmpeg` to completion with no input; returns its exit status, standard output and last error
    /// lines.
    static func run(ffmpeg: String, arguments: [String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ffmpeg)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let outputPipe = Pipe(), errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        do {
            try process.run()
        } catch {
            throw VideoEncoderError.ffmpegUnusable(ffmpeg: ffmpeg, reason: "cannot start it: \(error.localizedDescription)")
        }
        try? outputPipe.fileHandleForWriting.close()
        try? errorPipe.fileHandleForWriting.close()
        let errors = ErrorTail(draining: errorPipe.fileHandleForReading)
        let output = (try? outputPipe.fileHandleForReading.readToEnd()) ?? Data()
        process.waitUntilExit()
        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        return (status, String(decoding: output, as: UTF8.self), errors.lastLines(10))
    }
}

/// The last 64 KiB a process writes to a pipe, read on a background thread until end of file.
private final class ErrorTail: Sendable {
    private let bytes = Mutex<[UInt8]>([])
    private let done = DispatchSemaphore(value: 0)
    private static let limit = 1 << 16

    /// Starts draining `handle` (the read end of the process's standard error); the thread closes it at
    /// end of file.
    init(draining handle: FileHandle) {
        Thread.detachNewThread { [self] in
            // `read(upToCount:)` throws on a read error where `availableData` would trap.
            while let chunk = try? handle.read(upToCount: Self.limit), !chunk.isEmpty {
                bytes.withLock { tail in
                    tail.append(contentsOf: chunk)
                    if tail.count > Self.limit { tail.removeFirst(tail.count - Self.limit) }
                }
            }
            try? handle.close()
            done.signal()
        }
    }

    /// The last `count` non-empty lines, once the writer has closed the pipe (or after two seconds, should
    /// a grandchild have inherited it).
    func lastLines(_ count: Int) -> String {
        if done.wait(timeout: .now() + 2) == .success { done.signal() }
        let text = bytes.withLock { String(decoding: $0, as: UTF8.self) }
        return text.split(whereSeparator: \.isNewline).suffix(count).joined(separator: "\n")
    }
}
