/// The affine map f(x) = w·φ(x) + b on a feature map φ, shared by the linear, polynomial and logistic
/// models. θ = (w₁, …, w_k, b), as `nn.Linear(k, 1)` lists `weight` then `bias`.
///
/// Backpropagation: with dᵢ = ∂L/∂fᵢ from the objective, ∂L/∂w = Σ dᵢ φ(xᵢ) and ∂L/∂b = Σ dᵢ.
struct LinearHead: Sendable {
    /// k, the number of features after φ.
    let width: Int
    let objective: Objective
    let features: @Sendable ([Double]) -> [Double]

    var parameterCount: Int { width + 1 }

    func outputs(parameters: [Double], inputs: [[Double]]) -> [Double] {
        precondition(parameters.count == parameterCount, "expected \(parameterCount) parameters, got \(parameters.count)")
        return inputs.map { row in output(parameters, features(row)) }
    }

    func lossAndGradient(parameters: [Double], inputs: [[Double]], targets: [Double]) -> (loss: Double, gradient: [Double]) {
        precondition(parameters.count == parameterCount, "expected \(parameterCount) parameters, got \(parameters.count)")
        let phi = inputs.map(features)
        let outputs = phi.map { output(parameters, $0) }
        let (loss, derivative) = objective.lossAndDerivative(outputs: outputs, targets: targets)
        var gradient = [Double](repeating: 0, count: parameterCount)
        for i in phi.indices {
            for j in 0..<width { gradient[j] += derivative[i] * phi[i][j] }
            gradient[width] += derivative[i]
        }
        return (loss, gradient)
    }

    /// θ uniform in ±1/√k (PyTorch's `nn.Linear(k, 1)` default).
    func initialParameters(seed: UInt64) -> [Double] {
        var generator = SplitMix64(seed: seed)
        return uniformParameters(parameterCount, bound: 1 / Double(width).squareRoot(), generator: &generator)
    }

    @inline(__always)
    private func output(_ parameters: [Double], _ phi: [Double]) -> Double {
        var f = parameters[width]
        for j in 0..<width { f += parameters[j] * phi[j] }
        return f
    }
}
