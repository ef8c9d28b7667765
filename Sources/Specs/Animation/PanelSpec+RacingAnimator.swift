#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Plotting
import Simulation

extension PanelSpec {
    // MARK: - Optimizers on a surface

    /// Trails, heads and read-outs over the surface; with `velocity`, arrows of −v and −∇f at the heads.
    func racingAnimator(_ base: Chart, _ runs: [RunRecord], runSet: RunSet, view: ViewWindow, theme: Theme, trail: Int,
                        velocity: Bool) -> PanelAnimator {
        let traces = runs.map(\.trace)
        let styles = runStyles(runs, theme: theme)
        let scheduled = runSet.isScheduled
        let surface = runSet.surface.surface
        var base = base
        // The legend and counter keep clear of the whole run.
        base.placementPoints = traces.flatMap { $0.points.map { Point($0.x, $0.y) } }
            + surface.minima.map { Point($0.x, $0.y) }
        // One arrow scale for the whole animation: the largest velocity spans a seventh of the plot.
        let velocities: [[SIMD2<Double>?]] = traces.map { trace in
            (trace.state ?? []).map { state in
                guard let v = state.vector("momentum_buffer") ?? state.vector("exp_avg"), v.count == 2 else { return nil }
                return SIMD2(v[0], v[1])
            }
        }
        let reference = velocities.joined().compactMap { $0.map { ($0 * $0).sum().squareRoot() } }.filter(\.isFinite).max() ?? 1
        let maxSteps = runSet.longest
        let starts = startMarks(traces, theme: theme, view: view), minima = minimumMarks(runSet.surface, theme: theme, view: view)
        return PanelAnimator(base: base, steps: maxSteps) { panel, step, counted in
            guard var chart = panel as? Chart else { return panel }
            var marks: [Mark] = []
            var heads: [Mark] = []
            var arrows: [Mark] = []
            var divergedAny = false
            for (k, trace) in traces.enumerated() {
                let style = styles[k]
                let last = min(step, trace.points.count - 1)
                let first = trail > 0 ? max(0, last - trail) : 0
                var line = LineMark(points: trace.points[first...last].map { Point($0.x, $0.y) }, color: style.color, width: theme.lineWidth,
                                    dash: style.dash, label: style.label, fades: trail > 0, marker: style.shape)
                line.detail = Self.readout(trace, at: last, scheduled: scheduled)
                marks.append(.line(line))
                let head = trace.points[last]
                if trace.divergedAt != nil && step > last {
                    heads.append(.marker(MarkerMark(point: Point(head.x, head.y), shape: .cross, size: theme.fontSize * 1.1, fill: style.color,
                                                    stroke: theme.background, label: divergedAny ? nil : "diverged")))
                    divergedAny = true
                } else {
                    heads.append(.marker(MarkerMark(point: Point(head.x, head.y), shape: style.shape ?? .circle,
                                                    size: style.shape == nil ? theme.lineWidth * 4.5 : theme.fontSize * 0.95, fill: style.color,
                                                    stroke: theme.background)))
                }
                if velocity, last > 0, last - 1 < velocities[k].count, let v = velocities[k][last - 1] {
                    let g = surface.gradient(at: head)
                    arrows.append(.arrows(ArrowMark(origins: [Point(head.x, head.y)], vectors: [Point(-v.x, -v.y)], longest: 1.0 / 7,
                                                    color: style.color, width: theme.lineWidth * 0.9, label: k == 0 ? "velocity −v" : nil,
                                                    reference: reference)))
                    arrows.append(.arrows(ArrowMark(origins: [Point(head.x, head.y)], vectors: [Point(-g.x, -g.y)], longest: 1.0 / 7,
                                                    color: theme.foreground.withAlpha(0.8), width: theme.lineWidth * 0.7,
                                                    label: k == 0 ? "gradient −∇f" : nil, reference: reference)))
                }
            }
            // Heads last, so that a run arriving at a minimum shows on top of its star.
            chart.foregroundMarks = marks + arrows + starts + minima + heads
            chart.counter = counted ? Self.counterText("step", step, of: maxSteps) : nil
            return chart
        }
    }

    /// Rings on the runs' distinct starts inside the view.
    private func startMarks(_ traces: [Trace], theme: Theme, view: ViewWindow) -> [Mark] {
        var starts: [SIMD2<Double>] = []
        for trace in traces { if let first = trace.points.first, !starts.contains(first) { starts.append(first) } }
        return starts.filter { view.x.contains($0.x) && view.y.contains($0.y) }.enumerated().map { k, start in
            .marker(MarkerMark(point: Point(start.x, start.y), shape: .circle, size: theme.fontSize * 0.8, fill: theme.background,
                               stroke: theme.foreground, label: k == 0 ? "start" : nil))
        }
    }
}
