/// The catalog of models that components such as `mlp(hidden=[16, 16], activation='tanh')` name.
///
/// A component gives a ``ModelRecipe``; the dataset supplies the number of inputs and the task:
///
/// ```swift
/// let data = try Datasets.make("moons(n=200, seed=1)")
/// let model = try Models.make("mlp(hidden=[16, 16], activation='relu')", for: data)
/// ```
///
/// `linear` (regression, MSE), `polynomial(degree=3)` (regression on one feature, MSE), `logistic`
/// (two classes, BCE with logits) and `mlp(hidden=[...], activation='tanh'|'relu')` (MSE for regression
/// data, BCE with logits for classes).
public enum Models {
    /// Every model by name (matched case-insensitively).
    public static let catalog = Catalog<ModelRecipe>(kind: "model", entries: [
        .init("linear", aliases: ["linear_regression", "LinearRegression"],
              summary: "linear regression f(x) = w·x + b, mean squared error", parameters: ParameterList([])) { _ throws(InputError) in
            ModelRecipe(name: "linear") { data throws(InputError) in
                try require(data, .regression, "linear regression fits values; for classes use 'logistic'")
                return LinearRegression(featureCount: data.featureCount)
            }
        },
        .init("polynomial", aliases: ["polynomial_regression", "PolynomialRegression"],
              summary: "polynomial regression w₁x + … + w_D·x^D + b of one input, mean squared error",
              parameters: ParameterList([.init("degree", .integer, .integer(3), "highest power D")])) { a throws(InputError) in
            let degree = a.int("degree")
            guard degree >= 1 else { throw a.invalid("degree", "degree must be at least 1, got \(degree)") }
            return ModelRecipe(name: "polynomial") { data throws(InputError) in
                try require(data, .regression, "polynomial regression fits values; for classes use 'logistic' or 'mlp'")
                guard data.featureCount == 1 else {
                    throw InputError("polynomial regression takes one input feature, the data has \(data.featureCount)")
                }
                return PolynomialRegression(degree: degree)
            }
        },
        .init("logistic", aliases: ["logistic_regression", "LogisticRegression"],
              summary: "logistic regression σ(w·x + b), binary cross-entropy", parameters: ParameterList([])) { _ throws(InputError) in
            ModelRecipe(name: "logistic") { data throws(InputError) in
                try require(data, .binaryClassification, "logistic regression fits two classes; for values use 'linear'")
                return LogisticRegression(featureCount: data.featureCount)
            }
        },
        .init("mlp", aliases: ["MLP"], summary: "multilayer perceptron with one output (MSE for values, BCE for classes)",
              parameters: ParameterList([
                  .init("hidden", .integers, .list([.integer(16), .integer(16)]), "widths of the hidden layers"),
                  .init("activation", .string, .string("tanh"), "'tanh' or 'relu'"),
              ])) { a throws(InputError) in
            let hidden = a.ints("hidden")
            if let bad = hidden.first(where: { $0 < 1 }) {
                throw a.invalid("hidden", "every hidden layer needs at least one unit, got \(bad)")
            }
            try Limits.checkHidden(hidden)   // its errors carry the key, which the catalog locates
            let name = a.string("activation")
            guard let activation = Activation(rawValue: name.lowercased()) else {
                let known = Activation.allCases.map(\.rawValue)
                throw a.invalid("activation", "unknown activation '\(name)'\(didYouMean(name, in: known)) (known: \(known.joined(separator: ", ")))")
            }
            return ModelRecipe(name: "mlp") { data in
                MLP(featureCount: data.featureCount, hidden: hidden, activation: activation,
                    objective: data.task == .regression ? .meanSquaredError : .binaryCrossEntropyWithLogits)
            }
        },
    ])

    /// Parses a model component into its recipe.
    public static func recipe(_ text: String) throws(InputError) -> ModelRecipe {
        try catalog.make(text)
    }

    /// Parses a model component and builds it for `data`.
    ///
    /// - Throws: ``InputError`` for an unknown model (naming the closest), key or activation, a bad size,
    ///   or a model that does not suit the data.
    public static func make(_ text: String, for data: Dataset) throws(InputError) -> any Model {
        try recipe(text).make(for: data)
    }

    private static func require(_ data: Dataset, _ task: Dataset.Task, _ message: String) throws(InputError) {
        guard data.task == task else { throw InputError(message) }
    }
}
