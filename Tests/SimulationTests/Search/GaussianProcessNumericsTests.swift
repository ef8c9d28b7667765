import Foundation
@testable import Simulation
import Testing

/// The fast paths of the Gaussian process: the kernels' own exponential, and prediction in blocks.
@Suite struct GaussianProcessNumericsTests {}

extension GaussianProcessNumericsTests {
    /// Within one unit in the last place of the C library's exp on [−708, 0] (two million seeded points,
    /// a million of them in [−3, 0] where the kernels mostly are), exact at 0, and 0 below −708.
    @Test func theKernelsExponentialIsTheCLibrarysToAUnitInTheLastPlace() {
        var generator = SplitMix64(seed: 1)
        var worst = 0.0
        for k in 0..<2_000_000 {
            let x = k.isMultiple(of: 2) ? -generator.nextUniform() * 708 : -generator.nextUniform() * 3
            let ours = GaussianProcessKernel.exponential(x), theirs = exp(x)
            worst = max(worst, abs(ours - theirs) / theirs)
        }
        #expect(worst <= Double.ulpOfOne, "worst relative error \(worst)")
        #expect(GaussianProcessKernel.exponential(0) == 1 && GaussianProcessKernel.exponential(-0.0) == 1)
        #expect(abs(GaussianProcessKernel.exponential(-708) / exp(-708) - 1) <= Double.ulpOfOne)
        #expect(GaussianProcessKernel.exponential(-708.5) == 0 && GaussianProcessKernel.exponential(-1e6) == 0)
        #expect(GaussianProcessKernel.exponential(-.infinity) == 0)
    }

    /// A kernel value is the same number whichever way it is computed: one at a time or a row at a time.
    @Test(arguments: GaussianProcessKernel.Family.allCases)
    func rowsOfKernelValuesAreTheSingleValues(_ family: GaussianProcessKernel.Family) {
        let kernel = GaussianProcessKernel(family: family, lengthScales: [0.3], signalVariance: 1.7)
        let squared = (0..<100).map { Double($0 * $0) / 400 }
        var row = squared, scratch = squared
        row.withUnsafeMutableBufferPointer { row in
            scratch.withUnsafeMutableBufferPointer { kernel.values(inPlace: row.baseAddress!, count: row.count, scratch: $0.baseAddress!) }
        }
        #expect(row == squared.map { kernel.value(squaredDistance: $0) })
    }

    /// Predicting many points together (in blocks, some of them partial) gives the bits of one at a time.
    @Test(arguments: GaussianProcessKernel.Family.allCases)
    func predictionInBlocksIsPredictionOneAtATime(_ family: GaussianProcessKernel.Family) throws {
        var generator = SplitMix64(seed: 5)
        let inputs = (0..<23).map { _ in [generator.nextUniform(), generator.nextUniform()] }
        let targets = inputs.map { sin(5 * $0[0]) + $0[1] * $0[1] }
        let kernel = GaussianProcessKernel(family: family, lengthScales: [0.25, 0.6], signalVariance: 1.3)
        let process = try GaussianProcess(kernel: kernel, noise: 1e-6, inputs: inputs, targets: targets)
        let count = 2 * GaussianProcess.predictionBlock + 17
        let points = (0..<(2 * count)).map { _ in generator.nextUniform() }
        var means = Array(repeating: 0.0, count: count), stds = means
        points.withUnsafeBufferPointer { points in
            means.withUnsafeMutableBufferPointer { means in
                stds.withUnsafeMutableBufferPointer { process.predict(points: points, count: count, means: means, stds: $0) }
            }
        }
        for q in 0..<count {
            let (mean, std) = process.predict([points[2 * q], points[2 * q + 1]])
            #expect(means[q] == mean && stds[q] == std, "point \(q)")
        }
    }
}
