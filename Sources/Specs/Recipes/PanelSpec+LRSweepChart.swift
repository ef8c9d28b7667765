import Plotting
import Simulation

extension PanelSpec {
    /// Steps to the tolerance against the learning rate, both on log axes: one line per optimizer through
    /// the rates that reached it, an open ring on the top edge for a rate that did not within the steps
    /// allowed and a cross for one that diverged, and the plain-gradient-descent limit `2/L` as a labelled
    /// rule (``LRSweepPanel``).
    func lrSweepChart(_ panel: LRSweepPanel, _ record: LRSweepRecord, theme: Theme) -> Chart {
        let colors = Palette.colors(for: record.curves.map(\.label))
        // Rates that never got there sit in a band above the step budget, under the rule's label.
        let top = Double(record.maxSteps) * 4, shelf = Double(record.maxSteps) * 1.7
        let reached = record.curves.flatMap { $0.steps.compactMap { $0 } }
        let bottom = max(1, Double(reached.min() ?? 1) / 2)
        let lrs = panel.lrs
        var marks: [Mark] = []
        var notReached = false, divergedAny = false
        for (k, curve) in record.curves.enumerated() {
            let color = theme.lineColor(colors[k])
            // Lines through consecutive rates that reached the tolerance.
            var segment: [Point] = []
            var labelled = false
            func flush() {
                if segment.count > 1 || (segment.count == 1 && !labelled) {
                    marks.append(.line(LineMark(points: segment, color: color, width: theme.lineWidth, dash: theme.dash(forRun: k),
                                                label: labelled ? nil : curve.label)))
                    labelled = true
                }
                segment = []
            }
            for (i, lr) in curve.lrs.enumerated() {
                if let steps = curve.steps[i] {
                    segment.append(Point(lr, Double(max(steps, 1))))
                } else {
                    flush()
                    let diverged = curve.diverged[i]
                    marks.append(.marker(MarkerMark(point: Point(lr, shelf), shape: diverged ? .cross : .circle, size: theme.fontSize * 0.6,
                                                    fill: diverged ? color : theme.background, stroke: color,
                                                    label: diverged ? (divergedAny ? nil : "diverged") : (notReached ? nil : "not within \(record.maxSteps) steps"))))
                    if diverged { divergedAny = true } else { notReached = true }
                }
            }
            flush()
        }
        if let limit = record.limit, let first = lrs.first, let last = lrs.last, limit >= first, limit <= last {
            marks.append(.rule(RuleMark(x: limit, label: "2/L = \(Self.lambdaText(limit))", color: theme.foreground)))
        }
        marks += annotationMarks
        var chart = Chart(title: title ?? "Steps to converge against the learning rate",
                          xLabel: "learning rate $\\eta$", yLabel: "steps until $f - f^* \\leq$ \(Self.lambdaText(record.tolerance))",
                          xScale: .log, yScale: .log, xDomain: (lrs.first ?? 1e-4)...(lrs.last ?? 1), yDomain: bottom...top,
                          marks: marks, legend: legend, grid: true)
        chart.counter = record.curves.compactMap { curve in curve.fastest.map { "\(curve.label): fastest \($0.steps) steps at η = \(Self.lambdaText($0.lr))" } }
            .joined(separator: "\n").nilIfEmpty
        return chart
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension PanelSpec {
    /// The sweep as a measured comparison (`show: table`): a row per run, in its series colour, with the rate
    /// of lowest final loss, that loss, the fewest steps to the tolerance over all rates (with the rate that
    /// took them) and the rates whose final error is within 2× of the best (``LRSweepCurve/goodRange(minimum:tolerance:)``).
    /// The lowest final loss and the fewest steps are in bold.
    func lrSweepTable(_ panel: LRSweepPanel, _ record: LRSweepRecord, theme: Theme) -> TablePanel {
        let colors = Palette.colors(for: record.curves.map(\.label))
        let bests = record.curves.map(\.best), fastest = record.curves.map(\.fastest)
        let lowest = bests.compactMap { $0?.loss }.min(), quickest = fastest.compactMap { $0?.steps }.min()
        let header = ["", "best η", "final loss", "steps to \(Self.tableNumber(record.tolerance))", "η within 2×"].map { TablePanel.Cell($0, bold: true) }
        let rows = record.curves.enumerated().map { k, curve -> [TablePanel.Cell] in
            let best = bests[k], fast = fastest[k]
            let range = curve.goodRange(minimum: record.minimum, tolerance: record.tolerance)
            return [TablePanel.Cell(curve.label, color: theme.lineColor(colors[k]), bold: true),
                    TablePanel.Cell(best.map { Self.tableNumber($0.lr) } ?? "–"),
                    TablePanel.Cell(best.map { Self.tableNumber($0.loss) } ?? "diverged", bold: best != nil && best?.loss == lowest),
                    TablePanel.Cell(fast.map { "\($0.steps) (η \(Self.tableNumber($0.lr)))" } ?? "never", bold: fast != nil && fast?.steps == quickest),
                    TablePanel.Cell(range.map { "\(Self.tableNumber($0.lowerBound))–\(Self.tableNumber($0.upperBound))" } ?? "–")]
        }
        let lrs = panel.lrs
        return TablePanel(title: title ?? "Optimizers on \(panel.runs.surface.surface.name)", header: header, rows: rows,
                          note: "\(lrs.count) rates η from \(Self.tableNumber(lrs.first ?? .nan)) to \(Self.tableNumber(lrs.last ?? .nan)), "
                              + "\(record.maxSteps) steps each; within 2×: final f − f* at most twice the best's")
    }
}
