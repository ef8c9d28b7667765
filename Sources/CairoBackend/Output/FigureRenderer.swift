import CCairo
import Plotting

/// Renders a figure to PNG, SVG or PDF bytes, or to a file.
///
/// The drawing closure receives a `Canvas` backed by cairo and draws the figure in layout units; the
/// renderer paints the background first and encodes the result afterwards. The output is deterministic:
/// the same request and drawing give the same bytes in any process and on any thread, since
///
/// - PNG is encoded by `PNGEncoder` straight from cairo's pixels, without a time chunk;
/// - SVG ids, which cairo takes from process-wide counters, are renumbered by `SVGNormalizer`;
/// - PDF creation and modification dates are fixed (cairo would write the current time).
///
/// Rendering is safe from several threads at once; each call has its own surface and context.
public enum FigureRenderer {
    /// The fixed PDF creation and modification date (the Unix epoch, in the ISO 8601 form cairo expects).
    static let pdfDate = "1970-01-01T00:00:00Z"
    /// The PNG keyword of the recipe chunk.
    public static let recipeKeyword = "Descent recipe"
    /// The name recorded as the creating software.
    public static let software = "Descent"

    /// Renders the figure that `draw` draws and returns the file's bytes.
    ///
    /// - Parameters:
    ///   - request: Format, size, scale, background, PNG options and recipe.
    ///   - draw: Draws the figure on the canvas, in layout units with y down.
    /// - Returns: The complete file.
    /// - Throws: `RenderError.invalidRequest`, any error `draw` throws, `MissingFontError` when the figure
    ///   uses a font family that is not installed, `CanvasError` for invalid drawing input, `CairoError`
    ///   and `PNGError` when the libraries fail.
    public static func render(_ request: RenderRequest, draw: (any Canvas) throws -> Void) throws -> [UInt8] {
        try request.validate()
        switch request.format {
        case .png: return try renderPNG(request, draw: draw)
        case .svg: return try renderSVG(request, draw: draw)
        case .pdf: return try renderPDF(request, draw: draw)
        }
    }

    /// Renders the figure and writes it to `path` atomically: the file appears complete under its name,
    /// or not at all.
    ///
    /// - Parameters:
    ///   - request: Format, size, scale, background, PNG options and recipe.
    ///   - path: The file to create or replace; its folder must exist.
    ///   - draw: Draws the figure on the canvas.
    /// - Throws: The errors of `render(_:draw:)`, and `RenderError.writeFailed` when the file cannot be
    ///   written.
    public static func write(_ request: RenderRequest, to path: String, draw: (any Canvas) throws -> Void) throws {
        let bytes = try render(request, draw: draw)
        try AtomicFile.write(bytes, to: path)
    }

    // MARK: - Formats

    private static func renderPNG(_ request: RenderRequest, draw: (any Canvas) throws -> Void) throws -> [UInt8] {
        let width = request.pixelWidth, height = request.pixelHeight
        let surface = try CairoSurface.image(width: width, height: height)
        try drawFigure(request, on: surface, isVector: false, draw: draw)
        let text = [PNGTextChunk(keyword: "Software", text: software, isInternational: false),
                    PNGTextChunk(keyword: recipeKeyword, text: request.recipe, isInternational: true)]
        return try surface.withPointer { s in
            cairo_surface_flush(s)
            try surface.check(while: "flushing the PNG surface")
            guard let data = cairo_image_surface_get_data(s) else {
                throw CairoError(CAIRO_STATUS_NULL_POINTER, while: "reading the PNG surface's pixels")
            }
            let stride = Int(cairo_image_surface_get_stride(s))
            let pixels = UnsafeRawBufferPointer(start: data, count: stride * height)
            return try PNGEncoder(options: request.png).encode(premultipliedARGB32: pixels, width: width,
                                                               height: height, stride: stride, text: text)
        }
    }

    private static func renderSVG(_ request: RenderRequest, draw: (any Canvas) throws -> Void) throws -> [UInt8] {
        let surface = try CairoSurface.svg(width: request.size.width, height: request.size.height)
        let images = try drawFigure(request, on: surface, isVector: true, draw: draw)
        try surface.finish(while: "finishing the SVG document")
        return SVGNormalizer.normalize(surface.sink?.bytes ?? [], recipe: request.recipe, images: images)
    }

    private static func renderPDF(_ request: RenderRequest, draw: (any Canvas) throws -> Void) throws -> [UInt8] {
        let surface = try CairoSurface.pdf(width: request.size.width, height: request.size.height)
        try surface.setPDFMetadata(CAIRO_PDF_METADATA_CREATOR, software)
        try surface.setPDFMetadata(CAIRO_PDF_METADATA_CREATE_DATE, pdfDate)
        try surface.setPDFMetadata(CAIRO_PDF_METADATA_MOD_DATE, pdfDate)
        if !request.recipe.isEmpty { try surface.setPDFMetadata(CAIRO_PDF_METADATA_KEYWORDS, request.recipe) }
        try drawFigure(request, on: surface, isVector: true, draw: draw)
        try surface.finish(while: "finishing the PDF document")
        return surface.sink?.bytes ?? []
    }

    /// Paints the background and runs `draw` on a canvas over `surface`, then checks for errors.
    ///
    /// - Returns: The images drawn, in order.
    @discardableResult
    private static func drawFigure(_ request: RenderRequest, on surface: CairoSurface, isVector: Bool,
                                   draw: (any Canvas) throws -> Void) throws -> [SVGNormalizer.Image] {
        let context = try CairoContext(surface: surface)
        if !isVector {
            // Layout units to device pixels. The exact scale is used (not pixels ÷ size), so the layout is
            // the same at every scale even when size × scale was rounded.
            cairo_scale(context.pointer, request.scale, request.scale)
        }
        let canvas = try CairoCanvas(context: context, size: request.size, pixelScale: request.scale,
                                     isVector: isVector)
        if let background = request.background {
            canvas.setSource(background)
            cairo_paint(context.pointer)
        }
        try draw(canvas)
        try canvas.finish()
        try surface.check(while: "drawing the figure")
        return canvas.images
    }
}
