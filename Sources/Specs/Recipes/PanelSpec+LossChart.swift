import Plotting
import Simulation

extension PanelSpec {
    /// Loss against step for each run, on a log axis when every loss is positive (or as the spec says);
    /// a ✕ marks the last finite loss of a run that diverged. With three runs or more the legend shows each
    /// run's path-end shape with its line, so a loss legend also keys the paths beside it.
    func lossChart(_ panel: LossPanel, _ runs: [RunRecord], theme: Theme) -> Chart {
        let styles = runStyles(runs, theme: theme)
        let traces = runs.map(\.trace)
        let losses = traces.flatMap(\.losses).filter(\.isFinite)
        let positive = !losses.isEmpty && losses.allSatisfy { $0 > 0 }
        let logarithmic = panel.yScale.map { $0 == .log && positive } ?? positive
        var low = losses.min() ?? 0, high = losses.max() ?? 1
        if logarithmic {
            low /= 1.6
            high *= 1.6
        } else {
            let pad = max((high - low) * 0.05, 1e-12)
            low -= pad
            high += pad
        }
        // On an epoch axis each step is B/n of a pass over the data (B/n = 1 for analytic surfaces).
        let perStep = panel.runs.runs.map { run -> Double in
            guard panel.xAxis == .epochs, let data = (run.surface ?? panel.runs.surface).surface as? LinearRegressionSurface else { return 1 }
            return Double(data.batchSize) / Double(data.count)
        }
        let longest = zip(traces, perStep).map { Double($0.points.count - 1) * $1 }.max() ?? 1
        var marks: [Mark] = []
        var divergedAny = false
        for (k, trace) in traces.enumerated() {
            let points = trace.losses.enumerated().map { Point(Double($0.offset) * perStep[k], $0.element) }
            marks.append(.line(LineMark(points: points, color: styles[k].color, width: theme.lineWidth, dash: styles[k].dash,
                                        label: styles[k].label, marker: styles[k].shape)))
            if trace.divergedAt != nil, let last = points.last {
                marks.append(.marker(MarkerMark(point: last, shape: .cross, size: theme.fontSize * 1.1, fill: styles[k].color,
                                                stroke: theme.background, label: divergedAny ? nil : "diverged")))
                divergedAny = true
            }
        }
        marks += annotationMarks
        let epochs = panel.xAxis == .epochs
        return Chart(title: title ?? "Loss on \(panel.runs.surface.surface.name)", xLabel: epochs ? "epoch" : "step", yLabel: "loss",
                     yScale: logarithmic ? .log : .linear, xDomain: 0...max(epochs ? 1e-9 : 1, longest), yDomain: low...high,
                     marks: marks, legend: legend, grid: true)
    }
}
