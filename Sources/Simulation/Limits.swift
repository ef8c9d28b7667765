/// The largest sizes Descent accepts, checked when the input is read so that a typo such as `n=1e14` is an
/// error naming the parameter instead of a process that allocates until it is killed.
///
/// Each limit is far above what a teaching figure needs (the gallery's largest dataset has 400 examples,
/// its widest layer 64 units) and low enough that the worst accepted input finishes in minutes on a laptop
/// and fits in a few hundred megabytes:
///
/// | what | limit |
/// |---|---|
/// | examples in a dataset (`n` of datasets and `linreg`) | ``examples`` = 100 000 |
/// | units in a hidden layer | ``layerWidth`` = 4 096 |
/// | hidden layers | ``layers`` = 16 |
/// | weights of a model | ``modelParameters`` = 10 000 000 |
/// | training epochs (`epochs`, `mlp_slice(epochs=)`) | ``epochs`` = 100 000 |
/// | training work: examples × epochs × weights | ``trainingWork`` = 10¹¹ multiply-adds |
/// | a data surface's work: examples × (steps + heatmap samples) | ``dataSurfaceWork`` = 10¹⁰ |
/// | trials of Bayesian optimization (its model's cost grows as trials³) | ``bayesianTrials`` = 1 000 |
/// | objective evaluations of a figure (trials × seeds × samplers) | ``searchEvaluations`` = 2 000 000 |
/// | optimizer steps of a search with a trace objective (evaluations × budget) | ``searchSteps`` = 10⁹ |
/// | training epochs of a search with a training objective (evaluations × budget) | ``searchEpochs`` = 10⁶ |
public enum Limits {
    public static let examples = 100_000
    public static let layerWidth = 4_096
    public static let layers = 16
    public static let modelParameters = 10_000_000
    public static let epochs = 100_000
    /// About ten minutes of training on one core.
    public static let trainingWork = 1e11
    public static let bayesianTrials = 1_000
    public static let dataSurfaceWork = 1e10
    public static let searchEvaluations = 2_000_000
    public static let searchSteps = 1e9
    public static let searchEpochs = 1e6

    /// Refuses a dataset size above ``examples``.
    public static func checkExamples(_ n: Int) throws(InputError) {
        guard n <= examples else {
            throw InputError("n = \(n) is more examples than Descent accepts (at most \(examples))", key: "n")
        }
    }

    /// Refuses hidden layers beyond ``layers``, ``layerWidth`` or, counting the weights between them, ``modelParameters``.
    public static func checkHidden(_ hidden: [Int]) throws(InputError) {
        guard hidden.count <= layers else {
            throw InputError("hidden has \(hidden.count) layers; Descent accepts at most \(layers)", key: "hidden")
        }
        if let wide = hidden.first(where: { $0 > layerWidth }) {
            throw InputError("a hidden layer of \(wide) units is wider than Descent accepts (at most \(layerWidth))", key: "hidden")
        }
        let weights = zip(hidden, hidden.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 + $1.1 }
        guard weights <= modelParameters else {
            throw InputError("hidden = \(hidden) has \(weights) weights between its layers; Descent accepts at most \(modelParameters)", key: "hidden")
        }
    }

    /// Refuses more than ``epochs`` epochs, or training whose work (examples × epochs × weights) exceeds
    /// ``trainingWork``.
    public static func checkTraining(examples: Int, epochs: Int, parameters: Int, key: String = "epochs") throws(InputError) {
        guard epochs <= Self.epochs else {
            throw InputError("\(epochs) epochs is more than Descent accepts (at most \(Self.epochs))", key: key)
        }
        let work = Double(examples) * Double(epochs) * Double(parameters)
        guard work <= trainingWork else {
            throw InputError("training \(parameters) weights on \(examples) examples for \(epochs) epochs is about \(Int((work / 1e9).rounded())) × 10⁹ "
                             + "multiply-adds, more than Descent's budget of \(Int(trainingWork / 1e9)) × 10⁹: use fewer epochs, examples or units", key: key)
        }
    }

    /// Refuses a search that would evaluate its objective too often: `evaluations` in all (trials × seeds ×
    /// samplers), each of `budget` steps or epochs when `unit` says so.
    public static func checkSearch(evaluations: Int, budget: Int, unit: SearchWorkUnit) throws(InputError) {
        guard evaluations <= searchEvaluations else {
            throw InputError("the search would evaluate its objective \(evaluations) times; Descent accepts at most \(searchEvaluations): use fewer trials, seeds or samplers", key: "trials")
        }
        let total = Double(evaluations) * Double(budget)
        switch unit {
        case .evaluations: break
        case .steps where total > searchSteps:
            throw InputError("the search would run \(evaluations) traces of \(budget) steps, about \(Int((total / 1e9).rounded())) × 10⁹ steps; Descent accepts at most \(Int(searchSteps / 1e9)) × 10⁹", key: "trials")
        case .epochs where total > searchEpochs:
            throw InputError("the search would train \(evaluations) times for \(budget) epochs, \(Int(total)) epochs in all; Descent accepts at most \(Int(searchEpochs))", key: "trials")
        default: break
        }
    }
}

extension Limits {
    /// Refuses a linear-regression surface whose `examples` would be evaluated `evaluations` times (steps
    /// plus heatmap samples) beyond ``dataSurfaceWork``.
    public static func checkDataSurface(examples: Int, evaluations: Int) throws(InputError) {
        let work = Double(examples) * Double(evaluations)
        guard work <= dataSurfaceWork else {
            throw InputError("a data surface of \(examples) examples evaluated \(evaluations) times (steps and heatmap) is about \(Int((work / 1e9).rounded())) × 10⁹ "
                             + "example evaluations, more than Descent's budget of \(Int(dataSurfaceWork / 1e9)) × 10⁹: use fewer examples or steps", key: "n")
        }
    }
}

/// What one evaluation of a search objective costs, for ``Limits/checkSearch(evaluations:budget:unit:)``.
public enum SearchWorkUnit: Sendable {
    /// A formula: one evaluation.
    case evaluations
    /// An optimizer run of `budget` steps.
    case steps
    /// A training run of `budget` epochs.
    case epochs
}
