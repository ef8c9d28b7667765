import Foundation
import Plotting
import Simulation
import Specs
import Testing

/// `kind: lr-sweep`: the steps to a tolerance match the closed form of gradient descent on a quadratic, the
/// cliff sits at 2/L, and bad specs are located.
@Suite struct LRSweepChartTests {
    static let spec = """
        kind: lr-sweep
        surface: quadratic(condition_number=10)
        start: [-8, 3]
        steps: 600
        lrs: {from: 0.01, to: 0.3, points: 41}
        tolerance: 1e-6
        runs:
          - optimizer: SGD
            label: gradient descent
        """

    /// Gradient descent on f = ½(x² + κy²) multiplies x by (1 − η) and y by (1 − ηκ) each step, so
    /// f_t = ½(x₀²(1 − η)^{2t} + κy₀²(1 − ηκ)^{2t}); the first t with f_t ≤ tol, counted independently here.
    static func closedFormSteps(lr: Double, kappa: Double, start: SIMD2<Double>, tolerance: Double, limit: Int) -> Int? {
        for t in 0...limit {
            let x = start.x * pow(1 - lr, Double(t)), y = start.y * pow(1 - lr * kappa, Double(t))
            if 0.5 * (x * x + kappa * y * y) <= tolerance { return t }
        }
        return nil
    }

    @Test func stepsMatchTheClosedFormOfGradientDescent() throws {
        let spec = try FigureSpec.parse(Self.spec, file: "sweep.yaml")
        let record = try #require(try spec.simulate().panels[0].lrSweep)
        let curve = try #require(record.curves.first)
        #expect(curve.lrs.count == 41)
        #expect(abs(curve.lrs.first! - 0.01) < 1e-15 && abs(curve.lrs.last! - 0.3) < 1e-14)
        var compared = 0
        for (k, lr) in curve.lrs.enumerated() {
            let expected = Self.closedFormSteps(lr: lr, kappa: 10, start: SIMD2(-8, 3), tolerance: 1e-6, limit: 600)
            // Rounding can move the crossing by one step when f_t lands within an ulp of the tolerance.
            if let expected, let got = curve.steps[k] {
                #expect(abs(got - expected) <= 1, "lr \(lr): \(got) vs \(expected)")
                compared += 1
            } else {
                #expect(curve.steps[k] == nil && expected == nil, "lr \(lr): \(String(describing: curve.steps[k])) vs \(String(describing: expected))")
            }
            // Diverged runs are only past the limit.
            if curve.diverged[k] { #expect(lr > 0.2) }
        }
        #expect(compared > 25)
        // The cliff: 2/L with L = κ, and the fastest rate just below it.
        let limit = try #require(record.limit)
        #expect(abs(limit - 0.2) < 1e-6)
        let fastest = try #require(curve.fastest)
        #expect(fastest.lr < 0.2 && fastest.lr > 0.1)
        #expect(curve.firstDiverged.map { $0 > 0.2 } == true)
    }

    @Test func theChartDrawsTheRuleAndTheAltTextStatesTheCliff() throws {
        let spec = try FigureSpec.parse(Self.spec, file: "sweep.yaml")
        let record = try spec.simulate()
        let canvas = RecordingCanvas(size: Size(640, 400))
        try spec.figure(record, theme: .light).draw(on: canvas, theme: .light)
        #expect(canvas.texts.contains("2/L = 0.2"))
        let alt = try spec.altText(record)
        #expect(alt.contains("2/L = 0.2000"))
        #expect(alt.contains("diverges from lr = "))
        let short = try spec.shortAltText(record)
        #expect(short.count <= 150 && short.contains("cliff at 2/L = 0.2"))
        // The data export has one row per rate.
        #expect(record.csv().split(separator: "\n").filter { $0.contains("gradient descent") }.count == 41)
    }

    @Test func badSweepsAreLocated() {
        let cases: [(String, String)] = [
            ("kind: lr-sweep\nsurface: 'expr:x^2+y^2'\nruns:\n  - optimizer: SGD\n", "no known minimum"),
            ("kind: lr-sweep\nsurface: booth\nlrs: {from: 1, to: 0.1}\nruns:\n  - optimizer: SGD\n", "0 < from < to"),
            ("kind: lr-sweep\nsurface: booth\nlrs: {form: 1}\nruns:\n  - optimizer: SGD\n", "did you mean 'from'"),
            ("kind: lr-sweep\nsurface: booth\ntolerance: -1\nruns:\n  - optimizer: SGD\n", "positive"),
        ]
        for (text, expected) in cases {
            do {
                _ = try FigureSpec.parse(text, file: "bad.yaml")
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.description.contains(expected), "\(error.description)")
                #expect(error.description.hasPrefix("bad.yaml:"), "\(error.description)")
            }
        }
    }
}

extension LRSweepChartTests {
    /// `show: table`: the final losses, the best rate and the 2× range agree with the closed form
    /// f_T = ½(x₀²(1 − η)^{2T} + κy₀²(1 − ηκ)^{2T}), and the table draws one row per optimizer.
    @Test func tableOfBestRatesMatchesTheClosedForm() throws {
        let spec = try FigureSpec.parse(Self.spec.replacingOccurrences(of: "steps: 600", with: "steps: 30")
            .replacingOccurrences(of: "tolerance: 1e-6", with: "tolerance: 1e-6\nshow: table")
            + "\n  - optimizer: SGD(momentum=0.9)\n    label: momentum\n", file: "table.yaml")
        let record = try spec.simulate()
        let sweep = try #require(record.panels[0].lrSweep)
        let curve = sweep.curves[0]
        func closedForm(_ lr: Double) -> Double {
            let x = -8 * pow(1 - lr, 30.0), y = 3 * pow(1 - 10 * lr, 30.0)
            return 0.5 * (x * x + 10 * y * y)
        }
        let expected = curve.lrs.map(closedForm)
        for (k, final) in curve.finals.enumerated() {
            if let final { #expect(abs(final - expected[k]) <= 1e-9 * max(1, expected[k]), "lr \(curve.lrs[k])") }
        }
        let bestIndex = try #require(expected.indices.min { expected[$0] < expected[$1] })
        #expect(curve.best?.lr == curve.lrs[bestIndex])
        // The 2× range: every rate in it has a closed-form loss within 2× of the best, and its neighbours do not.
        let range = try #require(curve.goodRange(minimum: sweep.minimum, tolerance: sweep.tolerance))
        let inside = curve.lrs.indices.filter { range.contains(curve.lrs[$0]) }
        for k in inside { #expect(expected[k] <= 2 * expected[bestIndex] * (1 + 1e-9)) }
        if let below = inside.first.map({ $0 - 1 }), below >= 0 { #expect(expected[below] > 2 * expected[bestIndex]) }
        if let above = inside.last.map({ $0 + 1 }), above < expected.count { #expect(expected[above] > 2 * expected[bestIndex]) }
        // Drawn as a table, a row per run, with the best rate written in it.
        let figure = try spec.figure(record, theme: .light)
        let table = try #require(figure.panels[0] as? TablePanel)
        #expect(table.rows.count == 2 && table.rows[0][0].text == "gradient descent")
        let written = try #require(Double(table.rows[0][1].text.replacingOccurrences(of: "\u{2212}", with: "-")))
        #expect(abs(written / curve.lrs[bestIndex] - 1) < 5e-3)
        #expect(try spec.altText(record).contains("best lr"))
    }
}
