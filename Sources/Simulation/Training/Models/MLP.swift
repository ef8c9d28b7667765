/// A multilayer perceptron with one output: `nn.Sequential(Linear(d, h₁), act, …, Linear(h_k, 1))`.
///
/// Forward: h₀ = x, aₗ = Wₗhₗ₋₁ + bₗ, hₗ = act(aₗ) for the hidden layers, and f = a_{k+1} (no activation on the
/// output). The output is a prediction scored by the mean squared error, or a logit scored by binary
/// cross-entropy (``objective``).
///
/// Backward (hand-written backpropagation, per example i and summed): δ_{k+1} = ∂L/∂fᵢ;
/// ∂L/∂Wₗ += δₗ hₗ₋₁ᵀ, ∂L/∂bₗ += δₗ, δₗ₋₁ = (Wₗᵀδₗ) ⊙ act′(aₗ₋₁).
///
/// θ lists each layer's weight (row-major, `out × in`) then its bias, layer after layer — the order of
/// PyTorch's `model.parameters()`, so `torch.cat([p.flatten() for p in model.parameters()])` is θ.
/// ``initialParameters(seed:)`` draws every weight and bias of a layer uniform in ±1/√fan_in, PyTorch's
/// default for `nn.Linear` (the values differ from PyTorch's, which uses its own generator).
public struct MLP: Model {
    public let featureCount: Int
    /// The widths of the hidden layers, input side first (may be empty: then it is a linear model).
    public let hidden: [Int]
    public let activation: Activation
    public let objective: Objective
    /// Widths of every layer, input and output included: (d, h₁, …, h_k, 1).
    private let widths: [Int]
    /// Where each layer's weight starts in θ (its bias follows the weight).
    private let offsets: [Int]

    /// An MLP on `featureCount` inputs with `hidden` layer widths (each ≥ 1).
    public init(featureCount: Int, hidden: [Int], activation: Activation = .tanh, objective: Objective = .meanSquaredError) {
        precondition(featureCount >= 1 && hidden.allSatisfy { $0 >= 1 }, "layer widths must be at least 1")
        self.featureCount = featureCount
        self.hidden = hidden
        self.activation = activation
        self.objective = objective
        widths = [featureCount] + hidden + [1]
        var offsets: [Int] = [], offset = 0
        for l in 1..<widths.count {
            offsets.append(offset)
            offset += widths[l] * widths[l - 1] + widths[l]
        }
        self.offsets = offsets + [offset]
    }

    public var parameterCount: Int { offsets.last! }

    public var configuration: String {
        "mlp(hidden=[\(hidden.map(String.init).joined(separator: ", "))], activation='\(activation.rawValue)')"
    }

    public func initialParameters(seed: UInt64) -> [Double] {
        var generator = SplitMix64(seed: seed)
        var theta: [Double] = []
        theta.reserveCapacity(parameterCount)
        for l in 1..<widths.count {
            let bound = 1 / Double(widths[l - 1]).squareRoot()
            theta += uniformParameters(widths[l] * widths[l - 1] + widths[l], bound: bound, generator: &generator)
        }
        return theta
    }

    public func outputs(parameters: [Double], inputs: [[Double]]) -> [Double] {
        precondition(parameters.count == parameterCount, "expected \(parameterCount) parameters, got \(parameters.count)")
        var pre: [[Double]] = [], post: [[Double]] = []
        return inputs.map { row in forward(parameters, row, &pre, &post) }
    }

    public func lossAndGradient(parameters: [Double], inputs: [[Double]], targets: [Double]) -> (loss: Double, gradient: [Double]) {
        precondition(parameters.count == parameterCount, "expected \(parameterCount) parameters, got \(parameters.count)")
        precondition(inputs.count == targets.count && !inputs.isEmpty, "one target per row, at least one row")
        let n = Double(inputs.count)
        var gradient = [Double](repeating: 0, count: parameterCount)
        var total = 0.0
        var pre: [[Double]] = [], post: [[Double]] = []
        var delta: [Double] = [], previous: [Double] = []
        for (row, target) in zip(inputs, targets) {
            let f = forward(parameters, row, &pre, &post)
            let (value, slope) = objective.termAndSlope(f, target)
            total += value
            delta = [slope / n]
            // Layer l maps post[l − 1] (width widths[l − 1]) to pre[l] (width widths[l]).
            for l in stride(from: widths.count - 1, through: 1, by: -1) {
                let inWidth = widths[l - 1], outWidth = widths[l]
                let w = offsets[l - 1], b = w + outWidth * inWidth
                let input = post[l - 1]
                for o in 0..<outWidth {
                    let d = delta[o]
                    for j in 0..<inWidth { gradient[w + o * inWidth + j] += d * input[j] }
                    gradient[b + o] += d
                }
                guard l > 1 else { break }
                previous = [Double](repeating: 0, count: inWidth)
                for o in 0..<outWidth {
                    let d = delta[o]
                    for j in 0..<inWidth { previous[j] += parameters[w + o * inWidth + j] * d }
                }
                for j in 0..<inWidth {
                    previous[j] *= activation.derivative(preActivation: pre[l - 1][j], value: post[l - 1][j])
                }
                swap(&delta, &previous)
            }
        }
        return (total / n, gradient)
    }

    /// The output for one row; fills `pre[l]` (aₗ) and `post[l]` (hₗ, with post[0] = x) for backpropagation.
    private func forward(_ parameters: [Double], _ row: [Double], _ pre: inout [[Double]], _ post: inout [[Double]]) -> Double {
        precondition(row.count == featureCount, "expected \(featureCount) features, got \(row.count)")
        pre = [row]
        post = [row]
        for l in 1..<widths.count {
            let inWidth = widths[l - 1], outWidth = widths[l]
            let w = offsets[l - 1], b = w + outWidth * inWidth
            let input = post[l - 1]
            var a = [Double](repeating: 0, count: outWidth)
            for o in 0..<outWidth {
                var sum = parameters[b + o]
                for j in 0..<inWidth { sum += parameters[w + o * inWidth + j] * input[j] }
                a[o] = sum
            }
            pre.append(a)
            post.append(l == widths.count - 1 ? a : a.map { activation($0) })
        }
        return pre[widths.count - 1][0]
    }
}
