import Foundation
import Simulation
import Testing

/// The trace contract: points, losses, lrs, divergence, noise, and the JSON/CSV text.
@Suite struct TraceTests {}

extension TraceTests {
    @Test func shapesOfAFiniteRun() throws {
        let trace = Trace.run(surface: Rosenbrock(), optimizer: try Adam(lr: 0.05), steps: 10)
        #expect(trace.points.count == 11)
        #expect(trace.losses.count == 11)
        #expect(trace.lrs == Array(repeating: 0.05, count: 10))
        #expect(trace.points[0] == SIMD2(-1.5, 2.5))
        #expect(trace.divergedAt == nil)
        for (point, loss) in zip(trace.points, trace.losses) { #expect(loss == Rosenbrock().value(at: point)) }
    }

    /// SGD on x² with lr η multiplies x by (1 − 2η) each step; with η = 1e100 the value overflows to
    /// infinity at a step we can compute, and the arrays stop before it.
    @Test func divergenceStopsAtTheFirstNonFiniteValue() throws {
        let surface = try ExpressionSurface("x^2 + y^2")
        let trace = Trace.run(surface: surface, optimizer: try SGD(lr: 1e100), start: SIMD2(1, 1), steps: 10)
        // x₁ ≈ −2e100, x₂ ≈ 4e200, x₃ overflows (and x₂² already does, so the loss at step 2 is infinite).
        #expect(trace.divergedAt == 2)
        #expect(trace.points.count == 2)
        #expect(trace.losses.count == 2)
        #expect(trace.lrs.count == 1)
        #expect(trace.json().contains("\"diverged_at\": 2"))
    }

    @Test func largeButFiniteIsNotDivergence() throws {
        let surface = try ExpressionSurface("x^2 + y^2")
        let trace = Trace.run(surface: surface, optimizer: try SGD(lr: 2), start: SIMD2(1, 1), steps: 100)
        // x₁₀₀ = (−3)¹⁰⁰ ≈ 5e47: huge, finite.
        #expect(trace.divergedAt == nil)
        #expect(trace.points.count == 101)
        #expect(isClose(trace.points[100].x, pow(3, 100), relative: 1e-12))
    }

    @Test func nonFiniteStartIsADivergenceAtStepZero() throws {
        let trace = Trace.run(surface: try ExpressionSurface("log(x)"), optimizer: try SGD(lr: 0.1), start: SIMD2(-1, 0), steps: 5)
        #expect(trace.divergedAt == 0)
        #expect(trace.points.isEmpty)
    }

    @Test func noiseIsSeededAndLeavesLossesExact() throws {
        let spec = try Surfaces.make("booth(noise=3, seed=42)")
        let a = Trace.run(surface: spec.surface, optimizer: try SGD(lr: 0.01), steps: 50, noise: spec.noise)
        let b = Trace.run(surface: spec.surface, optimizer: try SGD(lr: 0.01), steps: 50, noise: spec.noise)
        let clean = Trace.run(surface: spec.surface, optimizer: try SGD(lr: 0.01), steps: 50)
        #expect(a.points == b.points)
        #expect(a.points != clean.points)
        for (point, loss) in zip(a.points, a.losses) { #expect(loss == Booth().value(at: point)) }
        // The first step's noise is σ·ξ with ξ from the seeded generator: check it by hand.
        var generator = SplitMix64(seed: 42)
        let g = Booth().gradient(at: Booth().start)
        let expected = Booth().start - 0.01 * SIMD2(g.x + 3 * generator.nextGaussian(), g.y + 3 * generator.nextGaussian())
        #expect(a.points[1] == expected)
        let other = Trace.run(surface: spec.surface, optimizer: try SGD(lr: 0.01), steps: 50,
                              noise: GradientNoise(sigma: 3, seed: 43))
        #expect(other.points != a.points)
    }

    @Test func gaussianSamplesHaveUnitVariance() {
        var generator = SplitMix64(seed: 1)
        let samples = (0..<200_000).map { _ in generator.nextGaussian() }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let variance = samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(samples.count)
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.02)
    }

    @Test func jsonIsValidAndRoundTrips() throws {
        let trace = Trace.run(surface: Beale(), optimizer: try RMSprop(lr: 0.01, momentum: 0.5, centered: true),
                              steps: 7, recordState: true)
        struct Decoded: Decodable {
            var points: [[Double]]
            var losses: [Double]
            var lrs: [Double]
            var diverged_at: Int?
        }
        // JSONDecoder reads Doubles exactly (JSONSerialization may not), so equality is the right check.
        let decoded = try JSONDecoder().decode(Decoded.self, from: Data(trace.json().utf8))
        #expect(decoded.points.map { SIMD2($0[0], $0[1]) } == trace.points)
        #expect(decoded.losses == trace.losses)
        #expect(decoded.lrs == trace.lrs)
        #expect(decoded.diverged_at == nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(trace.json().utf8)) as? [String: Any])
        #expect(object["diverged_at"] is NSNull)
        let state = try #require(object["state"] as? [[String: Any]])
        #expect(state.count == 7)
        #expect(Set(state[0].keys) == ["step", "square_avg", "momentum_buffer", "grad_avg"])
        #expect((state[6]["momentum_buffer"] as? [Double])?.count == 2)
    }

    /// A buffer can overflow while the point stays finite (Adam's v = g² = ∞ makes the step 0); JSON has
    /// no infinity, so such a value is written as null and the output stays valid JSON.
    @Test func overflowingStateIsNullInJSON() throws {
        let trace = Trace.run(surface: try ExpressionSurface("1e200*x + y"), optimizer: try Adam(lr: 0.1),
                              start: SIMD2(0, 0), steps: 3, recordState: true)
        #expect(trace.divergedAt == nil)
        #expect(trace.points.count == 4)
        let json = trace.json()
        #expect(json.contains("\"exp_avg_sq\": [null, "))
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
    }

    /// ASGD's averaged point: in the trace, the JSON (`averaged`) and the CSV (`averaged_x,averaged_y`).
    @Test func averagedPointOfASGD() throws {
        let trace = Trace.run(surface: Quadratic(), optimizer: try ASGD(lr: 0.04, t0: 5), start: SIMD2(2, -1.5), steps: 20)
        let averaged = try #require(trace.averaged)
        #expect(averaged.count == 20)
        // Until t exceeds t0 the average is the iterate itself; afterwards it lags behind.
        #expect(averaged[4] == trace.points[5])
        #expect(averaged[19] != trace.points[20])
        #expect(trace.json().contains("\"averaged\": [[\(trace.points[1].x), \(trace.points[1].y)], "))
        let lines = trace.csv().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "step,x,y,loss,lr,averaged_x,averaged_y")
        #expect(lines[1].hasSuffix(",,,"))
        #expect(lines[21].hasSuffix(",\(averaged[19].x),\(averaged[19].y)"))
        #expect(Trace.run(surface: Quadratic(), optimizer: try SGD(lr: 0.01), steps: 3).averaged == nil)
    }

    /// LBFGS steps evaluate the function several times; the state reports how often.
    @Test func lbfgsReportsEvaluationsPerStep() throws {
        let trace = Trace.run(surface: Rosenbrock(), optimizer: try LBFGS(historySize: 10, lineSearch: .strongWolfe),
                              steps: 4, recordState: true)
        let state = try #require(trace.state)
        var total = 0.0
        for entries in state {
            let evaluations = try #require(entries.scalar("evaluations")), cumulative = try #require(entries.scalar("func_evals"))
            #expect(entries.vector("d")?.count == 2)
            total += evaluations
            #expect(cumulative == total)
            #expect(evaluations >= 1 && evaluations <= 25)
        }
        #expect(trace.losses.last! < 1e-6)
    }

    @Test func csvLayout() throws {
        let trace = Trace.run(surface: Booth(), optimizer: try SGD(lr: 0.01, momentum: 0.9), steps: 3, recordState: true)
        let lines = trace.csv().split(separator: "\n").map(String.init)
        #expect(lines[0] == "step,x,y,loss,lr,momentum_buffer_x,momentum_buffer_y")
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("0,-8.0,-6.0,"))
        #expect(lines[1].hasSuffix(",,,"))
        let row = lines[3].split(separator: ",", omittingEmptySubsequences: false)
        #expect(row.count == 7)
        #expect(Double(row[1]) == trace.points[2].x)
        #expect(Double(row[4]) == 0.01)
        let plain = Trace.run(surface: Booth(), optimizer: try SGD(lr: 0.01), steps: 2).csv()
        #expect(plain.split(separator: "\n").first == "step,x,y,loss,lr")
        #expect(plain.split(separator: "\n")[1].hasSuffix(","))
    }
}
