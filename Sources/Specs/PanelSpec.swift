import Plotting
import Simulation

/// One picture inside a figure: what to simulate and which kind of chart shows it.
///
/// A figure with one panel is written as a plain spec; a `kind: panels` spec lists several, each inheriting
/// the figure's keys (surface, runs, steps, ...) unless it sets its own.
public struct PanelSpec: Sendable {
    /// The figure kinds.
    public enum Kind: String, Sendable, CaseIterable {
        /// Optimizer paths over the surface's heatmap and contours.
        case trajectories
        /// Loss against step for each run.
        case loss
        /// Arrows of the (negative) gradient over the surface.
        case gradientField = "gradient-field"
        /// What an optimizer carries from step to step: velocity arrows, per-coordinate step sizes, or
        /// LBFGS's evaluations per step.
        case stateOverlay = "state-overlay"
        /// The surface in 3-D with the paths drawn on it.
        case surface3d
        /// Learning-rate schedules against step, with cycled momentum on a second axis and phase boundaries.
        case schedules
        /// Train and validation loss of a real training run against epoch, with early stopping marked.
        case trainingCurves = "training-curves"
        /// Polynomial fits for several L2 penalties λ: under- and over-fitting.
        case l2Fits = "l2-fits"
        /// Train and validation loss against λ (log x): the U-shape.
        case l2Sweep = "l2-sweep"
        /// Loss contours of linear regression with the L2 penalty's circles and the optimum moving to the origin.
        case l2Contours = "l2-contours"
    }

    /// How the surface is shown under the paths.
    public enum Background: String, Sendable, CaseIterable {
        /// The loss coloured at every pixel, with contour lines.
        case heatmap
        /// Filled contour bands with contour lines.
        case contours
        /// Contour lines only.
        case lines
    }

    /// Which optimizer state a `state-overlay` panel shows.
    public enum Overlay: String, Sendable, CaseIterable {
        /// The momentum buffer (or Adam's first moment) as arrows along the path.
        case velocity
        /// The per-coordinate effective step size against step (Adam family, Adagrad, RMSprop, Rprop).
        case stepSize = "step-size"
        /// Function evaluations per step (LBFGS).
        case evaluations
    }

    /// One optimizer run.
    public struct Run: Sendable {
        public var optimizer: any Optimizer
        public var label: String
        public var start: SIMD2<Double>?
        public var steps: Int?
        /// A learning-rate scheduler (component text) stepped after each optimizer step.
        public var schedule: String?
        /// The run's own surface (a different batch size or shuffle of `linreg`), instead of the panel's.
        public var surface: SurfaceSpec?
    }

    /// One curve of a `schedules` panel: a scheduler driving an optimizer's lr.
    public struct ScheduleCurve: Sendable {
        /// The scheduler as component text (a new scheduler is made from it for every use).
        public var schedule: String
        public var label: String
        public var optimizer: any Optimizer
    }

    /// Text with an arrow to a point of the chart.
    public struct Annotation: Sendable {
        public var text: String
        public var at: SIMD2<Double>
        public var offset: SIMD2<Double>
    }

    /// The viewpoint of a 3-D panel, in degrees and multiples of the scene size.
    public struct Camera: Sendable, Equatable {
        public var azimuth: Double
        public var elevation: Double
        public var distance: Double
    }

    public var kind: Kind
    public var title: String?
    public var surface: SurfaceSpec
    public var runs: [Run]
    public var steps: Int
    public var start: SIMD2<Double>?
    public var view: ViewWindow?
    public var background: Background
    /// Contour lines to draw (0 for none).
    public var contours: Int
    public var contourLabels: Bool
    /// Log-spaced contour levels and colours; `nil` decides from the values.
    public var logarithmic: Bool?
    public var colormap: String?
    public var colorbar: Bool
    public var legend: String
    /// For `loss`: the y scale (`nil` picks log when every loss is positive).
    public var yScale: String?
    public var annotations: [Annotation]
    /// For `gradient-field`: arrows point along −∇f (`descent`) or ∇f (`ascent`).
    public var ascent: Bool
    /// For `gradient-field`: arrows across the view.
    public var arrows: Int
    /// For `gradient-field`: all arrows the same length (direction only), coloured by magnitude.
    public var normalize: Bool
    public var overlay: Overlay
    /// For `state-overlay` velocity: an arrow every this many steps.
    public var every: Int
    public var camera: Camera
    public var wireframe: Bool
    /// For `schedules`: the curves.
    public var schedules: [ScheduleCurve]
    /// For `schedules` with ReduceLROnPlateau: the metric fed to each step.
    public var metrics: [Double]?
    /// For `training-curves`: the training run.
    public var training: TrainingSpec?
    /// For `loss`: the x axis counts optimizer steps (`steps`) or passes over the data (`epochs`).
    public var lossAxis: String = "steps"
    /// For the L2 kinds: the penalties λ.
    public var lambdas: [Double] = []
    /// For `l2-fits` and `l2-sweep`: the polynomial's degree, the dataset and the validation fraction.
    public var degree: Int = 9
    public var l2Dataset: String?
    public var l2Validation: Double = 0.5
    public var l2Seed: UInt64 = 0

    /// The resolved view of the panel.
    public var resolvedView: ViewWindow { view ?? surface.surface.view }
}
