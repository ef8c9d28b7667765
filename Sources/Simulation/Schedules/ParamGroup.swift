/// The entries of PyTorch's `optimizer.param_groups[0]` that learning-rate schedulers read and write.
///
/// Schedulers attached to one optimizer share its group, which is how PyTorch's schedulers compose: each reads
/// the `lr` the previous one left, the first one to attach sets `initial_lr` and the others keep it.
/// ``OneCycleLR`` and ``CyclicLR`` also store their bookkeeping here (`max_lr`, `min_lr`, `max_momentum`,
/// `base_momentum`), as PyTorch does, and ``OneCycleLR`` reads it back on every step.
///
/// Make one from an optimizer with ``init(optimizer:)`` and write the result back with
/// ``write(to:momentum:)``; ``AttachedScheduler`` does both.
public struct ParamGroup: Sendable, Equatable {
    /// `lr`: the learning rate the next optimizer step uses.
    public var lr: Double
    /// `initial_lr`: set by the first scheduler attached; ``SequentialLR`` returns to it.
    public var initialLR: Double?
    /// `momentum` (SGD, RMSprop) or `betas[0]` (Adam family, Lion); `nil` when the optimizer has neither.
    public var momentum: Double?
    /// Whether ``momentum`` stands for `betas[0]` rather than `momentum`.
    public var momentumIsBeta1: Bool
    /// `max_lr`, written by ``OneCycleLR``.
    public var maxLR: Double?
    /// `min_lr`, written by ``OneCycleLR``.
    public var minLR: Double?
    /// `max_momentum`, written by ``CyclicLR`` and ``OneCycleLR`` when they cycle the momentum.
    public var maxMomentum: Double?
    /// `base_momentum`, written by ``CyclicLR`` and ``OneCycleLR`` when they cycle the momentum.
    public var baseMomentum: Double?

    /// A group with learning rate `lr` and, when the optimizer has one, its momentum (`momentum` or β₁).
    public init(lr: Double, momentum: Double? = nil, momentumIsBeta1: Bool = false) {
        self.lr = lr
        self.momentum = momentum
        self.momentumIsBeta1 = momentumIsBeta1
    }

    /// The group of `optimizer` before any scheduler is attached: its `lr` and its
    /// ``Optimizer/scheduledMomentum``.
    public init(optimizer: some Optimizer) {
        self.init(lr: optimizer.lr, momentum: optimizer.scheduledMomentum, momentumIsBeta1: optimizer.momentumIsBeta1)
    }

    /// Writes the learning rate into `optimizer`, and the momentum too when `momentum` is true (pass the
    /// scheduler's ``LRScheduler/cyclesMomentum``).
    public func write(to optimizer: inout some Optimizer, momentum: Bool) {
        optimizer.lr = lr
        if momentum, let value = self.momentum { optimizer.scheduledMomentum = value }
    }

    /// What PyTorch checks before cycling momentum: the optimizer has `momentum` or `betas` among its
    /// defaults.
    ///
    /// - Throws: ``InputError`` with PyTorch's message, naming `scheduler`, when it has neither.
    func requireMomentum(for scheduler: String) throws(InputError) {
        guard momentum != nil else {
            throw InputError("\(scheduler): optimizer must support momentum or beta1 with `cycle_momentum` option enabled",
                             key: "cycle_momentum")
        }
    }
}
