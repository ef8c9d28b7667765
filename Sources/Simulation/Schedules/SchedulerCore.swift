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
