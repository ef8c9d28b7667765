#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Averaged stochastic gradient descent: SGD with a decaying step and a running average of the iterates —
/// `torch.optim.ASGD` (Polyak & Juditsky, 1992; the step schedule of Bottou, 2012).
///
/// Per step t (from 1), with g the gradient (−g when `maximize`), η = `lr`, λ = `lambd`, α = `alpha`,
/// t₀ = `t0`, ω = `weight_decay`; the step size ηₜ starts at η and the averaging weight μₜ at 1:
///
/// ```
/// g  ← g + ω·θ                                if ω ≠ 0
/// θ  ← θ·(1 − λ·ηₜ) − ηₜ·g
/// ax ← θ  if μₜ = 1,  else  ax + μₜ·(θ − ax)   (state "ax": the averaged point)
/// ηₜ₊₁ = η / (1 + λ·η·t)^α,   μₜ₊₁ = 1 / max(1, t − t₀)
/// ```
///
/// Averaging starts once t exceeds t₀ (default 10⁶, so by default the average is the last iterate).
/// A trace reports the averaged point after every step as `averaged`.
public struct ASGD: GradientOptimizer {
    public static let name = "ASGD"
    public var lr: Double
    public let lambd: Double
    public let alpha: Double
    public let t0: Double
    public let weightDecay: Double
    public let maximize: Bool
    private var stepCount = 0.0
    private var eta = 0.0
    private var mu = 1.0
    private var ax: [Double] = []

    /// - Throws: ``InputError`` with PyTorch's message for a negative `lr` or `weight_decay`.
    public init(lr: Double = 1e-2, lambd: Double = 1e-4, alpha: Double = 0.75, t0: Double = 1e6,
                weightDecay: Double = 0, maximize: Bool = false) throws(InputError) {
        try requireNonNegative(lr, "lr", "learning rate")
        try requireNonNegative(weightDecay, "weight_decay", "weight_decay value")
        self.lr = lr
        self.lambd = lambd
        self.alpha = alpha
        self.t0 = t0
        self.weightDecay = weightDecay
        self.maximize = maximize
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "lr": .of(lr), "lambd": .of(lambd), "alpha": .of(alpha), "t0": .of(t0),
            "weight_decay": .of(weightDecay), "maximize": .boolean(maximize),
        ])
    }

    public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        if ax.isEmpty {
            ax = [Double](repeating: 0, count: parameters.count)
            eta = lr
        }
        stepCount += 1
        for i in parameters.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            if weightDecay != 0 { g = g + weightDecay * parameters[i] }
            parameters[i] = parameters[i] * (1 - lambd * eta)
            parameters[i] = parameters[i] + (-eta) * g
            ax[i] = mu != 1 ? ax[i] + (parameters[i] - ax[i]) * mu : parameters[i]
        }
        eta = lr / pow(1 + lambd * lr * stepCount, alpha)
        mu = 1 / Swift.max(1, stepCount - t0)
    }

    public var state: [StateEntry] {
        guard !ax.isEmpty else { return [] }
        return [StateEntry("step", .scalar(stepCount)), StateEntry("eta", .scalar(eta)), StateEntry("mu", .scalar(mu)),
                StateEntry("ax", .vector(ax))]
    }

    public var averagedParameters: [Double]? { ax.isEmpty ? nil : ax }

    static let entry = Catalog<any Optimizer>.Entry(
        name, summary: "SGD with a decaying step and an average of the iterates",
        parameters: ParameterList([
            .init("lr", .number, .number(1e-2), "learning rate η"),
            .init("lambd", .number, .number(1e-4), "decay term λ"),
            .init("alpha", .number, .number(0.75), "power α of the step-size decay"),
            .init("t0", .number, .number(1e6), "step after which averaging starts"),
            .init("weight_decay", .number, .integer(0), "L2 penalty added to the gradient"),
        ] + implementationSwitches(["foreach"]) + [
            .init("maximize", .boolean, .boolean(false), "ascend instead of descend"),
        ] + implementationSwitches(["differentiable", "capturable"]))
    ) { a throws(InputError) in
        try ASGD(lr: a.double("lr"), lambd: a.double("lambd"), alpha: a.double("alpha"), t0: a.double("t0"),
                 weightDecay: a.double("weight_decay"), maximize: a.bool("maximize"))
    }
}
