import Plotting

/// Everything about a figure's output except what to draw: format, size, scale, background, PNG
/// compression and the recipe embedded in the file.
///
/// `size` is in layout units: logical pixels for PNG, points (1/72 inch) for SVG and PDF. A PNG has
/// `size × scale` device pixels (rounded to whole pixels) with the same layout, so `scale: 2` gives a
/// HiDPI image of the same figure. For SVG and PDF the scale does not change the page; it is reported to
/// the drawing code as `Canvas.pixelScale`, the resolution at which to compute embedded images.
///
/// The `recipe` — normally the spec text that produced the figure — is stored in the file: an iTXt chunk
/// "Descent recipe" in PNG, `<metadata>` in SVG and the Keywords entry of the PDF. Nothing that varies
/// from run to run (dates, paths) is stored.
public struct RenderRequest: Hashable, Sendable {
    /// The file format to produce.
    public var format: FigureFormat
    /// The figure's size in layout units.
    public var size: Size
    /// Device pixels per layout unit for PNG (and `pixelScale` for every format).
    public var scale: Double
    /// Painted under the figure; nil leaves it transparent.
    public var background: Color?
    /// Compression level and filter of PNG output (ignored for SVG and PDF).
    public var png: PNGOptions
    /// The text that made the figure, embedded in the output.
    public var recipe: String

    /// A request for a figure of `size` layout units in `format`.
    public init(format: FigureFormat, size: Size, scale: Double = 1, background: Color? = .white,
                png: PNGOptions = PNGOptions(), recipe: String = "") {
        self.format = format
        self.size = size
        self.scale = scale
        self.background = background
        self.png = png
        self.recipe = recipe
    }

    /// The largest width or height in device pixels cairo accepts.
    static let maximumPixels = 32767

    /// The PNG's size in device pixels: `size × scale`, rounded.
    public var pixelWidth: Int { Int((size.width * scale).rounded()) }
    /// The PNG's height in device pixels.
    public var pixelHeight: Int { Int((size.height * scale).rounded()) }

    /// Checks that the request describes a file that can be made.
    ///
    /// - Throws: `RenderError.invalidRequest` naming the first problem.
    func validate() throws(RenderError) {
        guard size.width.isFinite, size.height.isFinite, size.width > 0, size.height > 0 else {
            throw .invalidRequest("the figure size \(size.width) × \(size.height) must be positive and finite")
        }
        guard scale.isFinite, scale > 0 else { throw .invalidRequest("the scale \(scale) must be a positive number") }
        let limit = Double(Self.maximumPixels)
        if format == .png {
            guard size.width * scale <= limit, size.height * scale <= limit, pixelWidth >= 1, pixelHeight >= 1 else {
                throw .invalidRequest(
                    "a \(size.width) × \(size.height) figure at scale \(scale) is not between 1 and \(Self.maximumPixels) pixels wide and high")
            }
        } else {
            // PDF and SVG readers cope with large pages, but cairo works in fixed point (24.8 bits).
            guard size.width <= limit, size.height <= limit else {
                throw .invalidRequest("a \(size.width) × \(size.height) page is larger than \(Self.maximumPixels) points")
            }
        }
        guard (0...9).contains(png.compressionLevel) else {
            throw .invalidRequest("the PNG compression level \(png.compressionLevel) is not in 0...9")
        }
        if let background, ![background.red, background.green, background.blue, background.alpha].allSatisfy(\.isFinite) {
            throw .invalidRequest("the background colour is not finite")
        }
    }
}
