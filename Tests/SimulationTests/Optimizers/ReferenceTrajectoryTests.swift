import Simulation
import Testing

/// Every PyTorch reference trajectory, run through the same component parser and trace a user's command uses.
@Suite struct ReferenceTrajectoryTests {}

extension ReferenceTrajectoryTests {
    @Test func fixtureIsTheExpectedFile() {
        #expect(ReferenceFile.optimizers.torch_version == "2.15.0")
        #expect(ReferenceFile.optimizers.cases.count == 208)
        let optimizers = Set(ReferenceFile.optimizers.cases.map(\.optimizer))
        #expect(optimizers == ["SGD", "Adagrad", "Adadelta", "RMSprop", "Adam", "AdamW", "NAdam", "RAdam"])
    }

    @Test func extraFixtureIsTheExpectedFile() {
        #expect(ReferenceFile.extra.torch_version == "2.15.0")
        #expect(ReferenceFile.extra.cases.count == 18)
        #expect(Set(ReferenceFile.extra.cases.map(\.optimizer)) == ["Adamax", "ASGD", "Rprop", "LBFGS", "Lion"])
    }

    @Test(arguments: ReferenceFile.optimizers.cases + ReferenceFile.extra.cases)
    func matchesPyTorch(_ reference: OptimizerCase) throws {
        let spec = try Surfaces.make(reference.function)
        #expect(spec.surface.formula == reference.formula, "the surface's formula differs from the reference's")
        let optimizer = try Optimizers.make(reference.optimizerComponent)
        let trace = Trace.run(surface: spec.surface, optimizer: optimizer,
                              start: SIMD2(reference.start[0], reference.start[1]), steps: reference.steps)
        try #require(trace.divergedAt == nil)
        try #require(trace.points.count == reference.steps + 1)

        var worst = (step: -1, deviation: 0.0)
        for step in 0..<reference.checkedSteps {
            let expected = reference.trajectory[step]
            let point = trace.points[step + 1]
            for (ours, theirs) in [(point.x, expected[0]), (point.y, expected[1]), (trace.losses[step], reference.losses[step])] {
                let deviation = abs(ours - theirs) / max(1, abs(theirs))
                if deviation > worst.deviation { worst = (step, deviation) }
            }
        }
        #expect(worst.deviation <= 1e-8, "step \(worst.step + 1) deviates by \(worst.deviation) (relative)")
        if let ax = reference.ax {
            let averaged = try #require(trace.averaged)
            for step in 0..<reference.checkedSteps {
                #expect(closeToReference(averaged[step].x, ax[step][0]) && closeToReference(averaged[step].y, ax[step][1]),
                        "averaged point after step \(step + 1)")
            }
        }
        if reference.well_conditioned {
            #expect(closeToReference(trace.losses[reference.steps], reference.final_loss))
        }
    }

    /// Chaotic cases are only reliable for their leading steps; afterwards the run must still be a run
    /// (finite) and, when PyTorch's stayed bounded, stay within the same order of magnitude.
    @Test(arguments: ReferenceFile.optimizers.cases.filter { !$0.well_conditioned })
    func chaoticCasesStayPlausibleAfterTheReliableSteps(_ reference: OptimizerCase) throws {
        let spec = try Surfaces.make(reference.function)
        let trace = Trace.run(surface: spec.surface, optimizer: try Optimizers.make(reference.optimizerComponent),
                              start: SIMD2(reference.start[0], reference.start[1]), steps: reference.steps)
        #expect(trace.divergedAt == nil)
        let reach = reference.trajectory.map { max(abs($0[0]), abs($0[1])) }.max()!
        let ours = trace.points.map { max(abs($0.x), abs($0.y)) }.max()!
        #expect(ours <= 10 * max(reach, 1))
    }
}
