import Plotting
import Simulation

extension PanelSpec {
    /// Train and validation loss against epoch for a real training run (log y when positive), with the
    /// early-stopping story marked: the best epoch, the patience window after it (shaded), the stop epoch, and
    /// the restored checkpoint (a ring on the validation curve at the best epoch). A run stopped early leaves
    /// 12 % of empty epochs after the stop.
    func trainingChart(_ run: TrainingRecord, theme: Theme) -> Chart {
        let train = run.epochs.map { Point(Double($0.epoch), $0.trainLoss) }
        let validation = run.epochs.compactMap { record in record.validationLoss.map { Point(Double(record.epoch), $0) } }
        let values = (train + validation).map(\.y).filter(\.isFinite)
        let positive = values.allSatisfy { $0 > 0 }
        var low = values.min() ?? 0, high = values.max() ?? 1
        if positive { low /= 1.3; high *= 1.3 } else { let pad = (high - low) * 0.05; low -= pad; high += pad }
        let lastEpoch = Double(run.epochs.last?.epoch ?? 1)
        // A run stopped early gets some empty epochs after the stop, so the stop line stands clear of the frame
        // and the missing epochs show that training ended there.
        let xEnd = run.stopEpoch == nil ? lastEpoch : lastEpoch + max(2, (lastEpoch * 0.12).rounded(.up))
        var marks: [Mark] = []
        if let best = run.bestEpoch, let stop = run.stopEpoch {
            marks.append(.band(BandMark(xs: [Double(best), Double(stop)], lower: [low, low], upper: [high, high],
                                        color: theme.foreground.withAlpha(0.07), label: "patience window")))
        }
        marks.append(.line(LineMark(points: train, color: Palette.blue, width: theme.lineWidth, label: "training loss")))
        marks.append(.line(LineMark(points: validation, color: Palette.vermillion, width: theme.lineWidth, label: "validation loss")))
        if let best = run.bestEpoch {
            marks.append(.rule(RuleMark(x: Double(best), label: "best epoch \(best)", color: Palette.bluishGreen)))
            if let point = validation.first(where: { $0.x == Double(best) }) {
                marks.append(.marker(MarkerMark(point: point, shape: .circle, size: theme.fontSize * 1.0, fill: theme.background,
                                                stroke: Palette.bluishGreen, label: run.restoredBest ? "restored checkpoint" : "best")))
            }
        }
        if let stop = run.stopEpoch {
            marks.append(.rule(RuleMark(x: Double(stop), label: "stopped at \(stop)", color: theme.foreground.withAlpha(0.7))))
        }
        marks += annotationMarks
        return Chart(title: title ?? "Training and validation loss", xLabel: "epoch", yLabel: "loss", yScale: positive ? .log : .linear,
                     xDomain: 0...max(1, xEnd), yDomain: low...high, marks: marks,
                     legend: legend, grid: true)
    }
}
