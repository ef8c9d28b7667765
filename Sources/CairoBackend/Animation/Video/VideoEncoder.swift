import Foundation
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
/// renamed over `path` only when ffmpeg has succeeded, both by `AtomicFile`, so a reader never finds a
/// truncated video under the final name. When anything fails the temporary files are removed and `path` is left as it was. The
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
    let encodedWidth: Int
    let encodedHeight: Int
    /// The temporary video, renamed over `path` by `finish()`.
    let temporaryPath: String
    /// GIF only: the palette that pass 1 writes and pass 2 reads.
    let palettePath: String?
    /// Frames written in pass 1 (GIF), which pass 2 must repeat.
    private var firstPassFrames = 0
    /// One frame of packed RGB24 at the encoded size, plus one byte of slack for 4-byte stores.
    let rgb: UnsafeMutableRawBufferPointer

    /// Ignores SIGPIPE for the process, so that writing to a pipe whose reader has gone fails with EPIPE.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

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

        (temporaryPath, palettePath) = try Self.reserveTemporaryFiles(near: path, format: format)
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
            // ffmpeg does not flush the video to disk: `moveIntoPlace` reopens it to do so, then renames it.
            try AtomicFile.moveIntoPlace(temporaryPath, descriptor: nil, path: path)
        } catch {
            let failure = (error as? RenderError).map(VideoEncoderError.init) ?? .writeFailed(path: path, reason: "\(error)")
            abandon(failure)
            throw failure
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

    // MARK: - State

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

    // MARK: - Temporary files

    /// Reserves the files ffmpeg writes, next to `path` and named by `AtomicFile`: the video
    /// (`.<name>.tmp-<pid>-<random>.<ext>`) and, for a GIF, the palette (`….palette.png`). They are created
    /// empty, so that no one else takes the names, and ffmpeg overwrites them.
    ///
    /// - Throws: `VideoEncoderError.writeFailed` when they cannot be created; none is left then.
    private static func reserveTemporaryFiles(near path: String, format: Format) throws -> (video: String, palette: String?) {
        func reserve(_ suffix: String) throws -> String {
            let (descriptor, name) = try AtomicFile.createTemporary(near: path, suffix: suffix)
            _ = systemClose(descriptor)
            return name
        }
        do {
            let video = try reserve("." + format.fileExtension)
            guard format == .gif else { return (video, nil) }
            do {
                return (video, try reserve(".palette.png"))
            } catch {
                _ = unlink(video)
                throw error
            }
        } catch let error as RenderError {
            throw VideoEncoderError(error)
        }
    }

    /// Removes the temporary video and palette (those ffmpeg has not written yet are empty).
    private func removeTemporaryFiles() {
        _ = unlink(temporaryPath)
        if let palettePath { _ = unlink(palettePath) }
    }
}
