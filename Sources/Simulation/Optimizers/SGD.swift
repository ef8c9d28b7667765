/// Stochastic gradient descent with optional (Nesterov) momentum and L2 weight decay — `torch.optim.SGD`.
///
/// Per coordinate, with g the gradient (−g when `maximize`), θ the parameter, η = `lr`, μ = `momentum`,
/// τ = `dampening`, λ = `weight_decay`:
///
/// ```
/// g ← g + λ·θ                                        if λ ≠ 0
/// b ← g (first step),  b ← μ·b + (1 − τ)·g (after)   if μ ≠ 0
/// g ← g + μ·b (nesterov)  or  g ← b                  if μ ≠ 0
/// θ ← θ − η·g
/// ```
///
/// The first momentum step copies the gradient undamped, as PyTorch does. Nesterov momentum needs
/// μ > 0 and τ = 0.
public struct SGD: GradientOptimizer {
    public static let name = "SGD"
    public var lr: Double
    public var momentum: Double
    public let dampening: Double
    public let weightDecay: Double
    public let nesterov: Bool
    public let maximize: Bool
    private var momentumBuffer: [Double] = []

    /// - Throws: ``InputError`` with PyTorch's message for a negative `lr`, `momentum` or `weight_decay`, or
    ///   Nesterov momentum without momentum or with dampening.
    public init(lr: Double = 1e-3, momentum: Double = 0, dampening: Double = 0, weightDecay: Double = 0,
                nesterov: Bool = false, maximize: Bool = false) throws(InputError) {
        try requireNonNegative(lr, "lr", "learning rate")
        try requireNonNegative(momentum, "momentum", "momentum value")
        try requireNonNegative(weightDecay, "weight_decay", "weight_decay value")
        try require(!nesterov || (momentum > 0 && dampening == 0), "nesterov",
                    "Nesterov momentum requires a momentum and zero dampening")
        self.lr = lr
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        self.maximize = maximize
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "lr": .of(lr), "momentum": .of(momentum), "dampening": .of(dampening),
            "weight_decay": .of(weightDecay), "nesterov": .boolean(nesterov), "maximize": .boolean(maximize),
        ])
    }

    public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        let first = momentum != 0 && momentumBuffer.isEmpty
        if first { momentumBuffer = [Double](repeating: 0, count: parameters.count) }
        for i in parameters.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            if weightDecay != 0 { g = g + weightDecay * parameters[i] }
            if momentum != 0 {
                let b = first ? g : momentumBuffer[i] * momentum + (1 - dampening) * g
                momentumBuffer[i] = b
                g = nesterov ? g + momentum * b : b
            }
            parameters[i] = parameters[i] + (-lr) * g
        }
    }

    /// SGD's and RMSprop's `momentum` as a schedule sees it.
    public var scheduledMomentum: Double? {
        get { momentum }
        set { if let newValue { momentum = newValue } }
    }

    public var state: [StateEntry] {
        momentumBuffer.isEmpty ? [] : [StateEntry("momentum_buffer", .vector(momentumBuffer))]
    }

    static let entry = Catalog<any Optimizer>.Entry(
        name, summary: "stochastic gradient descent, with optional (Nesterov) momentum",
        parameters: ParameterList([
            .init("lr", .number, .number(1e-3), "learning rate η"),
            .init("momentum", .number, .integer(0), "momentum factor μ"),
            .init("dampening", .number, .integer(0), "dampening τ of the gradient added to the momentum buffer"),
            .init("weight_decay", .number, .integer(0), "L2 penalty λ added to the gradient"),
            .init("nesterov", .boolean, .boolean(false), "use Nesterov momentum"),
            .init("maximize", .boolean, .boolean(false), "ascend instead of descend"),
        ] + implementationSwitches(["foreach", "differentiable", "fused"]))
    ) { a throws(InputError) in
        try SGD(lr: a.double("lr"), momentum: a.double("momentum"), dampening: a.double("dampening"),
                weightDecay: a.double("weight_decay"), nesterov: a.bool("nesterov"), maximize: a.bool("maximize"))
    }
}
