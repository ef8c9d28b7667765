import Simulation
import Testing

/// The `Models` catalog: components build the right model for their data, with clear errors.
extension Training { @Suite struct ModelCatalogTests {} }

extension Training.ModelCatalogTests {
    static func message(_ text: String, for data: Dataset) -> String {
        do {
            _ = try Models.make(text, for: data)
            return ""
        } catch {
            return error.message
        }
    }

    @Test func componentsBuildModelsShapedByTheData() throws {
        let moons = try Datasets.make("moons(n=20, seed=1)"), sine = try Datasets.make("sine(n=20)")
        let mlp = try Models.make("mlp(hidden=[16, 16], activation='tanh')", for: moons)
        #expect(mlp.featureCount == 2)
        #expect(mlp.objective == .binaryCrossEntropyWithLogits)
        #expect(mlp.parameterCount == (2 * 16 + 16) + (16 * 16 + 16) + (16 + 1))
        #expect(mlp.configuration == "mlp(hidden=[16, 16], activation='tanh')")
        #expect(try Models.make("MLP(hidden=[4], activation=relu)", for: sine).objective == .meanSquaredError)
        #expect(try Models.make("polynomial(degree=9)", for: sine).parameterCount == 10)
        #expect(try Models.make("linear", for: sine).parameterCount == 2)
        #expect(try Models.make("LogisticRegression", for: moons).parameterCount == 3)
    }

    @Test func errorsNameTheProblem() throws {
        let moons = try Datasets.make("moons(n=20, seed=1)"), sine = try Datasets.make("sine(n=20)")
        #expect(Self.message("mpl(hidden=[4])", for: moons).contains("did you mean 'mlp'"))
        #expect(Self.message("mlp(activation='tahn')", for: moons).contains("did you mean 'tanh'"))
        #expect(Self.message("mlp(activation='sigmoid')", for: moons).contains("known: tanh, relu"))
        #expect(Self.message("mlp(hidden=[4, 0])", for: moons).contains("at least one unit"))
        #expect(Self.message("polynomial(degree=0)", for: sine).contains("degree must be at least 1"))
        #expect(Self.message("polynomial(degree=2)", for: moons).contains("fits values"))
        #expect(Self.message("linear", for: moons).contains("use 'logistic'"))
        #expect(Self.message("logistic", for: sine).contains("use 'linear'"))
    }
}
