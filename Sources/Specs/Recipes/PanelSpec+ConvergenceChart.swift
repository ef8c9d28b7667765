import Plotting
import Simulation

extension PanelSpec {
    /// Best value so far against trials, one colour per sampler: the median over seeds as a line inside the
    /// interquartile band, or, for a grid, one marker per full grid joined by a stepped line.
    func convergenceChart(_ panel: SearchConvergencePanel, _ curves: [SamplerConvergence], theme: Theme) -> Chart {
        let labels = curves.map { Self.samplerLabel($0.sampler, seeds: $0.bestSoFar.count) }
        let colors = Palette.colors(for: labels)
        var marks: [Mark] = []
        var values: [Double] = []
        for (k, curve) in curves.enumerated() {
            let color = theme.lineColor(colors[k]), xs = curve.trials.map(Double.init)
            if curve.bestSoFar.count == 1 {
                // Grids of different sizes share few points, so their bests are joined only faintly, not as a
                // running minimum.
                let best = curve.bestSoFar[0]
                values += best
                marks.append(.line(LineMark(points: zip(xs, best).map { Point($0, $1) }, color: color.withAlpha(0.85), width: 1.4, dash: [2, 3])))
                for (i, value) in best.enumerated() {
                    marks.append(.marker(MarkerMark(point: Point(xs[i], value), shape: .square, size: theme.fontSize * 0.85, fill: color,
                                                    stroke: theme.background, label: i == 0 ? labels[k] : nil)))
                }
            } else {
                let columns = curve.trials.indices.map { i in curve.bestSoFar.map { $0[i] }.filter { !$0.isNaN }.sorted() }
                let lower = columns.map { Self.quantile($0, 0.25) }, median = columns.map { Self.quantile($0, 0.5) }
                let upper = columns.map { Self.quantile($0, 0.75) }
                values += lower + upper
                marks.append(.band(BandMark(xs: xs, lower: lower, upper: upper, color: color.withAlpha(0.2))))
                marks.append(.line(LineMark(points: zip(xs, median).map { Point($0, $1) }, color: color, width: 2.4, label: labels[k])))
            }
        }
        marks += annotationMarks
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 1, high = finite.max() ?? 10
        let logarithmic = low > 0 && high / low > 3
        let yDomain = logarithmic ? (low / 1.5)...(high * 1.5) : (low - (high - low) * 0.05)...(high + (high - low) * 0.05 + 1e-12)
        let lastTrial = curves.flatMap(\.trials).max() ?? 1
        return Chart(title: title ?? "Best value so far: median and interquartile range over \(panel.seeds) seeds", xLabel: "trials",
                     yLabel: "best " + Self.objectiveLabel(panel.search.objective), yScale: logarithmic ? .log : .linear,
                     xDomain: 0...Double(lastTrial) + 0.5, yDomain: yDomain, marks: marks, legend: legend, grid: true)
    }

    /// `grid (k×k)`, `random`, `BO` and the like, for the legend.
    static func samplerLabel(_ text: String, seeds: Int) -> String {
        let name = text.prefix { $0 != "(" }.lowercased()
        switch name {
        case "grid": return "grid: best of a full k × k grid"
        case "random": return "random search"
        case "bo": return "Bayesian optimization"
        default: return text
        }
    }

    /// The q-quantile of sorted values, interpolating linearly between order statistics (NumPy's default).
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = q * Double(sorted.count - 1), i = Int(position)
        guard i + 1 < sorted.count else { return sorted[i] }
        return sorted[i] + (sorted[i + 1] - sorted[i]) * (position - Double(i))
    }
}
