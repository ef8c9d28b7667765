import Foundation
import Simulation
import Testing

/// Losses, predictions and layouts worked out by hand.
extension Training { @Suite struct ModelLossTests {} }

extension Training.ModelLossTests {
    @Test func linearRegressionMeanSquaredErrorOnThreePoints() {
        // θ = (w, b) = (2, 1) predicts 1, 3, 5 at x = 0, 1, 2; residuals 0, 1, −2.
        let model = LinearRegression()
        let inputs: [[Double]] = [[0], [1], [2]], targets = [1.0, 2, 7]
        let (loss, gradient) = model.lossAndGradient(parameters: [2, 1], inputs: inputs, targets: targets)
        #expect(isClose(loss, 5.0 / 3))                 // (0 + 1 + 4)/3
        #expect(isClose(gradient[0], -2))               // (2/3)(0·0 + 1·1 − 2·2)
        #expect(isClose(gradient[1], -2.0 / 3))         // (2/3)(0 + 1 − 2)
        #expect(model.predict(parameters: [2, 1], inputs: inputs) == [1, 3, 5])
    }

    @Test func polynomialEvaluatesPowersWeightFirstBiasLast() {
        // θ = (w₁, w₂, w₃, b) = (1, −2, 0.5, 3): f(2) = 2 − 8 + 4 + 3 = 1.
        let model = PolynomialRegression(degree: 3)
        #expect(model.parameterCount == 4)
        #expect(isClose(model.outputs(parameters: [1, -2, 0.5, 3], inputs: [[2]])[0], 1))
        #expect(isClose(model.loss(parameters: [1, -2, 0.5, 3], inputs: [[2]], targets: [4]), 9))
    }

    @Test func binaryCrossEntropyIsStableAndMatchesTheDefinition() {
        let model = LogisticRegression(featureCount: 1)
        // z = 0: −log ½ whatever the class.
        #expect(isClose(model.loss(parameters: [0, 0], inputs: [[1], [2]], targets: [0, 1]), 0.6931471805599453))
        // z = 0.5·1 + 0.25 = 0.75, y = 1: −log σ(0.75).
        let p = 1 / (1 + exp(-0.75))
        #expect(isClose(model.loss(parameters: [0.5, 0.25], inputs: [[1]], targets: [1]), -log(p), relative: 1e-14))
        // Logits far past where σ rounds to 0 or 1 still give the exact, finite loss |z|.
        let far = model.loss(parameters: [1000, 0], inputs: [[1], [-1]], targets: [0, 1])
        #expect(isClose(far, 1000))
        let (_, gradient) = model.lossAndGradient(parameters: [1000, 0], inputs: [[1], [-1]], targets: [0, 1])
        #expect(gradient.allSatisfy { $0.isFinite })
    }

    @Test func accuracyCountsLogitsAtOrAboveZeroAsClassOne() {
        let model = LogisticRegression(featureCount: 1)
        let inputs: [[Double]] = [[-2], [-1], [0], [1], [2]]
        #expect(model.accuracy(parameters: [1, 0], inputs: inputs, targets: [0, 0, 1, 1, 1]) == 1)
        #expect(model.accuracy(parameters: [1, 0], inputs: inputs, targets: [0, 1, 0, 1, 0]) == 0.4)
        #expect(LinearRegression().accuracy(parameters: [1, 0], inputs: inputs, targets: [0, 0, 0, 0, 0]) == nil)
        #expect(isClose(model.predict(parameters: [1, 0], inputs: [[0]])[0], 0.5))
    }

    @Test func mlpLayoutFollowsPyTorchParameterOrder() {
        // Linear(2, 3): 6 weights + 3 biases; Linear(3, 1): 3 + 1.
        let model = MLP(featureCount: 2, hidden: [3], activation: .relu)
        #expect(model.parameterCount == 13)
        // Weights W₁ = [[1, 0], [0, 1], [1, 1]], b₁ = (0, 0, −1); W₂ = (1, 2, 3), b₂ = 0.5.
        let theta: [Double] = [1, 0, 0, 1, 1, 1, 0, 0, -1, 1, 2, 3, 0.5]
        // x = (1, −2): a₁ = (1, −2, −2) → relu (1, 0, 0) → f = 1 + 0.5.
        #expect(model.outputs(parameters: theta, inputs: [[1, -2]]) == [1.5])
        // x = (2, 1): a₁ = (2, 1, 2) → f = 2 + 2 + 6 + 0.5.
        #expect(model.outputs(parameters: theta, inputs: [[2, 1]]) == [10.5])
    }

    @Test func initialisationIsSeededAndBoundedByFanIn() {
        let model = MLP(featureCount: 4, hidden: [9], activation: .tanh)
        let theta = model.initialParameters(seed: 3)
        #expect(theta == model.initialParameters(seed: 3))
        #expect(theta != model.initialParameters(seed: 4))
        #expect(theta.count == model.parameterCount)
        #expect(theta[0..<45].allSatisfy { abs($0) <= 0.5 })           // layer 1: fan_in 4 → ±1/2
        #expect(theta[45...].allSatisfy { abs($0) <= 1.0 / 3 })          // layer 2: fan_in 9 → ±1/3
        #expect(theta[45...].contains { abs($0) > 0.25 })
    }
}
