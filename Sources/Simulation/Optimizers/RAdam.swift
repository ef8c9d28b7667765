#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// RAdam: Adam whose adaptive step is switched on only once the variance of its estimate is tractable,
/// and then rectified — `torch.optim.RAdam` (Liu et al., 2020).
///
/// Per coordinate, with g the gradient (−g when `maximize`), t the step count from 1, (β₁, β₂) = `betas`,
/// η = `lr`, λ = `weight_decay`:
///
/// ```
/// θ ← θ·(1 − ηλ)   if decoupled_weight_decay,   else   g ← g + λ·θ     (if λ ≠ 0)
/// m ← lerp(m, g, 1 − β₁),   v ← β₂·v + (1 − β₂)·g²,   m̂ = m / (1 − β₁ᵗ)
/// ρ∞ = 2/(1 − β₂) − 1,   ρₜ = ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)
/// if ρₜ > 5:  r = √((ρₜ − 4)(ρₜ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₜ)),   θ ← θ − η·m̂·√(1 − β₂ᵗ)/(√v + ε)·r
/// else:       θ ← θ − η·m̂
/// ```
public struct RAdam: GradientOptimizer {
    public static let name = "RAdam"
    public var lr: Double
    public var betas: (Double, Double)
    public let eps: Double
    public let weightDecay: Double
    public let decoupledWeightDecay: Bool
    public let maximize: Bool
    private var stepCount = 0.0
    private var expAvg: [Double] = []
    private var expAvgSq: [Double] = []

    /// - Throws: ``InputError`` with PyTorch's message for a negative `lr`, `eps` or `weight_decay`, or a
    ///   beta outside [0, 1).
    public init(lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
                weightDecay: Double = 0, decoupledWeightDecay: Bool = false, maximize: Bool = false) throws(InputError) {
        try requireAdamStyle(lr: lr, eps: eps, betas: betas, weightDecay: weightDecay)
        self.lr = lr
        self.betas = betas
        self.eps = eps
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
        self.maximize = maximize
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "lr": .of(lr), "betas": .of(betas), "eps": .of(eps), "weight_decay": .of(weightDecay),
            "decoupled_weight_decay": .boolean(decoupledWeightDecay), "maximize": .boolean(maximize),
        ])
    }

    public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        if expAvg.isEmpty {
            expAvg = [Double](repeating: 0, count: parameters.count)
            expAvgSq = expAvg
        }
        stepCount += 1
        let (beta1, beta2) = betas
        let biasCorrection1 = 1 - pow(beta1, stepCount)
        let biasCorrection2 = 1 - pow(beta2, stepCount)
        let rhoInf = 2 / (1 - beta2) - 1
        let rhoT = rhoInf - 2 * stepCount * pow(beta2, stepCount) / biasCorrection2
        let rectified = rhoT > 5
        let rect = rectified ? pow((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT), 0.5) : 0
        let biasCorrection2Sqrt = pow(biasCorrection2, 0.5)
        for i in parameters.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            applyWeightDecay(&parameters[i], &g, lr: lr, weightDecay: weightDecay, decoupled: decoupledWeightDecay)
            expAvg[i] = lerp(expAvg[i], g, 1 - beta1)
            expAvgSq[i] = expAvgSq[i] * beta2 + (1 - beta2) * g * g
            let correctedMean = expAvg[i] / biasCorrection1
            let update: Double
            if rectified {
                let adaptiveLR = biasCorrection2Sqrt / (expAvgSq[i].squareRoot() + eps)
                update = correctedMean * lr * adaptiveLR * rect
            } else {
                update = correctedMean * lr
            }
            parameters[i] = parameters[i] + (-1.0) * update
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
                StateEntry("exp_avg_sq", .vector(expAvgSq))]
    }

    static let entry = Catalog<any Optimizer>.Entry(
        name, summary: "Adam with a rectified adaptive step, plain momentum while its variance is untractable",
        parameters: ParameterList([
            .init("lr", .number, .number(1e-3), "learning rate η"),
            .init("betas", .pair, .tuple([.number(0.9), .number(0.999)]), "decay rates (β₁, β₂) of the two moments"),
            .init("eps", .number, .number(1e-8), "added to the denominator"),
            .init("weight_decay", .number, .integer(0), "weight decay λ"),
            .init("decoupled_weight_decay", .boolean, .boolean(false), "decay the weights directly instead of adding λθ to the gradient"),
        ] + implementationSwitches(["foreach"]) + [
            .init("maximize", .boolean, .boolean(false), "ascend instead of descend"),
        ] + implementationSwitches(["capturable", "differentiable"]))
    ) { a throws(InputError) in
        try RAdam(lr: a.double("lr"), betas: a.pair("betas"), eps: a.double("eps"), weightDecay: a.double("weight_decay"),
                  decoupledWeightDecay: a.bool("decoupled_weight_decay"), maximize: a.bool("maximize"))
    }
}
