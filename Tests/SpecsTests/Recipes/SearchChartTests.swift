import Foundation
import Plotting
import Simulation
import Specs
import Testing

/// The search figure: trials over the objective's heatmap, the best one starred.
@Suite struct SearchChartTests {}

extension SearchChartTests {
    static let spec = """
        kind: search
        objective: {expr: "(log(lr) + 4.6)^2 + (m - 0.5)^2"}
        space: {lr: loguniform(1e-4, 1), m: uniform(0, 1)}
        sampler: random()
        trials: 7
        seed: 4
        size: [400, 300]
        """

    @Test func trialsAreDrawnOverTheObjectiveWithTheBestStarred() throws {
        let spec = try FigureSpec.parse(Self.spec, file: "search.yaml")
        let record = try spec.simulate()
        let trials = try #require(record.panels[0].trials)
        #expect(trials.count == 7)
        let chart = try #require(try spec.figure(record, theme: .light).charts.first)
        #expect(chart.xScale == .log && chart.yScale == .linear)
        // Padded by 4% at each end (in log space), so edge trials show whole.
        #expect(abs(log10(chart.xDomain.lowerBound) + 4.16) < 1e-9 && abs(log10(chart.xDomain.upperBound) - 0.16) < 1e-9)
        let markers = chart.marks.compactMap { if case .marker(let marker) = $0 { marker } else { nil } }
        #expect(markers.filter { $0.shape == .circle }.count == 7)
        let best = try #require(trials.min { $0.value < $1.value })
        let star = try #require(markers.first { $0.shape == .star })
        #expect(abs(star.point.x - best.params["lr"]!.asDouble!) < 1e-12 && abs(star.point.y - best.params["m"]!.asDouble!) < 1e-12)
        let rows = record.csv().split(separator: "\n")
        #expect(rows.filter { $0.contains(",trial ") }.count == 7)
        // The landscape under the trials: 101 × 101 values of the formula at unit coordinates.
        #expect(rows.filter { $0.contains(",landscape,") }.count == 101 * 101)
        #expect(try spec.shortAltText(record).count <= FigureSpec.shortAltLength)
    }

    @Test func aSearchFigureNeedsTwoContinuousDimensions() {
        let error = #expect(throws: SpecError.self) {
            try FigureSpec.parse(Self.spec.replacingOccurrences(of: "m: uniform(0, 1)}", with: "m: int(0, 3)}"), file: "search.yaml")
        }
        #expect(error?.message.contains("two uniform or loguniform dimensions") == true)
    }
}

extension SearchChartTests {
    /// A one-dimensional grid over an expression with its minimum at lr = 0.01: the curve's counter and the
    /// shaded range agree with the range computed here from the formula.
    @Test func aOneDimensionalSearchIsACurveWithTheRangeThatWorked() throws {
        let spec = try FigureSpec.parse("""
            kind: search
            objective: {expr: "1 + (log(lr) + 4.6)^2"}
            space: {lr: loguniform(1e-4, 1)}
            sampler: grid(points=21)
            """, file: "curve.yaml")
        guard case .search(let panel) = spec.panels[0].content else { Issue.record("not a search"); return }
        #expect(panel.show == .curve)
        let record = try spec.simulate()
        let trials = try #require(record.panels[0].trials)
        // Independently: the grid values within 10 % of the lowest, around it.
        let values = (0..<21).map { k in pow(10, -4 + 4 * Double(k) / 20) }
        let f = values.map { 1 + (log($0) + 4.6) * (log($0) + 4.6) }
        let best = f.indices.min { f[$0] < f[$1] }!
        let inside = f.indices.filter { f[$0] <= f[best] * 1.1 }
        let good = try #require(SearchPanel.goodRange(trials, space: panel.search.space))
        #expect(abs(good.best - values[best]) / values[best] < 1e-9)
        #expect(abs(good.range.lowerBound - values[inside.first!]) / values[inside.first!] < 1e-9)
        #expect(abs(good.range.upperBound - values[inside.last!]) / values[inside.last!] < 1e-9)
        let chart = try #require(try spec.figure(record, theme: .light).charts.first)
        #expect(chart.xScale == .log)
        let bands = chart.marks.compactMap { if case .band(let band) = $0 { band } else { nil } }
        #expect(bands.count == 1 && bands[0].xs == [good.range.lowerBound, good.range.upperBound])
        #expect(chart.counter?.hasPrefix("best lr = ") == true)
        // Two dimensions cannot be a curve, and one cannot be a heatmap.
        #expect(throws: SpecError.self) {
            try FigureSpec.parse("kind: search\nobjective: {expr: 'lr'}\nspace: {lr: uniform(0, 1)}\nshow: heatmap\n", file: "bad.yaml")
        }
    }
}
