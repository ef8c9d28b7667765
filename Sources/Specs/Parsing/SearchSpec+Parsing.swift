import Simulation
import Yams

extension SearchSpec {
    static let keys = ["objective", "space", "sampler", "trials", "budget", "seed"]
    static let samplers = ["grid", "random", "bo", "successive_halving", "hyperband"]

    /// Reads a search spec; `sampler`, `trials`, `seed` and `space` (`--space`'s text, `lr=loguniform(1e-4, 1),
    /// ...`), when given, replace the spec's. With `space` the spec may leave out its own.
    ///
    /// - Throws: ``SpecError`` at the line and column of the first problem.
    public static func parse(_ text: String, file: String, sampler samplerText: String? = nil, trials: Int? = nil,
                             seed: UInt64? = nil, space spaceText: String? = nil) throws(SpecError) -> SearchSpec {
        let object = try YAMLObject(try FigureSpec.composeYAML(text, file: file, what: "the search spec"), file: file, what: "a search spec")
        try object.requireKeys(in: keys, what: "a search spec")
        return SearchSpec(file: file, search: try parseSearch(object, sampler: samplerText, trials: trials, seed: seed, space: spaceText))
    }

    /// The search keys of a spec or panel: objective, space, sampler, trials, budget, seed.
    static func parseSearch(_ object: YAMLObject, sampler samplerText: String? = nil, trials: Int? = nil,
                            seed: UInt64? = nil, space spaceText: String? = nil) throws(SpecError) -> Search {
        let file = object.file
        let space = try parseSpace(object, file: file, option: spaceText)

        guard let objectiveNode = object["objective"] else {
            throw object.error(at: nil, "a search spec needs 'objective': {trace: {surface: ..., optimizer: ...}} or {expr: ...}")
        }
        let objectiveObject = try YAMLObject(objectiveNode, file: file, what: "'objective'")
        try objectiveObject.requireKeys(in: ["trace", "training", "expr"], what: "'objective'")
        let objective: SearchObjective
        if let traceNode = objectiveObject["trace"] {
            let trace = try YAMLObject(traceNode, file: file, what: "'trace'")
            try trace.requireKeys(in: ["surface", "optimizer", "start", "log"], what: "'trace'")
            let surface = try FigureSpec.component("surface", trace, try trace.requiredString("surface", what: "'trace'"), Surfaces.make)
            let template = try trace.requiredString("optimizer", what: "'trace'")
            objective = .trace(surface: surface, optimizer: template, start: try trace.numbers("start", count: 2).map { SIMD2($0[0], $0[1]) },
                               logValue: try trace.bool("log") ?? false)
            do { try objective.check(space) } catch { throw FigureSpec.component(error, key: "optimizer", trace) }
        } else if let trainingNode = objectiveObject["training"] {
            objective = .training(try parseTrainingObjective(try YAMLObject(trainingNode, file: file, what: "'training'"), space: space))
        } else if let text = try objectiveObject.string("expr") {
            objective = try FigureSpec.component("expr", objectiveObject, text) { text throws(InputError) in try SearchObjective.expression(text, space: space) }
        } else {
            throw objectiveObject.error(at: nil, "'objective' needs 'trace', 'training' or 'expr'")
        }

        let specSampler = try object.string("sampler")
        let budget = try object.integer("budget", in: 1...1_000_000) ?? 100
        let specTrials = try object.integer("trials", in: 1...100_000) ?? 20
        let specSeed = UInt64(try object.integer("seed", in: 0...Int(Int32.max)) ?? 0)
        let sampler: Search.Sampler
        do throws(InputError) {
            sampler = try parseSampler(samplerText ?? specSampler ?? "random()", budget: budget)
        } catch {
            if samplerText != nil { throw SpecError(file: "--sampler", error.message) }
            throw FigureSpec.component(error, key: "sampler", object)
        }
        let search = Search(space: space, objective: objective, sampler: sampler, trials: trials ?? specTrials, budget: budget, seed: seed ?? specSeed)
        try checkWork(search, runs: 1, object)
        return search
    }

    /// Refuses a search (run `runs` times: seeds × samplers) beyond ``Limits``: too many trials of Bayesian
    /// optimization, or too many evaluations, steps or epochs in all. Grids count their points.
    static func checkWork(_ search: Search, runs: Int, _ object: YAMLObject) throws(SpecError) {
        var trials = search.trials
        switch search.sampler {
        case .grid(let points):
            let perDimension = points.count == 1 ? Array(repeating: points[0], count: search.space.dimensions.count) : points
            trials = perDimension.reduce(1) { $0.multipliedReportingOverflow(by: max(1, $1)).overflow ? Int.max : $0 * max(1, $1) }
        case .bayesian:
            guard trials <= Limits.bayesianTrials else {
                throw object.error(at: object["trials"] ?? object["sampler"], "Bayesian optimization refits its model after every trial (its cost grows as trials³): "
                                   + "at most \(Limits.bayesianTrials) trials, got \(trials)")
            }
        default: break
        }
        let unit: SearchWorkUnit
        switch search.objective {
        case .expression: unit = .evaluations
        case .trace: unit = .steps
        case .training: unit = .epochs
        }
        let (evaluations, overflow) = trials.multipliedReportingOverflow(by: runs)
        do throws(InputError) {
            try Limits.checkSearch(evaluations: overflow ? Int.max : evaluations, budget: search.budget, unit: unit)
        } catch {
            throw object.error(at: object["trials"] ?? object["seeds"] ?? object["budget"], error.message)
        }
    }

    /// `{training: {dataset, model, optimizer, validation, batch_size, seed}}`: the optimizer is a template over
    /// the space's names; validation defaults to 0.3, the batch to the whole training set, the seed to 0.
    static func parseTrainingObjective(_ object: YAMLObject, space: SearchSpace) throws(SpecError) -> TrainingObjective {
        try object.requireKeys(in: ["dataset", "model", "optimizer", "validation", "batch_size", "seed"], what: "'training'")
        let datasetName = try object.requiredString("dataset", what: "'training'")
        let data = try FigureSpec.component("dataset", object, datasetName, Datasets.make)
        let modelName = try object.string("model") ?? "mlp(hidden=[16, 16])"
        let model = try FigureSpec.component("model", object, modelName) { text throws(InputError) in try Models.make(text, for: data) }
        let template = try object.requiredString("optimizer", what: "'training'")
        let validation = try object.number("validation") ?? 0.3
        guard validation > 0, validation < 1 else {
            throw object.error(at: object["validation"], "'validation' must be the fraction of the data held out, between 0 and 1, got \(validation)")
        }
        let batchSize = try object.integer("batch_size", in: 1...1_000_000)
        let seed = UInt64(try object.integer("seed", in: 0...Int(Int32.max)) ?? 0)
        let training: TrainingObjective
        do throws(InputError) {
            training = try TrainingObjective(dataset: data, validationFraction: validation, model: model, optimizer: template, batchSize: batchSize,
                                             seed: seed, names: (datasetName, modelName))
        } catch {
            let key = error.key == "batch_size" ? "batch_size" : "validation"
            throw object.error(at: object[key] ?? object["dataset"], error.message)
        }
        do { try SearchObjective.training(training).check(space) } catch { throw FigureSpec.component(error, key: "optimizer", object) }
        return training
    }

    /// `bo(initial=5, kernel='matern2.5', acquisition='ei', xi=0.01, kappa=1.96, fit=True, restarts=5,
    /// candidates=10000)`: the defaults of ``BayesianOptimization``.
    static func parseBayesian(_ component: Component, source: String) throws(InputError) -> BayesianOptimization {
        var options = BayesianOptimization()
        let keys = ["initial", "kernel", "acquisition", "xi", "kappa", "fit", "restarts", "candidates"]
        var acquisition = "ei", xi = 0.01, kappa = 1.96
        for argument in component.arguments {
            guard let key = argument.key, keys.contains(key) else {
                let hint = closestName(to: argument.key ?? "", in: keys).map { " — did you mean '\($0)'?" } ?? ""
                throw InputError("bo takes \(keys.joined(separator: ", ")), not \(argument.key ?? "a value without a name")\(hint)",
                                 source: source, column: argument.column)
            }
            func integer(_ range: ClosedRange<Int>) throws(InputError) -> Int {
                guard case .integer(let value) = argument.value, range.contains(value) else {
                    throw InputError("\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)", source: source, column: argument.column)
                }
                return value
            }
            func number() throws(InputError) -> Double {
                guard let value = argument.value.asDouble, value.isFinite, value >= 0 else {
                    throw InputError("\(key) must be a number ≥ 0", source: source, column: argument.column)
                }
                return value
            }
            func word(_ choices: [String]) throws(InputError) -> String {
                guard case .string(let value) = argument.value, choices.contains(value) else {
                    let written = if case .string(let text) = argument.value { text } else { argument.value.description }
                    let hint = closestName(to: written, in: choices).map { " — did you mean '\($0)'?" } ?? ""
                    throw InputError("\(key) must be one of \(choices.map { "'\($0)'" }.joined(separator: ", "))\(hint)", source: source, column: argument.column)
                }
                return value
            }
            switch key {
            case "initial": options.initial = try integer(1...1000)
            case "kernel": options.kernel = GaussianProcessKernel.Family(rawValue: try word(GaussianProcessKernel.Family.allCases.map(\.rawValue)))!
            case "acquisition": acquisition = try word(["ei", "pi", "lcb"])
            case "xi": xi = try number()
            case "kappa": kappa = try number()
            case "restarts": options.restarts = try integer(1...100)
            case "candidates": options.candidates = try integer(1...1_000_000)
            default:
                guard case .boolean(let value) = argument.value else { throw InputError("fit must be True or False", source: source, column: argument.column) }
                options.fit = value
            }
        }
        options.acquisition = acquisition == "ei" ? .expectedImprovement(xi: xi) : acquisition == "pi" ? .probabilityOfImprovement(xi: xi)
            : .lowerConfidenceBound(kappa: kappa)
        return options
    }

    /// `--space`'s text when given, otherwise the spec's `space:`, which it must then have.
    static func parseSpace(_ object: YAMLObject, file: String, option: String?) throws(SpecError) -> SearchSpace {
        if let option { return try parseSpaceOption(option) }
        guard let spaceNode = object["space"] else {
            throw object.error(at: nil, "a search spec needs 'space', such as {lr: loguniform(1e-4, 1)}")
        }
        return try parseSpace(spaceNode, file: file)
    }

    /// `--space "lr=loguniform(1e-4, 1), momentum=uniform(0, 0.99)"`: the dimensions split at top-level
    /// commas only (a range's own commas stay inside its parentheses), each read as in a spec.
    ///
    /// - Throws: ``SpecError`` naming `--space`, with the closest range kind for a misspelt one.
    static func parseSpaceOption(_ text: String) throws(SpecError) -> SearchSpace {
        do {
            return try SearchSpace.parse(text)
        } catch {
            throw SpecError(file: "--space", error.message)
        }
    }

    /// `space:` — a mapping of names to ranges, in block style (one per line) or as a one-line flow mapping
    /// (`{lr: loguniform(1e-4, 1), m: uniform(0, 0.9)}`).
    static func parseSpace(_ node: Node, file: String) throws(SpecError) -> SearchSpace {
        // A one-line flow mapping arrives as the quoted text `{lr: loguniform(1e-4, 1), ...}` (see
        // `FigureSpec.quotingSearchSpaces`): read it here, each top-level "name:" made "name=".
        if case .scalar(let scalar) = node, scalar.string.hasPrefix("{"), scalar.string.hasSuffix("}") {
            var depth = 0, quote: Character?, converted = "", expectingName = true
            for character in scalar.string.dropFirst().dropLast() {
                if let open = quote {
                    if character == open { quote = nil }
                    converted.append(character)
                    continue
                }
                switch character {
                case "\"": quote = character
                case "(", "[", "{": depth += 1
                case ")", "]", "}": depth -= 1
                default: break
                }
                if depth == 0 && character == "," { expectingName = true }
                if depth == 0 && character == ":" && expectingName {
                    converted.append("=")
                    expectingName = false
                    continue
                }
                converted.append(character)
            }
            do {
                return try SearchSpace.parse(converted)
            } catch {
                // The mark is the opening quote, where the spec has '{'; column 1 of `converted` follows it.
                throw SpecError(file: file, line: scalar.mark?.line, column: (scalar.mark?.column ?? 0) + (error.column ?? 1),
                                "space: \(error.message)")
            }
        }
        guard case .mapping(let mapping) = node, let mark = node.mark else {
            throw SpecError(file: file, line: node.mark?.line, column: node.mark?.column, "'space' must be a mapping of names to ranges, such as {lr: loguniform(1e-4, 1)}")
        }
        var dimensions: [SearchSpace.Dimension] = []
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard case .scalar(let scalar) = value else {
                throw SpecError(file: file, line: value.mark?.line, column: value.mark?.column, "space: \(name) must be a range such as uniform(0, 1)")
            }
            do {
                dimensions += try SearchSpace.parse("\(name)=\(scalar.string)").dimensions
            } catch {
                let column = (scalar.mark?.column ?? 1) + max(0, (error.column ?? 1) - name.count - 2)
                throw SpecError(file: file, line: scalar.mark?.line, column: column, "space: \(error.message)")
            }
        }
        guard !dimensions.isEmpty else { throw SpecError(file: file, line: mark.line, column: mark.column, "'space' needs at least one dimension") }
        return SearchSpace(dimensions)
    }

    /// `grid(points=5)` (or `points=[5, 3]`, one count per dimension), `random()`, `bo(...)`, `successive_halving(R=81, eta=3)` or `hyperband(R=81, eta=3)`; R
    /// defaults to the budget, η to 3, the grid's points to 5.
    static func parseSampler(_ text: String, budget: Int) throws(InputError) -> Search.Sampler {
        let component = try Component.parse(text)
        let name = component.name.lowercased()
        guard samplers.contains(name) else {
            let hint = closestName(to: component.name, in: samplers).map { " — did you mean '\($0)'?" } ?? ""
            throw InputError("unknown sampler '\(component.name)'\(hint) (known: \(samplers.joined(separator: ", ")))", source: text, column: 1)
        }
        if name == "bo" { return .bayesian(try parseBayesian(component, source: text)) }
        var values: [String: Int] = [:], columns: [String: Int] = [:], perDimension: [Int]?
        let allowed: [String] = name == "grid" ? ["points"] : name == "random" ? [] : ["R", "eta"]
        for argument in component.arguments {
            guard let key = argument.key, allowed.contains(key) else {
                let shown = argument.key ?? "a value without a name"
                let hint = closestName(to: argument.key ?? "", in: allowed).map { " — did you mean '\($0)'?" } ?? ""
                throw InputError("\(name) takes \(allowed.isEmpty ? "no arguments" : allowed.joined(separator: ", ")), not \(shown)\(hint)",
                                 source: text, column: argument.column)
            }
            // The grid's points may be one count per dimension: [5, 3].
            if key == "points", case .list(let items) = argument.value, !items.isEmpty {
                var counts: [Int] = []
                for item in items {
                    guard case .integer(let count) = item else {
                        throw InputError("points must be whole numbers, got \(argument.value)", source: text, column: argument.column)
                    }
                    counts.append(count)
                }
                perDimension = counts
                continue
            }
            guard case .integer(let value) = argument.value else {
                throw InputError("\(key) must be a whole number\(key == "points" ? " or a list of them, one per dimension" : ""), got \(argument.value)",
                                 source: text, column: argument.column)
            }
            values[key] = value
            columns[key] = argument.column
        }
        switch name {
        case "grid": return .grid(points: perDimension ?? [values["points"] ?? 5])
        case "random": return .random
        default:
            let (maxResource, eta) = (values["R"] ?? budget, values["eta"] ?? 3)
            do {
                _ = try Hyperband(maxResource: maxResource, eta: eta)
            } catch {
                // At the argument that is out of range (R < 1, η < 2).
                throw InputError(error.message, source: text, column: error.key.flatMap { columns[$0] } ?? 1, key: error.key)
            }
            return name == "successive_halving" ? .successiveHalving(maxResource: maxResource, eta: eta) : .hyperband(maxResource: maxResource, eta: eta)
        }
    }
}
