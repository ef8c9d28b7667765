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
    /// The Cholesky factor of K (row-major, lower) and α = K⁻¹ỹ.
    private let factor: [[Double]]
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
        var matrix = (0..<n).map { i in (0..<n).map { j in kernel(inputs[i], inputs[j]) } }
        for i in 0..<n { matrix[i][i] += noise }
        guard let factor = Self.cholesky(matrix) else {
            throw InputError("the kernel matrix is not positive definite: two trials at the same point need noise > 0")
        }
        self.kernel = kernel
        self.noise = noise
        self.inputs = inputs
        self.targets = targets
        self.targetMean = mean
        self.targetScale = s
        self.factor = factor
        self.alpha = Self.backward(factor, Self.forward(factor, standardized))
    }

    /// μ(x*) and the latent σ(x*), in the targets' units.
    public func predict(_ point: [Double]) -> (mean: Double, std: Double) {
        let kStar = inputs.map { kernel($0, point) }
        var mean = 0.0
        for i in kStar.indices { mean += kStar[i] * alpha[i] }
        let v = Self.forward(factor, kStar)
        var variance = kernel(point, point)
        for value in v { variance -= value * value }
        return (targetMean + targetScale * mean, targetScale * max(0, variance).squareRoot())
    }

    /// The log marginal likelihood of the standardized targets.
    public var logMarginalLikelihood: Double {
        let standardized = targets.map { ($0 - targetMean) / targetScale }
        var fit = 0.0
        for i in standardized.indices { fit += standardized[i] * alpha[i] }
        let logDeterminant = factor.indices.reduce(0.0) { $0 + log(factor[$1][$1]) }
        return -0.5 * fit - logDeterminant - Double(targets.count) / 2 * log(2 * Double.pi)
    }

    // MARK: - Linear algebra

    /// L with LLᵀ = A, or nil when A is not positive definite.
    static func cholesky(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        var l = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for j in 0..<n {
            var diagonal = a[j][j]
            for k in 0..<j { diagonal -= l[j][k] * l[j][k] }
            guard diagonal > 0, diagonal.isFinite else { return nil }
            l[j][j] = diagonal.squareRoot()
            for i in (j + 1)..<max(j + 1, n) {
                var sum = a[i][j]
                for k in 0..<j { sum -= l[i][k] * l[j][k] }
                l[i][j] = sum / l[j][j]
            }
        }
        return l
    }

    /// x with Lx = b (L lower triangular).
    static func forward(_ l: [[Double]], _ b: [Double]) -> [Double] {
        var x = b
        for i in x.indices {
            for k in 0..<i { x[i] -= l[i][k] * x[k] }
            x[i] /= l[i][i]
        }
        return x
    }

    /// x with Lᵀx = b.
    static func backward(_ l: [[Double]], _ b: [Double]) -> [Double] {
        var x = b
        for i in x.indices.reversed() {
            for k in (i + 1)..<max(i + 1, x.count) { x[i] -= l[k][i] * x[k] }
            x[i] /= l[i][i]
        }
        return x
    }
}
