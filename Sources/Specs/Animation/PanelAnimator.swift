import Plotting
import Simulation

/// How one panel moves: its static part, its step count and a function drawing step s over a copy of it.
struct PanelAnimator: Sendable {
    /// The panel with no moving marks.
    var base: any FigurePanel
    /// The steps (or epochs) the panel runs through.
    var steps: Int
    /// The panel at a step, with the counter when asked: (static panel, step, counter) → panel.
    var frame: @Sendable (any FigurePanel, Int, Bool) -> any FigurePanel
}

extension PanelSpec {
    /// How this panel animates from its record, or nil when it does not move.
    func animator(_ record: PanelRecord, theme: Theme, trail: Int, file: String) throws(SpecError) -> PanelAnimator? {
        let runs = record.runs ?? []
        func chart() throws(SpecError) -> Chart? { try panel(record, theme: theme, file: file) as? Chart }
        switch content {
        case .trajectories(let panel):
            return racingAnimator(trajectoriesBase(panel.runs.surface, panel.style, theme: theme), runs, runSet: panel.runs,
                                  view: panel.style.view, theme: theme, trail: trail, velocity: false)
        case .stateOverlay(let panel) where panel.overlay == .velocity:
            var base = trajectoriesBase(panel.runs.surface, panel.style, theme: theme)
            base.title = title ?? "Velocity and gradient along the path"
            return racingAnimator(base, runs, runSet: panel.runs, view: panel.style.view, theme: theme, trail: trail, velocity: true)
        case .surface3d(let panel):
            return surfaceAnimator(surfacePlot(panel, runs, theme: theme), runs, runSet: panel.runs, theme: theme, trail: trail)
        case .loss(let panel):
            return try chart().map { revealAnimator($0, steps: panel.runs.longest, readout: "loss ") }
        case .stateOverlay(let panel):
            return try chart().map { revealAnimator($0, steps: panel.runs.longest, readout: nil) }
        case .schedules(let panel):
            return try chart().map { schedulesAnimator($0, steps: panel.steps) }
        case .trainingCurves:
            guard let training = record.training else { throw SpecError(file: file, "the training-curves record has no 'training'") }
            return try chart().map { trainingAnimator($0, training, theme: theme) }
        case .boStep(let panel):
            guard let trials = record.trials, let landscape = record.landscape else {
                throw SpecError(file: file, "the bo-step record has no 'trials' or 'landscape'")
            }
            return try boStepAnimator(panel, trials, landscape: landscape, theme: theme, file: file)
        case .gradientField, .l2Fits, .l2Sweep, .l2Contours, .search, .searchConvergence, .hyperband, .hyperbandTable, .lrSweep:
            return nil
        }
    }
}
