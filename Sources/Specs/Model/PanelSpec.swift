import Plotting
import Simulation

/// One picture inside a figure: its title, legend and annotations, and what it shows — one typed value per
/// figure kind (``Content``), read and checked once when the spec is parsed.
///
/// A figure with one panel is written as a plain spec; a `kind: panels` spec lists several, each inheriting
/// the figure's keys (surface, runs, steps, ...) unless it sets its own.
public struct PanelSpec: Sendable {
    /// The names of the figure kinds, as a spec writes them after `kind:`.
    public enum Kind: String, Sendable, CaseIterable {
        case trajectories, loss, surface3d, schedules
        case gradientField = "gradient-field"
        case stateOverlay = "state-overlay"
        case trainingCurves = "training-curves"
        case l2Fits = "l2-fits"
        case l2Sweep = "l2-sweep"
        case l2Contours = "l2-contours"
        case search
        case boStep = "bo-step"
        case searchConvergence = "search-convergence"
        case hyperband
        case hyperbandTable = "hyperband-table"
        case lrSweep = "lr-sweep"
    }

    /// What a panel shows: one case per figure kind, with that kind's settings.
    public enum Content: Sendable {
        /// Optimizer paths over the surface's heatmap and contours.
        case trajectories(TrajectoriesPanel)
        /// Loss against step (or epoch) for each run.
        case loss(LossPanel)
        /// Arrows of the (negative) gradient over the surface.
        case gradientField(GradientFieldPanel)
        /// What an optimizer carries from step to step: velocity arrows, per-coordinate step sizes, or LBFGS's
        /// evaluations per step.
        case stateOverlay(StateOverlayPanel)
        /// The surface in 3-D with the paths drawn on it.
        case surface3d(Surface3DPanel)
        /// Learning-rate schedules against step, with cycled momentum on a second axis and phase boundaries.
        case schedules(SchedulesPanel)
        /// Train and validation loss of a real training run against epoch, with early stopping marked.
        case trainingCurves(TrainingSpec)
        /// Polynomial fits for several L2 penalties λ: under- and over-fitting.
        case l2Fits(RidgeSpec)
        /// Train and validation loss against λ (log x): the U-shape.
        case l2Sweep(RidgeSpec)
        /// Loss contours of linear regression with the L2 penalty's circles and the optimum moving to the origin.
        case l2Contours(L2ContoursPanel)
        /// A hyperparameter search's trials over the heatmap of its objective on a two-dimensional space.
        case search(SearchPanel)
        /// One iteration of Bayesian optimization on one dimension: the surrogate over its acquisition.
        case boStep(BOStepPanel)
        /// The best value so far against trials for several samplers, over seeds.
        case searchConvergence(SearchConvergencePanel)
        /// Hyperband's learning curves: each configuration's value against its budget through the rungs of a
        /// bracket, stopped ones apart from those that reach the last rung.
        case hyperband(HyperbandPanel)
        /// Hyperband's brackets as a table of n_i × r_i, with the steps each spends.
        case hyperbandTable(HyperbandTablePanel)
        /// Steps to reach a tolerance against the learning rate (log x), with the cliff at 2/L drawn.
        case lrSweep(LRSweepPanel)

        /// The kind's name.
        public var kind: Kind {
            switch self {
            case .trajectories: .trajectories
            case .loss: .loss
            case .gradientField: .gradientField
            case .stateOverlay: .stateOverlay
            case .surface3d: .surface3d
            case .schedules: .schedules
            case .trainingCurves: .trainingCurves
            case .l2Fits: .l2Fits
            case .l2Sweep: .l2Sweep
            case .l2Contours: .l2Contours
            case .search: .search
            case .boStep: .boStep
            case .searchConvergence: .searchConvergence
            case .hyperband: .hyperband
            case .hyperbandTable: .hyperbandTable
            case .lrSweep: .lrSweep
            }
        }
    }

    /// Text with an arrow to a point of the chart.
    public struct Annotation: Sendable {
        public var text: String
        public var at: SIMD2<Double>
        public var offset: SIMD2<Double>

        public init(text: String, at: SIMD2<Double>, offset: SIMD2<Double> = SIMD2(30, -30)) {
            self.text = text
            self.at = at
            self.offset = offset
        }
    }

    public var title: String?
    public var legend: Chart.LegendPlacement
    public var annotations: [Annotation]
    public var content: Content

    /// A panel showing `content`.
    public init(title: String? = nil, legend: Chart.LegendPlacement = .auto, annotations: [Annotation] = [], content: Content) {
        self.title = title
        self.legend = legend
        self.annotations = annotations
        self.content = content
    }

    /// The kind's name.
    public var kind: Kind { content.kind }

    /// The optimizer runs the panel simulates on a surface (nil for kinds without runs).
    public var runSet: RunSet? {
        switch content {
        case .trajectories(let panel): panel.runs
        case .loss(let panel): panel.runs
        case .gradientField(let panel): panel.runs
        case .stateOverlay(let panel): panel.runs
        case .surface3d(let panel): panel.runs
        case .schedules, .trainingCurves, .l2Fits, .l2Sweep, .l2Contours, .search, .boStep, .searchConvergence, .hyperband, .hyperbandTable, .lrSweep: nil
        }
    }

    /// The steps the panel runs through: the longest run, or the schedule's steps, the training's epochs, the
    /// search's trials or Bayesian optimization's iterations.
    public var steps: Int {
        switch content {
        case .schedules(let panel): panel.steps
        case .trainingCurves(let training): training.epochs
        case .search(let panel): max(1, panel.search.trials)
        case .boStep(let panel): panel.iterations
        default: runSet?.longest ?? 1
        }
    }
}
