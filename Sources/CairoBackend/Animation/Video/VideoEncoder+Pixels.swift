extension VideoEncoder {
    // MARK: - Pixels

    /// Packs `height` rows of `width` premultiplied ARGB32 words as straight RGB24, rows `rowBytes` apart.
    ///
    /// Writes one byte past the last pixel (the buffer has a byte of slack): each opaque pixel is stored
    /// as one 4-byte word whose fourth byte the next pixel overwrites.
    static func packRGB(_ pixels: UnsafeBufferPointer<UInt32>, width: Int, height: Int,
                        into out: UnsafeMutableRawPointer, rowBytes: Int) {
        let source = pixels.baseAddress!
        for y in 0..<height {
            let row = source + y * width
            let target = out + y * rowBytes
            for x in 0..<width {
                let word = row[x]
                if word >> 24 == 0xFF {
                    #if _endian(little)
                    // 0xAARRGGBB byte-swapped is 0xBBGGRRAA; shifted right by 8 it is stored as R, G, B, 0.
                    target.storeBytes(of: word.byteSwapped >> 8, toByteOffset: 3 * x, as: UInt32.self)
                    #else
                    target.storeBytes(of: word << 8, toByteOffset: 3 * x, as: UInt32.self)
                    #endif
                } else {
                    let a = word >> 24
                    let bytes = target + 3 * x
                    bytes.storeBytes(of: unpremultiply((word >> 16) & 0xFF, a), as: UInt8.self)
                    bytes.storeBytes(of: unpremultiply((word >> 8) & 0xFF, a), toByteOffset: 1, as: UInt8.self)
                    bytes.storeBytes(of: unpremultiply(word & 0xFF, a), toByteOffset: 2, as: UInt8.self)
                }
            }
        }
    }

    /// The straight value of premultiplied component `p` at alpha `a` < 255: min(255, ⌊(p·255 + ⌊a/2⌋) / a⌋),
    /// and 0 when `a` is 0 (the rule of `PNGEncoder`).
    @inline(__always)
    private static func unpremultiply(_ p: UInt32, _ a: UInt32) -> UInt8 {
        a == 0 ? 0 : UInt8(min(255, (p * 255 + a / 2) / a))
    }

    /// For MP4 of an odd size: fills the extra column and row of the frame buffer by repeating the last
    /// real ones, so that the padding looks like the frame's edge rather than a black line.
    func padEdges() {
        let out = rgb.baseAddress!
        let rowBytes = encodedWidth * 3
        if encodedWidth > width {
            for y in 0..<height {
                let row = out + y * rowBytes
                (row + width * 3).copyMemory(from: row + (width - 1) * 3, byteCount: 3)
            }
        }
        if encodedHeight > height {
            (out + height * rowBytes).copyMemory(from: out + (height - 1) * rowBytes, byteCount: rowBytes)
        }
    }
}
