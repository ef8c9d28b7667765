import CPNG

/// Encodes animation frames as PNG files with zlib directly, fast enough to keep up with rendering.
///
/// `PNGEncoder` goes through libpng, which (with its usual adaptive filter) copies, filters and scores
/// every row several times; an animation encodes hundreds of frames, so this encoder makes a single pass
/// per row that turns cairo's premultiplied words into straight R,G,B(,A) bytes right in zlib's input
/// buffer, and nearly all of its time is deflate's own: about 1.05–1.1 times what `compress2` takes for
/// the same pixels at the same level.
///
/// The pixels are un-premultiplied exactly as `PNGEncoder` does it: a colour component p of a pixel with
/// 0 < a < 255 becomes c = ⌊(p·255 + ⌊a/2⌋) / a⌋ clamped to 255, a fully transparent pixel becomes
/// 0,0,0,0 and an opaque one is copied. An opaque frame is written as RGB (colour type 2), any other as
/// RGBA (colour type 6).
///
/// Every row uses PNG's filter type 0 (None). That is a measured choice, not a shortcut: figures are
/// flat colour bands, smooth colour ramps and thin lines, whose unfiltered bytes repeat in long runs that
/// deflate matches cheaply. On the gallery's figures, Sub, Up, a per-row choice between them or libpng's
/// adaptive choice (the minimum sum of absolute differences) made the files 5–70% larger and encoding up
/// to 3.5 times slower; only a shaded 3-D surface came out about 5% smaller with Sub.
///
/// The output depends only on the frame, the level and the text chunks (no tIME chunk, no state shared
/// between calls), so equal frames give equal bytes on any thread, and any number of threads may encode
/// at once.
public enum FramePNG {
    /// The zlib level `encode` uses unless told otherwise.
    ///
    /// On a 1280×720 figure frame, level 3 costs about 10% more time than level 1 and writes 3–15%
    /// smaller files; level 6 takes twice as long as level 1 for files 10–40% smaller, which suits stills
    /// better than animations.
    public static let defaultLevel = 3

    /// Encodes `frame` as a complete PNG file.
    ///
    /// - Parameters:
    ///   - frame: The pixels, premultiplied ARGB32 as cairo draws them.
    ///   - level: The zlib compression level, 0 (store) to 9 (smallest, slowest).
    ///   - text: Text chunks, written before the image data in this order: iTXt (uncompressed UTF-8) for
    ///     international entries, tEXt otherwise. As with `PNGEncoder`, the bytes written are the
    ///     strings' UTF-8, so keep tEXt entries ASCII.
    /// - Returns: The bytes of the PNG file.
    /// - Throws: `PNGError` for a level outside 0...9, an invalid keyword, or when zlib fails.
    public static func encode(_ frame: FrameImage, level: Int = FramePNG.defaultLevel,
                              text: [PNGTextChunk] = []) throws(PNGError) -> [UInt8] {
        try checkLevel(level)
        let textChunks = try text.map { chunk throws(PNGError) in try textChunk(chunk) }
        let width = frame.width
        return try frame.pixels.withUnsafeBufferPointer { pixels throws(PNGError) in
            let source = pixels.baseAddress!
            let opaque = isOpaque(pixels)
            return try compressRows(width: width, height: frame.height, channels: opaque ? 3 : 4, level: level) { y, row in
                if opaque {
                    opaqueRGB(source + y * width, count: width, into: row)
                } else {
                    straight(source + y * width, count: width, into: row, alpha: true)
                }
            } consume: { stream in
                var file: [UInt8] = []
                file.reserveCapacity(57 + textChunks.reduce(0) { $0 + 12 + $1.data.count }
                                     + stream.count + 12 * (stream.count / maximumChunkData + 1))
                file += pngSignature
                appendChunk("IHDR", header(width: width, height: frame.height, colorType: opaque ? 2 : 6), to: &file)
                for chunk in textChunks { appendChunk(chunk.type, chunk.data, to: &file) }
                for piece in pieces(of: stream) { appendChunk("IDAT", UnsafeRawBufferPointer(rebasing: piece), to: &file) }
                appendChunk("IEND", [], to: &file)
                return file
            }
        }
    }

    /// The frame's pixels as tightly packed straight R,G,B bytes, row by row from the top (alpha is
    /// dropped after un-premultiplying), e.g. for a video encoder reading raw `rgb24`.
    ///
    /// - Returns: `3 × width × height` bytes.
    public static func rawRGB(_ frame: FrameImage) -> [UInt8] {
        let count = frame.width * frame.height
        return [UInt8](unsafeUninitializedCapacity: 3 * count) { out, initialized in
            frame.pixels.withUnsafeBufferPointer { pixels in
                if isOpaque(pixels) {
                    opaqueRGB(pixels.baseAddress!, count: count, into: out.baseAddress!)
                } else {
                    straight(pixels.baseAddress!, count: count, into: out.baseAddress!, alpha: false)
                }
            }
            initialized = 3 * count
        }
    }
}

// MARK: - Pixels

extension FramePNG {
    /// Whether every pixel has alpha 255 (an AND over all words, which the compiler vectorizes).
    static func isOpaque(_ pixels: UnsafeBufferPointer<UInt32>) -> Bool {
        let base = pixels.baseAddress!
        var start = 0
        while start < pixels.count {
            let end = min(pixels.count, start + 4096)
            var all: UInt32 = 0xFFFF_FFFF
            for i in start..<end { all &= base[i] }
            if all >> 24 != 0xFF { return false }
            start = end
        }
        return true
    }

    /// R,G,B of `count` opaque pixels (alpha is assumed to be 255 and ignored).
    @inline(__always)
    static func opaqueRGB(_ source: UnsafePointer<UInt32>, count: Int, into out: UnsafeMutablePointer<UInt8>) {
        var o = out
        for x in 0..<count {
            let word = source[x]
            o[0] = UInt8(truncatingIfNeeded: word >> 16)
            o[1] = UInt8(truncatingIfNeeded: word >> 8)
            o[2] = UInt8(truncatingIfNeeded: word)
            o += 3
        }
    }

    /// Straight R,G,B (and A when `alpha`) of `count` pixels of any alpha, by the rule above.
    @inline(__always)
    static func straight(_ source: UnsafePointer<UInt32>, count: Int, into out: UnsafeMutablePointer<UInt8>, alpha: Bool) {
        unpremultiplyTable.withUnsafeBufferPointer { table in
            let table = table.baseAddress!
            let channels = alpha ? 4 : 3
            var o = out
            for x in 0..<count {
                let word = source[x]
                if word >> 24 == 0xFF {
                    o[0] = UInt8(truncatingIfNeeded: word >> 16)
                    o[1] = UInt8(truncatingIfNeeded: word >> 8)
                    o[2] = UInt8(truncatingIfNeeded: word)
                } else {
                    let row = table + Int(word >> 24) << 8
                    o[0] = row[Int((word >> 16) & 0xFF)]
                    o[1] = row[Int((word >> 8) & 0xFF)]
                    o[2] = row[Int(word & 0xFF)]
                }
                if alpha { o[3] = UInt8(truncatingIfNeeded: word >> 24) }
                o += channels
            }
        }
    }
}

// MARK: - zlib

extension FramePNG {
    /// The most data put in one IDAT or fdAT chunk; longer streams are split over several chunks.
    static let maximumChunkData = 1 << 20

    /// Checks that `level` is a zlib level.
    static func checkLevel(_ level: Int) throws(PNGError) {
        guard (0...9).contains(level) else { throw PNGError("compression level \(level) is not in 0...9") }
    }

    /// Deflates `height` rows of `width` pixels and passes the zlib stream to `consume`.
    ///
    /// `fill(y, row)` writes row y's straight bytes (`channels` per pixel) to `row`. Each row is written
    /// into zlib's input after its filter type byte 0 (None), and the rows go to deflate in batches of
    /// about 64 KiB, so the unpacked image never exists whole. The stream is valid only during `consume`.
    ///
    /// - Throws: `PNGError` when zlib fails or the image is too large for one zlib stream.
    static func compressRows<Result>(width: Int, height: Int, channels: Int, level: Int,
                                     fill: (Int, UnsafeMutablePointer<UInt8>) -> Void,
                                     consume: (UnsafeRawBufferPointer) throws(PNGError) -> Result) throws(PNGError) -> Result {
        let rowBytes = 1 + width * channels
        let (total, overflow) = rowBytes.multipliedReportingOverflow(by: height)
        guard !overflow, total <= Int(UInt32.max) / 2 else {
            throw PNGError("a \(width) × \(height) image is too large to encode")
        }
        let deflater = try Deflater(level: level)
        let capacity = deflater.bound(forInput: total)
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { output.deallocate() }
        let batchRows = max(1, batchSize / rowBytes)
        let batch = UnsafeMutablePointer<UInt8>.allocate(capacity: batchRows * rowBytes)
        defer { batch.deallocate() }
        var produced = 0, batched = 0
        for y in 0..<height {
            let row = batch + batched * rowBytes
            row[0] = 0  // filter type None
            fill(y, row + 1)
            batched += 1
            if batched == batchRows || y == height - 1 {
                produced += try deflater.deflate(UnsafeRawBufferPointer(start: batch, count: batched * rowBytes),
                                                 into: output + produced, capacity: capacity - produced,
                                                 finish: y == height - 1)
                batched = 0
            }
        }
        return try consume(UnsafeRawBufferPointer(start: output, count: produced))
    }

    /// About how many bytes of rows `compressRows` gathers before each call to deflate.
    private static let batchSize = 1 << 16

    /// The pieces, at most `maximumChunkData` bytes each, that a zlib stream is split into for IDAT or
    /// fdAT chunks.
    static func pieces(of stream: UnsafeRawBufferPointer) -> [Slice<UnsafeRawBufferPointer>] {
        stride(from: 0, to: stream.count, by: maximumChunkData).map {
            stream[$0..<min(stream.count, $0 + maximumChunkData)]
        }
    }

    /// A zlib deflate stream (zlib format, 32 KiB window, memory level 8, default strategy), ended on
    /// deinit. Memory level 9 was measured too: no smaller, and 5–10% slower.
    final class Deflater {
        /// The stream on the heap: zlib keeps a pointer back to it, so it must never move.
        private let stream: UnsafeMutablePointer<z_stream>

        /// Starts a stream at compression `level` (0...9): zlib's format, or raw deflate (no header or
        /// checksum) for negative `windowBits`.
        init(level: Int, windowBits: Int32 = 15) throws(PNGError) {
            stream = .allocate(capacity: 1)
            stream.initialize(to: z_stream())
            let status = descent_deflate_init(stream, Int32(level), windowBits, 8, Z_DEFAULT_STRATEGY)
            guard status == Z_OK else {
                stream.deallocate()
                throw PNGError(status == Z_MEM_ERROR ? "out of memory" : "zlib cannot start a stream (status \(status))")
            }
        }

        deinit {
            deflateEnd(stream)
            stream.deallocate()
        }

        /// The most bytes the whole stream can take for `count` input bytes.
        func bound(forInput count: Int) -> Int { Int(deflateBound(stream, UInt(count))) }

        /// Compresses `input` into `output` (room for `capacity` bytes, which with `bound` for the whole
        /// input is always enough), ending the stream when `finish`.
        ///
        /// - Returns: The number of bytes written to `output`.
        func deflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutablePointer<UInt8>, capacity: Int,
                     finish: Bool) throws(PNGError) -> Int {
            try deflate(input, into: output, capacity: capacity, flush: finish ? Z_FINISH : Z_NO_FLUSH)
        }

        /// Compresses `input` with zlib's `flush` mode (Z_NO_FLUSH, Z_SYNC_FLUSH or Z_FINISH).
        ///
        /// - Returns: The number of bytes written to `output`.
        func deflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutablePointer<UInt8>, capacity: Int,
                     flush: Int32) throws(PNGError) -> Int {
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
            stream.pointee.avail_in = UInt32(input.count)
            stream.pointee.next_out = output
            stream.pointee.avail_out = UInt32(clamping: capacity)
            let status = CPNG.deflate(stream, flush)
            let written = Int(UInt32(clamping: capacity) - stream.pointee.avail_out)
            // A sync flush is complete only when zlib had room left over.
            guard status == (flush == Z_FINISH ? Z_STREAM_END : Z_OK), stream.pointee.avail_in == 0,
                  flush != Z_SYNC_FLUSH || stream.pointee.avail_out > 0 else {
                throw PNGError("zlib failed to compress (status \(status))")
            }
            return written
        }

        /// Starts the stream afresh (keeping its memory).
        func reset() throws(PNGError) {
            guard deflateReset(stream) == Z_OK else { throw PNGError("zlib cannot restart a stream") }
        }
    }
}

// MARK: - Chunks

extension FramePNG {
    /// The eight bytes every PNG file starts with.
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// IHDR's data for an 8-bit, non-interlaced image of colour type 2 (RGB) or 6 (RGBA).
    static func header(width: Int, height: Int, colorType: UInt8) -> [UInt8] {
        bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, colorType, 0, 0, 0]
    }

    /// The four big-endian bytes of `value`.
    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    /// CRC-32 (PNG's, by zlib) of `bytes`, continuing from `crc` (0 to start).
    static func crc(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        return UInt32(truncatingIfNeeded: crc32_z(UInt(crc), base.assumingMemoryBound(to: UInt8.self), bytes.count))
    }

    /// Appends a chunk: length, the four-letter `type`, `data` and the CRC of type and data.
    static func appendChunk(_ type: String, _ data: UnsafeRawBufferPointer, to file: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        file += bigEndian(UInt32(data.count))
        file += typeBytes
        file.append(contentsOf: data)
        let checksum = typeBytes.withUnsafeBytes { crc(data, continuing: crc($0)) }
        file += bigEndian(checksum)
    }

    static func appendChunk(_ type: String, _ data: [UInt8], to file: inout [UInt8]) {
        data.withUnsafeBytes { appendChunk(type, $0, to: &file) }
    }

    /// A tEXt or iTXt chunk's type and data for `chunk`.
    ///
    /// - Throws: `PNGError` for a keyword that is empty, longer than 79 bytes, has leading or trailing
    ///   spaces or a NUL, and for a tEXt text with a NUL.
    static func textChunk(_ chunk: PNGTextChunk) throws(PNGError) -> (type: String, data: [UInt8]) {
        let keyword = Array(chunk.keyword.utf8), text = Array(chunk.text.utf8)
        guard (1...79).contains(keyword.count), !keyword.contains(0), keyword.first != 0x20, keyword.last != 0x20 else {
            throw PNGError("invalid text chunk keyword '\(chunk.keyword)'")
        }
        if chunk.isInternational {
            // keyword, NUL, compression flag 0 and method 0, empty language tag and translated keyword
            // (each NUL-terminated), then the UTF-8 text.
            return ("iTXt", keyword + [0, 0, 0, 0, 0] + text)
        }
        guard !text.contains(0) else { throw PNGError("the text of '\(chunk.keyword)' contains a NUL") }
        return ("tEXt", keyword + [0] + text)
    }
}
