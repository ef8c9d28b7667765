import Plotting
import Simulation

extension PanelSpec {
    /// Arrows of −∇f (or ∇f with `direction: ascent`) on a grid over the surface, with any runs on top: the
    /// picture of "the gradient points uphill, the update goes the other way".
    ///
    /// Arrow lengths are proportional to |∇f|, scaled so the longest arrow spans 90% of a grid cell; with
    /// `normalize: true` every arrow has that length and the colour shows the magnitude instead.
    func gradientFieldChart(_ panel: GradientFieldPanel, arrows field: ArrowField, runs: [RunRecord], theme: Theme) -> Chart {
        let view = panel.style.view
        let surface = panel.runs.surface
        var (marks, key) = surfaceBackground(surface, panel.style, theme: theme)
        let origins = field.points.map { Point($0.x, $0.y) }
        let vectors = field.vectors.map { Point($0.x, $0.y) }
        let magnitudes = field.vectors.map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }
        let largest = magnitudes.max() ?? 1
        let colors: [Color]? = panel.normalize
            ? magnitudes.map { Colormap.grey.color(at: 0.85 - 0.75 * ValueNorm.logarithmic(0...largest).fraction($0)) }
            : nil
        // The longest arrow spans 90% of a grid cell (75% when all are normalised).
        let ascent = panel.direction == .ascent
        marks.append(.arrows(ArrowMark(origins: origins, vectors: vectors, longest: (panel.normalize ? 0.75 : 0.9) / Double(panel.arrows),
                                       normalized: panel.normalize, color: theme.foreground.withAlpha(0.85), colors: colors,
                                       width: max(0.8, theme.lineWidth * 0.55), label: ascent ? "∇f (uphill)" : "−∇f (downhill)")))
        if !runs.isEmpty {
            marks += pathMarks(runs, surface: surface, theme: theme, view: view)
        } else {
            marks += minimumMarks(surface, theme: theme, view: view)
        }
        marks += annotationMarks
        let names = surface.surface.axisNames
        return Chart(title: title ?? "The gradient field of \(surface.surface.name)", xLabel: "$\(names.x)$", yLabel: "$\(names.y)$",
                     xDomain: view.x, yDomain: view.y, marks: marks, legend: legend, colorbar: panel.style.colorbar ? key : nil)
    }
}
