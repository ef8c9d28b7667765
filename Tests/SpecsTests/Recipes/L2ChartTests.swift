import Plotting
import Simulation
import Specs
import Testing

/// L2 figures: the sweep's validation loss is U-shaped in λ, the training loss only rises,
/// and the penalised optimum moves towards the origin as λ grows.
@Suite struct L2ChartTests {
    static let sweep = """
        kind: l2-sweep
        dataset: sine(n=40, noise=0.25, seed=2)
        validation: 0.5
        degree: 9
        seed: 1
        """

    @Test func sweepValidationLossIsUShaped() throws {
        let spec = try FigureSpec.parse(Self.sweep, file: "sweep.yaml")
        let losses = try #require(try spec.simulate().panels[0].fits).map { (lambda: $0.lambda, train: $0.trainMSE!, validation: $0.validationMSE!) }
        #expect(losses.count == 33)
        let validation = losses.map(\.validation), train = losses.map(\.train)
        let best = try #require(validation.indices.min { validation[$0] < validation[$1] })
        // Interior minimum, clearly below both ends: too little penalty over-fits, too much under-fits.
        #expect(best > 0 && best < losses.count - 1)
        #expect(validation[best] < validation.first! * 0.8)
        #expect(validation[best] < validation.last! * 0.8)
        // The training loss of the exact penalised fit can only grow with λ (up to rounding).
        for k in 1..<train.count { #expect(train[k] >= train[k - 1] * (1 - 1e-9)) }
        // The marked λ is the minimiser, written briefly.
        let figure = try spec.simulatedFigure(theme: .light)
        let canvas = RecordingCanvas(size: figure.size)
        figure.draw(on: canvas, theme: .light)
        let texts = canvas.texts
        #expect(texts.contains { $0.hasPrefix("best λ = ") && $0.count < 20 })
    }

    @Test func penalisedOptimumShrinksTowardsTheOrigin() throws {
        let spec = try FigureSpec.parse("""
            kind: l2-contours
            surface: linreg(n=40, noise=0.4, seed=3)
            lambdas: [0, 0.1, 1, 10, 100]
            """, file: "contours.yaml")
        guard case .l2Contours(let panel) = spec.panels[0].content else { Issue.record("not l2-contours"); return }
        let rows = panel.surface.inputs.map { [$0, 1.0] }
        let optima = try #require(try spec.simulate().panels[0].fits)
        #expect(optima.map(\.lambda) == [0, 0.1, 1, 10, 100])
        let norms = zip(panel.lambdas, optima).map { lambda, fit -> Double in
            // The record holds exactly the solution of the ridge system for that λ.
            #expect(fit.coefficients == Ridge.solve(features: rows, targets: panel.surface.targets, lambda: lambda)!)
            let theta = fit.coefficients
            return (theta[0] * theta[0] + theta[1] * theta[1]).squareRoot()
        }
        for k in 1..<norms.count { #expect(norms[k] < norms[k - 1]) }
        #expect(norms.last! < norms.first! * 0.5)
    }
}


extension L2ChartTests {
    @Test func badL2SpecsNameTheProblem() {
        let cases: [(String, String)] = [
            ("kind: l2-contours\nsurface: rosenbrock\n", "linreg"),
            ("kind: l2-sweep\nlambdas: [0, 1]\n", "log axis"),
            ("kind: l2-fits\ndataset: moons(n=50)\n", "one variable"),
            ("kind: l2-fits\nlambdas: [-1]\n", "≥ 0"),
        ]
        for (text, expected) in cases {
            do {
                _ = try FigureSpec.parse(text, file: "bad.yaml")
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.description.contains(expected), "\(error.description)")
                #expect(error.description.contains("bad.yaml:"), "\(error.description)")
            }
        }
    }
}
