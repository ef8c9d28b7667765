import Foundation
import Plotting
import Simulation
import Specs
import Testing

/// The figures of topic 10 besides the heatmap and Hyperband: Bergstra–Bengio marginals, Bayesian
/// optimization step by step, and convergence over seeds.
@Suite struct SearchFiguresTests {
    static let marginals = """
        kind: search
        objective: {expr: "(x - 0.6)^2 + 0.1*y"}
        space: {x: uniform(0, 1), y: uniform(0, 1)}
        sampler: grid(points=3)
        show: marginals
        size: [600, 500]
        """

    static let boStep = """
        kind: bo-step
        objective: {expr: "x*sin(x)"}
        space: {x: uniform(0, 10)}
        sampler: bo(initial=3)
        trials: 7
        seed: 2
        iteration: 3
        size: [600, 500]
        """

    static let convergence = """
        kind: search-convergence
        objective: {expr: "(x - 0.3)^2 + (y - 0.7)^2 + 0.01"}
        space: {x: uniform(0, 1), y: uniform(0, 1)}
        trials: 12
        seeds: 4
        samplers: [grid(points=3), random(), bo(initial=4)]
        """
}

// MARK: - Grid against random, with marginals

extension SearchFiguresTests {
    @Test func theMarginalsAreTheObjectiveAveragedOverTheOtherDimension() throws {
        let spec = try FigureSpec.parse(Self.marginals, file: "marginals.yaml")
        let record = try spec.simulate()
        let landscape = try #require(record.panels[0].landscape)
        #expect(landscape.columns == 101 && landscape.rows == 101)
        let aligned = try #require(try spec.figure(record, theme: .light).panels[0] as? AlignedCharts)
        #expect(aligned.charts.count == 3)
        // f = (x − 0.6)² + 0.1·y: averaged over y ∈ [0, 1] (on 101 grid points) the top curve is (x − 0.6)² + 0.05.
        let top = try #require(aligned.charts[1].marks.first.flatMap { if case .line(let line) = $0 { line } else { nil } })
        for point in top.points { #expect(abs(point.y - ((point.x - 0.6) * (point.x - 0.6) + 0.05)) < 1e-12) }
        // The side curve: 0.1·y plus the mean of (x − 0.6)² over x.
        let meanSquare = (0...100).map { pow(Double($0) / 100 - 0.6, 2) }.reduce(0, +) / 101
        let side = try #require(aligned.charts[2].marks.first.flatMap { if case .line(let line) = $0 { line } else { nil } })
        for point in side.points { #expect(abs(point.x - (0.1 * point.y + meanSquare)) < 1e-12) }
        // A 3 × 3 grid tests three values of x, and says so.
        #expect(aligned.charts[1].title?.contains("3 values of x") == true)
    }

    @Test func marginalChartsLineUpWithTheSquare() throws {
        let spec = try FigureSpec.parse(Self.marginals, file: "marginals.yaml")
        let aligned = try #require(try spec.simulatedFigure().panels[0] as? AlignedCharts)
        let canvas = RecordingCanvas(size: Size(600, 500))
        let frame = Rect(x: 0, y: 0, width: 600, height: 500)
        let areas = aligned.plotAreas(in: frame, canvas: canvas, theme: .light)
        let laid = zip(aligned.charts, areas).map { chart, area in
            chart.layout(in: AlignedCharts.frame(of: chart, placingPlotAt: area, canvas: canvas, theme: .light), canvas: canvas, theme: .light).plot
        }
        // The chart above shares the square's x extent, the chart beside it the square's y extent.
        #expect(abs(laid[1].minX - laid[0].minX) < 0.01 && abs(laid[1].maxX - laid[0].maxX) < 0.01)
        #expect(abs(laid[2].minY - laid[0].minY) < 0.01 && abs(laid[2].maxY - laid[0].maxY) < 0.01)
        #expect(laid[1].maxY < laid[0].minY && laid[2].minX > laid[0].maxX)
        #expect(laid.allSatisfy { $0.minX >= 0 && $0.maxX <= 600 && $0.minY >= 0 && $0.maxY <= 500 })
    }
}

// MARK: - Bayesian optimization step by step

extension SearchFiguresTests {
    @Test func theDrawnSurrogateIsTheOneTheSearchChoseBy() throws {
        let spec = try FigureSpec.parse(Self.boStep, file: "bo.yaml")
        let record = try spec.simulate()
        let trials = try #require(record.panels[0].trials)
        guard case .boStep(let panel) = spec.panels[0].content else { Issue.record("not a bo-step panel"); return }
        // Iteration 3 is trial 3 + 3 − 1 = 5, chosen from the GP on trials 0…4.
        let surrogate = try #require(trials[5].surrogate)
        let process = try panel.options.posterior(inputs: trials[..<5].map(\.unit), values: trials[..<5].map(\.value), surrogate: surrogate)
        let (mean, std) = process.predict(trials[5].unit)
        #expect(abs(mean - surrogate.mean) <= 1e-9 * max(1, abs(surrogate.mean)))
        #expect(abs(std - surrogate.std) <= 1e-9 * max(1, surrogate.std))
        let best = trials[..<5].map(\.value).min()!
        #expect(abs(panel.options.acquisition.value(mean: mean, std: std, best: best) - surrogate.acquisition) <= 1e-9 * max(1e-12, surrogate.acquisition))

        // The star on the acquisition sits at the chosen x, at the recorded acquisition, and is the curve's peak
        // up to the curve's sampling.
        let aligned = try #require(try spec.figure(record, theme: .light).panels[0] as? AlignedCharts)
        let stars = aligned.charts[1].marks.compactMap { if case .marker(let m) = $0, m.shape == .star { m } else { nil } }
        let star = try #require(stars.first)
        #expect(abs(star.point.x - 10 * trials[5].unit[0]) < 1e-9 && abs(star.point.y - surrogate.acquisition) < 1e-12)
        let curve = try #require(aligned.charts[1].marks.compactMap { if case .line(let l) = $0, l.points.count == 201 { l } else { nil } }.first)
        #expect(curve.points.map(\.y).max()! <= surrogate.acquisition * 1.000001)
        // The band is mean ± 1.96σ.
        let band = try #require(aligned.charts[0].marks.compactMap { if case .band(let b) = $0 { b } else { nil } }.first)
        let middle = 100
        let prediction = process.predict([Double(middle) / 200])
        #expect(abs(band.upper[middle] - (prediction.mean + 1.96 * prediction.std)) < 1e-9)
        #expect(abs(band.lower[middle] - (prediction.mean - 1.96 * prediction.std)) < 1e-9)
        // The panel names its kernel, how it was fitted and ξ.
        #expect(aligned.charts[0].counter?.contains("Matérn 5/2") == true && aligned.charts[0].counter?.contains("max. likelihood") == true)
        #expect(aligned.charts[1].counter?.contains("ξ = 0.01") == true)
    }

    @Test func theAnimationStepsThroughTheIterations() throws {
        let spec = try FigureSpec.parse(Self.boStep.replacingOccurrences(of: "iteration: 3", with: "animation: {fps: 1}"), file: "bo.yaml")
        let animation = try spec.animation()
        #expect(animation.steps == 4)
        let first = try #require(animation.figure(atFrame: 0).panels[0] as? AlignedCharts)
        let last = try #require(animation.lastFrame.panels[0] as? AlignedCharts)
        // Iteration 1 shows the 3 initial trials, iteration 4 the 6 before the last choice.
        func observed(_ chart: Chart) -> Int {
            chart.foregroundMarks.filter { if case .marker(let m) = $0 { m.shape == .circle } else { false } }.count
        }
        #expect(observed(first.charts[0]) == 3 && observed(last.charts[0]) == 6)
        #expect(last.charts[1].yDomain == 0...1.15)
    }

    @Test func aBOStepPanelRefusesWhatItCannotDraw() {
        let cases = [
            (Self.boStep.replacingOccurrences(of: "{x: uniform(0, 10)}", with: "{x: uniform(0, 10), y: uniform(0, 1)}"), "one uniform or loguniform dimension"),
            (Self.boStep.replacingOccurrences(of: "bo(initial=3)", with: "random()"), "use sampler: bo(...)"),
            (Self.boStep.replacingOccurrences(of: "iteration: 3", with: "iteration: 5"), "iteration"),
        ]
        for (text, message) in cases {
            let error = #expect(throws: SpecError.self) { try FigureSpec.parse(text, file: "bo.yaml") }
            #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
            #expect(error?.line != nil)
        }
    }
}

// MARK: - Convergence over seeds

extension SearchFiguresTests {
    @Test func convergenceRecordsEverySeedAndEveryGridSize() throws {
        let spec = try FigureSpec.parse(Self.convergence, file: "convergence.yaml")
        let curves = try #require(try spec.simulate().panels[0].convergence)
        #expect(curves.map(\.sampler) == ["grid(points=3)", "random()", "bo(initial=4)"])
        // Grids of 1, 2 and 3 points per dimension: 1, 4 and 9 trials, one row (no randomness).
        #expect(curves[0].trials == [1, 4, 9] && curves[0].bestSoFar.count == 1)
        // Random search with seeds 1…4, each row the best-so-far of that seed's own search.
        #expect(curves[1].trials == Array(1...12) && curves[1].bestSoFar.count == 4)
        guard case .searchConvergence(let panel) = spec.panels[0].content else { Issue.record("not a convergence panel"); return }
        for seed in 1...4 {
            var search = panel.search
            search.sampler = .random
            search.seed = UInt64(seed)
            #expect(curves[1].bestSoFar[seed - 1] == (try search.run()).map(\.bestSoFar))
        }
        for row in curves[2].bestSoFar { #expect(zip(row, row.dropFirst()).allSatisfy { $0 >= $1 }) }
        let chart = try #require(try spec.simulatedFigure().charts.first)
        #expect(chart.yScale == .log)
    }

    @Test func quantilesInterpolateBetweenOrderStatistics() {
        // NumPy: np.quantile([1, 2, 4, 8], [0.25, 0.5, 0.75]) = [1.75, 3.0, 5.0].
        #expect(PanelSpec.quantile([1, 2, 4, 8], 0.25) == 1.75)
        #expect(PanelSpec.quantile([1, 2, 4, 8], 0.5) == 3)
        #expect(PanelSpec.quantile([1, 2, 4, 8], 0.75) == 5)
    }

    @Test func hyperbandIsNotAConvergenceSampler() {
        let text = Self.convergence.replacingOccurrences(of: "bo(initial=4)", with: "hyperband(R=9, eta=3)")
        let error = #expect(throws: SpecError.self) { try FigureSpec.parse(text, file: "convergence.yaml") }
        #expect(error?.message.contains("kind: hyperband") == true)
        #expect(error?.line == 6 && error?.column == 38)
    }
}
