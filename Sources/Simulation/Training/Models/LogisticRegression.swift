/// Logistic regression for two classes: the logit z = w·x + b, p(class 1) = σ(z), scored by binary
/// cross-entropy on the logits (`nn.BCEWithLogitsLoss`).
///
/// L = (1/n) Σ [max(zᵢ, 0) − zᵢyᵢ + log(1 + e^(−|zᵢ|))], stable for any z; ∂L/∂w = (1/n) Σ (σ(zᵢ) − yᵢ)xᵢ and
/// ∂L/∂b = (1/n) Σ (σ(zᵢ) − yᵢ). Convex in θ = (w₁, …, w_d, b); on separable data it has no minimum and ‖θ‖
/// grows without bound unless an L2 penalty is added. ``initialParameters(seed:)`` draws θ uniform in ±1/√d.
public struct LogisticRegression: Model {
    public let featureCount: Int
    private let head: LinearHead

    /// A logistic regression over `featureCount` features (≥ 1).
    public init(featureCount: Int = 2) {
        precondition(featureCount >= 1, "logistic regression needs at least one feature")
        self.featureCount = featureCount
        head = LinearHead(width: featureCount, objective: .binaryCrossEntropyWithLogits) { $0 }
    }

    public var parameterCount: Int { head.parameterCount }
    public var objective: Objective { .binaryCrossEntropyWithLogits }
    public var configuration: String { "logistic" }

    public func initialParameters(seed: UInt64) -> [Double] { head.initialParameters(seed: seed) }

    public func outputs(parameters: [Double], inputs: [[Double]]) -> [Double] {
        head.outputs(parameters: parameters, inputs: inputs)
    }

    public func lossAndGradient(parameters: [Double], inputs: [[Double]], targets: [Double]) -> (loss: Double, gradient: [Double]) {
        head.lossAndGradient(parameters: parameters, inputs: inputs, targets: targets)
    }
}
