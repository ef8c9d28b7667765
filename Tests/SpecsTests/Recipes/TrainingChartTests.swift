import Foundation
import Plotting
import Simulation
import Specs
import Testing

/// Training specs: the early-stopping figure trains for real, overfits and stops near the validation minimum.
@Suite struct TrainingChartTests {}

extension TrainingChartTests {
    static let spec = """
        kind: training-curves
        dataset: moons(n=120, noise=0.35, seed=3)
        validation: 0.5
        model: mlp(hidden=[64, 64], activation='tanh')
        optimizer: Adam(lr=0.01)
        epochs: 400
        batch_size: 20
        early_stopping: {patience: 40, min_delta: 0, restore_best: true}
        seed: 1
        """

    @Test func earlyStoppingFigureOverfitsAndStopsNearTheMinimum() throws {
        let spec = try FigureSpec.parse(Self.spec, file: "es.yaml")
        let training = try #require(spec.training)
        let (run, _, _) = try training.run()
        let best = try #require(run.bestEpoch), stop = try #require(run.stopEpoch)
        #expect(stop == best + 40)  // patience 40
        #expect(stop < 400)          // it stopped early
        let validation = run.epochs.compactMap(\.validationLoss), train = run.epochs.map(\.trainLoss)
        // Overfitting: after the best epoch the training loss keeps falling while validation rises.
        #expect(train[stop] < train[best] * 0.8)
        #expect(validation[stop] > validation[best] * 1.05)
        #expect(validation[best] == validation.min())
        #expect(run.restoredBest)
        // The figure marks it all.
        let figure = try spec.simulatedFigure(theme: .light)
        let canvas = RecordingCanvas(size: figure.size)
        figure.draw(on: canvas, theme: .light)
        for text in ["best epoch \(best)", "stopped at \(stop)", "restored checkpoint", "patience window"] {
            #expect(canvas.texts.contains(text), "\(text)")
        }
        // Reproducible to the bit.
        #expect(try training.run().run == run)
    }

    @Test(arguments: [
        ("batch_size: 0", "'batch_size' must be between 1"),
        ("batch_size: 500", "larger than the 60 training examples"),
        ("early_stopping: {patience: -1}", "'patience' must be a whole number ≥ 0"),
        ("dataset: moonz(n=100)", "did you mean 'moons'?"),
        ("model: mlp(hidden=[8], activation='sigmoid')", "activation"),
    ])
    func badTrainingSettingsAreLocated(_ line: String, _ message: String) {
        let key = String(line.prefix { $0 != ":" })
        let text = Self.spec.split(separator: "\n").map { $0.hasPrefix(key + ":") ? line : String($0) }.joined(separator: "\n")
        let error = #expect(throws: SpecError.self) { try FigureSpec.parse(text, file: "bad.yaml") }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        #expect(error?.line != nil)
    }
}
