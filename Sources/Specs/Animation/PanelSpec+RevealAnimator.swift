import Plotting
import Simulation

extension PanelSpec {
    /// A chart whose marks are revealed from left to right: the marks of `full` up to the current step, with a
    /// dot at the end of each labelled line.
    func revealAnimator(_ full: Chart, steps: Int, readout: String?) -> PanelAnimator {
        var base = full
        let moving = full.marks.filter { if case .annotation = $0 { false } else { true } }
        base.marks = full.marks.filter { if case .annotation = $0 { true } else { false } }
        base.placementPoints = Self.points(of: moving)
        let domain = full.xDomain
        return PanelAnimator(base: base, steps: steps) { panel, step, counted in
            guard var chart = panel as? Chart else { return panel }
            let x = domain.lowerBound + (domain.upperBound - domain.lowerBound) * Double(step) / Double(max(1, steps))
            chart.foregroundMarks = Self.reveal(moving, upTo: x, readout: readout)
            chart.counter = counted ? Self.counterText("step", step, of: steps) : nil
            return chart
        }
    }
}
