extension Chart {
    /// A right-hand y axis: its label, scale, domain and the marks measured against it.
    public struct SecondaryAxis: Sendable {
        public var label: String?
        public var scale: Scale.Kind
        public var domain: ClosedRange<Double>
        public var marks: [Mark]
        /// Marks on this axis that move in an animation, drawn in the foreground layer.
        public var foregroundMarks: [Mark] = []

        /// A right-hand axis over `domain`.
        public init(label: String? = nil, scale: Scale.Kind = .linear, domain: ClosedRange<Double>, marks: [Mark]) {
            self.label = label
            self.scale = scale
            self.domain = domain
            self.marks = marks
        }
    }

    /// Draws the right-hand axis: its ticks, their labels and the axis label, turned to read upwards.
    func drawSecondaryAxis(_ axis: SecondaryAxis, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        let plot = layout.plot
        let scale = Scale(axis.scale, domain: axis.domain, from: plot.maxY, to: plot.minY)
        let tickFont = theme.font(1.0), tickLength = theme.fontSize * 0.35, pad = theme.fontSize * 0.6
        let style = StrokeStyle(color: theme.foreground.withAlpha(0.75), width: theme.axisWidth)
        var ticks = Path()
        let ascent = canvas.measure("0", font: tickFont).ascent
        var widest = 0.0
        for tick in scale.ticks(target: tickTarget(plot.height, theme, horizontal: false)) where axis.domain.contains(tick.value) {
            let y = scale.position(tick.value)
            ticks.move(to: Point(plot.maxX, y))
            ticks.line(to: Point(plot.maxX + tickLength, y))
            canvas.drawText(tick.label, at: Point(plot.maxX + tickLength + pad * 0.4, y + ascent * 0.5), font: tickFont, color: theme.mutedForeground)
            widest = max(widest, canvas.measure(tick.label, font: tickFont).width)
        }
        canvas.stroke(ticks, style: style)
        if let label = axis.label {
            let layout = markup(label).layout(font: theme.font(), on: canvas)
            let anchor = Point(plot.maxX + tickLength + pad * 0.4 + widest + pad + layout.ascent, plot.center.y)
            layout.draw(on: canvas, at: layout.origin(placing: .baselineCenter, at: anchor, angle: -.pi / 2), color: theme.foreground,
                        angle: -.pi / 2)
        }
    }
}
