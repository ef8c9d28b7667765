/// A learning-rate scheduler that changes an optimizer's learning rate (and for some, its momentum) between
/// steps, exactly as the `torch.optim.lr_scheduler` class of the same name does in float64.
///
/// A scheduler works on a ``ParamGroup``: the part of PyTorch's `optimizer.param_groups[0]` that schedulers
/// read and write (`lr`, `initial_lr`, `momentum` or β₁, and the bookkeeping entries of ``OneCycleLR`` and
/// ``CyclicLR``). Its life follows PyTorch's:
///
/// 1. Build it from its written form (``Schedules/make(_:)``): `CosineAnnealingLR(T_max=50)`. This checks
///    every argument that does not depend on the optimizer.
/// 2. ``attach(to:)`` once: PyTorch's constructor. It records `initial_lr`, applies the class's side effects
///    (``CyclicLR`` sets the lr to `base_lr` and the momentum to `max_momentum`, ``OneCycleLR`` sets
///    `initial_lr` to `max_lr/div_factor`, ...) and performs the initial step, so the group's `lr` is then
///    the lr of epoch 0.
/// 3. ``step(_:metric:)`` after every optimizer step: PyTorch's `scheduler.step()` (`step(metrics)` for
///    ``ReduceLROnPlateau``). After k steps the group holds the lr of epoch k.
///
/// Where PyTorch computes the next lr from the current one (the "chainable" form of `ExponentialLR`,
/// `CosineAnnealingLR`, `LinearLR`, ...), so does the scheduler, operation by operation, so that the values
/// agree with PyTorch's to the last bit (the C library's `cos` and `pow` are the ones Python calls).
/// Because of that, schedulers compose as they do in PyTorch: ``ChainedScheduler`` steps several schedulers on
/// one group, each scaling what the previous one left.
///
/// ``ScheduleRun`` runs a scheduler for a number of steps and ``AttachedScheduler`` drives one alongside an
/// ``Optimizer``; most code needs only those two.
public protocol LRScheduler: Sendable {
    /// PyTorch's class name, such as `"OneCycleLR"`.
    static var name: String { get }

    /// The scheduler written as a component with every argument resolved, in PyTorch's constructor order:
    /// `StepLR(step_size=30, gamma=0.1)`. Parsing it gives the same scheduler.
    var configuration: Component { get }

    /// Whether the scheduler writes the group's momentum (SGD's and RMSprop's `momentum`, β₁ for the Adam
    /// family): ``CyclicLR`` and ``OneCycleLR`` with `cycle_momentum=True`, or a composite holding one.
    var cyclesMomentum: Bool { get }

    /// Whether every step needs a metric (``ReduceLROnPlateau``).
    var needsMetric: Bool { get }

    /// PyTorch's `last_epoch`: the number of steps taken since the (initial) step that set epoch 0.
    var lastEpoch: Int { get }

    /// PyTorch's constructor: attaches the scheduler to `group`, applies the class's side effects on it and
    /// performs the initial step. Call it exactly once, before any ``step(_:metric:)``.
    ///
    /// - Returns: the labels of the phase boundaries reached by the initial step (usually none).
    /// - Throws: ``InputError`` for an argument that does not suit the optimizer (`cycle_momentum` with an
    ///   optimizer that has neither momentum nor betas) or an arithmetic error PyTorch would raise.
    @discardableResult
    mutating func attach(to group: inout ParamGroup) throws(InputError) -> [String]

    /// One `scheduler.step()` (`scheduler.step(metric)` for ``ReduceLROnPlateau``): writes the next lr (and
    /// momentum, for the schedulers that cycle it) into `group`.
    ///
    /// - Parameters:
    ///   - group: the group the scheduler was attached to.
    ///   - metric: the monitored value (``ReduceLROnPlateau``); ignored by the other schedulers.
    /// - Returns: the labels of the phase boundaries this step reached — a warm-up's end, a restart, a
    ///   milestone, a plateau reduction — usually none.
    /// - Throws: ``InputError`` where PyTorch raises: ``OneCycleLR`` stepped past `total_steps`,
    ///   ``ReduceLROnPlateau`` without a metric, a division by zero that the arguments allow.
    @discardableResult
    mutating func step(_ group: inout ParamGroup, metric: Double?) throws(InputError) -> [String]

    /// PyTorch's deprecated `step(epoch)` as ``SequentialLR`` uses it (`_update_lr(epoch)`): sets `last_epoch`
    /// to `epoch` and writes the closed-form lr of that epoch, computed from the base lr; a class without a
    /// closed form (``LambdaLR``, ``CyclicLR``, ``OneCycleLR``, ``CosineAnnealingWarmRestarts``, ...)
    /// evaluates its usual rule at that epoch instead.
    ///
    /// - Throws: ``InputError`` for ``SequentialLR``, ``ChainedScheduler`` and ``ReduceLROnPlateau``, which
    ///   have no such form (PyTorch raises `NotImplementedError` or ignores it), and for arithmetic errors.
    mutating func step(_ group: inout ParamGroup, epoch: Int) throws(InputError)
}

extension LRScheduler {
    /// One `scheduler.step()` without a metric.
    @discardableResult
    public mutating func step(_ group: inout ParamGroup) throws(InputError) -> [String] {
        try step(&group, metric: nil)
    }

    /// PyTorch's class name of this scheduler.
    public var name: String { Self.name }
}
