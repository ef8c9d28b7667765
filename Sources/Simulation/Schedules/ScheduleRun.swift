/// The learning rates (and cycled momentum) a scheduler produces over a number of steps, recorded as PyTorch's
/// reference loop records them — what `descent schedule` prints.
///
/// The loop is exactly
///
/// ```
/// attach the scheduler to the optimizer's group            (PyTorch: construct it)
/// for k in 0..<steps:
///     lrs[k] = group.lr;  momentum[k] = group.momentum      (momentum or β₁, when the scheduler cycles it)
///     scheduler.step()                                      (ReduceLROnPlateau: scheduler.step(metrics[k]))
/// ```
///
/// so `lrs[0]` is the lr right after attaching and `lrs[k]` the lr after k steps. The optimizer itself is not
/// stepped: without gradients PyTorch's `optimizer.step()` changes nothing a scheduler reads. As in PyTorch the
/// loop also takes the step after the last recorded value, so ``OneCycleLR`` accepts at most `total_steps`
/// steps here.
public struct ScheduleRun: Sendable, Codable {
    /// `lrs[k]`: the lr after k scheduler steps.
    public var lrs: [Double]
    /// `momentum[k]`: the momentum (SGD, RMSprop) or β₁ (Adam family) after k steps, present when the
    /// scheduler cycles it.
    public var momentum: [Double]?
    /// Whether ``momentum`` holds β₁.
    public var momentumIsBeta1: Bool
    /// Phase boundaries for figures, with `step` < the number of steps.
    public var events: [ScheduleEvent]

    /// The keys of the `Codable` form: `lrs`, `momentum`, `momentum_is_beta1`, `events`.
    enum CodingKeys: String, CodingKey {
        case lrs, momentum, events
        case momentumIsBeta1 = "momentum_is_beta1"
    }

    /// A run from recorded arrays.
    public init(lrs: [Double] = [], momentum: [Double]? = nil, momentumIsBeta1: Bool = false, events: [ScheduleEvent] = []) {
        self.lrs = lrs
        self.momentum = momentum
        self.momentumIsBeta1 = momentumIsBeta1
        self.events = events
    }

    /// Runs `scheduler` on the group of `optimizer` for `steps` steps.
    ///
    /// - Parameters:
    ///   - scheduler: a scheduler that has not been attached yet (as ``Schedules/make(_:)`` returns it).
    ///   - optimizer: the optimizer whose lr and momentum the scheduler starts from (PyTorch's reference
    ///     loop uses `SGD(lr=0.1)` unless a case says otherwise).
    ///   - steps: the number of values to record (≥ 0).
    ///   - metrics: the metric of each step for ``ReduceLROnPlateau`` (at least `steps` values); ignored by
    ///     the other schedulers.
    /// - Throws: ``InputError`` when the scheduler does not suit the optimizer, when ``ReduceLROnPlateau``
    ///   has too few metrics, or when a step fails as it would in PyTorch (``OneCycleLR`` past its steps).
    public static func run(_ scheduler: any LRScheduler, optimizer: some Optimizer, steps: Int,
                           metrics: [Double]? = nil) throws(InputError) -> ScheduleRun {
        let steps = max(0, steps)
        if scheduler.needsMetric, (metrics?.count ?? 0) < steps {
            throw InputError("\(scheduler.name) needs a metric for every step: got \(metrics?.count ?? 0) for \(steps) steps")
        }
        var scheduler = scheduler
        var group = ParamGroup(optimizer: optimizer)
        var run = ScheduleRun(momentumIsBeta1: group.momentumIsBeta1)
        run.lrs.reserveCapacity(steps)
        run.events = try scheduler.attach(to: &group).map { ScheduleEvent(step: 0, label: $0) }
        if scheduler.cyclesMomentum { run.momentum = [] }
        for k in 0..<steps {
            run.lrs.append(group.lr)
            if scheduler.cyclesMomentum { run.momentum?.append(group.momentum ?? 0) }
            let labels = try scheduler.step(&group, metric: metrics.map { $0[k] })
            if k + 1 < steps { run.events += labels.map { ScheduleEvent(step: k + 1, label: $0) } }
        }
        if steps == 0 { run.events = [] }
        return run
    }
}
