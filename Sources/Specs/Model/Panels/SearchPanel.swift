import Foundation
import Simulation

/// A hyperparameter search drawn over its objective (`kind: search`). A one-dimensional space is drawn as a
/// curve (`show: curve`, the only choice there): the objective against the parameter, every trial as a dot,
/// the best as a star, and shaded, the range of values whose objective is within 10 % of the best — the
/// range that "worked" (``goodRange(_:space:tolerance:)``). A two-dimensional space is drawn one of two ways:
///
/// - `heatmap`: the objective's values as a heatmap with a colour bar (log axes for log-uniform dimensions),
///   every trial as a dot, the best as a star;
/// - `marginals`: the trials in the square of the two dimensions, with each dimension's main effect beside it
///   — the objective averaged over the other dimension — above (first dimension) and to the right (second),
///   and every trial projected onto both curves: Bergstra & Bengio's (2012) picture of why random search
///   tests more distinct values of the dimension that matters than a grid of the same size.
public struct SearchPanel: Sendable {
    public enum Show: String, Sendable, CaseIterable {
        case heatmap, marginals, curve
    }

    public var search: Search
    public var show: Show
    /// What the landscape depends on (the objective, space and budget as written): panels of one figure with
    /// the same key share one landscape, computed once.
    public var landscapeKey: String

    public init(search: Search, show: Show = .heatmap, landscapeKey: String = "") {
        self.search = search
        self.show = show
        self.landscapeKey = landscapeKey
    }

    /// The parameter values of a one-dimensional search that worked: the contiguous run of trials, in order of
    /// the parameter, around the best one, whose values are all within `tolerance` (relative) of the best
    /// value — `lo...hi` with `f(x) ≤ (1 + tolerance)·f(best)` for every trial between them. With `log10Values`
    /// (the values are log₁₀ of a loss) the same test on the loss: `v(x) ≤ v(best) + log₁₀(1 + tolerance)`.
    /// Nil without a finite trial.
    public static func goodRange(_ trials: [SearchTrial], space: SearchSpace, tolerance: Double = 0.1,
                                 log10Values: Bool = false) -> (best: Double, range: ClosedRange<Double>)? {
        let sorted = trials.filter { $0.value.isFinite }.compactMap { trial in space.value(0, at: trial.unit[0]).asDouble.map { ($0, trial.value) } }
            .sorted { $0.0 < $1.0 }
        guard let bestIndex = sorted.indices.min(by: { sorted[$0].1 < sorted[$1].1 }) else { return nil }
        let limit = log10Values ? sorted[bestIndex].1 + log10(1 + tolerance) : sorted[bestIndex].1 + tolerance * abs(sorted[bestIndex].1)
        var lo = bestIndex, hi = bestIndex
        while lo > 0, sorted[lo - 1].1 <= limit { lo -= 1 }
        while hi < sorted.count - 1, sorted[hi + 1].1 <= limit { hi += 1 }
        return (sorted[bestIndex].0, sorted[lo].0...sorted[hi].0)
    }

    /// Whether the trials' values are log₁₀ of a loss (a trace objective with `log: true`).
    public var log10Values: Bool {
        if case .trace(_, _, _, true) = search.objective { true } else { false }
    }

    /// ``goodRange(_:space:tolerance:log10Values:)`` of this panel's trials, within 10 % of the best loss.
    public func goodRange(_ trials: [SearchTrial]) -> (best: Double, range: ClosedRange<Double>)? {
        Self.goodRange(trials, space: search.space, log10Values: log10Values)
    }

    /// Points per side of the recorded landscape: fewer for a training objective, where each point trains a
    /// model.
    var landscapeResolution: Int {
        switch search.objective {
        case .training: 21
        case .trace: 61
        case .expression: 101
        }
    }
}
