import Foundation
import Plotting
import Simulation

extension FigureSpec {
    /// The most characters a short alt text has.
    public static let shortAltLength = 150

    /// Alt text of at most ``shortAltLength`` characters — the chart type, its data, and what to see — for an
    /// image's `alt`; the long description (``altText(_:)``) carries the numbers. The spec's own `alt`, when
    /// given, is used as it is.
    ///
    /// - Throws: ``SpecError`` when the record does not belong to this spec.
    public func shortAltText(_ record: FigureRecord) throws(SpecError) -> String {
        if let alt { return alt }
        try checkShape(of: record)
        if let summary = hyperbandSummary(record) { return Self.shortened(summary, to: Self.shortAltLength) }
        let parts = zip(panels, record.panels).map { $0.shortAltText($1) }
        let text = parts.count == 1 ? parts[0] : "\(parts.count) panels: " + parts.joined(separator: "; ")
        return Self.shortened(text, to: Self.shortAltLength)
    }

    /// One clause for a figure made only of Hyperband panels (curves of its brackets and their table), which
    /// panel by panel would not fit: the search, what is drawn, and the configuration with the lowest value.
    func hyperbandSummary(_ record: FigureRecord) -> String? {
        guard panels.count > 1, record.inset == nil else { return nil }
        var hyperband: Hyperband?, names: [String] = [], brackets = Set<Int>(), table = false
        for panel in panels {
            switch panel.content {
            case .hyperband(let content):
                hyperband = hyperband ?? content.hyperband
                names = content.search.space.dimensions.map(\.name)
                brackets.formUnion(content.brackets.map(\.s))
            case .hyperbandTable(let content):
                hyperband = hyperband ?? content.hyperband
                table = true
            default:
                return nil
            }
        }
        guard let hyperband else { return nil }
        var parts: [String] = []
        if !brackets.isEmpty { parts.append("learning curves of \(brackets.count) bracket\(brackets.count == 1 ? "" : "s")") }
        if table { parts.append("\(brackets.isEmpty ? "the" : "their") n × r table") }
        let trials = record.panels.flatMap { $0.trials ?? [] }
        return "Hyperband, R=\(hyperband.maxResource), η=\(hyperband.eta): " + parts.joined(separator: " and ") + PanelSpec.bestConfiguration(trials, names: names)
    }

    /// `text` cut at a word boundary to at most `limit` characters, with an ellipsis when cut.
    static func shortened(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = String(text.prefix(limit - 1))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut.trimmingCharacters(in: [",", ";", ":", " "]) + "…"
    }
}

extension PanelSpec {
    /// One clause: "<chart> of <data>; <what to see>".
    func shortAltText(_ record: PanelRecord) -> String {
        let runs = record.runs ?? []
        let count = runs.count == 1 ? "1 run" : "\(runs.count) runs"
        switch content {
        case .trajectories(let panel):
            return "Map of \(count) on \(Self.surfaceWords(panel.runs.surface.surface))" + Self.lowest(runs)
        case .loss(let panel):
            return "Line chart of loss against \(panel.xAxis == .epochs ? "epoch" : "step") for \(count)" + Self.lowest(runs)
        case .gradientField(let panel):
            return "Arrows of \(panel.direction == .ascent ? "the gradient, pointing uphill" : "−∇f, pointing downhill") over \(Self.surfaceWords(panel.runs.surface.surface))"
        case .stateOverlay(let panel):
            switch panel.overlay {
            case .velocity: return "Map of \(count) on \(Self.surfaceWords(panel.runs.surface.surface)) with momentum arrows along the paths"
            case .stepSize: return "Line chart of per-coordinate step size against step for \(count)"
            case .evaluations: return "Bar chart of function evaluations per step for \(count)"
            }
        case .surface3d(let panel):
            return "3-D surface of \(Self.surfaceWords(panel.runs.surface.surface)) with \(count) drawn on it"
        case .schedules(let panel):
            return "Line chart of learning rate against step for \(panel.curves.count) schedule\(panel.curves.count == 1 ? "" : "s")"
        case .trainingCurves:
            guard let training = record.training else { return "Line chart of training and validation loss per epoch" }
            return "Line chart of training and validation loss per epoch"
                + (training.stopEpoch.map { stop in "; early stopping at epoch \(stop)" } ?? "")
                + (training.bestEpoch.map { best in ", best epoch \(best)" } ?? "")
        case .l2Fits(let ridge):
            return "Degree-\(ridge.degree) polynomial fits for \(ridge.lambdas.count) L2 penalties: small λ wiggles, large λ flattens"
        case .l2Sweep:
            let best = (record.fits ?? []).filter { $0.validationMSE != nil }.min { $0.validationMSE! < $1.validationMSE! }
            return "Line chart of training and validation error against λ" + (best.map { "; validation is lowest at λ = \(Self.lambdaText($0.lambda))" } ?? "")
        case .search(let panel):
            let trials = record.trials ?? []
            let space = panel.search.space
            let names = space.dimensions.map(\.name)
            let best = trials.filter { $0.value.isFinite }.min { $0.value < $1.value }
            let bestText = best.map { b in "; best at " + names.indices.map { "\(names[$0]) = " + (space.value($0, at: b.unit[$0]).asDouble.map { Self.lambdaText($0) } ?? "\(space.value($0, at: b.unit[$0]))") }.joined(separator: ", ") } ?? ""
            switch panel.show {
            case .heatmap: return "Heatmap of the objective over \(names.joined(separator: " and ")) with \(trials.count) trials" + bestText
            case .marginals:
                return "\(trials.count) trials testing \(Set(trials.map { $0.unit[0] }).count) values of \(names[0]), with the objective's marginals" + bestText
            case .curve:
                let good = panel.goodRange(trials)
                return "Line chart of the objective against \(names[0]) with \(trials.count) trials" + bestText
                    + (good.map { "; within 10 % from \(Self.lambdaText($0.range.lowerBound)) to \(Self.lambdaText($0.range.upperBound))" } ?? "")
            }
        case .searchConvergence(let panel):
            return "Best value so far against trials for \((record.convergence ?? []).count) samplers, median and IQR over \(panel.seeds) seeds"
        case .boStep(let panel):
            return "Bayesian optimization, iteration \(panel.iteration): GP mean and 95% band over the trials, and the acquisition choosing the next"
        case .hyperband(let panel):
            let trials = record.trials ?? []
            let names = panel.search.space.dimensions.map(\.name)
            guard panel.brackets.count == 1, let bracket = panel.brackets.first, let first = bracket.rungs.first, let last = bracket.rungs.last else {
                return "Learning curves of Hyperband's \(panel.brackets.count) brackets, R=\(panel.hyperband.maxResource)" + Self.bestConfiguration(trials, names: names)
            }
            return "Learning curves of bracket s=\(bracket.s): \(first.count) configs from \(first.budget) step\(first.budget == 1 ? "" : "s"), "
                + "\(last.count) reach \(last.budget)" + Self.bestConfiguration(trials, names: names)
        case .hyperbandTable(let panel):
            let names = panel.search?.space.dimensions.map(\.name) ?? []
            let best = record.trials.map { Self.bestConfiguration($0, names: names) } ?? ""
            return "Table of n × r per rung for \(panel.brackets.count) Hyperband bracket\(panel.brackets.count == 1 ? "" : "s"), "
                + "R=\(panel.hyperband.maxResource), η=\(panel.hyperband.eta)" + best
        case .l2Contours:
            return "Loss contours over (w, b) with L2 circles; the optimum moves towards the origin as λ grows"
        case .lrSweep(let panel) where panel.show == .table:
            let curves = record.lrSweep?.curves ?? []
            let lowest = curves.compactMap { curve in curve.best.map { (curve.label, $0.loss) } }.min { $0.1 < $1.1 }
            return "Table of best learning rate, final loss and steps for \(curves.count) optimizers"
                + (lowest.map { "; lowest loss: \($0.0)" } ?? "")
        case .lrSweep:
            let limit = record.lrSweep?.limit.map { "; the steps climb to a cliff at 2/L = \(Self.lambdaText($0))" } ?? ""
            return "Line chart of steps to converge against learning rate (log) for \(record.lrSweep?.curves.count ?? 0) optimizer\(record.lrSweep?.curves.count == 1 ? "" : "s")" + limit
        }
    }

    /// A surface in a few words for alt text: its name without parameters (`the Rosenbrock function`, `a
    /// quadratic ravine of condition number 20`), or `f = formula` for an expression.
    static func surfaceWords(_ surface: any Surface) -> String {
        let name = surface.name
        if name.hasPrefix("expr:") { return "f = " + FigureSpec.shortened(String(name.dropFirst(5)), to: 40) }
        let base = String(name.prefix { $0 != "(" })
        switch base {
        case "rosenbrock": return "the Rosenbrock function"
        case "himmelblau": return "Himmelblau's function"
        case "ackley": return "the Ackley function"
        case "beale": return "the Beale function"
        case "booth": return "the Booth function"
        case "goldstein_price": return "the Goldstein–Price function"
        case "matyas": return "the Matyas function"
        case "rastrigin": return "the Rastrigin function"
        case "saddle": return "a saddle"
        case "six_hump_camel": return "the six-hump camel function"
        case "styblinski_tang": return "the Styblinski–Tang function"
        case "quadratic":
            if let range = name.range(of: "condition_number="), let value = Double(name[range.upperBound...].prefix { "0123456789.e+-".contains($0) }) {
                return value == 1 ? "a round quadratic bowl" : "a quadratic ravine of condition number \(Self.lambdaText(value))"
            }
            return "a quadratic bowl"
        case "linreg": return "the linear-regression loss over (w, b)"
        case "mlp_slice": return "a 2-D slice of a small network's loss"
        default: return "the \(base) surface"
        }
    }

    /// "; best lr = 0.0873, momentum = 0.539 (s=2)": the values of the trial with the lowest value, in three
    /// significant digits, and its bracket.
    static func bestConfiguration(_ trials: [SearchTrial], names: [String]) -> String {
        guard let best = trials.filter({ $0.value.isFinite }).min(by: { $0.value < $1.value }) else { return "" }
        let values = names.map { name in "\(name) = " + (best.params[name].map { value in value.asDouble.map { lambdaText($0) } ?? value.description } ?? "?") }
        return "; best " + values.joined(separator: ", ") + (best.bracket.map { " (s=\($0))" } ?? "")
    }

    /// "; lowest: Adam" for the run with the lowest final loss, among several runs that did not diverge.
    private static func lowest(_ runs: [RunRecord]) -> String {
        guard runs.count > 1, let best = runs.filter({ $0.trace.divergedAt == nil && !$0.trace.losses.isEmpty })
            .min(by: { $0.trace.losses.last! < $1.trace.losses.last! }) else { return "" }
        let label = ((try? MathText(best.label)) ?? MathText(plain: best.label)).readable
        return "; \(label) ends lowest"
    }
}
