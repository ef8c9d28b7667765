extension APNGWriter {
    /// How a frame's rectangle is combined with the canvas (the fcTL `blend_op`).
    public enum Blend: UInt8, Hashable, Sendable {
        /// The rectangle's pixels, alpha included, replace the canvas's.
        case source = 0
        /// The rectangle is composited over the canvas: transparent pixels leave it unchanged.
        case over = 1
    }

    /// One frame compressed by `encodeFrame`, ready for `append`: a rectangle of the canvas, its blend
    /// operation and the zlib stream of its RGBA rows — or nothing, when the frame repeats the one before.
    public struct EncodedFrame: Sendable {
        /// The size of the whole animation.
        public let canvasWidth: Int
        public let canvasHeight: Int
        /// The rectangle the frame covers, in pixels from the canvas's top left (all 0 when empty).
        public let x: Int
        public let y: Int
        public let width: Int
        public let height: Int
        /// How the rectangle combines with the canvas.
        public let blend: Blend
        /// The zlib stream of the rectangle's rows of straight R,G,B,A bytes, each after its filter type
        /// byte 0 (None), as `FramePNG` writes them.
        let data: [UInt8]

        /// Whether the frame equals the previous one (nothing to draw).
        public var isEmpty: Bool { width == 0 }
        /// The compressed size of the frame's pixels, in bytes.
        public var byteCount: Int { data.count }
    }
}
