/// AdamW: Adam with weight decay applied to the weights directly rather than through the gradient —
/// `torch.optim.AdamW` (Loshchilov & Hutter, 2019).
///
/// ```
/// θ ← θ·(1 − ηλ)           then the ``Adam`` update with λ = 0
/// ```
///
/// The only differences from ``Adam`` are this decay and the default `weight_decay=0.01`. As in PyTorch,
/// `decoupled_weight_decay` is accepted but must stay True.
public struct AdamW: GradientOptimizer {
    public static let name = "AdamW"
    private var adam: Adam

    /// - Throws: ``InputError`` with PyTorch's message for a negative `lr`, `eps` or `weight_decay`, or a
    ///   beta outside [0, 1).
    public init(lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
                weightDecay: Double = 1e-2, amsgrad: Bool = false, maximize: Bool = false) throws(InputError) {
        adam = try Adam(lr: lr, betas: betas, eps: eps, weightDecay: weightDecay, amsgrad: amsgrad,
                        maximize: maximize, decoupledWeightDecay: true)
    }

    public var lr: Double {
        get { adam.lr }
        set { adam.lr = newValue }
    }

    public var betas: (Double, Double) { adam.betas }
    public var weightDecay: Double { adam.weightDecay }

    public var configuration: Component {
        var component = adam.configuration
        component.name = Self.name
        return component
    }

    /// `torch.optim.AdamW` always decouples and does not take `decoupled_weight_decay` as an argument.
    public var pytorchConstructor: String {
        var component = configuration
        component.arguments.removeAll { $0.key == "decoupled_weight_decay" }
        return "torch.optim.AdamW(" + (["[p]"] + pythonKeywords(component) + ["foreach=False"]).joined(separator: ", ") + ")"
    }

    public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        adam.step(&parameters, gradient: gradient)
    }

    public var state: [StateEntry] { adam.state }

    /// β₁, which CyclicLR and OneCycleLR cycle for this optimizer.
    public var scheduledMomentum: Double? {
        get { adam.scheduledMomentum }
        set { adam.scheduledMomentum = newValue }
    }

    public var momentumIsBeta1: Bool { true }

    static let entry = Catalog<any Optimizer>.Entry(
        name, summary: "Adam with decoupled weight decay",
        parameters: Adam.parameters(weightDecay: .number(1e-2), decoupled: true)
    ) { a throws(InputError) in
        try require(a.bool("decoupled_weight_decay"), "decoupled_weight_decay",
                    "AdamW always decouples weight decay; decoupled_weight_decay=False contradicts it (use Adam for L2 through the gradient)")
        return try AdamW(lr: a.double("lr"), betas: a.pair("betas"), eps: a.double("eps"),
                         weightDecay: a.double("weight_decay"), amsgrad: a.bool("amsgrad"), maximize: a.bool("maximize"))
    }
}
