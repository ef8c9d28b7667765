import Simulation

/// A hyperparameter search described in YAML (`descent search`):
///
/// ```yaml
/// objective: {trace: {surface: rosenbrock, optimizer: "Adam(lr={lr}, betas=({beta1}, 0.999))"}}
/// #          {expr: "(x - 0.3)^2 + 2*(y - 1.2)^2"}      # the space's names are the variables
/// space: {lr: loguniform(1e-4, 1), beta1: uniform(0, 0.99)}
/// sampler: random()           # grid(points=5) | random() | successive_halving(R=81, eta=3) | hyperband(R=81, eta=3)
/// trials: 30                  # random search; grid and Hyperband fix their own count
/// budget: 100                 # steps per trial; Hyperband's R is the most
/// seed: 1
/// ```
public struct SearchSpec: Sendable {
    public var file: String
    public var search: Search
}
