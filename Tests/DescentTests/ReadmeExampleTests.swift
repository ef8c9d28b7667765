import Descent
import Testing

/// The README's Swift example, as a user's program would write it against `import Descent`.
@Suite struct ReadmeExampleTests {}

extension ReadmeExampleTests {
    @Test func theReadmeExampleWorks() throws {
        let adam = try Adam(lr: 0.05)
        let trace = Trace.run(surface: Rosenbrock(), optimizer: adam, steps: 300)
        #expect(trace.points.count == 301)
        #expect(trace.losses.last! < trace.losses.first!)

        let spec = try Surfaces.make("himmelblau(noise=1, seed=2)")
        let optimizer = try Optimizers.make("SGD(lr=0.01, momentum=0.9)")
        let noisy = Trace.run(surface: spec.surface, optimizer: optimizer, steps: 100, noise: spec.noise, recordState: true)
        #expect(noisy.json().hasPrefix("{\"points\": "))
        #expect(noisy.state?.count == 100)

        var sgd = try SGD(lr: 0.1, momentum: 0.9)
        var weights = [0.5, -1.0, 2.0, 0.0]
        sgd.step(&weights, gradient: [0.1, 0.2, -0.3, 0.4])
        #expect(weights == [0.5 - 0.1 * 0.1, -1.0 - 0.1 * 0.2, 2.0 + 0.1 * 0.3, 0.0 - 0.1 * 0.4])
    }
}

extension ReadmeExampleTests {
    @Test func theLBFGSExampleWorks() throws {
        var lbfgs = try LBFGS(lineSearch: .strongWolfe)
        var point = [3.0, -2.0]
        lbfgs.step(&point) { p, gradient in
            gradient[0] = 2 * p[0]
            gradient[1] = 20 * p[1]
            return p[0] * p[0] + 10 * p[1] * p[1]
        }
        // PyTorch stops here too: the loss changes by less than tolerance_change (1e-9).
        #expect(abs(point[0]) < 1e-4 && abs(point[1]) < 1e-4)
    }
}
