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
    /// The squared differences of the points' coordinates: for each dimension, every pair i > j, row by row.
    private let squaredDifferences: [Double]
    /// For each pair, k(xᵢ, xⱼ) and σ²·g(r) at the latest evaluation.
    private var covariances: [Double]
    private var slopes: [Double]
    private var factor: [Double]
    private var solution: [Double]
    private var inverseFactor: [Double]
    private var inverse: [Double]
    private var inverseSquaredScales: [Double]
    /// Per row of K: the scaled distances (times √3 or √5) and their exponentials.
    private var distances: [Double]
    private var exponentials: [Double]

    init(family: GaussianProcessKernel.Family, noise: Double, inputs: [[Double]], targets: [Double]) {
        let n = inputs.count, d = inputs.first?.count ?? 0
        // ỹ exactly as GaussianProcess standardizes it.
        let mean = targets.reduce(0, +) / Double(n)
        var variance = 0.0
        for y in targets { variance += (y - mean) * (y - mean) }
        let scale = (variance / Double(n)).squareRoot()
        let s = scale > 0 ? scale : 1
        standardized = targets.map { ($0 - mean) / s }
        let pairs = n * (n - 1) / 2
        var differences = Array(repeating: 0.0, count: pairs * d)
        var pair = 0
        for i in 0..<n {
            for j in 0..<i {
                for c in 0..<d { differences[c * pairs + pair] = (inputs[i][c] - inputs[j][c]) * (inputs[i][c] - inputs[j][c]) }
                pair += 1
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
        inverseFactor = Array(repeating: 0, count: n * n)
        inverse = Array(repeating: 0, count: n * n)
        inverseSquaredScales = Array(repeating: 0, count: d)
        distances = Array(repeating: 0, count: n)
        exponentials = Array(repeating: 0, count: n)
    }

    /// The log marginal likelihood at `logs`, or −∞ where K is not positive definite.
    mutating func value(_ logs: [Double]) -> Double {
        factorize(logs) ?? -.infinity
    }

    /// The log marginal likelihood at `logs` and its gradient with respect to them, or nil where K is not
    /// positive definite.
    mutating func valueAndGradient(_ logs: [Double]) -> (value: Double, gradient: [Double])? {
        guard let value = factorize(logs) else { return nil }
        let n = count, d = dimensions, pairs = n * (n - 1) / 2, variance = exp(logs[0])
        // α = K⁻¹ỹ from w = L⁻¹ỹ, then L⁻¹ and K⁻¹ = L⁻ᵀL⁻¹ (lower triangles).
        GaussianProcess.backwardInPlace(factor, &solution)
        var gradient = Array(repeating: 0.0, count: d + 1)
        factor.withUnsafeBufferPointer { l in
            inverseFactor.withUnsafeMutableBufferPointer { m in
                inverse.withUnsafeMutableBufferPointer { kInverse in
                    // M = L⁻¹ row by row: Mᵢⱼ = −(Σ_{j ≤ k < i} Lᵢₖ·Mₖⱼ)/Lᵢᵢ, Mᵢᵢ = 1/Lᵢᵢ, accumulated over k a
                    // row of M at a time (contiguous rows through pointers, so the inner loops vectorize).
                    let base = m.baseAddress!, kBase = kInverse.baseAddress!
                    for i in 0..<n {
                        let row = base + i * n
                        for j in 0...i { row[j] = 0 }
                        for k in 0..<i {
                            let lik = l[i * n + k], source = base + k * n
                            for j in 0...k { row[j] += lik * source[j] }
                        }
                        let pivot = l[i * n + i]
                        for j in 0..<i { row[j] = -row[j] / pivot }
                        row[i] = 1 / pivot
                    }
                    // K⁻¹ = MᵀM (its lower triangle): one rank-one update per row k of M.
                    for a in 0..<n { for b in 0...a { kBase[a * n + b] = 0 } }
                    for k in 0..<n {
                        let source = base + k * n
                        for a in 0...k {
                            let mka = source[a], target = kBase + a * n
                            for b in 0...a { target[b] += mka * source[b] }
                        }
                    }
                }
            }
        }
        // ½·Σ_ab (αₐα_b − K⁻¹_ab)·∂K_ab: the diagonal once, each pair twice.
        solution.withUnsafeBufferPointer { alpha in
            inverse.withUnsafeBufferPointer { m in
                covariances.withUnsafeBufferPointer { covariances in
                    slopes.withUnsafeBufferPointer { slopes in
                        squaredDifferences.withUnsafeBufferPointer { differences in
                            gradient.withUnsafeMutableBufferPointer { gradient in
                                var diagonal = 0.0
                                for i in 0..<n { diagonal += alpha[i] * alpha[i] - m[i * n + i] }
                                gradient[0] = 0.5 * variance * diagonal
                                var pair = 0
                                for i in 0..<n {
                                    for j in 0..<i {
                                        let w = alpha[i] * alpha[j] - m[i * n + j]
                                        gradient[0] += w * covariances[pair]
                                        let slope = w * slopes[pair]
                                        for c in 0..<d { gradient[c + 1] += slope * differences[c * pairs + pair] }
                                        pair += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // ∂k/∂log ℓ_c carries 1/ℓ_c², the same for every pair.
        for c in 0..<d { gradient[c + 1] *= inverseSquaredScales[c] }
        return (value, gradient)
    }

    /// Fills K, factors it and solves w = L⁻¹ỹ (in `solution`); the likelihood, or nil.
    private mutating func factorize(_ logs: [Double]) -> Double? {
        let n = count, d = dimensions, family = self.family, noise = self.noise, pairs = n * (n - 1) / 2
        let variance = exp(logs[0])
        for c in 0..<d { inverseSquaredScales[c] = exp(-2 * logs[c + 1]) }
        let root3 = 3.0.squareRoot(), root5 = 5.0.squareRoot()
        let factored = squaredDifferences.withUnsafeBufferPointer { differences in
            inverseSquaredScales.withUnsafeBufferPointer { scales in
                covariances.withUnsafeMutableBufferPointer { covariances in
                    slopes.withUnsafeMutableBufferPointer { slopes in
                        distances.withUnsafeMutableBufferPointer { distances in
                            exponentials.withUnsafeMutableBufferPointer { exponentials in
                                factor.withUnsafeMutableBufferPointer { l in
                                    // Row i of K, a pass per step (the pairs (i, j < i) are contiguous).
                                    let t = distances.baseAddress!, e = exponentials.baseAddress!
                                    for i in 0..<n {
                                        let first = i * (i - 1) / 2
                                        let covariance = covariances.baseAddress! + first, slope = slopes.baseAddress! + first
                                        for j in 0..<i { covariance[j] = 0 }
                                        for c in 0..<d {
                                            let scale = scales[c], column = differences.baseAddress! + c * pairs + first
                                            for j in 0..<i { covariance[j] += column[j] * scale }
                                        }
                                        switch family {
                                        case .matern05:
                                            for j in 0..<i { t[j] = covariance[j].squareRoot(); e[j] = -t[j] }
                                            GaussianProcessKernel.exponentials(inPlace: e, count: i)
                                            for j in 0..<i {
                                                covariance[j] = variance * e[j]
                                                slope[j] = t[j] > 0 ? variance * e[j] / t[j] : 0
                                            }
                                        case .matern15:
                                            for j in 0..<i { t[j] = root3 * covariance[j].squareRoot(); e[j] = -t[j] }
                                            GaussianProcessKernel.exponentials(inPlace: e, count: i)
                                            for j in 0..<i {
                                                covariance[j] = variance * (1 + t[j]) * e[j]
                                                slope[j] = variance * 3 * e[j]
                                            }
                                        case .matern25:
                                            for j in 0..<i { t[j] = root5 * covariance[j].squareRoot(); e[j] = -t[j] }
                                            GaussianProcessKernel.exponentials(inPlace: e, count: i)
                                            for j in 0..<i {
                                                covariance[j] = variance * (1 + t[j] + t[j] * t[j] / 3) * e[j]
                                                slope[j] = variance * 5 / 3 * (1 + t[j]) * e[j]
                                            }
                                        case .rbf:
                                            for j in 0..<i { e[j] = -0.5 * covariance[j] }
                                            GaussianProcessKernel.exponentials(inPlace: e, count: i)
                                            for j in 0..<i {
                                                covariance[j] = variance * e[j]
                                                slope[j] = variance * e[j]
                                            }
                                        }
                                        let row = l.baseAddress! + i * n
                                        for j in 0..<i { row[j] = covariance[j] }
                                        row[i] = variance + noise
                                    }
                                    return GaussianProcess.choleskyInPlace(l, n)
                                }
                            }
                        }
                    }
                }
            }
        }
        guard factored else { return nil }
        var fit = 0.0, logDeterminant = 0.0
        factor.withUnsafeBufferPointer { l in
            standardized.withUnsafeBufferPointer { z in
                solution.withUnsafeMutableBufferPointer { w in
                    for i in 0..<n {
                        let row = l.baseAddress! + i * n
                        var x = z[i]
                        for k in 0..<i { x -= row[k] * w[k] }
                        let value = x / row[i]
                        w[i] = value
                        fit += value * value
                        logDeterminant += log(row[i])
                    }
                }
            }
        }
        let value = -0.5 * fit - logDeterminant - Double(n) / 2 * log(2 * Double.pi)
        return value.isFinite ? value : nil
    }
}

extension BayesianOptimization {
    /// Climbs `evaluate` (a value and its gradient) inside a box from `start` by projected quasi-Newton steps:
    /// BFGS on the coordinates that the gradient does not press against a bound, a backtracking line search
    /// with the Armijo condition, the first step at most 1 along any coordinate. Stops when the projected
    /// gradient is below 1e-6, a step gains less than 1e-10 relative (the quasi-Newton steps converge
    /// superlinearly, so what is left is smaller still), no step helps, or after 100 steps.
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
            guard largest > 1e-6 else { break }
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
            if gained <= 1e-10 * max(1, abs(current.value)) { break }
        }
        return current.value > value ? (x, current.value) : (start, value)
    }
}
