/// Polynomial regression of one input, scored by the mean squared error:
/// f(x) = w₁x + w₂x² + … + w_D·x^D + b, L = (1/n) Σ (f(xᵢ) − yᵢ)².
///
/// A linear regression on the features φ(x) = (x, x², …, x^D), so θ = (w₁, …, w_D, b) — PyTorch's
/// `nn.Linear(D, 1)` applied to `torch.stack([x**k for k in 1..D])`. The loss is convex in θ; with D near the
/// number of points it over-fits, which an L2 penalty tames. Inputs are best kept in [−1, 1] so that the
/// powers stay comparable. ``initialParameters(seed:)`` draws θ uniform in ±1/√D.
public struct PolynomialRegression: Model {
    /// D, the highest power.
    public let degree: Int
    private let head: LinearHead

    /// A polynomial of `degree` ≥ 1 (degree 1 is ``LinearRegression`` on one feature).
    public init(degree: Int) {
        precondition(degree >= 1, "a polynomial regression needs degree ≥ 1")
        self.degree = degree
        head = LinearHead(width: degree, objective: .meanSquaredError) { row in
            var powers = [Double](repeating: 0, count: degree)
            var power = 1.0
            for k in 0..<degree {
                power *= row[0]
                powers[k] = power
            }
            return powers
        }
    }

    public var featureCount: Int { 1 }
    public var parameterCount: Int { head.parameterCount }
    public var objective: Objective { .meanSquaredError }
    public var configuration: String { "polynomial(degree=\(degree))" }

    public func initialParameters(seed: UInt64) -> [Double] { head.initialParameters(seed: seed) }

    public func outputs(parameters: [Double], inputs: [[Double]]) -> [Double] {
        head.outputs(parameters: parameters, inputs: inputs)
    }

    public func lossAndGradient(parameters: [Double], inputs: [[Double]], targets: [Double]) -> (loss: Double, gradient: [Double]) {
        head.lossAndGradient(parameters: parameters, inputs: inputs, targets: targets)
    }
}
