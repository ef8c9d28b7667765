import Foundation
import Simulation
import Testing

/// Running schedulers: the recorded curves, their events, the per-step API traces use, and the text output.
@Suite struct ScheduleRunTests {}

extension ScheduleRunTests {
    private func run(_ text: String, optimizer: String = "SGD(lr=0.1)", steps: Int,
                     metrics: [Double]? = nil) throws -> ScheduleRun {
        try ScheduleRun.run(Schedules.make(text), optimizer: Optimizers.make(optimizer), steps: steps, metrics: metrics)
    }

    @Test func everySchedulerIsInTheCatalog() {
        #expect(Schedules.catalog.entries.map(\.name) == [
            "LambdaLR", "MultiplicativeLR", "StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR",
            "PolynomialLR", "CosineAnnealingLR", "CosineAnnealingWarmRestarts", "CyclicLR", "OneCycleLR",
            "SequentialLR", "ChainedScheduler", "ReduceLROnPlateau",
        ])
    }

    @Test func lambdaSchedulesFollowTheirFormula() throws {
        let lambda = try run("LambdaLR(lr_lambda='0.95^epoch')", steps: 30)
        let multiplicative = try run("MultiplicativeLR(lr_lambda='0.95')", steps: 30)
        for epoch in 0..<30 {
            #expect(isClose(lambda.lrs[epoch], 0.1 * pow(0.95, Double(epoch))))
            #expect(isClose(multiplicative.lrs[epoch], 0.1 * pow(0.95, Double(epoch))))
        }
        let warmup = try run("LambdaLR(lr_lambda='min(1, (epoch + 1)/4)')", steps: 6)
        #expect(warmup.lrs == [0.025, 0.05, 0.07500000000000001, 0.1, 0.1, 0.1])
    }

    /// Factors are evaluated as Python evaluates the lambda: `^` is `pow` even for a square (x·x can differ
    /// from pow(x, 2) in the last bit), and what Python refuses is refused.
    @Test func factorsFollowPythonArithmetic() throws {
        let square = try LRFactor("cos(epoch)^2")
        #expect(try square(87) == pow(cos(87.0), 2))
        #expect(try LRFactor("min(1, (epoch + 1)/5)")(2) == 0.6)
        for (formula, epoch, message) in [("1/(epoch - 3)", 3, "division by zero"), ("log(epoch)", 0, "math domain error"),
                                          ("(-0.5)^(epoch/2)", 1, "complex"), ("exp(100*epoch)", 8, "math range error")] {
            let factor = try LRFactor(formula)
            let error = try #require(throws: InputError.self) { try factor(epoch) }
            #expect(error.message.contains(message), "\(formula)")
        }
        let run = try #require(throws: InputError.self) { try self.run("LambdaLR(lr_lambda='1/(epoch - 3)')", steps: 5) }
        #expect(run.message.contains("division by zero"))
    }

    @Test func sequentialLRRestartsEachChildFromTheBaseLR() throws {
        let sequential = try run("SequentialLR(schedulers=[ConstantLR(factor=0.1, total_iters=20), ExponentialLR(gamma=0.9)], milestones=[3])",
                                 steps: 8)
        let expected = [0.01, 0.01, 0.01, 0.1, 0.09, 0.081, 0.0729, 0.06561]
        for (ours, value) in zip(sequential.lrs, expected) { #expect(isClose(ours, value)) }
        #expect(sequential.events == [ScheduleEvent(step: 3, label: "→ ExponentialLR")])
    }

    @Test func chainedSchedulerMultipliesTheFactors() throws {
        let chained = try run("ChainedScheduler(schedulers=[ConstantLR(factor=0.5, total_iters=2), ExponentialLR(gamma=0.9)])",
                              steps: 5)
        for (epoch, lr) in chained.lrs.enumerated() {
            let constant = epoch < 2 ? 0.5 : 1.0
            #expect(isClose(lr, 0.1 * constant * pow(0.9, Double(epoch))))
        }
    }

    @Test func cosineAnnealingKeepsGoingPastTMax() throws {
        let lrs = try run("CosineAnnealingLR(T_max=10)", steps: 21).lrs
        #expect(abs(lrs[10]) < 1e-15)
        #expect(lrs[15] > lrs[10] && isClose(lrs[20], 0.1))
    }

    @Test func eventsMarkThePhaseBoundaries() throws {
        #expect(try run("StepLR(step_size=3, gamma=0.5)", steps: 10).events.map(\.step) == [3, 6, 9])
        #expect(try run("CosineAnnealingWarmRestarts(T_0=10)", steps: 35).events
                    == [10, 20, 30].map { ScheduleEvent(step: $0, label: "restart") })
        #expect(try run("OneCycleLR(max_lr=0.1, total_steps=100)", optimizer: "SGD(lr=0.1, momentum=0.9)", steps: 100).events
                    == [ScheduleEvent(step: 29, label: "peak"), ScheduleEvent(step: 99, label: "cycle ends")])
        #expect(try run("LinearLR(start_factor=0.1, total_iters=5)", steps: 10).events
                    == [ScheduleEvent(step: 5, label: "warm-up ends")])
        #expect(try run("CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=2, cycle_momentum=False)", steps: 9).events.map(\.step)
                    == [2, 4, 6, 8])
        let plateau = try run("ReduceLROnPlateau(factor=0.5, patience=1)", steps: 6, metrics: [1, 1, 1, 1, 1, 1])
        #expect(plateau.lrs == [0.1, 0.1, 0.1, 0.05, 0.05, 0.025])
        #expect(plateau.events.map(\.step) == [3, 5])
    }

    @Test func momentumIsRecordedOnlyWhenCycled() throws {
        #expect(try run("StepLR(step_size=2)", optimizer: "SGD(lr=0.1, momentum=0.9)", steps: 4).momentum == nil)
        let cyclic = try run("CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=2)", optimizer: "Adam(lr=0.1)", steps: 5)
        #expect(cyclic.momentumIsBeta1)
        #expect(cyclic.momentum?.count == 5 && cyclic.momentum?.first == 0.9 && cyclic.momentum?[2] == 0.8)
    }

    @Test func attachedSchedulerWritesIntoTheOptimizer() throws {
        let text = "OneCycleLR(max_lr=0.5, total_steps=20)"
        let reference = try run(text, optimizer: "Adam(lr=0.1)", steps: 20)
        var optimizer = try Optimizers.make("Adam(lr=0.1)")
        var schedule = try AttachedScheduler(Schedules.make(text), optimizer: &optimizer)
        var parameters = [1.0, -1.0]
        for k in 0..<20 {
            #expect(optimizer.lr == reference.lrs[k])
            #expect(optimizer.scheduledMomentum == reference.momentum?[k])
            optimizer.step(&parameters) { point, gradient in
                gradient = point.map { 2 * $0 }
                return point.reduce(0) { $0 + $1 * $1 }
            }
            try schedule.step(optimizer: &optimizer)
        }
        #expect(schedule.steps == 20)
        #expect(schedule.events == reference.events)
    }

    @Test func attachedPlateauNeedsItsMetric() throws {
        var optimizer = try Optimizers.make("SGD(lr=0.1)")
        var schedule = try AttachedScheduler(Schedules.make("ReduceLROnPlateau()"), optimizer: &optimizer)
        #expect(schedule.needsMetric)
        #expect(throws: InputError.self) { try schedule.step(optimizer: &optimizer) }
    }

    @Test func textOutput() throws {
        let plain = try run("StepLR(step_size=1, gamma=0.5)", steps: 3)
        #expect(plain.json() == "{\"lrs\": [0.1, 0.05, 0.025]}")
        #expect(plain.csv() == "step,lr\n0,0.1\n1,0.05\n2,0.025\n")
        let cycled = try run("CyclicLR(base_lr=0.1, max_lr=0.2, step_size_up=1)", optimizer: "SGD(lr=0.1, momentum=0.9)", steps: 2)
        #expect(cycled.json() == "{\"lrs\": [0.1, 0.2], \"momentum\": [0.9, 0.8]}")
        #expect(cycled.csv() == "step,lr,momentum\n0,0.1,0.9\n1,0.2,0.8\n")
    }

    @Test func configurationListsEveryResolvedArgument() throws {
        #expect(try Schedules.make("steplr(30)").configuration.description == "StepLR(step_size=30, gamma=0.1)")
        #expect(try Schedules.make("SequentialLR([LinearLR(start_factor=0.1, total_iters=5), CosineAnnealingLR(95)], [5])")
                    .configuration.description
                    == "SequentialLR(schedulers=[LinearLR(start_factor=0.1, end_factor=1.0, total_iters=5), "
                    + "CosineAnnealingLR(T_max=95, eta_min=0.0)], milestones=[5])")
    }
}
