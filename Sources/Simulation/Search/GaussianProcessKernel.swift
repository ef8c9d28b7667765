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
/// These are scikit-learn's `ConstantKernel(σ²) * Matern(ℓ, ν)` and `ConstantKernel(σ²) * RBF(ℓ)`. The
/// exponential is the kernels' own (`exponential`, within a unit in the last place of the C library's), so
/// that rows of kernel values vectorize.
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
            return signalVariance * Self.exponential(-d)
        case .matern15:
            let t = 3.0.squareRoot() * d
            return signalVariance * (1 + t) * Self.exponential(-t)
        case .matern25:
            let t = 5.0.squareRoot() * d
            return signalVariance * (1 + t + t * t / 3) * Self.exponential(-t)
        case .rbf:
            return signalVariance * Self.exponential(-0.5 * squared)
        }
    }

    /// `value(squaredDistance:)` of each of `count` squared distances, in place: the same arithmetic, written
    /// as one pass per step so that the loops vectorize. `scratch` holds `count` numbers.
    func values(inPlace squared: UnsafeMutablePointer<Double>, count: Int, scratch t: UnsafeMutablePointer<Double>) {
        let variance = signalVariance
        switch family {
        case .matern05:
            for q in 0..<count { squared[q] = -squared[q].squareRoot() }
            Self.exponentials(inPlace: squared, count: count)
            for q in 0..<count { squared[q] = variance * squared[q] }
        case .matern15, .matern25:
            let root = family == .matern15 ? 3.0.squareRoot() : 5.0.squareRoot()
            for q in 0..<count {
                t[q] = root * squared[q].squareRoot()
                squared[q] = -t[q]
            }
            Self.exponentials(inPlace: squared, count: count)
            if family == .matern15 {
                for q in 0..<count { squared[q] = variance * (1 + t[q]) * squared[q] }
            } else {
                for q in 0..<count { squared[q] = variance * (1 + t[q] + t[q] * t[q] / 3) * squared[q] }
            }
        case .rbf:
            for q in 0..<count { squared[q] = -0.5 * squared[q] }
            Self.exponentials(inPlace: squared, count: count)
            for q in 0..<count { squared[q] = variance * squared[q] }
        }
    }

    // MARK: - The exponential of the kernels

    /// eˣ for x ≤ 0, within about one unit in the last place of the correctly rounded value, without a call
    /// into the C library and without branches, so that loops of it vectorize (glibc's `exp` is a call per
    /// number). x = k·ln 2 + r with k an integer (rounded by adding and subtracting 1.5·2⁵², as fdlibm does)
    /// and |r| ≤ ½ln 2 (ln 2 split in two so that k·ln 2 loses nothing); eʳ by its Taylor polynomial to r¹³
    /// (truncation below 10⁻¹⁷, evaluated by Estrin's scheme), then 2ᵏ by writing k + 1023 into the exponent bits. Below −708, where 2ᵏ would
    /// be subnormal, the result is 0 (the exact value is below 3·10⁻³⁰⁸). Not for x > 0.
    @inline(__always)
    static func exponential(_ x: Double) -> Double {
        let clamped = x < -708 ? -708 : x
        let shifter = 6755399441055744.0  // 1.5·2⁵²
        let k = (clamped * 1.4426950408889634 + shifter) - shifter  // round(x / ln 2)
        let r = (clamped - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10
        // Estrin's scheme (pairs, then r², r⁴, r⁸): short dependency chains, so that the lanes keep busy. The
        // leading 1 is added last, to the small remainder, which keeps the rounding near half a unit.
        let r2 = r * r, r4 = r2 * r2, r8 = r4 * r4
        let a1 = 0.5 + r * (1.0 / 6), a2 = 1.0 / 24 + r * (1.0 / 120), a3 = 1.0 / 720 + r * (1.0 / 5040)
        let a4 = 1.0 / 40320 + r * (1.0 / 362880), a5 = 1.0 / 3628800 + r * (1.0 / 39916800)
        let a6 = 1.0 / 479001600 + r * (1.0 / 6227020800)
        let b0 = r + a1 * r2, b1 = a2 + a3 * r2, b2 = a4 + a5 * r2
        let p = 1 + ((b0 + b1 * r4) + (b2 + a6 * r4) * r8)
        // 2ᵏ: k + 1023 sits in the low bits of k + 2⁵² + 1023; shifted by 52 it becomes the exponent.
        let scale = Double(bitPattern: (k + 4503599627371519.0).bitPattern << 52)
        return x < -708 ? 0 : p * scale
    }

    /// `exponential` of each of `count` numbers, in place.
    static func exponentials(inPlace values: UnsafeMutablePointer<Double>, count: Int) {
        for q in 0..<count { values[q] = exponential(values[q]) }
    }
}
