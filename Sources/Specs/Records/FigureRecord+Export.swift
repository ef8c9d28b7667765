import Foundation
import Simulation

/// The record as files: JSON (the `Codable` form) and a CSV table, what `descent render --format json,csv`
/// writes beside a figure.
extension FigureRecord {
    /// The coder's spelling of numbers that JSON cannot hold (an optimizer state that overflowed).
    static let nonFinite = (positive: "Infinity", negative: "-Infinity", nan: "NaN")

    /// A JSON encoder for records: keys sorted (the same bytes every run), shortest round-trip numbers,
    /// non-finite numbers as the strings "Infinity", "-Infinity" and "NaN".
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: nonFinite.positive,
                                                                       negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        return encoder
    }

    /// The JSON decoder matching ``encoder()``.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: nonFinite.positive,
                                                                         negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        return decoder
    }

    /// The record as one JSON object (UTF-8), ending in a newline.
    public func json() throws -> Data {
        var data = try Self.encoder().encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// The record as one CSV table in long form: a row per point of every series, with the columns
    /// `panel` (1, 2, …; `inset`), `kind`, `series` (the run, curve or data set) and then the named numbers
    /// that series has — `step,x,y,loss,lr` and state columns for runs (as `descent trace` prints them),
    /// `x,y,u,v` for gradient arrows, `step,lr,momentum` for schedules, the epoch columns of `descent train`
    /// for training, `x,y` for data and fitted curves, `lambda,train_mse,validation_mse,theta_0,…` for
    /// ridge fits, `budget,value,best_so_far` (and `bracket,rung` under Hyperband) and the parameters for
    /// search trials, and `bracket,rung,configurations,resource,budget` for a Hyperband table's rungs. A cell
    /// a series does not have is empty.
    public func csv() -> String {
        var table = CSVTable()
        for (k, panel) in panels.enumerated() { panel.addRows(to: &table, panel: String(k + 1)) }
        inset?.addRows(to: &table, panel: "inset")
        return table.text
    }
}

/// Rows of named cells, written with the union of their columns in the order they first appear.
struct CSVTable {
    private(set) var columns = ["panel", "kind", "series"]
    private var rows: [[String: String]] = []

    mutating func add(_ row: [(String, String)]) {
        for (column, _) in row where !columns.contains(column) { columns.append(column) }
        rows.append(Dictionary(row, uniquingKeysWith: { $1 }))
    }

    var text: String {
        ([columns.joined(separator: ",")] + rows.map { row in columns.map { Self.quoted(row[$0] ?? "") }.joined(separator: ",") })
            .joined(separator: "\n") + "\n"
    }

    /// A cell quoted as RFC 4180 asks when it holds a comma, a quote or a line break.
    static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension PanelRecord {
    /// Adds this panel's series to `table`.
    func addRows(to table: inout CSVTable, panel: String) {
        let lead = { (series: String) in [("panel", panel), ("kind", kind), ("series", series)] }
        func number(_ value: Double?) -> String { value.map(pythonRepr) ?? "" }
        for run in runs ?? [] {
            // The trace's own CSV (header step,x,y,loss,lr and any state columns), one row per point.
            let lines = run.trace.csv().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            for (index, line) in lines.dropFirst().enumerated() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                var row = lead(run.label) + Array(zip(header, cells))
                if let sizes = run.stepSizes, index > 0, index - 1 < sizes.count {
                    row += sizes[index - 1].enumerated().map { ("step_size_\($0.offset == 0 ? "x" : $0.offset == 1 ? "y" : "\($0.offset)")", number($0.element)) }
                }
                table.add(row)
            }
        }
        if let arrows {
            for (point, vector) in zip(arrows.points, arrows.vectors) {
                table.add(lead("arrows") + [("x", number(point.x)), ("y", number(point.y)), ("u", number(vector.x)), ("v", number(vector.y))])
            }
        }
        for curve in schedules ?? [] {
            for (step, lr) in curve.run.lrs.enumerated() {
                var row = lead(curve.label) + [("step", String(step)), ("lr", number(lr))]
                if let momentum = curve.run.momentum, step < momentum.count { row.append(("momentum", number(momentum[step]))) }
                table.add(row)
            }
        }
        if let training {
            for epoch in training.epochs {
                table.add(lead("training") + [
                    ("epoch", String(epoch.epoch)), ("train_loss", number(epoch.trainLoss)), ("validation_loss", number(epoch.validationLoss)),
                    ("train_accuracy", number(epoch.trainAccuracy)), ("validation_accuracy", number(epoch.validationAccuracy)),
                    ("lr", number(epoch.lr)), ("grad_norm", number(epoch.gradientNorm)), ("updates", String(epoch.updates)),
                ])
            }
        }
        if let data {
            for point in data.train { table.add(lead("training data") + [("x", number(point.x)), ("y", number(point.y))]) }
            for point in data.validation { table.add(lead("validation data") + [("x", number(point.x)), ("y", number(point.y))]) }
        }
        for trial in trials ?? [] {
            var row = lead("trial \(trial.id)") + [("budget", String(trial.budget)), ("value", number(trial.value)), ("best_so_far", number(trial.bestSoFar))]
            // Hyperband's trials say where they ran; a configuration's id comes back at each rung it reached.
            if let bracket = trial.bracket, let rung = trial.rung { row += [("bracket", String(bracket)), ("rung", String(rung))] }
            row += trial.params.keys.sorted().map { ($0, trial.params[$0]!.description) }
            table.add(row)
        }
        if let landscape {
            // The objective under the trials, at unit coordinates of the space.
            for j in 0..<landscape.rows {
                for i in 0..<landscape.columns {
                    var row = lead("landscape") + [("u", number(Double(i) / Double(max(1, landscape.columns - 1))))]
                    if landscape.rows > 1 { row.append(("v", number(Double(j) / Double(landscape.rows - 1)))) }
                    table.add(row + [("value", number(landscape[i, j]))])
                }
            }
        }
        for curve in convergence ?? [] {
            for (seed, row) in curve.bestSoFar.enumerated() {
                let series = curve.bestSoFar.count == 1 ? curve.sampler : "\(curve.sampler) seed \(seed + 1)"
                for (trials, best) in zip(curve.trials, row) {
                    table.add(lead(series) + [("trials", String(trials)), ("best_so_far", number(best))])
                }
            }
        }
        for rung in rungs ?? [] {
            table.add(lead("bracket \(rung.bracket)") + [("bracket", String(rung.bracket)), ("rung", String(rung.rung)),
                                                          ("configurations", String(rung.count)), ("resource", number(rung.resource)),
                                                          ("budget", String(rung.budget))])
        }
        if let lrSweep {
            for curve in lrSweep.curves {
                for (k, lr) in curve.lrs.enumerated() {
                    table.add(lead(curve.label) + [("lr", number(lr)), ("steps_to_tolerance", curve.steps[k].map(String.init) ?? ""),
                                                   ("diverged", curve.diverged[k] ? "true" : "false"), ("final_loss", curve.finals[k].map(number) ?? "")])
                }
            }
        }
        for fit in fits ?? [] {
            let series = "lambda=\(pythonRepr(fit.lambda))"
            table.add(lead(series) + [("lambda", number(fit.lambda)), ("train_mse", number(fit.trainMSE)), ("validation_mse", number(fit.validationMSE))]
                      + fit.coefficients.enumerated().map { ("theta_\($0.offset)", number($0.element)) })
            for point in fit.curve ?? [] { table.add(lead(series + " curve") + [("x", number(point.x)), ("y", number(point.y))]) }
        }
    }
}
