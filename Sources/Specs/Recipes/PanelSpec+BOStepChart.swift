import Plotting
import Simulation

extension PanelSpec {
    /// What one iteration of a `bo-step` panel adds over the static axes: the marks of the surrogate chart and
    /// of the acquisition chart, and the texts that name the kernel and the choice.
    struct BOIteration {
        var surrogate: [Mark]
        var acquisition: [Mark]
        /// The acquisition's largest value on the curve (for scaling it).
        var peak: Double
        var kernelText: String
        var choiceText: String
        /// The acquisition curve, for placing the text clear of it.
        var acquisitionPoints: [Point]
    }

    /// The still of a `bo-step` panel: the surrogate over the acquisition for the panel's iteration.
    func boStepPanel(_ panel: BOStepPanel, _ trials: [SearchTrial], landscape: SearchLandscape, theme: Theme,
                     file: String) throws(SpecError) -> AlignedCharts {
        let step = try boIteration(panel, trials, iteration: panel.iteration, scaled: false, theme: theme, file: file)
        var (top, bottom) = boStepAxes(panel, landscape: landscape, theme: theme)
        top.title = title ?? "Iteration \(panel.iteration): the surrogate after \(panel.options.initialCount + panel.iteration - 1) trials"
        top.marks += step.surrogate + annotationMarks
        top.counter = step.kernelText
        bottom.marks += step.acquisition
        bottom.placementPoints = step.acquisitionPoints
        bottom.yDomain = Self.acquisitionDomain(panel.options.acquisition, peak: step.peak, floor: step.acquisition)
        bottom.counter = step.choiceText
        return AlignedCharts(charts: [top, bottom], arrangement: .column(weights: [0.64, 0.36]))
    }

    /// The animation of a `bo-step` panel: one iteration per step, the acquisition scaled to its peak so that
    /// the axes stay put while it shrinks.
    func boStepAnimator(_ panel: BOStepPanel, _ trials: [SearchTrial], landscape: SearchLandscape, theme: Theme,
                        file: String) throws(SpecError) -> PanelAnimator {
        var (top, bottom) = boStepAxes(panel, landscape: landscape, theme: theme)
        top.title = title ?? "Bayesian optimization, one trial at a time"
        top.marks += annotationMarks
        bottom.yLabel = "\(Self.acquisitionName(panel.options.acquisition)) ÷ its peak"
        bottom.yDomain = 0...1.15
        var steps: [BOIteration] = []
        for k in 1...max(1, panel.iterations) { steps.append(try boIteration(panel, trials, iteration: k, scaled: true, theme: theme, file: file)) }
        let iterations = steps
        let base = AlignedCharts(charts: [top, bottom], arrangement: .column(weights: [0.64, 0.36]))
        return PanelAnimator(base: base, steps: iterations.count) { drawn, step, counted in
            guard var aligned = drawn as? AlignedCharts, aligned.charts.count == 2 else { return drawn }
            let current = iterations[max(1, step) - 1]
            aligned.charts[0].foregroundMarks = current.surrogate
            aligned.charts[0].counter = (counted ? "iteration \(max(1, step)) · " : "") + current.kernelText
            aligned.charts[1].foregroundMarks = current.acquisition
            aligned.charts[1].placementPoints = current.acquisitionPoints
            aligned.charts[1].counter = current.choiceText
            return aligned
        }
    }

    /// The two charts without an iteration: the objective's curve over the space's axis, and the empty
    /// acquisition chart below it on the same axis.
    func boStepAxes(_ panel: BOStepPanel, landscape: SearchLandscape, theme: Theme) -> (Chart, Chart) {
        let space = panel.search.space
        let (xDomain, xScale) = Self.padded(Self.axis(space, 0))
        let curve = (0..<landscape.columns).map { i -> Point in
            let u = Double(i) / Double(max(1, landscape.columns - 1))
            return Point(space.value(0, at: u).asDouble ?? u, landscape[i, 0])
        }
        let finite = curve.map(\.y).filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1, pad = max(high - low, 1e-9) * 0.35
        let objective = LineMark(points: curve, color: theme.mutedForeground, width: 1.6, dash: [6, 4], label: "objective")
        var top = Chart(yLabel: Self.objectiveLabel(panel.search.objective), xScale: xScale, xDomain: xDomain,
                        yDomain: (low - pad)...(high + pad), marks: [.line(objective)], legend: legend)
        top.placementPoints = curve
        let name = space.dimensions[0].name
        var bottom = Chart(xLabel: name, yLabel: Self.acquisitionName(panel.options.acquisition), xScale: xScale, xDomain: xDomain,
                           yDomain: 0...1, legend: .none)
        bottom.counterPlacement = .auto
        return (top, bottom)
    }

    /// The marks and texts of iteration `iteration` (from 1): the Gaussian process the search fitted to the
    /// trials before its choice, rebuilt from the recorded surrogate, and the acquisition it maximized.
    func boIteration(_ panel: BOStepPanel, _ trials: [SearchTrial], iteration: Int, scaled: Bool, theme: Theme,
                     file: String) throws(SpecError) -> BOIteration {
        let space = panel.search.space, options = panel.options
        let chosen = options.initialCount + iteration - 1
        guard chosen < trials.count, let surrogate = trials[chosen].surrogate else {
            throw SpecError(file: file, "the bo-step record has no surrogate for iteration \(iteration) (trial \(chosen))")
        }
        let earlier = Array(trials[..<chosen])
        let process: GaussianProcess
        do throws(InputError) {
            process = try options.posterior(inputs: earlier.map(\.unit), values: earlier.map(\.value), surrogate: surrogate)
        } catch { throw SpecError(file: file, "bo-step: \(error.message)") }
        let best = BayesianOptimization.finiteTargets(earlier.map(\.value)).min() ?? 0
        let units = (0...200).map { Double($0) / 200 }
        let xs = units.map { space.value(0, at: $0).asDouble ?? $0 }
        let predictions = units.map { process.predict([$0]) }
        let acquisition = predictions.map { options.acquisition.value(mean: $0.mean, std: $0.std, best: best) }
        let peak = max(acquisition.max() ?? 1, surrogate.acquisition, 1e-300)
        let scale = scaled ? 1 / peak : 1

        let accent = theme.lineColor(Palette.colors(for: ["GP mean"])[0])
        let next = Point(xs.isEmpty ? 0 : space.value(0, at: trials[chosen].unit[0]).asDouble ?? 0, trials[chosen].value)
        var surrogateMarks: [Mark] = [
            .band(BandMark(xs: xs, lower: predictions.map { $0.mean - 1.96 * $0.std }, upper: predictions.map { $0.mean + 1.96 * $0.std },
                           color: accent.withAlpha(0.22), label: "mean ± 1.96σ")),
            .line(LineMark(points: zip(xs, predictions).map { Point($0, $1.mean) }, color: accent, width: 2.2, label: "GP mean")),
        ]
        for (k, trial) in earlier.enumerated() {
            surrogateMarks.append(.marker(MarkerMark(point: Point(space.value(0, at: trial.unit[0]).asDouble ?? 0, trial.value), shape: .circle,
                                                     size: theme.fontSize * 0.8, fill: theme.foreground, stroke: theme.background,
                                                     label: k == 0 ? "trials" : nil)))
        }
        surrogateMarks.append(.marker(MarkerMark(point: next, shape: .star, size: theme.fontSize * 1.4, fill: Color(hex: 0xFFD23F),
                                                 stroke: Color(hex: 0x1A1A1A), label: "next trial")))
        let curve = zip(xs, acquisition).map { Point($0, $1 * scale) }
        let floor = Self.acquisitionFloor(options.acquisition, curve.map(\.y))
        let acquisitionMarks: [Mark] = [
            .band(BandMark(xs: xs, lower: xs.map { _ in floor }, upper: curve.map(\.y), color: accent.withAlpha(0.18))),
            .line(LineMark(points: curve, color: accent, width: 1.8)),
            .line(LineMark(points: [Point(next.x, floor), Point(next.x, surrogate.acquisition * scale)], color: theme.mutedForeground, width: 1, dash: [3, 3])),
            .marker(MarkerMark(point: Point(next.x, surrogate.acquisition * scale), shape: .star, size: theme.fontSize * 1.4,
                               fill: Color(hex: 0xFFD23F), stroke: Color(hex: 0x1A1A1A))),
        ]
        let lengthScale = surrogate.lengthScale.first ?? 1
        let kernelText = "\(Self.kernelName(options.kernel)), ℓ = \(Ticks.format(lengthScale, decimals: lengthScale < 0.1 ? 3 : 2)), "
            + "σ² = \(Ticks.format(surrogate.signalVariance, decimals: 2)) (\(options.fit ? "max. likelihood" : "fixed"))"
        let choiceText = "\(Self.acquisitionSetting(options.acquisition)) · next \(space.dimensions[0].name) = "
            + Ticks.format(next.x, decimals: 2)
        return BOIteration(surrogate: surrogateMarks, acquisition: acquisitionMarks, peak: peak, kernelText: kernelText, choiceText: choiceText,
                           acquisitionPoints: curve)
    }

    /// The acquisition chart's y range: from 0 (or the curve's lowest value for the lower confidence bound,
    /// which may be negative) to a little above the peak.
    static func acquisitionDomain(_ acquisition: Acquisition, peak: Double, floor marks: [Mark]) -> ClosedRange<Double> {
        var values: [Double] = []
        for mark in marks { if case .line(let line) = mark { values += line.points.map(\.y) } }
        let low = acquisitionFloor(acquisition, values), high = max(values.max() ?? peak, peak)
        return low...(high + max(high - low, 1e-12) * 0.15)
    }

    /// Where the acquisition's shading starts: 0 for EI and PI, the lowest value for the LCB.
    static func acquisitionFloor(_ acquisition: Acquisition, _ values: [Double]) -> Double {
        if case .lowerConfidenceBound = acquisition { return values.filter(\.isFinite).min() ?? 0 }
        return 0
    }

    static func acquisitionName(_ acquisition: Acquisition) -> String {
        switch acquisition {
        case .expectedImprovement: "EI"
        case .probabilityOfImprovement: "PI"
        case .lowerConfidenceBound: "−LCB"
        }
    }

    static func acquisitionSetting(_ acquisition: Acquisition) -> String {
        switch acquisition {
        case .expectedImprovement(let xi): "EI, ξ = \(pythonRepr(xi))"
        case .probabilityOfImprovement(let xi): "PI, ξ = \(pythonRepr(xi))"
        case .lowerConfidenceBound(let kappa): "LCB, κ = \(pythonRepr(kappa))"
        }
    }

    static func kernelName(_ family: GaussianProcessKernel.Family) -> String {
        switch family {
        case .matern05: "Matérn ½"
        case .matern15: "Matérn 3/2"
        case .matern25: "Matérn 5/2"
        case .rbf: "RBF"
        }
    }
}

extension BayesianOptimization {
    /// The random trials before the first chosen one (at least one).
    var initialCount: Int { Swift.max(1, initial) }
}
