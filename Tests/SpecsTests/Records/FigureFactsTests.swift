import Foundation
import Simulation
import Specs
import Testing

/// The facts a figure measured are the numbers of its record, named for the takeaways page.
@Suite struct FigureFactsTests {}

extension FigureFactsTests {
    @Test func earlyStoppingFactsAreTheRunsEpochs() throws {
        let spec = try FigureSpec.parse(TrainingChartTests.spec, file: "es.yaml")
        let record = try spec.simulate()
        let facts = spec.facts(record)
        let run = try #require(record.panels[0].training)
        let best = try #require(run.bestEpoch), stop = try #require(run.stopEpoch)
        #expect(facts["best_epoch"] == String(best) && facts["p1.best_epoch"] == String(best))
        #expect(facts["stop_epoch"] == String(stop))
        #expect(facts["patience"] == "40" && facts["batch_size"] == "20")
        // The best validation loss, to three significant digits, read back as a number.
        let quoted = try #require(facts["best_validation"].flatMap(Double.init))
        let exact = try #require(run.epochs.first { $0.epoch == best }?.validationLoss)
        #expect(abs(quoted - exact) <= exact * 5e-3)
    }

    @Test func runFactsAreTheFinalLossOfEachLabelledRunPerPanel() throws {
        let spec = try FigureSpec.parse("""
            kind: panels
            surface: quadratic
            steps: 30
            panels:
              - kind: trajectories
                title: Slow
                runs: [{optimizer: 'SGD(lr=0.01)', label: slow}]
              - kind: trajectories
                runs: [{optimizer: 'SGD(lr=0.1)', label: fast}]
            """, file: "two.yaml")
        let record = try spec.simulate()
        let facts = spec.facts(record)
        // Gradient descent on ½(x² + y²)-like bowls shrinks the loss: the fast run ends far lower.
        let slow = try #require(facts["Slow.final_loss.slow"].flatMap(Double.init))
        let fast = try #require(facts["p2.final_loss.fast"].flatMap(Double.init))
        #expect(facts["p1.final_loss.slow"] == facts["Slow.final_loss.slow"])
        #expect(fast < slow / 10)
        let last = try #require(record.panels[1].runs?.first?.trace.losses.last)
        #expect(abs(fast - last) <= last * 5e-3)
        #expect(facts["p1.steps"] == "30")
        #expect(facts["final_loss.slow"] == nil)  // two panels: no bare names
    }

    @Test func oneDimensionalSearchFactsAreItsGoodRange() throws {
        let spec = try FigureSpec.parse("""
            kind: search
            objective: {expr: "(log(x) - log(0.01))^2 + 1"}
            space: {x: loguniform(1e-4, 1)}
            sampler: grid(points=41)
            trials: 41
            show: curve
            """, file: "curve.yaml")
        let facts = spec.facts(try spec.simulate())
        // The minimum of 1 + (ln x − ln 0.01)² is at x = 0.01; within 10 % of it is |ln x − ln 0.01| ≤ √0.1.
        let best = try #require(facts["best"].flatMap(Double.init))
        let low = try #require(facts["low"].flatMap(Double.init)), high = try #require(facts["high"].flatMap(Double.init))
        #expect(abs(log10(best) - (-2)) < 0.06)
        #expect(low < best && best < high)
        #expect(abs(log(high / low) - 2 * sqrt(0.1)) < 0.25)
        #expect(facts["best_value"].flatMap(Double.init).map { abs($0 - 1) < 0.01 } == true)
    }
}
