/// Adagrad: per-coordinate steps scaled by the root of the summed squared gradients — `torch.optim.Adagrad`.
///
/// Per coordinate, with g the gradient (−g when `maximize`), t the step count from 1, η = `lr`,
/// ρ = `lr_decay`, λ = `weight_decay`, G₀ = `initial_accumulator_value`:
///
/// ```
/// g  ← g + λ·θ                 if λ ≠ 0
/// η̃  = η / (1 + (t − 1)·ρ)
/// G  ← G + g²                  (state "sum")
/// θ  ← θ − η̃·g / (√G + ε)
/// ```
public struct Adagrad: GradientOptimizer {
    public static let name = "Adagrad"
    public var lr: Double
    public let lrDecay: Double
    public let weightDecay: Double
    public let initialAccumulatorValue: Double
    public let eps: Double
    public let maximize: Bool
    private var stepCount = 0.0
    private var sum: [Double] = []

    /// - Throws: ``InputError`` with PyTorch's message when `lr`, `lr_decay`, `weight_decay`,
    ///   `initial_accumulator_value` or `eps` is negative.
    public init(lr: Double = 1e-2, lrDecay: Double = 0, weightDecay: Double = 0, initialAccumulatorValue: Double = 0,
                eps: Double = 1e-10, maximize: Bool = false) throws(InputError) {
        try requireNonNegative(lr, "lr", "learning rate")
        try requireNonNegative(lrDecay, "lr_decay", "lr_decay value")
        try requireNonNegative(weightDecay, "weight_decay", "weight_decay value")
        try requireNonNegative(initialAccumulatorValue, "initial_accumulator_value", "initial_accumulator_value value")
        try requireNonNegative(eps, "eps", "epsilon value")
        self.lr = lr
        self.lrDecay = lrDecay
        self.weightDecay = weightDecay
        self.initialAccumulatorValue = initialAccumulatorValue
        self.eps = eps
        self.maximize = maximize
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "lr": .of(lr), "lr_decay": .of(lrDecay), "weight_decay": .of(weightDecay),
            "initial_accumulator_value": .of(initialAccumulatorValue), "eps": .of(eps), "maximize": .boolean(maximize),
        ])
    }

    public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        if sum.isEmpty { sum = [Double](repeating: initialAccumulatorValue, count: parameters.count) }
        stepCount += 1
        let clr = lr / (1 + (stepCount - 1) * lrDecay)
        for i in parameters.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            if weightDecay != 0 { g = g + weightDecay * parameters[i] }
            sum[i] = sum[i] + g * g
            let std = sum[i].squareRoot() + eps
            parameters[i] = parameters[i] + (-clr) * g / std
        }
    }

    public var state: [StateEntry] {
        sum.isEmpty ? [] : [StateEntry("step", .scalar(stepCount)), StateEntry("sum", .vector(sum))]
    }

    static let entry = Catalog<any Optimizer>.Entry(
        name, summary: "per-coordinate step sizes from the sum of squared gradients",
        parameters: ParameterList([
            .init("lr", .number, .number(1e-2), "learning rate η"),
            .init("lr_decay", .number, .integer(0), "decay ρ: step t uses η / (1 + (t − 1)ρ)"),
            .init("weight_decay", .number, .integer(0), "L2 penalty λ added to the gradient"),
            .init("initial_accumulator_value", .number, .integer(0), "starting value of the squared-gradient sum"),
            .init("eps", .number, .number(1e-10), "added to the root of the sum"),
            .init("maximize", .boolean, .boolean(false), "ascend instead of descend"),
        ] + implementationSwitches(["foreach", "differentiable", "fused"]))
    ) { a throws(InputError) in
        try Adagrad(lr: a.double("lr"), lrDecay: a.double("lr_decay"), weightDecay: a.double("weight_decay"),
                    initialAccumulatorValue: a.double("initial_accumulator_value"), eps: a.double("eps"),
                    maximize: a.bool("maximize"))
    }
}
