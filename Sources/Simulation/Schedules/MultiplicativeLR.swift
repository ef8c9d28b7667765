/// Multiplies the learning rate by a factor of the epoch at every step — `torch.optim.lr_scheduler.MultiplicativeLR`.
///
/// With λ the `lr_lambda` formula (a Python function in PyTorch, a formula in `epoch` here), the initial step
/// leaves the lr alone and the step to epoch e ≥ 1 does
///
/// ```
/// η_e = η_{e−1} · λ(e)
/// ```
///
/// so a constant λ = 0.95 is an exponential decay. ``step(_:epoch:)`` multiplies by λ(epoch) once.
///
/// ```swift
/// let decay = try Schedules.make("MultiplicativeLR(lr_lambda='0.95')")
/// ```
public struct MultiplicativeLR: SchedulerCore {
    public static let name = "MultiplicativeLR"
    public let lrLambda: LRFactor
    var progress = SchedulerProgress()

    /// A schedule that multiplies the lr by `lrLambda(epoch)` at every step.
    public init(lrLambda: LRFactor) {
        self.lrLambda = lrLambda
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: ["lr_lambda": .string(lrLambda.text)])
    }

    @discardableResult
    public mutating func attach(to group: inout ParamGroup) throws(InputError) -> [String] {
        try attachBase(&group)
    }

    mutating func computeLR(_ group: inout ParamGroup) throws(InputError) -> Double {
        progress.isInitial ? group.lr : group.lr * (try lrLambda(progress.lastEpoch))
    }

    static let entry = Catalog<any LRScheduler>.Entry(
        name, summary: "multiply the lr by a formula in epoch at every step (a lambda in PyTorch)",
        parameters: ParameterList([LRFactor.parameter, lastEpochParameter])
    ) { a throws(InputError) in
        try requireFreshStart(a)
        return MultiplicativeLR(lrLambda: try LRFactor.parse(a, for: name))
    }
}
