import Simulation
import Testing

/// Dataset generators: seeded, sized and balanced as asked; splits that partition; catalog errors.
extension Training { @Suite struct DatasetTests {} }

extension Training.DatasetTests {
    static let components = [
        "linear(n=50, seed=3)", "polynomial(n=40, coefficients=[1, 0, -1], seed=3)", "sine(n=30, noise=0.3, seed=3)",
        "moons(n=101, noise=0.2, seed=3)", "spirals(n=60, seed=3)", "blobs(n=77, cluster_std=0.5, seed=3)",
    ]

    @Test(arguments: components)
    func sameSeedSameNumbersOtherSeedOtherNumbers(_ text: String) throws {
        let a = try Datasets.make(text), b = try Datasets.make(text)
        #expect(a == b)
        let other = try Datasets.make(text.replacingOccurrences(of: "seed=3", with: "seed=4"))
        #expect(a.inputs != other.inputs)
        #expect(a.count == other.count)
    }

    @Test(arguments: components)
    func sizesAndClassBalanceAreAsRequested(_ text: String) throws {
        let data = try Datasets.make(text)
        let n = Int(text.split(separator: "n=")[1].prefix { $0.isNumber })!
        #expect(data.count == n)
        #expect(data.inputs.allSatisfy { $0.count == data.featureCount && $0.allSatisfy { $0.isFinite } })
        if data.task == .binaryClassification {
            #expect(data.featureCount == 2)
            #expect(data.classCounts.zeros == n / 2)
            #expect(data.classCounts.ones == n - n / 2)
            // Shuffled: the first half is not all one class.
            #expect(Set(data.targets.prefix(n / 2)).count == 2)
        } else {
            #expect(data.featureCount == 1)
        }
    }

    @Test func noiselessLinearDataLiesOnTheLine() throws {
        let data = try Dataset.linear(count: 20, weight: -1.5, bias: 0.25, noise: 0, seed: 9)
        for (x, y) in zip(data.inputs, data.targets) {
            #expect(isClose(y, -1.5 * x[0] + 0.25))
            #expect(x[0] >= -1 && x[0] < 1)
        }
    }

    @Test func noiselessMoonsLieOnTheirHalfCircles() throws {
        let data = try Dataset.moons(count: 40, noise: 0, seed: 2)
        for (p, label) in zip(data.inputs, data.targets) {
            let centre = label == 0 ? (0.0, 0.0) : (1.0, 0.5)
            let dx = p[0] - centre.0, dy = p[1] - centre.1
            #expect(isClose((dx * dx + dy * dy).squareRoot(), 1, relative: 1e-12, absolute: 1e-12))
        }
    }

    @Test(arguments: [(0.2, 0.2), (0.0, 0.3), (0.25, 0.0), (0.1, 0.1)])
    func splitPartitionsTheData(validation: Double, test: Double) throws {
        let data = try Dataset.sine(count: 53, seed: 5)
        let parts = try data.split(validationFraction: validation, testFraction: test, seed: 11)
        #expect(parts.validation.count == Int((53 * validation).rounded()))
        #expect(parts.test.count == Int((53 * test).rounded()))
        #expect(parts.train.count + parts.validation.count + parts.test.count == 53)
        // Every example lands in exactly one part (the x values are distinct, so they identify examples).
        let all = (parts.train.inputs + parts.validation.inputs + parts.test.inputs).map { $0[0] }
        #expect(all.sorted() == data.inputs.map { $0[0] }.sorted())
        #expect(Set(all).count == 53)
        #expect(try data.split(validationFraction: validation, testFraction: test, seed: 11) == parts)
        #expect(try data.split(validationFraction: validation, testFraction: test, seed: 12) != parts)
    }

    @Test func splitRefusesBadFractions() throws {
        let data = try Dataset.linear(count: 10)
        #expect(throws: InputError.self) { try data.split(validationFraction: 1, seed: 0) }
        #expect(throws: InputError.self) { try data.split(validationFraction: -0.1, seed: 0) }
        #expect(throws: InputError.self) { try data.split(validationFraction: 0.5, testFraction: 0.5, seed: 0) }
    }

    @Test func catalogErrorsAreClear() {
        func message(_ text: String) -> String {
            do {
                _ = try Datasets.make(text)
                return ""
            } catch {
                return error.message
            }
        }
        #expect(message("moon(n=10)").contains("did you mean 'moons'"))
        #expect(message("moons(n=0)").contains("n must be a positive number"))
        #expect(message("moons(n=-5)").contains("n must be a positive number"))
        #expect(message("moons(noize=0.1)").contains("did you mean 'noise'"))
        #expect(message("moons(noise=-1)").contains("noise must be"))
        #expect(message("moons(seed=-1)").contains("seed must be"))
        #expect(message("spirals(turns=0)").contains("turns must be"))
        #expect(message("polynomial(coefficients=[])").contains("at least one coefficient"))
    }
}
