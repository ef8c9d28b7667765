/// A line search for a step length t along a descent direction d that satisfies the strong Wolfe
/// conditions, as PyTorch's L-BFGS performs it (after Nocedal & Wright, *Numerical Optimization*,
/// algorithms 3.5 and 3.6, with the cubic interpolation of minFunc):
///
/// ```
/// sufficient decrease:  f(x + t·d) ≤ f(x) + c₁·t·∇f(x)ᵀd       (c₁ = 10⁻⁴)
/// curvature:            |∇f(x + t·d)ᵀd| ≤ c₂·|∇f(x)ᵀd|         (c₂ = 0.9)
/// ```
///
/// The search first brackets an interval that contains such a t (growing t by cubic extrapolation within
/// [t + 0.01(t − tₚᵣₑᵥ), 10t]), then shrinks it by cubic interpolation, keeping each trial at least a tenth
/// of the bracket away from its ends when progress stalls. It stops after `maxEvaluations` evaluations or
/// when the bracket is narrower than `toleranceChange` along d.
struct StrongWolfeLineSearch {
    static let c1 = 1e-4
    static let c2 = 0.9

    /// The most evaluations the search may make (PyTorch's `max_ls`).
    var maxEvaluations: Int
    /// The bracket width (scaled by max|d|) below which the search gives up refining.
    var toleranceChange = 1e-9

    /// One trial point: its step length, loss, gradient and slope along d.
    private struct Trial {
        var t: Double
        var loss: Double
        var gradient: [Double]
        var slope: Double
    }

    /// Searches from step length `t`.
    ///
    /// - Parameters:
    ///   - evaluate: the loss and gradient at x + t·d, for a trial t.
    ///   - t: the first trial step length.
    ///   - direction: d.
    ///   - loss: f(x).
    ///   - gradient: ∇f(x).
    ///   - slope: ∇f(x)ᵀd (negative for a descent direction).
    /// - Returns: the accepted step length with its loss and gradient, and the number of evaluations made.
    func search(evaluate: (Double) -> (loss: Double, gradient: [Double]), t: Double, direction: [Double],
                loss: Double, gradient: [Double], slope: Double)
        -> (loss: Double, gradient: [Double], t: Double, evaluations: Int) {
        let directionSize = direction.reduce(0) { Swift.max($0, abs($1)) }
        let start = Trial(t: 0, loss: loss, gradient: gradient, slope: slope)
        func trial(_ t: Double) -> Trial {
            let (f, g) = evaluate(t)
            return Trial(t: t, loss: f, gradient: g, slope: dot(g, direction))
        }
        let curvatureBound = -Self.c2 * slope

        // Bracketing phase.
        var current = trial(t)
        var evaluations = 1
        var previous = start
        var bracket: [Trial] = []
        var done = false
        var iterations = 0
        while iterations < maxEvaluations {
            if current.loss > loss + Self.c1 * current.t * slope || (iterations > 1 && current.loss >= previous.loss) {
                bracket = [previous, current]
                break
            }
            if abs(current.slope) <= curvatureBound {
                bracket = [current]
                done = true
                break
            }
            if current.slope >= 0 {
                bracket = [previous, current]
                break
            }
            let minStep = current.t + 0.01 * (current.t - previous.t)
            let maxStep = current.t * 10
            let next = cubicMinimizer(previous.t, previous.loss, previous.slope, current.t, current.loss, current.slope,
                                      bounds: (minStep, maxStep))
            previous = current
            current = trial(next)
            evaluations += 1
            iterations += 1
        }
        if iterations == maxEvaluations || bracket.isEmpty {
            // Out of evaluations while extrapolating: choose between the start and the last trial.
            bracket = [start, current]
        }

        // Zoom phase.
        var insufficientProgress = false
        var (low, high) = bracket[0].loss <= bracket[bracket.count - 1].loss ? (0, 1) : (1, 0)
        while !done && iterations < maxEvaluations {
            if abs(bracket[1].t - bracket[0].t) * directionSize < toleranceChange { break }
            var t = cubicMinimizer(bracket[0].t, bracket[0].loss, bracket[0].slope,
                                   bracket[1].t, bracket[1].loss, bracket[1].slope)
            let upper = pythonMax(bracket[0].t, bracket[1].t), lower = pythonMin(bracket[0].t, bracket[1].t)
            let margin = 0.1 * (upper - lower)
            if pythonMin(upper - t, t - lower) < margin {
                if insufficientProgress || t >= upper || t <= lower {
                    t = abs(t - upper) < abs(t - lower) ? upper - margin : lower + margin
                    insufficientProgress = false
                } else {
                    insufficientProgress = true
                }
            } else {
                insufficientProgress = false
            }
            let candidate = trial(t)
            evaluations += 1
            iterations += 1
            if candidate.loss > loss + Self.c1 * candidate.t * slope || candidate.loss >= bracket[low].loss {
                bracket[high] = candidate
                (low, high) = bracket[0].loss <= bracket[1].loss ? (0, 1) : (1, 0)
            } else {
                if abs(candidate.slope) <= curvatureBound {
                    done = true
                } else if candidate.slope * (bracket[high].t - bracket[low].t) >= 0 {
                    bracket[high] = bracket[low]
                }
                bracket[low] = candidate
            }
        }
        let accepted = bracket[low]
        return (accepted.loss, accepted.gradient, accepted.t, evaluations)
    }
}

/// The minimizer of the cubic that matches values f₁, f₂ and slopes g₁, g₂ at x₁ and x₂, clamped to
/// `bounds` (by default the interval between the points); the midpoint when the cubic has no minimizer.
///
/// With d₁ = g₁ + g₂ − 3(f₁ − f₂)/(x₁ − x₂) and d₂ = √(d₁² − g₁g₂), the minimizer is
/// x₂ − (x₂ − x₁)·(g₂ + d₂ − d₁)/(g₂ − g₁ + 2d₂) for x₁ ≤ x₂ (and symmetrically otherwise).
func cubicMinimizer(_ x1: Double, _ f1: Double, _ g1: Double, _ x2: Double, _ f2: Double, _ g2: Double,
                    bounds: (Double, Double)? = nil) -> Double {
    let (lower, upper) = bounds ?? (x1 <= x2 ? (x1, x2) : (x2, x1))
    let d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2)
    let d2Square = d1 * d1 - g1 * g2
    guard d2Square >= 0 else { return (lower + upper) / 2 }
    let d2 = d2Square.squareRoot()
    let minimum = x1 <= x2
        ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
        : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2))
    return pythonMin(pythonMax(minimum, lower), upper)
}

/// Python's `max(a, b)`: `a` unless `b` is strictly greater (so NaN in `b` keeps `a`).
@inline(__always) func pythonMax(_ a: Double, _ b: Double) -> Double { b > a ? b : a }
/// Python's `min(a, b)`: `a` unless `b` is strictly smaller.
@inline(__always) func pythonMin(_ a: Double, _ b: Double) -> Double { b < a ? b : a }

/// Σ aᵢbᵢ, summed in order.
@inline(__always)
func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for i in a.indices { sum += a[i] * b[i] }
    return sum
}
