#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What Bayesian optimization maximizes to choose the next trial, for minimization, from the posterior mean μ
/// and latent standard deviation σ at a point and the best (smallest) value seen, y*:
///
/// - expected improvement: (y* − μ − ξ)·Φ(z) + σ·φ(z), z = (y* − μ − ξ)/σ (0 where σ = 0)
/// - probability of improvement: Φ(z)
/// - lower confidence bound (negated, so that larger is better): −(μ − κ·σ)
///
/// Φ and φ are the standard normal distribution and density; ξ is in the objective's units, as in
/// scikit-optimize.
public enum Acquisition: Sendable, Equatable {
    case expectedImprovement(xi: Double)
    case probabilityOfImprovement(xi: Double)
    case lowerConfidenceBound(kappa: Double)

    /// The acquisition's value at a point with posterior `mean` and `std`, given the best value `best`.
    public func value(mean: Double, std: Double, best: Double) -> Double {
        switch self {
        case .expectedImprovement(let xi):
            let improvement = best - mean - xi
            guard std > 0 else { return max(improvement, 0) }
            let z = improvement / std
            return improvement * Self.normalCDF(z) + std * Self.normalPDF(z)
        case .probabilityOfImprovement(let xi):
            guard std > 0 else { return best - mean - xi > 0 ? 1 : 0 }
            return Self.normalCDF((best - mean - xi) / std)
        case .lowerConfidenceBound(let kappa):
            return -(mean - kappa * std)
        }
    }

    /// ξ of expected and probability of improvement (nil for the lower confidence bound).
    public var xi: Double? {
        switch self {
        case .expectedImprovement(let xi), .probabilityOfImprovement(let xi): xi
        case .lowerConfidenceBound: nil
        }
    }

    /// Φ(z) = ½·erfc(−z/√2).
    static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    /// φ(z) = exp(−z²/2)/√(2π).
    static func normalPDF(_ z: Double) -> Double { exp(-0.5 * z * z) / (2 * Double.pi).squareRoot() }
}
