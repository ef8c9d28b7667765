/// The mini-batch gradients of a ``LinearRegressionSurface``, batch after batch of a seeded per-epoch
/// shuffle, as PyTorch's `DataLoader(shuffle=True, drop_last=False)` serves them.
///
/// Each epoch draws a fresh permutation of the n examples (Fisher–Yates from one `SplitMix64`), then walks
/// it in batches of B; the last batch of an epoch has n mod B examples when B does not divide n, and the
/// next evaluation starts a new epoch. Batch k gives
///
///     g_B = (2/|B|) Σ_{i∈B} rᵢ·(xᵢ, 1),   rᵢ = w·xᵢ + b − yᵢ,
///
/// an unbiased estimate of the full gradient; over one epoch whose batches all have B examples, the batch
/// gradients average to it exactly.
public struct MiniBatchGradients: GradientSampler {
    public let inputs: [Double]
    public let targets: [Double]
    public let batchSize: Int
    private var generator: SplitMix64
    private var order: [Int] = []
    private var position = 0

    /// Batches of `batchSize` (1 ≤ B ≤ n) of the examples (`inputs[i]`, `targets[i]`), shuffled by
    /// `SplitMix64(seed: seed)`.
    public init(inputs: [Double], targets: [Double], batchSize: Int, seed: UInt64) {
        precondition(inputs.count == targets.count && !inputs.isEmpty, "one target per input, at least one")
        precondition(batchSize >= 1 && batchSize <= inputs.count, "batch size must be in 1…n")
        self.inputs = inputs
        self.targets = targets
        self.batchSize = batchSize
        generator = SplitMix64(seed: seed)
    }

    /// The indices of the next batch (a new epoch's permutation first, when the last one is used up).
    public mutating func nextBatch() -> ArraySlice<Int> {
        if position >= order.count {
            order = seededPermutation(inputs.count, generator: &generator)
            position = 0
        }
        let batch = order[position..<min(position + batchSize, order.count)]
        position += batchSize
        return batch
    }

    public mutating func gradient(at point: SIMD2<Double>) -> SIMD2<Double> {
        let batch = nextBatch()
        var sum = SIMD2<Double>(0, 0)
        for i in batch {
            let r = point.x * inputs[i] + point.y - targets[i]
            sum += SIMD2(r * inputs[i], r)
        }
        return 2 / Double(batch.count) * sum
    }
}
