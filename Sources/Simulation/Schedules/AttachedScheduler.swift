/// A scheduler attached to an optimizer, for runs that step both: a trace with `--schedule`, a training loop.
///
/// Use it as a PyTorch training loop uses a scheduler — the scheduler steps once after each optimizer step,
/// and ``ReduceLROnPlateau`` is fed that step's loss (the loss before the update):
///
/// ```swift
/// var optimizer = try Optimizers.make("SGD(lr=0.1, momentum=0.9)")
/// var schedule = try AttachedScheduler(Schedules.make("OneCycleLR(max_lr=0.5, total_steps=100)"),
///                                      optimizer: &optimizer)       // writes lr (and momentum) of epoch 0
/// for _ in 0..<100 {
///     let lr = optimizer.lr                                         // the lr this step uses
///     let loss = ...                                                // f(p) before the update
///     optimizer.step(&p, gradient: g)
///     try schedule.step(optimizer: &optimizer, metric: loss)      // next lr (and momentum) into the optimizer
/// }
/// ```
///
/// Attaching reads the optimizer's lr and ``Optimizer/scheduledMomentum`` into a ``ParamGroup``, runs the
/// scheduler's constructor on it and writes the lr back (and the momentum, when the scheduler cycles it);
/// every step does the same. ``events`` collects the phase boundaries passed so far, numbered by the step
/// whose lr is the first after them.
public struct AttachedScheduler: Sendable {
    /// The scheduler, with its state.
    public private(set) var scheduler: any LRScheduler
    /// The group the scheduler works on (the optimizer's lr and momentum are copies of its entries).
    public private(set) var group: ParamGroup
    /// Scheduler steps taken since attaching.
    public private(set) var steps = 0
    /// Phase boundaries so far: `step` k means the lr after k scheduler steps is the first after it.
    public private(set) var events: [ScheduleEvent] = []

    /// Attaches `scheduler` (not attached before) to `optimizer` and writes the lr of epoch 0 into it.
    ///
    /// - Throws: ``InputError`` when the scheduler does not suit the optimizer (`cycle_momentum` without
    ///   momentum or betas) or its initial step fails.
    public init(_ scheduler: any LRScheduler, optimizer: inout some Optimizer) throws(InputError) {
        self.scheduler = scheduler
        self.group = ParamGroup(optimizer: optimizer)
        events = try self.scheduler.attach(to: &group).map { ScheduleEvent(step: 0, label: $0) }
        group.write(to: &optimizer, momentum: self.scheduler.cyclesMomentum)
    }

    /// Whether each step needs a metric (``ReduceLROnPlateau``).
    public var needsMetric: Bool { scheduler.needsMetric }

    /// One scheduler step after an optimizer step: computes the next lr (and momentum) and writes it into
    /// `optimizer`.
    ///
    /// - Parameters:
    ///   - optimizer: the optimizer attached at ``init(_:optimizer:)``.
    ///   - metric: for ``ReduceLROnPlateau``, the loss of the step just taken (before its update).
    /// - Throws: ``InputError`` where PyTorch raises (``OneCycleLR`` past `total_steps`, no metric for
    ///   ``ReduceLROnPlateau``).
    public mutating func step(optimizer: inout some Optimizer, metric: Double? = nil) throws(InputError) {
        let labels = try scheduler.step(&group, metric: metric)
        steps += 1
        events += labels.map { ScheduleEvent(step: steps, label: $0) }
        group.write(to: &optimizer, momentum: scheduler.cyclesMomentum)
    }
}
