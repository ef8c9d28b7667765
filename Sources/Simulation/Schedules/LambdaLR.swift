/// Sets the learning rate to the base lr times a factor of the epoch — `torch.optim.lr_scheduler.LambdaLR`.
///
/// With η₀ the base lr and λ the `lr_lambda` formula (a Python function in PyTorch, a formula in `epoch` here):
///
/// ```
/// η_e = η₀ · λ(e)
/// ```
///
/// It has no closed form distinct from this rule: ``step(_:epoch:)`` evaluates λ at the given epoch.
///
/// ```swift
/// let decay = try Schedules.make("LambdaLR(lr_lambda='0.95^epoch')")
/// let warmup = try Schedules.make("LambdaLR(lr_lambda='min(1, (epoch + 1)/10)')")
/// ```
public struct LambdaLR: SchedulerCore {
    public static let name = "LambdaLR"
    public let lrLambda: LRFactor
    var progress = SchedulerProgress()

    /// A schedule whose lr is the base lr times `lrLambda(epoch)`.
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
        progress.baseLR * (try lrLambda(progress.lastEpoch))
    }

    static let entry = Catalog<any LRScheduler>.Entry(
        name, summary: "the base lr times a formula in epoch (a lambda in PyTorch)",
        parameters: ParameterList([LRFactor.parameter, lastEpochParameter])
    ) { a throws(InputError) in
        try requireFreshStart(a)
        return LambdaLR(lrLambda: try LRFactor.parse(a, for: name))
    }
}
