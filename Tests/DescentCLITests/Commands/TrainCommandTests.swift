import DescentCLI
import Foundation
import Testing

/// `descent train`: the records of a training run, from a spec or from flags.
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
