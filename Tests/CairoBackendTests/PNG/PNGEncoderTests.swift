import CairoBackend
import Testing

/// The encoder on its own: exact un-premultiplication, colour types, options and thread safety.
@Suite struct PNGEncoderTests {}

extension PNGEncoderTests {
    /// Premultiplied ARGB32 words (native endian, as cairo stores them) as raw bytes.
    private func argb(_ words: [UInt32]) -> [UInt8] {
        words.withUnsafeBytes { Array($0) }
    }

    private func word(a: Int, r: Int, g: Int, b: Int) -> UInt32 {
        UInt32(a) << 24 | UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
    }

    @Test func unpremultipliesExactlyForEveryAlpha() throws {
        // One row per alpha 0...255; the columns run through premultiplied values p = 0...255 (values above
        // alpha are invalid input, and must clamp).
        var words: [UInt32] = []
        for a in 0..<256 { for p in 0..<256 { words.append(word(a: a, r: p, g: 255 - p, b: p / 2)) } }
        let bytes = argb(words)
        let png = try bytes.withUnsafeBytes {
            try PNGEncoder(options: PNGOptions(compressionLevel: 1)).encode(premultipliedARGB32: $0, width: 256, height: 256, stride: 1024)
        }
        let image = try DecodedImage(png)
        #expect(image.file.colorType == 6)
        func straight(_ p: Int, _ a: Int) -> Int { a == 0 ? 0 : min(255, (p * 255 + a / 2) / a) }
        var mismatches = 0
        for a in 0..<256 {
            for p in 0..<256 where image.pixel(p, a) != [straight(p, a), straight(255 - p, a), straight(p / 2, a), a] {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    @Test func opaqueImagesAreRGBAndKeepTheirBytes() throws {
        let words = (0..<12).map { word(a: 255, r: $0 * 20, g: 7, b: 255 - $0) }
        let png = try argb(words).withUnsafeBytes {
            try PNGEncoder().encode(premultipliedARGB32: $0, width: 4, height: 3, stride: 16)
        }
        let image = try DecodedImage(png)
        #expect(image.file.colorType == 2)
        #expect(image.pixel(1, 2) == [9 * 20, 7, 255 - 9, 255])
    }

    @Test func honoursTheStride() throws {
        // Rows of 2 pixels stored 3 pixels apart; the padding pixel is translucent and must be ignored.
        let words = [word(a: 255, r: 1, g: 2, b: 3), word(a: 255, r: 4, g: 5, b: 6), word(a: 9, r: 9, g: 9, b: 9),
                     word(a: 255, r: 7, g: 8, b: 9), word(a: 255, r: 10, g: 11, b: 12), word(a: 9, r: 9, g: 9, b: 9)]
        let png = try argb(words).withUnsafeBytes {
            try PNGEncoder().encode(premultipliedARGB32: $0, width: 2, height: 2, stride: 12)
        }
        let image = try DecodedImage(png)
        #expect(image.file.colorType == 2)
        #expect(image.rgba == [1, 2, 3, 255, 4, 5, 6, 255, 7, 8, 9, 255, 10, 11, 12, 255])
    }

    @Test(arguments: PNGFilter.allCases)
    func everyFilterDecodesToTheSamePixels(_ filter: PNGFilter) throws {
        var words: [UInt32] = []
        for y in 0..<16 { for x in 0..<16 { words.append(word(a: 255, r: x * 16, g: y * 16, b: (x * y) % 256)) } }
        let png = try argb(words).withUnsafeBytes {
            try PNGEncoder(options: PNGOptions(compressionLevel: 6, filter: filter)).encode(premultipliedARGB32: $0, width: 16, height: 16, stride: 64)
        }
        let image = try DecodedImage(png)
        #expect(image.pixel(5, 9) == [80, 144, 45, 255])
        let filters = try image.file.rowFilters()
        switch filter {
        case .none: #expect(filters.allSatisfy { $0 == 0 })
        case .sub: #expect(filters.allSatisfy { $0 == 1 })
        case .up: #expect(filters.dropFirst().allSatisfy { $0 == 2 })
        case .average: #expect(filters.allSatisfy { $0 == 3 })
        case .paeth: #expect(filters.dropFirst().allSatisfy { $0 == 4 })
        case .adaptive: #expect(filters.allSatisfy { $0 <= 4 })
        }
    }

    @Test func writesTextChunksInOrder() throws {
        let text = [PNGTextChunk(keyword: "Software", text: "Descent", isInternational: false),
                    PNGTextChunk(keyword: "Descent recipe", text: "title: \"Größe\" → ∇f", isInternational: true)]
        let png = try argb([word(a: 255, r: 0, g: 0, b: 0)]).withUnsafeBytes {
            try PNGEncoder().encode(premultipliedARGB32: $0, width: 1, height: 1, stride: 4, text: text)
        }
        let file = try PNGFile(png)
        #expect(file.chunks.map(\.type) == ["IHDR", "tEXt", "iTXt", "IDAT", "IEND"])
        #expect(file.text("Software") == "Descent")
        #expect(file.internationalText("Descent recipe") == "title: \"Größe\" → ∇f")
    }

    @Test func refusesInconsistentInput() {
        let bytes = [UInt8](repeating: 0, count: 16)
        #expect(throws: PNGError.self) {
            try bytes.withUnsafeBytes { try PNGEncoder().encode(premultipliedARGB32: $0, width: 3, height: 2, stride: 12) }
        }
        #expect(throws: PNGError.self) {
            try bytes.withUnsafeBytes { try PNGEncoder().encode(premultipliedARGB32: $0, width: 0, height: 1, stride: 4) }
        }
        #expect(throws: PNGError.self) {
            try bytes.withUnsafeBytes {
                try PNGEncoder(options: PNGOptions(compressionLevel: -1)).encode(premultipliedARGB32: $0, width: 1, height: 1, stride: 4)
            }
        }
        // libpng's own refusal (an empty keyword) comes back as an error, not a crash.
        #expect(throws: PNGError.self) {
            try bytes.withUnsafeBytes {
                try PNGEncoder().encode(premultipliedARGB32: $0, width: 1, height: 1, stride: 4,
                                        text: [PNGTextChunk(keyword: "", text: "x", isInternational: true)])
            }
        }
    }
}
