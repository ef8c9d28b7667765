import Simulation

/// The numbers behind a figure: what ``FigureSpec/simulate()`` computed for each panel, once.
///
/// The figure, its alt text and long description, its animation and its data export (`descent render
/// --format json,csv`) all read this one record, so they always agree, and a spec is never simulated twice
/// for one render. Every value is plain data: the record is `Codable` and `Sendable`.
public struct FigureRecord: Codable, Sendable {
    /// One record per panel, in the spec's order.
    public var panels: [PanelRecord]
    /// The inset's record, when the figure has an inset.
    public var inset: PanelRecord?

    public init(panels: [PanelRecord], inset: PanelRecord? = nil) {
        self.panels = panels
        self.inset = inset
    }
}

/// The numbers behind one panel. Which fields are present depends on the panel's ``kind``:
///
/// | kind | fields |
/// |---|---|
/// | trajectories, loss, surface3d | `runs` |
/// | state-overlay | `runs` (with their optimizer state; `step_sizes` for `overlay: step-size`) |
/// | gradient-field | `arrows`, and `runs` when the panel has runs |
/// | schedules | `schedules` |
/// | training-curves | `training` |
/// | l2-fits | `data` and `fits` (with each fit's curve) |
/// | l2-sweep | `data` and `fits` |
/// | l2-contours | `fits` (each θ = (w, b)) |
/// | search | `trials` and `landscape` |
/// | bo-step | `trials` and `landscape` (the true objective, one row) |
/// | search-convergence | `convergence` |
/// | hyperband | `trials` (all of the search's, also when one bracket is drawn) |
/// | hyperband-table | `rungs`, and `trials` when the panel has an objective |
/// | lr-sweep | `lr_sweep` |
public struct PanelRecord: Codable, Sendable {
    /// The panel's kind, as a spec writes it.
    public var kind: String
    public var runs: [RunRecord]?
    public var arrows: ArrowField?
    public var schedules: [ScheduleRecord]?
    public var training: TrainingRecord?
    public var data: RidgeData?
    public var fits: [RidgeFit]?
    public var trials: [SearchTrial]?
    public var landscape: SearchLandscape?
    public var convergence: [SamplerConvergence]?
    public var rungs: [RungRecord]?
    public var lrSweep: LRSweepRecord?

    public init(kind: PanelSpec.Kind, runs: [RunRecord]? = nil, arrows: ArrowField? = nil, schedules: [ScheduleRecord]? = nil,
                training: TrainingRecord? = nil, data: RidgeData? = nil, fits: [RidgeFit]? = nil, trials: [SearchTrial]? = nil,
                landscape: SearchLandscape? = nil, convergence: [SamplerConvergence]? = nil, rungs: [RungRecord]? = nil,
                lrSweep: LRSweepRecord? = nil) {
        self.lrSweep = lrSweep
        self.trials = trials
        self.convergence = convergence
        self.landscape = landscape
        self.rungs = rungs
        self.kind = kind.rawValue
        self.runs = runs
        self.arrows = arrows
        self.schedules = schedules
        self.training = training
        self.data = data
        self.fits = fits
    }
}

/// One optimizer run: its label and configuration, and its ``Trace`` (points, losses, lrs, divergence, and
/// the optimizer's state when the panel shows it).
public struct RunRecord: Codable, Sendable {
    public var label: String
    /// The optimizer with every hyperparameter, such as `Adam(lr=0.05, betas=(0.9, 0.999), ...)`.
    public var optimizer: String
    /// The scheduler with every argument, when the run is scheduled.
    public var schedule: String?
    public var trace: Trace
    /// For a step-size overlay: the effective step size of each coordinate after each step.
    public var stepSizes: [[Double]]?

    public init(label: String, optimizer: String, schedule: String? = nil, trace: Trace, stepSizes: [[Double]]? = nil) {
        self.label = label
        self.optimizer = optimizer
        self.schedule = schedule
        self.trace = trace
        self.stepSizes = stepSizes
    }

    enum CodingKeys: String, CodingKey {
        case label, optimizer, schedule, trace
        case stepSizes = "step_sizes"
    }
}

/// One rung of a Hyperband bracket: n_i configurations (`count`) run with resource r_i = R·η^(i−s)
/// (`resource`, fractional when R is not a power of η), which is ⌈r_i⌉ optimizer steps (`budget`).
public struct RungRecord: Codable, Sendable, Equatable {
    public var bracket: Int
    public var rung: Int
    public var count: Int
    public var resource: Double
    public var budget: Int

    public init(bracket: Int, rung: Int, count: Int, resource: Double, budget: Int) {
        self.bracket = bracket
        self.rung = rung
        self.count = count
        self.resource = resource
        self.budget = budget
    }
}

/// Gradient arrows on a grid: at each point, the arrow drawn (−∇f for descent, ∇f for ascent).
public struct ArrowField: Codable, Sendable {
    public var points: [SIMD2<Double>]
    public var vectors: [SIMD2<Double>]
}

/// One schedule curve: its label and scheduler, and the lrs (and cycled momentum, and phase boundaries) it
/// produced.
public struct ScheduleRecord: Codable, Sendable {
    public var label: String
    public var schedule: String
    public var optimizer: String
    public var run: ScheduleRun
}

/// A training run's curves: one record per epoch, and where early stopping found the best epoch and stopped.
public struct TrainingRecord: Codable, Sendable {
    public var epochs: [EpochRecord]
    public var bestEpoch: Int?
    public var stopEpoch: Int?
    public var restoredBest: Bool
    public var diverged: Bool
    /// Examples in the training and validation splits.
    public var trainCount: Int
    public var validationCount: Int

    enum CodingKeys: String, CodingKey {
        case epochs, diverged
        case bestEpoch = "best_epoch"
        case stopEpoch = "stop_epoch"
        case restoredBest = "restored_best"
        case trainCount = "train_count"
        case validationCount = "validation_count"
    }
}

/// A search objective evaluated on a regular grid of the unit square — what a search panel draws under its
/// trials. Value (i, j) is at unit coordinates (i/(columns − 1), j/(rows − 1)), stored row by row (j outer),
/// each computed with the search's budget exactly as a trial would be. A one-dimensional objective has one row.
public struct SearchLandscape: Codable, Sendable {
    public var columns: Int
    public var rows: Int
    public var values: [Double]

    public init(columns: Int, rows: Int, values: [Double]) {
        self.columns = columns
        self.rows = rows
        self.values = values
    }

    /// The value at unit coordinates (i/(columns − 1), j/(rows − 1)).
    public subscript(i: Int, j: Int) -> Double { values[j * columns + i] }
}

/// One sampler's progress in a `search-convergence` panel: at each trial count in `trials`, the best value so
/// far of every seed's run (one row per seed; one row in all for a grid, which has no randomness).
public struct SamplerConvergence: Codable, Sendable {
    /// The sampler as written, such as `bo(initial=5)`.
    public var sampler: String
    public var trials: [Int]
    public var bestSoFar: [[Double]]

    public init(sampler: String, trials: [Int], bestSoFar: [[Double]]) {
        self.sampler = sampler
        self.trials = trials
        self.bestSoFar = bestSoFar
    }

    enum CodingKeys: String, CodingKey {
        case sampler, trials
        case bestSoFar = "best_so_far"
    }
}

/// The data of a polynomial fit, split into training and validation points (x, y).
public struct RidgeData: Codable, Sendable {
    public var train: [SIMD2<Double>]
    public var validation: [SIMD2<Double>]

    /// The x range of all the points padded by 3% either side, so the outermost points are not cut by the
    /// frame: where the fitted curves are sampled and the x axis of the fits.
    var paddedXRange: (low: Double, high: Double) {
        let xs = (train + validation).map(\.x)
        let pad = ((xs.max() ?? 1) - (xs.min() ?? 0)) * 0.03
        return ((xs.min() ?? 0) - pad, (xs.max() ?? 1) + pad)
    }
}

/// The penalised least-squares fit θ*(λ) = argmin (1/n)·‖Φθ − y‖² + (λ/2)·‖θ‖² for one λ (see ``Ridge``),
/// with its errors and, for drawn fits, the curve through it.
public struct RidgeFit: Codable, Sendable {
    public var lambda: Double
    /// θ*(λ): the coefficients of the features (x, x², …, xᵈ, 1) of a polynomial fit; (w, b) for l2-contours.
    public var coefficients: [Double]
    /// Mean squared errors on the training and validation data.
    public var trainMSE: Double?
    public var validationMSE: Double?
    /// The fitted polynomial sampled across the plot.
    public var curve: [SIMD2<Double>]?

    enum CodingKeys: String, CodingKey {
        case lambda, coefficients, curve
        case trainMSE = "train_mse"
        case validationMSE = "validation_mse"
    }
}
