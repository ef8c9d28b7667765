import CPNG

/// Encodes premultiplied ARGB32 pixels (cairo's image format) as a PNG file in memory.
///
/// Cairo stores each pixel as one native-endian 32-bit word `A<<24 | R<<16 | G<<8 | B` whose colour is
/// premultiplied by alpha. PNG wants straight alpha, so each colour component p of a pixel with
/// 0 < a < 255 becomes c = ⌊(p·255 + ⌊a/2⌋) / a⌋ clamped to 255 (the rounded exact inverse of
/// premultiplication); a fully transparent pixel becomes 0,0,0,0 and an opaque one is copied. An image
/// whose pixels are all opaque is written as RGB (colour type 2), any other as RGBA (colour type 6).
///
/// The output depends only on the pixels, the options and the text chunks — there is no tIME chunk — so
/// the same frame always gives the same bytes. The encoder holds no shared state: any number of threads
/// may encode at once, with one encoder or several.
public struct PNGEncoder: Hashable, Sendable {
    /// Compression level and filter.
    public var options: PNGOptions

    /// An encoder with `options`.
    public init(options: PNGOptions = PNGOptions()) {
        self.options = options
    }

    /// Encodes `height` rows of `width` premultiplied ARGB32 pixels, `stride` bytes apart.
    ///
    /// - Parameters:
    ///   - pixels: The image memory, at least `stride × height` bytes (the last row may be just
    ///     `4 × width`).
    ///   - width: Pixels per row, at least 1.
    ///   - height: Rows, at least 1.
    ///   - stride: Bytes from one row to the next, at least `4 × width`.
    ///   - text: Text chunks, written before the image data in this order.
    /// - Returns: The bytes of the PNG file.
    /// - Throws: `PNGError` for inconsistent sizes, an invalid option or when libpng fails.
    public func encode(premultipliedARGB32 pixels: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int,
                       text: [PNGTextChunk] = []) throws(PNGError) -> [UInt8] {
        guard width > 0, height > 0, width <= Int(UInt32.max), height <= Int(UInt32.max) else {
            throw PNGError("the image must be at least 1 × 1 pixel (got \(width) × \(height))")
        }
        guard stride >= 4 * width, pixels.count >= stride * (height - 1) + 4 * width else {
            throw PNGError("\(pixels.count) bytes do not hold \(height) rows of \(width) pixels \(stride) bytes apart")
        }
        guard (0...9).contains(options.compressionLevel) else {
            throw PNGError("compression level \(options.compressionLevel) is not in 0...9")
        }
        let opaque = Self.isOpaque(pixels, width: width, height: height, stride: stride)
        let rows = Self.straightRows(pixels, width: width, height: height, stride: stride, alpha: !opaque)
        return try Self.compress(rows: rows, width: width, height: height, alpha: !opaque, options: options,
                                 text: text)
    }

    // MARK: - Pixels

    /// Whether every pixel has alpha 255.
    private static func isOpaque(_ pixels: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int) -> Bool {
        for y in 0..<height {
            let row = y * stride
            for x in 0..<width where pixels.loadUnaligned(fromByteOffset: row + 4 * x, as: UInt32.self) >> 24 != 0xFF {
                return false
            }
        }
        return true
    }

    /// The image as tightly packed rows of straight R,G,B (or R,G,B,A) bytes.
    private static func straightRows(_ pixels: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int,
                                     alpha: Bool) -> [UInt8] {
        let channels = alpha ? 4 : 3
        return [UInt8](unsafeUninitializedCapacity: width * height * channels) { out, count in
            unpremultiplyTable.withUnsafeBufferPointer { table in
                var o = 0
                for y in 0..<height {
                    let row = y * stride
                    for x in 0..<width {
                        let word = pixels.loadUnaligned(fromByteOffset: row + 4 * x, as: UInt32.self)
                        let a = Int(word >> 24)
                        let r = Int((word >> 16) & 0xFF), g = Int((word >> 8) & 0xFF), b = Int(word & 0xFF)
                        if a == 0xFF {
                            out[o] = UInt8(r); out[o + 1] = UInt8(g); out[o + 2] = UInt8(b)
                        } else {
                            let base = a << 8
                            out[o] = table[base | r]; out[o + 1] = table[base | g]; out[o + 2] = table[base | b]
                        }
                        if alpha { out[o + 3] = UInt8(a) }
                        o += channels
                    }
                }
            }
            count = width * height * channels
        }
    }

    // MARK: - libpng

    /// Runs the C encoder on packed rows.
    private static func compress(rows: [UInt8], width: Int, height: Int, alpha: Bool, options: PNGOptions,
                                 text: [PNGTextChunk]) throws(PNGError) -> [UInt8] {
        // libpng reads the strings during the call; copies on the C heap outlive every closure scope.
        var strings: [UnsafeMutablePointer<CChar>] = []
        defer { strings.forEach { free($0) } }
        var chunks: [descent_png_text] = []
        for chunk in text {
            guard let keyword = strdup(chunk.keyword), let value = strdup(chunk.text) else {
                throw PNGError("out of memory")
            }
            strings += [keyword, value]
            chunks.append(descent_png_text(keyword: keyword, text: value, international: chunk.isInternational ? 1 : 0))
        }
        var buffer = descent_png_buffer(bytes: nil, count: 0, capacity: 0)
        defer { descent_png_buffer_free(&buffer) }
        var message = [CChar](repeating: 0, count: 256)
        let channels = alpha ? 4 : 3
        let code = rows.withUnsafeBufferPointer { rowBytes in
            chunks.withUnsafeBufferPointer { chunkArray in
                descent_png_encode(rowBytes.baseAddress, width * channels, UInt32(width), UInt32(height),
                                   alpha ? 1 : 0, Int32(options.compressionLevel), options.filter.libpngFlags,
                                   chunkArray.baseAddress, Int32(chunkArray.count), &buffer, &message,
                                   message.count)
            }
        }
        switch Int(code) {
        case Int(DESCENT_PNG_OK):
            guard let bytes = buffer.bytes else { throw PNGError("libpng wrote nothing") }
            return Array(UnsafeBufferPointer(start: bytes, count: buffer.count))
        case Int(DESCENT_PNG_OUT_OF_MEMORY): throw PNGError("out of memory")
        case Int(DESCENT_PNG_INVALID_ARGUMENT): throw PNGError("invalid arguments for the encoder")
        default:
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw PNGError(text.isEmpty ? "libpng failed" : text)
        }
    }
}

/// `unpremultiplyTable[a << 8 | p]` is the straight value of premultiplied component p at alpha a:
/// ⌊(p·255 + ⌊a/2⌋) / a⌋ clamped to 255, and 0 when a is 0. Built once, on first use (thread-safe, as
/// every global's initialization is). Shared with `FramePNG`.
let unpremultiplyTable: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 256 * 256)
    for a in 1..<256 {
        for p in 0..<256 {
            table[a << 8 | p] = UInt8(min(255, (p * 255 + a / 2) / a))
        }
    }
    return table
}()
