import Foundation
import Simulation
import Testing

/// Search spaces, samplers and Hyperband schedules on cheap objectives.
@Suite struct SearchTests {}

extension SearchTests {
    @Test func dimensionsMapTheUnitCube() throws {
        let space = try SearchSpace.parse("lr=loguniform(1e-4, 1), momentum=uniform(0, 0.9), layers=int(1, 3), act=choice('relu', 'tanh')")
        #expect(space.dimensions.map(\.name) == ["lr", "momentum", "layers", "act"])
        let middle = space.values(at: [0.5, 0.5, 0.5, 0.5])
        #expect(abs(middle[0].asDouble! - 1e-2) < 1e-15)          // the geometric mean
        #expect(middle[1].asDouble == 0.45)
        #expect(middle[2] == .integer(2) && middle[3] == .string("tanh"))
        #expect(space.values(at: [0, 0, 0, 0]).map(\.description) == ["0.0001", "0.0", "1", "'relu'"])
        #expect(space.values(at: [1, 1, 1, 1])[2] == .integer(3))
        #expect(try space.fill("SGD(lr={lr}, momentum={momentum})", at: [1, 0, 0, 0]) == "SGD(lr=1.0, momentum=0.0)")
    }

    @Test(arguments: [
        ("lr=loguniform(0, 1)", "lo > 0"),
        ("lr=uniform(1, 1)", "the range is empty"),
        ("lr=logunifrom(1e-4, 1)", "did you mean 'loguniform'?"),
        ("lr=uniform(0, 1), lr=uniform(0, 2)", "given twice"),
        ("uniform(0, 1)", "needs a name"),
    ])
    func badSpacesAreRefused(_ text: String, _ message: String) {
        let error = #expect(throws: InputError.self) { try SearchSpace.parse(text) }
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test func aTemplateMayOnlyNameDimensions() throws {
        let space = try SearchSpace.parse("lr=loguniform(1e-4, 1)")
        let error = #expect(throws: InputError.self) { try space.fill("Adam(lr={lr}, betas=({beta1}, 0.999))", at: [0.5]) }
        #expect(error?.message.contains("{beta1}") == true)
    }

    @Test func gridTestsEveryCombinationWithTheEnds() throws {
        let space = try SearchSpace.parse("x=uniform(0, 1), y=loguniform(1e-4, 1)")
        let search = Search(space: space, objective: try .expression("x + y", space: space), sampler: .grid(points: [3]))
        let trials = try search.run()
        #expect(trials.count == 9)
        #expect(Set(trials.map { $0.params["x"]! }) == [.number(0), .number(0.5), .number(1)])
        // The Python spelling is the space's.
        #expect(Set(trials.map { space.value(0, at: $0.unit[0]).description }) == ["0.0", "0.5", "1.0"])
        let ys = Set(trials.map { $0.params["y"]!.asDouble! })
        #expect(ys.count == 3 && ys.contains(1e-4) && ys.contains(1) && ys.contains { abs($0 - 1e-2) < 1e-15 })
        #expect(trials.map(\.value) == trials.map { $0.params["x"]!.asDouble! + $0.params["y"]!.asDouble! })
        #expect(trials.map(\.bestSoFar) == trials.indices.map { k in trials[...k].map(\.value).min()! })
    }

    @Test func gridPointsMayDifferByDimension() throws {
        let space = try SearchSpace.parse("x=uniform(0, 1), y=uniform(0, 1)")
        let trials = try Search(space: space, objective: try .expression("x + y", space: space), sampler: .grid(points: [3, 2])).run()
        #expect(trials.map(\.unit) == [[0, 0], [0, 1], [0.5, 0], [0.5, 1], [1, 0], [1, 1]])
        #expect(throws: InputError.self) {
            try Search(space: space, objective: try .expression("x + y", space: space), sampler: .grid(points: [3, 2, 2])).run()
        }
        #expect(throws: InputError.self) {
            try Search(space: space, objective: try .expression("x + y", space: space), sampler: .grid(points: [3, 0])).run()
        }
    }

    @Test func randomSearchIsSeeded() throws {
        let space = try SearchSpace.parse("x=uniform(-1, 1), y=uniform(-1, 1)")
        let objective = try SearchObjective.expression("(x - 0.3)^2 + 2*(y + 0.2)^2", space: space)
        let a = try Search(space: space, objective: objective, sampler: .random, trials: 25, seed: 7).run()
        let b = try Search(space: space, objective: objective, sampler: .random, trials: 25, seed: 7).run()
        let c = try Search(space: space, objective: objective, sampler: .random, trials: 25, seed: 8).run()
        #expect(a == b && a != c && a.count == 25)
        #expect(a.allSatisfy { $0.unit.allSatisfy { (0..<1).contains($0) } })
        #expect(a.last!.bestSoFar == a.map(\.value).min()!)
    }

    @Test func hyperbandRunsThePapersRungsAndKeepsTheBest() throws {
        let space = try SearchSpace.parse("x=uniform(0, 1)")
        let search = Search(space: space, objective: try .expression("(x - 0.4)^2", space: space), sampler: .hyperband(maxResource: 27, eta: 3), seed: 3)
        let trials = try search.run()
        let hyperband = try Hyperband(maxResource: 27, eta: 3)
        #expect(trials.count == hyperband.brackets.flatMap(\.rungs).map(\.count).reduce(0, +))
        for bracket in hyperband.brackets {
            for (i, rung) in bracket.rungs.enumerated() {
                let ran = trials.filter { $0.bracket == bracket.s && $0.rung == i }
                #expect(ran.count == rung.count && ran.allSatisfy { $0.budget == Int(rung.resource.rounded(.up)) })
                if i > 0 {
                    // The survivors of rung i − 1 are its best ⌊n/η⌋.
                    let previous = trials.filter { $0.bracket == bracket.s && $0.rung == i - 1 }
                    let best = previous.sorted { ($0.value, $0.id) < ($1.value, $1.id) }.prefix(ran.count).map(\.id)
                    #expect(ran.map(\.id) == Array(best))
                }
            }
        }
        // Each configuration has one id; ids are fresh in every bracket.
        #expect(Set(trials.filter { $0.rung == 0 }.map(\.id)).count == trials.filter { $0.rung == 0 }.count)
    }

    @Test func successiveHalvingIsTheMostExploratoryBracket() throws {
        let space = try SearchSpace.parse("x=uniform(0, 1)")
        let trials = try Search(space: space, objective: try .expression("x", space: space), sampler: .successiveHalving(maxResource: 9, eta: 3)).run()
        #expect(trials.map(\.budget) == Array(repeating: 1, count: 9) + Array(repeating: 3, count: 3) + [9])
    }

    @Test func anyOrderOfEvaluationGivesTheSameTrials() throws {
        let space = try SearchSpace.parse("lr=loguniform(1e-3, 0.1)")
        let objective = SearchObjective.trace(surface: try Surfaces.make("rosenbrock"), optimizer: "Adam(lr={lr})", start: nil, logValue: false)
        let search = Search(space: space, objective: objective, sampler: .random, trials: 6, budget: 50, seed: 1)
        let backwards: Search.BatchMap = { count, body in
            var results = Array(repeating: (value: 0.0, diverged: false), count: count)
            for k in (0..<count).reversed() { results[k] = body(k) }
            return results
        }
        let serial = try search.run()
        #expect(try search.run(map: backwards) == serial)
        // Each value is the final loss of the same run made directly.
        for trial in serial {
            let trace = Trace.run(surface: Rosenbrock(), optimizer: try Optimizers.make("Adam(lr=\(space.value(0, at: trial.unit[0])))"), steps: 50)
            #expect(trial.value == trace.losses.last!)
        }
    }
}

extension SearchTests {
    /// Random search on a log-uniform dimension is uniform in log space: the Kolmogorov–Smirnov statistic of
    /// 2,000 draws of log(lr) against the uniform law stays below the 1% critical value 1.63/√n.
    @Test func logUniformDrawsPassAKolmogorovSmirnovTest() throws {
        let space = try SearchSpace.parse("lr=loguniform(1e-5, 1)")
        let trials = try Search(space: space, objective: try .expression("lr", space: space), sampler: .random, trials: 2000, seed: 11).run()
        let logs = trials.map { Foundation.log($0.params["lr"]!.asDouble!) }.sorted()
        let lo = Foundation.log(1e-5), hi = Foundation.log(1.0)
        var statistic = 0.0
        for (k, value) in logs.enumerated() {
            let cdf = (value - lo) / (hi - lo)
            statistic = max(statistic, abs(Double(k + 1) / Double(logs.count) - cdf), abs(cdf - Double(k) / Double(logs.count)))
        }
        #expect(statistic < 1.63 / Double(logs.count).squareRoot(), "D = \(statistic)")
        #expect(logs.first! >= lo && logs.last! <= hi)
    }
}

extension SearchTests {
    /// Trials survive JSON: numeric parameters as JSON numbers (integers without a fraction), choices as
    /// strings; decoding gives equal trials, and encoding those the same bytes.
    @Test func trialsRoundTripThroughJSON() throws {
        let space = try SearchSpace.parse("lr=loguniform(1e-4, 1), momentum=uniform(0, 0.99), layers=int(1, 3), act=choice('relu', 'tanh')")
        let objective = SearchObjective.trace(surface: try Surfaces.make("booth"), optimizer: "SGD(lr={lr}, momentum={momentum})", start: nil, logValue: true)
        var options = BayesianOptimization()
        options.initial = 3
        options.candidates = 200
        options.restarts = 2
        for sampler in [Search.Sampler.grid(points: [2]), .random, .bayesian(options), .hyperband(maxResource: 9, eta: 3)] {
            let trials = try Search(space: space, objective: objective, sampler: sampler, trials: 5, budget: 10, seed: 4).run()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(trials)
            let decoded = try JSONDecoder().decode([SearchTrial].self, from: data)
            #expect(decoded == trials, "\(sampler)")
            #expect(try encoder.encode(decoded) == data, "\(sampler)")

            // Numbers, not quoted strings (a JSON string would not decode as a Double); the choice as its bare string.
            struct Row: Decodable {
                struct Params: Decodable { var lr: Double; var momentum: Double; var layers: Int; var act: String }
                var params: Params
            }
            let rows = try JSONDecoder().decode([Row].self, from: data)
            for (row, trial) in zip(rows, trials) {
                #expect(row.params.lr == trial.params["lr"]?.asDouble && row.params.momentum == trial.params["momentum"]?.asDouble)
                #expect(space.value(2, at: trial.unit[2]) == .integer(row.params.layers))
                #expect(row.params.act == (trial.unit[3] < 0.5 ? "relu" : "tanh"))
            }
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("\"lr\":\"") && !text.contains("\"layers\":\"") && !text.contains("\"momentum\":\""))
            #expect(trials.allSatisfy { text.contains("\"layers\":\(space.value(2, at: $0.unit[2]))") })   // 2, not 2.0
        }
    }

    @Test func searchValuesFromTheSpace() {
        #expect(SearchValue(.integer(3)) == .number(3) && SearchValue(.number(0.01)) == .number(0.01))
        #expect(SearchValue(.string("relu")) == .text("relu") && SearchValue(.boolean(true)) == .text("True"))
        #expect(SearchValue(.tuple([.number(0.9), .number(0.999)])) == .text("(0.9, 0.999)"))
        #expect([SearchValue.number(3), .number(0.5), .number(1e-05), .text("relu")].map(\.description) == ["3", "0.5", "1e-05", "relu"])
    }
}
