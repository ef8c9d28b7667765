extension Chart {
    /// A label as math text: `$...$` is typeset; text that does not parse is shown as written (specs check
    /// their labels when they are read, so this only happens for labels built in code).
    func markup(_ text: String) -> MathText {
        (try? MathText(text)) ?? MathText(plain: text)
    }

    /// Draws a label centred on `baseline.x` with its baseline at `baseline.y`.
    func drawCentered(_ text: String, font: Font, baseline: Point, _ canvas: any Canvas, _ theme: Theme) {
        let layout = markup(text).layout(font: font, on: canvas)
        layout.draw(on: canvas, at: layout.origin(placing: .baselineCenter, at: baseline), color: theme.foreground)
    }
}
