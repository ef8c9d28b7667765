#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps data values to [0, 1] for colouring: linearly, or logarithmically for losses that span decades.
///
/// The logarithmic norm is t = (log₁₀(v − lo + δ) − log₁₀ δ) / (log₁₀(hi − lo + δ) − log₁₀ δ), with δ a
/// millionth of the range: it works for any range, negative values included, and spreads the colours over
/// the low values where minima are.
public struct ValueNorm: Sendable, Equatable {
    public let range: ClosedRange<Double>
    public let isLogarithmic: Bool
    let offset: Double

    /// A linear norm: t = (v − lo)/(hi − lo).
    public static func linear(_ range: ClosedRange<Double>) -> ValueNorm {
        ValueNorm(range: range, isLogarithmic: false, offset: 0)
    }

    /// A logarithmic norm over `range` (see the type's discussion).
    public static func logarithmic(_ range: ClosedRange<Double>) -> ValueNorm {
        let span = range.upperBound - range.lowerBound
        return ValueNorm(range: range, isLogarithmic: true, offset: span > 0 ? span * 1e-6 : 1)
    }

    /// The fraction of `value` (not clamped).
    public func fraction(_ value: Double) -> Double {
        let lo = range.lowerBound, hi = range.upperBound
        guard hi > lo else { return 0.5 }
        if !isLogarithmic { return (value - lo) / (hi - lo) }
        let base = log10(offset)
        return (log10(max(value - lo + offset, offset * 1e-3)) - base) / (log10(hi - lo + offset) - base)
    }

    /// The value at fraction t (the inverse of ``fraction(_:)``).
    public func value(at t: Double) -> Double {
        let lo = range.lowerBound, hi = range.upperBound
        if !isLogarithmic { return lo + t * (hi - lo) }
        let base = log10(offset)
        return pow(10, base + t * (log10(hi - lo + offset) - base)) + lo - offset
    }
}
