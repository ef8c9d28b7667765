#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Regression generators

extension Dataset {
    /// Noisy points on a line: y = w·x + b + σ·ε.
    ///
    /// Each x is uniform in [−1, 1) and ε standard normal, drawn in the order x, ε per example from
    /// `SplitMix64(seed:)`. The least-squares fit approaches (w, b) as n grows; with σ = 0 it is exact.
    ///
    /// - Parameters:
    ///   - count: the number of examples n (> 0).
    ///   - weight: the slope w.
    ///   - bias: the intercept b.
    ///   - noise: the noise's standard deviation σ (≥ 0).
    ///   - seed: the generator's seed.
    public static func linear(count: Int, weight: Double = 2, bias: Double = 1, noise: Double = 0.1,
                              seed: UInt64 = 0) throws(InputError) -> Dataset {
        try polynomial(count: count, coefficients: [bias, weight], noise: noise, seed: seed)
    }

    /// Noisy points on a polynomial: y = c₀ + c₁x + … + c_d·x^d + σ·ε.
    ///
    /// x is uniform in [−1, 1) and ε standard normal, drawn as x, ε per example from `SplitMix64(seed:)`.
    ///
    /// - Parameters:
    ///   - count: the number of examples n (> 0).
    ///   - coefficients: c₀, c₁, …, in increasing powers (at least one).
    ///   - noise: σ (≥ 0).
    ///   - seed: the generator's seed.
    public static func polynomial(count: Int, coefficients: [Double] = [0, 1, 0, -2], noise: Double = 0.1,
                                  seed: UInt64 = 0) throws(InputError) -> Dataset {
        try checkSize(count, noise: noise)
        guard !coefficients.isEmpty else { throw InputError("a polynomial needs at least one coefficient", key: "coefficients") }
        let truth = Truth.polynomial(coefficients)
        return regression(count: count, noise: noise, seed: seed, xRange: -1...1, truth: truth)
    }

    /// Noisy points on a sine: y = sin(2πf·x) + σ·ε with x uniform in [0, 1) — the classic set for showing
    /// under- and over-fitting with polynomials of growing degree.
    ///
    /// - Parameters:
    ///   - count: the number of examples n (> 0).
    ///   - frequency: f, the number of periods over [0, 1).
    ///   - noise: σ (≥ 0).
    ///   - seed: the generator's seed.
    public static func sine(count: Int, frequency: Double = 1, noise: Double = 0.2, seed: UInt64 = 0) throws(InputError) -> Dataset {
        try checkSize(count, noise: noise)
        return regression(count: count, noise: noise, seed: seed, xRange: 0...1, truth: .sine(frequency: frequency))
    }

    /// n examples (x, f(x) + σ·ε), x uniform in `xRange`.
    private static func regression(count: Int, noise: Double, seed: UInt64, xRange: ClosedRange<Double>, truth f: Truth) -> Dataset {
        var generator = SplitMix64(seed: seed)
        var inputs: [[Double]] = [], targets: [Double] = []
        inputs.reserveCapacity(count)
        targets.reserveCapacity(count)
        for _ in 0..<count {
            let x = xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * generator.nextUniform()
            let epsilon = generator.nextGaussian()
            inputs.append([x])
            targets.append(f(x) + noise * epsilon)
        }
        var dataset = Dataset(inputs: inputs, targets: targets, featureCount: 1, task: .regression)
        dataset.truth = f
        return dataset
    }

    /// Refuses a size below 1 and a negative or non-finite noise level.
    static func checkSize(_ count: Int, noise: Double) throws(InputError) {
        guard count > 0 else { throw InputError("n must be a positive number of examples, got \(count)", key: "n") }
        guard noise >= 0, noise.isFinite else { throw InputError("noise must be a finite number ≥ 0, got \(noise)", key: "noise") }
    }
}
