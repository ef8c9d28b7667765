import Foundation
import Simulation
import Plotting

extension FigureSpec {
    /// The numbers a figure measured, by name, each written as text for prose (three significant digits):
    /// what the gallery's takeaways quote as `{figure:fact}`, so that the numbers on the page are the ones in
    /// the picture.
    ///
    /// A panel's facts are named `pN.KEY` (N counts panels from 1), `TITLE.KEY` when the panel has a title,
    /// and plain `KEY` when the figure has one panel. The keys by kind:
    ///
    /// | kind | keys |
    /// |---|---|
    /// | trajectories, loss, surface3d, state-overlay | `final_loss.LABEL` per run, `steps` |
    /// | training-curves | `best_epoch`, `stop_epoch` (where early stopping stopped, else the last epoch), `last_epoch`, `patience`, `best_validation`, `final_validation`, `batch_size`, `epochs` (the budget) |
    /// | l2-sweep | `best_lambda`, `best_validation` |
    /// | search over one dimension | `best`, `low`, `high` (the range within 10 % of the best), `best_value` |
    /// | search over two dimensions | `best_NAME` per dimension, `best_value` |
    /// | lr-sweep | `limit` (2/L), and per run `fastest_lr.LABEL`, `fastest_steps.LABEL`, `best_lr.LABEL`, `best_loss.LABEL`, `low.LABEL`, `high.LABEL` (rates within 2×) |
    public func facts(_ record: FigureRecord) -> [String: String] {
        var facts: [String: String] = [:]
        for (index, (panel, panelRecord)) in zip(panels, record.panels).enumerated() {
            let own = panel.facts(panelRecord)
            let title = panel.title.map { ((try? MathText($0)) ?? MathText(plain: $0)).readable }
            for (key, value) in own {
                facts["p\(index + 1).\(key)"] = value
                if let title { facts["\(title).\(key)"] = value }
                if panels.count == 1 { facts[key] = value }
            }
        }
        return facts
    }
}

extension PanelSpec {
    /// This panel's facts (see ``FigureSpec/facts(_:)``).
    func facts(_ record: PanelRecord) -> [String: String] {
        var facts: [String: String] = [:]
        for run in record.runs ?? [] {
            if let loss = run.trace.losses.last(where: \.isFinite) { facts["final_loss.\(run.label)"] = Self.factText(loss) }
            facts["steps"] = String(max(Int(facts["steps"] ?? "0") ?? 0, run.trace.points.count - 1))
        }
        switch content {
        case .trainingCurves(let training):
            guard let result = record.training else { break }
            let validation = result.epochs.compactMap { epoch in epoch.validationLoss.map { (epoch.epoch, $0) } }
            if let best = result.bestEpoch ?? validation.min(by: { $0.1 < $1.1 })?.0 {
                facts["best_epoch"] = String(best)
                if let loss = validation.first(where: { $0.0 == best })?.1 { facts["best_validation"] = Self.factText(loss) }
            }
            if let last = result.epochs.last {
                facts["stop_epoch"] = String(result.stopEpoch ?? last.epoch)
                facts["last_epoch"] = String(last.epoch)
                if let loss = last.validationLoss { facts["final_validation"] = Self.factText(loss) }
            }
            if let patience = training.earlyStopping?.patience { facts["patience"] = String(patience) }
            facts["batch_size"] = training.batchSize.map(String.init) ?? "\(result.trainCount) (full batch)"
            facts["epochs"] = String(training.epochs)
        case .l2Sweep:
            let fits = (record.fits ?? []).compactMap { fit in fit.validationMSE.map { (fit.lambda, $0) } }
            if let best = fits.min(by: { $0.1 < $1.1 }) {
                facts["best_lambda"] = Self.factText(best.0)
                facts["best_validation"] = Self.factText(best.1)
            }
        case .search(let panel):
            let trials = record.trials ?? []
            let space = panel.search.space
            if panel.show == .curve, let good = panel.goodRange(trials) {
                facts["best"] = Self.factText(good.best)
                facts["low"] = Self.factText(good.range.lowerBound)
                facts["high"] = Self.factText(good.range.upperBound)
            }
            if let best = trials.filter({ $0.value.isFinite }).min(by: { $0.value < $1.value }) {
                facts["best_value"] = Self.factText(best.value)
                if panel.show != .curve {
                    for (k, dimension) in space.dimensions.enumerated() {
                        facts["best_\(dimension.name)"] = space.value(k, at: best.unit[k]).asDouble.map(Self.factText) ?? "\(space.value(k, at: best.unit[k]))"
                    }
                }
            }
        case .lrSweep:
            guard let sweep = record.lrSweep else { break }
            if let limit = sweep.limit { facts["limit"] = Self.factText(limit) }
            for curve in sweep.curves {
                if let fastest = curve.fastest {
                    facts["fastest_lr.\(curve.label)"] = Self.factText(fastest.lr)
                    facts["fastest_steps.\(curve.label)"] = String(fastest.steps)
                }
                if let best = curve.best {
                    facts["best_lr.\(curve.label)"] = Self.factText(best.lr)
                    facts["best_loss.\(curve.label)"] = Self.factText(best.loss)
                }
                if let range = curve.goodRange(minimum: sweep.minimum, tolerance: sweep.tolerance) {
                    facts["low.\(curve.label)"] = Self.factText(range.lowerBound)
                    facts["high.\(curve.label)"] = Self.factText(range.upperBound)
                }
            }
        default:
            break
        }
        return facts
    }

    /// A measured number for prose: three significant digits, trailing zeros kept (0.110, not 0.11), plain
    /// decimals from 0.0001 to 10⁵, else `1.2e-5` style.
    static func factText(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e-4 && magnitude < 1e5 {
            // Rounding can carry into the next decade (0.09996 → 0.1000): count digits after rounding.
            let rounded = Double(String(format: "%.2e", value)) ?? value
            let digits = max(0, 2 - Int(floor(log10(abs(rounded)))))
            return String(format: "%.\(digits)f", rounded)
        }
        var text = String(format: "%.2e", value)
        // 1.20e-05 → 1.2e-5
        if let e = text.firstIndex(of: "e") {
            var mantissa = String(text[..<e]), exponent = String(text[text.index(after: e)...])
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
            let sign = exponent.hasPrefix("-") ? "-" : ""
            exponent = String(exponent.drop { $0 == "-" || $0 == "+" || $0 == "0" })
            text = "\(mantissa)e\(sign)\(exponent.isEmpty ? "0" : exponent)"
        }
        return text
    }
}
