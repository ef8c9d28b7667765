import CairoBackend
import Foundation
import Testing

/// Animated PNGs: valid structure, small delta frames, exact playback, merged pauses, cleanup.
@Suite struct APNGWriterTests {}

extension APNGWriterTests {
    /// A new empty folder for one test.
    private func makeFolder() throws -> String {
        let path = NSTemporaryDirectory() + "descent-apng-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    private func contents(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    private func read(_ path: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// An opaque gradient with a 3 × 3 dot (with a translucent-red rim blended onto the gradient, so
    /// still opaque) whose centre is at (`dotX`, `dotY`).
    private func dotFrame(dotX: Int, dotY: Int, width: Int = 48, height: Int = 32) -> FrameImage {
        var frame = FrameImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let r = x * 200 / width, g = 40 + y * 150 / height, b = 120
                let distance = max(abs(x - dotX), abs(y - dotY))
                frame.pixels[y * width + x] = switch distance {
                case 0...1: argbWord(a: 255, r: 250, g: 20, b: 20)
                case 2: argbWord(a: 255, r: (r + 250) / 2, g: (g + 20) / 2, b: (b + 20) / 2)
                default: argbWord(a: 255, r: r, g: g, b: b)
                }
            }
        }
        return frame
    }

    /// Writes `frames` with `APNGWriter` (each encoded against the one before) and returns the file.
    private func writeAnimation(_ frames: [FrameImage], delay: (UInt16, UInt16) = (1, 10), loops: UInt32 = 0,
                                folder: String) throws -> [UInt8] {
        let path = folder + "/animation.png"
        let writer = try APNGWriter(path: path, width: frames[0].width, height: frames[0].height, delay: delay,
                                    loops: loops, level: 3)
        for (k, frame) in frames.enumerated() {
            try writer.append(APNGWriter.encodeFrame(previous: k > 0 ? frames[k - 1] : nil, current: frame, level: 3))
        }
        try writer.finish()
        #expect(try contents(folder) == ["animation.png"])
        return try read(path)
    }

    /// The input frames with each run of equal frames reduced to one, and each run's length.
    private func distinctRuns(_ frames: [FrameImage]) -> [(frame: FrameImage, count: Int)] {
        var runs: [(frame: FrameImage, count: Int)] = []
        for frame in frames {
            if let last = runs.last, last.frame == frame { runs[runs.count - 1].count += 1 } else { runs.append((frame, 1)) }
        }
        return runs
    }

    @Test func movingDotPlaysBackExactlyWithMergedHolds() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 12 frames: the dot moves right, pauses for two frames at step 3 and one at step 8.
        let positions = [0, 1, 2, 3, 3, 3, 4, 5, 6, 6, 7, 8]
        let frames = positions.map { dotFrame(dotX: 6 + 4 * $0, dotY: 8 + 2 * $0) }
        let apng = try APNGFile(writeAnimation(frames, loops: 3, folder: folder))

        #expect(apng.file.colorType == 6 && apng.file.bitDepth == 8)
        #expect(apng.width == 48 && apng.height == 32)
        #expect(apng.frameCount == 9)  // 12 frames less 3 repeats
        #expect(apng.plays == 3)
        #expect(apng.defaultImageIsFirstFrame)
        // Frame 0's data is IDAT (no sequence number); every later fcTL is followed by one fdAT.
        #expect(apng.frames.map(\.sequence) == [0, 1, 3, 5, 7, 9, 11, 13, 15])
        #expect(apng.frames.allSatisfy { $0.dispose == 0 })
        #expect(apng.frames[0].blend == 0)
        for frame in apng.frames.dropFirst() {
            #expect(frame.blend == 1)
            #expect(frame.width * frame.height * 8 <= 48 * 32, "delta \(frame.width) × \(frame.height) is too large")
        }

        let runs = distinctRuns(frames)
        let shown = try apng.play()
        #expect(shown.count == runs.count)
        for (k, (canvas, run)) in zip(shown, runs).enumerated() {
            #expect(canvas.rgba == straightRGBA(of: run.frame), "frame \(k) differs")
            #expect(canvas.delayNumerator == run.count && canvas.delayDenominator == 10)
        }
    }

    /// Changes the data of the `occurrence`-th chunk of `type` in a PNG file and recomputes its CRC (with
    /// `recomputeCRC`), so that only the change itself can make the file invalid.
    private func patchChunk(_ bytes: inout [UInt8], type: String, occurrence: Int = 0, recomputeCRC: Bool = true,
                            _ change: (inout [UInt8]) -> Void) {
        var offset = 8, seen = 0
        while offset + 12 <= bytes.count {
            let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            if String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self) == type {
                if seen == occurrence {
                    var data = Array(bytes[(offset + 8)..<(offset + 8 + length)])
                    change(&data)
                    bytes.replaceSubrange((offset + 8)..<(offset + 8 + length), with: data)
                    if recomputeCRC {
                        let crc = CRC32.checksum(Array(bytes[(offset + 4)..<(offset + 8 + length)]))
                        bytes.replaceSubrange((offset + 8 + length)..<(offset + 12 + length),
                                              with: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: crc >> $0) })
                    }
                    return
                }
                seen += 1
            }
            offset += 12 + length
        }
        Issue.record("no chunk \(type) #\(occurrence)")
    }

    @Test func checkerRejectsBrokenFiles() throws {
        // The checks of APNGFile are what the other tests rely on; make sure they can fail.
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let good = try writeAnimation((0..<4).map { dotFrame(dotX: 5 + 6 * $0, dotY: 9) }, folder: folder)
        _ = try APNGFile(good)

        var badCRC = good
        patchChunk(&badCRC, type: "fdAT", occurrence: 1, recomputeCRC: false) { $0[$0.count - 1] ^= 1 }
        #expect(throws: PNGFile.Failure.self) { try APNGFile(badCRC) }

        var wrongCount = good
        patchChunk(&wrongCount, type: "acTL") { $0[3] += 1 }
        #expect(throws: PNGFile.Failure.self) { try APNGFile(wrongCount) }

        var sequenceGap = good
        patchChunk(&sequenceGap, type: "fdAT", occurrence: 2) { $0[3] += 1 }
        #expect(throws: PNGFile.Failure.self) { try APNGFile(sequenceGap) }

        var outside = good
        patchChunk(&outside, type: "fcTL", occurrence: 2) { $0[15] = 200 }  // x offset 200 on a 48-pixel canvas
        #expect(throws: PNGFile.Failure.self) { try APNGFile(outside) }

        var wrongPixels = good
        patchChunk(&wrongPixels, type: "fcTL", occurrence: 1) { $0[25] = 0 }  // SOURCE instead of OVER
        #expect(try APNGFile(wrongPixels).play()[1].rgba != straightRGBA(of: dotFrame(dotX: 11, dotY: 9)))
    }

    @Test func translucentChangesAreReplacedWithSource() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = dotFrame(dotX: 10, dotY: 10)
        var second = first
        // A few pixels become half-transparent blue (premultiplied), one fully transparent.
        for x in 20..<26 { second.pixels[12 * 48 + x] = argbWord(a: 128, r: 0, g: 10, b: 128) }
        second.pixels[14 * 48 + 30] = 0
        var third = second
        third.pixels[3 * 48 + 3] = argbWord(a: 255, r: 1, g: 2, b: 3)  // opaque change again: OVER

        let encoded = try APNGWriter.encodeFrame(previous: first, current: second, level: 3)
        #expect(encoded.blend == .source)
        #expect((encoded.x, encoded.y, encoded.width, encoded.height) == (20, 12, 11, 3))
        #expect(try APNGWriter.encodeFrame(previous: second, current: third, level: 3).blend == .over)

        let apng = try APNGFile(writeAnimation([first, second, third], folder: folder))
        #expect(apng.frames.map(\.blend) == [0, 0, 1])
        let shown = try apng.play()
        #expect(shown.map(\.rgba) == [first, second, third].map { straightRGBA(of: $0) })
    }

    @Test func transparentBackgroundsRoundTrip() throws {
        // A dot moving on a transparent canvas: the pixels it leaves become transparent, so SOURCE.
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let frames = (0..<5).map { k -> FrameImage in
            var frame = FrameImage(width: 20, height: 12)
            for y in 4..<7 { for x in (2 + 3 * k)..<(5 + 3 * k) { frame.pixels[y * 20 + x] = argbWord(a: 200, r: 100, g: 0, b: 50) } }
            return frame
        }
        let apng = try APNGFile(writeAnimation(frames, folder: folder))
        #expect(apng.frames.dropFirst().allSatisfy { $0.blend == 0 && $0.height == 3 && $0.width == 6 })
        #expect(try apng.play().map(\.rgba) == frames.map { straightRGBA(of: $0) })
    }

    @Test func unchangedFramesAreEmpty() throws {
        let frame = dotFrame(dotX: 3, dotY: 4)
        let encoded = try APNGWriter.encodeFrame(previous: frame, current: frame, level: 3)
        #expect(encoded.isEmpty && encoded.byteCount == 0)
        let first = try APNGWriter.encodeFrame(previous: nil, current: frame, level: 3)
        #expect(!first.isEmpty && first.blend == .source)
        #expect((first.x, first.y, first.width, first.height) == (0, 0, 48, 32))
    }

    @Test func longPausesStartANewInvisibleFrame() throws {
        // 30000 + 30000 fits UInt16; a third 30000 does not, so a transparent 1 × 1 frame carries it.
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let frame = dotFrame(dotX: 5, dotY: 5)
        let moved = dotFrame(dotX: 9, dotY: 5)
        let path = folder + "/pause.png"
        let writer = try APNGWriter(path: path, width: 48, height: 32, delay: (30000, 1000), level: 3)
        for (k, current) in [frame, frame, frame, moved].enumerated() {
            try writer.append(APNGWriter.encodeFrame(previous: k > 0 ? frame : nil, current: current, level: 3))
        }
        #expect(writer.frameCount == 3)
        try writer.finish()
        let apng = try APNGFile(read(path))
        #expect(apng.frames.map(\.delayNumerator) == [60000, 30000, 30000])
        #expect(apng.frames[1].width == 1 && apng.frames[1].height == 1 && apng.frames[1].blend == 1)
        let shown = try apng.play()
        #expect(shown.map(\.rgba) == [frame, frame, moved].map { straightRGBA(of: $0) })
    }

    @Test func largeFramesAreSplitOverSequencedChunks() throws {
        // Noise does not compress: over 1 MiB of random colour (alpha is constant), so each frame's data
        // needs two chunks.
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var random = TestRandom(state: 7)
        let frames = (0..<2).map { _ -> FrameImage in
            var frame = FrameImage(width: 700, height: 520)
            for i in frame.pixels.indices { frame.pixels[i] = 0xFF00_0000 | random.next() & 0xFF_FFFF }
            return frame
        }
        let apng = try APNGFile(writeAnimation(frames, folder: folder))
        #expect(apng.frames.map(\.chunkSizes.count) == [2, 2])
        #expect(apng.file.chunks.filter { $0.type == "IDAT" }.count == 2)
        #expect(apng.frames.map(\.sequence) == [0, 1])  // frame 1's fdAT chunks are 2 and 3
        #expect(apng.file.chunks.filter { $0.type == "fdAT" }.map { $0.data[3] } == [2, 3])
        #expect(try apng.play().map(\.rgba) == frames.map { straightRGBA(of: $0) })
    }

    @Test func isDeterministic() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let frames = (0..<6).map { dotFrame(dotX: 4 + 5 * $0, dotY: 20 - 2 * $0) }
        let once = try writeAnimation(frames, folder: folder)
        let twice = try writeAnimation(frames, folder: folder)
        #expect(once == twice)
        let a = try APNGWriter.encodeFrame(previous: frames[0], current: frames[1], level: 3)
        let b = try APNGWriter.encodeFrame(previous: frames[0], current: frames[1], level: 3)
        #expect(a.byteCount == b.byteCount && (a.x, a.y, a.width, a.height) == (b.x, b.y, b.width, b.height))
    }

    @Test func cancelledAndAbandonedWritersLeaveNothing() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let frame = dotFrame(dotX: 3, dotY: 3)
        let writer = try APNGWriter(path: folder + "/cancelled.png", width: 48, height: 32, delay: (1, 30), level: 3)
        try writer.append(APNGWriter.encodeFrame(previous: nil, current: frame, level: 3))
        #expect(try contents(folder).count == 1)  // the temporary file
        writer.cancel()
        #expect(try contents(folder).isEmpty)
        #expect(throws: RenderError.self) { try writer.finish() }

        do {
            let abandoned = try APNGWriter(path: folder + "/abandoned.png", width: 48, height: 32, delay: (1, 30), level: 3)
            try abandoned.append(APNGWriter.encodeFrame(previous: nil, current: frame, level: 3))
            try abandoned.append(APNGWriter.encodeFrame(previous: frame, current: dotFrame(dotX: 9, dotY: 3), level: 3))
        }
        #expect(try contents(folder).isEmpty)

        // Finishing with no frame fails and cleans up too.
        let empty = try APNGWriter(path: folder + "/empty.png", width: 48, height: 32, delay: (1, 30), level: 3)
        #expect(throws: PNGError.self) { try empty.finish() }
        #expect(try contents(folder).isEmpty)
    }

    @Test func finishingReplacesAnExistingFile() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try AtomicFile.write(Array("old".utf8), to: folder + "/animation.png")
        let apng = try APNGFile(writeAnimation([dotFrame(dotX: 1, dotY: 1)], folder: folder))
        #expect(apng.frameCount == 1)
    }

    @Test func rejectsMisuse() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let frame = dotFrame(dotX: 3, dotY: 3)
        let writer = try APNGWriter(path: folder + "/a.png", width: 48, height: 32, delay: (1, 30), level: 3)
        defer { writer.cancel() }
        // The first frame may be neither empty nor partial.
        #expect(throws: PNGError.self) { try writer.append(APNGWriter.encodeFrame(previous: frame, current: frame, level: 3)) }
        #expect(throws: PNGError.self) {
            try writer.append(APNGWriter.encodeFrame(previous: frame, current: dotFrame(dotX: 9, dotY: 3), level: 3))
        }
        let black = FrameImage(width: 48, height: 32, fill: 0xFF00_0000), white = FrameImage(width: 48, height: 32, fill: 0xFFFF_FFFF)
        let overEverything = try APNGWriter.encodeFrame(previous: black, current: white, level: 3)
        #expect(overEverything.width == 48 && overEverything.height == 32 && overEverything.blend == .over)
        #expect(throws: PNGError.self) { try writer.append(overEverything) }
        // Frames of another size.
        let small = FrameImage(width: 8, height: 8, fill: 0xFF00_0000)
        #expect(throws: PNGError.self) { try writer.append(APNGWriter.encodeFrame(previous: nil, current: small, level: 3)) }
        #expect(throws: PNGError.self) { try APNGWriter.encodeFrame(previous: small, current: frame, level: 3) }
        #expect(throws: PNGError.self) { try APNGWriter.encodeFrame(previous: nil, current: frame, level: 12) }
        #expect(throws: RenderError.self) {
            try APNGWriter(path: folder + "/missing/a.png", width: 4, height: 4, delay: (1, 30), level: 3)
        }
        #expect(throws: RenderError.self) { try APNGWriter(path: folder + "/b.png", width: 0, height: 4, delay: (1, 30), level: 3) }
    }
}
