import Foundation
import Simulation
import Testing

/// Bayesian optimization: each chosen trial carries the surrogate it was chosen by, the fit raises the
/// likelihood, and the search finds the minimum of a teaching function.
@Suite struct BayesianOptimizationTests {}

extension BayesianOptimizationTests {
    static func search(fit: Bool = true, trials: Int = 12) throws -> (Search, [SearchTrial]) {
        let space = try SearchSpace.parse("x=uniform(-1, 2)")
        var options = BayesianOptimization()
        options.initial = 4
        options.fit = fit
        let search = Search(space: space, objective: try .expression("sin(3*x) + (x - 0.5)^2", space: space), sampler: .bayesian(options),
                            trials: trials, seed: 2)
        return (search, try search.run())
    }

    @Test func everyChosenTrialCarriesTheSurrogateItWasChosenBy() throws {
        let (_, trials) = try Self.search()
        #expect(trials.count == 12)
        #expect(trials.prefix(4).allSatisfy { $0.surrogate == nil } && trials.dropFirst(4).allSatisfy { $0.surrogate != nil })
        for k in 4..<trials.count {
            let surrogate = trials[k].surrogate!
            // The same process, rebuilt from the earlier trials and the reported kernel, predicts the same.
            let kernel = GaussianProcessKernel(family: .matern25, lengthScales: surrogate.lengthScale, signalVariance: surrogate.signalVariance)
            let process = try GaussianProcess(kernel: kernel, noise: surrogate.noise, inputs: trials[..<k].map(\.unit), targets: trials[..<k].map(\.value))
            let (mean, std) = process.predict(trials[k].unit)
            #expect(abs(mean - surrogate.mean) < 1e-12 && abs(std - surrogate.std) < 1e-12)
            #expect(abs(process.logMarginalLikelihood - surrogate.logMarginalLikelihood) < 1e-12)
            #expect(surrogate.bestY == trials[..<k].map(\.value).min())
            // Under EI the acquisition is the expected improvement (ξ = 0.01).
            #expect(surrogate.expectedImprovement == Acquisition.expectedImprovement(xi: 0.01).value(mean: surrogate.mean, std: surrogate.std, best: surrogate.bestY))
            #expect(abs(surrogate.expectedImprovement - surrogate.acquisition) < 1e-12)
            #expect(surrogate.kernelFamily == .matern25)
            // Fitting never does worse than the starting hyperparameters (σ² = 1, ℓ = 1).
            let start = try GaussianProcess(kernel: GaussianProcessKernel(family: .matern25, lengthScales: [1], signalVariance: 1),
                                            noise: surrogate.noise, inputs: trials[..<k].map(\.unit), targets: trials[..<k].map(\.value))
            #expect(surrogate.logMarginalLikelihood >= start.logMarginalLikelihood - 1e-12)
            #expect((0.01...100).contains(surrogate.lengthScale[0]) && (0.01...1000).contains(surrogate.signalVariance))
        }
    }

    @Test func findsTheMinimumOfATeachingFunction() throws {
        let (_, trials) = try Self.search(trials: 15)
        var truth = Double.infinity
        for k in 0...30_000 {
            let x = -1 + 3 * Double(k) / 30_000
            truth = min(truth, sin(3 * x) + (x - 0.5) * (x - 0.5))
        }
        #expect(trials.last!.bestSoFar - truth < 0.01, "best \(trials.last!.bestSoFar) vs the minimum \(truth)")
        // Random search with the same number of trials does worse on this seed.
        let space = try SearchSpace.parse("x=uniform(-1, 2)")
        let random = try Search(space: space, objective: try .expression("sin(3*x) + (x - 0.5)^2", space: space), sampler: .random, trials: 15, seed: 2).run()
        #expect(trials.last!.bestSoFar <= random.last!.bestSoFar)
    }

    @Test func aFixedKernelStaysFixedAndTheSearchIsReproducible() throws {
        let (_, fixed) = try Self.search(fit: false)
        #expect(fixed.compactMap(\.surrogate).allSatisfy { $0.lengthScale == [1] && $0.signalVariance == 1 })
        let (_, again) = try Self.search(fit: false)
        #expect(fixed == again)
    }
}

extension BayesianOptimizationTests {
    /// The surrogate in JSON: the kernel nested, then the prediction, EI and the acquisition at the point.
    @Test func theSurrogateInJSON() throws {
        let (_, trials) = try Self.search(trials: 6)
        let surrogate = try #require(trials.last?.surrogate)
        let data = try JSONEncoder().encode(surrogate)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["kernel", "mean", "std", "ei", "acquisition", "best_y", "log_marginal_likelihood"])
        let kernel = try #require(object["kernel"] as? [String: Any])
        #expect(Set(kernel.keys) == ["length_scale", "signal_variance", "noise", "family"])
        #expect(kernel["family"] as? String == "matern2.5")
        // The numbers, read by JSONDecoder (exact, unlike JSONSerialization on Linux).
        struct Shape: Decodable {
            struct Kernel: Decodable { var length_scale: [Double]; var signal_variance: Double; var noise: Double }
            var kernel: Kernel; var ei: Double; var acquisition: Double; var best_y: Double
        }
        let shape = try JSONDecoder().decode(Shape.self, from: data)
        #expect(shape.kernel.length_scale == surrogate.lengthScale && shape.kernel.signal_variance == surrogate.signalVariance)
        #expect(shape.ei == surrogate.expectedImprovement && shape.acquisition == surrogate.acquisition && shape.best_y == surrogate.bestY)
        #expect(try JSONDecoder().decode(BayesianOptimization.Surrogate.self, from: data) == surrogate)

        // The kernel's family may be left out.
        var withoutFamily = surrogate
        withoutFamily.kernelFamily = nil
        let bare = try JSONEncoder().encode(withoutFamily)
        #expect(!String(decoding: bare, as: UTF8.self).contains("family"))
        #expect(try JSONDecoder().decode(BayesianOptimization.Surrogate.self, from: bare) == withoutFamily)
    }

    /// Under LCB and PI the surrogate still reports EI at the chosen point (ξ = 0.01 under LCB, the
    /// configured ξ under PI), and the acquisition that chose it.
    @Test(arguments: [Acquisition.lowerConfidenceBound(kappa: 1.96), .probabilityOfImprovement(xi: 0.05)])
    func expectedImprovementWhateverTheAcquisition(_ acquisition: Acquisition) throws {
        let space = try SearchSpace.parse("x=uniform(-1, 2)")
        var options = BayesianOptimization()
        options.initial = 4
        options.acquisition = acquisition
        let trials = try Search(space: space, objective: try .expression("sin(3*x) + (x - 0.5)^2", space: space), sampler: .bayesian(options),
                                trials: 7, seed: 2).run()
        let xi = acquisition.xi ?? 0.01
        for surrogate in trials.compactMap(\.surrogate) {
            #expect(surrogate.expectedImprovement == Acquisition.expectedImprovement(xi: xi).value(mean: surrogate.mean, std: surrogate.std, best: surrogate.bestY))
            #expect(surrogate.acquisition == acquisition.value(mean: surrogate.mean, std: surrogate.std, best: surrogate.bestY))
        }
    }
}
