#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Adam: momentum on the gradient, divided by the root of a running second moment, both bias-corrected —
/// `torch.optim.Adam` (Kingma & Ba, 2015; AMSGrad: Reddi et al., 2018).
///
/// Per coordinate, with g the gradient (−g when `maximize`), t the step count from 1, (β₁, β₂) = `betas`,
/// η = `lr`, λ = `weight_decay`:
///
/// ```
/// θ ← θ·(1 − ηλ)   if decoupled_weight_decay,   else   g ← g + λ·θ     (if λ ≠ 0)
/// m ← lerp(m, g, 1 − β₁)                        (state "exp_avg")
/// v ← β₂·v + (1 − β₂)·g²                        (state "exp_avg_sq")
/// v̂ ← max(v̂, v)  (amsgrad, state "max_exp_avg_sq"), used in place of v below
/// θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
/// ```
///
/// With `decoupled_weight_decay=True` this is exactly ``AdamW``.
public struct Adam: GradientOptimizer {
    public static let name = "Adam"
    public var lr: Double
    public var betas: (Double, Double)
    public let eps: Double
    public let weightDecay: Double
    public let amsgrad: Bool
    public let maximize: Bool
    public let decoupledWeightDecay: Bool
    private var stepCount = 0.0
    private var expAvg: [Double] = []
    private var expAvgSq: [Double] = []
    private var maxExpAvgSq: [Double] = []

    /// - Throws: ``InputError`` with PyTorch's message for a negative `lr`, `eps` or `weight_decay`, or a
    ///   beta outside [0, 1).
    public init(lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
                weightDecay: Double = 0, amsgrad: Bool = false, maximize: Bool = false,
                decoupledWeightDecay: Bool = false) throws(InputError) {
        try requireAdamStyle(lr: lr, eps: eps, betas: betas, weightDecay: weightDecay)
        self.lr = lr
        self.betas = betas
        self.eps = eps
        self.weightDecay = weightDecay
        self.amsgrad = amsgrad
        self.maximize = maximize
        self.decoupledWeightDecay = decoupledWeightDecay
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "lr": .of(lr), "betas": .of(betas), "eps": .of(eps), "weight_decay": .of(weightDecay),
            "amsgrad": .boolean(amsgrad), "maximize": .boolean(maximize),
            "decoupled_weight_decay": .boolean(decoupledWeightDecay),
        ])
    }

    public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        if expAvg.isEmpty {
            expAvg = [Double](repeating: 0, count: parameters.count)
            expAvgSq = expAvg
            if amsgrad { maxExpAvgSq = expAvg }
        }
        stepCount += 1
        let (beta1, beta2) = betas
        let biasCorrection1 = 1 - pow(beta1, stepCount)
        let biasCorrection2 = 1 - pow(beta2, stepCount)
        let stepSize = lr / biasCorrection1
        let biasCorrection2Sqrt = pow(biasCorrection2, 0.5)
        for i in parameters.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            applyWeightDecay(&parameters[i], &g, lr: lr, weightDecay: weightDecay, decoupled: decoupledWeightDecay)
            expAvg[i] = lerp(expAvg[i], g, 1 - beta1)
            expAvgSq[i] = expAvgSq[i] * beta2 + (1 - beta2) * g * g
            var second = expAvgSq[i]
            if amsgrad {
                maxExpAvgSq[i] = Swift.max(maxExpAvgSq[i], expAvgSq[i])
                second = maxExpAvgSq[i]
            }
            let denom = second.squareRoot() / biasCorrection2Sqrt + eps
            parameters[i] = parameters[i] + (-stepSize) * expAvg[i] / denom
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
        var entries = [StateEntry("step", .scalar(stepCount)), StateEntry("exp_avg", .vector(expAvg)),
                       StateEntry("exp_avg_sq", .vector(expAvgSq))]
        if amsgrad { entries.append(StateEntry("max_exp_avg_sq", .vector(maxExpAvgSq))) }
        return entries
    }

    /// Adam's and AdamW's parameters, which differ only in the `weight_decay` default.
    static func parameters(weightDecay: ComponentValue, decoupled: Bool) -> ParameterList {
        ParameterList([
            .init("lr", .number, .number(1e-3), "learning rate η"),
            .init("betas", .pair, .tuple([.number(0.9), .number(0.999)]), "decay rates (β₁, β₂) of the two moments"),
            .init("eps", .number, .number(1e-8), "added to the denominator"),
            .init("weight_decay", .number, weightDecay, decoupled ? "decoupled decay λ: θ ← θ(1 − ηλ)" : "L2 penalty λ added to the gradient"),
            .init("amsgrad", .boolean, .boolean(false), "divide by the largest second moment seen (AMSGrad)"),
        ] + implementationSwitches(["foreach"]) + [
            .init("maximize", .boolean, .boolean(false), "ascend instead of descend"),
        ] + implementationSwitches(["capturable", "differentiable", "fused"]) + [
            .init("decoupled_weight_decay", .boolean, .boolean(decoupled),
                  decoupled ? "always True for AdamW" : "decay the weights directly (AdamW) instead of adding λθ to the gradient"),
        ])
    }

    static let entry = Catalog<any Optimizer>.Entry(
        "Adam", summary: "bias-corrected momentum over a running RMS of the gradient",
        parameters: parameters(weightDecay: .integer(0), decoupled: false)
    ) { a throws(InputError) in
        try Adam(lr: a.double("lr"), betas: a.pair("betas"), eps: a.double("eps"), weightDecay: a.double("weight_decay"),
                 amsgrad: a.bool("amsgrad"), maximize: a.bool("maximize"),
                 decoupledWeightDecay: a.bool("decoupled_weight_decay"))
    }
}
