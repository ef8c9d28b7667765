/// Seeded Gaussian noise added to every gradient a run evaluates, to show stochastic-gradient behaviour on
/// an analytic surface: g̃ = ∇f(p) + σ·ξ with ξ ~ N(0, I), fresh for each evaluation. Loss values are not
/// perturbed.
///
/// The noise sequence depends only on `seed`, so a noisy run is reproduced exactly.
public struct GradientNoise: Sendable, Equatable {
    /// σ, the standard deviation per coordinate.
    public var sigma: Double
    public var seed: UInt64

    /// Noise of standard deviation `sigma` per coordinate, drawn from the sequence of `seed`.
    public init(sigma: Double, seed: UInt64 = 0) {
        self.sigma = sigma
        self.seed = seed
    }

    /// A generator at the start of this noise's sequence.
    public func makeGenerator() -> SplitMix64 { SplitMix64(seed: seed) }
}
