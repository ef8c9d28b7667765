/// What a figure draws on: a small set of operations that every back end implements.
///
/// A back end that can fill and stroke paths, draw images and draw text can show every figure; markers,
/// arrows, legends and axes are built from these operations in `Plotting`. Coordinates are layout units
/// with y down; `pixelScale` says how many device pixels one unit has, so that raster content (heatmaps)
/// can be computed at exactly the output resolution.
public protocol Canvas: AnyObject {
    /// The drawing area in layout units.
    var size: Size { get }
    /// Device pixels per layout unit (for vector output: the resolution embedded images should have).
    var pixelScale: Double { get }

    /// Fills `path` with `color` (non-zero winding, or even-odd).
    func fill(_ path: Path, color: Color, evenOdd: Bool)
    /// Strokes `path` with `style`.
    func stroke(_ path: Path, style: StrokeStyle)
    /// Draws `image` scaled into `rect`; `smooth` interpolates between pixels when scaling.
    func draw(_ image: RasterImage, in rect: Rect, smooth: Bool)
    /// Draws `text` with its baseline starting at `origin`, rotated by `angle` radians about `origin`
    /// (positive angles turn clockwise on the page, as y points down).
    func drawText(_ text: String, at origin: Point, font: Font, color: Color, angle: Double)
    /// The extent of `text` set in `font`.
    func measure(_ text: String, font: Font) -> TextMetrics
    /// Pushes the clip region.
    func save()
    /// Pops the clip region pushed by the matching `save()`.
    func restore()
    /// Intersects the clip region with `path`.
    func clip(to path: Path)
}

extension Canvas {
    /// Fills with the non-zero winding rule.
    public func fill(_ path: Path, color: Color) { fill(path, color: color, evenOdd: false) }
    /// Draws horizontal text.
    public func drawText(_ text: String, at origin: Point, font: Font, color: Color) {
        drawText(text, at: origin, font: font, color: color, angle: 0)
    }
}

/// How a path is stroked.
public struct StrokeStyle: Hashable, Sendable {
    public enum Cap: Sendable, Hashable { case butt, round, square }
    public enum Join: Sendable, Hashable { case miter, round, bevel }

    public var color: Color
    /// Line width in layout units.
    public var width: Double
    /// Alternating on and off lengths in layout units; empty for a solid line.
    public var dash: [Double]
    public var cap: Cap
    public var join: Join

    /// A stroke of `width` in `color`.
    public init(color: Color, width: Double, dash: [Double] = [], cap: Cap = .butt, join: Join = .miter) {
        self.color = color
        self.width = width
        self.dash = dash
        self.cap = cap
        self.join = join
    }
}

/// A font request: family, size in layout units, weight and slant.
public struct Font: Hashable, Sendable {
    public enum Weight: Sendable, Hashable { case regular, bold }
    public enum Slant: Sendable, Hashable { case normal, italic }

    public var family: String
    public var size: Double
    public var weight: Weight
    public var slant: Slant

    /// A font of `family` at `size` layout units.
    public init(family: String = "DejaVu Sans", size: Double, weight: Weight = .regular, slant: Slant = .normal) {
        self.family = family
        self.size = size
        self.weight = weight
        self.slant = slant
    }

    /// The same font at another size.
    public func sized(_ size: Double) -> Font { Font(family: family, size: size, weight: weight, slant: slant) }
    /// The same font in italic.
    public var italic: Font { Font(family: family, size: size, weight: weight, slant: .italic) }
    /// The same font in bold.
    public var bold: Font { Font(family: family, size: size, weight: .bold, slant: slant) }
}

/// The extent of a piece of text: its advance width and how far it reaches above and below the baseline
/// (both positive), in layout units.
public struct TextMetrics: Hashable, Sendable {
    public var width: Double
    public var ascent: Double
    public var descent: Double

    /// Metrics of width × (ascent + descent).
    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
    }

    public var height: Double { ascent + descent }
}

/// An image in memory: `width × height` pixels, row by row from the top, 4 bytes per pixel in the order
/// red, green, blue, alpha, with straight (not premultiplied) alpha.
public struct RasterImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    /// An image filled with `color`.
    public init(width: Int, height: Int, color: Color = .clear) {
        self.width = width
        self.height = height
        let bytes: [UInt8] = [color.red, color.green, color.blue, color.alpha].map { UInt8((min(max($0, 0), 1) * 255).rounded()) }
        pixels = [UInt8](repeating: 0, count: width * height * 4)
        for i in stride(from: 0, to: pixels.count, by: 4) {
            pixels[i] = bytes[0]; pixels[i + 1] = bytes[1]; pixels[i + 2] = bytes[2]; pixels[i + 3] = bytes[3]
        }
    }

    /// Sets pixel (x, y), counted from the top-left corner.
    public mutating func set(_ x: Int, _ y: Int, _ color: Color) {
        let i = (y * width + x) * 4
        pixels[i] = UInt8((min(max(color.red, 0), 1) * 255).rounded())
        pixels[i + 1] = UInt8((min(max(color.green, 0), 1) * 255).rounded())
        pixels[i + 2] = UInt8((min(max(color.blue, 0), 1) * 255).rounded())
        pixels[i + 3] = UInt8((min(max(color.alpha, 0), 1) * 255).rounded())
    }

    /// Pixel (x, y) as a colour.
    public func color(_ x: Int, _ y: Int) -> Color {
        let i = (y * width + x) * 4
        return Color(red: Double(pixels[i]) / 255, green: Double(pixels[i + 1]) / 255, blue: Double(pixels[i + 2]) / 255,
                     alpha: Double(pixels[i + 3]) / 255)
    }
}
