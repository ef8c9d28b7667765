#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Two-class generators in the plane

extension Dataset {
    /// Two interleaving half circles, as scikit-learn's `make_moons`.
    ///
    /// Class 0 (⌊n/2⌋ points) lies on (cos t, sin t) and class 1 (the rest) on (1 − cos t, 1/2 − sin t), with t
    /// evenly spaced over [0, π] in each; then every coordinate gets σ·ε of Gaussian noise and the examples
    /// are shuffled, all from `SplitMix64(seed:)`. Not linearly separable: a logistic regression misclassifies
    /// the tips, a small MLP does not.
    ///
    /// - Parameters:
    ///   - count: n (> 0).
    ///   - noise: σ (≥ 0).
    ///   - seed: the generator's seed.
    public static func moons(count: Int, noise: Double = 0.2, seed: UInt64 = 0) throws(InputError) -> Dataset {
        try checkSize(count, noise: noise)
        return twoClasses(count: count, noise: noise, seed: seed) { label, index, size in
            let t = size > 1 ? Double.pi * Double(index) / Double(size - 1) : 0
            return label == 0 ? [cos(t), sin(t)] : [1 - cos(t), 0.5 - sin(t)]
        }
    }

    /// Two interleaved Archimedean spirals.
    ///
    /// Class 0 has m = ⌊n/2⌋ points: for k = 0…m−1, with s = (k + ½)/m and θ = 2π·turns·s, the point
    /// s·(cos θ, sin θ), so the radius grows from 0 to 1 as the arm winds. Class 1 is the same arm turned by
    /// π (with its own m = n − ⌊n/2⌋). Gaussian
    /// noise σ·ε is added to every coordinate and the examples are shuffled.
    ///
    /// - Parameters:
    ///   - count: n (> 0).
    ///   - turns: how many times each arm winds around the centre (> 0).
    ///   - noise: σ (≥ 0).
    ///   - seed: the generator's seed.
    public static func spirals(count: Int, turns: Double = 1.5, noise: Double = 0.05, seed: UInt64 = 0) throws(InputError) -> Dataset {
        try checkSize(count, noise: noise)
        guard turns > 0, turns.isFinite else { throw InputError("turns must be a positive number, got \(turns)", key: "turns") }
        return twoClasses(count: count, noise: noise, seed: seed) { label, index, size in
            let s = (Double(index) + 0.5) / Double(size)
            let theta = 2 * Double.pi * turns * s + (label == 0 ? 0 : Double.pi)
            return [s * cos(theta), s * sin(theta)]
        }
    }

    /// Two round Gaussian clouds: class 0 around (−d/2, 0), class 1 around (d/2, 0), each coordinate with
    /// standard deviation σ; class 0 has ⌊n/2⌋ points and the examples are shuffled.
    ///
    /// With d large against σ the classes are (almost) linearly separable, so a logistic regression fits them.
    ///
    /// - Parameters:
    ///   - count: n (> 0).
    ///   - separation: d, the distance between the centres.
    ///   - spread: σ, the standard deviation of each cloud (≥ 0), as `cluster_std` in scikit-learn.
    ///   - seed: the generator's seed.
    public static func blobs(count: Int, separation: Double = 3, spread: Double = 1, seed: UInt64 = 0) throws(InputError) -> Dataset {
        try checkSize(count, noise: spread)
        return twoClasses(count: count, noise: spread, seed: seed) { label, _, _ in
            [label == 0 ? -separation / 2 : separation / 2, 0]
        }
    }

    /// ⌊n/2⌋ points of class 0 then the rest of class 1, each `point(label, index within class, class size)`
    /// plus σ·ε noise per coordinate (drawn in order), then shuffled with the same generator.
    private static func twoClasses(count: Int, noise: Double, seed: UInt64,
                                   point: (_ label: Int, _ index: Int, _ size: Int) -> [Double]) -> Dataset {
        var generator = SplitMix64(seed: seed)
        var inputs: [[Double]] = [], targets: [Double] = []
        let sizes = [count / 2, count - count / 2]
        for label in 0..<2 {
            for index in 0..<sizes[label] {
                var p = point(label, index, sizes[label])
                for axis in p.indices { p[axis] += noise * generator.nextGaussian() }
                inputs.append(p)
                targets.append(Double(label))
            }
        }
        let data = Dataset(inputs: inputs, targets: targets, featureCount: 2, task: .binaryClassification)
        return data.subset(seededPermutation(count, generator: &generator))
    }
}
