/// One animation frame's pixels as cairo draws them: `width × height` native-endian 32-bit words
/// `A<<24 | R<<16 | G<<8 | B`, colour premultiplied by alpha, row by row from the top with no padding
/// (cairo's ARGB32 stride is always `4 × width`).
///
/// Frames are plain values so that they can be handed between the threads that render, encode and
/// write them.
public struct FrameImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width × height` premultiplied ARGB32 words.
    public var pixels: [UInt32]

    /// A frame of `width × height` pixels all set to `fill` (premultiplied ARGB32; 0 is transparent).
    public init(width: Int, height: Int, fill: UInt32 = 0) {
        precondition(width > 0 && height > 0, "a frame has at least one pixel")
        self.width = width
        self.height = height
        pixels = [UInt32](repeating: fill, count: width * height)
    }

    /// A frame over existing pixels (`pixels.count` must be `width × height`).
    public init(width: Int, height: Int, pixels: [UInt32]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height, "\(pixels.count) pixels do not make a \(width) × \(height) frame")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Whether every pixel has alpha 255.
    public var isOpaque: Bool { pixels.allSatisfy { $0 >> 24 == 0xFF } }
}
