#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The settings of Gaussian-process Bayesian optimization (`bo(...)`), and one step of it: fit the surrogate
/// to the trials so far, then choose the point that maximizes the acquisition.
///
/// - The first `initial` trials are random points (Descent's seeded generator).
/// - The surrogate is a ``GaussianProcess`` on the unit cube with `kernel` (Matérn ν = 5/2 by default) and
///   `noise` on the diagonal (10⁻⁶, in standardized units). With `fit`, the signal variance and one length
///   scale per dimension maximize the log marginal likelihood within scikit-optimize's bounds (σ² ∈ [0.01,
///   1000], ℓ ∈ [0.01, 100]): from each of `restarts` seeded starts (the first at σ² = 1, ℓ = 1) a pattern
///   search in log space with unit steps, then projected quasi-Newton steps on the likelihood's exact
///   gradient (``LikelihoodSurface``) to the top of that basin. The likelihood reached is at least
///   scikit-learn's L-BFGS-B on the same data (Fixtures/gp-fit.json). Without `fit` they stay at σ² = 1, ℓ = 1.
/// - The acquisition (expected improvement with ξ = 0.01 by default) is maximized over `candidates` seeded
///   random points, and the best of them is refined by a pattern search inside the cube.
public struct BayesianOptimization: Sendable, Equatable {
    public var initial: Int = 5
    public var kernel: GaussianProcessKernel.Family = .matern25
    public var acquisition: Acquisition = .expectedImprovement(xi: 0.01)
    public var noise: Double = 1e-6
    public var fit: Bool = true
    public var restarts: Int = 5
    public var candidates: Int = 10_000

    public init() {}

    /// What BO knew when it chose a trial: its fitted surrogate, and the prediction and acquisition at the
    /// chosen point.
    ///
    /// In JSON:
    ///
    /// ```json
    /// {"kernel": {"length_scale": [0.41, 2.3], "signal_variance": 1.7, "noise": 1e-06, "family": "matern2.5"},
    ///  "mean": 0.12, "std": 0.05, "ei": 0.031, "acquisition": 0.031, "best_y": 0.15, "log_marginal_likelihood": -4.2}
    /// ```
    ///
    /// `length_scale` is in unit-cube units (one per dimension); `signal_variance` and `noise` are in
    /// standardized-target units; `mean`, `std` (latent), `ei` and `best_y` are in the objective's units;
    /// `log_marginal_likelihood` is that of the standardized targets. `ei` is the expected improvement at the
    /// chosen point whatever the acquisition (with its ξ, or ξ = 0.01 under LCB); `acquisition` is the value
    /// of the acquisition that chose it. `family` may be absent when reading.
    public struct Surrogate: Sendable, Equatable, Codable {
        public var lengthScale: [Double]
        public var signalVariance: Double
        public var noise: Double
        /// The kernel's correlation family, when known.
        public var kernelFamily: GaussianProcessKernel.Family?
        public var mean: Double
        public var std: Double
        public var expectedImprovement: Double
        public var acquisition: Double
        public var bestY: Double
        public var logMarginalLikelihood: Double

        public init(lengthScale: [Double], signalVariance: Double, noise: Double, kernelFamily: GaussianProcessKernel.Family? = nil,
                    mean: Double, std: Double, expectedImprovement: Double, acquisition: Double, bestY: Double, logMarginalLikelihood: Double) {
            self.lengthScale = lengthScale
            self.signalVariance = signalVariance
            self.noise = noise
            self.kernelFamily = kernelFamily
            self.mean = mean
            self.std = std
            self.expectedImprovement = expectedImprovement
            self.acquisition = acquisition
            self.bestY = bestY
            self.logMarginalLikelihood = logMarginalLikelihood
        }

        enum CodingKeys: String, CodingKey {
            case kernel, mean, std, acquisition
            case expectedImprovement = "ei"
            case bestY = "best_y"
            case logMarginalLikelihood = "log_marginal_likelihood"
        }

        enum KernelKeys: String, CodingKey {
            case noise, family
            case lengthScale = "length_scale"
            case signalVariance = "signal_variance"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let kernel = try container.nestedContainer(keyedBy: KernelKeys.self, forKey: .kernel)
            lengthScale = try kernel.decode([Double].self, forKey: .lengthScale)
            signalVariance = try kernel.decode(Double.self, forKey: .signalVariance)
            noise = try kernel.decode(Double.self, forKey: .noise)
            if let name = try kernel.decodeIfPresent(String.self, forKey: .family) {
                guard let family = GaussianProcessKernel.Family(rawValue: name) else {
                    let known = GaussianProcessKernel.Family.allCases.map(\.rawValue).joined(separator: ", ")
                    throw DecodingError.dataCorruptedError(forKey: .family, in: kernel, debugDescription: "unknown kernel family '\(name)' (known: \(known))")
                }
                kernelFamily = family
            }
            mean = try container.decode(Double.self, forKey: .mean)
            std = try container.decode(Double.self, forKey: .std)
            expectedImprovement = try container.decode(Double.self, forKey: .expectedImprovement)
            acquisition = try container.decode(Double.self, forKey: .acquisition)
            bestY = try container.decode(Double.self, forKey: .bestY)
            logMarginalLikelihood = try container.decode(Double.self, forKey: .logMarginalLikelihood)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            var kernel = container.nestedContainer(keyedBy: KernelKeys.self, forKey: .kernel)
            try kernel.encode(lengthScale, forKey: .lengthScale)
            try kernel.encode(signalVariance, forKey: .signalVariance)
            try kernel.encode(noise, forKey: .noise)
            try kernel.encodeIfPresent(kernelFamily?.rawValue, forKey: .family)
            try container.encode(mean, forKey: .mean)
            try container.encode(std, forKey: .std)
            try container.encode(expectedImprovement, forKey: .expectedImprovement)
            try container.encode(acquisition, forKey: .acquisition)
            try container.encode(bestY, forKey: .bestY)
            try container.encode(logMarginalLikelihood, forKey: .logMarginalLikelihood)
        }
    }

    /// The next point to try, given the trials so far (unit coordinates and values), and the surrogate it came
    /// from.
    ///
    /// - Throws: ``InputError`` when the kernel matrix cannot be factored (which the noise term prevents for
    ///   distinct points).
    public func next(inputs: [[Double]], values: [Double], generator: inout SplitMix64) throws(InputError) -> (point: [Double], surrogate: Surrogate) {
        let dimensions = inputs[0].count
        let finite = values.map { $0.isFinite ? $0 : (values.filter(\.isFinite).max() ?? 0) }
        let process = try fitProcess(inputs: inputs, values: finite, dimensions: dimensions, generator: &generator)
        let best = finite.min() ?? 0
        func score(_ point: [Double]) -> Double {
            let (mean, std) = process.predict(point)
            return acquisition.value(mean: mean, std: std, best: best)
        }
        var point = Array(repeating: 0.5, count: dimensions), top = -Double.infinity
        // The candidates in blocks: drawn coordinate after coordinate, point after point, as one at a time would
        // be, and predicted together without allocating per point.
        let block = 512
        var coordinates = Array(repeating: 0.0, count: block * dimensions)
        var means = Array(repeating: 0.0, count: block), stds = means
        var remaining = max(1, candidates)
        while remaining > 0 {
            let count = min(block, remaining)
            remaining -= count
            for i in 0..<(count * dimensions) { coordinates[i] = generator.nextUniform() }
            coordinates.withUnsafeBufferPointer { coordinates in
                means.withUnsafeMutableBufferPointer { means in
                    stds.withUnsafeMutableBufferPointer { stds in
                        process.predict(points: coordinates, count: count, means: means, stds: stds)
                    }
                }
            }
            for q in 0..<count {
                let value = acquisition.value(mean: means[q], std: stds[q], best: best)
                if value > top { (point, top) = (Array(coordinates[(q * dimensions)..<((q + 1) * dimensions)]), value) }
            }
        }
        (point, top) = Self.patternSearch(from: point, value: top, lower: 0, upper: 1, step: 0.05) { score($0) }
        let (mean, std) = process.predict(point)
        let improvement = Acquisition.expectedImprovement(xi: acquisition.xi ?? 0.01).value(mean: mean, std: std, best: best)
        return (point, Surrogate(lengthScale: process.kernel.lengthScales, signalVariance: process.kernel.signalVariance, noise: noise,
                                 kernelFamily: kernel, mean: mean, std: std, expectedImprovement: improvement, acquisition: top, bestY: best,
                                 logMarginalLikelihood: process.logMarginalLikelihood))
    }

    /// The process with the kernel hyperparameters of largest log marginal likelihood (or the defaults).
    func fitProcess(inputs: [[Double]], values: [Double], dimensions: Int, generator: inout SplitMix64) throws(InputError) -> GaussianProcess {
        func process(_ logs: [Double]) -> GaussianProcess? {
            let kernel = GaussianProcessKernel(family: kernel, lengthScales: logs.dropFirst().map { exp($0) }, signalVariance: exp(logs[0]))
            return try? GaussianProcess(kernel: kernel, noise: noise, inputs: inputs, targets: values)
        }
        let defaults = Array(repeating: 0.0, count: dimensions + 1)
        guard fit else {
            guard let fixed = process(defaults) else { throw InputError("the surrogate's kernel matrix is singular: two trials at the same point") }
            return fixed
        }
        let lower = [log(0.01)] + Array(repeating: log(0.01), count: dimensions)
        let upper = [log(1000.0)] + Array(repeating: log(100.0), count: dimensions)
        var surface = LikelihoodSurface(family: kernel, noise: noise, inputs: inputs, targets: values)
        var best: (logs: [Double], value: Double)?
        for restart in 0..<max(1, restarts) {
            let start = restart == 0 ? defaults : lower.indices.map { lower[$0] + generator.nextUniform() * (upper[$0] - lower[$0]) }
            // The compass search finds the basin (unit steps in log units: shrink 2 stops it before the first
            // half step); the quasi-Newton polish climbs to the basin's top, which a compass search alone
            // approaches only slowly along a ridge.
            let (searched, reached) = Self.patternSearch(from: start, value: surface.value(start), lower: lower, upper: upper,
                                                         step: 1, shrink: 2) { surface.value($0) }
            let (logs, value) = Self.polish(from: searched, value: reached, lower: lower, upper: upper) { surface.valueAndGradient($0) }
            if value > (best?.value ?? -.infinity) { best = (logs, value) }
        }
        guard let best, let fitted = process(best.logs) else {
            throw InputError("the surrogate's kernel matrix is singular: two trials at the same point")
        }
        return fitted
    }

    /// A compass search that maximizes `evaluate` inside a box: try ± step along each axis, move to any
    /// improvement, halve the step when none helps, stop below step/`shrink` or after 2000 evaluations.
    static func patternSearch(from start: [Double], value: Double, lower: [Double], upper: [Double], step: Double, shrink: Double = 1000,
                              evaluate: ([Double]) -> Double) -> ([Double], Double) {
        var point = start, best = value, step = step, evaluations = 0
        let smallest = step / shrink
        while step > smallest && evaluations < 2000 {
            var improved = false
            for axis in point.indices {
                for direction in [1.0, -1.0] {
                    var trial = point
                    trial[axis] = min(upper[axis], max(lower[axis], trial[axis] + direction * step))
                    let score = evaluate(trial)
                    evaluations += 1
                    if score > best {
                        (point, best, improved) = (trial, score, true)
                        break
                    }
                }
            }
            if !improved { step /= 2 }
        }
        return (point, best)
    }

    static func patternSearch(from start: [Double], value: Double, lower: Double, upper: Double, step: Double,
                              evaluate: ([Double]) -> Double) -> ([Double], Double) {
        patternSearch(from: start, value: value, lower: Array(repeating: lower, count: start.count),
                      upper: Array(repeating: upper, count: start.count), step: step, evaluate: evaluate)
    }
}
