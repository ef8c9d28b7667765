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
public enum Limits {
    public static let examples = 100_000
    public static let layerWidth = 4_096
    public static let layers = 16
    public static let modelParameters = 10_000_000
    public static let epochs = 100_000
    /// About ten minutes of training on one core.
    public static let trainingWork = 1e11

    /// Refuses a dataset size above ``examples``.
    public static func checkExamples(_ n: Int) throws(InputError) {
        guard n <= examples else {
            throw InputError("n = \(n) is more examples than Descent accepts (at most \(examples); see the README's limits)", key: "n")
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
}
