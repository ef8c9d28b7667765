import Foundation
import Simulation

/// Steps to reach a tolerance against the learning rate (`kind: lr-sweep`): each run's optimizer is run with
/// every rate of a log-spaced grid, and the record keeps the first step `t` at which `f(θ_t) − f* ≤ tol`
/// (f* the surface's lowest known minimum), or that it never got there within `steps`, or that it diverged.
///
/// For plain gradient descent on a quadratic with largest curvature L, the error along that direction is
/// multiplied by `(1 − ηL)` each step, so the run converges only for `η < 2/L` and the steps needed climb
/// towards infinity as η nears that cliff. The panel draws `2/L`, with L the largest eigenvalue of the
/// Hessian at the minimum (``curvatureLimit(_:)``), as a labelled rule.
///
/// With `show: table` the same sweep is a measured comparison of the runs (``LRSweepCurve/best``,
/// ``LRSweepCurve/goodRange(minimum:tolerance:)``): per optimizer, the rate with the lowest final loss, that
/// loss, the fewest steps to the tolerance over all rates, and the range of rates whose final error
/// `f − f*` is within 2× of the best one's (or within the tolerance, when the best got there).
///
/// ```yaml
/// kind: lr-sweep
/// surface: quadratic(condition_number=10)
/// steps: 2000
/// lrs: {from: 0.001, to: 1, points: 61}
/// tolerance: 1e-6
/// runs:
///   - optimizer: SGD
/// ```
public struct LRSweepPanel: Sendable {
    /// How the sweep is drawn.
    public enum Show: String, Sendable, CaseIterable {
        /// Steps to the tolerance against the rate, one line per run.
        case curve
        /// One row per run: best rate, its final loss, fewest steps, the rates within 2×.
        case table
    }

    /// The surface, the runs whose optimizers are swept (their own `lr` is replaced) and the most steps.
    public var runs: RunSet
    /// The learning rates tried, ascending.
    public var lrs: [Double]
    /// How close to f* counts as reached.
    public var tolerance: Double
    public var show: Show

    /// A sweep of `runs` over `lrs` to `tolerance`.
    public init(runs: RunSet, lrs: [Double], tolerance: Double, show: Show = .curve) {
        self.runs = runs
        self.lrs = lrs
        self.tolerance = tolerance
        self.show = show
    }

    /// `points` rates spaced evenly in log between `from` and `to` (both included).
    public static func logGrid(from: Double, to: Double, points: Int) -> [Double] {
        guard points > 1 else { return [from] }
        let a = log10(from), b = log10(to)
        return (0..<points).map { pow(10, a + (b - a) * Double($0) / Double(points - 1)) }
    }

    /// The lowest value of the surface's known minima (nil when it has none).
    public static func minimumValue(_ surface: any Surface) -> Double? {
        surface.minima.map { surface.value(at: $0) }.min()
    }

    /// `2/L`, with L the largest eigenvalue of the Hessian at the surface's lowest known minimum (central
    /// differences of the gradient, exact for a quadratic up to rounding): the largest rate at which plain
    /// gradient descent converges there. Nil without a minimum or without positive curvature.
    public static func curvatureLimit(_ surface: any Surface) -> Double? {
        guard let minimum = surface.minima.min(by: { surface.value(at: $0) < surface.value(at: $1) }) else { return nil }
        let h = 1e-4 * max(1, abs(minimum.x), abs(minimum.y))
        let gx = (surface.gradient(at: minimum + SIMD2(h, 0)) - surface.gradient(at: minimum - SIMD2(h, 0))) / (2 * h)
        let gy = (surface.gradient(at: minimum + SIMD2(0, h)) - surface.gradient(at: minimum - SIMD2(0, h))) / (2 * h)
        let a = gx.x, d = gy.y, b = (gx.y + gy.x) / 2
        let largest = (a + d) / 2 + (((a - d) / 2) * ((a - d) / 2) + b * b).squareRoot()
        guard largest.isFinite, largest > 0 else { return nil }
        return 2 / largest
    }

    /// Every run at every rate, in parallel: the steps each took to reach the tolerance.
    func simulate() -> LRSweepRecord {
        let fStar = Self.minimumValue(runs.surface.surface) ?? 0
        let curves = runs.runs.map { run -> LRSweepCurve in
            let surface = run.surface ?? runs.surface
            let steps = run.steps ?? runs.steps, start = run.start ?? runs.start, tolerance = self.tolerance
            let outcomes = parallelMap(lrs.count) { k -> (Int?, Bool, Double?) in
                var optimizer = run.optimizer
                optimizer.lr = lrs[k]
                let trace = Trace.run(surface: surface.surface, optimizer: optimizer, start: start, steps: steps, noise: surface.noise)
                let reached = trace.losses.firstIndex { $0.isFinite && $0 - fStar <= tolerance }
                let diverged = trace.divergedAt != nil
                let final = trace.losses.last.flatMap { diverged || !$0.isFinite ? nil : $0 }
                return (reached, reached == nil && diverged, final)
            }
            var configuration = run.optimizer.configuration
            configuration.arguments.removeAll { $0.key == "lr" }
            return LRSweepCurve(label: run.label, optimizer: "\(configuration)", lrs: lrs, steps: outcomes.map(\.0), diverged: outcomes.map(\.1),
                                finals: outcomes.map(\.2))
        }
        return LRSweepRecord(curves: curves, tolerance: tolerance, limit: Self.curvatureLimit(runs.surface.surface), maxSteps: runs.longest,
                             minimum: fStar)
    }
}

/// One optimizer swept over the rates: for each, the first step within the tolerance (nil: not within the
/// steps allowed) and whether the run diverged.
public struct LRSweepCurve: Codable, Sendable {
    public var label: String
    /// The optimizer's other settings (its `lr` is the swept one).
    public var optimizer: String
    public var lrs: [Double]
    public var steps: [Int?]
    public var diverged: [Bool]
    /// The loss after the last step at each rate (nil when the run diverged).
    public var finals: [Double?]
}

/// What an lr-sweep panel computed: one curve per run, the tolerance and step budget, and `2/L` where known.
public struct LRSweepRecord: Codable, Sendable {
    public var curves: [LRSweepCurve]
    public var tolerance: Double
    public var limit: Double?
    public var maxSteps: Int
    /// f*, the surface's lowest known minimum value.
    public var minimum: Double
}

extension LRSweepCurve {
    /// The rate that reached the tolerance in the fewest steps (the smallest such rate on a tie).
    public var fastest: (lr: Double, steps: Int)? {
        lrs.indices.compactMap { k in steps[k].map { (lrs[k], $0) } }.min { $0.1 < $1.1 }
    }

    /// The largest rate that reached the tolerance.
    public var largestReaching: Double? { lrs.indices.last { steps[$0] != nil }.map { lrs[$0] } }

    /// The smallest rate whose run diverged.
    public var firstDiverged: Double? { lrs.indices.first { diverged[$0] }.map { lrs[$0] } }

    /// The rate with the lowest final loss, and that loss (the smallest such rate on a tie).
    public var best: (lr: Double, loss: Double)? {
        lrs.indices.compactMap { k in finals[k].map { (lrs[k], $0) } }.min { $0.1 < $1.1 }
    }

    /// How forgiving the optimizer is about its rate: the contiguous rates around the best whose final error
    /// `f − f*` is at most `max(2·(best − f*), tolerance)` — within 2× of the best, or, when the best reached
    /// the tolerance, every neighbour that reached it too.
    public func goodRange(minimum: Double, tolerance: Double) -> ClosedRange<Double>? {
        guard let best = best, let index = lrs.firstIndex(of: best.lr) else { return nil }
        let limit = max(2 * (best.loss - minimum), tolerance)
        func good(_ k: Int) -> Bool { finals[k].map { $0 - minimum <= limit } ?? false }
        var lo = index, hi = index
        while lo > 0, good(lo - 1) { lo -= 1 }
        while hi < lrs.count - 1, good(hi + 1) { hi += 1 }
        return lrs[lo]...lrs[hi]
    }
}
