import Simulation
import Testing

/// Optimizers work on flat parameter vectors of any length, coordinate by coordinate as PyTorch's do.
@Suite struct OptimizerVectorTests {}

extension OptimizerVectorTests {
    static let optimizers = [
        "SGD(lr=0.0002, momentum=0.9, nesterov=True, weight_decay=0.1)", "Adagrad(lr=0.1, lr_decay=0.01)",
        "Adadelta(lr=1.0, weight_decay=0.1)", "RMSprop(lr=0.01, momentum=0.5, centered=True)",
        "Adam(lr=0.05, amsgrad=True, weight_decay=0.1)", "AdamW(lr=0.05)", "NAdam(lr=0.05, decoupled_weight_decay=True, weight_decay=0.1)",
        "RAdam(lr=0.0005, weight_decay=0.1)", "Adamax(lr=0.01, weight_decay=0.1)", "ASGD(lr=0.0002, t0=10)",
        "Rprop(lr=0.01)", "Lion(lr=0.001, weight_decay=0.1)",
    ]

    /// A six-vector made of three independent 2-D problems must move exactly like the three 2-D runs.
    @Test(arguments: optimizers)
    func longVectorsBehaveLikeIndependentPairs(_ text: String) throws {
        let surfaces: [any Surface] = [Rosenbrock(), Himmelblau(), Booth()]
        let starts: [SIMD2<Double>] = [SIMD2(-1.5, 2.5), SIMD2(0.5, -1), SIMD2(-3, 4)]
        var big = try #require(try Optimizers.make(text) as? any GradientOptimizer)
        var parameters = starts.flatMap { [$0.x, $0.y] }
        var gradient = [Double](repeating: 0, count: 6)
        for _ in 0..<50 {
            for (k, surface) in surfaces.enumerated() {
                let g = surface.gradient(at: SIMD2(parameters[2 * k], parameters[2 * k + 1]))
                gradient[2 * k] = g.x
                gradient[2 * k + 1] = g.y
            }
            big.step(&parameters, gradient: gradient)
        }
        for (k, surface) in surfaces.enumerated() {
            let trace = Trace.run(surface: surface, optimizer: try Optimizers.make(text), start: starts[k], steps: 50)
            try #require(trace.points.count == 51, "the 2-D run diverged")
            #expect(trace.points[50].x == parameters[2 * k])
            #expect(trace.points[50].y == parameters[2 * k + 1])
        }
    }

    /// L-BFGS couples the coordinates, so instead: on a 5-D quadratic ½Σ kᵢxᵢ² it must find the minimum
    /// within one step of at most 20 iterations, and report its evaluations.
    @Test func lbfgsMinimizesAFiveDimensionalQuadratic() throws {
        var lbfgs = try LBFGS(lineSearch: .strongWolfe)
        let curvature = [1.0, 3, 10, 30, 100]
        var parameters = [1.0, -2, 0.5, 3, -1]
        var calls = 0
        lbfgs.step(&parameters) { p, gradient in
            calls += 1
            var loss = 0.0
            for i in p.indices {
                loss += 0.5 * curvature[i] * p[i] * p[i]
                gradient[i] = curvature[i] * p[i]
            }
            return loss
        }
        #expect(parameters.allSatisfy { abs($0) < 1e-4 }, "\(parameters)")
        #expect(calls <= 25)
        let state = Dictionary(uniqueKeysWithValues: lbfgs.state.map { ($0.name, $0.value) })
        #expect(state["func_evals"] == .scalar(Double(calls)))
        #expect(state["evaluations"] == .scalar(Double(calls)))
    }

    @Test func stateUsesPyTorchNames() throws {
        var adam = try Adam(lr: 0.1, amsgrad: true)
        #expect(adam.state.isEmpty)
        var p = [1.0, 2.0, 3.0]
        adam.step(&p, gradient: [0.5, -1, 2])
        let names = adam.state.map(\.name)
        #expect(names == ["step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"])
        // After one step from zero: m = (1 − β₁)g, v = (1 − β₂)g².
        if case .vector(let m) = adam.state[1].value {
            for (value, g) in zip(m, [0.5, -1.0, 2.0]) { #expect(isClose(value, (1 - 0.9) * g)) }
        }
        if case .vector(let v) = adam.state[2].value {
            for (value, g) in zip(v, [0.5, -1.0, 2.0]) { #expect(isClose(value, (1 - 0.999) * g * g)) }
        }
    }

    /// One SGD step by hand: θ − η(g + λθ), and the first momentum buffer is the undamped gradient.
    @Test func sgdFirstStepByHand() throws {
        var sgd = try SGD(lr: 0.1, momentum: 0.9, dampening: 0.5, weightDecay: 0.01)
        var p = [2.0, -4.0]
        sgd.step(&p, gradient: [1, 3])
        #expect(isClose(p[0], 2 - 0.1 * (1 + 0.01 * 2)))
        #expect(isClose(p[1], -4 - 0.1 * (3 + 0.01 * -4)))
        #expect(sgd.state == [StateEntry("momentum_buffer", .vector([1 + 0.02, 3 - 0.04]))])
    }

    @Test func maximizeClimbs() throws {
        let trace = Trace.run(surface: Quadratic(), optimizer: try Optimizers.make("Adam(lr=0.1, maximize=True)"),
                              start: SIMD2(1, 1), steps: 20)
        #expect(trace.losses.last! > trace.losses.first!)
    }
}
