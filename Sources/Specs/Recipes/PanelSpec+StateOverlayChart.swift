#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Plotting
import Simulation

extension PanelSpec {
    /// What the optimizers carry from step to step, from their recorded state:
    /// - `velocity`: each run's path with an arrow every `every` steps along its momentum (the
    ///   `momentum_buffer` of SGD and RMSprop, Adam's `exp_avg`, NAdam's, Adamax's, Lion's `exp_avg`), pointing
    ///   where the step goes (−v);
    /// - `step-size`: the per-coordinate effective step size against step, log scale — for Adam-family
    ///   optimizers η/(1−β₁ᵗ)/(√v̂ₜ + ε) per coordinate, for Adagrad η/(√G + ε), RMSprop η/(√v + ε), Rprop's
    ///   `step_size`;
    /// - `evaluations`: bars of function evaluations per step (LBFGS's closure calls).
    func stateOverlayChart(_ panel: StateOverlayPanel, _ runs: [RunRecord], theme: Theme) -> Chart {
        let traces = runs.map(\.trace)
        let styles = runStyles(runs, theme: theme)
        let surface = panel.runs.surface
        let names = surface.surface.axisNames
        switch panel.overlay {
        case .velocity:
            let view = panel.style.view
            var (marks, key) = surfaceBackground(surface, panel.style, theme: theme)
            marks += pathMarks(runs, surface: surface, theme: theme, view: view)
            for (k, trace) in traces.enumerated() {
                var origins: [Point] = [], vectors: [Point] = []
                for (step, state) in (trace.state ?? []).enumerated() where (step + 1) % panel.every == 0 {
                    guard let v = state.vector("momentum_buffer") ?? state.vector("exp_avg"), v.count == 2 else { continue }
                    let p = trace.points[step + 1]
                    origins.append(Point(p.x, p.y))
                    vectors.append(Point(-v[0], -v[1]))
                }
                // The largest velocity spans a twelfth of the plot; the others keep their proportion.
                marks.append(.arrows(ArrowMark(origins: origins, vectors: vectors, longest: 1.0 / 12, color: styles[k].color,
                                               width: max(1, theme.lineWidth * 0.7))))
            }
            marks += annotationMarks
            return Chart(title: title ?? "Velocity along the path", xLabel: "$\(names.x)$", yLabel: "$\(names.y)$", xDomain: view.x,
                         yDomain: view.y, marks: marks, legend: legend, colorbar: panel.style.colorbar ? key : nil)
        case .stepSize:
            var marks: [Mark] = []
            var all: [Double] = []
            var longest = 1
            for (k, run) in runs.enumerated() {
                let sizes = run.stepSizes ?? []
                longest = max(longest, sizes.count)
                for (coordinate, dash) in [(0, [Double]()), (1, [5.0, 3])] {
                    let points = sizes.enumerated().map { Point(Double($0.offset + 1), $0.element[coordinate]) }
                    all += points.map(\.y).filter { $0.isFinite && $0 > 0 }
                    marks.append(.line(LineMark(points: points, color: styles[k].color, width: theme.lineWidth * 0.8, dash: dash,
                                                label: "\(styles[k].label), $\(coordinate == 0 ? names.x : names.y)$")))
                }
            }
            let low = (all.min() ?? 1e-3) / 1.5, high = (all.max() ?? 1) * 1.5
            marks += annotationMarks
            return Chart(title: title ?? "Effective step size per coordinate", xLabel: "step", yLabel: "step size", yScale: .log,
                         xDomain: 1...Double(max(2, longest)), yDomain: low...high, marks: marks,
                         legend: legend, grid: true)
        case .evaluations:
            var marks: [Mark] = []
            var highest = 1.0
            var longest = 1
            let width = 0.8 / Double(max(1, traces.count))
            for (k, trace) in traces.enumerated() {
                let counts = (trace.state ?? []).map { $0.scalar("evaluations") ?? 1 }
                highest = max(highest, counts.max() ?? 1)
                longest = max(longest, counts.count)
                let xs = counts.indices.map { Double($0 + 1) - 0.4 + width * (Double(k) + 0.5) }
                marks.append(.bars(BarMark(xs: xs, heights: counts, width: width * 0.9, color: styles[k].color, label: styles[k].label)))
            }
            marks += annotationMarks
            var chart = Chart(title: title ?? "Function evaluations per step", xLabel: "step", yLabel: "evaluations",
                              xDomain: 0.4...Double(longest) + 0.6, yDomain: 0...highest * 1.15, marks: marks,
                              legend: legend, grid: true)
            chart.integerYTicks = true
            return chart
        }
    }
}

extension StateOverlayPanel {
    /// The step each coordinate would take per unit of its (bias-corrected) momentum, from the recorded state:
    /// η/(1−β₁ᵗ)/(√(v/(1−β₂ᵗ)) + ε) for the Adam family (η/(1−β₁ᵗ)/u for Adamax), η/(√G + 10⁻¹⁰) for Adagrad,
    /// η/(√v + 10⁻⁸) for RMSprop, Rprop's own `step_size`, and η otherwise.
    public static func effectiveStepSizes(_ trace: Trace, optimizer: any Optimizer) -> [[Double]] {
        (trace.state ?? []).enumerated().map { index, state -> [Double] in
            let t = state.scalar("step") ?? Double(index + 1)
            if let stepSize = state.vector("step_size") { return stepSize }
            let lr = optimizer.lr
            if let v = state.vector("max_exp_avg_sq") ?? state.vector("exp_avg_sq") {
                let (beta1, beta2, eps) = Self.adamConstants(optimizer)
                let correction1 = 1 - pow(beta1, t), correction2 = (1 - pow(beta2, t)).squareRoot()
                return v.map { lr / correction1 / ($0.squareRoot() / correction2 + eps) }
            }
            if let u = state.vector("exp_inf") { return u.map { lr / (1 - pow(Self.adamConstants(optimizer).0, t)) / $0 } }
            if let sum = state.vector("sum") { return sum.map { lr / ($0.squareRoot() + 1e-10) } }
            if let v = state.vector("square_avg") { return v.map { lr / ($0.squareRoot() + 1e-8) } }
            return [lr, lr]
        }
    }

    /// (β₁, β₂, ε) of an Adam-style optimizer, read from its configuration.
    static func adamConstants(_ optimizer: any Optimizer) -> (Double, Double, Double) {
        var beta1 = 0.9, beta2 = 0.999, eps = 1e-8
        for argument in optimizer.configuration.arguments {
            if argument.key == "betas", let values = argument.value.elements, values.count == 2 {
                beta1 = values[0].asDouble ?? beta1
                beta2 = values[1].asDouble ?? beta2
            }
            if argument.key == "eps" { eps = argument.value.asDouble ?? eps }
        }
        return (beta1, beta2, eps)
    }
}
