#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension APNGWriter {
    // MARK: - Encoding a frame

    /// Compresses `current` as the frame that follows `previous`, or as the first frame when `previous`
    /// is nil.
    ///
    /// The first frame covers the whole canvas (blend SOURCE). A later frame covers the smallest
    /// rectangle holding every pixel whose word differs from `previous`; if every such pixel is opaque,
    /// the unchanged pixels in the rectangle become transparent 0,0,0,0 and the frame blends OVER,
    /// otherwise the rectangle keeps all of `current`'s pixels and blends SOURCE. An unchanged frame is
    /// empty. Pure and thread-safe: frames can be encoded in parallel, each against its predecessor.
    ///
    /// - Parameters:
    ///   - previous: The frame shown before, or nil for the first frame.
    ///   - current: The frame to encode, the same size as `previous`.
    ///   - level: The zlib level, 0...9.
    /// - Returns: The frame for `append`.
    /// - Throws: `PNGError` for a bad level, frames of different sizes, or when zlib fails.
    public static func encodeFrame(previous: FrameImage?, current: FrameImage, level: Int) throws(PNGError) -> EncodedFrame {
        try FramePNG.checkLevel(level)
        let width = current.width, height = current.height
        guard let previous else {
            return try encode(current, rectangle: (0, 0, width, height), blend: .source, previous: nil, level: level)
        }
        guard previous.width == width, previous.height == height else {
            throw PNGError("a \(width) × \(height) frame cannot follow a \(previous.width) × \(previous.height) one")
        }
        let change = current.pixels.withUnsafeBufferPointer { now in
            previous.pixels.withUnsafeBufferPointer { before in
                changedRectangle(now.baseAddress!, before.baseAddress!, width: width, height: height)
            }
        }
        guard let change else {
            return EncodedFrame(canvasWidth: width, canvasHeight: height, x: 0, y: 0, width: 0, height: 0,
                                blend: .over, data: [])
        }
        return try encode(current, rectangle: change.rectangle, blend: change.opaque ? .over : .source,
                          previous: change.opaque ? previous : nil, level: level)
    }

    /// Compresses `rectangle` of `frame` as straight RGBA, turning the pixels equal to `previous`'s into
    /// 0,0,0,0 when `previous` is given.
    static func encode(_ frame: FrameImage, rectangle: (x: Int, y: Int, width: Int, height: Int),
                       blend: Blend, previous: FrameImage?, level: Int) throws(PNGError) -> EncodedFrame {
        let stride = frame.width, origin = rectangle.y * stride + rectangle.x
        func compress(_ fill: (Int, UnsafeMutablePointer<UInt8>) -> Void) throws(PNGError) -> [UInt8] {
            try FramePNG.compressRows(width: rectangle.width, height: rectangle.height, channels: 4, level: level,
                                      fill: fill) { Array($0) }
        }
        let data = try frame.pixels.withUnsafeBufferPointer { now throws(PNGError) in
            let source = now.baseAddress! + origin
            guard let previous else {
                return try compress { y, row in FramePNG.straight(source + y * stride, count: rectangle.width, into: row, alpha: true) }
            }
            return try previous.pixels.withUnsafeBufferPointer { before throws(PNGError) in
                let old = before.baseAddress! + origin
                return try compress { y, row in
                    changedPixels(source + y * stride, old + y * stride, count: rectangle.width, into: row)
                }
            }
        }
        return EncodedFrame(canvasWidth: frame.width, canvasHeight: frame.height, x: rectangle.x, y: rectangle.y,
                            width: rectangle.width, height: rectangle.height, blend: blend, data: data)
    }

    // MARK: - Finding what changed

    /// R,G,B,A of the pixels of `now` that differ from `before`, which must be opaque, and 0,0,0,0 for the
    /// others.
    @inline(__always)
    private static func changedPixels(_ now: UnsafePointer<UInt32>, _ before: UnsafePointer<UInt32>, count: Int,
                                      into out: UnsafeMutablePointer<UInt8>) {
        var o = out
        for x in 0..<count {
            let word = now[x]
            if word == before[x] {
                o[0] = 0; o[1] = 0; o[2] = 0; o[3] = 0
            } else {
                o[0] = UInt8(truncatingIfNeeded: word >> 16)
                o[1] = UInt8(truncatingIfNeeded: word >> 8)
                o[2] = UInt8(truncatingIfNeeded: word)
                o[3] = 0xFF
            }
            o += 4
        }
    }

    /// The smallest rectangle holding every pixel that differs between `now` and `before`, and whether
    /// all of those pixels are opaque; nil when nothing differs.
    private static func changedRectangle(_ now: UnsafePointer<UInt32>, _ before: UnsafePointer<UInt32>, width: Int,
                                         height: Int) -> (rectangle: (x: Int, y: Int, width: Int, height: Int), opaque: Bool)? {
        let rowBytes = 4 * width
        func rowDiffers(_ y: Int) -> Bool { memcmp(now + y * width, before + y * width, rowBytes) != 0 }
        guard let top = (0..<height).first(where: rowDiffers) else { return nil }
        let bottom = (top..<height).last(where: rowDiffers)!
        var left = width, right = -1, opaque = true
        for y in top...bottom {
            let a = now + y * width, b = before + y * width
            // Only the columns outside the rectangle so far can move its sides.
            var x = 0
            while x < left, a[x] == b[x] { x += 1 }
            if x < left { left = x }
            x = width - 1
            while x > right, a[x] == b[x] { x -= 1 }
            if x > right { right = x }
        }
        for y in top...bottom where opaque {
            let a = now + y * width, b = before + y * width
            for x in left...right where a[x] != b[x] && a[x] >> 24 != 0xFF {
                opaque = false
                break
            }
        }
        return ((left, top, right - left + 1, bottom - top + 1), opaque)
    }
}
