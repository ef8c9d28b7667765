#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Gaussian-process regression on points of the unit cube, as Bayesian optimization fits it (scikit-learn's
/// `GaussianProcessRegressor(normalize_y=True)` with a fixed kernel and `alpha = noise`).
///
/// The targets are standardized, ỹ = (y − ȳ)/s with their mean ȳ and population standard deviation s (1 when
/// all are equal). With K = k(X, X) + noise·I = LLᵀ (Cholesky) and α = K⁻¹ỹ, at a point x* with k* = k(X, x*):
///
/// - mean μ(x*) = ȳ + s·k*ᵀα
/// - latent standard deviation σ(x*) = s·√(k(x*, x*) − vᵀv), v = L⁻¹k* (without the noise term; negative
///   variances from rounding are taken as 0)
/// - log marginal likelihood of the standardized targets: −½ỹᵀα − Σᵢ log Lᵢᵢ − (n/2)·log 2π
public struct GaussianProcess: Sendable {
    public let kernel: GaussianProcessKernel
    /// Added to the kernel's diagonal, in standardized-target units.
    public let noise: Double
    public let inputs: [[Double]]
    public let targets: [Double]
    /// ȳ and s.
    public let targetMean: Double
    public let targetScale: Double
    /// The points one after another (n × d), the standardized targets ỹ, the Cholesky factor of K (n × n,
    /// row-major, the lower triangle) and α = K⁻¹ỹ: contiguous, so that prediction allocates nothing per point.
    private let points: [Double]
    private let standardized: [Double]
    private let factor: [Double]
    private let alpha: [Double]

    /// Fits the process to `inputs` (unit cube, one row per point) and `targets`.
    ///
    /// - Throws: ``InputError`` when there are no points, the rows and length scales disagree in size, or K is
    ///   not positive definite (duplicate points with no noise).
    public init(kernel: GaussianProcessKernel, noise: Double, inputs: [[Double]], targets: [Double]) throws(InputError) {
        let n = inputs.count
        guard n > 0, n == targets.count else { throw InputError("a Gaussian process needs as many targets as points, and at least one") }
        guard inputs.allSatisfy({ $0.count == kernel.lengthScales.count }) else {
            throw InputError("every point needs \(kernel.lengthScales.count) coordinates, one per length scale")
        }
        let mean = targets.reduce(0, +) / Double(n)
        var variance = 0.0
        for y in targets { variance += (y - mean) * (y - mean) }
        let scale = (variance / Double(n)).squareRoot()
        let s = scale > 0 ? scale : 1
        let standardized = targets.map { ($0 - mean) / s }
        let points = inputs.flatMap { $0 }
        // The lower triangle of K = k(X, X) + noise·I (the factorization reads no other entry).
        let d = kernel.lengthScales.count
        var factor = Array(repeating: 0.0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var squared = 0.0
                for c in 0..<d {
                    let scaled = (points[i * d + c] - points[j * d + c]) / kernel.lengthScales[c]
                    squared += scaled * scaled
                }
                factor[i * n + j] = kernel.value(squaredDistance: squared)
            }
            factor[i * n + i] += noise
        }
        guard Self.choleskyInPlace(&factor, n) else {
            throw InputError("the kernel matrix is not positive definite: two trials at the same point need noise > 0")
        }
        var alpha = standardized
        Self.forwardInPlace(factor, &alpha)
        Self.backwardInPlace(factor, &alpha)
        self.kernel = kernel
        self.noise = noise
        self.inputs = inputs
        self.targets = targets
        self.targetMean = mean
        self.targetScale = s
        self.points = points
        self.standardized = standardized
        self.factor = factor
        self.alpha = alpha
    }

    /// μ(x*) and the latent σ(x*), in the targets' units.
    public func predict(_ point: [Double]) -> (mean: Double, std: Double) {
        var means = [0.0], stds = [0.0]
        var scratch = Array(repeating: SIMD4<Double>(), count: inputs.count)
        point.withUnsafeBufferPointer { point in
            means.withUnsafeMutableBufferPointer { means in
                stds.withUnsafeMutableBufferPointer { stds in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        predict(points: point, count: 1, means: means, stds: stds, scratch: scratch)
                    }
                }
            }
        }
        return (means[0], stds[0])
    }

    /// μ and σ at `count` points stored one after another in `points` (count × d), into `means` and `stds`;
    /// `scratch` holds n vectors. Four points go through the triangular solve side by side (one per SIMD
    /// lane), each with the arithmetic of `predict(_:)` in the same order, so the results are the same bits.
    func predict(points query: UnsafeBufferPointer<Double>, count: Int, means: UnsafeMutableBufferPointer<Double>,
                 stds: UnsafeMutableBufferPointer<Double>, scratch v: UnsafeMutableBufferPointer<SIMD4<Double>>) {
        let n = inputs.count, d = kernel.lengthScales.count
        let prior = kernel.value(squaredDistance: 0)
        kernel.lengthScales.withUnsafeBufferPointer { scales in
            points.withUnsafeBufferPointer { x in
                factor.withUnsafeBufferPointer { l in
                    alpha.withUnsafeBufferPointer { alpha in
                        var first = 0
                        while first < count {
                            let lanes = min(4, count - first)
                            // k* = k(X, x*) for each lane (a short last group repeats its last point).
                            v.withMemoryRebound(to: Double.self) { lanesOfV in
                                for lane in 0..<4 {
                                    let p = (first + min(lane, lanes - 1)) * d
                                    for i in 0..<n {
                                        var squared = 0.0
                                        for c in 0..<d {
                                            let scaled = (x[i * d + c] - query[p + c]) / scales[c]
                                            squared += scaled * scaled
                                        }
                                        lanesOfV[i * 4 + lane] = kernel.value(squaredDistance: squared)
                                    }
                                }
                            }
                            // μ = k*ᵀα, then v = L⁻¹k* in place and σ² = k(x*, x*) − vᵀv.
                            var mean = SIMD4<Double>()
                            for i in 0..<n { mean += v[i] * alpha[i] }
                            var variance = SIMD4<Double>(repeating: prior)
                            for i in 0..<n {
                                var sum = v[i]
                                for k in 0..<i { sum -= l[i * n + k] * v[k] }
                                let value = sum / l[i * n + i]
                                v[i] = value
                                variance -= value * value
                            }
                            for lane in 0..<lanes {
                                means[first + lane] = targetMean + targetScale * mean[lane]
                                stds[first + lane] = targetScale * max(0, variance[lane]).squareRoot()
                            }
                            first += lanes
                        }
                    }
                }
            }
        }
    }

    /// The log marginal likelihood of the standardized targets.
    public var logMarginalLikelihood: Double {
        var fit = 0.0
        for i in standardized.indices { fit += standardized[i] * alpha[i] }
        let n = standardized.count
        let logDeterminant = (0..<n).reduce(0.0) { $0 + log(factor[$1 * n + $1]) }
        return -0.5 * fit - logDeterminant - Double(n) / 2 * log(2 * Double.pi)
    }

    // MARK: - Linear algebra (n × n row-major; only the lower triangle is read)

    /// Replaces the lower triangle of A with L, LLᵀ = A; false when A is not positive definite.
    static func choleskyInPlace(_ a: inout [Double], _ n: Int) -> Bool {
        a.withUnsafeMutableBufferPointer { l in
            for j in 0..<n {
                var diagonal = l[j * n + j]
                for k in 0..<j { diagonal -= l[j * n + k] * l[j * n + k] }
                guard diagonal > 0, diagonal.isFinite else { return false }
                let root = diagonal.squareRoot()
                l[j * n + j] = root
                // Rows below, four at a time (independent sums, each in the order k = 0, 1, …).
                var i = j + 1
                while i + 3 < n {
                    var s0 = l[i * n + j], s1 = l[(i + 1) * n + j], s2 = l[(i + 2) * n + j], s3 = l[(i + 3) * n + j]
                    for k in 0..<j {
                        let ljk = l[j * n + k]
                        s0 -= l[i * n + k] * ljk
                        s1 -= l[(i + 1) * n + k] * ljk
                        s2 -= l[(i + 2) * n + k] * ljk
                        s3 -= l[(i + 3) * n + k] * ljk
                    }
                    l[i * n + j] = s0 / root
                    l[(i + 1) * n + j] = s1 / root
                    l[(i + 2) * n + j] = s2 / root
                    l[(i + 3) * n + j] = s3 / root
                    i += 4
                }
                while i < n {
                    var sum = l[i * n + j]
                    for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                    l[i * n + j] = sum / root
                    i += 1
                }
            }
            return true
        }
    }

    /// b ← x with Lx = b (L lower triangular).
    static func forwardInPlace(_ l: [Double], _ b: inout [Double]) {
        let n = b.count
        for i in 0..<n {
            var x = b[i]
            for k in 0..<i { x -= l[i * n + k] * b[k] }
            b[i] = x / l[i * n + i]
        }
    }

    /// b ← x with Lᵀx = b.
    static func backwardInPlace(_ l: [Double], _ b: inout [Double]) {
        let n = b.count
        for i in (0..<n).reversed() {
            var x = b[i]
            for k in (i + 1)..<max(i + 1, n) { x -= l[k * n + i] * b[k] }
            b[i] = x / l[i * n + i]
        }
    }
}
