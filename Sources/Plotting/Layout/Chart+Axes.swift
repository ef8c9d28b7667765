extension Chart {
    /// Draws light lines across the plot at the major ticks inside the domains.
    func drawGrid(_ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        var path = Path()
        for tick in layout.x.ticks(target: tickTarget(layout.plot.width, theme, horizontal: true)) where xDomain.contains(tick.value) {
            let x = layout.x.position(tick.value)
            path.move(to: Point(x, layout.plot.minY))
            path.line(to: Point(x, layout.plot.maxY))
        }
        for tick in wholeIfAsked(layout.y.ticks(target: tickTarget(layout.plot.height, theme, horizontal: false))) where yDomain.contains(tick.value) {
            let y = layout.y.position(tick.value)
            path.move(to: Point(layout.plot.minX, y))
            path.line(to: Point(layout.plot.maxX, y))
        }
        canvas.stroke(path, style: StrokeStyle(color: theme.gridColor, width: theme.axisWidth))
    }

    /// The ticks at whole numbers, relabelled without decimals, when the chart asks for them.
    func wholeIfAsked(_ ticks: [Tick]) -> [Tick] {
        guard integerYTicks else { return ticks }
        return ticks.filter { $0.value.rounded() == $0.value }.map { Tick($0.value, Ticks.format($0.value, decimals: 0)) }
    }

    /// About how many major ticks fit along `length` points of a horizontal or vertical axis.
    func tickTarget(_ length: Double, _ theme: Theme, horizontal: Bool) -> Int {
        max(3, Int(length / (theme.fontSize * (horizontal ? 7 : 4.5))))
    }

    /// Draws the plot's frame, the ticks and tick labels of both axes, the axis labels and the title.
    func drawAxes(_ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        let plot = layout.plot
        let tickFont = theme.font(1.0), labelFont = theme.font(1.0), titleFont = theme.font(1.2, bold: true)
        let pad = theme.fontSize * 0.6, tickLength = theme.fontSize * 0.35
        let axisStyle = StrokeStyle(color: theme.foreground.withAlpha(0.75), width: theme.axisWidth, cap: .square)
        canvas.stroke(Path(rect: plot), style: axisStyle)

        var ticks = Path()
        var minor = Path()
        let xTicks = layout.x.ticks(target: tickTarget(plot.width, theme, horizontal: true)).filter { xDomain.contains($0.value) }
        let yTicks = wholeIfAsked(layout.y.ticks(target: tickTarget(plot.height, theme, horizontal: false))).filter { yDomain.contains($0.value) }
        let tickAscent = canvas.measure("0", font: tickFont).ascent
        for tick in xTicks {
            let x = layout.x.position(tick.value)
            ticks.move(to: Point(x, plot.maxY))
            ticks.line(to: Point(x, plot.maxY + tickLength))
            placeText(canvas, tick.label, at: Point(x, plot.maxY + tickLength + pad * 0.4 + tickAscent), font: tickFont,
                      color: theme.mutedForeground, horizontal: .center)
        }
        for tick in yTicks {
            let y = layout.y.position(tick.value)
            ticks.move(to: Point(plot.minX, y))
            ticks.line(to: Point(plot.minX - tickLength, y))
            placeText(canvas, tick.label, at: Point(plot.minX - tickLength - pad * 0.4, y + tickAscent * 0.5), font: tickFont,
                      color: theme.mutedForeground, horizontal: .right)
        }
        for value in layout.x.minorTicks() {
            let x = layout.x.position(value)
            minor.move(to: Point(x, plot.maxY))
            minor.line(to: Point(x, plot.maxY + tickLength * 0.6))
        }
        for value in layout.y.minorTicks() {
            let y = layout.y.position(value)
            minor.move(to: Point(plot.minX, y))
            minor.line(to: Point(plot.minX - tickLength * 0.6, y))
        }
        canvas.stroke(ticks, style: axisStyle)
        canvas.stroke(minor, style: StrokeStyle(color: axisStyle.color, width: axisStyle.width * 0.7))

        let tickHeight = canvas.measure("0", font: tickFont).height
        if let xLabel {
            let baseline = plot.maxY + tickLength + pad * 0.4 + tickHeight + pad * 0.6 + canvas.measure("X", font: labelFont).ascent
            drawCentered(xLabel, font: labelFont, baseline: Point(plot.center.x, baseline), canvas, theme)
        }
        if let yLabel {
            let widest = yTicks.map { canvas.measure($0.label, font: tickFont).width }.max() ?? 0
            let x = plot.minX - tickLength - pad * 0.4 - widest - pad
            let text = markup(yLabel)
            let layout = text.layout(font: labelFont, on: canvas)
            let anchor = Point(x - canvas.measure("g", font: labelFont).descent, plot.center.y)
            layout.draw(on: canvas, at: layout.origin(placing: .baselineCenter, at: anchor, angle: -.pi / 2), color: theme.foreground,
                        angle: -.pi / 2)
        }
        if let title {
            let baseline = Point(plot.center.x, plot.minY - pad - canvas.measure("g", font: titleFont).descent)
            drawCentered(title, font: titleFont, baseline: baseline, canvas, theme)
        }
    }
}
