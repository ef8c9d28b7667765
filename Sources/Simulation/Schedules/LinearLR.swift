/// Scales the learning rate by a factor that moves linearly from `start_factor` to `end_factor` over
/// `total_iters` epochs — `torch.optim.lr_scheduler.LinearLR`, the usual linear warm-up.
///
/// With η₀ the base lr, s = `start_factor`, f = `end_factor` and T = `total_iters`:
///
/// ```
/// η_e = η₀ · (s + (f − s) · min(e, T) / T)
/// ```
///
/// PyTorch steps it recursively and so does this type: the initial step multiplies the current lr by s,
/// and the step to epoch e ≤ T multiplies it by 1 + (f − s) / (T·s + (e − 1)·(f − s)); later steps leave it
/// alone. ``step(_:epoch:)`` uses the closed form. `start_factor` must lie in (0, 1] and `end_factor` in
/// [0, 1].
///
/// ```swift
/// let warmup = try Schedules.make("LinearLR(start_factor=0.1, total_iters=5)")
/// ```
public struct LinearLR: SchedulerCore {
    public static let name = "LinearLR"
    public let startFactor: Double
    public let endFactor: Double
    public let totalIters: Int
    var progress = SchedulerProgress()

    /// - Throws: ``InputError`` with PyTorch's message for a factor out of range.
    public init(startFactor: Double = 1.0 / 3, endFactor: Double = 1.0, totalIters: Int = 5) throws(InputError) {
        try require(!(startFactor > 1.0 || startFactor <= 0), "start_factor",
                    "Starting multiplicative factor expected to be greater than 0 and less or equal to 1.")
        try require(!(endFactor > 1.0 || endFactor < 0), "end_factor",
                    "Ending multiplicative factor expected to be between 0 and 1.")
        self.startFactor = startFactor
        self.endFactor = endFactor
        self.totalIters = totalIters
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "start_factor": .of(startFactor), "end_factor": .of(endFactor), "total_iters": .integer(totalIters),
        ])
    }

    @discardableResult
    public mutating func attach(to group: inout ParamGroup) throws(InputError) -> [String] {
        try attachBase(&group)
    }

    mutating func computeLR(_ group: inout ParamGroup) throws(InputError) -> Double {
        let epoch = progress.lastEpoch
        if epoch == 0 { return group.lr * startFactor }
        if progress.isInitial || epoch > totalIters { return group.lr }
        let change = endFactor - startFactor
        let denominator = Double(totalIters) * startFactor + Double(epoch - 1) * change
        return group.lr * (1.0 + (try PythonArithmetic.divide(change, denominator, "LinearLR")))
    }

    func closedFormLR() throws(InputError) -> Double? {
        let done = Double(min(totalIters, progress.lastEpoch))
        let fraction = try PythonArithmetic.divide((endFactor - startFactor) * done, Double(totalIters),
                                                   "LinearLR (total_iters=0)")
        return progress.baseLR * (startFactor + fraction)
    }

    func labels(after group: ParamGroup) -> [String] {
        guard progress.lastEpoch == totalIters, totalIters > 0 else { return [] }
        return [endFactor >= startFactor ? "warm-up ends" : "linear decay ends"]
    }

    static let entry = Catalog<any LRScheduler>.Entry(
        name, summary: "scale the lr by a factor moving linearly from start_factor to end_factor (warm-up)",
        parameters: ParameterList([
            .init("start_factor", .number, .number(1.0 / 3), "factor at epoch 0"),
            .init("end_factor", .number, .number(1.0), "factor from total_iters on"),
            .init("total_iters", .integer, .integer(5), "epochs of the linear change"),
            lastEpochParameter,
        ])
    ) { a throws(InputError) in
        try requireFreshStart(a)
        return try LinearLR(startFactor: a.double("start_factor"), endFactor: a.double("end_factor"),
                            totalIters: a.int("total_iters"))
    }
}
