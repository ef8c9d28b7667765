/// Decays the learning rate polynomially to zero over `total_iters` epochs —
/// `torch.optim.lr_scheduler.PolynomialLR`.
///
/// With η₀ the base lr, T = `total_iters` and p = `power`:
///
/// ```
/// η_e = η₀ · (1 − min(e, T) / T)^p
/// ```
///
/// so the lr reaches 0 at epoch T and stays there. As in PyTorch, a step to epoch e ≤ T multiplies the
/// current lr by ((1 − e/T) / (1 − (e − 1)/T))^p; ``step(_:epoch:)`` uses the closed form.
///
/// ```swift
/// let decay = try Schedules.make("PolynomialLR(total_iters=50, power=2.0)")
/// ```
public struct PolynomialLR: SchedulerCore {
    public static let name = "PolynomialLR"
    public let totalIters: Int
    public let power: Double
    var progress = SchedulerProgress()

    /// A schedule that reaches 0 after `totalIters` epochs along (1 − e/T)^`power`.
    public init(totalIters: Int = 5, power: Double = 1.0) {
        self.totalIters = totalIters
        self.power = power
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: ["total_iters": .integer(totalIters), "power": .of(power)])
    }

    @discardableResult
    public mutating func attach(to group: inout ParamGroup) throws(InputError) -> [String] {
        try attachBase(&group)
    }

    mutating func computeLR(_ group: inout ParamGroup) throws(InputError) -> Double {
        let epoch = progress.lastEpoch
        if progress.isInitial || epoch > totalIters { return group.lr }
        let context = "PolynomialLR (total_iters=\(totalIters))"
        let now = 1.0 - (try PythonArithmetic.divide(epoch, totalIters, context))
        let before = 1.0 - (try PythonArithmetic.divide(epoch - 1, totalIters, context))
        let ratio = try PythonArithmetic.divide(now, before, context)
        return group.lr * (try PythonArithmetic.power(ratio, power, context))
    }

    func closedFormLR() throws(InputError) -> Double? {
        let context = "PolynomialLR (total_iters=\(totalIters))"
        let remaining = 1.0 - (try PythonArithmetic.divide(min(totalIters, progress.lastEpoch), totalIters, context))
        return progress.baseLR * (try PythonArithmetic.power(remaining, power, context))
    }

    func labels(after group: ParamGroup) -> [String] {
        progress.lastEpoch == totalIters && totalIters > 0 ? ["decay ends"] : []
    }

    static let entry = Catalog<any LRScheduler>.Entry(
        name, summary: "decay the lr polynomially to 0 over total_iters epochs",
        parameters: ParameterList([
            .init("total_iters", .integer, .integer(5), "epochs until the lr reaches 0"),
            .init("power", .number, .number(1.0), "power p of (1 − e/T)^p"),
            lastEpochParameter,
        ])
    ) { a throws(InputError) in
        try requireFreshStart(a)
        return PolynomialLR(totalIters: a.int("total_iters"), power: a.double("power"))
    }
}
