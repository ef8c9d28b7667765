/// Lion (EvoLved Sign Momentum): steps of fixed size in the direction of the sign of an interpolated
/// momentum — `pytorch_optimizer.Lion` from the PyPI package pytorch-optimizer 4.1.0 (Chen et al., 2023,
/// "Symbolic Discovery of Optimization Algorithms"). Lion is not part of `torch.optim`.
///
/// Per coordinate, with g the gradient (−g when `maximize`), η = `lr`, λ = `weight_decay`,
/// (β₁, β₂) = `betas`, m = 0 before the first step:
///
/// ```
/// θ ← θ·(1 − λη)   (weight_decouple, the default; θ·(1 − λ) with fixed_decay)   or   g ← g + λθ
/// c = lerp(m, g, 1 − β₁)
/// θ ← θ − η·sign(c)          (sign(0) = 0)
/// m ← lerp(m, g, 1 − β₂)     (state "exp_avg")
/// ```
public struct Lion: GradientOptimizer {
    public static let name = "Lion"
    public var lr: Double
    public var betas: (Double, Double)
    public let weightDecay: Double
    public let weightDecouple: Bool
    public let fixedDecay: Bool
    public let maximize: Bool
    private var expAvg: [Double] = []

    /// - Throws: ``InputError`` with pytorch-optimizer's message for a negative `lr` or `weight_decay`, or a
    ///   beta outside [0, 1).
    public init(lr: Double = 1e-4, betas: (Double, Double) = (0.9, 0.99), weightDecay: Double = 0,
                weightDecouple: Bool = true, fixedDecay: Bool = false, maximize: Bool = false) throws(InputError) {
        try require(!(lr < 0), "lr", "learning rate must be positive. (\(pythonRepr(lr)) > 0)")
        try require(0 <= betas.0 && betas.0 < 1, "betas", "beta1 must be in the range [0.0, 1.0)")
        try require(0 <= betas.1 && betas.1 < 1, "betas", "beta2 must be in the range [0.0, 1.0)")
        try require(!(weightDecay < 0), "weight_decay", "weight_decay must be non-negative")
        self.lr = lr
        self.betas = betas
        self.weightDecay = weightDecay
        self.weightDecouple = weightDecouple
        self.fixedDecay = fixedDecay
        self.maximize = maximize
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "lr": .of(lr), "betas": .of(betas), "weight_decay": .of(weightDecay),
            "weight_decouple": .boolean(weightDecouple), "fixed_decay": .boolean(fixedDecay), "maximize": .boolean(maximize),
        ])
    }

    public var pytorchConstructor: String {
        "pytorch_optimizer.Lion(" + (["[p]"] + pythonKeywords(configuration)).joined(separator: ", ") + ")"
    }

    public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        if expAvg.isEmpty { expAvg = [Double](repeating: 0, count: parameters.count) }
        let (beta1, beta2) = betas
        for i in parameters.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            if weightDecay != 0 {
                if weightDecouple {
                    parameters[i] = parameters[i] * (1 - weightDecay * (fixedDecay ? 1 : lr))
                } else if weightDecay > 0 {
                    g = g + weightDecay * parameters[i]
                }
            }
            let update = sign(lerp(expAvg[i], g, 1 - beta1))
            expAvg[i] = lerp(expAvg[i], g, 1 - beta2)
            parameters[i] = parameters[i] + (-lr) * update
        }
    }

    /// β₁, which CyclicLR and OneCycleLR cycle for this optimizer.
    public var scheduledMomentum: Double? {
        get { betas.0 }
        set { if let newValue { betas.0 = newValue } }
    }

    public var momentumIsBeta1: Bool { true }

    public var state: [StateEntry] {
        expAvg.isEmpty ? [] : [StateEntry("exp_avg", .vector(expAvg))]
    }

    static let entry = Catalog<any Optimizer>.Entry(
        name, summary: "sign of an interpolated momentum (pytorch-optimizer 4.1.0)",
        parameters: ParameterList([
            .init("lr", .number, .number(1e-4), "learning rate η: the size of every coordinate's step"),
            .init("betas", .pair, .tuple([.number(0.9), .number(0.99)]), "(β₁, β₂): interpolation of the update and decay of the momentum"),
            .init("weight_decay", .number, .number(0), "weight decay λ"),
            .init("weight_decouple", .boolean, .boolean(true), "decay the weights directly (θ ← θ(1 − λη)) instead of adding λθ to the gradient"),
            .init("fixed_decay", .boolean, .boolean(false), "decoupled decay without the factor η"),
        ] + implementationSwitches(["foreach"]) + [
            .init("maximize", .boolean, .boolean(false), "ascend instead of descend"),
        ])
    ) { a throws(InputError) in
        try Lion(lr: a.double("lr"), betas: a.pair("betas"), weightDecay: a.double("weight_decay"),
                 weightDecouple: a.bool("weight_decouple"), fixedDecay: a.bool("fixed_decay"), maximize: a.bool("maximize"))
    }
}
