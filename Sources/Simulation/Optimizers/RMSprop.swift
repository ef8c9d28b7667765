/// RMSprop: steps divided by a running root-mean-square of the gradient — `torch.optim.RMSprop`
/// (Hinton's lecture notes; the centered form follows Graves, 2013).
///
/// Per coordinate, with g the gradient (−g when `maximize`), α = `alpha`, η = `lr`, μ = `momentum`,
/// λ = `weight_decay`:
///
/// ```
/// g  ← g + λ·θ                              if λ ≠ 0
/// v  ← α·v + (1 − α)·g²                     (state "square_avg")
/// m̄  ← lerp(m̄, g, 1 − α)                    (state "grad_avg", centered only)
/// d  = √(v − m̄²) + ε   (centered)   or   √v + ε
/// b  ← μ·b + g/d,  θ ← θ − η·b              if μ > 0   (state "momentum_buffer")
/// θ  ← θ − η·g/d                            otherwise
/// ```
public struct RMSprop: GradientOptimizer {
    public static let name = "RMSprop"
    public var lr: Double
    public let alpha: Double
    public let eps: Double
    public let weightDecay: Double
    public var momentum: Double
    public let centered: Bool
    public let maximize: Bool
    private var stepCount = 0.0
    private var squareAvg: [Double] = []
    private var gradAvg: [Double] = []
    private var momentumBuffer: [Double] = []

    /// - Throws: ``InputError`` with PyTorch's message when `lr`, `eps`, `momentum`, `weight_decay` or
    ///   `alpha` is negative.
    public init(lr: Double = 1e-2, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0,
                momentum: Double = 0, centered: Bool = false, maximize: Bool = false) throws(InputError) {
        try requireNonNegative(lr, "lr", "learning rate")
        try requireNonNegative(eps, "eps", "epsilon value")
        try requireNonNegative(momentum, "momentum", "momentum value")
        try requireNonNegative(weightDecay, "weight_decay", "weight_decay value")
        try requireNonNegative(alpha, "alpha", "alpha value")
        self.lr = lr
        self.alpha = alpha
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
        self.maximize = maximize
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "lr": .of(lr), "alpha": .of(alpha), "eps": .of(eps), "weight_decay": .of(weightDecay),
            "momentum": .of(momentum), "centered": .boolean(centered), "maximize": .boolean(maximize),
        ])
    }

    public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        if squareAvg.isEmpty {
            squareAvg = [Double](repeating: 0, count: parameters.count)
            if centered { gradAvg = squareAvg }
            if momentum > 0 { momentumBuffer = squareAvg }
        }
        // A schedule may switch momentum on after the first step: start its buffer at zero then.
        if momentum > 0 && momentumBuffer.isEmpty { momentumBuffer = [Double](repeating: 0, count: parameters.count) }
        stepCount += 1
        for i in parameters.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            if weightDecay != 0 { g = g + weightDecay * parameters[i] }
            squareAvg[i] = squareAvg[i] * alpha + (1 - alpha) * g * g
            var avg: Double
            if centered {
                gradAvg[i] = lerp(gradAvg[i], g, 1 - alpha)
                avg = (squareAvg[i] + (-1) * gradAvg[i] * gradAvg[i]).squareRoot()
            } else {
                avg = squareAvg[i].squareRoot()
            }
            avg = avg + eps
            if momentum > 0 {
                momentumBuffer[i] = momentumBuffer[i] * momentum + g / avg
                parameters[i] = parameters[i] + (-lr) * momentumBuffer[i]
            } else {
                parameters[i] = parameters[i] + (-lr) * g / avg
            }
        }
    }

    /// SGD's and RMSprop's `momentum` as a schedule sees it.
    public var scheduledMomentum: Double? {
        get { momentum }
        set { if let newValue { momentum = newValue } }
    }

    public var state: [StateEntry] {
        guard !squareAvg.isEmpty else { return [] }
        var entries = [StateEntry("step", .scalar(stepCount)), StateEntry("square_avg", .vector(squareAvg))]
        if !momentumBuffer.isEmpty { entries.append(StateEntry("momentum_buffer", .vector(momentumBuffer))) }
        if centered { entries.append(StateEntry("grad_avg", .vector(gradAvg))) }
        return entries
    }

    static let entry = Catalog<any Optimizer>.Entry(
        name, summary: "steps divided by a running RMS of the gradient, optionally centered and with momentum",
        parameters: ParameterList([
            .init("lr", .number, .number(1e-2), "learning rate η"),
            .init("alpha", .number, .number(0.99), "smoothing constant α of the squared-gradient average"),
            .init("eps", .number, .number(1e-8), "added to the root in the denominator"),
            .init("weight_decay", .number, .integer(0), "L2 penalty λ added to the gradient"),
            .init("momentum", .number, .integer(0), "momentum factor μ"),
            .init("centered", .boolean, .boolean(false), "divide by the estimated variance instead of the second moment"),
        ] + implementationSwitches(["capturable", "foreach"]) + [
            .init("maximize", .boolean, .boolean(false), "ascend instead of descend"),
        ] + implementationSwitches(["differentiable"]))
    ) { a throws(InputError) in
        try RMSprop(lr: a.double("lr"), alpha: a.double("alpha"), eps: a.double("eps"),
                    weightDecay: a.double("weight_decay"), momentum: a.double("momentum"),
                    centered: a.bool("centered"), maximize: a.bool("maximize"))
    }
}
