/// Resilient backpropagation: per-coordinate step sizes that grow while the gradient keeps its sign and
/// shrink when it flips; only the gradient's sign moves the parameter — `torch.optim.Rprop` (Riedmiller &
/// Braun, 1993), in the iRprop⁻ variant PyTorch implements (Igel & Hüsken, 2000).
///
/// Per coordinate, with g the gradient (−g when `maximize`), g′ the gradient kept from the last step
/// (state "prev", 0 at first), Δ the step size (state "step_size", starting at `lr`),
/// (η⁻, η⁺) = `etas`, [Δmin, Δmax] = `step_sizes`:
///
/// ```
/// g·g′ > 0:  Δ ← min(max(η⁺·Δ, Δmin), Δmax)
/// g·g′ < 0:  Δ ← min(max(η⁻·Δ, Δmin), Δmax),  and g ← 0 for this step (no move; g′ becomes 0)
/// g·g′ = 0:  Δ unchanged (clamped)
/// θ ← θ − sign(g)·Δ,   g′ ← g
/// ```
public struct Rprop: GradientOptimizer {
    public static let name = "Rprop"
    public var lr: Double
    public let etas: (Double, Double)
    public let stepSizes: (Double, Double)
    public let maximize: Bool
    private var stepCount = 0.0
    private var prev: [Double] = []
    private var stepSize: [Double] = []

    /// - Throws: ``InputError`` with PyTorch's message for a negative `lr`, or `etas` not satisfying
    ///   0 < η⁻ < 1 < η⁺.
    public init(lr: Double = 1e-2, etas: (Double, Double) = (0.5, 1.2), stepSizes: (Double, Double) = (1e-6, 50),
                maximize: Bool = false) throws(InputError) {
        try requireNonNegative(lr, "lr", "learning rate")
        try require(0 < etas.0 && etas.0 < 1 && 1 < etas.1, "etas",
                    "Invalid eta values: \(pythonRepr(etas.0)), \(pythonRepr(etas.1))")
        self.lr = lr
        self.etas = etas
        self.stepSizes = stepSizes
        self.maximize = maximize
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "lr": .of(lr), "etas": .of(etas), "step_sizes": .of(stepSizes), "maximize": .boolean(maximize),
        ])
    }

    public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        if prev.isEmpty {
            prev = [Double](repeating: 0, count: parameters.count)
            stepSize = [Double](repeating: lr, count: parameters.count)
        }
        stepCount += 1
        let (etaMinus, etaPlus) = etas
        for i in parameters.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            let product = g * prev[i]
            // PyTorch maps the sign of g·g′ to a factor, then zeroes g wherever the factor equals η⁻.
            let factor = product > 0 ? etaPlus : product < 0 ? etaMinus : 1
            stepSize[i] = Swift.min(Swift.max(stepSize[i] * factor, stepSizes.0), stepSizes.1)
            if factor == etaMinus { g = 0 }
            parameters[i] = parameters[i] + (-1 * sign(g)) * stepSize[i]
            prev[i] = g
        }
    }

    public var state: [StateEntry] {
        guard !prev.isEmpty else { return [] }
        return [StateEntry("step", .scalar(stepCount)), StateEntry("prev", .vector(prev)),
                StateEntry("step_size", .vector(stepSize))]
    }

    static let entry = Catalog<any Optimizer>.Entry(
        name, summary: "sign-based steps with per-coordinate step sizes (iRprop⁻)",
        parameters: ParameterList([
            .init("lr", .number, .number(1e-2), "initial step size"),
            .init("etas", .pair, .tuple([.number(0.5), .number(1.2)]), "(η⁻, η⁺): shrink and growth factors"),
            .init("step_sizes", .pair, .tuple([.number(1e-6), .integer(50)]), "(Δmin, Δmax): bounds of the step size"),
        ] + implementationSwitches(["capturable", "foreach"]) + [
            .init("maximize", .boolean, .boolean(false), "ascend instead of descend"),
        ] + implementationSwitches(["differentiable"]))
    ) { a throws(InputError) in
        try Rprop(lr: a.double("lr"), etas: a.pair("etas"), stepSizes: a.pair("step_sizes"), maximize: a.bool("maximize"))
    }
}

/// PyTorch's `sign`: −1, 0 or 1 (NaN stays NaN).
@inline(__always)
func sign(_ value: Double) -> Double {
    value > 0 ? 1 : value < 0 ? -1 : value == 0 ? 0 : .nan
}
