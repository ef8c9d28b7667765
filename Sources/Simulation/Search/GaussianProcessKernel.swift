#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The covariance of a Gaussian process over the unit cube: a signal variance σ² times a stationary
/// correlation of the scaled distance d = √(Σᵢ ((xᵢ − x′ᵢ)/ℓᵢ)²), one length scale ℓᵢ per dimension.
///
/// - Matérn ν = ½: σ²·exp(−d)
/// - Matérn ν = 3/2: σ²·(1 + √3·d)·exp(−√3·d)
/// - Matérn ν = 5/2: σ²·(1 + √5·d + 5d²/3)·exp(−√5·d)
/// - RBF (squared exponential, ν → ∞): σ²·exp(−d²/2)
///
/// These are scikit-learn's `ConstantKernel(σ²) * Matern(ℓ, ν)` and `ConstantKernel(σ²) * RBF(ℓ)`.
public struct GaussianProcessKernel: Sendable, Equatable {
    /// The correlation family.
    public enum Family: String, Sendable, CaseIterable {
        case matern05 = "matern0.5", matern15 = "matern1.5", matern25 = "matern2.5", rbf
    }

    public var family: Family
    public var lengthScales: [Double]
    public var signalVariance: Double

    public init(family: Family, lengthScales: [Double], signalVariance: Double) {
        self.family = family
        self.lengthScales = lengthScales
        self.signalVariance = signalVariance
    }

    /// k(a, b).
    public func callAsFunction(_ a: [Double], _ b: [Double]) -> Double {
        var squared = 0.0
        for i in a.indices {
            let scaled = (a[i] - b[i]) / lengthScales[i]
            squared += scaled * scaled
        }
        return value(squaredDistance: squared)
    }

    /// The covariance at a squared scaled distance d² (what `callAsFunction` computes after the distance).
    @inline(__always)
    func value(squaredDistance squared: Double) -> Double {
        let d = squared.squareRoot()
        switch family {
        case .matern05:
            return signalVariance * exp(-d)
        case .matern15:
            let t = 3.0.squareRoot() * d
            return signalVariance * (1 + t) * exp(-t)
        case .matern25:
            let t = 5.0.squareRoot() * d
            return signalVariance * (1 + t + t * t / 3) * exp(-t)
        case .rbf:
            return signalVariance * exp(-0.5 * squared)
        }
    }
}
