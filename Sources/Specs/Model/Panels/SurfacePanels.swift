import Plotting
import Simulation

/// Optimizer paths over the surface (`kind: trajectories`).
public struct TrajectoriesPanel: Sendable {
    public var runs: RunSet
    public var style: SurfaceStyle

    public init(runs: RunSet, style: SurfaceStyle) {
        self.runs = runs
        self.style = style
    }
}

/// Loss against step for each run (`kind: loss`).
public struct LossPanel: Sendable {
    /// What the x axis counts: optimizer `steps`, or `epochs` — passes over the data, where a step of a
    /// mini-batch run on `linreg` is B/n of an epoch.
    public enum XAxis: String, Sendable, CaseIterable {
        case steps, epochs
    }

    public var runs: RunSet
    /// The y scale; `nil` picks log when every loss is positive.
    public var yScale: AxisScale?
    public var xAxis: XAxis

    public init(runs: RunSet, yScale: AxisScale? = nil, xAxis: XAxis = .steps) {
        self.runs = runs
        self.yScale = yScale
        self.xAxis = xAxis
    }
}

/// Arrows of −∇f (or ∇f) on a grid over the surface, with any runs on top (`kind: gradient-field`).
public struct GradientFieldPanel: Sendable {
    /// Which way the arrows point.
    public enum Direction: String, Sendable, CaseIterable {
        /// Along −∇f, downhill: where gradient descent steps.
        case descent
        /// Along ∇f, uphill.
        case ascent
    }

    public var runs: RunSet
    public var style: SurfaceStyle
    public var direction: Direction
    /// Arrows across the view.
    public var arrows: Int
    /// All arrows the same length (direction only), coloured by magnitude.
    public var normalize: Bool
}

/// What the optimizers carry from step to step (`kind: state-overlay`).
public struct StateOverlayPanel: Sendable {
    /// Which optimizer state the panel shows.
    public enum Overlay: String, Sendable, CaseIterable {
        /// The momentum buffer (or Adam's first moment) as arrows along the path.
        case velocity
        /// The per-coordinate effective step size against step (Adam family, Adagrad, RMSprop, Rprop).
        case stepSize = "step-size"
        /// Function evaluations per step (LBFGS).
        case evaluations
    }

    public var runs: RunSet
    public var style: SurfaceStyle
    public var overlay: Overlay
    /// For `velocity`: an arrow every this many steps.
    public var every: Int
}

/// The surface in 3-D with the paths drawn on it (`kind: surface3d`).
public struct Surface3DPanel: Sendable {
    /// The viewpoint, in degrees and multiples of the scene size.
    public struct Camera: Sendable, Equatable {
        public var azimuth: Double
        public var elevation: Double
        public var distance: Double
    }

    public var runs: RunSet
    public var style: SurfaceStyle
    public var camera: Camera
    public var wireframe: Bool
}

/// Loss contours of linear regression with circles of equal L2 penalty and the penalised optimum θ*(λ) for
/// each λ (`kind: l2-contours`).
public struct L2ContoursPanel: Sendable {
    /// The data: a `linreg(...)` surface.
    public var surface: LinearRegressionSurface
    /// The surface as written, for drawing its loss.
    public var surfaceSpec: SurfaceSpec
    public var style: SurfaceStyle
    public var lambdas: [Double]
}
