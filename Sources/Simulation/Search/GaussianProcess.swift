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
    /// The points divided by the length scales, one after another (n × d), the standardized targets ỹ, the
    /// Cholesky factor of K (n × n, row-major, the lower triangle) and α = K⁻¹ỹ: contiguous, so that
    /// prediction allocates nothing per point.
    private let scaledPoints: [Double]
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
        let d = kernel.lengthScales.count
        let scaledPoints = inputs.flatMap { point in point.indices.map { point[$0] / kernel.lengthScales[$0] } }
        // The lower triangle of K = k(X, X) + noise·I (the factorization reads no other entry).
        var factor = Array(repeating: 0.0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var squared = 0.0
                for c in 0..<d {
                    let difference = scaledPoints[i * d + c] - scaledPoints[j * d + c]
                    squared += difference * difference
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
        self.scaledPoints = scaledPoints
        self.standardized = standardized
        self.factor = factor
        self.alpha = alpha
    }

    /// μ(x*) and the latent σ(x*), in the targets' units.
    public func predict(_ point: [Double]) -> (mean: Double, std: Double) {
        var means = [0.0], stds = [0.0]
        point.withUnsafeBufferPointer { point in
            means.withUnsafeMutableBufferPointer { means in
                stds.withUnsafeMutableBufferPointer { stds in predict(points: point, count: 1, means: means, stds: stds) }
            }
        }
        return (means[0], stds[0])
    }

    /// How many points `predict(points:count:means:stds:)` carries through the triangular solve together.
    static let predictionBlock = 64

    /// μ and σ at `count` points stored one after another in `points` (count × d), into `means` and `stds`:
    /// the same numbers as `predict(_:)` point by point. A block of points goes through each step together —
    /// k* for all of them, then each row of the solve v = L⁻¹k* for all of them — so that the inner loops run
    /// along contiguous rows and vectorize; each point's sums keep the order of `predict(_:)`.
    func predict(points query: UnsafeBufferPointer<Double>, count: Int, means: UnsafeMutableBufferPointer<Double>,
                 stds: UnsafeMutableBufferPointer<Double>) {
        let n = inputs.count, d = kernel.lengthScales.count, width = Self.predictionBlock
        let prior = kernel.value(squaredDistance: 0)
        // Row i of `rows` holds k(xᵢ, x*) (then vᵢ) for each point of the block.
        let rows = UnsafeMutablePointer<Double>.allocate(capacity: n * width)
        let blockQuery = UnsafeMutablePointer<Double>.allocate(capacity: width * d)
        let mean = UnsafeMutablePointer<Double>.allocate(capacity: width)
        let variance = UnsafeMutablePointer<Double>.allocate(capacity: width)
        defer { rows.deallocate(); blockQuery.deallocate(); mean.deallocate(); variance.deallocate() }
        kernel.lengthScales.withUnsafeBufferPointer { scales in
            scaledPoints.withUnsafeBufferPointer { x in
                factor.withUnsafeBufferPointer { l in
                    alpha.withUnsafeBufferPointer { alpha in
                        var first = 0
                        while first < count {
                            let b = min(width, count - first)
                            // The block's scaled coordinates, one dimension after another (so that the distance
                            // loops run along contiguous numbers).
                            for c in 0..<d { for q in 0..<b { blockQuery[c * width + q] = query[(first + q) * d + c] / scales[c] } }
                            for i in 0..<n {
                                let row = rows + i * width
                                for q in 0..<b { row[q] = 0 }
                                for c in 0..<d {
                                    let coordinate = x[i * d + c], column = blockQuery + c * width
                                    for q in 0..<b {
                                        let difference = coordinate - column[q]
                                        row[q] += difference * difference
                                    }
                                }
                                kernel.values(inPlace: row, count: b, scratch: variance)
                            }
                            // μ = k*ᵀα.
                            for q in 0..<b { mean[q] = 0; variance[q] = prior }
                            for i in 0..<n {
                                let row = rows + i * width, a = alpha[i]
                                for q in 0..<b { mean[q] += row[q] * a }
                            }
                            // v = L⁻¹k* in place, row by row, and σ² = k(x*, x*) − vᵀv.
                            for i in 0..<n {
                                let row = rows + i * width, factorRow = l.baseAddress! + i * n
                                for k in 0..<i {
                                    let lik = factorRow[k], earlier = rows + k * width
                                    for q in 0..<b { row[q] -= lik * earlier[q] }
                                }
                                let pivot = factorRow[i]
                                for q in 0..<b {
                                    let value = row[q] / pivot
                                    row[q] = value
                                    variance[q] -= value * value
                                }
                            }
                            for q in 0..<b {
                                means[first + q] = targetMean + targetScale * mean[q]
                                stds[first + q] = targetScale * max(0, variance[q]).squareRoot()
                            }
                            first += b
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
        a.withUnsafeMutableBufferPointer { choleskyInPlace($0, n) }
    }

    /// The same on a buffer of n × n numbers.
    static func choleskyInPlace(_ buffer: UnsafeMutableBufferPointer<Double>, _ n: Int) -> Bool {
        guard n > 0, let l = buffer.baseAddress, buffer.count >= n * n else { return n == 0 }
        for j in 0..<n {
            let rowJ = l + j * n
            var diagonal = rowJ[j]
            for k in 0..<j { diagonal -= rowJ[k] * rowJ[k] }
            guard diagonal > 0, diagonal.isFinite else { return false }
            let root = diagonal.squareRoot()
            rowJ[j] = root
            // Rows below, four at a time (independent sums, each in the order k = 0, 1, …).
            var i = j + 1
            while i + 3 < n {
                let r0 = l + i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n
                var s0 = r0[j], s1 = r1[j], s2 = r2[j], s3 = r3[j]
                for k in 0..<j {
                    let ljk = rowJ[k]
                    s0 -= r0[k] * ljk
                    s1 -= r1[k] * ljk
                    s2 -= r2[k] * ljk
                    s3 -= r3[k] * ljk
                }
                r0[j] = s0 / root
                r1[j] = s1 / root
                r2[j] = s2 / root
                r3[j] = s3 / root
                i += 4
            }
            while i < n {
                let row = l + i * n
                var sum = row[j]
                for k in 0..<j { sum -= row[k] * rowJ[k] }
                row[j] = sum / root
                i += 1
            }
        }
        return true
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
