/// Multiplies the learning rate by γ every `step_size` epochs — `torch.optim.lr_scheduler.StepLR`.
///
/// With η₀ the base lr, s = `step_size` and γ = `gamma`, the lr of epoch e is
///
/// ```
/// η_e = η₀ · γ^⌊e / s⌋
/// ```
///
/// As in PyTorch, a step multiplies the current lr by γ when e is a positive multiple of s (so it composes
/// with other schedulers in a ``ChainedScheduler``); ``step(_:epoch:)`` uses the closed form above.
/// PyTorch does not check `step_size`: 0 fails at the first step with a division by zero.
///
/// ```swift
/// let schedule = try Schedules.make("StepLR(step_size=30, gamma=0.1)")
/// ```
public struct StepLR: SchedulerCore {
    public static let name = "StepLR"
    public let stepSize: Int
    public let gamma: Double
    var progress = SchedulerProgress()

    /// A schedule that multiplies the lr by `gamma` every `stepSize` epochs.
    public init(stepSize: Int, gamma: Double = 0.1) {
        self.stepSize = stepSize
        self.gamma = gamma
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: ["step_size": .integer(stepSize), "gamma": .of(gamma)])
    }

    @discardableResult
    public mutating func attach(to group: inout ParamGroup) throws(InputError) -> [String] {
        try attachBase(&group)
    }

    mutating func computeLR(_ group: inout ParamGroup) throws(InputError) -> Double {
        let epoch = progress.lastEpoch
        if epoch == 0 { return group.lr }
        if try PythonArithmetic.modulo(epoch, stepSize, "StepLR (step_size=\(stepSize))") != 0 { return group.lr }
        return group.lr * gamma
    }

    func closedFormLR() throws(InputError) -> Double? {
        let decays = try PythonArithmetic.floorDivide(progress.lastEpoch, stepSize, "StepLR (step_size=\(stepSize))")
        return progress.baseLR * (try PythonArithmetic.power(gamma, Double(decays), "StepLR (gamma=0)"))
    }

    func labels(after group: ParamGroup) -> [String] {
        let epoch = progress.lastEpoch
        return epoch > 0 && stepSize != 0 && epoch % stepSize == 0 ? ["lr × \(pythonRepr(gamma))"] : []
    }

    static let entry = Catalog<any LRScheduler>.Entry(
        name, summary: "multiply the lr by gamma every step_size epochs",
        parameters: ParameterList([
            .init("step_size", .integer, nil, "epochs between two decays"),
            .init("gamma", .number, .number(0.1), "factor applied at each decay"),
            lastEpochParameter,
        ])
    ) { a throws(InputError) in
        try requireFreshStart(a)
        return StepLR(stepSize: a.int("step_size"), gamma: a.double("gamma"))
    }
}
