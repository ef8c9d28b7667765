#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loss a model's single output is scored with, averaged over a batch as PyTorch's default
/// `reduction='mean'` does.
public enum Objective: String, Sendable, Equatable {
    /// `nn.MSELoss`: L = (1/n) Σ (fᵢ − yᵢ)², with ∂L/∂fᵢ = 2(fᵢ − yᵢ)/n. The output f is the prediction.
    case meanSquaredError
    /// `nn.BCEWithLogitsLoss`: the output z is a logit, p = σ(z) = 1/(1 + e^(−z)) the probability of class 1,
    /// and L = (1/n) Σ [max(zᵢ, 0) − zᵢyᵢ + log(1 + e^(−|zᵢ|))], which equals −(1/n) Σ [yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)]
    /// but never overflows; ∂L/∂zᵢ = (σ(zᵢ) − yᵢ)/n.
    case binaryCrossEntropyWithLogits

    /// The mean loss of `outputs` against `targets` (same count, not empty).
    public func loss(outputs: [Double], targets: [Double]) -> Double {
        precondition(outputs.count == targets.count && !outputs.isEmpty, "one target per output, at least one")
        var total = 0.0
        for i in outputs.indices { total += term(outputs[i], targets[i]) }
        return total / Double(outputs.count)
    }

    /// The mean loss and its derivative with respect to each output (so the derivatives carry the 1/n).
    public func lossAndDerivative(outputs: [Double], targets: [Double]) -> (loss: Double, derivative: [Double]) {
        precondition(outputs.count == targets.count && !outputs.isEmpty, "one target per output, at least one")
        let n = Double(outputs.count)
        var total = 0.0
        var derivative = [Double](repeating: 0, count: outputs.count)
        for i in outputs.indices {
            let (value, slope) = termAndSlope(outputs[i], targets[i])
            total += value
            derivative[i] = slope / n
        }
        return (total / n, derivative)
    }

    /// What a user reads from an output: the output itself for regression, σ(z) for a logit.
    public func prediction(_ output: Double) -> Double {
        switch self {
        case .meanSquaredError: output
        case .binaryCrossEntropyWithLogits: sigmoid(output)
        }
    }

    /// The loss of one example and its derivative with respect to the output (without the 1/n).
    @inline(__always)
    func termAndSlope(_ output: Double, _ target: Double) -> (Double, Double) {
        switch self {
        case .meanSquaredError: (term(output, target), 2 * (output - target))
        case .binaryCrossEntropyWithLogits: (term(output, target), sigmoid(output) - target)
        }
    }

    /// The loss of one example.
    @inline(__always)
    private func term(_ output: Double, _ target: Double) -> Double {
        switch self {
        case .meanSquaredError:
            let r = output - target
            return r * r
        case .binaryCrossEntropyWithLogits:
            return max(output, 0) - output * target + log1p(exp(-abs(output)))
        }
    }
}

/// σ(z) = 1/(1 + e^(−z)), computed from e^(−|z|) so that it neither overflows nor loses the small tail.
@inline(__always)
func sigmoid(_ z: Double) -> Double {
    if z >= 0 { return 1 / (1 + exp(-z)) }
    let e = exp(z)
    return e / (1 + e)
}
