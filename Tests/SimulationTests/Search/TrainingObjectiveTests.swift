import Simulation
import Testing

/// The training objective: a trial trains a model with its optimizer and scores the validation loss.
@Suite struct TrainingObjectiveTests {
    static func objective() throws -> TrainingObjective {
        let data = try Datasets.make("moons(n=80, noise=0.3, seed=4)")
        return try TrainingObjective(dataset: data, validationFraction: 0.25, model: try Models.make("mlp(hidden=[8])", for: data),
                                     optimizer: "AdamW(lr={lr}, weight_decay={wd})", batchSize: 10, seed: 3,
                                     names: ("moons(n=80, noise=0.3, seed=4)", "mlp(hidden=[8])"))
    }

    @Test func aTrialIsTheFinalValidationLossOfAnOrdinaryTrainingRun() throws {
        let training = try Self.objective()
        let space = try SearchSpace.parse("lr=loguniform(1e-3, 1), wd=loguniform(1e-4, 1)")
        let unit = [0.4, 0.7]
        let (value, diverged) = SearchObjective.training(training).evaluate(space, unit: unit, budget: 15)
        // The same run through the trainer with every epoch recorded: skipping the records changes nothing.
        var optimizer = try #require(try Optimizers.make(try space.fill(training.optimizer, at: unit)) as? any GradientOptimizer)
        let run = try Trainer(epochs: 15, batchSize: 10, seed: 3).train(training.model, on: training.train, validation: training.validation,
                                                                         optimizer: &optimizer)
        #expect(run.epochs.count == 16 && !diverged)
        #expect(value == run.epochs.last?.validationLoss)
        #expect(training.train.count == 60 && training.validation.count == 20)
    }

    @Test func aDivergingTrialIsWorthTheUntrainedModel() throws {
        let training = try Self.objective()
        let space = try SearchSpace.parse("lr=loguniform(1e6, 1e8), wd=uniform(0, 0.001)")
        let (value, diverged) = SearchObjective.training(training).evaluate(space, unit: [1, 0], budget: 20)
        var optimizer = try #require(try Optimizers.make("AdamW(lr=1e-9, weight_decay=0)") as? any GradientOptimizer)
        let untrained = try Trainer(epochs: 0, seed: 3).train(training.model, on: training.train, validation: training.validation, optimizer: &optimizer)
        if diverged {
            #expect(value == untrained.epochs[0].validationLoss)
        } else {
            #expect(value.isFinite)
        }
    }

    @Test func recordingFewerEpochsGivesTheSameUpdates() throws {
        let training = try Self.objective()
        func run(every: Bool) throws -> TrainingRun {
            var trainer = try Trainer(epochs: 12, batchSize: 10, seed: 3)
            trainer.recordsEveryEpoch = every
            var optimizer = try #require(try Optimizers.make("SGD(lr=0.1, momentum=0.9)") as? any GradientOptimizer)
            return try trainer.train(training.model, on: training.train, validation: training.validation, optimizer: &optimizer)
        }
        let full = try run(every: true), sparse = try run(every: false)
        #expect(sparse.parameters == full.parameters && sparse.updates == full.updates)
        #expect(sparse.epochs.map(\.epoch) == [0, 12] && sparse.epochs.last == full.epochs.last)
    }

    @Test func aTrainingObjectiveNeedsAFirstOrderOptimizerAndKnownNames() throws {
        let training = try Self.objective()
        let space = try SearchSpace.parse("lr=loguniform(1e-3, 1), wd=loguniform(1e-4, 1)")
        var lbfgs = training
        lbfgs.optimizer = "LBFGS(lr={lr})"
        #expect(throws: InputError.self) { try SearchObjective.training(lbfgs).check(space) }
        var unknown = training
        unknown.optimizer = "SGD(lr={learning_rate})"
        #expect(throws: InputError.self) { try SearchObjective.training(unknown).check(space) }
        try SearchObjective.training(training).check(space)
    }
}
