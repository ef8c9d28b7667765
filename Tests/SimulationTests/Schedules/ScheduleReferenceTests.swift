import Simulation
import Testing

/// Every PyTorch reference schedule, built from the same component text a user writes.
@Suite struct ScheduleReferenceTests {}

extension ScheduleReferenceTests {
    @Test func fixtureIsTheExpectedFile() {
        #expect(ScheduleFile.reference.torch_version == "2.15.0")
        #expect(ScheduleFile.reference.cases.count == 42)
        let names = Set(ScheduleFile.reference.cases.map(\.scheduler))
        #expect(names == ["StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR", "PolynomialLR",
                          "CosineAnnealingLR", "CosineAnnealingWarmRestarts", "CyclicLR", "OneCycleLR", "SequentialLR",
                          "ChainedScheduler", "ReduceLROnPlateau"])
    }

    @Test(arguments: ScheduleFile.reference.cases)
    func matchesPyTorch(_ reference: ScheduleCase) throws {
        let scheduler = try Schedules.make(reference.schedulerComponent)
        let optimizer = try Optimizers.make(reference.optimizerComponent)
        let run = try ScheduleRun.run(scheduler, optimizer: optimizer, steps: reference.epochs, metrics: reference.metrics)
        try #require(run.lrs.count == reference.lrs.count)
        for (step, (ours, theirs)) in zip(run.lrs, reference.lrs).enumerated() {
            #expect(closeToSchedule(ours, theirs), "lr after \(step) steps: \(ours) instead of \(theirs)")
        }
        if let momentums = reference.momentums {
            let ours = try #require(run.momentum, "the momentum is not recorded")
            #expect(run.momentumIsBeta1 == (reference.record_momentum == "beta1"))
            for (step, (mine, theirs)) in zip(ours, momentums).enumerated() {
                #expect(closeToSchedule(mine, theirs), "momentum after \(step) steps: \(mine) instead of \(theirs)")
            }
        } else {
            #expect(run.momentum == nil, "a schedule that does not cycle the momentum records none")
        }
    }

    /// The configuration is the resolved component: parsing it gives a scheduler with the same curve.
    @Test(arguments: ScheduleFile.reference.cases)
    func configurationRoundTrips(_ reference: ScheduleCase) throws {
        let scheduler = try Schedules.make(reference.schedulerComponent)
        let again = try Schedules.make(scheduler.configuration.description)
        #expect(again.configuration == scheduler.configuration)
        let optimizer = try Optimizers.make(reference.optimizerComponent)
        let first = try ScheduleRun.run(scheduler, optimizer: optimizer, steps: reference.epochs, metrics: reference.metrics)
        let second = try ScheduleRun.run(again, optimizer: optimizer, steps: reference.epochs, metrics: reference.metrics)
        #expect(first.lrs == second.lrs)
    }
}
