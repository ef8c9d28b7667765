import Plotting
import Simulation

extension PanelSpec {
    /// Optimizer paths over the surface: heatmap (or filled contours) and contour lines, the paths with
    /// their end points, the start, the known minima (stars) and where runs diverged (✕).
    func trajectoriesChart(_ panel: TrajectoriesPanel, _ runs: [RunRecord], theme: Theme) -> Chart {
        var chart = trajectoriesBase(panel.runs.surface, panel.style, theme: theme)
        chart.marks.insert(contentsOf: pathMarks(runs, surface: panel.runs.surface, theme: theme, view: panel.style.view),
                           at: chart.marks.count - annotations.count)
        return chart
    }

    /// The trajectories chart without its paths: the surface, the axes and the annotations.
    func trajectoriesBase(_ surface: SurfaceSpec, _ style: SurfaceStyle, theme: Theme) -> Chart {
        let view = style.view
        let (marks, key) = surfaceBackground(surface, style, theme: theme)
        let names = surface.surface.axisNames
        return Chart(title: title ?? "Optimizers on \(surface.surface.name)", xLabel: "$\(names.x)$", yLabel: "$\(names.y)$",
                     xDomain: view.x, yDomain: view.y, marks: marks + annotationMarks, legend: legend, colorbar: style.colorbar ? key : nil)
    }

    /// The surface under the paths — heatmap, filled contours or nothing, then contour lines — and its
    /// colour key.
    func surfaceBackground(_ spec: SurfaceSpec, _ style: SurfaceStyle, theme: Theme) -> (marks: [Mark], colorbar: Colorbar) {
        let surface = spec.surface
        let view = style.view
        let samples = surface.isCostly ? 121 : 301
        let grid = Grid(x: view.x, y: view.y, columns: samples, rows: samples) { surface.value(at: SIMD2($0, $1)) }
        let range = grid.finiteRange ?? 0...1
        let logarithmic = style.isLogarithmic(grid)
        let norm = logarithmic ? ValueNorm.logarithmic(range) : ValueNorm.linear(range)
        let colormap = style.colormap ?? theme.colormap
        let levels = Contours.levels(from: range.lowerBound, to: range.upperBound, count: max(style.contours, 1), logarithmic: logarithmic)
        var marks: [Mark] = []
        // The colour's quantity in the surface's own axis names: f(x, y), or the loss L(w, b) of a model.
        let names = surface.axisNames
        let quantity = names == ("x", "y") ? "$f(x, y)$" : "loss $L(\(names.x), \(names.y))$"
        var key = Colorbar(colormap: colormap, norm: norm, label: "\(quantity), \(logarithmic ? "log" : "linear") scale", wash: theme.heatmapWash)
        switch style.background {
        case .heatmap:
            let value: @Sendable (Double, Double) -> Double
            if surface.isCostly {
                value = { x, y in grid.interpolated(x: x, y: y) }
            } else {
                value = { x, y in surface.value(at: SIMD2(x, y)) }
            }
            marks.append(.heatmap(HeatmapMark(value: value, norm: norm, colormap: colormap,
                                              wash: theme.heatmapWash)))
        case .contours:
            let colors = (0...levels.count).map { k in
                colormap.color(at: (Double(k) + 0.5) / Double(levels.count + 1)).mixed(with: theme.background, theme.heatmapWash)
            }
            marks.append(.filledContours(FilledContourMark(grid: grid, levels: levels, colors: colors)))
            key.levels = levels
        case .lines:
            break
        }
        if style.contours > 0 {
            let color = style.background == .lines ? theme.foreground.withAlpha(0.35) : theme.contourLineColor
            marks.append(.contourLines(ContourLineMark(grid: grid, levels: levels, color: color, width: theme.axisWidth * 0.8,
                                                       labeled: style.contourLabels)))
        }
        return (marks, key)
    }

    /// Each run's path with its end marker (a dot — or, with three runs or more, a shape of its own that its
    /// legend entry repeats — or ✕ where it diverged), the starts (rings) and the known minima (stars) inside
    /// the view.
    func pathMarks(_ runs: [RunRecord], surface: SurfaceSpec, theme: Theme, view: ViewWindow) -> [Mark] {
        let styles = runStyles(runs, theme: theme)
        let traces = runs.map(\.trace)
        let inView = { (p: SIMD2<Double>) in view.x.contains(p.x) && view.y.contains(p.y) }
        var marks: [Mark] = []
        var starts: [SIMD2<Double>] = []
        var divergedAny = false
        for (k, trace) in traces.enumerated() {
            let style = styles[k]
            let points = trace.points.map { Point($0.x, $0.y) }
            marks.append(.line(LineMark(points: points, color: style.color, width: theme.lineWidth, dash: style.dash, label: style.label,
                                        marker: style.shape)))
            if let first = trace.points.first, !starts.contains(first) { starts.append(first) }
            if let last = trace.points.last {
                if trace.divergedAt != nil {
                    marks.append(.marker(MarkerMark(point: Point(last.x, last.y), shape: .cross, size: theme.fontSize * 1.1,
                                                    fill: style.color, stroke: theme.background, label: divergedAny ? nil : "diverged")))
                    divergedAny = true
                } else {
                    marks.append(.marker(MarkerMark(point: Point(last.x, last.y), shape: style.shape ?? .circle,
                                                    size: style.shape == nil ? theme.lineWidth * 3.2 : theme.fontSize * 0.85,
                                                    fill: style.color, stroke: theme.background)))
                }
            }
        }
        for (k, start) in starts.enumerated() where inView(start) {
            marks.append(.marker(MarkerMark(point: Point(start.x, start.y), shape: .circle, size: theme.fontSize * 0.8,
                                            fill: theme.background, stroke: theme.foreground, label: k == 0 ? "start" : nil)))
        }
        marks += minimumMarks(surface, theme: theme, view: view)
        return marks
    }

    /// Stars on the surface's known minima inside the view.
    func minimumMarks(_ surface: SurfaceSpec, theme: Theme, view: ViewWindow) -> [Mark] {
        surface.surface.minima.filter { view.x.contains($0.x) && view.y.contains($0.y) }.enumerated().map { k, minimum in
            .marker(MarkerMark(point: Point(minimum.x, minimum.y), shape: .star, size: theme.fontSize * 1.3,
                               fill: Color(hex: 0xFFD23F), stroke: Color(hex: 0x1A1A1A), label: k == 0 ? "minimum" : nil))
        }
    }

}

extension SurfaceStyle {
    /// Whether colours and levels are log-spaced: as `levels` says, or for `auto` when most of the surface
    /// sits far below its peaks (the median value in the lowest tenth of the range).
    func isLogarithmic(_ grid: Grid) -> Bool {
        switch levels {
        case .log: true
        case .linear: false
        case .auto: Self.prefersLogarithmic(grid)
        }
    }

    static func prefersLogarithmic(_ grid: Grid) -> Bool {
        let values = grid.values.filter(\.isFinite).sorted()
        guard let low = values.first, let high = values.last, high > low else { return false }
        return (values[values.count / 2] - low) / (high - low) < 0.1
    }
}
