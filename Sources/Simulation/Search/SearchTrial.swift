/// One evaluation of a search: a configuration (its id, values and unit-cube coordinates), the budget it ran
/// with, and what it scored. Under successive halving and Hyperband the same id comes back at larger budgets.
public struct SearchTrial: Sendable, Equatable, Codable {
    public var id: Int
    /// The values by dimension name: numbers for numeric dimensions, text for other choices (see
    /// ``SearchValue``). The Python spelling (`0.01`, `3`, `'relu'`) is the space's:
    /// ``SearchSpace/values(at:)`` at ``unit``.
    public var params: [String: SearchValue]
    public var unit: [Double]
    public var budget: Int
    /// Hyperband's bracket s and rung i.
    public var bracket: Int?
    public var rung: Int?
    public var value: Double
    public var diverged: Bool
    /// The smallest value of this and every earlier trial.
    public var bestSoFar: Double
    /// For a trial Bayesian optimization chose: the surrogate fitted on the earlier trials, at this point.
    public var surrogate: BayesianOptimization.Surrogate?

    enum CodingKeys: String, CodingKey {
        case id, params, unit, budget, bracket, rung, value, diverged, surrogate
        case bestSoFar = "best_so_far"
    }
}
