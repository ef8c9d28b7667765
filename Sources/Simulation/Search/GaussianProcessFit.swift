#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The log marginal likelihood of a ``GaussianProcess`` on fixed data as a function of its kernel's log
/// hyperparameters θ = (log σ², log ℓ₁, …, log ℓ_d), and its gradient, for fitting the kernel.
///
/// The value is ``GaussianProcess/logMarginalLikelihood`` (the targets standardized in the same way, the noise
/// on the diagonal), up to rounding. The gradient is the textbook one (Rasmussen & Williams, eq. 5.9):
/// ∂/∂θⱼ = ½·tr((ααᵀ − K⁻¹)·∂K/∂θⱼ), with ∂K/∂log σ² = K − noise·I and, for a correlation f of the scaled
/// distance r, ∂k/∂log ℓⱼ = σ²·g(r)·((xⱼ − x′ⱼ)/ℓⱼ)², where g = −f′(r)/r:
///
/// - Matérn ν = ½: e^(−r)/r; ν = 3/2: 3·e^(−√3·r); ν = 5/2: (5/3)·(1 + √5·r)·e^(−√5·r); RBF: e^(−r²/2).
///
/// Its buffers are allocated once, so that the hundreds of evaluations of a fit allocate nothing.
struct LikelihoodSurface {
    let family: GaussianProcessKernel.Family
    let noise: Double
    let count: Int
    let dimensions: Int
    private let standardized: [Double]
    /// For each pair i > j (row by row), the squared differences of the points' coordinates.
    private let squaredDifferences: [Double]
    /// For each pair, k(xᵢ, xⱼ) and σ²·g(r) at the latest evaluation.
    private var covariances: [Double]
    private var slopes: [Double]
    private var factor: [Double]
    private var solution: [Double]
    private var inverse: [Double]
    private var inverseSquaredScales: [Double]

    init(family: GaussianProcessKernel.Family, noise: Double, inputs: [[Double]], targets: [Double]) {
        let n = inputs.count, d = inputs.first?.count ?? 0
        // ỹ exactly as GaussianProcess standardizes it.
        let mean = targets.reduce(0, +) / Double(n)
        var variance = 0.0
        for y in targets { variance += (y - mean) * (y - mean) }
        let scale = (variance / Double(n)).squareRoot()
        let s = scale > 0 ? scale : 1
        standardized = targets.map { ($0 - mean) / s }
        var differences: [Double] = []
        differences.reserveCapacity(n * (n - 1) / 2 * d)
        for i in 0..<n {
            for j in 0..<i {
                for c in 0..<d { differences.append((inputs[i][c] - inputs[j][c]) * (inputs[i][c] - inputs[j][c])) }
            }
        }
        self.family = family
        self.noise = noise
        self.count = n
        self.dimensions = d
        squaredDifferences = differences
        covariances = Array(repeating: 0, count: n * (n - 1) / 2)
        slopes = covariances
        factor = Array(repeating: 0, count: n * n)
        solution = Array(repeating: 0, count: n)
        inverse = Array(repeating: 0, count: n * n)
        inverseSquaredScales = Array(repeating: 0, count: d)
    }

    /// The log marginal likelihood at `logs`, or −∞ where K is not positive definite.
    mutating func value(_ logs: [Double]) -> Double {
        factorize(logs, slopes: false) ?? -.infinity
    }

    /// The log marginal likelihood at `logs` and its gradient with respect to them, or nil where K is not
    /// positive definite.
    mutating func valueAndGradient(_ logs: [Double]) -> (value: Double, gradient: [Double])? {
        guard let value = factorize(logs, slopes: true) else { return nil }
        let n = count, d = dimensions, variance = exp(logs[0])
        // α = K⁻¹ỹ from w = L⁻¹ỹ, then K⁻¹ = L⁻ᵀL⁻¹ (the lower triangle), L⁻¹ built in `inverse` first.
        GaussianProcess.backwardInPlace(factor, &solution)
        var gradient = Array(repeating: 0.0, count: d + 1)
        factor.withUnsafeBufferPointer { l in
            inverse.withUnsafeMutableBufferPointer { m in
                // L⁻¹, column by column, into the lower triangle.
                for j in 0..<n {
                    m[j * n + j] = 1 / l[j * n + j]
                    for i in (j + 1)..<max(j + 1, n) {
                        var sum = 0.0
                        for k in j..<i { sum += l[i * n + k] * m[k * n + j] }
                        m[i * n + j] = -sum / l[i * n + i]
                    }
                }
                // K⁻¹ᵢⱼ = Σ_{k ≥ i} L⁻¹ₖᵢ·L⁻¹ₖⱼ for i ≥ j, stored at [j·n + i] (on and above the diagonal). The
                // sums read L⁻¹ only on and below the diagonal in rows ≥ i, and its diagonal entry (i, i) last.
                for i in 0..<n {
                    for j in 0...i {
                        var sum = 0.0
                        for k in i..<n { sum += m[k * n + i] * m[k * n + j] }
                        m[j * n + i] = sum
                    }
                }
            }
        }
        // ½·Σ_ab (αₐα_b − K⁻¹_ab)·∂K_ab: the diagonal once, each pair twice.
        solution.withUnsafeBufferPointer { alpha in
            inverse.withUnsafeBufferPointer { m in
                var diagonal = 0.0
                for i in 0..<n { diagonal += alpha[i] * alpha[i] - m[i * n + i] }
                gradient[0] = 0.5 * variance * diagonal
                var pair = 0
                for i in 0..<n {
                    for j in 0..<i {
                        let w = alpha[i] * alpha[j] - m[j * n + i]
                        gradient[0] += w * covariances[pair]
                        let slope = w * slopes[pair]
                        for c in 0..<d { gradient[c + 1] += slope * squaredDifferences[pair * d + c] * inverseSquaredScales[c] }
                        pair += 1
                    }
                }
            }
        }
        return (value, gradient)
    }

    /// Fills K, factors it and solves w = L⁻¹ỹ (in `solution`); the likelihood, or nil.
    private mutating func factorize(_ logs: [Double], slopes wantSlopes: Bool) -> Double? {
        let n = count, d = dimensions
        let variance = exp(logs[0])
        for c in 0..<d { inverseSquaredScales[c] = exp(-2 * logs[c + 1]) }
        let root3 = 3.0.squareRoot(), root5 = 5.0.squareRoot()
        var pair = 0
        for i in 0..<n {
            for j in 0..<i {
                var squared = 0.0
                for c in 0..<d { squared += squaredDifferences[pair * d + c] * inverseSquaredScales[c] }
                let r = squared.squareRoot()
                let covariance: Double, slope: Double
                switch family {
                case .matern05:
                    let e = exp(-r)
                    covariance = variance * e
                    slope = r > 0 ? variance * e / r : 0
                case .matern15:
                    let t = root3 * r, e = exp(-t)
                    covariance = variance * (1 + t) * e
                    slope = variance * 3 * e
                case .matern25:
                    let t = root5 * r, e = exp(-t)
                    covariance = variance * (1 + t + t * t / 3) * e
                    slope = variance * 5 / 3 * (1 + t) * e
                case .rbf:
                    let e = exp(-0.5 * squared)
                    covariance = variance * e
                    slope = variance * e
                }
                covariances[pair] = covariance
                if wantSlopes { slopes[pair] = slope }
                factor[i * n + j] = covariance
                pair += 1
            }
            factor[i * n + i] = variance + noise
        }
        guard GaussianProcess.choleskyInPlace(&factor, n) else { return nil }
        for i in 0..<n { solution[i] = standardized[i] }
        GaussianProcess.forwardInPlace(factor, &solution)
        var fit = 0.0, logDeterminant = 0.0
        for i in 0..<n {
            fit += solution[i] * solution[i]
            logDeterminant += log(factor[i * n + i])
        }
        let value = -0.5 * fit - logDeterminant - Double(n) / 2 * log(2 * Double.pi)
        return value.isFinite ? value : nil
    }
}

extension BayesianOptimization {
    /// Climbs `evaluate` (a value and its gradient) inside a box from `start` by projected quasi-Newton steps:
    /// BFGS on the coordinates that the gradient does not press against a bound, a backtracking line search
    /// with the Armijo condition, the first step at most 1 along any coordinate. Stops when the projected
    /// gradient vanishes (≤ 1e-10), a step gains less than 1e-13 relative, no step helps, or after 100 steps.
    /// Returns `start` and `value` unless it found a larger value.
    static func polish(from start: [Double], value: Double, lower: [Double], upper: [Double],
                       evaluate: ([Double]) -> (value: Double, gradient: [Double])?) -> ([Double], Double) {
        let m = start.count
        guard var current = evaluate(start) else { return (start, value) }
        var x = start
        var inverseHessian = Array(repeating: 0.0, count: m * m)
        func resetToIdentity() {
            for i in 0..<m { for j in 0..<m { inverseHessian[i * m + j] = i == j ? 1 : 0 } }
        }
        resetToIdentity()
        var identity = true
        for _ in 0..<100 {
            let g = current.gradient
            let free = (0..<m).map { j in !((x[j] <= lower[j] && g[j] < 0) || (x[j] >= upper[j] && g[j] > 0)) }
            var largest = 0.0
            for j in 0..<m where free[j] { largest = max(largest, abs(g[j])) }
            guard largest > 1e-10 else { break }
            var direction = Array(repeating: 0.0, count: m)
            for i in 0..<m where free[i] {
                for j in 0..<m where free[j] { direction[i] += inverseHessian[i * m + j] * g[j] }
            }
            var slope = 0.0
            for j in 0..<m { slope += direction[j] * g[j] }
            if !(slope > 0) {
                resetToIdentity()
                identity = true
                for j in 0..<m { direction[j] = free[j] ? g[j] : 0 }
            }
            var longest = 0.0
            for j in 0..<m { longest = max(longest, abs(direction[j])) }
            var t = identity ? min(1, 1 / longest) : 1
            var accepted: (x: [Double], value: Double, gradient: [Double])?
            for _ in 0..<40 {
                let trial = (0..<m).map { j in min(upper[j], max(lower[j], x[j] + t * direction[j])) }
                if trial == x { break }
                var gain = 0.0
                for j in 0..<m { gain += g[j] * (trial[j] - x[j]) }
                if let next = evaluate(trial), next.value > current.value, next.value >= current.value + 1e-4 * gain {
                    accepted = (trial, next.value, next.gradient)
                    break
                }
                t /= 2
            }
            guard let next = accepted else {
                if identity { break }
                resetToIdentity()
                identity = true
                continue
            }
            let gained = next.value - current.value
            // s = step, y = change in the gradient of −f; the BFGS update of the inverse Hessian of −f.
            let s = (0..<m).map { next.x[$0] - x[$0] }
            let y = (0..<m).map { g[$0] - next.gradient[$0] }
            x = next.x
            current = (next.value, next.gradient)
            var sy = 0.0, yy = 0.0
            for j in 0..<m { sy += s[j] * y[j]; yy += y[j] * y[j] }
            if sy > 1e-12 * yy.squareRoot() * s.reduce(0, { $0 + $1 * $1 }).squareRoot() {
                if identity {
                    for j in 0..<m { inverseHessian[j * m + j] = sy / yy }
                    identity = false
                }
                let rho = 1 / sy
                var hy = Array(repeating: 0.0, count: m)
                for i in 0..<m { for j in 0..<m { hy[i] += inverseHessian[i * m + j] * y[j] } }
                var yhy = 0.0
                for j in 0..<m { yhy += y[j] * hy[j] }
                for i in 0..<m {
                    for j in 0..<m {
                        inverseHessian[i * m + j] += (rho * rho * yhy + rho) * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j])
                    }
                }
            }
            if gained <= 1e-13 * max(1, abs(current.value)) { break }
        }
        return current.value > value ? (x, current.value) : (start, value)
    }
}
