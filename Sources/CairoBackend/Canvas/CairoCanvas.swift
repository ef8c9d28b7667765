import CCairo
import Plotting

/// A `Canvas` that draws with cairo, onto an image (PNG output) or a vector surface (SVG, PDF).
///
/// Layout units map to cairo user units through the context's matrix: for raster output the context is
/// scaled by `pixelScale`, so a figure is laid out identically at every scale. Text uses cairo's "toy"
/// font API with metrics hinting off, so that measurements do not depend on the scale either.
///
/// `Canvas` operations cannot throw. The canvas therefore remembers the first failure — a font family
/// that is not installed, a path with a non-finite coordinate, a malformed image — skips the offending
/// operation and lets `FigureRenderer` throw it once drawing is done (`finish()`). Cairo's own errors are
/// sticky in the context and are checked there as well.
final class CairoCanvas: Canvas {
    let size: Size
    let pixelScale: Double
    /// The context drawn on.
    let context: CairoContext
    /// Whether the surface is a vector document (SVG, PDF) rather than an image.
    let isVector: Bool
    /// The fonts checked against fontconfig.
    let fonts: FontCatalog
    /// The first failure met while drawing.
    private(set) var firstError: (any Error)?
    /// The images drawn so far, in order, with their sampling (SVG needs it after the fact).
    var images: [SVGNormalizer.Image] = []

    /// A canvas of `size` layout units drawing on `context`, whose matrix already maps layout units to
    /// the surface (scaled by `pixelScale` for raster output).
    ///
    /// - Throws: `CairoError` when cairo refuses the text settings.
    init(context: CairoContext, size: Size, pixelScale: Double, isVector: Bool, fonts: FontCatalog = .shared) throws {
        self.context = context
        self.size = size
        self.pixelScale = pixelScale
        self.isVector = isVector
        self.fonts = fonts
        try configureText()
    }

    /// Throws the first failure met while drawing, or cairo's error state.
    ///
    /// - Throws: The recorded error (`MissingFontError`, `CanvasError`, `CairoError`), else `CairoError`
    ///   when the context is in an error state.
    func finish() throws {
        if let firstError { throw firstError }
        try context.check(while: "drawing the figure")
    }

    /// Remembers `error` unless an earlier one is already remembered.
    func record(_ error: any Error) {
        if firstError == nil { firstError = error }
    }

    /// The context pointer; valid while `self` is (the canvas owns the context).
    var cr: OpaquePointer { context.pointer }

    // MARK: - Paths

    func fill(_ path: Path, color: Color, evenOdd: Bool) {
        guard setPath(path, for: "fill") else { return }
        cairo_set_fill_rule(cr, evenOdd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING)
        setSource(color)
        cairo_fill(cr)
    }

    func stroke(_ path: Path, style: StrokeStyle) {
        guard style.width.isFinite, style.width >= 0, style.dash.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            record(CanvasError("stroke style has an invalid width \(style.width) or dash \(style.dash)"))
            return
        }
        guard setPath(path, for: "stroke") else { return }
        cairo_set_line_width(cr, style.width)
        let cap: cairo_line_cap_t = switch style.cap {
        case .butt: CAIRO_LINE_CAP_BUTT
        case .round: CAIRO_LINE_CAP_ROUND
        case .square: CAIRO_LINE_CAP_SQUARE
        }
        let join: cairo_line_join_t = switch style.join {
        case .miter: CAIRO_LINE_JOIN_MITER
        case .round: CAIRO_LINE_JOIN_ROUND
        case .bevel: CAIRO_LINE_JOIN_BEVEL
        }
        cairo_set_line_cap(cr, cap)
        cairo_set_line_join(cr, join)
        // Cairo rejects a dash pattern whose lengths are all zero; treat it, like an empty one, as solid.
        if style.dash.contains(where: { $0 > 0 }) {
            style.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        } else {
            cairo_set_dash(cr, nil, 0, 0)
        }
        setSource(style.color)
        cairo_stroke(cr)
    }

    func save() { cairo_save(cr) }

    func restore() { cairo_restore(cr) }

    func clip(to path: Path) {
        guard setPath(path, for: "clip") else { return }
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING)
        cairo_clip(cr)
    }

    /// Replaces cairo's current path with `path`; false (and an error recorded) when a coordinate is not
    /// finite, since cairo's fixed-point conversion would turn it into garbage.
    private func setPath(_ path: Path, for operation: String) -> Bool {
        cairo_new_path(cr)
        for element in path.elements {
            switch element {
            case .move(let p):
                guard finite(p, operation) else { return false }
                cairo_move_to(cr, p.x, p.y)
            case .line(let p):
                guard finite(p, operation) else { return false }
                cairo_line_to(cr, p.x, p.y)
            case .curve(let c1, let c2, let p):
                guard finite(c1, operation), finite(c2, operation), finite(p, operation) else { return false }
                cairo_curve_to(cr, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
            case .close:
                cairo_close_path(cr)
            }
        }
        return true
    }

    /// Whether `p` is finite; records an error when it is not.
    private func finite(_ p: Point, _ operation: String) -> Bool {
        if p.x.isFinite && p.y.isFinite { return true }
        cairo_new_path(cr)
        record(CanvasError("\(operation): the path has a non-finite point (\(p.x), \(p.y))"))
        return false
    }

    /// Sets a solid source colour (cairo takes straight alpha, as `Color` stores it).
    func setSource(_ color: Color) {
        let (red, green, blue, alpha) = isVector ? (color.red, color.green, color.blue, color.alpha) : Self.rasterExact(color)
        cairo_set_source_rgba(cr, red, green, blue, alpha)
    }

    /// The colour to give cairo so that an image surface stores exactly the rounded 8-bit premultiplied
    /// colour: alpha a₈ = round(255·a) and components p₈ = round(255·c·a).
    ///
    /// Cairo turns a colour into premultiplied 16-bit values, round(65535·c·a), and pixman keeps their
    /// top 8 bits. That truncation is up to one step off the rounded value, and one premultiplied step
    /// becomes up to 255/a₈ steps once a PNG reader divides by alpha (two steps at half opacity). Asking
    /// instead for the middle of p₈'s 16-bit bucket, 256·p₈ + 128, lands on p₈ whether the 16 → 8 bit
    /// conversion truncates or rounds. Colours from `Color(hex:)` come out exact either way. Vector output
    /// keeps the colour as given.
    static func rasterExact(_ color: Color) -> (Double, Double, Double, Double) {
        let alpha = min(max(color.alpha, 0), 1)
        let a8 = (alpha * 255).rounded()
        guard a8 > 0 else { return (0, 0, 0, 0) }
        let cairoAlpha = a8 / 255
        func component(_ c: Double) -> Double {
            let p8 = (min(max(c, 0), 1) * alpha * 255).rounded()
            return min(1, (p8 * 256 + 128) / 65535 / cairoAlpha)
        }
        return (component(color.red), component(color.green), component(color.blue), cairoAlpha)
    }
}
