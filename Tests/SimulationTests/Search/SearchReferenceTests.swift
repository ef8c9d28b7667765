import Foundation
import Simulation
import Testing

/// Gaussian-process posteriors and Hyperband brackets against `Fixtures/search.json` (scikit-learn, scipy,
/// and the paper's table).
@Suite struct SearchReferenceTests {}

extension SearchReferenceTests {
    struct GPCase: Decodable, Sendable, CustomTestStringConvertible {
        var kernel: String
        var length_scale: [Double]
        var signal_variance: Double
        var noise: Double
        var x: [[Double]]
        var y: [Double]
        var query: [[Double]]
        var mean: [Double]
        var std: [Double]
        var xi: Double
        var best_y: Double
        var ei: [Double]
        var log_marginal_likelihood_standardized: Double
        var testDescription: String { "\(kernel), \(x.count) points in \(x[0].count)-D" }
    }

    struct HyperbandCase: Decodable, Sendable, CustomTestStringConvertible {
        struct Bracket: Decodable, Sendable { var s: Int; var rungs: [Rung] }
        struct Rung: Decodable, Sendable { var n: Int; var r: Double }
        var R: Int
        var eta: Int
        var s_max: Int
        var brackets: [Bracket]
        var testDescription: String { "R = \(R), η = \(eta)" }
    }

    struct File: Decodable { var gp: [GPCase]; var hyperband: [HyperbandCase] }

    static let file: File = {
        let url = Bundle.module.url(forResource: "search", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }()

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b)) || abs(a - b) <= 1e-13
    }

    @Test func theFixtureIsTheExpectedFile() {
        #expect(Self.file.gp.count == 12 && Self.file.hyperband.count == 3)
    }

    @Test(arguments: file.gp)
    func posteriorsMatchScikitLearn(_ reference: GPCase) throws {
        let family = try #require(GaussianProcessKernel.Family(rawValue: reference.kernel))
        let kernel = GaussianProcessKernel(family: family, lengthScales: reference.length_scale, signalVariance: reference.signal_variance)
        let process = try GaussianProcess(kernel: kernel, noise: reference.noise, inputs: reference.x, targets: reference.y)
        #expect(Self.close(process.logMarginalLikelihood, reference.log_marginal_likelihood_standardized),
                "log marginal likelihood \(process.logMarginalLikelihood) vs \(reference.log_marginal_likelihood_standardized)")
        #expect(reference.y.min() == reference.best_y)
        for (k, point) in reference.query.enumerated() {
            let (mean, std) = process.predict(point)
            // The mean is compared relative to the targets' spread: it is ȳ + s·(…), so its rounding is s-sized.
            let spread = max(1e-300, (reference.y.max()! - reference.y.min()!))
            #expect(abs(mean - reference.mean[k]) <= 1e-9 * max(spread, abs(reference.mean[k])), "mean at \(point): \(mean) vs \(reference.mean[k])")
            #expect(abs(std - reference.std[k]) <= 1e-8 * max(spread, reference.std[k]) + 1e-12, "std at \(point): \(std) vs \(reference.std[k])")
            let ei = Acquisition.expectedImprovement(xi: reference.xi).value(mean: mean, std: std, best: reference.best_y)
            #expect(abs(ei - reference.ei[k]) <= 1e-8 * max(spread, abs(reference.ei[k])) + 1e-12, "EI at \(point): \(ei) vs \(reference.ei[k])")
        }
    }

    @Test(arguments: file.hyperband)
    func bracketsAreThePapers(_ reference: HyperbandCase) throws {
        let hyperband = try Hyperband(maxResource: reference.R, eta: reference.eta)
        #expect(hyperband.sMax == reference.s_max)
        let brackets = hyperband.brackets
        #expect(brackets.map(\.s) == reference.brackets.map(\.s))
        for (ours, theirs) in zip(brackets, reference.brackets) {
            #expect(ours.rungs.map(\.count) == theirs.rungs.map(\.n), "bracket \(ours.s)")
            #expect(ours.rungs.map(\.resource) == theirs.rungs.map(\.r), "bracket \(ours.s)")
        }
    }

    /// s_max comes from integer powers: log(243)/log(3) is 4.999… in floating point, but 3⁵ = 243.
    @Test func sMaxIsExactWhereLogarithmsRoundDown() throws {
        #expect(try Hyperband(maxResource: 243, eta: 3).sMax == 5)
        #expect(try Hyperband(maxResource: 242, eta: 3).sMax == 4)
        #expect(try Hyperband(maxResource: 1, eta: 3).sMax == 0)
        #expect(try Hyperband(maxResource: 1000, eta: 10).sMax == 3)
        #expect(throws: InputError.self) { try Hyperband(maxResource: 81, eta: 1) }
        #expect(throws: InputError.self) { try Hyperband(maxResource: 0, eta: 3) }
    }

    /// Every rung's steps are ⌈R·η^i/η^s⌉ exactly, and the last rung of every bracket runs R: computed as
    /// (R/η^s)·η^i in floating point, R = 29, η = 3 came to 29.000000000000004 and so 30 steps.
    @Test func rungBudgetsAreExactCeilings() throws {
        for eta in 2...5 {
            for R in 1...400 {
                let hyperband = try Hyperband(maxResource: R, eta: eta)
                for bracket in hyperband.brackets {
                    let etaToS = (0..<bracket.s).reduce(1) { product, _ in product * eta }
                    for (i, rung) in bracket.rungs.enumerated() {
                        let numerator = R * (0..<i).reduce(1) { product, _ in product * eta }
                        #expect(rung.budget == (numerator + etaToS - 1) / etaToS, "R = \(R), η = \(eta), s = \(bracket.s), i = \(i)")
                        #expect(Int(rung.resource.rounded(.up)) == rung.budget, "R = \(R), η = \(eta), s = \(bracket.s), i = \(i)")
                    }
                    #expect(bracket.rungs.last?.budget == R && bracket.rungs.last?.resource == Double(R))
                }
            }
        }
    }

    @Test func acquisitionsAgreeWithTheirFormulas() {
        // At z = 0 (mean + xi = best): EI = σ·φ(0), PI = ½.
        let ei = Acquisition.expectedImprovement(xi: 0.01).value(mean: 0.99, std: 2, best: 1)
        #expect(abs(ei - 2 / (2 * Double.pi).squareRoot()) < 1e-15)
        #expect(abs(Acquisition.probabilityOfImprovement(xi: 0.01).value(mean: 0.99, std: 2, best: 1) - 0.5) < 1e-15)
        #expect(Acquisition.lowerConfidenceBound(kappa: 1.96).value(mean: 1, std: 0.5, best: 0) == -(1 - 1.96 * 0.5))
        // Without uncertainty EI is the plain improvement.
        #expect(Acquisition.expectedImprovement(xi: 0).value(mean: 0.2, std: 0, best: 1) == 0.8)
    }
}
