import Simulation
import Testing

/// Every model's hand-written gradient against central finite differences at random parameters.
extension Training { @Suite struct ModelGradientTests {} }

extension Training.ModelGradientTests {
    /// A model and data for it: random rows (n = 7) with value or class targets.
    struct Case: CustomTestStringConvertible, Sendable {
        let model: any Model
        var testDescription: String { "\(model.configuration) on \(model.featureCount) features, \(model.objective)" }
    }

    static let cases: [Case] = [
        Case(model: LinearRegression(featureCount: 1)),
        Case(model: LinearRegression(featureCount: 3)),
        Case(model: PolynomialRegression(degree: 1)),
        Case(model: PolynomialRegression(degree: 6)),
        Case(model: LogisticRegression(featureCount: 2)),
        Case(model: LogisticRegression(featureCount: 4)),
        Case(model: MLP(featureCount: 2, hidden: [], activation: .tanh, objective: .meanSquaredError)),
        Case(model: MLP(featureCount: 1, hidden: [5], activation: .tanh, objective: .meanSquaredError)),
        Case(model: MLP(featureCount: 2, hidden: [6, 4], activation: .tanh, objective: .binaryCrossEntropyWithLogits)),
        Case(model: MLP(featureCount: 3, hidden: [5, 3], activation: .relu, objective: .meanSquaredError)),
        Case(model: MLP(featureCount: 2, hidden: [8, 8, 4], activation: .relu, objective: .binaryCrossEntropyWithLogits)),
    ]

    @Test(arguments: cases, [UInt64(1), 2, 3])
    func gradientMatchesCentralDifferences(_ testCase: Case, seed: UInt64) {
        let model = testCase.model
        var generator = SplitMix64(seed: seed)
        let inputs = (0..<7).map { _ in (0..<model.featureCount).map { _ in 2 * generator.nextUniform() - 1 } }
        let targets = (0..<7).map { _ in
            model.isClassifier ? (generator.nextUniform() < 0.5 ? 0.0 : 1.0) : generator.nextGaussian()
        }
        let theta = (0..<model.parameterCount).map { _ in generator.nextGaussian() }
        let (loss, gradient) = model.lossAndGradient(parameters: theta, inputs: inputs, targets: targets)
        #expect(gradient.count == model.parameterCount)
        #expect(isClose(loss, model.loss(parameters: theta, inputs: inputs, targets: targets), relative: 1e-14, absolute: 0))
        let h = 1e-5
        let largest = gradient.map(abs).max() ?? 0
        for k in theta.indices {
            var plus = theta, minus = theta
            plus[k] += h
            minus[k] -= h
            let numeric = (model.loss(parameters: plus, inputs: inputs, targets: targets)
                - model.loss(parameters: minus, inputs: inputs, targets: targets)) / (2 * h)
            // Relative 1e-6 of the component, with a floor at 1e-6 of the largest component for the tiny ones.
            let scale = max(abs(gradient[k]), 1e-3 * largest, 1e-8)
            #expect(abs(gradient[k] - numeric) <= 1e-6 * scale, "∂L/∂θ[\(k)]: \(gradient[k]) vs \(numeric)")
        }
    }
}
