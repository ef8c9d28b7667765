import Foundation
import Plotting
import Simulation

extension FigureSpec {
    /// A plain-language description of the figure for readers who cannot see it: what it shows (surface,
    /// runs, axes) and the outcome (where each run ended, which got lowest, which diverged). The spec's own
    /// `alt` text replaces it when given. `descent render` writes it beside each image as `NAME.alt.txt`.
    ///
    /// - Throws: ``SpecError`` when the record does not belong to this spec.
    public func altText(_ record: FigureRecord) throws(SpecError) -> String {
        if let alt { return alt }
        try checkShape(of: record)
        for (panel, panelRecord) in zip(panels, record.panels) { try panel.check(panelRecord, file: file) }
        if let inset, let insetRecord = record.inset { try inset.check(insetRecord, file: file) }
        let parts = zip(panels, record.panels).map { $0.altText($1) }
        let said = headline.map { ((try? MathText($0)) ?? MathText(plain: $0)).readable + ". " }
        var text = parts.count == 1 ? (said ?? "") + parts[0] : (said ?? "A figure of \(parts.count) panels. ") + parts.enumerated().map { "Panel \($0.offset + 1): \($0.element)" }.joined(separator: " ")
        if let inset, let insetRecord = record.inset { text += " An inset shows: " + inset.altText(insetRecord) }
        return text
    }
}

extension PanelSpec {
    /// The description of one panel, from its record (see ``FigureSpec/altText(_:)``).
    func altText(_ record: PanelRecord) -> String {
        let heading = title.map { "\(plain($0)). " } ?? ""
        let runs = record.runs ?? []
        func window(_ view: ViewWindow) -> String {
            "x from \(number(view.x.lowerBound)) to \(number(view.x.upperBound)) and y from \(number(view.y.lowerBound)) to \(number(view.y.upperBound))"
        }
        switch content {
        case .trajectories(let panel):
            let surface = panel.runs.surface.surface
            let background = panel.style.background
            let shown = background == .heatmap ? "a heatmap" : background == .contours ? "filled contours" : "contour lines"
            return heading + "Paths of \(runList(runs)) on the surface \(surface.name), f = \(surface.formula), over \(window(panel.style.view)), drawn on \(shown) of the loss. "
                + minimaSentence(surface) + outcome(runs)
        case .loss(let panel):
            return heading + "Loss against step for \(runList(runs)) on \(panel.runs.surface.surface.name). " + outcome(runs)
        case .gradientField(let panel):
            let surface = panel.runs.surface.surface
            let direction = panel.direction == .ascent ? "the gradient ∇f, pointing uphill" : "the negative gradient −∇f, pointing downhill"
            return heading + "Arrows of \(direction) on a grid over \(window(panel.style.view)) of \(surface.name), longer where the surface is steeper. "
                + minimaSentence(surface) + (runs.isEmpty ? "" : outcome(runs))
        case .stateOverlay(let panel):
            let surfaceName = panel.runs.surface.surface.name
            switch panel.overlay {
            case .velocity:
                return heading + "Paths of \(runList(runs)) on \(surfaceName) with an arrow every \(panel.every) steps showing the momentum (velocity) the optimizer carries. "
                    + outcome(runs)
            case .stepSize:
                return heading + "The effective step size of each coordinate (x solid, y dashed) against step, on a log scale, for \(runList(runs)) on \(surfaceName)."
            case .evaluations:
                let totals = runs.map { run in
                    let total = (run.trace.state ?? []).compactMap { $0.scalar("evaluations") }.reduce(0, +)
                    return "\(plain(run.label)) used \(Int(total)) function evaluations in \(run.trace.lrs.count) steps"
                }
                return heading + "Bars of function evaluations per step for \(runList(runs)) on \(surfaceName): " + totals.joined(separator: "; ") + "."
            }
        case .schedules(let panel):
            let schedules = record.schedules ?? []
            let described = schedules.map { curve -> String in
                let run = curve.run
                guard let first = run.lrs.first, let last = run.lrs.last else { return "\(plain(curve.label)) recorded no steps" }
                let peak = run.lrs.max() ?? first
                return "\(plain(curve.label)) starts at \(number(first)), peaks at \(number(peak)) and ends at \(number(last))"
                    + (run.momentum == nil ? "" : ", cycling the momentum between \(number(run.momentum!.min()!)) and \(number(run.momentum!.max()!))")
            }
            return heading + "Learning rate against step for \(schedules.count) schedule\(schedules.count == 1 ? "" : "s") over \(panel.steps) steps: "
                + described.joined(separator: "; ") + "."
        case .trainingCurves(let training):
            guard let run = record.training else { return heading + "A training run." }
            var text = heading + "Training and validation loss against epoch for \(plain(training.names.model)) trained with \(plain(training.names.optimizer)) on "
                + "\(plain(training.names.dataset)) (\(run.trainCount) training and \(run.validationCount) validation examples, batch size "
                + "\(training.batchSize.map(String.init) ?? "full"))."
            if let best = run.bestEpoch, let record = run.epochs.first(where: { $0.epoch == best }), let loss = record.validationLoss {
                text += " The validation loss is lowest at epoch \(best) (\(number(loss)))"
                text += run.stopEpoch.map { stop in "; early stopping ends the run at epoch \(stop)" } ?? ""
                text += run.restoredBest ? " and restores the weights of epoch \(best)." : "."
            }
            if run.diverged { text += " The run diverged." }
            return text
        case .l2Fits(let ridge):
            let fits = losses(record).map { "λ = \(number($0.lambda)): training MSE \(number($0.train)), validation MSE \(number($0.validation))" }
            return heading + "Degree-\(ridge.degree) polynomial fits to \(plain(ridge.datasetName)) for several L2 penalties: "
                + fits.joined(separator: "; ") + ". Small penalties follow the noise, large ones flatten the curve."
        case .l2Sweep(let ridge):
            let losses = losses(record)
            let degree = ridge.degree
            guard let best = losses.min(by: { $0.validation < $1.validation }), let first = losses.first, let last = losses.last else {
                return heading + "Training and validation loss against the L2 penalty."
            }
            return heading + "Training and validation loss of a degree-\(degree) polynomial against the L2 penalty λ from \(number(first.lambda)) to "
                + "\(number(last.lambda)) (log scale). The training loss rises with λ; the validation loss is lowest at λ = \(number(best.lambda)) "
                + "(\(number(best.validation))), higher both at \(number(first.lambda)) (\(number(first.validation))) and at \(number(last.lambda)) (\(number(last.validation)))."
        case .search(let panel):
            let trials = record.trials ?? []
            let space = panel.search.space
            let names = space.dimensions.map(\.name)
            var text: String
            switch panel.show {
            case .heatmap:
                text = heading + "A heatmap of the search objective over \(names.joined(separator: " and ")), with the \(trials.count) trials of the search as dots."
            case .marginals:
                let distinct = (0..<2).map { d in Set(trials.map { $0.unit[d] }).count }
                text = heading + "The \(trials.count) trials of the search as dots in the square of \(names[0]) and \(names[1]); above it, the objective "
                    + "averaged over \(names[1]) against \(names[0]), and to the right, averaged over \(names[0]) against \(names[1]), with every trial "
                    + "projected onto both curves. The trials test \(distinct[0]) distinct values of \(names[0]) and \(distinct[1]) of \(names[1])."
            case .curve:
                text = heading + "The search objective against \(names[0])\(Self.axis(space, 0).1 == .log ? " (log scale)" : ""), with the \(trials.count) trials of the search as dots."
                if let good = panel.goodRange(trials) {
                    text += " Values of \(names[0]) from \(number(good.range.lowerBound)) to \(number(good.range.upperBound)) come within 10 % of the best, shaded."
                }
            }
            if let best = trials.filter({ $0.value.isFinite }).min(by: { $0.value < $1.value }) {
                text += " The best trial, \(best.id), has " + names.indices.map { "\(names[$0]) = \(Self.valueText(space.value($0, at: best.unit[$0]), number))" }.joined(separator: ", ")
                    + " and value \(number(best.value))."
            }
            return text
        case .searchConvergence(let panel):
            let curves = record.convergence ?? []
            let parts = curves.map { curve -> String in
                let finals = curve.bestSoFar.compactMap(\.last).sorted()
                let label = Self.samplerLabel(curve.sampler, seeds: curve.bestSoFar.count)
                if curve.bestSoFar.count == 1 {
                    return "\(label) reaches \(number(finals.first ?? .nan)) with its largest grid of \(curve.trials.last ?? 0) trials"
                }
                return "\(label) reaches a median of \(number(Self.quantile(finals, 0.5))) after \(curve.trials.last ?? 0) trials"
            }
            return heading + "The best value found so far against the number of trials, for \(curves.count) samplers on the same objective"
                + " (median and interquartile band over \(panel.seeds) seeds; a grid, which has no randomness, as one point per full grid): "
                + parts.joined(separator: "; ") + "."
        case .boStep(let panel):
            let trials = record.trials ?? []
            let chosen = panel.options.initialCount + panel.iteration - 1
            let name = panel.search.space.dimensions[0].name
            guard chosen < trials.count, let surrogate = trials[chosen].surrogate else { return heading + "One iteration of Bayesian optimization." }
            let x = Self.valueText(panel.search.space.value(0, at: trials[chosen].unit[0]), number)
            return heading + "Iteration \(panel.iteration) of Bayesian optimization over \(name). Above: the objective (dashed), the \(chosen) trials so far "
                + "as dots, and the Gaussian-process surrogate's mean with its 95% band (\(Self.kernelName(panel.options.kernel)) kernel, length scale "
                + "\(number(surrogate.lengthScale.first ?? 1)), \(panel.options.fit ? "fitted by maximum likelihood" : "fixed")); the band is narrow at the "
                + "trials and wide between them. Below: the acquisition (\(Self.acquisitionSetting(panel.options.acquisition))), highest at "
                + "\(name) = \(x), where the next trial goes; it scores \(number(trials[chosen].value)) against the best so far, \(number(surrogate.bestY))."
        case .hyperband(let panel):
            let hyperband = panel.hyperband
            let names = panel.search.space.dimensions.map(\.name)
            let search = "\(halvingName(panel.search.sampler)) (R=\(hyperband.maxResource), η=\(hyperband.eta))"
            let curves = "the \(Self.objectiveLabel(panel.search.objective)) of each configuration against the steps it ran (log scale), one line "
                + "per configuration through the rungs it reached."
            let stopped = " At each rung the best \(share(hyperband.eta)) go on; the others stop there, marked ✕, none better than those kept."
            guard panel.brackets.count == 1, let bracket = panel.brackets.first, let first = bracket.rungs.first else {
                let brackets = panel.brackets.map { bracket in
                    "bracket s=\(bracket.s) runs " + bracket.rungs.map { "\($0.count) × \($0.budget)" }.joined(separator: ", ")
                }
                return heading + "Learning curves of the \(panel.brackets.count) brackets of \(search): " + curves + " "
                    + brackets.joined(separator: "; ") + " (configurations × steps each)." + stopped + " "
                    + bestTrial(record.trials ?? [], names: names)
            }
            let trials = (record.trials ?? []).filter { $0.bracket == bracket.s }
            let later = bracket.rungs.dropFirst().map { "\($0.count) to \($0.budget) steps" }
            return heading + "Learning curves of bracket s=\(bracket.s) of \(search): " + curves + " \(first.count) configurations run "
                + "\(first.budget) step\(first.budget == 1 ? "" : "s") each" + (later.isEmpty ? "" : ", then " + later.joined(separator: ", ")) + "."
                + (later.isEmpty ? "" : stopped) + " " + bestTrial(trials, names: names, lead: "The bracket's lowest value")
        case .hyperbandTable(let panel):
            let hyperband = panel.hyperband
            let rungs = record.rungs ?? []
            let columns = panel.brackets.map { s in
                "s=\(s): " + rungs.filter { $0.bracket == s }.map { "\($0.count) × \($0.budget)" }.joined(separator: ", ")
            }
            let spent = panel.brackets.map { s in rungs.filter { $0.bracket == s }.reduce(0) { $0 + $1.count * $1.budget } }
            var text = heading + "A table of the brackets of \(halvingName(panel.sampler)) "
                + "with R=\(hyperband.maxResource) and η=\(hyperband.eta), configurations × steps at each rung: " + columns.joined(separator: "; ")
                + ". The brackets spend " + spent.map(String.init).joined(separator: ", ") + " steps (\(spent.reduce(0, +)) in all)."
            if let trials = record.trials, let search = panel.search {
                text += " " + bestTrial(trials, names: search.space.dimensions.map(\.name))
            }
            return text
        case .lrSweep(let panel) where panel.show == .table:
            guard let sweep = record.lrSweep else { return heading + "A table comparing optimizers over learning rates." }
            let lrs = sweep.curves.first?.lrs ?? []
            var text = heading + "A table: each optimizer run at \(lrs.count) learning rates from \(number(lrs.first ?? .nan)) to "
                + "\(number(lrs.last ?? .nan)), \(sweep.maxSteps) steps each."
            for curve in sweep.curves {
                text += " \(curve.label): "
                if let best = curve.best {
                    text += "best lr \(number(best.lr)), final loss \(number(best.loss))"
                    if let range = curve.goodRange(minimum: sweep.minimum, tolerance: sweep.tolerance) {
                        text += ", within 2× from lr \(number(range.lowerBound)) to \(number(range.upperBound))"
                    }
                } else {
                    text += "diverged at every rate"
                }
                text += curve.fastest.map { "; reaches \(number(sweep.tolerance)) in \($0.steps) steps at lr \(number($0.lr))." } ?? "; never within \(number(sweep.tolerance))."
            }
            return text
        case .lrSweep:
            guard let sweep = record.lrSweep else { return heading + "Steps to reach the tolerance against the learning rate." }
            let lrs = sweep.curves.first?.lrs ?? []
            var text = heading + "Steps to bring the loss within \(number(sweep.tolerance)) of its minimum against the learning rate, "
                + "\(lrs.count) rates from \(number(lrs.first ?? .nan)) to \(number(lrs.last ?? .nan)) on a log axis, at most \(sweep.maxSteps) steps."
            for curve in sweep.curves {
                text += " \(curve.label): "
                if let fastest = curve.fastest {
                    text += "fastest at lr = \(number(fastest.lr)) (\(fastest.steps) steps)"
                    if let largest = curve.largestReaching { text += ", reaches it up to lr = \(number(largest))" }
                } else {
                    text += "never within the tolerance"
                }
                text += curve.firstDiverged.map { ", diverges from lr = \(number($0))." } ?? "."
            }
            if let limit = sweep.limit { text += " A dashed line marks 2/L = \(number(limit)), where plain gradient descent stops converging." }
            return text
        case .l2Contours(let panel):
            let lambdas = panel.lambdas
            return heading + "Contours of the linear-regression loss over (w, b) with dashed circles of equal L2 penalty; the penalised optimum "
                + "moves from the least-squares fit towards the origin as λ grows through \(lambdas.map(number).joined(separator: ", "))."
        case .surface3d(let panel):
            let surface = panel.runs.surface.surface
            return heading + "A 3-D view of the surface \(surface.name) over \(window(panel.style.view)), seen from azimuth \(number(panel.camera.azimuth))° and elevation \(number(panel.camera.elevation))°, "
                + "coloured by height, with \(runList(runs)) drawn on it. " + minimaSentence(surface) + outcome(runs)
        }
    }

    /// "Hyperband" or "successive halving".
    private func halvingName(_ sampler: Search.Sampler) -> String {
        if case .successiveHalving = sampler { "successive halving" } else { "Hyperband" }
    }

    /// "half", "third" or "1/η" of the configurations.
    private func share(_ eta: Int) -> String {
        eta == 2 ? "half" : eta == 3 ? "third" : eta == 4 ? "quarter" : "1/\(eta)"
    }

    /// The sentence on the lowest value of a Hyperband search: which configuration, with what values, at
    /// what budget in which bracket.
    /// A dimension's value for a description: numbers as `number` writes them, other values as Python would.
    static func valueText(_ value: ComponentValue, _ number: (Double) -> String) -> String {
        value.asDouble.map(number) ?? value.description
    }

    private func bestTrial(_ trials: [SearchTrial], names: [String], lead: String = "The lowest value") -> String {
        guard let best = trials.filter({ $0.value.isFinite }).min(by: { $0.value < $1.value }) else { return "No trial has a finite value." }
        let values = names.map { name in "\(name) = " + (best.params[name].map { value in value.asDouble.map(number) ?? value.description } ?? "?") }
        return "\(lead), \(number(best.value)), is configuration \(best.id)'s (\(values.joined(separator: ", "))) after \(best.budget) steps"
            + (lead == "The lowest value" ? best.bracket.map { " in bracket s=\($0)." } ?? "." : ".")
    }

    /// Each fit's λ with its training and validation errors.
    private func losses(_ record: PanelRecord) -> [(lambda: Double, train: Double, validation: Double)] {
        (record.fits ?? []).map { ($0.lambda, $0.trainMSE ?? .nan, $0.validationMSE ?? .nan) }
    }

    private func runList(_ runs: [RunRecord]) -> String {
        let labels = runs.map { plain($0.label) }
        switch labels.count {
        case 0: return "no optimizer runs"
        case 1: return "one run (\(labels[0]))"
        default: return "\(labels.count) runs (\(labels.joined(separator: ", ")))"
        }
    }

    private func minimaSentence(_ surface: any Surface) -> String {
        let minima = surface.minima
        guard !minima.isEmpty else { return "" }
        let points = minima.map { "(\(number($0.x)), \(number($0.y)))" }.joined(separator: ", ")
        return minima.count == 1 ? "The minimum is at \(points). " : "The minima are at \(points). "
    }

    /// Where each run ended and which did best.
    private func outcome(_ runs: [RunRecord]) -> String {
        var sentences: [String] = []
        var best: (label: String, loss: Double)?
        for run in runs {
            let trace = run.trace
            let label = plain(run.label)
            guard let last = trace.points.last, let loss = trace.losses.last else {
                sentences.append("\(label) diverged at once.")
                continue
            }
            if let step = trace.divergedAt {
                sentences.append("\(label) diverged at step \(step), last seen at (\(number(last.x)), \(number(last.y))).")
                continue
            }
            sentences.append("\(label) ends after \(trace.lrs.count) steps at (\(number(last.x)), \(number(last.y))) with loss \(number(loss)).")
            if best == nil || loss < best!.loss { best = (label, loss) }
        }
        if let best, runs.count > 1 { sentences.append("\(best.label) reaches the lowest loss.") }
        return sentences.joined(separator: " ")
    }

    /// Markup without its `$` and backslashes, for text that is read aloud.
    private func plain(_ text: String) -> String {
        ((try? MathText(text)) ?? MathText(plain: text)).readable
    }

    /// A number with at most four significant digits.
    private func number(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == value.rounded(), abs(value) < 1e6 { return String(Int(value)) }
        let magnitude = abs(value)
        if magnitude >= 1e-3 && magnitude < 1e6 {
            let digits = max(0, 3 - Int(log10(magnitude).rounded(.down)))
            return Ticks.format(value, decimals: min(digits, 6)).replacingOccurrences(of: "\u{2212}", with: "-")
        }
        let exponent = Int(log10(magnitude).rounded(.down))
        let mantissa = value / pow(10, Double(exponent))
        return Ticks.format(mantissa, decimals: 2).replacingOccurrences(of: "\u{2212}", with: "-") + "e\(exponent)"
    }
}
