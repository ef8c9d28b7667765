import Simulation

/// A hyperparameter search drawn over its objective (`kind: search`): the objective's values as a heatmap on
/// the space's two dimensions (log axes for log-uniform ones), every trial as a dot, the best as a star.
public struct SearchPanel: Sendable {
    public var search: Search

    public init(search: Search) { self.search = search }
}
