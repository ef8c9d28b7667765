/// Multiplies the learning rate by γ at each milestone epoch — `torch.optim.lr_scheduler.MultiStepLR`.
///
/// With η₀ the base lr, γ = `gamma` and the milestones m₁, m₂, …, the lr of epoch e is
///
/// ```
/// η_e = η₀ · γ^(number of milestones ≤ e)
/// ```
///
/// A milestone listed twice counts twice (γ² at that epoch), as PyTorch's `Counter` makes it. A step
/// multiplies the current lr; ``step(_:epoch:)`` uses the closed form above.
///
/// ```swift
/// let schedule = try Schedules.make("MultiStepLR(milestones=[30, 80], gamma=0.1)")
/// ```
public struct MultiStepLR: SchedulerCore {
    public static let name = "MultiStepLR"
    /// The milestones as given (order and repeats kept).
    public let milestones: [Int]
    public let gamma: Double
    var progress = SchedulerProgress()

    /// A schedule that multiplies the lr by `gamma` at every milestone epoch.
    public init(milestones: [Int], gamma: Double = 0.1) {
        self.milestones = milestones
        self.gamma = gamma
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: ["milestones": .list(milestones.map { .integer($0) }), "gamma": .of(gamma)])
    }

    @discardableResult
    public mutating func attach(to group: inout ParamGroup) throws(InputError) -> [String] {
        try attachBase(&group)
    }

    /// How many times `epoch` is listed.
    private func count(_ epoch: Int) -> Int { milestones.lazy.filter { $0 == epoch }.count }

    mutating func computeLR(_ group: inout ParamGroup) throws(InputError) -> Double {
        let repeats = count(progress.lastEpoch)
        if repeats == 0 { return group.lr }
        return group.lr * (try PythonArithmetic.power(gamma, Double(repeats), "MultiStepLR (gamma=0)"))
    }

    func closedFormLR() throws(InputError) -> Double? {
        let passed = PythonArithmetic.bisectRight(milestones.sorted(), progress.lastEpoch)
        return progress.baseLR * (try PythonArithmetic.power(gamma, Double(passed), "MultiStepLR (gamma=0)"))
    }

    func labels(after group: ParamGroup) -> [String] {
        let repeats = count(progress.lastEpoch)
        guard repeats > 0 else { return [] }
        return ["lr × \(pythonRepr(gamma))" + (repeats > 1 ? "^\(repeats)" : "")]
    }

    static let entry = Catalog<any LRScheduler>.Entry(
        name, summary: "multiply the lr by gamma at each milestone epoch",
        parameters: ParameterList([
            .init("milestones", .integers, nil, "epochs at which the lr decays (a repeated one counts twice)"),
            .init("gamma", .number, .number(0.1), "factor applied at each milestone"),
            lastEpochParameter,
        ])
    ) { a throws(InputError) in
        try requireFreshStart(a)
        return MultiStepLR(milestones: a.ints("milestones"), gamma: a.double("gamma"))
    }
}
