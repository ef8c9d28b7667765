import Simulation

/// Learning-rate schedules against step (`kind: schedules`): each curve a scheduler driving an optimizer's lr.
public struct SchedulesPanel: Sendable {
    /// One curve: a scheduler (not yet attached) and the optimizer whose lr and momentum it drives.
    public struct Curve: Sendable {
        public var scheduler: any LRScheduler
        public var label: String
        public var optimizer: any Optimizer
        /// Where the curve is written, for messages about it.
        public var location: SpecLocation?

        public init(scheduler: any LRScheduler, label: String, optimizer: any Optimizer, location: SpecLocation? = nil) {
            self.scheduler = scheduler
            self.label = label
            self.optimizer = optimizer
            self.location = location
        }
    }

    public var curves: [Curve]
    /// The values recorded: the lr after 0, 1, …, steps − 1 scheduler steps.
    public var steps: Int
    /// For ReduceLROnPlateau: the metric fed to each step.
    public var metrics: [Double]?
    /// The y scale (linear unless the spec asks for log).
    public var yScale: AxisScale

    public init(curves: [Curve], steps: Int, metrics: [Double]? = nil, yScale: AxisScale = .linear) {
        self.curves = curves
        self.steps = steps
        self.metrics = metrics
        self.yScale = yScale
    }
}
