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

/// A point of a schedule worth marking in a figure: the step whose lr is the first after the boundary, and
/// a short label ("warm-up ends", "restart", "→ CosineAnnealingLR", "plateau: lr × 0.1").
public struct ScheduleEvent: Sendable, Equatable, CustomStringConvertible {
    /// The number of scheduler steps after which the event shows: `lrs[step]` is the first lr after it.
    public var step: Int
    public var label: String

    /// An event at `step` called `label`.
    public init(step: Int, label: String) {
        self.step = step
        self.label = label
    }

    public var description: String { "\(step): \(label)" }
}

// MARK: - The machinery every scheduler shares

/// What PyTorch's `LRScheduler` base class keeps for every scheduler.
struct SchedulerProgress: Sendable {
    /// `last_epoch`.
    var lastEpoch = -1
    /// `_step_count`: calls of the base `step()` since the initial step started.
    var stepCount = 0
    /// `base_lrs[0]`: the group's `initial_lr` when the scheduler was attached.
    var baseLR = 0.0
    /// `_is_initial`: true only during the initial step.
    var isInitial = false
}

/// The part of PyTorch's `LRScheduler` base class that the concrete schedulers share, and the hooks composites
/// (``SequentialLR``, ``ChainedScheduler``) call on their children.
///
/// A conforming type implements ``computeLR(_:)`` (PyTorch's `get_lr()`), optionally ``closedFormLR()``
/// (`_get_closed_form_lr()`) and ``labels(after:)``, and calls ``attachBase(_:)`` at the end of its
/// ``LRScheduler/attach(to:)``. The defaults reproduce the base class: `step()` counts the step, advances
/// `last_epoch` and writes `get_lr()`; the initial step is a `step()` in "initial mode".
protocol SchedulerCore: LRScheduler {
    var progress: SchedulerProgress { get set }

    /// PyTorch's `get_lr()` at `progress.lastEpoch`. May write the group's momentum (CyclicLR, OneCycleLR).
    mutating func computeLR(_ group: inout ParamGroup) throws(InputError) -> Double

    /// PyTorch's `_get_closed_form_lr()` at `progress.lastEpoch`, or `nil` for a class that has none.
    func closedFormLR() throws(InputError) -> Double?

    /// The labels of the boundaries reached by the step that just ended (the state is already advanced).
    func labels(after group: ParamGroup) -> [String]

    /// SequentialLR's `recursive_undo`: takes back the initial step of this scheduler (of its children, for
    /// a composite).
    mutating func undo()

    /// PyTorch's `_initial_step()`: resets the step count and steps once in initial mode.
    mutating func initialStep(_ group: inout ParamGroup) throws(InputError) -> [String]
}

extension SchedulerCore {
    public var lastEpoch: Int { progress.lastEpoch }
    public var cyclesMomentum: Bool { false }
    public var needsMetric: Bool { false }

    func closedFormLR() throws(InputError) -> Double? { nil }
    func labels(after group: ParamGroup) -> [String] { [] }

    mutating func undo() {
        progress.lastEpoch -= 1
    }

    mutating func initialStep(_ group: inout ParamGroup) throws(InputError) -> [String] {
        progress.stepCount = 0
        progress.isInitial = true
        defer { progress.isInitial = false }
        return try step(&group, metric: nil)
    }

    /// The base class's `step()`: one more step, then `_update_lr()`.
    @discardableResult
    public mutating func step(_ group: inout ParamGroup, metric: Double?) throws(InputError) -> [String] {
        progress.stepCount += 1
        progress.lastEpoch += 1
        group.lr = try computeLR(&group)
        return labels(after: group)
    }

    public mutating func step(_ group: inout ParamGroup, epoch: Int) throws(InputError) {
        progress.lastEpoch = epoch
        if let closedForm = try closedFormLR() {
            group.lr = closedForm
        } else {
            group.lr = try computeLR(&group)
        }
    }

    /// The end of the base class's constructor: `initial_lr` defaults to the current lr (an earlier scheduler
    /// on the same group may have set it already), the base lr is `initial_lr`, and the initial step runs.
    mutating func attachBase(_ group: inout ParamGroup) throws(InputError) -> [String] {
        if group.initialLR == nil { group.initialLR = group.lr }
        progress.baseLR = group.initialLR ?? group.lr
        progress.lastEpoch = -1
        return try initialStep(&group)
    }
}

// MARK: - Shared parameters and checks

/// PyTorch's `last_epoch` argument, accepted (unlisted) so that a PyTorch call can be pasted as it is; only
/// its default, a fresh start, is supported.
let lastEpochParameter = ParameterList.Parameter(
    "last_epoch", .integer, .integer(-1), "resume from a saved epoch (only -1, a fresh start, is supported)",
    isListed: false)

/// Refuses a `last_epoch` other than -1: resuming needs a saved optimizer state that a figure does not have.
func requireFreshStart(_ arguments: Arguments) throws(InputError) {
    let lastEpoch = arguments.int("last_epoch")
    try require(lastEpoch == -1, "last_epoch",
                "last_epoch=\(lastEpoch) resumes a saved schedule, which needs the saved optimizer; leave it at -1")
}

/// A string argument that must be one of `choices`, refused with PyTorch's `message` (plus the closest choice).
func requireChoice(_ value: String, in choices: [String], _ key: String, _ message: String) throws(InputError) {
    try require(choices.contains(value), key, message + didYouMean(value, in: choices))
}
