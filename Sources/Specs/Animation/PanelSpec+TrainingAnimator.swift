import Plotting
import Simulation

extension PanelSpec {
    /// Training and validation loss growing epoch by epoch, with the best epoch so far ringed and early
    /// stopping marked when it fires; the x axis spans the whole budget, not the epochs the run lasted.
    func trainingAnimator(_ full: Chart, _ run: TrainingRecord, theme: Theme) -> PanelAnimator {
        var base = full
        base.marks = base.marks.filter { if case .annotation = $0 { true } else { false } }
        let epochs = run.epochs
        let lastEpoch = epochs.last?.epoch ?? 1
        let yDomain = base.yDomain
        // The x axis spans the whole epoch budget, so it does not give away where early stopping will end the run.
        if case .trainingCurves(let training) = content, run.stopEpoch != nil { base.xDomain = 0...Double(max(training.epochs, 1)) }
        // The legend keeps clear of the curves and of the labels that the best-epoch and stop rules get at the
        // top of the plot.
        base.placementPoints = epochs.flatMap { record in
            [Point(Double(record.epoch), record.trainLoss)] + (record.validationLoss.map { [Point(Double(record.epoch), $0)] } ?? [])
        } + [run.bestEpoch, run.stopEpoch].compactMap { $0 }.map { Point(Double($0), yDomain.upperBound) }
        return PanelAnimator(base: base, steps: max(1, lastEpoch)) { panel, epoch, counted in
            guard var chart = panel as? Chart else { return panel }
            let shown = epochs.filter { $0.epoch <= epoch }
            let train = shown.map { Point(Double($0.epoch), $0.trainLoss) }
            let validation = shown.compactMap { record in record.validationLoss.map { Point(Double(record.epoch), $0) } }
            var marks: [Mark] = []
            let stopped = run.stopEpoch.map { epoch >= $0 } ?? false
            if stopped, let best = run.bestEpoch, let stop = run.stopEpoch {
                marks.append(.band(BandMark(xs: [Double(best), Double(stop)], lower: [yDomain.lowerBound, yDomain.lowerBound],
                                            upper: [yDomain.upperBound, yDomain.upperBound], color: theme.foreground.withAlpha(0.07),
                                            label: "patience window")))
            }
            var trainLine = LineMark(points: train, color: Palette.blue, width: theme.lineWidth, label: "training loss")
            trainLine.detail = train.last.map { Self.scientific($0.y) }
            var validationLine = LineMark(points: validation, color: Palette.vermillion, width: theme.lineWidth, label: "validation loss")
            validationLine.detail = validation.last.map { Self.scientific($0.y) }
            marks += [.line(trainLine), .line(validationLine)]
            for (points, color) in [(train, Palette.blue), (validation, Palette.vermillion)] {
                if let end = points.last {
                    marks.append(.marker(MarkerMark(point: end, shape: .circle, size: theme.lineWidth * 3.6, fill: color, stroke: theme.background)))
                }
            }
            // The best epoch so far, on the monitored curve (validation when there is one).
            let monitored = (validation.isEmpty ? train : validation).filter { $0.x >= 1 }
            if let best = monitored.min(by: { $0.y < $1.y }) {
                let label = stopped ? (run.restoredBest ? "restored checkpoint" : "best") : "best so far"
                if stopped { marks.append(.rule(RuleMark(x: best.x, label: "best epoch \(Int(best.x))", color: Palette.bluishGreen))) }
                marks.append(.marker(MarkerMark(point: best, shape: .circle, size: theme.fontSize * 1.0, fill: theme.background,
                                                stroke: Palette.bluishGreen, label: label)))
            }
            if stopped, let stop = run.stopEpoch {
                marks.append(.rule(RuleMark(x: Double(stop), label: "early stop at \(stop)", color: theme.foreground.withAlpha(0.7))))
            }
            chart.foregroundMarks = marks
            chart.counter = counted ? Self.counterText("epoch", epoch, of: lastEpoch) : nil
            return chart
        }
    }
}
