import Foundation
import Plotting
import Simulation

extension PanelSpec {
    /// Hyperband's learning curves: each configuration's value against its budget (log x from the smallest
    /// rung's steps to R), one polyline per configuration through the rungs it ran. Configurations stopped
    /// before their bracket's last rung are thin and grey and end in a ✕; those that reach it are drawn bold
    /// in their bracket's colour; the lowest value is starred; every rung's budget is a rule labelled `r=9`.
    /// The axes are drawn from all of `trials` (the whole search), the lines from the brackets shown; the y
    /// axis is logarithmic when the values are positive and span more than two decades (diverged runs left
    /// out of the range), unless the panel says.
    func hyperbandChart(_ panel: HyperbandPanel, _ allTrials: [SearchTrial], theme: Theme) -> Chart {
        let hyperband = panel.hyperband
        let brackets = panel.brackets
        let lastRung = Dictionary(uniqueKeysWithValues: brackets.map { ($0.s, $0.rungs.count - 1) })
        let trials = allTrials.filter { trial in trial.bracket.map { lastRung[$0] != nil } ?? true }

        // Each configuration's evaluations in rung order (a configuration keeps its id from rung to rung).
        var order: [Int] = []
        var evaluations: [Int: [SearchTrial]] = [:]
        for trial in trials {
            if evaluations[trial.id] == nil { order.append(trial.id) }
            evaluations[trial.id, default: []].append(trial)
        }
        let configurations = order.map { id in evaluations[id]!.sorted { ($0.rung ?? 0) < ($1.rung ?? 0) } }
        func reachedLastRung(_ runs: [SearchTrial]) -> Bool {
            guard let last = runs.last, let s = last.bracket, let rung = last.rung else { return true }
            return rung == lastRung[s]
        }
        func points(_ runs: [SearchTrial]) -> [Point] { runs.map { Point(Double($0.budget), $0.value) } }

        let (xDomain, yDomain, yScale) = Self.hyperbandDomains(hyperband, allTrials, yScale: panel.yScale)
        var marks: [Mark] = []
        let budgets = Set(brackets.flatMap { $0.rungs.map(\.budget) }).sorted()
        let ruleColor = theme.mutedForeground
        for budget in budgets { marks.append(.rule(RuleMark(x: Double(budget), label: "r=\(budget)", color: ruleColor))) }

        // Stopped configurations first, under the survivors: a thin grey line (a single point for those stopped
        // at their first rung) ending in a ✕. Every configuration is one line mark.
        let grey = theme.mutedForeground.withAlpha(0.6)
        var crosses: [Mark] = []
        for runs in configurations where !reachedLastRung(runs) {
            let line = points(runs)
            marks.append(.line(LineMark(points: line, color: grey, width: theme.lineWidth * 0.45)))
            crosses.append(.marker(MarkerMark(point: line.last!, shape: .cross, size: theme.fontSize * 0.62, fill: grey,
                                              stroke: theme.background.withAlpha(0.6), label: crosses.isEmpty ? "stopped" : nil)))
        }
        marks += crosses

        // Survivors: bold in their bracket's colour, a dot at every rung.
        let sMax = hyperband.sMax
        var labelled = Set<Int>()
        for runs in configurations where reachedLastRung(runs) {
            let s = runs.first?.bracket ?? sMax
            let color = Self.bracketColor(s, sMax: sMax, theme: theme)
            let label: String? = labelled.insert(s).inserted
                ? (brackets.count == 1 ? "reached R=\(hyperband.maxResource)" : "s=\(s), reached R") : nil
            let line = points(runs)
            marks.append(.line(LineMark(points: line, color: color, width: theme.lineWidth * 1.15, label: label)))
            for point in line {
                marks.append(.marker(MarkerMark(point: point, shape: .circle, size: theme.fontSize * 0.5, fill: color, stroke: theme.background)))
            }
        }
        if let best = trials.filter({ $0.value.isFinite }).min(by: { $0.value < $1.value }) {
            marks.append(.marker(MarkerMark(point: Point(Double(best.budget), best.value), shape: .star, size: theme.fontSize * 1.5,
                                            fill: Color(hex: 0xFFD23F), stroke: Color(hex: 0x1A1A1A), label: "best")))
        }
        marks += annotationMarks
        var chart = Chart(title: title ?? Self.hyperbandTitle(panel), xLabel: "budget r (steps)", yLabel: Self.objectiveLabel(panel.search.objective),
                          xScale: .log, yScale: yScale, xDomain: xDomain, yDomain: yDomain, marks: marks, legend: legend)
        chart.placementPoints = Self.hyperbandPlacementPoints(marks, budgets: budgets, eta: hyperband.eta, chart: chart)
        return chart
    }

    /// What an `.auto` legend keeps clear of: the lines' points and points along their segments (a rung
    /// apart, a segment crosses a whole corner), and each rule's label at the top of the plot.
    static func hyperbandPlacementPoints(_ marks: [Mark], budgets: [Int], eta: Int, chart: Chart) -> [Point] {
        let x = Scale(.log, domain: chart.xDomain), y = Scale(chart.yScale, domain: chart.yDomain)
        func between(_ a: Point, _ b: Point, _ t: Double) -> Point {
            Point(x.value(at: x.position(a.x) + t * (x.position(b.x) - x.position(a.x))),
                  y.value(at: y.position(a.y) + t * (y.position(b.y) - y.position(a.y))))
        }
        var points: [Point] = []
        for mark in marks {
            switch mark {
            case .line(let line):
                points += line.points
                for (a, b) in zip(line.points, line.points.dropFirst()) { points += (1..<8).map { between(a, b, Double($0) / 8) } }
            case .marker(let marker):
                points.append(marker.point)
            default:
                break
            }
        }
        // A rule's label sits just under the top, right of it (left at the right edge): points either side
        // weigh it like a line.
        let labelY = y.value(at: 0.97)
        for budget in budgets {
            points += (-5...5).map { Point(Double(budget) * pow(Double(eta), Double($0) * 0.06), labelY) }
        }
        return points
    }

    /// The colour of bracket s: the palette's colours in order from s_max down, the same in the curves and
    /// the table.
    static func bracketColor(_ s: Int, sMax: Int, theme: Theme) -> Color {
        theme.lineColor(Palette.categorical[(sMax - s) % Palette.categorical.count])
    }

    /// "Bracket s=2: 9 configs from 9 steps", or the whole search's name when every bracket is drawn.
    static func hyperbandTitle(_ panel: HyperbandPanel) -> String {
        let hyperband = panel.hyperband
        let brackets = panel.brackets
        guard brackets.count == 1, let bracket = brackets.first, let first = bracket.rungs.first else {
            return "Hyperband, R=\(hyperband.maxResource), η=\(hyperband.eta): \(brackets.count) brackets"
        }
        let name: String
        if case .successiveHalving = panel.search.sampler { name = "Successive halving" } else { name = "Bracket s=\(bracket.s)" }
        return "\(name): \(first.count) config\(first.count == 1 ? "" : "s") from \(first.budget) step\(first.budget == 1 ? "" : "s")"
    }

    /// The x range (the smallest rung's steps to R, widened a third of a rung either side so that markers
    /// at the ends are whole), the y range of the values that did not diverge, and the y scale: log when
    /// they are positive and span more than two decades, or when asked and they are positive.
    static func hyperbandDomains(_ hyperband: Hyperband, _ trials: [SearchTrial], yScale: AxisScale?)
        -> (x: ClosedRange<Double>, y: ClosedRange<Double>, yScale: Scale.Kind) {
        let smallest = Double(hyperband.bracket(hyperband.sMax).rungs.first?.budget ?? 1)
        let widen = pow(Double(hyperband.eta), smallest == Double(hyperband.maxResource) ? 0.5 : 0.3)
        let x = (smallest / widen)...(Double(hyperband.maxResource) * widen)
        var values = trials.filter { !$0.diverged && $0.value.isFinite }.map(\.value)
        if values.isEmpty { values = trials.map(\.value).filter(\.isFinite) }
        guard let low = values.min(), let high = values.max() else { return (x, 0...1, .linear) }
        if low > 0, yScale.map({ $0 == .log }) ?? (high / low > 100) {
            let margin = pow(high / low, 0.06)
            return (x, (low / margin)...(high * margin), .log)
        }
        let span = high > low ? high - low : max(abs(high), 1)
        return (x, (low - 0.07 * span)...(high + 0.07 * span), .linear)
    }
}
