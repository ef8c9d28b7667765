#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// NAdam: Adam with Nesterov momentum and a momentum schedule — `torch.optim.NAdam` (Dozat, 2016).
///
/// Per coordinate, with g the gradient (−g when `maximize`), t the step count from 1, (β₁, β₂) = `betas`,
/// η = `lr`, ψ = `momentum_decay`, λ = `weight_decay`:
///
/// ```
/// θ ← θ·(1 − ηλ)   if decoupled_weight_decay,   else   g ← g + λ·θ     (if λ ≠ 0)
/// μₜ = β₁·(1 − ½·0.96^(tψ)),   μₜ₊₁ = β₁·(1 − ½·0.96^((t+1)ψ)),   Πₜ = μ₁⋯μₜ   (state "mu_product")
/// m ← lerp(m, g, 1 − β₁),   v ← β₂·v + (1 − β₂)·g²
/// d = √(v / (1 − β₂ᵗ)) + ε
/// θ ← θ − η(1 − μₜ)/(1 − Πₜ) · g/d − η·μₜ₊₁/(1 − Πₜ·μₜ₊₁) · m/d
/// ```
public struct NAdam: GradientOptimizer {
    public static let name = "NAdam"
    public var lr: Double
    public var betas: (Double, Double)
    public let eps: Double
    public let weightDecay: Double
    public let momentumDecay: Double
    public let decoupledWeightDecay: Bool
    public let maximize: Bool
    private var stepCount = 0.0
    private var muProduct = 1.0
    private var expAvg: [Double] = []
    private var expAvgSq: [Double] = []

    /// - Throws: ``InputError`` with PyTorch's message for a negative `lr`, `eps`, `weight_decay` or
    ///   `momentum_decay`, or a beta outside [0, 1).
    public init(lr: Double = 2e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
                weightDecay: Double = 0, momentumDecay: Double = 4e-3, decoupledWeightDecay: Bool = false,
                maximize: Bool = false) throws(InputError) {
        try requireAdamStyle(lr: lr, eps: eps, betas: betas, weightDecay: weightDecay)
        try requireNonNegative(momentumDecay, "momentum_decay", "momentum_decay value")
        self.lr = lr
        self.betas = betas
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentumDecay = momentumDecay
        self.decoupledWeightDecay = decoupledWeightDecay
        self.maximize = maximize
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "lr": .of(lr), "betas": .of(betas), "eps": .of(eps), "weight_decay": .of(weightDecay),
            "momentum_decay": .of(momentumDecay), "decoupled_weight_decay": .boolean(decoupledWeightDecay),
            "maximize": .boolean(maximize),
        ])
    }

    public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        if expAvg.isEmpty {
            expAvg = [Double](repeating: 0, count: parameters.count)
            expAvgSq = expAvg
        }
        stepCount += 1
        let (beta1, beta2) = betas
        let biasCorrection2 = 1 - pow(beta2, stepCount)
        let mu = beta1 * (1 - 0.5 * pow(0.96, stepCount * momentumDecay))
        let muNext = beta1 * (1 - 0.5 * pow(0.96, (stepCount + 1) * momentumDecay))
        muProduct *= mu
        let muProductNext = muProduct * muNext
        let gradientScale = -lr * (1 - mu) / (1 - muProduct)
        let momentumScale = (-lr * muNext) / (1 - muProductNext)
        for i in parameters.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            applyWeightDecay(&parameters[i], &g, lr: lr, weightDecay: weightDecay, decoupled: decoupledWeightDecay)
            expAvg[i] = lerp(expAvg[i], g, 1 - beta1)
            expAvgSq[i] = expAvgSq[i] * beta2 + (1 - beta2) * g * g
            let denom = (expAvgSq[i] / biasCorrection2).squareRoot() + eps
            parameters[i] = parameters[i] + gradientScale * g / denom
            parameters[i] = parameters[i] + momentumScale * expAvg[i] / denom
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
        return [StateEntry("step", .scalar(stepCount)), StateEntry("mu_product", .scalar(muProduct)),
                StateEntry("exp_avg", .vector(expAvg)), StateEntry("exp_avg_sq", .vector(expAvgSq))]
    }

    static let entry = Catalog<any Optimizer>.Entry(
        name, summary: "Adam with Nesterov momentum and a warming momentum schedule",
        parameters: ParameterList([
            .init("lr", .number, .number(2e-3), "learning rate η"),
            .init("betas", .pair, .tuple([.number(0.9), .number(0.999)]), "decay rates (β₁, β₂) of the two moments"),
            .init("eps", .number, .number(1e-8), "added to the denominator"),
            .init("weight_decay", .number, .integer(0), "weight decay λ"),
            .init("momentum_decay", .number, .number(4e-3), "ψ in the momentum schedule μₜ = β₁(1 − ½·0.96^(tψ))"),
            .init("decoupled_weight_decay", .boolean, .boolean(false), "decay the weights directly instead of adding λθ to the gradient"),
        ] + implementationSwitches(["foreach"]) + [
            .init("maximize", .boolean, .boolean(false), "ascend instead of descend"),
        ] + implementationSwitches(["capturable", "differentiable"]))
    ) { a throws(InputError) in
        try NAdam(lr: a.double("lr"), betas: a.pair("betas"), eps: a.double("eps"), weightDecay: a.double("weight_decay"),
                  momentumDecay: a.double("momentum_decay"), decoupledWeightDecay: a.bool("decoupled_weight_decay"),
                  maximize: a.bool("maximize"))
    }
}
