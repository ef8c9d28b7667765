/// The loss of 1-D linear regression over its two parameters (w, b) = (x, y), on a seeded noisy line
/// (``Dataset/linear(count:weight:bias:noise:seed:)``): the surface of the batch-size figures.
///
///     L(w, b) = (1/n) Σ (w·xᵢ + b − yᵢ)²,   ∇L = (2/n) Σ rᵢ·(xᵢ, 1),   rᵢ = w·xᵢ + b − yᵢ.
///
/// The value and ``gradient(at:)`` are the full-batch ones (the picture). When `batchSize` < n a descent
/// sees mini-batch gradients instead (``MiniBatchGradients``, made afresh for each run by
/// ``makeGradientSampler()``), so `linreg(batch_size=1)` is plain SGD and `linreg(batch_size=200)` is
/// full-batch gradient descent. L is a convex quadratic bowl with its one minimum at the least-squares fit
/// w* = cov(x, y)/var(x), b* = ȳ − w*·x̄.
///
/// ```swift
/// let sgd = try LinearRegressionSurface(count: 200, noise: 0.5, seed: 1, batchSize: 1)
/// let trace = Trace.run(surface: sgd, optimizer: try SGD(lr: 0.05), steps: 400)
/// ```
///
/// The ``formula`` describes the loss in words ("mean((w*x + b - y)^2) over 200 points"); it is not an
/// ``Expression`` (the task asks for a readable description), so a PyTorch export refuses it.
public struct LinearRegressionSurface: StochasticGradientSurface {
    public let count: Int
    public let noise: Double
    public let seed: UInt64
    public let batchSize: Int
    /// The seed of the per-epoch shuffles when it differs from the data's (`shuffle_seed`): a fan of runs
    /// over several shuffles of the same data.
    public let shuffleSeed: UInt64?
    public let weight: Double
    public let bias: Double
    /// The examples: xᵢ and yᵢ.
    public let inputs: [Double]
    public let targets: [Double]
    /// The least-squares solution (w*, b*).
    public let solution: SIMD2<Double>
    public let start: SIMD2<Double>

    /// Seed offset of the shuffles, so that they do not reuse the stream that drew the data.
    static let shuffleSeedMask: UInt64 = 0xD1B5_4A32_D192_ED03

    /// The regression on `count` points of y = weight·x + bias + noise·ε drawn with `seed`.
    ///
    /// - Parameters:
    ///   - batchSize: the examples per gradient of a descent, 1 ≤ B ≤ n (n: full batch).
    ///   - start: where a descent starts.
    /// - Throws: ``InputError`` for n ≤ 0, a negative noise, or a batch size outside 1…n.
    public init(count: Int = 200, noise: Double = 0.5, seed: UInt64 = 1, batchSize: Int = 8, weight: Double = 2,
                bias: Double = -1, start: SIMD2<Double> = SIMD2(-2, 3), shuffleSeed: UInt64? = nil) throws(InputError) {
        guard batchSize >= 1, batchSize <= count else {
            throw InputError("batch_size must be between 1 and n = \(count), got \(batchSize)", key: "batch_size")
        }
        guard weight.isFinite else { throw InputError("weight must be a finite number", key: "weight") }
        guard bias.isFinite else { throw InputError("bias must be a finite number", key: "bias") }
        let data = try Dataset.linear(count: count, weight: weight, bias: bias, noise: noise, seed: seed)
        self.count = count
        self.noise = noise
        self.seed = seed
        self.batchSize = batchSize
        self.shuffleSeed = shuffleSeed
        self.weight = weight
        self.bias = bias
        self.start = start
        inputs = data.inputs.map { $0[0] }
        targets = data.targets
        let n = Double(count)
        let meanX = inputs.reduce(0, +) / n, meanY = targets.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0
        for (x, y) in zip(inputs, targets) {
            sxx += (x - meanX) * (x - meanX)
            sxy += (x - meanX) * (y - meanY)
        }
        // One point (or all x equal) leaves w free; take the flattest line through the mean.
        let w = sxx > 0 ? sxy / sxx : 0
        solution = SIMD2(w, meanY - w * meanX)
    }

    public var name: String {
        "linreg(n=\(count), noise=\(formulaNumber(noise)), seed=\(seed), batch_size=\(batchSize), "
            + "weight=\(formulaNumber(weight)), bias=\(formulaNumber(bias))" + (shuffleSeed.map { ", shuffle_seed=\($0))" } ?? ")")
    }

    public var formula: String { "mean((w*x + b - y)^2) over \(count) points" }
    public var axisNames: (x: String, y: String) { ("w", "b") }

    /// A square around the least-squares solution that holds the start: half-width
    /// max(5, 1.25·‖start − (w*, b*)‖∞).
    public var view: ViewWindow {
        let r = max(5, 1.25 * max(abs(start.x - solution.x), abs(start.y - solution.y)))
        return ViewWindow(x: (solution.x - r)...(solution.x + r), y: (solution.y - r)...(solution.y + r))
    }

    public var minima: [SIMD2<Double>] { [solution] }

    public func value(at point: SIMD2<Double>) -> Double {
        var total = 0.0
        for (x, y) in zip(inputs, targets) {
            let r = point.x * x + point.y - y
            total += r * r
        }
        return total / Double(count)
    }

    public func gradient(at point: SIMD2<Double>) -> SIMD2<Double> {
        var sum = SIMD2<Double>(0, 0)
        for (x, y) in zip(inputs, targets) {
            let r = point.x * x + point.y - y
            sum += SIMD2(r * x, r)
        }
        return 2 / Double(count) * sum
    }

    /// Mini-batch gradients when B < n; `nil` (exact gradients) for a full batch.
    public func makeGradientSampler() -> (any GradientSampler)? {
        guard batchSize < count else { return nil }
        return makeMiniBatches()
    }

    /// The run's mini-batch sequence, shuffled by `SplitMix64(seed: seed ^ 0xD1B54A32D192ED03)`.
    public func makeMiniBatches() -> MiniBatchGradients {
        MiniBatchGradients(inputs: inputs, targets: targets, batchSize: batchSize, seed: (shuffleSeed ?? seed) ^ Self.shuffleSeedMask)
    }
}
