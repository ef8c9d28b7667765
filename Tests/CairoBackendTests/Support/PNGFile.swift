import CPNG

/// A PNG file read back independently of libpng, for the tests: chunks with their CRCs checked, IHDR,
/// text chunks, and the pixels (IDAT inflated with zlib, every row filter undone).
struct PNGFile {
    struct Chunk {
        var type: String
        var data: [UInt8]
        var crcIsValid: Bool
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    var chunks: [Chunk] = []
    var width = 0
    var height = 0
    var bitDepth = 0
    var colorType = 0
    var interlace = 0

    /// Parses the chunk structure of `bytes`.
    init(_ bytes: [UInt8]) throws {
        guard bytes.count >= 8, Array(bytes[0..<8]) == Self.signature else { throw Failure(description: "no PNG signature") }
        var i = 8
        while i < bytes.count {
            guard i + 12 <= bytes.count else { throw Failure(description: "truncated chunk at \(i)") }
            let length = Int(Self.uint32(bytes, i))
            guard i + 12 + length <= bytes.count else { throw Failure(description: "chunk overruns the file at \(i)") }
            let typeAndData = Array(bytes[(i + 4)..<(i + 8 + length)])
            let type = String(decoding: typeAndData[0..<4], as: UTF8.self)
            let stored = Self.uint32(bytes, i + 8 + length)
            chunks.append(Chunk(type: type, data: Array(typeAndData[4...]), crcIsValid: CRC32.checksum(typeAndData) == stored))
            i += 12 + length
        }
        guard let header = chunks.first, header.type == "IHDR", header.data.count == 13 else {
            throw Failure(description: "the first chunk is not IHDR")
        }
        width = Int(Self.uint32(header.data, 0))
        height = Int(Self.uint32(header.data, 4))
        bitDepth = Int(header.data[8])
        colorType = Int(header.data[9])
        interlace = Int(header.data[12])
    }

    /// Bytes per pixel (8-bit RGB or RGBA only).
    var channels: Int { colorType == 6 ? 4 : 3 }

    /// The filter type byte of each row.
    func rowFilters() throws -> [UInt8] {
        let raw = try inflated()
        let rowBytes = 1 + width * channels
        return (0..<height).map { raw[$0 * rowBytes] }
    }

    /// The concatenated IDAT data, inflated.
    func inflated() throws -> [UInt8] {
        let compressed = chunks.filter { $0.type == "IDAT" }.flatMap(\.data)
        var size = UInt(height * (1 + width * channels))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { o in
            compressed.withUnsafeBufferPointer { c in uncompress(o.baseAddress, &size, c.baseAddress, UInt(c.count)) }
        }
        guard status == Z_OK, Int(size) == out.count else { throw Failure(description: "zlib status \(status), \(size) bytes") }
        return out
    }

    /// The pixels as straight RGBA, row by row (alpha 255 for RGB files), with every filter undone.
    func rgba() throws -> [UInt8] {
        guard bitDepth == 8, colorType == 2 || colorType == 6, interlace == 0 else {
            throw Failure(description: "unsupported IHDR: depth \(bitDepth), colour type \(colorType), interlace \(interlace)")
        }
        return try unfilter(try inflated(), width: width, height: height, channels: channels)
    }

    /// The text of the first tEXt chunk with `keyword`.
    func text(_ keyword: String) -> String? {
        for chunk in chunks where chunk.type == "tEXt" {
            guard let zero = chunk.data.firstIndex(of: 0) else { continue }
            if String(decoding: chunk.data[..<zero], as: UTF8.self) == keyword {
                return String(decoding: chunk.data[(zero + 1)...], as: UTF8.self)
            }
        }
        return nil
    }

    /// The text of the first uncompressed iTXt chunk with `keyword`.
    func internationalText(_ keyword: String) -> String? {
        for chunk in chunks where chunk.type == "iTXt" {
            // keyword \0 compression-flag compression-method language \0 translated-keyword \0 text
            let fields = chunk.data.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
            guard fields.count == 2, String(decoding: fields[0], as: UTF8.self) == keyword else { continue }
            let rest = Array(fields[1])
            guard rest.count >= 2, rest[0] == 0 else { continue }
            let afterMethod = Array(rest[2...])
            let parts = afterMethod.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            return String(decoding: parts[2], as: UTF8.self)
        }
        return nil
    }

    private static func uint32(_ bytes: [UInt8], _ i: Int) -> UInt32 {
        UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
    }
}

/// CRC-32 as PNG defines it (ISO 3309 polynomial 0xEDB88320, reflected, initial and final XOR 0xFFFFFFFF),
/// computed bit by bit so that it shares no code with zlib or libpng.
enum CRC32 {
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
