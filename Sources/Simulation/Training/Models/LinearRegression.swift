/// Linear regression scored by the mean squared error: f(x) = w·x + b, L = (1/n) Σ (w·xᵢ + b − yᵢ)².
///
/// θ = (w₁, …, w_d, b); with one feature it is the (w, b) plane of the batch-size figures, on which L is a
/// convex quadratic bowl. ∂L/∂w = (2/n) Σ rᵢxᵢ and ∂L/∂b = (2/n) Σ rᵢ with rᵢ = w·xᵢ + b − yᵢ.
/// ``initialParameters(seed:)`` draws θ uniform in ±1/√d, as `nn.Linear(d, 1)`.
public struct LinearRegression: Model {
    public let featureCount: Int
    private let head: LinearHead

    /// A linear regression over `featureCount` features (≥ 1).
    public init(featureCount: Int = 1) {
        precondition(featureCount >= 1, "linear regression needs at least one feature")
        self.featureCount = featureCount
        head = LinearHead(width: featureCount, objective: .meanSquaredError) { $0 }
    }

    public var parameterCount: Int { head.parameterCount }
    public var objective: Objective { .meanSquaredError }
    public var configuration: String { "linear" }

    public func initialParameters(seed: UInt64) -> [Double] { head.initialParameters(seed: seed) }

    public func outputs(parameters: [Double], inputs: [[Double]]) -> [Double] {
        head.outputs(parameters: parameters, inputs: inputs)
    }

    public func lossAndGradient(parameters: [Double], inputs: [[Double]], targets: [Double]) -> (loss: Double, gradient: [Double]) {
        head.lossAndGradient(parameters: parameters, inputs: inputs, targets: targets)
    }
}
