import Plotting
import Simulation

extension PanelSpec {
    /// The points of a per-step curve: a staircase (each value held for its step) when the values mostly stay
    /// put from step to step, as step decays and plateau cuts do; a polyline through the values otherwise.
    static func curvePoints(_ values: [Double]) -> [Point] {
        let repeats = zip(values, values.dropFirst()).filter { $0 == $1 }.count
        guard values.count > 2, Double(repeats) > 0.3 * Double(values.count - 1) else {
            return values.enumerated().map { Point(Double($0.offset), $0.element) }
        }
        var points: [Point] = []
        for (k, value) in values.enumerated() {
            if k > 0, value != values[k - 1] { points.append(Point(Double(k), values[k - 1])) }
            points.append(Point(Double(k), value))
        }
        return points
    }

    /// Learning rate against step for each schedule (log or linear y), the momentum or β₁ on a second axis
    /// (dashed) where a schedule cycles it, and each phase boundary — warm-up end, milestone, restart,
    /// plateau reduction — as a labelled vertical rule in the schedule's colour (except on the last step).
    func schedulesChart(_ panel: SchedulesPanel, _ schedules: [ScheduleRecord], theme: Theme) -> Chart {
        let colors = Palette.colors(for: schedules.map(\.label)).map(theme.lineColor)
        var marks: [Mark] = []
        var momentumMarks: [Mark] = []
        var lrs: [Double] = [], momenta: [Double] = []
        var momentumIsBeta1 = false
        for (k, curve) in schedules.enumerated() {
            let run = curve.run
            let points = Self.curvePoints(run.lrs)
            lrs += run.lrs
            marks.append(.line(LineMark(points: points, color: colors[k], width: theme.lineWidth, dash: theme.dash(forRun: k), label: curve.label)))
            // A boundary on the last step would sit on the frame, its label over the legend's corner: left out.
            for event in run.events where event.step > 0 && event.step < run.lrs.count - 1 {
                marks.append(.rule(RuleMark(x: Double(event.step), label: schedules.count <= 2 ? event.label : nil, color: colors[k].withAlpha(0.7))))
            }
            if let momentum = run.momentum {
                momenta += momentum
                momentumIsBeta1 = run.momentumIsBeta1
                momentumMarks.append(.line(LineMark(points: Self.curvePoints(momentum), color: colors[k],
                                                    width: theme.lineWidth * 0.8, dash: [5, 3],
                                                    label: "\(curve.label) \(run.momentumIsBeta1 ? "β₁" : "momentum")")))
            }
        }
        let finite = lrs.filter(\.isFinite)
        let positive = finite.allSatisfy { $0 > 0 }
        let logarithmic = panel.yScale == .log && positive
        var low = finite.min() ?? 0, high = finite.max() ?? 1
        if logarithmic {
            low /= 1.5
            high *= 1.5
        } else {
            let pad = max((high - low) * 0.06, high * 0.02, 1e-12)
            low = low >= 0 ? max(0, low - pad) : low - pad
            high += pad
        }
        // Rates near the largest Double overflow the padding: keep the range finite and in order.
        low = low.isFinite ? low : -.greatestFiniteMagnitude
        high = high.isFinite ? high : .greatestFiniteMagnitude
        if !(high > low) { high = low + max(abs(low), 1) }
        if !high.isFinite { high = .greatestFiniteMagnitude; low = min(low, high / 2) }
        var chart = Chart(title: title ?? "Learning-rate schedules", xLabel: "step", yLabel: "learning rate", yScale: logarithmic ? .log : .linear,
                          xDomain: 0...Double(max(1, panel.steps - 1)), yDomain: low...high, marks: marks + annotationMarks,
                          legend: legend, grid: true)
        if !momentumMarks.isEmpty, let lo = momenta.filter(\.isFinite).min(), let hi = momenta.filter(\.isFinite).max() {
            let pad = max((hi - lo) * 0.1, 0.01)
            chart.secondary = Chart.SecondaryAxis(label: momentumIsBeta1 ? "$\\beta_1$" : "momentum", domain: (lo - pad)...(hi + pad),
                                                  marks: momentumMarks)
        }
        return chart
    }
}
