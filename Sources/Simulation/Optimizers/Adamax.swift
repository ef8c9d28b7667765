#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Adamax: Adam with the second moment replaced by an exponentially weighted infinity norm —
/// `torch.optim.Adamax` (Kingma & Ba, 2015, section 7).
///
/// Per coordinate, with g the gradient (−g when `maximize`), t the step count from 1, (β₁, β₂) = `betas`,
/// η = `lr`, λ = `weight_decay`:
///
/// ```
/// g ← g + λ·θ                          if λ ≠ 0
/// m ← lerp(m, g, 1 − β₁)               (state "exp_avg")
/// u ← max(β₂·u, |g| + ε)               (state "exp_inf"; ε sits inside the max, as in PyTorch)
/// θ ← θ − (η / (1 − β₁ᵗ)) · m / u
/// ```
public struct Adamax: GradientOptimizer {
    public static let name = "Adamax"
    public var lr: Double
    public var betas: (Double, Double)
    public let eps: Double
    public let weightDecay: Double
    public let maximize: Bool
    private var stepCount = 0.0
    private var expAvg: [Double] = []
    private var expInf: [Double] = []

    /// - Throws: ``InputError`` with PyTorch's message for a negative `lr`, `eps` or `weight_decay`, or a
    ///   beta outside [0, 1).
    public init(lr: Double = 2e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
                weightDecay: Double = 0, maximize: Bool = false) throws(InputError) {
        try requireAdamStyle(lr: lr, eps: eps, betas: betas, weightDecay: weightDecay)
        self.lr = lr
        self.betas = betas
        self.eps = eps
        self.weightDecay = weightDecay
        self.maximize = maximize
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "lr": .of(lr), "betas": .of(betas), "eps": .of(eps), "weight_decay": .of(weightDecay),
            "maximize": .boolean(maximize),
        ])
    }

    public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        if expAvg.isEmpty {
            expAvg = [Double](repeating: 0, count: parameters.count)
            expInf = expAvg
        }
        stepCount += 1
        let (beta1, beta2) = betas
        let clr = lr / (1 - pow(beta1, stepCount))
        for i in parameters.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            if weightDecay != 0 { g = g + weightDecay * parameters[i] }
            expAvg[i] = lerp(expAvg[i], g, 1 - beta1)
            let decayed = expInf[i] * beta2, bound = abs(g) + eps
            expInf[i] = decayed.isNaN || bound.isNaN ? .nan : Swift.max(decayed, bound)
            parameters[i] = parameters[i] + (-clr) * expAvg[i] / expInf[i]
        }
    }

    /// β₁, which CyclicLR and OneCycleLR cycle for this optimizer.
    public var scheduledMomentum: Double? {
        get { betas.0 }
        set { if let newValue { betas.0 = newValue } }
    }

    public var momentumIsBeta1: Bool { true }

    public var state: [StateEntry] {
        guard !expAvg.isEmpty else { return [] }
        return [StateEntry("step", .scalar(stepCount)), StateEntry("exp_avg", .vector(expAvg)),
                StateEntry("exp_inf", .vector(expInf))]
    }

    static let entry = Catalog<any Optimizer>.Entry(
        name, summary: "Adam with an infinity-norm second moment",
        parameters: ParameterList([
            .init("lr", .number, .number(2e-3), "learning rate η"),
            .init("betas", .pair, .tuple([.number(0.9), .number(0.999)]), "decay rates (β₁, β₂) of the mean and the norm"),
            .init("eps", .number, .number(1e-8), "added to |g| inside the max"),
            .init("weight_decay", .number, .integer(0), "L2 penalty λ added to the gradient"),
        ] + implementationSwitches(["foreach"]) + [
            .init("maximize", .boolean, .boolean(false), "ascend instead of descend"),
        ] + implementationSwitches(["differentiable", "capturable"]))
    ) { a throws(InputError) in
        try Adamax(lr: a.double("lr"), betas: a.pair("betas"), eps: a.double("eps"),
                   weightDecay: a.double("weight_decay"), maximize: a.bool("maximize"))
    }
}
