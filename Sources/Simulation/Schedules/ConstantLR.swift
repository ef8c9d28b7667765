/// Multiplies the learning rate by a constant factor until `total_iters` epochs have passed —
/// `torch.optim.lr_scheduler.ConstantLR`.
///
/// With η₀ the base lr, f = `factor` and T = `total_iters`:
///
/// ```
/// η_e = η₀ · f    for e < T
/// η_e = η₀        for e ≥ T
/// ```
///
/// As in PyTorch, the initial step multiplies the current lr by f and the step to epoch T multiplies it by
/// 1/f (the lr is then η₀ up to rounding); other steps leave it alone. `factor` must lie in [0, 1]; a
/// factor of 0 fails at epoch T with PyTorch's division by zero.
///
/// ```swift
/// let warmup = try Schedules.make("ConstantLR(factor=0.5, total_iters=4)")
/// ```
public struct ConstantLR: SchedulerCore {
    public static let name = "ConstantLR"
    public let factor: Double
    public let totalIters: Int
    var progress = SchedulerProgress()

    /// - Throws: ``InputError`` with PyTorch's message when `factor` is outside [0, 1].
    public init(factor: Double = 1.0 / 3, totalIters: Int = 5) throws(InputError) {
        try require(!(factor > 1.0 || factor < 0), "factor", "Constant multiplicative factor expected to be between 0 and 1.")
        self.factor = factor
        self.totalIters = totalIters
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: ["factor": .of(factor), "total_iters": .integer(totalIters)])
    }

    @discardableResult
    public mutating func attach(to group: inout ParamGroup) throws(InputError) -> [String] {
        try attachBase(&group)
    }

    mutating func computeLR(_ group: inout ParamGroup) throws(InputError) -> Double {
        let epoch = progress.lastEpoch
        if epoch == 0 { return group.lr * factor }
        if epoch != totalIters { return group.lr }
        return group.lr * (try PythonArithmetic.divide(1.0, factor, "ConstantLR (factor=0)"))
    }

    func closedFormLR() throws(InputError) -> Double? {
        progress.baseLR * (factor + (progress.lastEpoch >= totalIters ? 1 - factor : 0))
    }

    func labels(after group: ParamGroup) -> [String] {
        progress.lastEpoch == totalIters && totalIters > 0 ? ["constant factor ends"] : []
    }

    static let entry = Catalog<any LRScheduler>.Entry(
        name, summary: "multiply the lr by a constant factor for the first total_iters epochs",
        parameters: ParameterList([
            .init("factor", .number, .number(1.0 / 3), "factor applied until total_iters"),
            .init("total_iters", .integer, .integer(5), "epochs with the factor applied"),
            lastEpochParameter,
        ])
    ) { a throws(InputError) in
        try requireFreshStart(a)
        return try ConstantLR(factor: a.double("factor"), totalIters: a.int("total_iters"))
    }
}
