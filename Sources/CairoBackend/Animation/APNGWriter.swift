import CPNG
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams an animated PNG (APNG) to a file, frame by frame, storing only what changed.
///
/// The file is an ordinary 8-bit RGBA PNG whose image is the first frame, plus the APNG chunks: acTL
/// (frame and loop counts) after IHDR, an fcTL before each frame's data, and fdAT chunks holding the data
/// of every frame after the first. Each later frame covers only the smallest rectangle containing the
/// pixels that differ from the frame before; unchanged pixels inside it are fully transparent and the
/// rectangle is blended OVER the canvas, or, when some changed pixel is not opaque (which OVER cannot
/// express), it holds the real pixels and replaces the canvas there (SOURCE). No frame is ever disposed,
/// so the canvas after frame k is exactly frame k, un-premultiplied as `FramePNG` does it.
///
/// Compressing is separate from writing, so that frames can be compressed on several threads while one
/// thread writes them in order:
///
/// ```swift
/// let writer = try APNGWriter(path: "race.png", width: 1280, height: 720, delay: (1, 30), level: 3)
/// for k in frames.indices {   // encodeFrame may run concurrently for different k
///     try writer.append(APNGWriter.encodeFrame(previous: k > 0 ? frames[k - 1] : nil, current: frames[k], level: 3))
/// }
/// try writer.finish()
/// ```
///
/// A frame identical to the one before is not written: its delay is added to that frame's (the writer
/// holds back the latest frame until the next one differs), so pauses cost nothing. The writer keeps at
/// most one compressed frame in memory.
///
/// Like `AtomicFile`, the writer works on a temporary file (`.<name>.tmp-<pid>-<n>`) in the destination's
/// folder and renames it over `path` in `finish()`, so a reader sees a complete animation or none.
/// `cancel()`, an error, or releasing an unfinished writer removes the temporary file and leaves `path`
/// as it was. A writer is used from one thread at a time.
public final class APNGWriter {
    /// Where `finish()` puts the animation.
    public let path: String
    /// The animation's size in pixels.
    public let width: Int
    public let height: Int
    /// How long each appended frame is shown: numerator / denominator seconds (a denominator of 0
    /// means 1/100 s, as in APNG).
    public let delay: (numerator: UInt16, denominator: UInt16)
    /// How many times the animation plays; 0 means forever.
    public let loops: UInt32
    /// The zlib level of the frames this writer compresses itself (see `append`).
    public let level: Int

    /// The frames in the animation so far: those written and the one held back. Repeats merged into the
    /// frame before do not count; the one-pixel frames that carry very long pauses do.
    public var frameCount: Int { Int(framesWritten) + (pending == nil ? 0 : 1) }

    private var descriptor: Int32
    private let temporary: String
    private var isOpen = true
    /// The next fcTL/fdAT sequence number.
    private var sequence: UInt32 = 0
    /// Frames (fcTL chunks) written so far.
    private var framesWritten: UInt32 = 0
    /// The latest non-empty frame, held back until the next one so that repeats can extend its delay.
    private var pending: EncodedFrame?
    /// The delay numerator of `pending`, with the repeats after it added.
    private var pendingDelay: UInt16 = 0
    /// Bytes waiting to be written, so that small chunks cost no system call each.
    private var buffer: [UInt8] = []

    /// Where the acTL chunk starts: after the signature (8 bytes) and IHDR (12 + 13).
    private static let actlOffset: off_t = 33
    /// Bytes gathered before a `write(2)`.
    private static let bufferSize = 1 << 18

    /// Starts an animation of `width × height` pixels: creates the temporary file and writes the PNG
    /// signature, IHDR (8-bit RGBA) and an acTL whose frame count `finish()` fills in.
    ///
    /// - Parameters:
    ///   - path: The file to create or replace when the animation is finished; its folder must exist.
    ///   - width: The canvas width in pixels, at least 1.
    ///   - height: The canvas height in pixels, at least 1.
    ///   - delay: How long each frame is shown, numerator / denominator seconds, e.g. (1, 30).
    ///   - loops: How many times to play the animation; 0 (the default) plays it forever.
    ///   - level: The zlib level (0...9) for the few frames the writer compresses itself; use the same
    ///     level for `encodeFrame`.
    /// - Throws: `RenderError.invalidRequest` for a bad size or level, `RenderError.writeFailed` when the
    ///   file cannot be created or written.
    public init(path: String, width: Int, height: Int, delay: (numerator: UInt16, denominator: UInt16),
                loops: UInt32 = 0, level: Int) throws {
        guard width > 0, height > 0, width <= Int(Int32.max), height <= Int(Int32.max) else {
            throw RenderError.invalidRequest("an animation must be at least 1 × 1 pixel (got \(width) × \(height))")
        }
        guard (0...9).contains(level) else {
            throw RenderError.invalidRequest("compression level \(level) is not in 0...9")
        }
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw RenderError.writeFailed(path: path, reason: "the path does not name a file")
        }
        self.path = path
        self.width = width
        self.height = height
        self.delay = delay
        self.loops = loops
        self.level = level
        (descriptor, temporary) = try AtomicFile.createTemporary(near: path)
        do {
            buffer += FramePNG.pngSignature
            chunk("IHDR", FramePNG.header(width: width, height: height, colorType: 6))
            chunk("acTL", animationControl(frames: 0))
            try flush()
        } catch {
            cancel()
            throw error
        }
    }

    deinit {
        if isOpen { cancel() }
    }

    // MARK: - Writing

    /// Adds the next frame, shown for `delay`.
    ///
    /// Frames must come in order, the first one covering the whole canvas with blend SOURCE (as
    /// `encodeFrame` with no previous frame makes it). An empty frame extends the delay of the frame
    /// before; when that delay would no longer fit APNG's 16-bit numerator, a transparent one-pixel OVER
    /// frame, which changes nothing, carries the rest.
    ///
    /// - Throws: `PNGError` when the frame belongs to an animation of another size, or the first frame is
    ///   empty or not a whole-canvas SOURCE frame; `RenderError.writeFailed` when writing fails or the
    ///   writer is already finished or cancelled. After a write failure the temporary file is gone.
    public func append(_ frame: EncodedFrame) throws {
        try checkOpen()
        guard frame.canvasWidth == width, frame.canvasHeight == height else {
            throw PNGError("a frame of a \(frame.canvasWidth) × \(frame.canvasHeight) animation cannot be added "
                           + "to a \(width) × \(height) one")
        }
        if frame.isEmpty {
            guard pending != nil else { throw PNGError("the first frame of an animation cannot be empty") }
            let (sum, overflow) = pendingDelay.addingReportingOverflow(delay.numerator)
            if !overflow {
                pendingDelay = sum
                return
            }
            let carrier = try Self.encode(FrameImage(width: 1, height: 1), rectangle: (0, 0, 1, 1), blend: .over,
                                          previous: nil, level: level)
            try failing { try writePending() }
            pending = carrier
            pendingDelay = delay.numerator
            return
        }
        if pending == nil, framesWritten == 0,
           frame.x != 0 || frame.y != 0 || frame.width != width || frame.height != height || frame.blend != .source {
            // Frame 0 is also the PNG's image, and the canvas under it is transparent.
            throw PNGError("the first frame of an animation must cover the whole canvas (encode it with no previous frame)")
        }
        try failing { try writePending() }
        pending = frame
        pendingDelay = delay.numerator
    }

    /// Writes the last frame and the end of the file, sets the frame count in acTL, flushes the file to
    /// disk and renames it to `path`.
    ///
    /// - Throws: `PNGError` when no frame was added; `RenderError.writeFailed` when writing, flushing or
    ///   renaming fails or the writer is already finished or cancelled. On failure the temporary file is
    ///   removed and `path` is left as it was.
    public func finish() throws {
        try checkOpen()
        guard pending != nil else {
            cancel()
            throw PNGError("an animation needs at least one frame")
        }
        try failing {
            try writePending()
            chunk("IEND", [])
            try flush()
            // The frame count is known only now: rewrite acTL in place.
            var actl: [UInt8] = []
            FramePNG.appendChunk("acTL", animationControl(frames: framesWritten), to: &actl)
            let written = actl.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, Self.actlOffset) }
            guard written == actl.count else { throw failure("cannot update the frame count") }
            let finished = descriptor
            descriptor = -1  // closed by `moveIntoPlace`, whatever happens
            try AtomicFile.moveIntoPlace(temporary, descriptor: finished, path: path)
        }
        isOpen = false
    }

    /// Abandons the animation: closes and removes the temporary file, leaving `path` as it was. Does
    /// nothing after `finish()` or a previous `cancel()`.
    public func cancel() {
        guard isOpen else { return }
        isOpen = false
        if descriptor >= 0 { _ = close(descriptor) }
        descriptor = -1
        _ = unlink(temporary)
        pending = nil
        buffer = []
    }

    /// Runs `body`, cancelling the animation if it throws.
    private func failing(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            cancel()
            throw error
        }
    }

    private func checkOpen() throws {
        guard isOpen else {
            throw RenderError.writeFailed(path: path, reason: "the animation was already finished or cancelled")
        }
    }

    // MARK: - Chunks

    /// Writes the held-back frame, if any: its fcTL, then its data as IDAT (the first frame, which is also
    /// the PNG's image) or as fdAT chunks.
    private func writePending() throws {
        guard let frame = pending else { return }
        pending = nil
        var control = FramePNG.bigEndian(sequence)
        for value in [frame.width, frame.height, frame.x, frame.y] { control += FramePNG.bigEndian(UInt32(value)) }
        control += [UInt8(pendingDelay >> 8), UInt8(pendingDelay & 0xFF),
                    UInt8(delay.denominator >> 8), UInt8(delay.denominator & 0xFF),
                    0, frame.blend.rawValue]  // dispose_op NONE
        chunk("fcTL", control)
        sequence += 1
        try frame.data.withUnsafeBytes { stream in
            for piece in FramePNG.pieces(of: stream) {
                if framesWritten == 0 {
                    chunk("IDAT", UnsafeRawBufferPointer(rebasing: piece))
                } else {
                    chunk("fdAT", UnsafeRawBufferPointer(rebasing: piece), prefix: FramePNG.bigEndian(sequence))
                    sequence += 1
                }
                if buffer.count >= Self.bufferSize { try flush() }
            }
        }
        framesWritten += 1
    }

    /// acTL's data: the number of frames and of plays.
    private func animationControl(frames: UInt32) -> [UInt8] {
        FramePNG.bigEndian(frames) + FramePNG.bigEndian(loops)
    }

    /// Buffers a chunk whose data is `prefix` followed by `data`.
    private func chunk(_ type: String, _ data: UnsafeRawBufferPointer, prefix: [UInt8] = []) {
        let typeBytes = Array(type.utf8)
        buffer += FramePNG.bigEndian(UInt32(prefix.count + data.count))
        buffer += typeBytes
        buffer += prefix
        buffer.append(contentsOf: data)
        var checksum = typeBytes.withUnsafeBytes { FramePNG.crc($0) }
        checksum = prefix.withUnsafeBytes { FramePNG.crc($0, continuing: checksum) }
        buffer += FramePNG.bigEndian(FramePNG.crc(data, continuing: checksum))
    }

    private func chunk(_ type: String, _ data: [UInt8]) {
        data.withUnsafeBytes { chunk(type, $0) }
    }

    /// Writes the buffered bytes to the file, retrying short writes and interruptions.
    private func flush() throws {
        try AtomicFile.writeAll(buffer, to: descriptor, path: path)
        buffer.removeAll(keepingCapacity: true)
    }

    /// A write error with the current `errno` explained.
    private func failure(_ what: String) -> RenderError {
        .writeFailed(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }
}
