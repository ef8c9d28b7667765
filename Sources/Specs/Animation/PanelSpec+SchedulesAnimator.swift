import Plotting
import Simulation

extension PanelSpec {
    /// The schedules, faint in full, bold up to the current step, with the current lr as a dot and in the legend.
    func schedulesAnimator(_ full: Chart, steps: Int) -> PanelAnimator {
        var base = full
        var moving: [Mark] = []
        base.marks = []
        for mark in full.marks {
            switch mark {
            case .line(var line):
                moving.append(mark)
                line.label = nil
                line.color = line.color.withAlpha(line.color.alpha * 0.25)
                base.marks.append(.line(line))
            case .annotation: base.marks.append(mark)
            default: moving.append(mark)
            }
        }
        base.placementPoints = Self.points(of: moving)
        // Cycled momentum on the second axis moves the same way: faint in full, bold up to the step.
        let momentum = full.secondary?.marks ?? []
        base.secondary?.marks = momentum.map { mark in
            guard case .line(var line) = mark else { return mark }
            line.label = nil
            line.color = line.color.withAlpha(line.color.alpha * 0.25)
            return .line(line)
        }
        // The same clock as the runs of a linked panel: at step s the curve shows the lr after s scheduler steps,
        // the value a scheduled run's read-out shows at its step s.
        let curves = moving
        return PanelAnimator(base: base, steps: steps) { panel, step, counted in
            guard var chart = panel as? Chart else { return panel }
            chart.foregroundMarks = Self.reveal(curves, upTo: Double(step), readout: "lr ")
            chart.secondary?.foregroundMarks = Self.reveal(momentum, upTo: Double(step), readout: "")
            chart.counter = counted ? Self.counterText("step", step, of: steps) : nil
            return chart
        }
    }
}
