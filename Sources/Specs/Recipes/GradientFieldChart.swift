import Plotting
import Simulation

extension PanelSpec {
    /// Arrows of −∇f (or ∇f with `direction: ascent`) on a grid over the surface, with any runs on top: the
    /// picture of "the gradient points uphill, the update goes the other way".
    ///
    /// Arrow lengths are proportional to |∇f|, scaled so the longest arrow spans 90% of a grid cell; with
    /// `normalize: true` every arrow has that length and the colour shows the magnitude instead.
    func gradientFieldChart(theme: Theme) -> Chart {
        let view = resolvedView
        var (marks, key) = surfaceBackground(theme: theme)
        let surface = self.surface.surface
        let columns = arrows
        let rows = max(3, Int((Double(columns) * (view.y.upperBound - view.y.lowerBound) / (view.x.upperBound - view.x.lowerBound)).rounded()))
        var origins: [Point] = [], vectors: [Point] = [], magnitudes: [Double] = []
        for row in 0..<rows {
            for column in 0..<columns {
                let x = view.x.lowerBound + (Double(column) + 0.5) / Double(columns) * (view.x.upperBound - view.x.lowerBound)
                let y = view.y.lowerBound + (Double(row) + 0.5) / Double(rows) * (view.y.upperBound - view.y.lowerBound)
                let g = surface.gradient(at: SIMD2(x, y))
                guard g.x.isFinite, g.y.isFinite else { continue }
                let sign = ascent ? 1.0 : -1.0
                origins.append(Point(x, y))
                vectors.append(Point(sign * g.x, sign * g.y))
                magnitudes.append((g.x * g.x + g.y * g.y).squareRoot())
            }
        }
        let largest = magnitudes.max() ?? 1
        let colormap = (try? Colormap.named("grey")) ?? key.colormap
        let colors: [Color]? = normalize
            ? magnitudes.map { colormap.color(at: 0.85 - 0.75 * ValueNorm.logarithmic(0...largest).fraction($0)) }
            : nil
        // The longest arrow spans 90% of a grid cell (75% when all are normalised).
        marks.append(.arrows(ArrowMark(origins: origins, vectors: vectors, longest: (normalize ? 0.75 : 0.9) / Double(columns),
                                       normalized: normalize, color: theme.foreground.withAlpha(0.85), colors: colors,
                                       width: max(0.8, theme.lineWidth * 0.55), label: ascent ? "∇f (uphill)" : "−∇f (downhill)")))
        if !runs.isEmpty { marks += pathMarks(traces(), theme: theme, view: view) } else { marks += minimumMarks(theme: theme, view: view) }
        marks += annotationMarks
        return Chart(title: title ?? "The gradient field of \(surface.name)", xLabel: "$\(surface.axisNames.x)$", yLabel: "$\(surface.axisNames.y)$", xDomain: view.x, yDomain: view.y,
                     marks: marks, legend: Chart.LegendPlacement(rawValue: legend) ?? .auto, colorbar: colorbar ? key : nil)
    }
}
