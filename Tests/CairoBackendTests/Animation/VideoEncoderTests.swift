import CairoBackend
import Foundation
import Testing

/// Videos through ffmpeg: real encodes checked with ffprobe when ffmpeg is installed; locating ffmpeg,
/// the exact bytes sent to it, and failures, with fake ffmpeg scripts, always.
@Suite struct VideoEncoderTests {}

/// The machine's ffmpeg and the ffprobe next to it, when both are there.
private let realFFmpeg: (ffmpeg: String, ffprobe: String)? = {
    guard let ffmpeg = VideoEncoder.locateFFmpeg() else { return nil }
    let ffprobe = URL(fileURLWithPath: ffmpeg).deletingLastPathComponent().appendingPathComponent("ffprobe").path
    return FileManager.default.isExecutableFile(atPath: ffprobe) ? (ffmpeg, ffprobe) : nil
}()

private let skipWithoutFFmpeg = "no ffmpeg with an ffprobe next to it (install the Debian package ffmpeg, or check DESCENT_FFMPEG), so no real video is encoded"

// MARK: - Helpers

extension VideoEncoderTests {
    /// A new empty folder for one test.
    private func makeFolder() throws -> String {
        let path = NSTemporaryDirectory() + "descent-video-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    private func contents(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    /// Writes an executable shell script `name` into `folder` and returns its path.
    ///
    /// The file is opened with O_CLOEXEC: tests run in parallel and start processes, and a child that
    /// inherited a descriptor open for writing on the script would make running it fail (ETXTBSY).
    private func script(_ name: String, in folder: String, _ body: String) throws -> String {
        let path = folder + "/" + name
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try file.write(contentsOf: Data(("#!/bin/sh\n" + body + "\n").utf8))
        try file.close()
        return path
    }

    /// Shell lines making a fake ffmpeg answer `-encoders` like the real one, listing `encoders`.
    private func encoderList(_ encoders: [String] = ["libx264", "libvpx-vp9", "gif", "png"]) -> String {
        let lines = encoders.map { " V....D \($0)  fake" }.joined(separator: "\\n")
        return #"for a in "$@"; do [ "$a" = -encoders ] && { printf 'Encoders:\n ------\n\#(lines)\n'; exit 0; }; done"#
    }

    /// A fake ffmpeg that copies its input, unchanged, to the file named by its last argument (`file:PATH`).
    private func copyingFFmpeg(in folder: String) throws -> String {
        try script("ffmpeg", in: folder, encoderList() + "\n" + #"for a in "$@"; do last=$a; done; cat > "${last#file:}""#)
    }

    /// Runs `executable` to the end; returns its exit status and standard output.
    private func run(_ executable: String, _ arguments: [String]) throws -> (Int32, Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    private static let background: UInt32 = 0xFF1E_2A3C
    private static let square: UInt32 = 0xFFE8_5A2C
    private static let side = 12

    /// Where the square's top-left corner is in frame `index`.
    private static func corner(_ index: Int) -> (x: Int, y: Int) { (4 + 4 * index, 6 + 2 * index) }

    /// Frame `index` of the test animation: a square moving down and right over a dark background.
    private static func frame(_ index: Int, width: Int, height: Int) -> FrameImage {
        var image = FrameImage(width: width, height: height, fill: background)
        let (x0, y0) = corner(index)
        for y in y0..<min(height, y0 + side) {
            for x in x0..<min(width, x0 + side) { image.pixels[y * width + x] = square }
        }
        return image
    }

    /// The colour of an opaque ARGB32 word as [R, G, B].
    private static func rgb(_ word: UInt32) -> [Int] {
        [Int(word >> 16 & 0xFF), Int(word >> 8 & 0xFF), Int(word & 0xFF)]
    }

    /// Encodes `frames` frames of the test animation into `path` (twice over for a GIF).
    private func encode(_ format: VideoEncoder.Format, to path: String, width: Int, height: Int, frames: Int,
                        ffmpeg: String) throws {
        let encoder = try VideoEncoder(format: format, path: path, width: width, height: height, fps: 10, ffmpeg: ffmpeg)
        for index in 0..<frames { try encoder.write(Self.frame(index, width: width, height: height)) }
        if encoder.needsSecondPass {
            try encoder.beginSecondPass()
            for index in 0..<frames { try encoder.write(Self.frame(index, width: width, height: height)) }
        }
        try encoder.finish()
    }

    /// What ffprobe says of the first video stream: codec_name, width, height, nb_read_frames.
    private func probe(_ path: String, ffprobe: String) throws -> [String: String] {
        let (status, output) = try run(ffprobe, ["-v", "error", "-count_frames", "-select_streams", "v:0",
                                                 "-show_entries", "stream=codec_name,width,height,nb_read_frames",
                                                 "-of", "default=noprint_wrappers=1", path])
        #expect(status == 0)
        var fields: [String: String] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        return fields
    }

    /// Frame `index` of a video decoded by ffmpeg to packed RGB24.
    private func decodeFrame(_ path: String, index: Int, ffmpeg: String) throws -> [UInt8] {
        let (status, output) = try run(ffmpeg, ["-v", "error", "-i", path, "-vf", "select=eq(n\\,\(index))",
                                                "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"])
        #expect(status == 0)
        return [UInt8](output)
    }
}

// MARK: - Real encodes (need ffmpeg)

extension VideoEncoderTests {
    /// Each format at an even and an odd size: ffprobe reads back the codec, the size and all ten frames,
    /// ffmpeg decodes the square in its colour at its place, and nothing but the video is left behind.
    ///
    /// MP4 pads odd sizes up to even ones (H.264 in 4:2:0 needs them), so 65 × 49 becomes 66 × 50; WebM and
    /// GIF keep the size.
    @Test(.enabled(if: realFFmpeg != nil, Comment(rawValue: skipWithoutFFmpeg)),
          arguments: VideoEncoder.Format.allCases, [(64, 48), (65, 49)])
    func encodesTenFramesThatDecodeBack(format: VideoEncoder.Format, size: (Int, Int)) throws {
        let (ffmpeg, ffprobe) = try #require(realFFmpeg)
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (width, height) = size
        let path = folder + "/square.\(format.fileExtension)"
        try encode(format, to: path, width: width, height: height, frames: 10, ffmpeg: ffmpeg)
        #expect(try contents(folder) == ["square.\(format.fileExtension)"])

        let info = try probe(path, ffprobe: ffprobe)
        let expectedCodec: [VideoEncoder.Format: String] = [.mp4: "h264", .webm: "vp9", .gif: "gif"]
        let videoWidth = format == .mp4 ? (width + 1) / 2 * 2 : width
        let videoHeight = format == .mp4 ? (height + 1) / 2 * 2 : height
        #expect(info["codec_name"] == expectedCodec[format])
        #expect(info["width"] == "\(videoWidth)")
        #expect(info["height"] == "\(videoHeight)")
        #expect(info["nb_read_frames"] == "10")

        // The middle of the square in frame 5, and a background pixel far from it.
        let pixels = try decodeFrame(path, index: 5, ffmpeg: ffmpeg)
        #expect(pixels.count == videoWidth * videoHeight * 3)
        guard pixels.count == videoWidth * videoHeight * 3 else { return }
        func pixel(_ x: Int, _ y: Int) -> [Int] {
            let i = (y * videoWidth + x) * 3
            return pixels[i..<(i + 3)].map(Int.init)
        }
        let (x0, y0) = Self.corner(5)
        let inside = pixel(x0 + Self.side / 2, y0 + Self.side / 2)
        let outside = pixel(width - 3, 2)
        #expect(close(inside, Self.rgb(Self.square), tolerance: 12), "square decoded as \(inside)")
        #expect(close(outside, Self.rgb(Self.background), tolerance: 12), "background decoded as \(outside)")
    }

    /// The same frames give the same bytes (the encoder asks for bit-exact output without metadata), and
    /// file names that ffmpeg could misread (`%`, `:`) work.
    @Test(.enabled(if: realFFmpeg != nil, Comment(rawValue: skipWithoutFFmpeg)),
          arguments: VideoEncoder.Format.allCases)
    func sameFramesGiveSameBytes(format: VideoEncoder.Format) throws {
        let (ffmpeg, _) = try #require(realFFmpeg)
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = folder + "/a.\(format.fileExtension)", second = folder + "/100% sure: b.\(format.fileExtension)"
        try encode(format, to: first, width: 64, height: 48, frames: 6, ffmpeg: ffmpeg)
        try encode(format, to: second, width: 64, height: 48, frames: 6, ffmpeg: ffmpeg)
        #expect(FileManager.default.contentsEqual(atPath: first, andPath: second))
        #expect(try contents(folder) == ["100% sure: b.\(format.fileExtension)", "a.\(format.fileExtension)"])
    }

    @Test(.enabled(if: realFFmpeg != nil, Comment(rawValue: skipWithoutFFmpeg)))
    func machineFFmpegSupportsEveryFormat() throws {
        let (ffmpeg, _) = try #require(realFFmpeg)
        #expect(try VideoEncoder.supportedFormats(ffmpeg: ffmpeg) == VideoEncoder.Format.allCases)
    }
}

// MARK: - Finding ffmpeg (no ffmpeg needed)

extension VideoEncoderTests {
    @Test func overrideNamingNothingGivesNil() {
        #expect(VideoEncoder.locateFFmpeg(environment: ["DESCENT_FFMPEG": "/nonexistent"]) == nil)
        // The override decides alone: a wrong one is not quietly replaced by the ffmpeg in PATH.
        #expect(VideoEncoder.locateFFmpeg(environment: ["DESCENT_FFMPEG": "/nonexistent", "PATH": "/usr/bin:/bin"]) == nil)
    }

    @Test func searchesPathForAnExecutableFile() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let notExecutable = folder + "/first", directory = folder + "/second", real = folder + "/third"
        for sub in [notExecutable, directory, real] { try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: false) }
        try "not a program".write(toFile: notExecutable + "/ffmpeg", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/ffmpeg", withIntermediateDirectories: false)
        let fake = try script("ffmpeg", in: real, "exit 0")

        let path = "\(folder)/missing::\(notExecutable):\(directory)/:\(real)"
        #expect(VideoEncoder.locateFFmpeg(environment: ["PATH": path]) == fake)
        #expect(VideoEncoder.locateFFmpeg(environment: ["PATH": "\(folder)/missing:\(notExecutable)"]) == nil)
        #expect(VideoEncoder.locateFFmpeg(environment: ["PATH": ""]) == nil)

        // DESCENT_FFMPEG: a path is taken as it is, a bare name is looked up in PATH.
        let other = try script("ffmpeg-6", in: real, "exit 0")
        #expect(VideoEncoder.locateFFmpeg(environment: ["DESCENT_FFMPEG": other, "PATH": "/nonexistent"]) == other)
        #expect(VideoEncoder.locateFFmpeg(environment: ["DESCENT_FFMPEG": "ffmpeg-6", "PATH": real]) == other)
        #expect(VideoEncoder.locateFFmpeg(environment: ["DESCENT_FFMPEG": notExecutable + "/ffmpeg", "PATH": real]) == nil)
        #expect(VideoEncoder.locateFFmpeg(environment: ["DESCENT_FFMPEG": "", "PATH": real]) == fake)
    }

    @Test func missingMessageNamesTheDebianPackage() {
        let message = VideoEncoder.missingMessage
        #expect(message.contains("apt-get install ffmpeg"))
        #expect(message.contains("Debian package ffmpeg"))
        #expect(!message.contains("\n"))
    }
}

// MARK: - What reaches ffmpeg, and failures (fake ffmpeg scripts)

extension VideoEncoderTests {
    /// The pipe carries packed RGB24: opaque pixels copied, others un-premultiplied by PNGEncoder's rule.
    @Test func sendsStraightRGB24() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ffmpeg = try copyingFFmpeg(in: folder)
        var words: [UInt32] = []
        var expected: [UInt8] = []
        for a in [255, 0, 1, 2, 17, 128, 254] as [UInt32] {
            for p in [0, 1, a / 2, a, 255] as [UInt32] {
                words.append(a << 24 | p << 16 | (a - min(a, p)) << 8 | min(a, 200))
                expected += [p, a - min(a, p), min(a, 200)].map { c -> UInt8 in
                    a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a))
                }
            }
        }
        let path = folder + "/raw.webm"
        let encoder = try VideoEncoder(format: .webm, path: path, width: 5, height: 7, fps: 25, ffmpeg: ffmpeg)
        try encoder.write(FrameImage(width: 5, height: 7, pixels: words))
        try expected.withUnsafeBytes { try encoder.write(rgb: $0) }
        #expect(encoder.framesWritten == 2)
        try encoder.finish()
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == expected + expected)
        #expect(try contents(folder) == ["ffmpeg", "raw.webm"])
    }

    /// MP4 of an odd size: the extra column and row repeat the last ones.
    @Test func mp4PadsOddSizesByRepeatingTheEdge() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ffmpeg = try copyingFFmpeg(in: folder)
        let path = folder + "/odd.mp4"
        let encoder = try VideoEncoder(format: .mp4, path: path, width: 3, height: 1, fps: 30, ffmpeg: ffmpeg)
        try encoder.write(FrameImage(width: 3, height: 1, pixels: [0xFF01_0203, 0xFF04_0506, 0xFF07_0809]))
        try [10, 11, 12, 13, 14, 15, 16, 17, 18].map(UInt8.init).withUnsafeBytes { try encoder.write(rgb: $0) }
        try encoder.finish()
        let row1: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 7, 8, 9]
        let row2: [UInt8] = [10, 11, 12, 13, 14, 15, 16, 17, 18, 16, 17, 18]
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == row1 + row1 + row2 + row2)
    }

    /// A GIF takes the frames twice; the palette file goes away.
    @Test func gifTakesTwoPasses() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ffmpeg = try copyingFFmpeg(in: folder)
        let path = folder + "/two.gif"
        let encoder = try VideoEncoder(format: .gif, path: path, width: 2, height: 2, fps: 30, ffmpeg: ffmpeg)
        #expect(encoder.needsSecondPass)
        let frame = FrameImage(width: 2, height: 2, fill: 0xFF10_2030)
        try encoder.write(frame)
        #expect { try encoder.finish() } throws: { ($0 as? VideoEncoderError)?.description.contains("beginSecondPass") == true }
        try encoder.beginSecondPass()
        try encoder.write(frame)
        try encoder.finish()
        #expect(try contents(folder) == ["ffmpeg", "two.gif"])
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == [0x10, 0x20, 0x30, 0x10, 0x20, 0x30, 0x10, 0x20, 0x30, 0x10, 0x20, 0x30])
    }

    @Test func onlyGIFNeedsASecondPass() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ffmpeg = try copyingFFmpeg(in: folder)
        let encoder = try VideoEncoder(format: .mp4, path: folder + "/one.mp4", width: 2, height: 2, fps: 30, ffmpeg: ffmpeg)
        #expect(!encoder.needsSecondPass)
        try encoder.write(FrameImage(width: 2, height: 2, fill: 0xFF00_0000))
        #expect(throws: VideoEncoderError.self) { try encoder.beginSecondPass() }
        // A frame of the wrong size is refused, and the encoder goes on.
        #expect(throws: VideoEncoderError.self) { try encoder.write(FrameImage(width: 3, height: 2)) }
        try encoder.finish()
        #expect(throws: VideoEncoderError.self) { try encoder.write(FrameImage(width: 2, height: 2)) }
        #expect(try contents(folder) == ["ffmpeg", "one.mp4"])
    }

    /// An ffmpeg that reads everything and then fails: finish() reports its message; nothing is left.
    @Test func failingFFmpegLeavesNothing() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ffmpeg = try script("ffmpeg", in: folder, encoderList() + """

            cat > /dev/null
            echo "fake ffmpeg: Conversion failed because the disk is made of cheese" >&2
            exit 1
            """)
        let path = folder + "/movie.mp4"
        let encoder = try VideoEncoder(format: .mp4, path: path, width: 16, height: 16, fps: 30, ffmpeg: ffmpeg)
        #expect(try contents(folder).count == 2, "ffmpeg and the temporary video")
        for _ in 0..<3 { try encoder.write(FrameImage(width: 16, height: 16, fill: 0xFF80_8080)) }
        let error = #expect(throws: VideoEncoderError.self) { try encoder.finish() }
        #expect(error?.description.contains("disk is made of cheese") == true, "\(String(describing: error))")
        #expect(error?.description.contains("exit status 1") == true)
        #expect(try contents(folder) == ["ffmpeg"])
        // The encoder is spent: later calls repeat the failure.
        if let error { #expect(throws: error) { try encoder.finish() } }
    }

    /// An ffmpeg that dies at once: a write fails with its message (no SIGPIPE crash); an existing file under
    /// the final name is kept.
    @Test func ffmpegDyingEarlyFailsTheWrite() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ffmpeg = try script("ffmpeg", in: folder, encoderList() + """

            echo "fake ffmpeg: Unknown encoder" >&2
            exit 3
            """)
        let path = folder + "/movie.gif"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        let encoder = try VideoEncoder(format: .gif, path: path, width: 64, height: 48, fps: 30, ffmpeg: ffmpeg)
        let frame = FrameImage(width: 64, height: 48, fill: 0xFF00_FF00)
        var failure: VideoEncoderError?
        // The pipe holds at most about a megabyte; 2000 frames are 18 MB.
        for _ in 0..<2000 where failure == nil {
            do { try encoder.write(frame) } catch { failure = error as? VideoEncoderError }
        }
        let error = try #require(failure)
        #expect(error.description.contains("fake ffmpeg: Unknown encoder"), "\(error)")
        #expect(error.description.contains("exit status 3"))
        #expect(try contents(folder) == ["ffmpeg", "movie.gif"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    }

    @Test func ffmpegWithoutTheEncoderIsRefused() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ffmpeg = try script("ffmpeg", in: folder, encoderList(["gif", "png", "libvpx"]) + "\nexit 1")
        #expect(try VideoEncoder.supportedFormats(ffmpeg: ffmpeg) == [.gif])
        #expect(throws: VideoEncoderError.encoderMissing(format: .webm, encoder: "libvpx-vp9", ffmpeg: ffmpeg)) {
            _ = try VideoEncoder(format: .webm, path: folder + "/a.webm", width: 8, height: 8, fps: 30, ffmpeg: ffmpeg)
        }
        #expect(try contents(folder) == ["ffmpeg"])
    }

    @Test func notAnFFmpegIsRefused() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ffmpeg = try script("ffmpeg", in: folder, "echo 'command not understood' >&2; exit 2")
        let error = #expect(throws: VideoEncoderError.self) {
            _ = try VideoEncoder(format: .gif, path: folder + "/a.gif", width: 8, height: 8, fps: 30, ffmpeg: ffmpeg)
        }
        #expect(error?.description.contains("command not understood") == true, "\(String(describing: error))")
        #expect(throws: VideoEncoderError.self) {
            _ = try VideoEncoder(format: .gif, path: folder + "/a.gif", width: 8, height: 8, fps: 30, ffmpeg: folder + "/none")
        }
        #expect(try contents(folder) == ["ffmpeg"])

        // An ffmpeg that lists its encoders and then vanishes: starting the encode fails after the temporary
        // files were made, and they go too.
        let vanishing = try script("vanishing", in: folder, encoderList().replacingOccurrences(of: "exit 0", with: #"rm -f "$0"; exit 0"#))
        #expect(throws: VideoEncoderError.self) {
            _ = try VideoEncoder(format: .gif, path: folder + "/b.gif", width: 8, height: 8, fps: 30, ffmpeg: vanishing)
        }
        #expect(try contents(folder) == ["ffmpeg"])
    }

    /// Cancelling, or dropping an unfinished encoder, stops ffmpeg and removes the temporary files.
    @Test func cancelAndDeinitCleanUp() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ffmpeg = try copyingFFmpeg(in: folder)
        let frame = FrameImage(width: 4, height: 4, fill: 0xFF00_00FF)
        let encoder = try VideoEncoder(format: .gif, path: folder + "/a.gif", width: 4, height: 4, fps: 30, ffmpeg: ffmpeg)
        try encoder.write(frame)
        #expect(try contents(folder).count == 3, "ffmpeg, the temporary GIF and the palette")
        encoder.cancel()
        encoder.cancel()
        #expect(try contents(folder) == ["ffmpeg"])
        #expect(throws: VideoEncoderError.self) { try encoder.write(frame) }

        do {
            let dropped = try VideoEncoder(format: .webm, path: folder + "/b.webm", width: 4, height: 4, fps: 30, ffmpeg: ffmpeg)
            try dropped.write(frame)
        }
        #expect(try contents(folder) == ["ffmpeg"])
    }

    @Test func badRequestsAreRefused() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ffmpeg = try copyingFFmpeg(in: folder)
        for (width, height, fps, path) in [(0, 4, 30, "/a.mp4"), (4, 4, 0, "/a.mp4"), (4, 4, 30, "/")] {
            #expect(throws: VideoEncoderError.self) {
                _ = try VideoEncoder(format: .mp4, path: folder + path, width: width, height: height, fps: fps, ffmpeg: ffmpeg)
            }
        }
        let missingFolder = folder + "/missing/a.mp4"
        #expect {
            _ = try VideoEncoder(format: .mp4, path: missingFolder, width: 4, height: 4, fps: 30, ffmpeg: ffmpeg)
        } throws: { error in
            guard case .writeFailed(let path, let reason) = error as? VideoEncoderError else { return false }
            return path == missingFolder && reason.contains("No such file or directory")
        }
        let empty = try VideoEncoder(format: .webm, path: folder + "/empty.webm", width: 4, height: 4, fps: 30, ffmpeg: ffmpeg)
        #expect(throws: VideoEncoderError.self) { try empty.finish() }
        #expect(try contents(folder) == ["ffmpeg"])
    }
}
