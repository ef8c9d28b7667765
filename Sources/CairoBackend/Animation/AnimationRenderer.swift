#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import Plotting

/// The files an animation can be written as.
public enum AnimationOutput: String, Sendable, CaseIterable {
    /// Numbered PNG frames: `frames/frame_00000.png`, …
    case png
    /// One animated PNG, `animation.apng`, each frame stored as the rectangle that changed.
    case apng
    /// H.264 video (`animation.mp4`), through ffmpeg.
    case mp4
    /// VP9 video (`animation.webm`), through ffmpeg.
    case webm
    /// GIF with a palette made for the animation (`animation.gif`), through ffmpeg.
    case gif

    /// Whether ffmpeg makes this output.
    public var needsFFmpeg: Bool { self == .mp4 || self == .webm || self == .gif }
}

/// What to draw: an animation's frame count, size and the two layers of its frames.
public struct AnimationJob: Sendable {
    /// Frames to draw, 0 ..< frameCount.
    public var frameCount: Int
    /// The figure's size in layout units.
    public var size: Size
    /// Device pixels per layout unit.
    public var scale: Double
    /// Frames per second of the APNG and videos.
    public var fps: Int
    /// Draws what every frame shares (drawn once).
    public var background: @Sendable (any Canvas) -> Void
    /// Draws frame k's moving part over the background.
    public var foreground: @Sendable (Int, any Canvas) -> Void

    /// A job of `frameCount` frames.
    public init(frameCount: Int, size: Size, scale: Double = 1, fps: Int, background: @escaping @Sendable (any Canvas) -> Void,
                foreground: @escaping @Sendable (Int, any Canvas) -> Void) {
        self.frameCount = frameCount
        self.size = size
        self.scale = scale
        self.fps = fps
        self.background = background
        self.foreground = foreground
    }
}

/// What `AnimationRenderer.render` wrote.
public struct AnimationReport: Sendable {
    /// Every file written, in the order written (frames first).
    public var files: [String] = []
    public var frameCount = 0
    public var width = 0
    public var height = 0
    /// Total bytes of the PNG frames.
    public var frameBytes = 0
    /// Bytes of the APNG, when written.
    public var apngBytes: Int?
    /// Frames the APNG holds (identical consecutive frames are merged into one longer frame).
    public var apngFrames: Int?
    /// Outputs skipped, each with the reason (ffmpeg missing).
    public var skipped: [(output: AnimationOutput, reason: String)] = []
}

/// Renders an animation to PNG frames, an APNG and (with ffmpeg) MP4, WebM and GIF, in one pass over the
/// frames.
///
/// The background layer is drawn once, and its PNG bands compressed once (`FramePNG.Background`). Frames
/// are then made in batches of 2 × jobs + 2: the workers (`jobs` threads) each copy the background into a
/// reused buffer, draw a frame's foreground over it and compress the bands that changed; then, again in
/// parallel, each frame's APNG rectangle is found against the frame before it and compressed; then a
/// writer thread writes the batch in frame order — PNG files, APNG chunks, raw pixels to ffmpeg — while the
/// workers draw the next batch into a second set of buffers. Memory holds two batches of frames, however
/// long the animation. Every byte depends only on the frames' pixels, so the output is the same for any
/// `jobs`.
///
/// Files appear atomically: every frame and the APNG are written under a temporary name and renamed when
/// complete; the videos likewise. A failure removes what was not finished and leaves earlier files alone.
/// PNG frames left by an earlier, longer run of the same folder are removed.
public enum AnimationRenderer {
    /// The zlib level of frames and APNG (`FramePNG.defaultLevel`).
    public static let defaultLevel = FramePNG.defaultLevel

    /// Renders `job` into `directory` (created when missing) as `outputs`.
    ///
    /// - Parameters:
    ///   - jobs: worker threads (at least 1).
    ///   - level: zlib level 0…9 of the PNG frames and the APNG.
    ///   - ffmpeg: the ffmpeg executable, or nil when it is not installed (the videos are then skipped and
    ///     reported in `AnimationReport.skipped`).
    /// - Throws: `RenderError` for files that cannot be written, and drawing or encoding errors.
    public static func render(_ job: AnimationJob, outputs: [AnimationOutput], directory: String, jobs: Int,
                              level: Int = defaultLevel, ffmpeg: String?) throws -> AnimationReport {
        precondition(job.frameCount > 0, "an animation has at least one frame")
        let background = try FrameRasterizer.frame(size: job.size, scale: job.scale) { job.background($0) }
        let fileManager = FileManager.default
        let framesFolder = (directory as NSString).appendingPathComponent("frames")
        let writesPNG = outputs.contains(.png)
        do {
            try fileManager.createDirectory(atPath: writesPNG ? framesFolder : directory, withIntermediateDirectories: true)
        } catch {
            throw RenderError.writeFailed(path: directory, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        let digits = max(5, String(job.frameCount - 1).count)
        let apngPath = (directory as NSString).appendingPathComponent("animation.apng")

        // What the writer thread owns: the APNG, the videos and the report.
        let sink = Sink()
        sink.report.frameCount = job.frameCount
        sink.report.width = background.width
        sink.report.height = background.height
        if outputs.contains(.apng) {
            sink.apng = try APNGWriter(path: apngPath, width: background.width, height: background.height,
                                       delay: (1, UInt16(clamping: job.fps)), loops: 0, level: level)
        }
        defer { sink.cancel() }  // removes the temporary files of whatever was not finished
        for output in outputs where output.needsFFmpeg {
            guard let ffmpeg else {
                sink.report.skipped.append((output, VideoEncoder.missingMessage))
                continue
            }
            let path = (directory as NSString).appendingPathComponent("animation.\(output.rawValue)")
            sink.videos.append((output, try VideoEncoder(format: VideoEncoder.Format(rawValue: output.rawValue)!, path: path,
                                                         width: background.width, height: background.height, fps: job.fps, ffmpeg: ffmpeg)))
        }

        let workers = max(1, jobs)
        let batchSize = 2 * workers + 2
        let pngBackground = writesPNG ? try FramePNG.Background(background, level: level) : nil
        let encoders = try (0..<workers).map { _ in try pngBackground.map { try FramePNG.BandEncoder($0) } }
        let slotSets = [Slots(batchSize, background), Slots(batchSize, background)]
        let writer = DispatchQueue(label: "descent.animation.writer")
        defer { writer.sync {} }  // on any exit, let the writer finish before the outputs are cancelled
        // A set of slots is busy while the writer has a batch of it queued (groups, not semaphores: they may
        // be dropped at any point, such as after an error, without being balanced).
        let busy = [DispatchGroup(), DispatchGroup()]

        /// Draws frames first ..< first + count into `slots` (and their PNG files into `slots.png`).
        func draw(_ first: Int, _ count: Int, into slots: Slots, encode: Bool) throws {
            try parallelFor(count, workers: workers) { i, worker in
                let slot = slots[i]
                slot.frame.pixels.withUnsafeMutableBufferPointer { pixels in
                    background.pixels.withUnsafeBufferPointer { _ = memcpy(pixels.baseAddress!, $0.baseAddress!, $0.count * 4) }
                }
                try FrameRasterizer.draw(over: &slot.frame, size: job.size, scale: job.scale) { job.foreground(first + i, $0) }
                if encode, let encoder = encoders[worker] { slot.png = try encoder.encode(slot.frame) }
            }
        }

        var start = 0, batch = 0
        while start < job.frameCount {
            let count = min(batchSize, job.frameCount - start), first = start
            let slots = slotSets[batch % 2]
            busy[batch % 2].wait()  // the writer is done with this set's previous batch
            try sink.rethrow()
            try draw(first, count, into: slots, encode: true)
            if sink.apng != nil {
                let before = batch > 0 ? slotSets[(batch - 1) % 2][batchSize - 1].frame : nil
                try parallelFor(count, workers: workers) { i, _ in
                    slots[i].delta = try APNGWriter.encodeFrame(previous: i == 0 ? before : slots[i - 1].frame, current: slots[i].frame,
                                                                level: level)
                }
            }
            writer.async(group: busy[batch % 2]) {
                sink.write(slots, count: count) { k in framePath(framesFolder, first + k, digits: digits) }
            }
            start += count
            batch += 1
        }
        writer.sync {}
        try sink.rethrow()
        if writesPNG { removeStaleFrames(in: framesFolder, from: job.frameCount) }

        if let apng = sink.apng {
            try apng.finish()
            sink.apng = nil
            sink.report.apngBytes = (try? fileManager.attributesOfItem(atPath: apngPath)[.size] as? Int) ?? nil
            sink.report.apngFrames = apng.frameCount
            sink.report.files.append(apngPath)
        }
        // A GIF's palette is made from every frame: feed the frames again, drawn afresh (never kept).
        for (_, video) in sink.videos where video.needsSecondPass {
            try video.beginSecondPass()
            var start = 0
            let slots = slotSets[0]
            while start < job.frameCount {
                let count = min(batchSize, job.frameCount - start)
                try draw(start, count, into: slots, encode: false)
                for i in 0..<count { try video.write(slots[i].frame) }
                start += count
            }
        }
        while let (output, video) = sink.videos.first {
            try video.finish()
            sink.videos.removeFirst()
            sink.report.files.append((directory as NSString).appendingPathComponent("animation.\(output.rawValue)"))
        }
        return sink.report
    }

    /// `folder/frame_00042.png`, the number zero-padded to `digits`.
    static func framePath(_ folder: String, _ k: Int, digits: Int) -> String {
        let number = String(k)
        return (folder as NSString).appendingPathComponent("frame_" + String(repeating: "0", count: max(0, digits - number.count)) + number + ".png")
    }

    /// Removes `frame_N.png` files with N ≥ `count` left in `folder` by an earlier, longer animation, and
    /// the temporary frame files (`.frame_N.png.tmp-…`) of a run that was interrupted.
    private static func removeStaleFrames(in folder: String, from count: Int) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            var stale = name.hasPrefix(".frame_") && name.contains(".png.tmp-")
            if name.hasPrefix("frame_") && name.hasSuffix(".png") {
                let digits = name.dropFirst(6).dropLast(4)
                stale = !digits.isEmpty && digits.allSatisfy(\.isASCII) && (Int(digits).map { $0 >= count } ?? false)
            }
            if stale { try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name)) }
        }
    }

    /// Runs `body(i, worker)` for i in 0 ..< count on `workers` threads (worker w takes i = w, w + workers, …,
    /// so each worker's own state is never shared); rethrows the first error by index.
    static func parallelFor(_ count: Int, workers: Int, _ body: @Sendable (Int, Int) throws -> Void) throws {
        let errors = Errors(count)
        let threads = min(workers, count)
        if threads <= 1 {
            for i in 0..<count { errors.run(i) { try body(i, 0) } }
        } else {
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                for i in Swift.stride(from: worker, to: count, by: threads) { errors.run(i) { try body(i, worker) } }
            }
        }
        try errors.rethrow()
    }
}

/// One batch's frames, PNG files and APNG rectangles, reused from batch to batch so that a frame's
/// memory is allocated once. Slot i is touched by one thread at a time: the worker that draws frame i,
/// then (after the batch's barrier) the writer.
private final class Slots: @unchecked Sendable {
    /// One frame's buffers.
    final class Slot: @unchecked Sendable {
        var frame: FrameImage
        var png: [UInt8]?
        var delta: APNGWriter.EncodedFrame?

        init(_ frame: FrameImage) { self.frame = frame }
    }

    let slots: [Slot]

    init(_ count: Int, _ background: FrameImage) {
        slots = (0..<count).map { _ in
            // Each slot gets its own pixels now (not copy-on-write at its first draw).
            Slot(FrameImage(width: background.width, height: background.height, pixels: Array(background.pixels)))
        }
    }

    subscript(i: Int) -> Slot { slots[i] }
}

/// The first error of a parallel loop, by index.
private final class Errors: @unchecked Sendable {
    private var errors: [(any Error)?]
    private let lock = NSLock()

    init(_ count: Int) { errors = Array(repeating: nil, count: count) }

    func run(_ i: Int, _ body: () throws -> Void) {
        do { try body() } catch {
            lock.lock()
            errors[i] = error
            lock.unlock()
        }
    }

    func rethrow() throws {
        lock.lock()
        defer { lock.unlock() }
        if let error = errors.compactMap({ $0 }).first { throw error }
    }
}

/// The outputs, written in frame order on the writer thread; the main thread touches them only between
/// batches' hand-offs (after `writer.sync`), so no two threads use them at once.
private final class Sink: @unchecked Sendable {
    var apng: APNGWriter?
    var videos: [(AnimationOutput, VideoEncoder)] = []
    var report = AnimationReport()
    private var failure: (any Error)?
    private let lock = NSLock()

    /// Writes the first `count` frames of `slots`: PNG files, APNG chunks, video frames.
    func write(_ slots: Slots, count: Int, path: (Int) -> String) {
        lock.lock()
        let failed = failure != nil
        lock.unlock()
        guard !failed else { return }
        do {
            for i in 0..<count {
                let slot = slots[i]
                if let png = slot.png {
                    let file = path(i)
                    try AtomicFile.write(png, to: file, durable: false)
                    report.frameBytes += png.count
                    report.files.append(file)
                    slot.png = nil
                }
                if let apng, let delta = slot.delta {
                    try apng.append(delta)
                    slot.delta = nil
                }
                for (_, video) in videos { try video.write(slot.frame) }
            }
        } catch {
            lock.lock()
            failure = error
            lock.unlock()
        }
    }

    /// Throws the writer's first failure.
    func rethrow() throws {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
    }

    /// Removes the temporary files of the outputs not finished.
    func cancel() {
        apng?.cancel()
        for (_, video) in videos { video.cancel() }
    }
}
