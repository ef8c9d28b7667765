import Simulation

/// How fast each sampler finds a good configuration (`kind: search-convergence`): the best value so far
/// against the number of trials, for every sampler on the same objective and space.
///
/// Random search and Bayesian optimization run once per seed (1, 2, …, `seeds`) and are drawn as the median
/// over seeds with the interquartile band (25th to 75th percentile). A grid has no randomness and only comes
/// in sizes k^d: it is drawn as one point per full grid of k = 1, 2, … up to the sampler's `points`, at
/// k^d trials, holding the best value of that grid. The y axis is logarithmic when every value is positive.
///
/// ```yaml
/// kind: search-convergence
/// objective: {trace: {surface: rosenbrock, optimizer: "Adam(lr={lr}, betas=({beta1}, 0.999))"}}
/// space: {lr: loguniform(1e-3, 1), beta1: uniform(0, 0.99)}
/// budget: 100
/// trials: 36
/// seeds: 10
/// samplers: [grid(points=6), random(), bo(initial=5)]
/// ```
public struct SearchConvergencePanel: Sendable {
    /// The search every sampler runs: space, objective, trials (random and BO), budget.
    public var search: Search
    /// The samplers as written, and as read.
    public var samplers: [(text: String, sampler: Search.Sampler)]
    /// Seeds 1 … seeds, for the samplers that draw random numbers.
    public var seeds: Int

    public init(search: Search, samplers: [(text: String, sampler: Search.Sampler)], seeds: Int) {
        self.search = search
        self.samplers = samplers
        self.seeds = seeds
    }
}
