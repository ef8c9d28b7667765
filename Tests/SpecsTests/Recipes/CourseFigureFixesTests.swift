import Foundation
import Plotting
import Simulation
import Specs
import Testing

/// Fixes that make course figures show their point: the true curve under the L2 fits, room after an early stop,
/// rule labels that do not collide, and the good range of a search over log₁₀ losses.
@Suite struct CourseFigureFixesTests {}

extension CourseFigureFixesTests {
    @Test func l2FitsDrawTheTrueSine() throws {
        let spec = try FigureSpec.parse("kind: l2-fits\ndataset: sine(n=20, noise=0.3, seed=4)\nvalidation: 0.5\ndegree: 9\nlambdas: [0, 1]\n", file: "fits.yaml")
        let chart = try #require(try spec.simulatedFigure().panels[0] as? Chart)
        let truth = try #require(chart.marks.compactMap { mark -> LineMark? in
            if case .line(let line) = mark, line.label == "true curve" { line } else { nil }
        }.first)
        #expect(truth.points.count > 100)
        for point in truth.points { #expect(abs(point.y - sin(2 * Double.pi * point.x)) < 1e-12) }
        // A dataset without a known function (a classification set) has none.
        #expect(try Datasets.make("moons(n=20)").truth == nil)
        #expect(try Datasets.make("polynomial(n=5, coefficients=[1, 2])").truth?(3) == 7)
    }

    @Test func anEarlyStopLeavesEmptyEpochsAfterIt() throws {
        let spec = try FigureSpec.parse(TrainingChartTests.spec, file: "es.yaml")
        let record = try spec.simulate()
        let stop = try #require(record.panels[0].training?.stopEpoch)
        let chart = try #require(try spec.figure(record, theme: .light).panels[0] as? Chart)
        #expect(chart.xDomain.upperBound >= Double(stop) * 1.1)
        #expect(chart.xDomain.upperBound <= Double(stop) * 1.2 + 2)
    }

    @Test func labelsOfNearbyRulesGoToSeparateRows() throws {
        let chart = Chart(title: "rules", xDomain: 0...100, yDomain: 0...1,
                          marks: [.rule(RuleMark(x: 40, label: "cycle starts here", color: Palette.blue)),
                                  .rule(RuleMark(x: 45, label: "peak", color: Palette.blue)),
                                  .rule(RuleMark(x: 90, label: "far", color: Palette.blue))], legend: .none)
        let canvas = RecordingCanvas(size: Size(400, 300))
        Figure(size: Size(400, 300), panels: [chart]).draw(on: canvas, theme: .light)
        var ys: [String: Double] = [:]
        for case .text(let text, let at, _, _, _) in canvas.operations { ys[text] = at.y }
        let first = try #require(ys["cycle starts here"]), second = try #require(ys["peak"]), far = try #require(ys["far"])
        #expect(second > first + 5)   // moved down a row
        #expect(far == first)         // room at the top: row 0
    }

    @Test func theGoodRangeOfLog10ValuesIsWithinTenPercentOfTheLoss() throws {
        // log₁₀ losses at five rates: the best is 1e-3; 1.05e-3 is within 10 % of it, 1.2e-3 is not.
        let space = try SearchSpace.parse("lr=uniform(0, 4)")
        let values = [log10(5e-3), log10(1.2e-3), log10(1e-3), log10(1.05e-3), log10(2e-3)]
        let trials = try values.enumerated().map { k, value in
            try JSONDecoder().decode(SearchTrial.self, from: Data("""
                {"id": \(k), "params": {}, "unit": [\(Double(k) / 4)], "budget": 1, "value": \(value), "diverged": false, "best_so_far": \(value)}
                """.utf8))
        }
        let good = SearchPanel.goodRange(trials, space: space, log10Values: true)
        #expect(good?.best == 2 && good?.range == 2...3)
        // Read as plain values, 10 % of |−3| = 0.3 decades would admit 1.2e-3 too: a test on the wrong scale.
        #expect(SearchPanel.goodRange(trials, space: space)?.range == 1...3)
    }
}

extension CourseFigureFixesTests {
    @Test func theColorbarNamesTheLossInTheSurfacesOwnVariables() throws {
        func label(_ surface: String) throws -> String? {
            let spec = try FigureSpec.parse("kind: trajectories\nsurface: '\(surface)'\nsteps: 3\nruns:\n  - optimizer: SGD(lr=0.1)\n", file: "t.yaml")
            return (try spec.simulatedFigure().panels[0] as? Chart)?.colorbar?.label
        }
        #expect(try label("linreg(n=20, seed=1)")?.hasPrefix("loss $L(w, b)$") == true)
        #expect(try label("booth")?.hasPrefix("$f(x, y)$") == true)
    }
}

extension CourseFigureFixesTests {
    @Test func threeRunsOrMoreEndInShapesOfTheirOwnThatTheLegendRepeats() throws {
        let spec = try FigureSpec.parse("""
            kind: trajectories
            surface: rosenbrock
            steps: 20
            runs:
              - {optimizer: 'SGD(lr=0.001)', label: a}
              - {optimizer: 'Adam(lr=0.05)', label: b}
              - {optimizer: 'RMSprop(lr=0.01)', label: c}
              - {optimizer: 'Adagrad(lr=0.1)', label: d}
            """, file: "four.yaml")
        let chart = try #require(try spec.simulatedFigure().panels[0] as? Chart)
        let lines = chart.marks.compactMap { mark -> LineMark? in if case .line(let line) = mark, line.label != nil { line } else { nil } }
        #expect(lines.map(\.marker) == [.circle, .square, .triangle, .diamond])
        // Each path ends in its shape, in its colour.
        for line in lines {
            let end = chart.marks.contains { mark in
                if case .marker(let marker) = mark { marker.point == line.points.last && marker.shape == line.marker && marker.fill == line.color } else { false }
            }
            #expect(end, "\(line.label ?? "")")
        }
        // Two runs keep plain dots and plain legend lines.
        let two = try FigureSpec.parse("kind: trajectories\nsurface: booth\nsteps: 5\nruns:\n  - optimizer: SGD(lr=0.01)\n  - optimizer: Adam(lr=0.1)\n", file: "two.yaml")
        let plain = try #require(try two.simulatedFigure().panels[0] as? Chart)
        #expect(plain.marks.allSatisfy { if case .line(let line) = $0 { line.marker == nil } else { true } })
    }
}

extension CourseFigureFixesTests {
    @Test func anAnimatedEarlyStopDoesNotRevealItsEndOnTheAxis() throws {
        let spec = try FigureSpec.parse(TrainingChartTests.spec + "\nanimation: {fps: 10}\n", file: "es.yaml")
        let animation = try spec.animation()
        let stop = try #require(try spec.simulate().panels[0].training?.stopEpoch)
        #expect(stop < 400)
        // Every frame, the first included, spans the 400-epoch budget.
        for frame in [0, animation.frameCount - 1] {
            let chart = try #require(animation.figure(atFrame: frame).panels[0] as? Chart)
            #expect(chart.xDomain.upperBound == 400)
        }
    }
}
