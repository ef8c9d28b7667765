import Simulation

/// A hyperparameter search drawn over its objective on a two-dimensional space (`kind: search`), one of two
/// ways (`show:`):
///
/// - `heatmap`: the objective's values as a heatmap with a colour bar (log axes for log-uniform dimensions),
///   every trial as a dot, the best as a star;
/// - `marginals`: the trials in the square of the two dimensions, with each dimension's main effect beside it
///   — the objective averaged over the other dimension — above (first dimension) and to the right (second),
///   and every trial projected onto both curves: Bergstra & Bengio's (2012) picture of why random search
///   tests more distinct values of the dimension that matters than a grid of the same size.
public struct SearchPanel: Sendable {
    public enum Show: String, Sendable, CaseIterable {
        case heatmap, marginals
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
