import Simulation
import Testing

@Suite struct RidgeTests {}

extension RidgeTests {
    /// The solution zeroes the gradient of the penalised loss: (2/n)Φᵀ(Φθ − y) + λθ = 0.
    @Test(arguments: [0.0, 1e-3, 0.1, 10])
    func solutionIsStationary(_ lambda: Double) throws {
        let xs = (0..<25).map { Double($0) / 24 }
        let features = xs.map { Ridge.polynomialFeatures($0, degree: 5) }
        let targets = xs.map { 1 + 2 * $0 - 3 * $0 * $0 + 0.1 * (($0 * 37).truncatingRemainder(dividingBy: 1) - 0.5) }
        let theta = try #require(Ridge.solve(features: features, targets: targets, lambda: lambda))
        for i in theta.indices {
            var gradient = lambda * theta[i]
            for (row, target) in zip(features, targets) {
                let prediction = zip(row, theta).reduce(0) { $0 + $1.0 * $1.1 }
                gradient += 2 / Double(features.count) * (prediction - target) * row[i]
            }
            #expect(abs(gradient) < 1e-8, "component \(i): \(gradient)")
        }
    }

    @Test func largerPenaltiesShrinkTheWeights() throws {
        let features = (0..<10).map { Ridge.polynomialFeatures(Double($0) / 9, degree: 3) }
        let targets = (0..<10).map { Double($0) / 3 }
        var previous = Double.infinity
        for lambda in [1e-4, 1e-2, 1, 100] {
            let theta = try #require(Ridge.solve(features: features, targets: targets, lambda: lambda))
            let norm = theta.reduce(0) { $0 + $1 * $1 }
            #expect(norm < previous)
            previous = norm
        }
    }
}
