extension Chart {
    /// The layout of a chart in a frame: the plot area and the scales that map data into it.
    public struct Layout: Sendable {
        public var plot: Rect
        public var x: Scale
        public var y: Scale

        /// The layout position of a data point.
        public func position(_ p: Point) -> Point { Point(x.position(p.x), y.position(p.y)) }
    }

    /// Computes the plot area inside `frame` for this chart's labels and ticks.
    public func layout(in frame: Rect, canvas: any Canvas, theme: Theme) -> Layout {
        let tickFont = theme.font(1.0), labelFont = theme.font(1.0), titleFont = theme.font(1.2, bold: true)
        let pad = theme.fontSize * 0.6, tickLength = theme.fontSize * 0.35
        // Estimate the plot size for choosing tick counts, then measure the labels.
        let xTicks = Scale(xScale, domain: xDomain).ticks(target: max(3, Int(frame.width / (theme.fontSize * 7))))
        let yTicks = wholeIfAsked(Scale(yScale, domain: yDomain).ticks(target: max(3, Int(frame.height / (theme.fontSize * 4.5)))))
        let yTickWidth = yTicks.map { canvas.measure($0.label, font: tickFont).width }.max() ?? 0
        let tickHeight = canvas.measure("0", font: tickFont).height
        let labelHeight = canvas.measure("Xg", font: labelFont).height
        let titleHeight = title == nil ? 0 : canvas.measure("Xg", font: titleFont).height
        let left = pad + (yLabel == nil ? 0 : labelHeight + pad) + yTickWidth + tickLength + pad * 0.5
        let bottom = pad + (xLabel == nil ? 0 : labelHeight + pad * 0.6) + tickHeight + tickLength + pad * 0.5
        let top = title == nil ? pad * 1.5 : titleHeight + pad * 2
        let lastX = xTicks.last.map { canvas.measure($0.label, font: tickFont).width / 2 } ?? 0
        var right = max(pad * 1.5, lastX + pad * 0.5) + (colorbar?.width(canvas, theme) ?? 0)
        if let secondary {
            let labels = Scale(secondary.scale, domain: secondary.domain).ticks(target: 5).map { canvas.measure($0.label, font: tickFont).width }
            right = max(right, pad + tickLength + (labels.max() ?? 0) + (secondary.label == nil ? 0 : labelHeight + pad))
        }
        let plot = frame.inset(top: top, left: left, bottom: bottom, right: right)
        return Layout(plot: plot, x: Scale(xScale, domain: xDomain, from: plot.minX, to: plot.maxX),
                      y: Scale(yScale, domain: yDomain, from: plot.maxY, to: plot.minY))
    }
}
