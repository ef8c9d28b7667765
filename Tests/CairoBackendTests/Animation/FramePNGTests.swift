@testable import CairoBackend
import Testing

/// The fast frame encoder: exact pixels in both colour types, valid chunks, text, levels, determinism.
@Suite struct FramePNGTests {}

extension FramePNGTests {
    /// An opaque frame with gradients, flat areas and a few sharp edges.
    private func opaqueFrame(width: Int = 37, height: Int = 23) -> FrameImage {
        var frame = FrameImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let band = (x + 2 * y) / 9 % 3 == 0
                frame.pixels[y * width + x] = band ? argbWord(a: 255, r: 30, g: 200, b: 90)
                    : argbWord(a: 255, r: x * 255 / width, g: y * 255 / height, b: (x * y) % 256)
            }
        }
        return frame
    }

    /// Every premultiplied value p at every alpha a: row a, column p (values above a are invalid input and
    /// must clamp).
    private func everyAlphaFrame() -> FrameImage {
        var frame = FrameImage(width: 256, height: 256)
        for a in 0..<256 { for p in 0..<256 { frame.pixels[a * 256 + p] = argbWord(a: a, r: p, g: 255 - p, b: p / 2) } }
        return frame
    }

    @Test func opaqueFramesAreExactRGB() throws {
        let frame = opaqueFrame()
        let png = try FramePNG.encode(frame)
        let file = try PNGFile(png)
        #expect(file.colorType == 2 && file.bitDepth == 8 && file.interlace == 0)
        #expect(file.width == 37 && file.height == 23)
        #expect(file.chunks.allSatisfy { $0.crcIsValid })
        #expect(file.chunks.map(\.type) == ["IHDR", "IDAT", "IEND"])
        #expect(try file.rgba() == straightRGBA(of: frame))
    }

    @Test func translucentFramesAreExactRGBAForEveryAlpha() throws {
        let frame = everyAlphaFrame()
        let file = try PNGFile(FramePNG.encode(frame, level: 1))
        #expect(file.colorType == 6)
        #expect(file.chunks.allSatisfy { $0.crcIsValid })
        let decoded = try file.rgba(), expected = straightRGBA(of: frame)
        #expect(decoded.count == expected.count)
        #expect(zip(decoded, expected).filter { $0 != $1 }.isEmpty)
    }

    @Test func agreesWithPNGEncoder() throws {
        let frame = everyAlphaFrame()
        let reference = try frame.pixels.withUnsafeBytes {
            try PNGEncoder().encode(premultipliedARGB32: $0, width: 256, height: 256, stride: 1024)
        }
        #expect(try PNGFile(FramePNG.encode(frame)).rgba() == PNGFile(reference).rgba())
    }

    @Test func rowsAreUnfiltered() throws {
        // Filter None is the measured choice for figures (see FramePNG); PNGFile undoes any filter anyway.
        let file = try PNGFile(FramePNG.encode(opaqueFrame()))
        #expect(try file.rowFilters().allSatisfy { $0 == 0 })
    }

    @Test(arguments: [0, 1, 9])
    func everyLevelDecodesExactly(_ level: Int) throws {
        let frame = opaqueFrame()
        #expect(try PNGFile(FramePNG.encode(frame, level: level)).rgba() == straightRGBA(of: frame))
    }

    @Test func rejectsLevelsOutsideZlibsRange() {
        #expect(throws: PNGError.self) { try FramePNG.encode(opaqueFrame(), level: 10) }
        #expect(throws: PNGError.self) { try FramePNG.encode(opaqueFrame(), level: -1) }
    }

    @Test func splitsLargeDataOverSeveralIDATChunks() throws {
        // Noise does not compress: 620 × 600 RGB pixels give more than 1 MiB of zlib data.
        var random = TestRandom(state: 42)
        var frame = FrameImage(width: 620, height: 600)
        for i in frame.pixels.indices { frame.pixels[i] = 0xFF00_0000 | random.next() & 0xFF_FFFF }
        let file = try PNGFile(FramePNG.encode(frame, level: 1))
        let idat = file.chunks.filter { $0.type == "IDAT" }
        #expect(idat.count == 2)
        #expect(idat.first?.data.count == FramePNG.maximumChunkData)
        #expect(file.chunks.allSatisfy { $0.crcIsValid })
        #expect(try file.rgba() == straightRGBA(of: frame))
    }

    @Test func writesTextChunksBeforeTheImage() throws {
        let text = [PNGTextChunk(keyword: "Software", text: "Descent", isInternational: false),
                    PNGTextChunk(keyword: "Descent recipe", text: "title: α < β", isInternational: true)]
        let file = try PNGFile(FramePNG.encode(opaqueFrame(), text: text))
        #expect(file.chunks.map(\.type) == ["IHDR", "tEXt", "iTXt", "IDAT", "IEND"])
        #expect(file.text("Software") == "Descent")
        #expect(file.internationalText("Descent recipe") == "title: α < β")
        #expect(throws: PNGError.self) {
            try FramePNG.encode(opaqueFrame(), text: [PNGTextChunk(keyword: " padded", text: "", isInternational: false)])
        }
    }

    @Test func isDeterministicAcrossThreads() async throws {
        let frame = everyAlphaFrame()
        let expected = try FramePNG.encode(frame)
        #expect(try FramePNG.encode(frame) == expected)
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<4 { group.addTask { try FramePNG.encode(frame) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 4 && results.allSatisfy { $0 == expected })
    }

    @Test func rawRGBIsTheStraightColour() {
        let frame = everyAlphaFrame()
        let expected = straightRGBA(of: frame).enumerated().filter { $0.offset % 4 != 3 }.map(\.element)
        #expect(FramePNG.rawRGB(frame) == expected)
        let opaque = opaqueFrame()
        #expect(FramePNG.rawRGB(opaque) == straightRGBA(of: opaque).enumerated().filter { $0.offset % 4 != 3 }.map(\.element))
    }
}
