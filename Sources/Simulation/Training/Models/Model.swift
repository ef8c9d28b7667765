/// A model with one output whose parameters are a flat vector, so that every ``GradientOptimizer`` trains it.
///
/// The loss is the model's ``objective`` averaged over a batch: L(θ) = (1/n) Σ ℓ(f(xᵢ; θ), yᵢ). Conforming types
/// compute ∇L by hand-written backpropagation; tests check it against central finite differences.
///
/// ```swift
/// let data = try Datasets.make("moons(n=200, seed=1)")
/// let model = try Models.make("mlp(hidden=[16, 16], activation='tanh')", for: data)
/// var theta = model.initialParameters(seed: 0)
/// var sgd = try SGD(lr: 0.1)
/// for _ in 0..<100 {
///     let (_, g) = model.lossAndGradient(parameters: theta, inputs: data.inputs, targets: data.targets)
///     sgd.step(&theta, gradient: g)
/// }
/// ```
public protocol Model: Sendable {
    /// The number of features each input row has.
    var featureCount: Int { get }
    /// The length of the parameter vector θ.
    var parameterCount: Int { get }
    /// How the output is scored (and read: a value or a logit).
    var objective: Objective { get }
    /// The model written as a component, such as `mlp(hidden=[16, 16], activation='tanh')`.
    var configuration: String { get }

    /// A starting θ drawn from `SplitMix64(seed:)` (each type documents its distribution).
    func initialParameters(seed: UInt64) -> [Double]

    /// The raw output f(x; θ) for each row: the prediction for regression, the logit for classification.
    func outputs(parameters: [Double], inputs: [[Double]]) -> [Double]

    /// The mean loss over the batch.
    func loss(parameters: [Double], inputs: [[Double]], targets: [Double]) -> Double

    /// The mean loss over the batch and its gradient with respect to θ (length ``parameterCount``).
    func lossAndGradient(parameters: [Double], inputs: [[Double]], targets: [Double]) -> (loss: Double, gradient: [Double])
}

extension Model {
    public func loss(parameters: [Double], inputs: [[Double]], targets: [Double]) -> Double {
        objective.loss(outputs: outputs(parameters: parameters, inputs: inputs), targets: targets)
    }

    /// Whether the model scores classes (its output is a logit).
    public var isClassifier: Bool { objective == .binaryCrossEntropyWithLogits }

    /// What the model predicts for each row: the value for regression, the probability of class 1 for a
    /// classifier.
    public func predict(parameters: [Double], inputs: [[Double]]) -> [Double] {
        outputs(parameters: parameters, inputs: inputs).map(objective.prediction)
    }

    /// The share of rows whose predicted class (1 when the logit is ≥ 0, that is p ≥ ½) equals the target;
    /// `nil` for a regression model or an empty batch.
    public func accuracy(parameters: [Double], inputs: [[Double]], targets: [Double]) -> Double? {
        guard isClassifier, !inputs.isEmpty else { return nil }
        let logits = outputs(parameters: parameters, inputs: inputs)
        var right = 0
        for i in logits.indices where (logits[i] >= 0 ? 1.0 : 0.0) == targets[i] { right += 1 }
        return Double(right) / Double(logits.count)
    }

    /// The mean loss over a whole dataset.
    public func loss(parameters: [Double], on data: Dataset) -> Double {
        loss(parameters: parameters, inputs: data.inputs, targets: data.targets)
    }

    /// The accuracy over a whole dataset (`nil` for regression).
    public func accuracy(parameters: [Double], on data: Dataset) -> Double? {
        accuracy(parameters: parameters, inputs: data.inputs, targets: data.targets)
    }
}

/// A vector of `count` values uniform in [−bound, bound), drawn from `generator` in order — PyTorch's
/// default initialisation of `nn.Linear` uses bound = 1/√fan_in for both weight and bias.
func uniformParameters(_ count: Int, bound: Double, generator: inout SplitMix64) -> [Double] {
    (0..<count).map { _ in -bound + 2 * bound * generator.nextUniform() }
}
