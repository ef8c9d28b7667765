import DescentCLI
import Foundation
import Simulation
import Testing

/// `descent schedule`, `descent trace --schedule` and their errors.
@Suite struct ScheduleCommandTests {}

/// The JSON of `descent schedule`, read exactly.
struct ScheduleJSON: Decodable {
    var lrs: [Double]
    var momentum: [Double]?
}

extension ScheduleCommandTests {
    @Test func printsTheLearningRateAfterEachStep() throws {
        let result = descent("schedule", "StepLR(step_size=2, gamma=0.5)", "--steps", "5")
        #expect(result.status == 0, "\(result.errorOutput)")
        let run = try JSONDecoder().decode(ScheduleJSON.self, from: Data(result.output.utf8))
        #expect(run.lrs == [0.1, 0.1, 0.05, 0.05, 0.025])
        #expect(run.momentum == nil)
        let csv = descent("schedule", "StepLR(step_size=2, gamma=0.5)", "--steps", "3", "--format", "csv").output
        #expect(csv.split(separator: "\n") == ["step,lr", "0,0.1", "1,0.1", "2,0.05"])
    }

    @Test func cycledMomentumIsReported() throws {
        let result = descent("schedule", "OneCycleLR(max_lr=0.1, total_steps=10)", "--optimizer", "SGD(lr=0.1, momentum=0.9)", "--steps", "10")
        let run = try JSONDecoder().decode(ScheduleJSON.self, from: Data(result.output.utf8))
        #expect(abs(run.lrs[0] - 0.004) < 1e-15)  // max_lr / div_factor
        #expect(run.momentum?.first == 0.95)
        let adam = descent("schedule", "CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=2)", "--optimizer", "Adam(lr=0.1)", "--steps", "3")
        #expect(try JSONDecoder().decode(ScheduleJSON.self, from: Data(adam.output.utf8)).momentum?.first == 0.9)
    }

    @Test func plateauIsFedTheMetrics() throws {
        let result = descent("schedule", "ReduceLROnPlateau(patience=1, factor=0.5)", "--steps", "5", "--metrics=1,1,1,1,1")
        let run = try JSONDecoder().decode(ScheduleJSON.self, from: Data(result.output.utf8))
        #expect(run.lrs == [0.1, 0.1, 0.1, 0.05, 0.05])
    }

    @Test func traceFollowsTheSchedule() throws {
        let result = descent("trace", "--surface", "booth", "--optimizer", "SGD(lr=0.02)", "--schedule", "ExponentialLR(gamma=0.5)", "--steps", "4")
        #expect(result.status == 0, "\(result.errorOutput)")
        let trace = try TraceJSON(result.output)
        #expect(trace.lrs == [0.02, 0.01, 0.005, 0.0025])
        // Step by step by hand: p ← p − η_k ∇f(p).
        var p = Booth().start
        for (k, lr) in [0.02, 0.01, 0.005, 0.0025].enumerated() {
            p -= lr * Booth().gradient(at: p)
            #expect(abs(trace.points[k + 1][0] - p.x) < 1e-12 && abs(trace.points[k + 1][1] - p.y) < 1e-12)
        }
        let script = descent("trace", "--surface", "booth", "--optimizer", "Adam(lr=0.1)", "--schedule",
                             "SequentialLR(schedulers=[LinearLR(start_factor=0.1, total_iters=5), LambdaLR(lr_lambda='0.9^epoch')], milestones=[5])",
                             "--emit", "pytorch").output
        #expect(script.contains("scheduler_0 = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=0.1"))
        #expect(script.contains("scheduler_1 = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lambda epoch: 0.9**epoch)"))
        #expect(script.contains("scheduler = torch.optim.lr_scheduler.SequentialLR(optimizer, schedulers=[scheduler_0, scheduler_1], milestones=[5])"))
        #expect(script.contains("scheduler.step()"))
        let plateau = descent("trace", "--surface", "booth", "--optimizer", "SGD(lr=0.01)", "--schedule", "ReduceLROnPlateau()", "--emit", "pytorch").output
        #expect(plateau.contains("scheduler.step(loss_before)"))
    }

    @Test(arguments: [
        (["schedule", "CosineAnealingLR(T_max=10)"], "did you mean 'CosineAnnealingLR'?"),
        (["schedule", "CosineAnnealingLR()"], "T_max"),
        (["schedule", "OneCycleLR(max_lr=0.1)"], "total_steps"),
        (["schedule", "OneCycleLR(max_lr=0.1, total_steps=5)", "--steps", "10"], "Tried to step"),
        (["schedule", "ReduceLROnPlateau()", "--steps", "5", "--metrics", "1,2"], "needs a metric for every step"),
        (["schedule", "ReduceLROnPlateau()", "--steps", "2", "--metrics", "1,x"], "--metrics: 'x' is not a finite number"),
        (["schedule", "SequentialLR(schedulers=[ConstantLR(), ExponentialLR(gamma=0.9)], milestones=[3, 5])"], "milestones"),
        (["schedule", "StepLR(step_size=3)", "--steps", "0"], "--steps: must be at least 1"),
        (["schedule", "CyclicLR(base_lr=0.01, max_lr=0.1)", "--optimizer", "Adagrad"], "momentum"),
        (["trace", "--surface", "booth", "--optimizer", "SGD", "--schedule", "StepLR(gamma=0.5)"], "step_size"),
    ] as [([String], String)])
    func badInputIsOneClearLine(_ arguments: [String], _ fragment: String) {
        let result = CommandRunner.run(arguments)
        #expect(result.status == CommandRunner.usageStatus, "\(arguments): \(result.output)")
        #expect(result.errorOutput.hasPrefix("error: "))
        #expect(result.errorOutput.contains(fragment), "\(result.errorOutput)")
        #expect(!result.errorOutput.contains("Usage:"))
    }

    @Test func listShowsEverySchedulerWithItsDefaults() {
        let output = descent("list", "schedules").output
        for name in ["StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR", "PolynomialLR", "CosineAnnealingLR",
                     "CosineAnnealingWarmRestarts", "CyclicLR", "OneCycleLR", "SequentialLR", "ChainedScheduler", "ReduceLROnPlateau",
                     "LambdaLR", "MultiplicativeLR"] {
            #expect(output.contains(name), "\(name)")
        }
        #expect(output.contains("T_max=…"))
    }
}

@Suite struct TrainCommandTests {}

extension TrainCommandTests {
    @Test func trainPrintsTheSameRecordsEveryTime() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/train.yaml"
        try """
            kind: training-curves
            dataset: linear(n=80, noise=0.3, seed=2)
            model: linear()
            optimizer: SGD(lr=0.1)
            epochs: 20
            batch_size: 8
            seed: 4
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let first = descent("train", path), second = descent("train", path)
        #expect(first.status == 0, "\(first.errorOutput)")
        #expect(first.output == second.output)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [String: Any])
        let epochs = try #require(object["epochs"] as? [[String: Any]])
        #expect(epochs.count == 21)
        let losses = epochs.compactMap { $0["train_loss"] as? Double }
        #expect(losses.last! < losses.first! / 4)
        let csv = descent("train", path, "--format", "csv").output.split(separator: "\n")
        #expect(csv.first == "epoch,train_loss,validation_loss,train_accuracy,validation_accuracy,lr,grad_norm,updates")
        #expect(csv.count == 22)
        let missing = descent("train", folder + "/nope.yaml")
        #expect(missing.status == CommandRunner.usageStatus && missing.errorOutput.contains("cannot read spec"))
    }
}

extension TrainCommandTests {
    /// Flags are the spec's settings: the same run prints the same bytes either way.
    @Test func flagsTrainExactlyAsTheSpecDoes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/train.yaml"
        try """
            kind: training-curves
            dataset: moons(n=90, noise=0.3, seed=2)
            model: mlp(hidden=[8], activation='relu')
            optimizer: SGD(lr=0.1, momentum=0.9)
            schedule: StepLR(step_size=5, gamma=0.5)
            schedule_every: epoch
            validation: 0.4
            epochs: 30
            batch_size: 10
            l2: 0.001
            early_stopping: {patience: 3, min_delta: 0.001, restore_best: false}
            seed: 7
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let fromSpec = descent("train", path)
        let fromFlags = descent("train", "--dataset", "moons(n=90, noise=0.3, seed=2)", "--model", "mlp(hidden=[8], activation='relu')",
                                "--optimizer", "SGD(lr=0.1, momentum=0.9)", "--schedule", "StepLR(step_size=5, gamma=0.5)",
                                "--schedule-every", "epoch", "--validation", "0.4", "--epochs", "30", "--batch-size", "10",
                                "--l2", "0.001", "--patience", "3", "--min-delta", "0.001", "--no-restore-best", "--seed", "7")
        #expect(fromSpec.status == 0, "\(fromSpec.errorOutput)")
        #expect(fromFlags.status == 0, "\(fromFlags.errorOutput)")
        #expect(fromFlags.output == fromSpec.output)
        #expect(fromSpec.output.contains("\"restored_best\": false"))
    }

    @Test func badTrainingFlagsGetOneClearLine() {
        let cases: [([String], String)] = [
            (["--dataset", "moons(n=100)", "--batch-size", "0"], "--batch-size must be between 1"),
            (["--dataset", "moons(n=100)", "--batch-size", "500"], "--batch-size 500 is larger than the 70 training examples"),
            (["--dataset", "moon(n=100)"], "did you mean 'moons'"),
            (["--dataset", "moons(n=100)", "--patience=-1"], "--patience must be a whole number ≥ 0"),
            (["--dataset", "moons(n=100)", "--model", "mlp(activation='tanhh')"], "did you mean 'tanh'"),
            (["--dataset", "moons(n=100)", "--min-delta", "0.1"], "give --patience too"),
            (["--epochs", "3"], "needs --dataset"),
            (["Gallery/early-stopping.yaml", "--epochs", "3"], "not both"),
        ]
        for (arguments, expected) in cases {
            let result = CommandRunner.run(["train"] + arguments)
            #expect(result.status == CommandRunner.usageStatus, "\(arguments)")
            #expect(result.errorOutput.contains(expected), "\(arguments): \(result.errorOutput)")
            #expect(result.errorOutput.split(separator: "\n").count == 1, "\(result.errorOutput)")
            #expect(result.output.isEmpty)
        }
    }
}
