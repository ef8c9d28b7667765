import CPNG

extension FramePNG {
    /// A background that animation frames are drawn over, cut into bands of rows that are compressed once,
    /// so that a frame is compressed only where it differs from the background.
    ///
    /// A PNG's image data is one zlib stream of the filtered rows. A deflate stream may be cut anywhere into
    /// pieces that are compressed independently, each piece ending on a byte boundary (zlib's sync flush,
    /// an empty stored block) and the last one ending the stream. With the None filter a row's bytes depend
    /// on that row alone, so a band of rows identical to the background's compresses to exactly the bytes
    /// stored here; ``FramePNG/encode(_:over:)`` copies those and compresses only the bands that changed.
    /// The zlib stream's Adler-32 checksum is assembled from the bands' checksums
    /// (adler32_combine: the checksum of a concatenation follows from the parts' checksums and lengths).
    ///
    /// Immutable after creation and shared by every thread that encodes frames.
    public final class Background: Sendable {
        /// The background's pixels.
        public let frame: FrameImage
        /// The zlib level of every band.
        public let level: Int
        /// Rows per band (the last band may be shorter).
        public let bandRows: Int
        /// Whether the background is opaque (its frames are then written as RGB).
        let opaque: Bool
        /// Each band compressed as a non-final piece (ending with a sync flush).
        let pieces: [[UInt8]]
        /// The last band compressed as the final piece of the stream.
        let finalPiece: [UInt8]
        /// Each band's Adler-32 checksum and its length in bytes (filter bytes included).
        let checksums: [(adler: UInt, length: Int)]

        /// Compresses the bands of `frame` at `level` (0…9).
        ///
        /// - Parameter bandRows: rows per band: fewer rows recompress less around a small change, more rows
        ///   compress a little better. 16 rows of a 1280-pixel frame are 61 kB of pixels.
        /// - Throws: `PNGError` for a level outside 0…9 or when zlib fails.
        public init(_ frame: FrameImage, level: Int = FramePNG.defaultLevel, bandRows: Int = 16) throws(PNGError) {
            try FramePNG.checkLevel(level)
            self.frame = frame
            self.level = level
            let bandRows = max(1, bandRows)
            self.bandRows = bandRows
            let opaque = frame.pixels.withUnsafeBufferPointer { FramePNG.isOpaque($0) }
            self.opaque = opaque
            let bands = (frame.height + bandRows - 1) / bandRows
            let piecer = try BandDeflater(level: level)
            var pieces: [[UInt8]] = [], checksums: [(UInt, Int)] = []
            var finalPiece: [UInt8] = []
            try frame.pixels.withUnsafeBufferPointer { pixels throws(PNGError) in
                for band in 0..<bands {
                    let rows = band * bandRows..<min(frame.height, (band + 1) * bandRows)
                    var piece: [UInt8] = []
                    let (adler, length) = try piecer.compress(pixels.baseAddress!, width: frame.width, rows: rows, opaque: opaque,
                                                              last: false) { piece = Array($0) }
                    pieces.append(piece)
                    checksums.append((adler, length))
                    if band == bands - 1 {
                        _ = try piecer.compress(pixels.baseAddress!, width: frame.width, rows: rows, opaque: opaque, last: true) { finalPiece = Array($0) }
                    }
                }
            }
            self.pieces = pieces
            self.finalPiece = finalPiece
            self.checksums = checksums
        }
    }

    /// Encodes `frame`, drawn over `background`, as a complete PNG file: the same pixels as
    /// `encode(_:level:)` at the background's level, compressed band by band, with the bands that equal
    /// the background's copied from it. A frame of another size, or with transparency over an opaque
    /// background, is encoded whole. (Encoding many frames, keep a ``BandEncoder`` per thread instead: it
    /// reuses its zlib stream and buffers.)
    ///
    /// - Throws: `PNGError` when zlib fails.
    public static func encode(_ frame: FrameImage, over background: Background) throws(PNGError) -> [UInt8] {
        try BandEncoder(background).encode(frame)
    }

    /// Encodes frames over one ``Background`` (see ``encode(_:over:)``), keeping its zlib stream and buffers
    /// from frame to frame. Use it from one thread at a time (it may move between threads, hence Sendable;
    /// it must never be used by two at once).
    public final class BandEncoder: @unchecked Sendable {
        public let background: Background
        private let piecer: BandDeflater
        private var stream: [UInt8] = []

        /// An encoder of frames drawn over `background`.
        public init(_ background: Background) throws(PNGError) {
            self.background = background
            piecer = try BandDeflater(level: background.level)
        }

        /// The PNG file of `frame`.
        public func encode(_ frame: FrameImage) throws(PNGError) -> [UInt8] {
            let background = self.background
            let opaque = frame.pixels.withUnsafeBufferPointer { isOpaque($0) }
            guard frame.width == background.frame.width, frame.height == background.frame.height, opaque == background.opaque else {
                return try FramePNG.encode(frame, level: background.level)
            }
            let width = frame.width, height = frame.height, bandRows = background.bandRows
            let bands = background.pieces.count
            stream.removeAll(keepingCapacity: true)
            stream += zlibHeader(level: background.level)
            var adler: UInt = 1  // Adler-32 of nothing
            try frame.pixels.withUnsafeBufferPointer { pixels throws(PNGError) in
                try background.frame.pixels.withUnsafeBufferPointer { base throws(PNGError) in
                    for band in 0..<bands {
                        let rows = band * bandRows..<min(height, (band + 1) * bandRows)
                        let start = rows.lowerBound * width, count = rows.count * width
                        let last = band == bands - 1
                        if memcmp(pixels.baseAddress! + start, base.baseAddress! + start, count * 4) == 0 {
                            stream += last ? background.finalPiece : background.pieces[band]
                            let part = background.checksums[band]
                            adler = adler32_combine(adler, part.adler, part.length)
                        } else {
                            let (partAdler, length) = try piecer.compress(pixels.baseAddress!, width: width, rows: rows, opaque: opaque,
                                                                          last: last) { stream.append(contentsOf: $0) }
                            adler = adler32_combine(adler, partAdler, length)
                        }
                    }
                }
            }
            stream += bigEndian(UInt32(truncatingIfNeeded: adler))
            var file: [UInt8] = []
            file.reserveCapacity(64 + stream.count + 12 * (stream.count / maximumChunkData + 1))
            file += pngSignature
            appendChunk("IHDR", header(width: width, height: height, colorType: opaque ? 2 : 6), to: &file)
            stream.withUnsafeBytes { bytes in
                for piece in pieces(of: bytes) { appendChunk("IDAT", UnsafeRawBufferPointer(rebasing: piece), to: &file) }
            }
            appendChunk("IEND", [], to: &file)
            return file
        }
    }

    /// The two bytes that open a zlib stream: deflate with a 32 KiB window, the level class zlib itself
    /// records (0 for levels 0–1, 1 for 2–5, 2 for 6, 3 for 7–9) and the check bits that make the pair a
    /// multiple of 31.
    static func zlibHeader(level: Int) -> [UInt8] {
        let cmf = 0x78
        let levelClass = level < 2 ? 0 : level < 6 ? 1 : level == 6 ? 2 : 3
        var flg = levelClass << 6
        flg += 31 - (cmf * 256 + flg) % 31
        return [UInt8(cmf), UInt8(flg)]
    }
}

/// Compresses bands of rows as raw deflate pieces (no zlib header or checksum), reusing one zlib stream
/// (reset between pieces, which keeps its memory) and its buffers.
final class BandDeflater {
    private let deflater: FramePNG.Deflater
    private var rows: [UInt8] = []
    private var output: [UInt8] = []

    init(level: Int) throws(PNGError) {
        // Negative window bits: raw deflate, the pieces are framed by the caller.
        deflater = try FramePNG.Deflater(level: level, windowBits: -15)
    }

    /// The band of `rows` of an image `width` pixels wide, filtered (type None) and compressed as one piece:
    /// ended by a sync flush, or by the stream's end when `last`. Passes the piece to `consume` (valid only
    /// during the call) and returns the Adler-32 of the band's filtered bytes and their count.
    func compress(_ pixels: UnsafePointer<UInt32>, width: Int, rows band: Range<Int>, opaque: Bool, last: Bool,
                  consume: (UnsafeBufferPointer<UInt8>) -> Void) throws(PNGError) -> (adler: UInt, length: Int) {
        let rowBytes = 1 + width * (opaque ? 3 : 4)
        let length = rowBytes * band.count
        if rows.count < length { rows = [UInt8](repeating: 0, count: length) }
        try deflater.reset()
        let bound = deflater.bound(forInput: length) + 16
        if output.count < bound { output = [UInt8](repeating: 0, count: bound) }
        return try rows.withUnsafeMutableBufferPointer { raw throws(PNGError) in
            for (k, y) in band.enumerated() {
                let row = raw.baseAddress! + k * rowBytes
                row[0] = 0
                if opaque {
                    FramePNG.opaqueRGB(pixels + y * width, count: width, into: row + 1)
                } else {
                    FramePNG.straight(pixels + y * width, count: width, into: row + 1, alpha: true)
                }
            }
            return try output.withUnsafeMutableBufferPointer { out throws(PNGError) in
                let produced = try deflater.deflate(UnsafeRawBufferPointer(start: raw.baseAddress, count: length), into: out.baseAddress!,
                                                    capacity: out.count, flush: last ? Z_FINISH : Z_SYNC_FLUSH)
                consume(UnsafeBufferPointer(start: out.baseAddress, count: produced))
                return (adler32_z(1, raw.baseAddress, length), length)
            }
        }
    }
}
