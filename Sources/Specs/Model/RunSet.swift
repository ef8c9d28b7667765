import Simulation

/// Optimizer runs on a surface: each run's optimizer, label, schedule and overrides, with the panel's
/// defaults for steps and start.
public struct RunSet: Sendable {
    /// One optimizer run.
    public struct Run: Sendable {
        /// The optimizer in its initial state (a fresh copy runs every time).
        public var optimizer: any Optimizer
        public var label: String
        public var start: SIMD2<Double>?
        public var steps: Int?
        /// A learning-rate scheduler, not yet attached, stepped after each optimizer step.
        public var schedule: (any LRScheduler)?
        /// The run's own surface (a different batch size or shuffle of `linreg`), instead of the panel's.
        public var surface: SurfaceSpec?
        /// Where the run is written, for messages about it.
        public var location: SpecLocation?

        /// A run of `optimizer` labelled `label`, with no overrides.
        public init(optimizer: any Optimizer, label: String, start: SIMD2<Double>? = nil, steps: Int? = nil,
                    schedule: (any LRScheduler)? = nil, surface: SurfaceSpec? = nil, location: SpecLocation? = nil) {
            self.optimizer = optimizer
            self.label = label
            self.start = start
            self.steps = steps
            self.schedule = schedule
            self.surface = surface
            self.location = location
        }
    }

    /// The panel's surface: where runs without their own surface run.
    public var surface: SurfaceSpec
    public var runs: [Run]
    /// Steps of a run that does not set its own.
    public var steps: Int
    /// The start of a run that does not set its own (`nil`: the surface's documented start).
    public var start: SIMD2<Double>?

    /// Runs on `surface`.
    public init(surface: SurfaceSpec, runs: [Run], steps: Int = 100, start: SIMD2<Double>? = nil) {
        self.surface = surface
        self.runs = runs
        self.steps = steps
        self.start = start
    }

    /// The most steps any run takes.
    public var longest: Int { runs.map { $0.steps ?? steps }.max() ?? steps }

    /// Whether any run has a learning-rate schedule.
    public var isScheduled: Bool { runs.contains { $0.schedule != nil } }
}

/// A place in a spec file (1-based line and column), for messages about what was read there.
public struct SpecLocation: Sendable, Equatable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
