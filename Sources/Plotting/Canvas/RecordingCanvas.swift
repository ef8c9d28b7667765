/// A canvas that draws nothing and remembers every operation, so that figure code can be tested without a
/// graphics library: which paths were stroked where, in which colour, which text was placed.
///
/// Text is measured with a simple model — every character advances 0.6 em, ascent 0.76 em, descent
/// 0.24 em — which is close to DejaVu Sans and good enough for layout tests.
public final class RecordingCanvas: Canvas {
    /// One recorded operation, with the clip depth at which it happened.
    public enum Operation: Equatable, Sendable {
        case fill(Path, Color)
        case stroke(Path, StrokeStyle)
        case image(width: Int, height: Int, rect: Rect)
        case text(String, at: Point, font: Font, color: Color, angle: Double)
        case save
        case restore
        case clip(Path)
    }

    public let size: Size
    public let pixelScale: Double
    public private(set) var operations: [Operation] = []
    /// The images drawn, in order (kept apart because they are large).
    public private(set) var images: [RasterImage] = []

    /// A recording canvas of `size` layout units.
    public init(size: Size, pixelScale: Double = 1) {
        self.size = size
        self.pixelScale = pixelScale
    }

    public func fill(_ path: Path, color: Color, evenOdd: Bool) { operations.append(.fill(path, color)) }
    public func stroke(_ path: Path, style: StrokeStyle) { operations.append(.stroke(path, style)) }
    public func draw(_ image: RasterImage, in rect: Rect, smooth: Bool) {
        operations.append(.image(width: image.width, height: image.height, rect: rect))
        images.append(image)
    }
    public func drawText(_ text: String, at origin: Point, font: Font, color: Color, angle: Double) {
        operations.append(.text(text, at: origin, font: font, color: color, angle: angle))
    }
    public func measure(_ text: String, font: Font) -> TextMetrics {
        TextMetrics(width: 0.6 * font.size * Double(text.count), ascent: 0.76 * font.size, descent: 0.24 * font.size)
    }
    public func save() { operations.append(.save) }
    public func restore() { operations.append(.restore) }
    public func clip(to path: Path) { operations.append(.clip(path)) }

    /// The texts drawn, in order.
    public var texts: [String] {
        operations.compactMap { if case .text(let text, _, _, _, _) = $0 { text } else { nil } }
    }
}
