import Foundation
@testable import Simulation
import Testing

/// The kernel fit of Bayesian optimization against scikit-learn's (`Fixtures/gp-fit.json`, written by
/// Tools/reference/gp_fit_reference.py): at scikit-learn's fitted hyperparameters Descent's log marginal
/// likelihood is scikit-learn's, and Descent's own fit reaches at least as high a likelihood.
@Suite struct FittedLikelihoodTests {}

extension FittedLikelihoodTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var kernel: String
        var noise: Double
        var x: [[Double]]
        var y: [Double]
        var signal_variance: Double
        var length_scale: [Double]
        var log_marginal_likelihood: Double
        var testDescription: String { "\(kernel), \(name)" }
    }

    struct File: Decodable { var cases: [Case] }

    static let file: File = {
        let url = Bundle.module.url(forResource: "gp-fit", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }()

    @Test func theFixtureIsTheExpectedFile() {
        #expect(Self.file.cases.count == 10)
        #expect(Set(Self.file.cases.map(\.kernel)) == ["matern2.5", "matern1.5", "rbf"])
        #expect(Set(Self.file.cases.map { $0.x[0].count }) == [1, 2])
    }

    /// The same quantity on the same footing: the likelihood of the targets standardized by their mean and
    /// population standard deviation, with the noise on the diagonal.
    @Test(arguments: file.cases)
    func likelihoodAtScikitLearnsHyperparametersIsScikitLearns(_ reference: Case) throws {
        let family = try #require(GaussianProcessKernel.Family(rawValue: reference.kernel))
        let kernel = GaussianProcessKernel(family: family, lengthScales: reference.length_scale, signalVariance: reference.signal_variance)
        let process = try GaussianProcess(kernel: kernel, noise: reference.noise, inputs: reference.x, targets: reference.y)
        let ours = process.logMarginalLikelihood, theirs = reference.log_marginal_likelihood
        #expect(abs(ours - theirs) <= 1e-8 * abs(theirs), "log marginal likelihood \(ours) vs scikit-learn's \(theirs)")
    }

    /// Bayesian optimization's own fit (default restarts, the generator as a search would hand it over) climbs
    /// at least as high as scikit-learn's L-BFGS-B from six starts.
    @Test(arguments: file.cases)
    func fittedLikelihoodIsAtLeastScikitLearns(_ reference: Case) throws {
        var options = BayesianOptimization()
        options.kernel = try #require(GaussianProcessKernel.Family(rawValue: reference.kernel))
        options.noise = reference.noise
        var generator = SplitMix64(seed: 1)
        let process = try options.fitProcess(inputs: reference.x, values: reference.y, dimensions: reference.x[0].count, generator: &generator)
        let ours = process.logMarginalLikelihood, theirs = reference.log_marginal_likelihood
        #expect(ours >= theirs - 1e-6,
                "Descent's fit: \(ours) at σ² = \(process.kernel.signalVariance), ℓ = \(process.kernel.lengthScales); scikit-learn's: \(theirs) at σ² = \(reference.signal_variance), ℓ = \(reference.length_scale)")
        // Within the bounds both share (up to the rounding of exp(log(bound))).
        #expect((0.01 * (1 - 1e-12)...1000 * (1 + 1e-12)).contains(process.kernel.signalVariance))
        #expect(process.kernel.lengthScales.allSatisfy { (0.01 * (1 - 1e-12)...100 * (1 + 1e-12)).contains($0) })
    }

    /// The fit's likelihood surface is the process's likelihood, and its gradient the slope of that surface
    /// (central differences, to 1e-4: where RBF makes K nearly singular the slope is steep and the differences
    /// lose digits), for every kernel family, at scikit-learn's hyperparameters and elsewhere.
    @Test(arguments: file.cases)
    func theFitsGradientIsTheLikelihoodsSlope(_ reference: Case) throws {
        for family in GaussianProcessKernel.Family.allCases {
            var surface = LikelihoodSurface(family: family, noise: reference.noise, inputs: reference.x, targets: reference.y)
            let fitted = [log(reference.signal_variance)] + reference.length_scale.map { log($0) }
            for logs in [fitted, fitted.map { $0 + 0.3 }, fitted.enumerated().map { $1 - 0.2 * Double($0) }] {
                let kernel = GaussianProcessKernel(family: family, lengthScales: logs.dropFirst().map { exp($0) }, signalVariance: exp(logs[0]))
                let process = try GaussianProcess(kernel: kernel, noise: reference.noise, inputs: reference.x, targets: reference.y)
                let evaluated = surface.valueAndGradient(logs)
                let (value, gradient) = try #require(evaluated)
                #expect(abs(value - process.logMarginalLikelihood) <= 1e-10 * max(1, abs(value)), "\(family) at \(logs)")
                #expect(surface.value(logs) == value)
                for k in logs.indices {
                    let h = 1e-5
                    var up = logs, down = logs
                    up[k] += h
                    down[k] -= h
                    let slope = (surface.value(up) - surface.value(down)) / (2 * h)
                    #expect(abs(gradient[k] - slope) <= 1e-4 * max(1, abs(slope)), "\(family) at \(logs), ∂/∂θ\(k): \(gradient[k]) vs \(slope)")
                }
            }
        }
    }
}
