#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small, fast, seeded pseudo-random generator (SplitMix64, Steele, Lea & Flood, 2014) that gives the
/// same sequence on every platform.
///
/// state ← state + 0x9E3779B97F4A7C15; the output is that state passed through two xor-shift-multiply
/// rounds. Every seed, including 0, gives a full-period sequence of 2⁶⁴ values. Not for cryptography.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    private var spareGaussian: Double?

    /// A generator at the start of the sequence of `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform Double in [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal sample (mean 0, variance 1) by the Box–Muller transform:
    /// with u₁ ∈ (0, 1] and u₂ ∈ [0, 1), √(−2 ln u₁)·cos 2πu₂ and √(−2 ln u₁)·sin 2πu₂ are independent normals;
    /// the second is kept for the next call.
    public mutating func nextGaussian() -> Double {
        if let spare = spareGaussian {
            spareGaussian = nil
            return spare
        }
        let u1 = 1 - nextUniform()
        let u2 = nextUniform()
        let radius = (-2 * log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        spareGaussian = radius * sin(angle)
        return radius * cos(angle)
    }
}
