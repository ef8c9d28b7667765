import Simulation
import Specs
import Testing

/// Search specs that cannot run: each gets one error, at its line and column, with the closest name where a
/// name was misspelt.
@Suite struct SearchSpecErrorTests {}

extension SearchSpecErrorTests {
    static let objective = "objective: {expr: 'lr^2'}\n"

    @Test(arguments: [
        // An empty range (hi = lo, hi < lo, an int range upside down, a choice of nothing), in flow and block style.
        (objective + "space: {lr: uniform(1, 1)}\n", 2, 9, "space: lr: the range is empty: lo = 1.0 must be below hi = 1.0"),
        (objective + "space:\n  lr: uniform(2, 1)\n", 3, 7, "space: lr: the range is empty"),
        ("objective: {expr: 'x^2'}\nspace: {x: uniform(0, 1), lr: int(3, 1)}\n", 2, 27, "space: lr: the range is empty: 3 > 1"),
        (objective + "space: {lr: choice()}\n", 2, 9, "space: lr: choice needs at least one value"),
        // loguniform with lo ≤ 0.
        (objective + "space: {lr: loguniform(0, 1)}\n", 2, 9, "space: lr: loguniform needs lo > 0, got 0.0"),
        (objective + "space:\n  lr: loguniform(-1e-3, 1)\n", 3, 7, "space: lr: loguniform needs lo > 0"),
        // A misspelt range kind.
        (objective + "space:\n  lr: logunifrom(1e-4, 1)\n", 3, 7, "space: lr: unknown range 'logunifrom' — did you mean 'loguniform'?"),
        // η < 2 and R < 1, at the argument.
        (objective + "space: {lr: uniform(0, 1)}\nsampler: hyperband(R=9, eta=1)\n", 3, 25, "sampler: eta must be at least 2, got 1"),
        (objective + "space: {lr: uniform(0, 1)}\nsampler: successive_halving(R=0)\n", 3, 29, "sampler: R must be at least 1, got 0"),
        // Unknown samplers and keys, the closest suggested.
        (objective + "space: {lr: uniform(0, 1)}\nsampler: hyprband(R=9)\n", 3, 10, "sampler: unknown sampler 'hyprband' — did you mean 'hyperband'?"),
        (objective + "space: {lr: uniform(0, 1)}\nsampler: grid(point=3)\n", 3, 15, "sampler: grid takes points, not point — did you mean 'points'?"),
        (objective + "space: {lr: uniform(0, 1)}\nsampler: bo(acquisition='lbc')\n", 3, 13, "sampler: acquisition must be one of 'ei', 'pi', 'lcb' — did you mean 'lcb'?"),
        (objective + "space: {lr: uniform(0, 1)}\nsampelr: random()\n", 3, 1, "unknown key 'sampelr' in a search spec — did you mean 'sampler'?"),
        // A template naming a dimension that does not exist, at its '{'.
        ("objective: {trace: {surface: booth, optimizer: 'SGD(lr={lrr})'}}\nspace: {lr: uniform(0, 1)}\n", 1, 56,
         "optimizer: the template names {lrr}, which is not a dimension of the space — did you mean '{lr}'?"),
    ] as [(String, Int, Int, String)])
    func oneLocatedError(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        let error = #expect(throws: SpecError.self) { try SearchSpec.parse(text, file: "search.yaml") }
        #expect(error?.file == "search.yaml")
        #expect(error?.line == line && error?.column == column, "\(error?.description ?? "")")
        #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
        #expect(error?.description.contains("\n") == false)
    }

    @Test(arguments: [
        ("lr=logunifrom(1e-4, 1)", "lr: unknown range 'logunifrom' — did you mean 'loguniform'?"),
        ("lr=loguniform(0, 1)", "lr: loguniform needs lo > 0, got 0.0"),
        ("lr=uniform(1, 0.5)", "lr: the range is empty"),
        ("lr=loguniform(1e-4, 1), lr=uniform(0, 1)", "'lr' is given twice"),
        ("", "a search space needs at least one dimension"),
    ])
    func badSpaceOptionsNameTheOption(_ space: String, _ message: String) {
        let error = #expect(throws: SpecError.self) { try SearchSpec.parse(Self.objective, file: "search.yaml", space: space) }
        #expect(error?.file == "--space" && error?.line == nil)
        #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
        #expect(error?.description.hasPrefix("--space: ") == true)
    }

    @Test func theSpaceOptionReplacesTheSpecsSpace() throws {
        let option = "lr=loguniform(1e-4, 1), momentum=uniform(0, 0.99), layers=int(1, 3), act=choice('relu', 'tanh')"
        let spec = try SearchSpec.parse("objective: {trace: {surface: booth, optimizer: 'SGD(lr={lr}, momentum={momentum})'}}\nspace: {x: uniform(0, 1)}\n",
                                        file: "search.yaml", space: option)
        // Split at the top-level commas only: the ranges keep their own.
        #expect(spec.search.space == (try SearchSpace.parse(option)))
        #expect(spec.search.space.dimensions.map(\.name) == ["lr", "momentum", "layers", "act"])
        #expect(spec.search.space.dimensions[0].range == .logUniform(1e-4, 1))
        #expect(spec.search.space.dimensions[3].range == .choice([.string("relu"), .string("tanh")]))
        // The spec may then leave its space out.
        let bare = try SearchSpec.parse(Self.objective, file: "search.yaml", space: "lr=uniform(-1, 1)")
        #expect(bare.search.space.dimensions.map(\.name) == ["lr"] && bare.search.space.dimensions[0].range == .uniform(-1, 1))
        // Without --space it may not.
        let error = #expect(throws: SpecError.self) { try SearchSpec.parse(Self.objective, file: "search.yaml") }
        #expect(error?.message.contains("needs 'space'") == true)
    }
}
