/// One plot: axes with scales and ticks, a title and axis labels, marks in data coordinates, and a legend.
///
/// ``draw(on:in:theme:)`` lays the chart out inside a frame: margins are measured from the tick labels and
/// axis labels actually drawn, marks are clipped to the plot area, and the legend goes to the corner of
/// the plot area where it covers the fewest data points.
public struct Chart: Sendable {
    /// Where the legend goes.
    public enum LegendPlacement: String, Sendable, CaseIterable {
        case auto, none, topLeft = "top-left", topRight = "top-right", bottomLeft = "bottom-left", bottomRight = "bottom-right"
    }

    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var xScale: Scale.Kind
    public var yScale: Scale.Kind
    public var xDomain: ClosedRange<Double>
    public var yDomain: ClosedRange<Double>
    public var marks: [Mark]
    public var legend: LegendPlacement
    /// Light grid lines at the major ticks.
    public var grid: Bool
    /// A colour key to the right of the plot.
    public var colorbar: Colorbar?
    /// Label only whole numbers on the y axis (for counts).
    public var integerYTicks = false
    /// A second y axis on the right, with its own scale and marks (a momentum curve beside learning rates).
    public var secondary: SecondaryAxis?

    /// Marks that move in an animation, drawn over `marks` in the foreground layer (see `FigureLayer`): a
    /// trajectory's trail and head, a curve that grows, a marker that slides along a schedule.
    public var foregroundMarks: [Mark] = []
    /// A short read-out in a box at a corner of the plot, such as an animation's step counter (foreground).
    public var counter: String?
    /// The corner of the counter; `.auto` takes the free corner with the fewest data points.
    public var counterPlacement: LegendPlacement = .auto
    /// The data points that an `.auto` legend and counter keep clear of; nil takes the points of the lines
    /// and markers drawn. An animation gives the whole run's points, so the legend stays put.
    public var placementPoints: [Point]?

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

    /// A chart over `xDomain × yDomain`.
    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, xScale: Scale.Kind = .linear,
                yScale: Scale.Kind = .linear, xDomain: ClosedRange<Double>, yDomain: ClosedRange<Double>,
                marks: [Mark] = [], legend: LegendPlacement = .auto, grid: Bool = false, colorbar: Colorbar? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yScale = yScale
        self.xDomain = xDomain
        self.yDomain = yDomain
        self.marks = marks
        self.legend = legend
        self.grid = grid
        self.colorbar = colorbar
    }

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
        let tickFont = theme.font(0.9), labelFont = theme.font(1.0), titleFont = theme.font(1.2, bold: true)
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

    /// Draws the chart inside `frame`: the background layer (grid, marks, axes, title, colour bar), then the
    /// foreground layer (moving marks, legend, counter), or just one of them.
    public func draw(on canvas: any Canvas, in frame: Rect, theme: Theme, layer: FigureLayer) {
        let layout = layout(in: frame, canvas: canvas, theme: theme)
        let plot = layout.plot
        guard plot.width > 1, plot.height > 1 else { return }
        if layer != .foreground {
            if grid { drawGrid(canvas, layout, theme) }
            drawClipped(marks, secondary?.marks ?? [], canvas, layout, theme)
            drawAxes(canvas, layout, theme)
            if let secondary { drawSecondaryAxis(secondary, canvas, layout, theme) }
            colorbar?.draw(canvas, beside: plot, theme: theme)
        }
        if layer != .background {
            drawClipped(foregroundMarks, secondary?.foregroundMarks ?? [], canvas, layout, theme)
            let placements = resolvedPlacements(layout, canvas, theme)
            if legend != .none { drawLegend(canvas, layout, theme, placement: placements.legend) }
            if let counter { drawCounter(counter, canvas, layout, theme, placement: placements.counter) }
        }
    }

    /// Draws `marks` against the left axis and `secondaryMarks` against the right one, clipped to the plot.
    private func drawClipped(_ marks: [Mark], _ secondaryMarks: [Mark], _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        guard !marks.isEmpty || !secondaryMarks.isEmpty else { return }
        canvas.save()
        canvas.clip(to: Path(rect: layout.plot))
        for mark in marks { draw(mark, canvas, layout, theme) }
        if let secondary, !secondaryMarks.isEmpty {
            var other = layout
            other.y = Scale(secondary.scale, domain: secondary.domain, from: layout.plot.maxY, to: layout.plot.minY)
            for mark in secondaryMarks { draw(mark, canvas, other, theme) }
        }
        canvas.restore()
    }

    // MARK: - Axes

    private func drawGrid(_ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
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
    private func wholeIfAsked(_ ticks: [Tick]) -> [Tick] {
        guard integerYTicks else { return ticks }
        return ticks.filter { $0.value.rounded() == $0.value }.map { Tick($0.value, Ticks.format($0.value, decimals: 0)) }
    }

    private func tickTarget(_ length: Double, _ theme: Theme, horizontal: Bool) -> Int {
        max(3, Int(length / (theme.fontSize * (horizontal ? 7 : 4.5))))
    }

    private func drawAxes(_ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        let plot = layout.plot
        let tickFont = theme.font(0.9), labelFont = theme.font(1.0), titleFont = theme.font(1.2, bold: true)
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

    // MARK: - Text

    /// A label as math text: `$...$` is typeset; text that does not parse is shown as written (specs check
    /// their labels when they are read, so this only happens for labels built in code).
    private func markup(_ text: String) -> MathText {
        (try? MathText(text)) ?? MathText(plain: text)
    }

    /// Draws a label centred on `baseline.x` with its baseline at `baseline.y`.
    private func drawCentered(_ text: String, font: Font, baseline: Point, _ canvas: any Canvas, _ theme: Theme) {
        let layout = markup(text).layout(font: font, on: canvas)
        layout.draw(on: canvas, at: layout.origin(placing: .baselineCenter, at: baseline), color: theme.foreground)
    }

    // MARK: - Marks

    private func draw(_ mark: Mark, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        switch mark {
        case .heatmap(let heatmap): drawHeatmap(heatmap, canvas, layout, theme)
        case .filledContours(let contours): drawFilledContours(contours, canvas, layout)
        case .contourLines(let lines): drawContourLines(lines, canvas, layout, theme)
        case .line(let line): drawLine(line, canvas, layout)
        case .marker(let marker): drawMarker(marker, canvas, layout, theme)
        case .band(let band): drawBand(band, canvas, layout)
        case .annotation(let annotation): drawAnnotation(annotation, canvas, layout, theme)
        case .arrows(let arrows): drawArrows(arrows, canvas, layout)
        case .bars(let bars): drawBars(bars, canvas, layout)
        case .rule(let rule): drawRule(rule, canvas, layout, theme)
        }
    }

    private func drawRule(_ rule: RuleMark, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        let x = layout.x.position(rule.x)
        guard x.isFinite else { return }
        canvas.stroke(Path(polyline: [Point(x, layout.plot.minY), Point(x, layout.plot.maxY)]),
                      style: StrokeStyle(color: rule.color, width: theme.axisWidth, dash: [4, 3]))
        if let label = rule.label {
            let font = theme.font(0.75)
            let metrics = canvas.measure(label, font: font)
            // The label sits right of the line, or left of it when it would run past the plot.
            let left = x + 3 + metrics.width > layout.plot.maxX
            let origin = Point(left ? x - 3 - metrics.width : x + 3, layout.plot.minY + 3 + metrics.ascent)
            canvas.fill(Path(rect: Rect(x: origin.x - 1.5, y: origin.y - metrics.ascent - 1, width: metrics.width + 3, height: metrics.height + 2)),
                        color: theme.background.withAlpha(0.8))
            canvas.drawText(label, at: origin, font: font, color: rule.color)
        }
    }

    private func drawSecondaryAxis(_ axis: SecondaryAxis, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        let plot = layout.plot
        let scale = Scale(axis.scale, domain: axis.domain, from: plot.maxY, to: plot.minY)
        let tickFont = theme.font(0.9), tickLength = theme.fontSize * 0.35, pad = theme.fontSize * 0.6
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

    private func drawArrows(_ mark: ArrowMark, _ canvas: any Canvas, _ layout: Layout) {
        let largest = mark.reference ?? mark.vectors.map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }.filter(\.isFinite).max() ?? 0
        let longest = layout.plot.width * mark.longest
        for (k, (origin, vector)) in zip(mark.origins, mark.vectors).enumerated() {
            let start = layout.position(origin)
            // The direction on the page: map a small step along the vector through the scales.
            let ahead = layout.position(Point(origin.x + vector.x * 1e-6, origin.y + vector.y * 1e-6))
            let dx = ahead.x - start.x, dy = ahead.y - start.y
            let norm = (dx * dx + dy * dy).squareRoot()
            guard norm > 0, norm.isFinite, start.x.isFinite, start.y.isFinite else { continue }
            let magnitude = (vector.x * vector.x + vector.y * vector.y).squareRoot()
            let length = mark.normalized ? longest : (largest > 0 ? longest * magnitude / largest : 0)
            guard length > 0.5 else { continue }
            let color = mark.colors?[k] ?? mark.color
            drawArrow(from: start, direction: Point(dx / norm, dy / norm), length: length, color: color, width: mark.width, canvas)
        }
    }

    private func drawBars(_ mark: BarMark, _ canvas: any Canvas, _ layout: Layout) {
        var path = Path()
        for (x, height) in zip(mark.xs, mark.heights) where height.isFinite {
            let a = layout.position(Point(x - mark.width / 2, mark.base)), b = layout.position(Point(x + mark.width / 2, height))
            path.append(Path(rect: Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y))))
        }
        canvas.fill(path, color: mark.color)
    }

    private func drawHeatmap(_ heatmap: HeatmapMark, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        let plot = layout.plot
        let width = max(1, Int((plot.width * canvas.pixelScale).rounded()))
        let height = max(1, Int((plot.height * canvas.pixelScale).rounded()))
        var image = RasterImage(width: width, height: height)
        let background = theme.background
        for row in 0..<height {
            let y = layout.y.value(at: plot.minY + (Double(row) + 0.5) / Double(height) * plot.height)
            for column in 0..<width {
                let x = layout.x.value(at: plot.minX + (Double(column) + 0.5) / Double(width) * plot.width)
                let v = heatmap.value(x, y)
                let color = v.isNaN ? background : heatmap.colormap.color(at: heatmap.norm.fraction(v)).mixed(with: background, heatmap.wash)
                image.set(column, row, Color(red: color.red, green: color.green, blue: color.blue, alpha: 1))
            }
        }
        canvas.draw(image, in: plot, smooth: false)
    }

    private func drawFilledContours(_ mark: FilledContourMark, _ canvas: any Canvas, _ layout: Layout) {
        guard mark.colors.count == mark.levels.count + 1 else { return }
        // Paint the top band everywhere, then each lower region over it: every fill covers the previous
        // one, so adjacent bands never leave a hairline between them.
        canvas.fill(Path(rect: layout.plot), color: mark.colors[mark.levels.count])
        for (k, level) in mark.levels.enumerated().reversed() {
            var path = Path()
            for polygon in Contours.region(mark.grid, below: level) {
                path.append(Path(polyline: polygon.map(layout.position), closed: true))
            }
            if !path.isEmpty { canvas.fill(path, color: mark.colors[k]) }
        }
    }

    private func drawContourLines(_ mark: ContourLineMark, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        var path = Path()
        var labels: [(text: String, at: Point, angle: Double)] = []
        let font = theme.font(0.75)
        for level in mark.levels {
            let lines = Contours.lines(mark.grid, level: level).map { $0.map(layout.position) }
            for line in lines { path.append(Path(polyline: line)) }
            if mark.labeled, let label = contourLabel(level: level, lines: lines, font: font, canvas) { labels.append(label) }
        }
        canvas.stroke(path, style: StrokeStyle(color: mark.color, width: mark.width, cap: .round, join: .round))
        // Labels sit on a small patch of the background, turned along the line and kept upright.
        for label in labels {
            let metrics = canvas.measure(label.text, font: font)
            let (c, s) = (cosine(label.angle), sine(label.angle))
            let halfWidth = metrics.width / 2 + 2, halfHeight = metrics.height / 2 + 1
            let corners = [(-halfWidth, -halfHeight), (halfWidth, -halfHeight), (halfWidth, halfHeight), (-halfWidth, halfHeight)].map {
                Point(label.at.x + $0.0 * c - $0.1 * s, label.at.y + $0.0 * s + $0.1 * c)
            }
            canvas.fill(Path(polyline: corners, closed: true), color: theme.background.withAlpha(0.75))
            let shift = Point(-metrics.width / 2, (metrics.ascent - metrics.descent) / 2)
            let origin = Point(label.at.x + shift.x * c - shift.y * s, label.at.y + shift.x * s + shift.y * c)
            canvas.drawText(label.text, at: origin, font: font, color: theme.foreground.withAlpha(0.85), angle: label.angle)
        }
    }

    /// Where a level's label goes: the middle of its longest line (when that is long enough), turned along it.
    private func contourLabel(level: Double, lines: [[Point]], font: Font, _ canvas: any Canvas)
        -> (text: String, at: Point, angle: Double)? {
        func length(_ line: [Point]) -> Double {
            zip(line, line.dropFirst()).reduce(0) { $0 + (($1.1.x - $1.0.x) * ($1.1.x - $1.0.x) + ($1.1.y - $1.0.y) * ($1.1.y - $1.0.y)).squareRoot() }
        }
        guard let line = lines.max(by: { length($0) < length($1) }), line.count >= 3 else { return nil }
        let text = Self.levelLabel(level)
        let total = length(line)
        guard total > canvas.measure(text, font: font).width * 3 else { return nil }
        var walked = 0.0
        for (a, b) in zip(line, line.dropFirst()) {
            let step = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            if walked + step >= total / 2, step > 0 {
                let t = (total / 2 - walked) / step
                var angle = atan2Approx(b.y - a.y, b.x - a.x)
                if angle > .pi / 2 { angle -= .pi } else if angle < -.pi / 2 { angle += .pi }
                return (text, Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t), angle)
            }
            walked += step
        }
        return nil
    }

    /// A contour level written with three significant digits (2.5, 0.013, 1.2e+03 as 1200).
    static func levelLabel(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        let digits = max(0, 2 - Int((log10Approx(magnitude)).rounded(.down)))
        let scale = pow10(digits)
        let rounded = (value * scale).rounded() / scale
        return Ticks.format(rounded, decimals: min(digits, 6))
    }

    /// The finite stretches of a line, in layout coordinates.
    private func pieces(_ points: [Point], _ layout: Layout) -> [[Point]] {
        var pieces: [[Point]] = [[]]
        for p in points {
            let q = layout.position(p)
            if q.x.isFinite && q.y.isFinite { pieces[pieces.count - 1].append(q) } else if !pieces[pieces.count - 1].isEmpty { pieces.append([]) }
        }
        return pieces.filter { !$0.isEmpty }
    }

    private func drawLine(_ line: LineMark, _ canvas: any Canvas, _ layout: Layout) {
        let style = StrokeStyle(color: line.color, width: line.width, dash: line.dash, cap: .round, join: .round)
        for piece in pieces(line.points, layout) {
            if !line.fades || piece.count < 3 {
                canvas.stroke(Path(polyline: piece), style: style)
                continue
            }
            // A trail: a few stretches of rising opacity, each overlapping the next by one point.
            let chunks = min(12, piece.count - 1)
            for k in 0..<chunks {
                let start = k * (piece.count - 1) / chunks, end = (k + 1) * (piece.count - 1) / chunks
                var chunkStyle = style
                chunkStyle.color = line.color.withAlpha(line.color.alpha * (0.15 + 0.85 * Double(k + 1) / Double(chunks)))
                canvas.stroke(Path(polyline: Array(piece[start...end])), style: chunkStyle)
            }
        }
    }

    private func drawMarker(_ marker: MarkerMark, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        let center = layout.position(marker.point)
        guard center.x.isFinite, center.y.isFinite else { return }
        let path = marker.shape.path(at: center, size: marker.size)
        canvas.fill(path, color: marker.fill)
        canvas.stroke(path, style: StrokeStyle(color: marker.stroke ?? theme.background, width: max(0.8, marker.size / 9), join: .round))
    }

    private func drawBand(_ band: BandMark, _ canvas: any Canvas, _ layout: Layout) {
        let upper = zip(band.xs, band.upper).map { layout.position(Point($0, $1)) }
        let lower = zip(band.xs, band.lower).map { layout.position(Point($0, $1)) }.reversed()
        let outline = (upper + lower).filter { $0.x.isFinite && $0.y.isFinite }
        if outline.count >= 3 { canvas.fill(Path(polyline: outline, closed: true), color: band.color) }
    }

    private func drawAnnotation(_ annotation: AnnotationMark, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        let target = layout.position(annotation.target)
        let origin = target + annotation.offset
        let color = annotation.color ?? theme.foreground
        let font = theme.font(0.95)
        let text = markup(annotation.text).layout(font: font, on: canvas)
        let textLeft = annotation.offset.x >= 0 ? origin.x : origin.x - text.width
        text.draw(on: canvas, at: Point(textLeft, origin.y + (text.ascent - text.descent) / 2), color: color)
        // The arrow runs from the side of the text nearest the target to a little short of it.
        let from = Point(annotation.offset.x >= 0 ? origin.x - 3 : origin.x + 3, origin.y)
        let dx = target.x - from.x, dy = target.y - from.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 8 else { return }
        let (ux, uy) = (dx / length, dy / length)
        let tip = Point(target.x - ux * 3, target.y - uy * 3)
        let style = StrokeStyle(color: color, width: 1, cap: .round)
        canvas.stroke(Path(polyline: [from, tip]), style: style)
        let head = 6.0, spread = 0.4
        let left = Point(tip.x - head * (ux * cosine(spread) - uy * sine(spread)), tip.y - head * (uy * cosine(spread) + ux * sine(spread)))
        let right = Point(tip.x - head * (ux * cosine(spread) + uy * sine(spread)), tip.y - head * (uy * cosine(spread) - ux * sine(spread)))
        canvas.fill(Path(polyline: [tip, left, right], closed: true), color: color)
    }

    // MARK: - Legend

    /// A legend row: its text and what its swatch shows.
    struct LegendEntry {
        var label: String
        var detail: String?
        var line: StrokeStyle?
        var marker: (shape: MarkerShape, fill: Color, stroke: Color?)?
    }

    var legendEntries: [LegendEntry] {
        (marks + foregroundMarks + (secondary.map { $0.marks + $0.foregroundMarks } ?? [])).compactMap { mark in
            switch mark {
            case .line(let line):
                line.label.map { LegendEntry(label: $0, detail: line.detail, line: StrokeStyle(color: line.color, width: line.width, dash: line.dash)) }
            case .marker(let marker):
                marker.label.map { LegendEntry(label: $0, marker: (marker.shape, marker.fill, marker.stroke)) }
            case .band(let band):
                band.label.map { LegendEntry(label: $0, line: StrokeStyle(color: band.color.withAlpha(min(1, band.color.alpha * 3)), width: 6)) }
            case .bars(let bars):
                bars.label.map { LegendEntry(label: $0, line: StrokeStyle(color: bars.color, width: 6)) }
            case .arrows(let arrows):
                arrows.label.map { LegendEntry(label: $0, line: StrokeStyle(color: arrows.color, width: arrows.width)) }
            default: nil
            }
        }
    }

    /// The legend's box size (nil when no mark is labelled), its rows' text and the row height.
    private func legendMetrics(_ canvas: any Canvas, _ theme: Theme) -> (size: Size, texts: [TextLayout], rowHeight: Double)? {
        let entries = legendEntries
        guard !entries.isEmpty else { return nil }
        let font = theme.font(0.9)
        let rowHeight = canvas.measure("Xg", font: font).height * 1.3
        let swatch = theme.fontSize * 2, pad = theme.fontSize * 0.55
        let texts = entries.map { markup($0.label).layout(font: font, on: canvas) }
        var textWidth = texts.map(\.width).max() ?? 0
        let details = entries.compactMap { $0.detail.map { canvas.measure($0, font: font).width } }
        if let widest = details.max() { textWidth += pad * 1.5 + widest }
        return (Size(pad * 2 + swatch + pad * 0.7 + textWidth, pad * 1.4 + rowHeight * Double(entries.count)), texts, rowHeight)
    }

    /// The counter's box size.
    private func counterSize(_ text: String, _ canvas: any Canvas, _ theme: Theme) -> Size {
        let metrics = canvas.measure(text, font: theme.font(0.95))
        return Size(metrics.width + theme.fontSize * 1.1, metrics.height + theme.fontSize * 0.7)
    }

    /// A box of `size` in a corner of the plot.
    private func box(_ size: Size, at placement: LegendPlacement, in plot: Rect, _ theme: Theme) -> Rect {
        let margin = theme.fontSize * 0.6
        let left = placement == .topLeft || placement == .bottomLeft
        let top = placement == .topLeft || placement == .topRight
        return Rect(x: left ? plot.minX + margin : plot.maxX - margin - size.width,
                    y: top ? plot.minY + margin : plot.maxY - margin - size.height, width: size.width, height: size.height)
    }

    /// The corners of the legend and the counter: as set, or for `.auto` the corner whose box covers the
    /// fewest data points (lines and markers of both layers), the counter avoiding the legend's corner.
    private func resolvedPlacements(_ layout: Layout, _ canvas: any Canvas, _ theme: Theme) -> (legend: LegendPlacement, counter: LegendPlacement) {
        let order: [LegendPlacement] = [.topRight, .topLeft, .bottomRight, .bottomLeft]
        var points: [Point]?
        func emptiest(_ size: Size, among corners: [LegendPlacement]) -> LegendPlacement {
            if points == nil { points = dataPoints(layout) }
            let counts = corners.map { corner in points!.count { box(size, at: corner, in: layout.plot, theme).inset(by: -4).contains($0) } }
            return corners[counts.indices.min { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 < $1) } ?? 0]
        }
        var legendCorner = legend
        if legend == .auto { legendCorner = legendMetrics(canvas, theme).map { emptiest($0.size, among: order) } ?? .none }
        var counterCorner = counterPlacement
        if counterPlacement == .auto || counterPlacement == .none, let counter {
            counterCorner = emptiest(counterSize(counter, canvas, theme), among: [.bottomLeft, .bottomRight, .topLeft, .topRight].filter { $0 != legendCorner })
        }
        return (legendCorner, counterCorner)
    }

    private func drawLegend(_ canvas: any Canvas, _ layout: Layout, _ theme: Theme, placement: LegendPlacement) {
        guard placement != .none, let (size, texts, rowHeight) = legendMetrics(canvas, theme) else { return }
        let entries = legendEntries
        let font = theme.font(0.9)
        let swatch = theme.fontSize * 2, pad = theme.fontSize * 0.55
        let rect = box(size, at: placement, in: layout.plot, theme)
        canvas.fill(Path(rect: rect), color: theme.legendBackground)
        canvas.stroke(Path(rect: rect), style: StrokeStyle(color: theme.foreground.withAlpha(0.25), width: 0.6))
        let ascent = canvas.measure("X", font: font).ascent
        for (k, entry) in entries.enumerated() {
            let middle = rect.minY + pad * 0.7 + rowHeight * (Double(k) + 0.5)
            if let line = entry.line {
                var style = line
                style.width = min(line.width, 6)
                canvas.stroke(Path(polyline: [Point(rect.minX + pad, middle), Point(rect.minX + pad + swatch, middle)]), style: style)
            }
            if let marker = entry.marker {
                let path = marker.shape.path(at: Point(rect.minX + pad + swatch / 2, middle), size: theme.fontSize * 0.95)
                canvas.fill(path, color: marker.fill)
                canvas.stroke(path, style: StrokeStyle(color: marker.stroke ?? theme.background, width: 0.9, join: .round))
            }
            texts[k].draw(on: canvas, at: Point(rect.minX + pad + swatch + pad * 0.7, middle + ascent * 0.4), color: theme.foreground)
            if let detail = entry.detail {
                let width = canvas.measure(detail, font: font).width
                canvas.drawText(detail, at: Point(rect.maxX - pad - width, middle + ascent * 0.4), font: font, color: theme.mutedForeground)
            }
        }
    }

    private func drawCounter(_ text: String, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme, placement: LegendPlacement) {
        let font = theme.font(0.95)
        let rect = box(counterSize(text, canvas, theme), at: placement, in: layout.plot, theme)
        canvas.fill(Path(rect: rect), color: theme.legendBackground)
        canvas.stroke(Path(rect: rect), style: StrokeStyle(color: theme.foreground.withAlpha(0.25), width: 0.6))
        let metrics = canvas.measure(text, font: font)
        canvas.drawText(text, at: Point(rect.minX + theme.fontSize * 0.55, rect.center.y + (metrics.ascent - metrics.descent) / 2), font: font,
                        color: theme.foreground)
    }

    /// Every drawn data point of lines and markers, in layout coordinates (for legend placement).
    private func dataPoints(_ layout: Layout) -> [Point] {
        if let placementPoints { return placementPoints.map(layout.position).filter { $0.x.isFinite && $0.y.isFinite } }
        var points: [Point] = []
        for mark in marks + foregroundMarks {
            switch mark {
            case .line(let line): points += line.points.map(layout.position)
            case .marker(let marker): points.append(layout.position(marker.point))
            default: break
            }
        }
        return points.filter { $0.x.isFinite && $0.y.isFinite }
    }
}
