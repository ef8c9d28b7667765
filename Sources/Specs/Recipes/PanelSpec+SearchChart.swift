#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Plotting
import Simulation

extension PanelSpec {
    /// A search panel from its record: the heatmap or the marginals view (see ``SearchPanel``).
    func searchPanel(_ panel: SearchPanel, _ trials: [SearchTrial], landscape: SearchLandscape, theme: Theme) -> any FigurePanel {
        switch panel.show {
        case .heatmap: searchChart(panel, trials, landscape: landscape, theme: theme)
        case .marginals: searchMarginals(panel, trials, landscape: landscape, theme: theme)
        case .curve: searchCurve(panel, trials, theme: theme)
        }
    }

    /// A one-dimensional search: the objective against the parameter (log axis for a log-uniform one), every
    /// trial as a dot joined in order of the parameter, the best as a star, and shaded, the
    /// range whose trials are within 10 % of the best (``SearchPanel/goodRange(_:space:tolerance:)``). The
    /// counter states the best value and that range.
    func searchCurve(_ panel: SearchPanel, _ trials: [SearchTrial], theme: Theme) -> Chart {
        let search = panel.search, space = search.space
        let name = space.dimensions[0].name
        let (xDomain, xScale) = Self.padded(Self.axis(space, 0))
        let accent = theme.lineColor(Palette.colors(for: [title ?? "trial"])[0])
        let points = trials.map { Point(space.value(0, at: $0.unit[0]).asDouble ?? .nan, $0.value) }
        // Values up to the 90th percentile set the y range, capped so that the region near the best stays
        // readable when rates that blow up reach far higher: at three times the best for a positive loss, and
        // one decade above the median for log₁₀ values. Trials above sit on the top edge.
        let finite = points.map(\.y).filter(\.isFinite).sorted()
        let low = finite.first ?? 0
        let percentile = finite.isEmpty ? 1 : finite[min(finite.count - 1, finite.count * 90 / 100)]
        let median = finite.isEmpty ? low : finite[finite.count / 2]
        let high = panel.log10Values ? min(percentile, max(median, low) + 1) : low > 0 ? min(percentile, 3 * low) : percentile
        let pad = max(high - low, 1e-9) * 0.08
        let yDomain = (low - pad)...(high + pad)
        var marks: [Mark] = []
        let good = panel.goodRange(trials)
        if let good {
            marks.append(.band(BandMark(xs: [good.range.lowerBound, good.range.upperBound], lower: [yDomain.lowerBound, yDomain.lowerBound],
                                        upper: [yDomain.upperBound, yDomain.upperBound], color: accent.withAlpha(0.14),
                                        label: "within 10 % of best")))
        }
        // The trials joined in order of the parameter, broken where a value is not finite or above the range drawn.
        var segment: [Point] = []
        var first = true
        func flush() {
            if segment.count > 1 {
                marks.append(.line(LineMark(points: segment, color: accent.withAlpha(0.6), width: 1.4, label: first ? "objective" : nil)))
                first = false
            }
            segment = []
        }
        for point in points.sorted(by: { $0.x < $1.x }) {
            if point.y.isFinite { segment.append(Point(point.x, min(point.y, yDomain.upperBound))) } else { flush() }
        }
        flush()
        for (k, point) in points.enumerated() where point.y.isFinite {
            marks.append(.marker(MarkerMark(point: Point(point.x, min(point.y, yDomain.upperBound)), shape: .circle, size: theme.fontSize * 0.7,
                                            fill: accent, stroke: theme.foreground, label: k == 0 ? "trial" : nil)))
        }
        if let best = Self.best(trials) {
            marks.append(.marker(MarkerMark(point: points[best], shape: .star, size: theme.fontSize * 1.4, fill: Color(hex: 0xFFD23F),
                                            stroke: Color(hex: 0x1A1A1A), label: "best")))
        }
        marks += annotationMarks
        var chart = Chart(title: title ?? "\(trials.count) trials", xLabel: name, yLabel: Self.objectiveLabel(search.objective),
                          xScale: xScale, xDomain: xDomain, yDomain: yDomain, marks: marks, legend: legend)
        if let good {
            chart.counter = "best \(name) = \(Self.valueText(good.best)) · within 10 %: \(Self.valueText(good.range.lowerBound))–\(Self.valueText(good.range.upperBound))"
        }
        chart.placementPoints = points.filter { $0.y.isFinite }
        return chart
    }

    /// The search's objective as a heatmap over its two dimensions (log axes for log-uniform ones; colours up
    /// to the 95th percentile of the values; the recorded landscape interpolated between its samples), every
    /// trial as a dot and the best one as a star.
    func searchChart(_ panel: SearchPanel, _ trials: [SearchTrial], landscape: SearchLandscape, theme: Theme) -> Chart {
        let search = panel.search
        let space = search.space
        let grid = Self.grid(landscape)
        // Colours span the lowest value to the 95th percentile, so a corner where runs blow up does not wash out
        // the region worth searching (higher values take the top colour).
        let finite = grid.values.filter(\.isFinite).sorted()
        let low = finite.first ?? 0, high = finite.isEmpty ? 1 : finite[min(finite.count - 1, finite.count * 95 / 100)]
        let range = low...(high > low ? high : low + 1)
        let logarithmic = range.lowerBound > 0 && range.upperBound / range.lowerBound > 100
        let norm = logarithmic ? ValueNorm.logarithmic(range) : ValueNorm.linear(range)
        let value: @Sendable (Double, Double) -> Double = { x, y in
            guard let u = space.unit(0, of: x), let v = space.unit(1, of: y) else { return .nan }
            return grid.interpolated(x: min(1, max(0, u)), y: min(1, max(0, v)))
        }
        // Padded so that trials on the edges of the space show whole; the colours carry on past the edges.
        let (xDomain, xScale) = Self.padded(Self.axis(space, 0)), (yDomain, yScale) = Self.padded(Self.axis(space, 1))
        var marks: [Mark] = [.heatmap(HeatmapMark(value: value, norm: norm, colormap: theme.colormap, wash: theme.heatmapWash * 0.5))]
        let points = trials.map { Self.point($0, space) }
        for (k, point) in points.enumerated() {
            marks.append(.marker(MarkerMark(point: point, shape: .circle, size: theme.fontSize * 0.75, fill: theme.background,
                                            stroke: theme.foreground, label: k == 0 ? "trial" : nil)))
        }
        if let best = Self.best(trials) {
            marks.append(.marker(MarkerMark(point: points[best], shape: .star, size: theme.fontSize * 1.4, fill: Color(hex: 0xFFD23F),
                                            stroke: Color(hex: 0x1A1A1A), label: "best")))
        }
        marks += annotationMarks
        let names = space.dimensions.map(\.name)
        var chart = Chart(title: title ?? "\(trials.count) trials", xLabel: names[0], yLabel: names[1], xScale: xScale, yScale: yScale,
                          xDomain: xDomain, yDomain: yDomain, marks: marks, legend: legend,
                          colorbar: Colorbar(colormap: theme.colormap, norm: norm, label: Self.objectiveLabel(search.objective),
                                             wash: theme.heatmapWash * 0.5))
        // The best value, so that panels of different samplers compare at a glance.
        chart.counter = Self.best(trials).map { "best " + Self.valueText(trials[$0].value) }
        chart.placementPoints = points
        return chart
    }

    /// The trials in the square of the two dimensions, with each dimension's main effect (the objective
    /// averaged over the other dimension) above and to the right, and every trial projected onto both curves.
    func searchMarginals(_ panel: SearchPanel, _ trials: [SearchTrial], landscape: SearchLandscape, theme: Theme) -> AlignedCharts {
        let space = panel.search.space
        let names = space.dimensions.map(\.name)
        // Padded, so that trials on the edges of the space (a grid's ends) show whole.
        let (xDomain, xScale) = Self.padded(Self.axis(space, 0)), (yDomain, yScale) = Self.padded(Self.axis(space, 1))
        let points = trials.map { Self.point($0, space) }
        let accent = theme.lineColor(Palette.colors(for: ["trial"])[0])
        let faint = theme.mutedForeground.withAlpha(0.55)
        // The main effects on the landscape's grid: the mean over the other dimension.
        func effect(_ dimension: Int) -> [(coordinate: Double, value: Double)] {
            let count = dimension == 0 ? landscape.columns : landscape.rows, other = dimension == 0 ? landscape.rows : landscape.columns
            return (0..<count).map { i in
                let values = (0..<other).map { j in dimension == 0 ? landscape[i, j] : landscape[j, i] }.filter(\.isFinite)
                let u = Double(i) / Double(count - 1)
                return (space.value(dimension, at: u).asDouble ?? u, values.reduce(0, +) / Double(max(1, values.count)))
            }
        }
        func interpolate(_ curve: [(coordinate: Double, value: Double)], at unit: Double) -> Double {
            let position = unit * Double(curve.count - 1), i = min(curve.count - 2, max(0, Int(position)))
            let t = position - Double(i)
            return curve[i].value * (1 - t) + curve[i + 1].value * t
        }
        let g = effect(0), h = effect(1)
        let allValues = (g + h).map(\.value)
        let low = allValues.min() ?? 0, high = allValues.max() ?? 1
        let pad = (high - low) * 0.08 + 1e-12
        let valueDomain = (low - pad)...(high + pad)

        // The square: the trials, and guide lines to where they project.
        var square: [Mark] = []
        for (k, point) in points.enumerated() {
            square.append(.line(LineMark(points: [point, Point(point.x, yDomain.upperBound)], color: faint, width: 0.8, dash: [2, 3])))
            square.append(.line(LineMark(points: [point, Point(xDomain.upperBound, point.y)], color: faint, width: 0.8, dash: [2, 3])))
            square.append(.marker(MarkerMark(point: point, shape: .circle, size: theme.fontSize * 0.8, fill: accent,
                                             stroke: theme.foreground, label: k == 0 ? "trial" : nil)))
        }
        let best = Self.best(trials)
        if let best {
            square.append(.marker(MarkerMark(point: points[best], shape: .star, size: theme.fontSize * 1.5, fill: Color(hex: 0xFFD23F),
                                             stroke: Color(hex: 0x1A1A1A), label: "best")))
        }
        square += annotationMarks
        let distinct = (0..<2).map { d in Set(trials.map { $0.unit[d] }).count }
        var main = Chart(xLabel: names[0], yLabel: names[1], xScale: xScale, yScale: yScale, xDomain: xDomain, yDomain: yDomain,
                         marks: square, legend: .none)

        // Above: the first dimension's effect, each trial dropped onto it.
        var above: [Mark] = [.line(LineMark(points: g.map { Point($0.coordinate, $0.value) }, color: theme.foreground, width: 2))]
        for trial in trials {
            let x = space.value(0, at: trial.unit[0]).asDouble ?? .nan, value = interpolate(g, at: trial.unit[0])
            above.append(.line(LineMark(points: [Point(x, valueDomain.lowerBound), Point(x, value)], color: faint, width: 0.8, dash: [2, 3])))
            above.append(.marker(MarkerMark(point: Point(x, value), shape: .circle, size: theme.fontSize * 0.7, fill: accent, stroke: theme.foreground)))
        }
        // The title says what the lesson needs: how many distinct values of the first dimension were tested,
        // and the best value found.
        let heading = (title.map { $0 + ": " } ?? "\(trials.count) trials: ") + "\(distinct[0]) values of \(names[0])"
            + (best.map { ", best " + Self.valueText(trials[$0].value) } ?? "")
        let top = Chart(title: heading, yLabel: "mean over \(names[1])",
                        xScale: xScale, xDomain: xDomain, yDomain: valueDomain, marks: above, legend: .none)

        // Beside: the second dimension's effect on the same value scale, each trial carried across to it.
        var beside: [Mark] = [.line(LineMark(points: h.map { Point($0.value, $0.coordinate) }, color: theme.foreground, width: 2))]
        for trial in trials {
            let y = space.value(1, at: trial.unit[1]).asDouble ?? .nan, value = interpolate(h, at: trial.unit[1])
            beside.append(.line(LineMark(points: [Point(valueDomain.lowerBound, y), Point(value, y)], color: faint, width: 0.8, dash: [2, 3])))
            beside.append(.marker(MarkerMark(point: Point(value, y), shape: .circle, size: theme.fontSize * 0.7, fill: accent, stroke: theme.foreground)))
        }
        var side = Chart(xLabel: "mean over \(names[0])", yScale: yScale, xDomain: valueDomain, yDomain: yDomain, marks: beside, legend: .none)
        side.counter = "\(distinct[1]) values"
        return AlignedCharts(charts: [main, top, side], arrangement: .marginals(top: 0.3, side: 0.24))
    }

    /// An objective's value in three significant digits.
    static func valueText(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return pythonRepr(value) }
        let magnitude = Int(floor(log10(abs(value))))
        return Ticks.format(value, decimals: max(0, 2 - magnitude))
    }

    /// The landscape as a grid over the unit square.
    static func grid(_ landscape: SearchLandscape) -> Grid {
        Grid(x: 0...1, y: 0...1, columns: landscape.columns, rows: landscape.rows) { u, v in
            landscape[Int((u * Double(landscape.columns - 1)).rounded()), Int((v * Double(landscape.rows - 1)).rounded())]
        }
    }

    /// A dimension's axis: its range, log for a log-uniform dimension.
    static func axis(_ space: SearchSpace, _ index: Int) -> (ClosedRange<Double>, Scale.Kind) {
        switch space.dimensions[index].range {
        case .logUniform(let lo, let hi): (lo...hi, .log)
        case .uniform(let lo, let hi): (lo...hi, .linear)
        default: (0...1, .linear)
        }
    }

    /// An axis widened by 4% at each end (in log space for a log axis).
    static func padded(_ axis: (ClosedRange<Double>, Scale.Kind)) -> (ClosedRange<Double>, Scale.Kind) {
        let (domain, scale) = axis
        if scale == .log {
            let ratio = pow(domain.upperBound / domain.lowerBound, 0.04)
            return ((domain.lowerBound / ratio)...(domain.upperBound * ratio), scale)
        }
        let pad = (domain.upperBound - domain.lowerBound) * 0.04
        return ((domain.lowerBound - pad)...(domain.upperBound + pad), scale)
    }

    /// A trial's values on the first two dimensions.
    static func point(_ trial: SearchTrial, _ space: SearchSpace) -> Point {
        Point(space.value(0, at: trial.unit[0]).asDouble ?? .nan, space.value(1, at: trial.unit[1]).asDouble ?? .nan)
    }

    /// The index of the trial with the smallest finite value.
    static func best(_ trials: [SearchTrial]) -> Int? {
        trials.indices.filter { trials[$0].value.isFinite }.min { trials[$0].value < trials[$1].value }
    }

    /// What the heatmap's colours measure.
    static func objectiveLabel(_ objective: SearchObjective) -> String {
        switch objective {
        case .trace(_, _, _, let logValue): logValue ? "log₁₀ final loss" : "final loss"
        case .training: "validation loss"
        case .expression: "objective"
        }
    }
}
