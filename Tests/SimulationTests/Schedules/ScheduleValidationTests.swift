import Simulation
import Testing

/// PyTorch's argument checks for schedulers, and the errors a person can make writing one.
@Suite struct ScheduleValidationTests {}

extension ScheduleValidationTests {
    @Test(arguments: [
        ("CosineAnealingLR(T_max=5)", "did you mean 'CosineAnnealingLR'?"),
        ("onecyclelr(max_lr=0.1)", "You must define either total_steps OR (epochs AND steps_per_epoch)"),
        ("CosineAnnealingLR()", "CosineAnnealingLR needs 'T_max'"),
        ("StepLR(step_sise=3)", "did you mean 'step_size'?"),
        ("OneCycleLR(max_lr=0.1, epochs=10)", "You must define either total_steps OR (epochs AND steps_per_epoch)"),
        ("OneCycleLR(max_lr=0.1, total_steps=0)", "Expected positive integer total_steps, but got 0"),
        ("OneCycleLR(max_lr=0.1, epochs=0, steps_per_epoch=5)", "Expected positive integer epochs, but got 0"),
        ("OneCycleLR(max_lr=0.1, epochs=3, steps_per_epoch=-1)", "Expected positive integer steps_per_epoch, but got -1"),
        ("OneCycleLR(max_lr=0.1, total_steps=10, pct_start=1.5)", "Expected float between 0 and 1 pct_start, but got 1.5"),
        ("OneCycleLR(max_lr=0.1, total_steps=10, pct_start=1)", "Expected float between 0 and 1 pct_start, but got 1"),
        ("OneCycleLR(max_lr=0.1, total_steps=10, anneal_strategy='cosine')",
         "anneal_strategy must be one of 'cos' or 'linear', instead got cosine"),
        ("SequentialLR(schedulers=[ConstantLR(), ExponentialLR(gamma=0.9)], milestones=[2, 4])",
         "Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers 2 and the number of milestones to be equal to 2"),
        ("SequentialLR(schedulers=[], milestones=[])", "SequentialLR expects at least one scheduler, but got no scheduler."),
        ("SequentialLR(schedulers=[ConstantLR(), ReduceLROnPlateau()], milestones=[3])",
         "SequentialLR does not support `ReduceLROnPlateau` scheduler as it requires additional kwargs to be specified when calling `step`, but got one at index 1"),
        ("ChainedScheduler(schedulers=[])", "ChainedScheduler expects at least one scheduler to be chained, but got no scheduler."),
        ("ChainedScheduler(schedulers=[ReduceLROnPlateau()])", "ChainedScheduler does not support `ReduceLROnPlateau`"),
        ("SequentialLR(schedulers=[LinearLR(start_factor=0)], milestones=[])",
         "Starting multiplicative factor expected to be greater than 0 and less or equal to 1."),
        ("ReduceLROnPlateau(factor=1.0)", "Factor should be < 1.0."),
        ("ReduceLROnPlateau(factor=2)", "Factor should be < 1.0."),
        ("ReduceLROnPlateau(mode='minimum')", "mode minimum is unknown!"),
        ("ReduceLROnPlateau(threshold_mode='relative')", "threshold mode relative is unknown!"),
        ("CyclicLR(base_lr=0.01, max_lr=0.1, mode='triangle')", "mode is invalid and scale_fn is None"),
        ("CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=0, step_size_down=0)", "float division by zero"),
        ("CyclicLR(base_lr=0.01, max_lr=0.1, scale_fn='f')", "scale_fn takes a Python callable"),
        ("ConstantLR(factor=1.5)", "Constant multiplicative factor expected to be between 0 and 1."),
        ("LinearLR(start_factor=0)", "Starting multiplicative factor expected to be greater than 0 and less or equal to 1."),
        ("LinearLR(end_factor=1.2)", "Ending multiplicative factor expected to be between 0 and 1."),
        ("CosineAnnealingWarmRestarts(T_0=0)", "Expected positive integer T_0, but got 0"),
        ("CosineAnnealingWarmRestarts(T_0=5, T_mult=0)", "Expected integer T_mult >= 1, but got 0"),
        ("LambdaLR(lr_lambda='0.95^epochs')", "unknown name 'epochs'"),
        ("StepLR(step_size=3, last_epoch=5)", "last_epoch=5 resumes a saved schedule"),
        ("MultiStepLR(milestones=[1.5])", "'milestones' expects a list of integers"),
    ])
    func refusesWhatPyTorchRefuses(_ text: String, _ message: String) {
        #expect {
            _ = try Schedules.make(text)
        } throws: { error in
            (error as? InputError)?.message.contains(message) == true
        }
    }

    @Test func aModeTypoSuggestsTheClosestMode() throws {
        let error = try #require(throws: InputError.self) { try Schedules.make("ReduceLROnPlateau(mode='mni')") }
        #expect(error.message.contains("did you mean 'min'?"))
    }

    @Test func anErrorInANestedSchedulerPointsAtIt() throws {
        let text = "SequentialLR(schedulers=[LinearLR(total_iters=5), CosineAnnealingLR(eta_min=0.1)], milestones=[5])"
        let error = try #require(throws: InputError.self) { try Schedules.make(text) }
        #expect(error.message.contains("CosineAnnealingLR needs 'T_max'"))
        #expect(error.column == 51)
    }

    @Test(arguments: [
        "CyclicLR(base_lr=0.01, max_lr=0.1)", "OneCycleLR(max_lr=0.1, total_steps=10)",
        "SequentialLR(schedulers=[LinearLR(), OneCycleLR(max_lr=0.1, total_steps=10)], milestones=[5])",
    ])
    func cyclingMomentumNeedsMomentumOrBetas(_ text: String) throws {
        let error = try #require(throws: InputError.self) {
            try ScheduleRun.run(Schedules.make(text), optimizer: Optimizers.make("Adagrad(lr=0.1)"), steps: 5)
        }
        #expect(error.message.contains("optimizer must support momentum or beta1 with `cycle_momentum` option enabled"))
    }

    @Test func withoutCyclingMomentumAnyOptimizerWorks() throws {
        let run = try ScheduleRun.run(Schedules.make("CyclicLR(base_lr=0.01, max_lr=0.1, cycle_momentum=False)"),
                                      optimizer: Optimizers.make("Adagrad(lr=0.1)"), steps: 5)
        #expect(run.lrs.count == 5)
        #expect(run.momentum == nil)
    }

    @Test func oneCycleStopsAfterItsSteps() throws {
        let schedule = try Schedules.make("OneCycleLR(max_lr=0.1, total_steps=100)")
        let optimizer = try Optimizers.make("SGD(lr=0.1, momentum=0.9)")
        // PyTorch's loop steps after the last recorded value too: 100 values are fine, 101 are not.
        #expect(try ScheduleRun.run(schedule, optimizer: optimizer, steps: 100).lrs.count == 100)
        let error = try #require(throws: InputError.self) { try ScheduleRun.run(schedule, optimizer: optimizer, steps: 101) }
        #expect(error.message.contains("Tried to step 101 times. The specified number of total steps is 100"))
    }

    @Test func plateauNeedsAMetricForEveryStep() throws {
        let schedule = try Schedules.make("ReduceLROnPlateau(patience=2)")
        let optimizer = try Optimizers.make("SGD(lr=0.1)")
        let error = try #require(throws: InputError.self) {
            try ScheduleRun.run(schedule, optimizer: optimizer, steps: 10, metrics: [3, 2, 1])
        }
        #expect(error.message == "ReduceLROnPlateau needs a metric for every step: got 3 for 10 steps")
        let none = try #require(throws: InputError.self) { try ScheduleRun.run(schedule, optimizer: optimizer, steps: 4) }
        #expect(none.message == "ReduceLROnPlateau needs a metric for every step: got 0 for 4 steps")
    }

    @Test func divisionsByZeroFailAsInPyTorch() throws {
        let optimizer = try Optimizers.make("SGD(lr=0.1)")
        // PyTorch accepts these and raises ZeroDivisionError at the step that divides.
        for text in ["StepLR(step_size=0)", "CosineAnnealingLR(T_max=0)", "ConstantLR(factor=0, total_iters=2)",
                     "OneCycleLR(max_lr=0.1, total_steps=10, pct_start=0.1, cycle_momentum=False)"] {
            let schedule = try Schedules.make(text)
            #expect(throws: InputError.self, "\(text)") { try ScheduleRun.run(schedule, optimizer: optimizer, steps: 5) }
        }
    }
}
