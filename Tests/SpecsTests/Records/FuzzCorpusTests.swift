import DescentFuzzing
import Foundation
import Plotting
import Simulation
import Specs
import Testing

/// The fuzz corpus replayed (every seed, and every input that once crashed a parser), and random valid specs
/// with extreme numbers: each renders or is refused with an error, never a trap (issue 17).
@Suite struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/corpus").path
}

extension FuzzCorpusTests {
    @Test(arguments: FuzzHarness.Target.allCases)
    func theCorpusReplaysWithoutATrap(_ target: FuzzHarness.Target) throws {
        let folder = Self.corpus + "/" + target.rawValue
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count >= 5, "the seed corpus of \(target.rawValue) is missing")
        for file in files {
            let data = try #require(FileManager.default.contents(atPath: folder + "/" + file))
            data.withUnsafeBytes { FuzzHarness.run(target, $0) }
        }
    }

    /// Random specs of every simple kind, their numbers drawn from 1e-300 to 1e300 of either sign (and 0).
    @Test func randomValidSpecsWithExtremeNumbersRenderOrAreRefused() {
        var generator = SplitMix64(seed: 2026)
        func extreme() -> String {
            let u = generator.nextUniform()
            if u < 0.05 { return "0" }
            let magnitude = pow(10, -300 + 600 * generator.nextUniform())
            return String(generator.nextUniform() < 0.3 ? -magnitude : magnitude)
        }
        func positive() -> String { String(pow(10, -300 + 600 * generator.nextUniform())) }
        let surfaces = ["rosenbrock", "saddle", "quadratic(condition_number=10)", "rastrigin", "beale", "himmelblau", "booth"]
        var rendered = 0, refused = 0
        for k in 0..<160 {
            let surface = surfaces[k % surfaces.count]
            let low = extreme(), high = extreme()
            let text: String
            switch k % 5 {
            case 0: text = "kind: loss\nsurface: \(surface)\nsteps: \(1 + k % 60)\ny_scale: \(k % 2 == 0 ? "linear" : "log")\nruns: [{optimizer: 'SGD(lr=\(positive()))'}, {optimizer: 'Adam(lr=\(positive()))'}]\n"
            case 1: text = "kind: trajectories\nsurface: \(surface)\nsteps: \(1 + k % 40)\nview: {x: [\(low), \(high)], y: [\(extreme()), \(extreme())]}\nruns: [{optimizer: 'SGD(lr=\(positive()), momentum=0.9)', start: [\(extreme()), \(extreme())]}]\n"
            case 2: text = "kind: schedules\nsteps: \(1 + k % 50)\noptimizer: 'SGD(lr=\(positive()))'\nschedules: ['StepLR(step_size=\(1 + k % 9), gamma=\(positive()))', 'CosineAnnealingLR(T_max=\(1 + k % 20))']\n"
            case 3: text = "kind: l2-sweep\ndataset: sine(n=\(8 + k % 30), noise=0.3, seed=\(k))\nvalidation: 0.5\ndegree: \(1 + k % 9)\nlambdas: [\(positive()), \(positive())]\n"
            default: text = "kind: surface3d\nsurface: 'expr:\(positive())*(x^2 + y^2) - \(positive())*x*y'\nsteps: 3\nruns: [{optimizer: 'SGD(lr=\(positive()))'}]\n"
            }
            do {
                let spec = try FigureSpec.parse(text, file: "random.yaml")
                let figure = try spec.figure(try spec.simulate(), theme: .light)
                figure.draw(on: RecordingCanvas(size: figure.size), theme: .light)
                _ = try spec.altText(try spec.simulate())
                rendered += 1
            } catch {
                // An error is a fine answer; it must say something.
                #expect(!"\(error)".isEmpty)
                refused += 1
            }
        }
        #expect(rendered > 40, "only \(rendered) of 160 rendered (\(refused) refused)")
    }
}
