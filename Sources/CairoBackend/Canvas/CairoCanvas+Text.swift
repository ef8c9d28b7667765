import CCairo
import Plotting

// MARK: - Text

extension CairoCanvas {
    func drawText(_ text: String, at origin: Point, font: Font, color: Color, angle: Double) {
        guard !text.isEmpty else { return }
        guard origin.x.isFinite, origin.y.isFinite, angle.isFinite else {
            let shown = text.count <= 60 ? text : String(text.prefix(60)) + "… (\(text.count) characters)"
            record(CanvasError("text '\(shown)' at a non-finite position (\(origin.x), \(origin.y)) or angle \(angle)"))
            return
        }
        guard select(font) else { return }
        cairo_save(cr)
        cairo_translate(cr, origin.x, origin.y)
        // Positive angles turn from +x towards +y, which is clockwise on a page whose y points down.
        cairo_rotate(cr, angle)
        cairo_new_path(cr)
        cairo_move_to(cr, 0, 0)
        setSource(color)
        text.withCString { cairo_show_text(cr, $0) }
        cairo_restore(cr)
    }

    func measure(_ text: String, font: Font) -> TextMetrics {
        guard select(font) else {
            // The error is recorded; return the estimate RecordingCanvas uses so that layout can go on.
            return TextMetrics(width: 0.6 * font.size * Double(text.count), ascent: 0.76 * font.size,
                               descent: 0.24 * font.size)
        }
        var fontExtents = cairo_font_extents_t()
        cairo_font_extents(cr, &fontExtents)
        var textExtents = cairo_text_extents_t()
        if !text.isEmpty { text.withCString { cairo_text_extents(cr, $0, &textExtents) } }
        return TextMetrics(width: textExtents.x_advance, ascent: fontExtents.ascent, descent: fontExtents.descent)
    }

    /// Makes `font` the context's font; false (with the error recorded) when its family is not installed
    /// or its size is unusable.
    private func select(_ font: Font) -> Bool {
        guard font.size.isFinite, font.size > 0 else {
            record(CanvasError("font size \(font.size) is not a positive number"))
            return false
        }
        do {
            try fonts.requireInstalled(font.family)
        } catch {
            record(error)
            return false
        }
        font.family.withCString {
            cairo_select_font_face(cr, $0, font.slant == .italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                                   font.weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        }
        cairo_set_font_size(cr, font.size)
        return true
    }

    /// Text settings that do not depend on the machine's fontconfig preferences: grey antialiasing (no
    /// coloured subpixel fringes in PNGs), slight hinting, and unhinted metrics so that a string has the
    /// same width at every scale.
    ///
    /// - Throws: `CairoError` when cairo cannot create the options.
    func configureText() throws {
        guard let options = cairo_font_options_create() else {
            throw CairoError(CAIRO_STATUS_NO_MEMORY, while: "creating font options")
        }
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        try CairoError.check(cairo_font_options_status(options), while: "creating font options")
        cairo_set_font_options(cr, options)
        try context.check(while: "setting font options")
    }
}
