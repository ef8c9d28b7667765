import Simulation
import Testing

/// The trainer: batching, early stopping on a scripted validation curve, reproducibility, divergence,
/// schedules and the L2 penalty.
extension Training { @Suite struct TrainerTests {} }

extension Training.TrainerTests {
    /// A one-parameter model whose training gradient is always −1, so full-batch SGD with lr = 1 sets θ to the
    /// epoch number; its loss on validation rows (target 1) is `script[θ]`, on training rows (target 0) zero.
    struct ScriptedModel: Model {
        let script: [Double]
        var featureCount: Int { 1 }
        var parameterCount: Int { 1 }
        var objective: Objective { .meanSquaredError }
        var configuration: String { "scripted" }
        func initialParameters(seed: UInt64) -> [Double] { [0] }
        func outputs(parameters: [Double], inputs: [[Double]]) -> [Double] { inputs.map { _ in 0 } }
        func loss(parameters: [Double], inputs: [[Double]], targets: [Double]) -> Double {
            targets.first == 1 ? script[Int(parameters[0].rounded())] : 0
        }
        func lossAndGradient(parameters: [Double], inputs: [[Double]], targets: [Double]) -> (loss: Double, gradient: [Double]) {
            (loss(parameters: parameters, inputs: inputs, targets: targets), [-1])
        }
    }

    static let trainRows = Dataset(inputs: [[0], [0], [0]], targets: [0, 0, 0], featureCount: 1, task: .regression)
    static let validationRows = Dataset(inputs: [[0]], targets: [1], featureCount: 1, task: .regression)
    //                         epoch:  0    1    2     3     4     5    6    7    8    9
    static let script: [Double] = [9, 1.0, 0.8, 0.79, 0.81, 0.85, 0.9, 0.5, 0.4, 0.3]

    func scriptedRun(patience: Int, minDelta: Double, restoreBest: Bool = true) throws -> TrainingRun {
        var sgd = try SGD(lr: 1)
        let trainer = try Trainer(epochs: 9, earlyStopping: EarlyStopping(patience: patience, minDelta: minDelta, restoreBest: restoreBest))
        return try trainer.train(ScriptedModel(script: Self.script), on: Self.trainRows, validation: Self.validationRows, optimizer: &sgd)
    }

    @Test func earlyStoppingWaitsPatienceEpochsAfterTheLastImprovementByMinDelta() throws {
        // 0.79 is not 0.05 below 0.8: the best stays epoch 2, epochs 3 and 4 do not improve, stop after 4.
        let run = try scriptedRun(patience: 2, minDelta: 0.05)
        #expect(run.bestEpoch == 2)
        #expect(run.stopEpoch == 4)
        #expect(run.epochs.map(\.epoch) == [0, 1, 2, 3, 4])
        #expect(run.epochs.map { $0.validationLoss! } == Array(Self.script[0...4]))
        #expect(run.updates.count == 4)
        #expect(run.restoredBest)
        #expect(run.parameters == [2])
        #expect(!run.diverged)
    }

    @Test func withoutMinDeltaAnySmallerLossImproves() throws {
        let run = try scriptedRun(patience: 2, minDelta: 0)
        #expect(run.bestEpoch == 3)
        #expect(run.stopEpoch == 5)
        #expect(run.parameters == [3])
        // Without restoring, the last parameters come back.
        let last = try scriptedRun(patience: 2, minDelta: 0, restoreBest: false)
        #expect(last.parameters == [5])
        #expect(!last.restoredBest)
        // Patience long enough to reach the later improvements: the run ends at the last epoch.
        let patient = try scriptedRun(patience: 4, minDelta: 0)
        #expect(patient.stopEpoch == nil)
        #expect(patient.bestEpoch == 9)
        #expect(patient.epochs.count == 10)
    }

    @Test func earlyStoppingAloneCountsTheWait() throws {
        var stopper = try EarlyStopping(patience: 3, minDelta: 0.1)
        let decisions = [1.0, 0.95, 0.85, 0.84, 0.8, 0.79].enumerated().map { stopper.update(epoch: $0.offset + 1, loss: $0.element) }
        #expect(decisions.map(\.improved) == [true, false, true, false, false, false])
        #expect(decisions.map(\.stop) == [false, false, false, false, false, true])
        #expect(stopper.bestEpoch == 3)
        #expect(throws: InputError.self) { try EarlyStopping(patience: -1) }
        #expect(throws: InputError.self) { try EarlyStopping(patience: 1, minDelta: -0.1) }
    }

    @Test func lastPartialBatchIsKept() throws {
        let data = try Dataset.linear(count: 50, seed: 1)
        var sgd = try SGD(lr: 0.05)
        let run = try Trainer(epochs: 3, batchSize: 16, seed: 2).train(LinearRegression(), on: data, optimizer: &sgd)
        #expect(run.updates.map(\.batchSize) == Array(repeating: [16, 16, 16, 2], count: 3).flatMap { $0 })
        #expect(run.updates.map(\.epoch) == [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3])
        #expect(run.epochs.map(\.updates) == [0, 4, 8, 12])
    }

    func moonsRun(seed: UInt64) throws -> TrainingRun {
        let parts = try Datasets.make("moons(n=120, noise=0.2, seed=1)").split(validationFraction: 0.25, seed: 2)
        let model = try Models.make("mlp(hidden=[8, 8], activation='tanh')", for: parts.train)
        var sgd = try SGD(lr: 0.2, momentum: 0.9)
        let trainer = try Trainer(epochs: 60, batchSize: 10, seed: seed, l2Penalty: 1e-4,
                                  earlyStopping: EarlyStopping(patience: 15, minDelta: 1e-4))
        return try trainer.train(model, on: parts.train, validation: parts.validation, optimizer: &sgd)
    }

    @Test func aSeedReproducesTheRunToTheBit() throws {
        let a = try moonsRun(seed: 5), b = try moonsRun(seed: 5)
        #expect(a.parameters.map(\.bitPattern) == b.parameters.map(\.bitPattern))
        #expect(a.updates.map(\.loss.bitPattern) == b.updates.map(\.loss.bitPattern))
        #expect(a.epochs.map { $0.validationLoss!.bitPattern } == b.epochs.map { $0.validationLoss!.bitPattern })
        #expect(a == b)
        let other = try moonsRun(seed: 6)
        #expect(other.updates.map(\.loss) != a.updates.map(\.loss))
    }

    @Test func anMLPLearnsTheMoons() throws {
        let run = try moonsRun(seed: 5)
        let best = run.epochs[run.bestEpoch!]
        #expect(best.validationAccuracy! >= 0.85)
        #expect(best.trainLoss < run.epochs[0].trainLoss / 2)
        #expect(run.epochs.allSatisfy { $0.trainAccuracy != nil && $0.gradientNorm.isFinite })
    }

    @Test func aNonFiniteLossStopsTheRunAsDiverged() throws {
        // lr far above 2/λ_max of the quadratic: |θ| grows by a constant factor per update until it overflows.
        let data = try Dataset.linear(count: 20, noise: 0, seed: 3)
        var sgd = try SGD(lr: 50)
        let run = try Trainer(epochs: 10_000).train(LinearRegression(), on: data, optimizer: &sgd)
        #expect(run.diverged)
        #expect(run.divergedAtUpdate == run.updates.count)
        #expect(run.updates.count < 10_000)
        #expect(run.updates.allSatisfy { $0.loss.isFinite })
        #expect(run.epochs.allSatisfy { $0.trainLoss.isFinite })
        #expect(run.parameters.allSatisfy { $0.isFinite })
        // Large but finite is not diverged.
        var slow = try SGD(lr: 50)
        #expect(!(try Trainer(epochs: 3).train(LinearRegression(), on: data, optimizer: &slow)).diverged)
    }

    @Test func theL2PenaltyIsAddedToTheObjectiveAndItsGradient() throws {
        let data = Dataset(inputs: [[0], [1], [2]], targets: [1, 2, 7], featureCount: 1, task: .regression)
        var sgd = try SGD(lr: 0.1)
        let run = try Trainer(epochs: 1, l2Penalty: 0.5).train(LinearRegression(), on: data, optimizer: &sgd,
                                                                 initialParameters: [2, 1])
        // Data loss 5/3 plus 0.5/2·(4 + 1); gradient (−2, −2/3) + 0.5·(2, 1).
        #expect(isClose(run.updates[0].loss, 5.0 / 3 + 1.25))
        #expect(isClose(run.epochs[0].trainLoss, 5.0 / 3))
        #expect(isClose(run.epochs[0].gradientNorm, (1.0 + (1.0 / 6) * (1.0 / 6)).squareRoot()))
        #expect(isClose(run.parameters[0], 2 - 0.1 * -1.0))
        #expect(isClose(run.parameters[1], 1 - 0.1 * (-2.0 / 3 + 0.5)))
    }

    @Test func schedulersStepPerBatchOrPerEpoch() throws {
        let data = try Dataset.linear(count: 30, seed: 1)
        var perEpoch = try SGD(lr: 0.1)
        let epochSchedule = try AttachedScheduler(Schedules.make("StepLR(step_size=1, gamma=0.5)"), optimizer: &perEpoch)
        let a = try Trainer(epochs: 3, batchSize: 10, schedulerInterval: .epoch)
            .train(LinearRegression(), on: data, optimizer: &perEpoch, scheduler: epochSchedule)
        #expect(a.updates.map(\.lr) == [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025])
        #expect(a.epochs.map(\.lr) == [0.1, 0.1, 0.05, 0.025])

        var perBatch = try SGD(lr: 0.1)
        let batchSchedule = try AttachedScheduler(Schedules.make("StepLR(step_size=2, gamma=0.5)"), optimizer: &perBatch)
        let b = try Trainer(epochs: 2, batchSize: 10)
            .train(LinearRegression(), on: data, optimizer: &perBatch, scheduler: batchSchedule)
        #expect(b.updates.map(\.lr) == [0.1, 0.1, 0.05, 0.05, 0.025, 0.025])
    }

    @Test func badSettingsAndMismatchedDataAreRefused() throws {
        #expect(throws: InputError.self) { try Trainer(epochs: -1) }
        #expect(throws: InputError.self) { try Trainer(epochs: 1, batchSize: 0) }
        #expect(throws: InputError.self) { try Trainer(epochs: 1, l2Penalty: -1) }
        var sgd = try SGD(lr: 0.1)
        let moons = try Dataset.moons(count: 10)
        #expect(throws: InputError.self) { try Trainer(epochs: 1).train(LinearRegression(), on: moons, optimizer: &sgd) }
        #expect(throws: InputError.self) {
            try Trainer(epochs: 1).train(LinearRegression(featureCount: 2), on: moons, optimizer: &sgd, initialParameters: [1])
        }
    }
}
