/// A hyperparameter search: a space, an objective, a sampler, and how many trials at what budget.
///
/// - `grid(points: [k])`: k values per dimension, or `[k₁, k₂, …]` one count per dimension (the ends
///   included; log-spaced on log dimensions; every integer or choice when there are fewer), all
///   combinations, the first dimension slowest;
/// - `random`: `trials` points drawn uniformly in the unit cube by Descent's seeded SplitMix64;
/// - `hyperband(R, η)`: every bracket of ``Hyperband``, each starting with fresh random configurations; rung i
///   runs its configurations for ⌈r_i⌉ steps and keeps the best ⌊n_i/η⌋ (ties to the lower id);
/// - `successiveHalving(R, η)`: Hyperband's most exploratory bracket (s = s_max) alone;
/// - `bayesian`: Gaussian-process Bayesian optimization (``BayesianOptimization``), one trial at a time, each
///   after the initial random ones carrying the surrogate it was chosen by.
///
/// Trials are evaluated in batches (all grid or random points; a rung) through `map`, which may run them in
/// parallel: the results do not depend on it.
public struct Search: Sendable {
    public enum Sampler: Sendable, Equatable {
        /// One count for every dimension, or one per dimension.
        case grid(points: [Int])
        case random
        case successiveHalving(maxResource: Int, eta: Int)
        case hyperband(maxResource: Int, eta: Int)
        case bayesian(BayesianOptimization)
    }

    public var space: SearchSpace
    public var objective: SearchObjective
    public var sampler: Sampler
    /// Random trials (ignored by grid and Hyperband, whose arithmetic fixes the count).
    public var trials: Int
    /// Steps per trial (grid and random).
    public var budget: Int
    public var seed: UInt64

    public init(space: SearchSpace, objective: SearchObjective, sampler: Sampler, trials: Int = 20, budget: Int = 100, seed: UInt64 = 0) {
        self.space = space
        self.objective = objective
        self.sampler = sampler
        self.trials = trials
        self.budget = budget
        self.seed = seed
    }

    /// Evaluates items 0..<count, returning their results in order (serially unless given otherwise).
    public typealias BatchMap = (Int, @Sendable (Int) -> (value: Double, diverged: Bool)) -> [(value: Double, diverged: Bool)]

    /// Every item in turn.
    public static func serial(_ count: Int, _ body: @Sendable (Int) -> (value: Double, diverged: Bool)) -> [(value: Double, diverged: Bool)] {
        (0..<count).map(body)
    }

    /// Runs the search and returns its trials in order.
    public func run(map: BatchMap = Search.serial) throws(InputError) -> [SearchTrial] {
        try objective.check(space)
        var generator = SplitMix64(seed: seed)
        var results: [SearchTrial] = []
        var nextID = 0
        func draw() -> [Double] { space.dimensions.map { _ in generator.nextUniform() } }
        /// Evaluates configurations at one budget and appends the trials.
        func evaluate(_ configurations: [(id: Int, unit: [Double])], budget: Int, bracket: Int? = nil, rung: Int? = nil,
                      surrogate: BayesianOptimization.Surrogate? = nil) -> [SearchTrial] {
            let space = self.space, objective = self.objective
            let scores = map(configurations.count) { k in objective.evaluate(space, unit: configurations[k].unit, budget: budget) }
            var added: [SearchTrial] = []
            for (configuration, score) in zip(configurations, scores) {
                let best = min(results.last?.bestSoFar ?? .infinity, score.value.isNaN ? .infinity : score.value)
                let params = Dictionary(uniqueKeysWithValues: space.dimensions.indices.map {
                    (space.dimensions[$0].name, SearchValue(space.value($0, at: configuration.unit[$0])))
                })
                let trial = SearchTrial(id: configuration.id, params: params, unit: configuration.unit, budget: budget, bracket: bracket, rung: rung,
                                        value: score.value, diverged: score.diverged, bestSoFar: best, surrogate: surrogate)
                results.append(trial)
                added.append(trial)
            }
            return added
        }
        switch sampler {
        case .grid(let points):
            guard points.count == 1 || points.count == space.dimensions.count else {
                throw InputError("grid: points needs one count, or one per dimension (\(space.dimensions.count)), got \(points.count)", key: "points")
            }
            if let wrong = points.first(where: { !(1...1000).contains($0) }) {
                throw InputError("grid: points must be between 1 and 1000, got \(wrong)", key: "points")
            }
            let axes = space.dimensions.indices.map { d -> [Double] in
                Self.gridCoordinates(space.dimensions[d].range, points: points.count == 1 ? points[0] : points[d])
            }
            let count = axes.reduce(1) { $0 * $1.count }
            guard count <= 100_000 else { throw InputError("grid: \(count) points is too many (at most 100000)") }
            var configurations: [(Int, [Double])] = []
            for k in 0..<count {
                var rest = k, unit = Array(repeating: 0.0, count: axes.count)
                for d in axes.indices.reversed() {
                    unit[d] = axes[d][rest % axes[d].count]
                    rest /= axes[d].count
                }
                configurations.append((k, unit))
            }
            _ = evaluate(configurations, budget: budget)
        case .random:
            guard (1...100_000).contains(trials) else { throw InputError("trials must be between 1 and 100000, got \(trials)", key: "trials") }
            var configurations: [(Int, [Double])] = []
            for k in 0..<trials { configurations.append((k, draw())) }
            _ = evaluate(configurations, budget: budget)
        case .bayesian(let options):
            guard (1...2000).contains(trials) else { throw InputError("bo: trials must be between 1 and 2000, got \(trials)", key: "trials") }
            var configurations: [(Int, [Double])] = []
            for k in 0..<min(trials, max(1, options.initial)) { configurations.append((k, draw())) }
            _ = evaluate(configurations, budget: budget)
            for k in configurations.count..<max(configurations.count, trials) {
                let (point, surrogate) = try options.next(inputs: results.map(\.unit), values: results.map(\.value), generator: &generator)
                _ = evaluate([(k, point)], budget: budget, surrogate: surrogate)
            }
        case .successiveHalving(let maxResource, let eta), .hyperband(let maxResource, let eta):
            let hyperband = try Hyperband(maxResource: maxResource, eta: eta)
            let brackets: [Hyperband.Bracket]
            if case .successiveHalving = sampler { brackets = [hyperband.bracket(hyperband.sMax)] } else { brackets = hyperband.brackets }
            for bracket in brackets {
                var alive: [(id: Int, unit: [Double])] = []
                for _ in 0..<(bracket.rungs.first?.count ?? 0) {
                    alive.append((nextID, draw()))
                    nextID += 1
                }
                for (i, rung) in bracket.rungs.enumerated() {
                    let ran = evaluate(Array(alive.prefix(rung.count)), budget: rung.budget, bracket: bracket.s, rung: i)
                    let keep = rung.count / eta
                    let ranked = ran.sorted { ($0.value.isNaN ? .infinity : $0.value, $0.id) < ($1.value.isNaN ? .infinity : $1.value, $1.id) }
                    alive = ranked.prefix(keep).map { ($0.id, $0.unit) }
                }
            }
        }
        return results
    }

    /// The unit coordinates of a grid of `points` over one dimension: evenly spaced with the ends included
    /// (so log-spaced values on a log dimension); one point per integer or choice when there are fewer.
    static func gridCoordinates(_ range: SearchSpace.Range, points: Int) -> [Double] {
        let cells: Int?
        switch range {
        case .integer(let lo, let hi): cells = hi - lo + 1
        case .choice(let values): cells = values.count
        default: cells = nil
        }
        if let cells, cells <= points { return (0..<cells).map { (Double($0) + 0.5) / Double(cells) } }
        guard points > 1 else { return [0.5] }
        return (0..<points).map { Double($0) / Double(points - 1) }
    }
}
