/// Adadelta: steps whose size is the ratio of running RMS of past updates to running RMS of gradients —
/// `torch.optim.Adadelta` (Zeiler, 2012).
///
/// Per coordinate, with g the gradient (−g when `maximize`), ρ = `rho`, η = `lr`, λ = `weight_decay`:
///
/// ```
/// g  ← g + λ·θ                                if λ ≠ 0
/// v  ← ρ·v + (1 − ρ)·g²                       (state "square_avg")
/// Δ  = √(u + ε) / √(v + ε) · g
/// u  ← ρ·u + (1 − ρ)·Δ²                       (state "acc_delta")
/// θ  ← θ − η·Δ
/// ```
public struct Adadelta: GradientOptimizer {
    public static let name = "Adadelta"
    public var lr: Double
    public let rho: Double
    public let eps: Double
    public let weightDecay: Double
    public let maximize: Bool
    private var stepCount = 0.0
    private var squareAvg: [Double] = []
    private var accDelta: [Double] = []

    /// - Throws: ``InputError`` with PyTorch's message for a negative `lr`, `eps` or `weight_decay`, or `rho`
    ///   outside [0, 1].
    public init(lr: Double = 1.0, rho: Double = 0.9, eps: Double = 1e-6, weightDecay: Double = 0,
                maximize: Bool = false) throws(InputError) {
        try requireNonNegative(lr, "lr", "learning rate")
        try require(0 <= rho && rho <= 1, "rho", "Invalid rho value: \(pythonRepr(rho))")
        try requireNonNegative(eps, "eps", "epsilon value")
        try requireNonNegative(weightDecay, "weight_decay", "weight_decay value")
        self.lr = lr
        self.rho = rho
        self.eps = eps
        self.weightDecay = weightDecay
        self.maximize = maximize
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "lr": .of(lr), "rho": .of(rho), "eps": .of(eps), "weight_decay": .of(weightDecay),
            "maximize": .boolean(maximize),
        ])
    }

    public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        if squareAvg.isEmpty {
            squareAvg = [Double](repeating: 0, count: parameters.count)
            accDelta = squareAvg
        }
        stepCount += 1
        for i in parameters.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            if weightDecay != 0 { g = g + weightDecay * parameters[i] }
            squareAvg[i] = squareAvg[i] * rho + (1 - rho) * g * g
            let std = (squareAvg[i] + eps).squareRoot()
            let delta = (accDelta[i] + eps).squareRoot() / std * g
            accDelta[i] = accDelta[i] * rho + (1 - rho) * delta * delta
            parameters[i] = parameters[i] + (-lr) * delta
        }
    }

    public var state: [StateEntry] {
        squareAvg.isEmpty ? [] : [StateEntry("step", .scalar(stepCount)), StateEntry("square_avg", .vector(squareAvg)),
                                  StateEntry("acc_delta", .vector(accDelta))]
    }

    static let entry = Catalog<any Optimizer>.Entry(
        name, summary: "step sizes from running averages of squared gradients and squared updates",
        parameters: ParameterList([
            .init("lr", .number, .number(1.0), "factor η applied to the update"),
            .init("rho", .number, .number(0.9), "decay ρ of the running averages"),
            .init("eps", .number, .number(1e-6), "added inside both square roots"),
            .init("weight_decay", .number, .integer(0), "L2 penalty λ added to the gradient"),
        ] + implementationSwitches(["foreach", "capturable"]) + [
            .init("maximize", .boolean, .boolean(false), "ascend instead of descend"),
        ] + implementationSwitches(["differentiable"]))
    ) { a throws(InputError) in
        try Adadelta(lr: a.double("lr"), rho: a.double("rho"), eps: a.double("eps"),
                     weightDecay: a.double("weight_decay"), maximize: a.bool("maximize"))
    }
}
