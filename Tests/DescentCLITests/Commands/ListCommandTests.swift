import DescentCLI
import Simulation
import Testing

/// `descent list`: every component with its defaults.
@Suite struct ListCommandTests {}

extension ListCommandTests {
    @Test func listsEverySurfaceAndOptimizerWithDefaults() {
        let result = descent("list")
        #expect(result.status == 0)
        for entry in Surfaces.catalog.entries { #expect(result.output.contains(entry.name)) }
        #expect(result.output.contains("rosenbrock(a=1, b=100)"))
        #expect(result.output.contains("f = (1 - x)^2 + 100*(y - x^2)^2"))
        #expect(result.output.contains("Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, amsgrad=False, maximize=False, decoupled_weight_decay=False)"))
        #expect(!result.output.contains("foreach"))
        #expect(descent("list", "optimizers").output.hasPrefix("Optimizers"))
        #expect(descent("list", "surfaces").output.hasPrefix("Surfaces"))
        let bad = descent("list", "colours")
        #expect(bad.status != 0)
        #expect(bad.errorOutput.hasPrefix("error: "))
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
