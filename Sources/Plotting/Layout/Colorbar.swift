/// The key to a chart's colours: a bar beside the plot showing the colormap against the values, with ticks.
///
/// With `levels` (filled contours) the bar is drawn as the same discrete bands, and the ticks mark the
/// level boundaries; otherwise it is a smooth ramp with nice ticks: 1-2-5 steps for a linear norm, and
/// lo + 10ⁿ for a logarithmic one (labelled 10ⁿ when lo = 0).
public struct Colorbar: Sendable {
    public var colormap: Colormap
    public var norm: ValueNorm
    public var label: String?
    /// Band boundaries of filled contours, ascending; `nil` for a smooth ramp.
    public var levels: [Double]?
    /// How far colours are washed towards the background (as the heatmap they describe).
    public var wash: Double

    /// A colorbar for `colormap` under `norm`.
    public init(colormap: Colormap, norm: ValueNorm, label: String? = nil, levels: [Double]? = nil, wash: Double = 0) {
        self.colormap = colormap
        self.norm = norm
        self.label = label
        self.levels = levels
        self.wash = wash
    }

    /// The ticks: values inside the range with their labels.
    public func ticks() -> [Tick] {
        let lo = norm.range.lowerBound, hi = norm.range.upperBound
        if let levels {
            // Every boundary, thinned to at most eight so the labels never collide.
            let every = max(1, (levels.count + 7) / 8)
            return levels.enumerated().filter { $0.offset % every == 0 }.map { Tick($0.element, Chart.levelLabel($0.element)) }
        }
        guard norm.isLogarithmic else { return Ticks.linear(norm.range, target: 6) }
        let span = hi - lo
        guard span > 0, span.isFinite, lo.isFinite else { return [] }
        var ticks: [Tick] = []
        var exponent = Int((log10Approx(span)).rounded(.down))
        let lowest = exponent - 8
        while exponent >= lowest {
            let value = lo + pow10(exponent)
            let t = norm.fraction(value)
            if t >= 0, t <= 1 {
                let label = lo == 0 ? Ticks.powerOfTen(exponent) : Chart.levelLabel(value)
                ticks.append(Tick(value, label))
            }
            exponent -= 1
        }
        let shown = ticks.reversed()
        let every = max(1, (shown.count + 6) / 7)
        return shown.enumerated().filter { $0.offset % every == 0 }.map(\.element)
    }

    /// The width beside the plot the bar needs, with its ticks and label.
    func width(_ canvas: any Canvas, _ theme: Theme) -> Double {
        let tickFont = theme.font(0.95)
        let labels = ticks().map { canvas.measure($0.label, font: tickFont).width }.max() ?? 0
        let labelHeight = label == nil ? 0 : canvas.measure("Xg", font: theme.font()).height + theme.fontSize * 0.5
        return theme.fontSize * (0.9 + 1.1 + 0.35 + 0.3) + labels + labelHeight
    }

    /// Draws the bar to the right of `plot`.
    func draw(_ canvas: any Canvas, beside plot: Rect, theme: Theme) {
        let bar = Rect(x: plot.maxX + theme.fontSize * 0.9, y: plot.minY, width: theme.fontSize * 1.1, height: plot.height)
        let color = { (t: Double) in self.colormap.color(at: t).mixed(with: theme.background, self.wash) }
        let position = { (value: Double) in bar.maxY - min(max(self.norm.fraction(value), 0), 1) * bar.height }
        if let levels {
            let bounds = [norm.range.lowerBound] + levels + [norm.range.upperBound]
            for k in 0..<(bounds.count - 1) {
                let top = position(bounds[k + 1]), bottom = position(bounds[k])
                // Bands overlap by a hair so no seam shows between them.
                let rect = Rect(x: bar.minX, y: top - 0.3, width: bar.width, height: bottom - top + 0.6)
                canvas.fill(Path(rect: rect), color: color((Double(k) + 0.5) / Double(bounds.count - 1)))
            }
        } else {
            let rows = max(2, Int((bar.height * canvas.pixelScale).rounded()))
            var image = RasterImage(width: 1, height: rows)
            for row in 0..<rows {
                let c = color(1 - (Double(row) + 0.5) / Double(rows))
                image.set(0, row, Color(red: c.red, green: c.green, blue: c.blue, alpha: 1))
            }
            canvas.draw(image, in: bar, smooth: true)
        }
        let axis = StrokeStyle(color: theme.foreground.withAlpha(0.75), width: theme.axisWidth)
        canvas.stroke(Path(rect: bar), style: axis)
        let tickFont = theme.font(0.95)
        let ascent = canvas.measure("0", font: tickFont).ascent
        var marks = Path()
        var widest = 0.0
        // Skip ticks that would crowd the one before (log bars squeeze the lowest decades together).
        var lastY = Double.infinity
        let spacing = canvas.measure("0", font: tickFont).height * 1.15
        for tick in ticks() {
            let y = position(tick.value)
            guard abs(lastY - y) >= spacing else { continue }
            lastY = y
            marks.move(to: Point(bar.maxX, y))
            marks.line(to: Point(bar.maxX + theme.fontSize * 0.35, y))
            canvas.drawText(tick.label, at: Point(bar.maxX + theme.fontSize * 0.65, y + ascent * 0.5), font: tickFont,
                            color: theme.mutedForeground)
            widest = max(widest, canvas.measure(tick.label, font: tickFont).width)
        }
        canvas.stroke(marks, style: axis)
        if let label {
            let layout = ((try? MathText(label)) ?? MathText(plain: label)).layout(font: theme.font(), on: canvas)
            let anchor = Point(bar.maxX + theme.fontSize * 0.95 + widest + layout.ascent + theme.fontSize * 0.3, bar.center.y)
            layout.draw(on: canvas, at: layout.origin(placing: .baselineCenter, at: anchor, angle: -.pi / 2), color: theme.foreground,
                        angle: -.pi / 2)
        }
    }
}
