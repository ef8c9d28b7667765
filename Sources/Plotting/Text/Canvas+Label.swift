/// Drawing and measuring labels that may hold formulas (`MathText` markup).
extension Canvas {
    /// Draws a label, placing `anchor` of its box at `point`.
    ///
    /// `"Loss"` is drawn as one run; `"$\\eta = 0.1$"` is typeset. To right-align a tick label, pass
    /// `.middleRight`; to centre a title above a plot, `.bottomCenter`; for a y-axis title, `.center` with
    /// angle −π/2.
    ///
    /// - Parameters:
    ///   - text: the label in `MathText` markup.
    ///   - point: where the anchor goes.
    ///   - font: the label's font.
    ///   - color: the colour of text and strokes.
    ///   - anchor: which point of the label's box goes at `point`.
    ///   - angle: clockwise rotation in radians about `point`.
    /// - Throws: `MathTextError` when the markup is malformed; nothing is drawn then.
    public func drawLabel(_ text: String, at point: Point, font: Font, color: Color, anchor: TextAnchor = .baselineLeft,
                          angle: Double = 0) throws(MathTextError) {
        drawLabel(try MathText(text), at: point, font: font, color: color, anchor: anchor, angle: angle)
    }

    /// Draws a parsed label, placing `anchor` of its box at `point`.
    ///
    /// - Parameters:
    ///   - text: the parsed label.
    ///   - point: where the anchor goes.
    ///   - font: the label's font.
    ///   - color: the colour of text and strokes.
    ///   - anchor: which point of the label's box goes at `point`.
    ///   - angle: clockwise rotation in radians about `point`.
    public func drawLabel(_ text: MathText, at point: Point, font: Font, color: Color, anchor: TextAnchor = .baselineLeft,
                          angle: Double = 0) {
        let layout = text.layout(font: font, on: self)
        layout.draw(on: self, at: layout.origin(placing: anchor, at: point, angle: angle), color: color, angle: angle)
    }

    /// The extent of a label: its width, and its ascent and descent about the baseline.
    ///
    /// - Parameters:
    ///   - text: the label in `MathText` markup.
    ///   - font: the label's font.
    /// - Returns: the metrics of the laid-out label (for plain text, exactly `measure(_:font:)`).
    /// - Throws: `MathTextError` when the markup is malformed.
    public func measureLabel(_ text: String, font: Font) throws(MathTextError) -> TextMetrics {
        try MathText(text).layout(font: font, on: self).metrics
    }
}
