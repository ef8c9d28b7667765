import DescentCLI
import Foundation
import Simulation
import Testing

/// `descent schedule`, `descent trace --schedule` and their errors.
@Suite struct ScheduleCommandTests {}

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
}
