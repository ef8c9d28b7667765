import Plotting
import Simulation

extension PanelSpec {
    /// The search's objective as a heatmap over its two dimensions (log axes for log-uniform ones; colours up
    /// to the 95th percentile of the values; values
    /// sampled on a 61 × 61 grid of the unit square and interpolated, since each value may be a whole optimizer
    /// run), every trial as a dot and the best one as a star.
    func searchChart(_ panel: SearchPanel, _ trials: [SearchTrial], theme: Theme) -> Chart {
        let search = panel.search
        let space = search.space
        let grid = Grid(x: 0...1, y: 0...1, columns: 61, rows: 61) { u, v in
            search.objective.evaluate(space, unit: [u, v], budget: search.budget).value
        }
        // Colours span the lowest value to the 95th percentile, so a corner where runs blow up does not wash out
        // the region worth searching (higher values take the top colour).
        let finite = grid.values.filter(\.isFinite).sorted()
        let low = finite.first ?? 0, high = finite.isEmpty ? 1 : finite[min(finite.count - 1, finite.count * 95 / 100)]
        let range = low...(high > low ? high : low + 1)
        let logarithmic = range.lowerBound > 0 && range.upperBound / range.lowerBound > 100
        let norm = logarithmic ? ValueNorm.logarithmic(range) : ValueNorm.linear(range)
        let value: @Sendable (Double, Double) -> Double = { x, y in
            guard let u = space.unit(0, of: x), let v = space.unit(1, of: y) else { return .nan }
            return grid.interpolated(x: u, y: v)
        }
        func domain(_ index: Int) -> (ClosedRange<Double>, Scale.Kind) {
            switch space.dimensions[index].range {
            case .logUniform(let lo, let hi): (lo...hi, .log)
            case .uniform(let lo, let hi): (lo...hi, .linear)
            default: (0...1, .linear)
            }
        }
        let (xDomain, xScale) = domain(0), (yDomain, yScale) = domain(1)
        var marks: [Mark] = [.heatmap(HeatmapMark(value: value, norm: norm, colormap: theme.colormap, wash: theme.heatmapWash * 0.5))]
        let points = trials.map { trial in
            Point(space.value(0, at: trial.unit[0]).asDouble ?? .nan, space.value(1, at: trial.unit[1]).asDouble ?? .nan)
        }
        for (k, point) in points.enumerated() {
            marks.append(.marker(MarkerMark(point: point, shape: .circle, size: theme.fontSize * 0.75, fill: theme.background,
                                            stroke: theme.foreground, label: k == 0 ? "trial" : nil)))
        }
        if let best = trials.indices.filter({ trials[$0].value.isFinite }).min(by: { trials[$0].value < trials[$1].value }) {
            marks.append(.marker(MarkerMark(point: points[best], shape: .star, size: theme.fontSize * 1.4, fill: Color(hex: 0xFFD23F),
                                            stroke: Color(hex: 0x1A1A1A), label: "best")))
        }
        marks += annotationMarks
        let names = space.dimensions.map(\.name)
        return Chart(title: title ?? "\(trials.count) trials", xLabel: names[0], yLabel: names[1], xScale: xScale, yScale: yScale,
                     xDomain: xDomain, yDomain: yDomain, marks: marks, legend: legend,
                     colorbar: Colorbar(colormap: theme.colormap, norm: norm, label: Self.objectiveLabel(search.objective),
                                        wash: theme.heatmapWash * 0.5))
    }

    /// What the heatmap's colours measure.
    static func objectiveLabel(_ objective: SearchObjective) -> String {
        switch objective {
        case .trace(_, _, _, let logValue): logValue ? "log₁₀ final loss" : "final loss"
        case .expression: "objective"
        }
    }
}
