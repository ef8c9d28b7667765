/// Multiplies the learning rate by γ every epoch — `torch.optim.lr_scheduler.ExponentialLR`.
///
/// With η₀ the base lr and γ = `gamma`:
///
/// ```
/// η_e = η₀ · γ^e
/// ```
///
/// As in PyTorch, each step multiplies the current lr by γ (so after e steps the value is a product of e
/// roundings, not `pow`); ``step(_:epoch:)`` uses the closed form.
///
/// ```swift
/// let decay = try Schedules.make("ExponentialLR(gamma=0.95)")
/// ```
public struct ExponentialLR: SchedulerCore {
    public static let name = "ExponentialLR"
    public let gamma: Double
    var progress = SchedulerProgress()

    /// A schedule that multiplies the lr by `gamma` every epoch.
    public init(gamma: Double) {
        self.gamma = gamma
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: ["gamma": .of(gamma)])
    }

    @discardableResult
    public mutating func attach(to group: inout ParamGroup) throws(InputError) -> [String] {
        try attachBase(&group)
    }

    mutating func computeLR(_ group: inout ParamGroup) throws(InputError) -> Double {
        progress.isInitial ? group.lr : group.lr * gamma
    }

    func closedFormLR() throws(InputError) -> Double? {
        progress.baseLR * (try PythonArithmetic.power(gamma, Double(progress.lastEpoch), "ExponentialLR (gamma=0)"))
    }

    static let entry = Catalog<any LRScheduler>.Entry(
        name, summary: "multiply the lr by gamma every epoch",
        parameters: ParameterList([
            .init("gamma", .number, nil, "factor applied every epoch"),
            lastEpochParameter,
        ])
    ) { a throws(InputError) in
        try requireFreshStart(a)
        return ExponentialLR(gamma: a.double("gamma"))
    }
}
