/// A surface whose descents see sampled gradients — the mini-batch gradients of a dataset — while its
/// value and ``Surface/gradient(at:)`` stay the exact, full-batch ones a figure draws.
///
/// The surface stays a value without side effects; the state of the sampling (the shuffled order, the
/// position in the epoch) lives in a ``GradientSampler`` that each run makes for itself, as a run makes its
/// own ``GradientNoise`` generator. ``Trace/run(surface:optimizer:schedule:start:steps:noise:recordState:)``
/// asks a stochastic surface for a sampler and takes every gradient from it.
public protocol StochasticGradientSurface: Surface {
    /// A sampler at the start of this surface's sequence, or `nil` when the run should use exact gradients
    /// (for instance when a batch is the whole dataset).
    func makeGradientSampler() -> (any GradientSampler)?
}

/// The stateful source of a run's gradients: each call is one evaluation, and the next call may see
/// other data.
public protocol GradientSampler: Sendable {
    /// The next sampled gradient at `point`.
    mutating func gradient(at point: SIMD2<Double>) -> SIMD2<Double>
}
