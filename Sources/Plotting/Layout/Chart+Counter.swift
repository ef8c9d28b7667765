extension Chart {
    /// The counter's box size.
    func counterSize(_ text: String, _ canvas: any Canvas, _ theme: Theme) -> Size {
        let metrics = canvas.measure(text, font: theme.font(0.95))
        return Size(metrics.width + theme.fontSize * 1.1, metrics.height + theme.fontSize * 0.7)
    }

    /// Draws the counter's text in a box at `placement`.
    func drawCounter(_ text: String, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme, placement: LegendPlacement) {
        let font = theme.font(0.95)
        let rect = box(counterSize(text, canvas, theme), at: placement, in: layout.plot, theme)
        canvas.fill(Path(rect: rect), color: theme.legendBackground)
        canvas.stroke(Path(rect: rect), style: StrokeStyle(color: theme.foreground.withAlpha(0.25), width: 0.6))
        let metrics = canvas.measure(text, font: font)
        canvas.drawText(text, at: Point(rect.minX + theme.fontSize * 0.55, rect.center.y + (metrics.ascent - metrics.descent) / 2), font: font,
                        color: theme.foreground)
    }
}
