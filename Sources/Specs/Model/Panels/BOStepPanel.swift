import Simulation

/// One iteration of Gaussian-process Bayesian optimization on a one-dimensional space (`kind: bo-step`),
/// as a teacher draws it: above, the true objective (dashed), the trials so far, and the surrogate's mean with
/// its 95% band (μ ± 1.96σ); below, the acquisition function with the point it chooses starred. The panel
/// names its kernel with the fitted length scale and signal variance, how they were found, and the
/// acquisition's ξ (or κ).
///
/// Iteration k (from 1) is the choice of trial `initial + k − 1`, made from the surrogate fitted on the trials
/// before it. Animated, the panel steps through the iterations.
///
/// ```yaml
/// kind: bo-step
/// objective: {expr: "x*sin(x)"}
/// space: {x: uniform(0, 10)}
/// sampler: bo(initial=3)
/// trials: 9
/// iteration: 2
/// ```
public struct BOStepPanel: Sendable {
    public var search: Search
    /// The settings of the search's `bo(...)` sampler.
    public var options: BayesianOptimization
    /// Which iteration the still shows (1 to trials − initial).
    public var iteration: Int

    public init(search: Search, options: BayesianOptimization, iteration: Int) {
        self.search = search
        self.options = options
        self.iteration = iteration
    }

    /// The iterations the search runs after its initial random trials.
    public var iterations: Int { max(0, search.trials - max(1, options.initial)) }
}
