import ArgumentParser
import Foundation
import Simulation
import Specs

/// `descent search`: runs a hyperparameter search and prints its trials.
struct SearchCommand: TextCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Run a hyperparameter search (grid, random, Bayesian optimization, successive halving, Hyperband) and print every trial.",
        discussion: """
        The spec names an objective ({trace: {surface, optimizer template}} or {expr: formula}), a space \
        ({lr: loguniform(1e-4, 1), ...}), a sampler, the trials and the budget (steps per trial). --sampler, \
        --trials, --seed and --space replace the spec's; with --space the spec may leave its space out. \
        Ranges: uniform(lo, hi), loguniform(lo, hi) with lo > 0, int(lo, hi), choice(a, b, ...). Trials run on \
        --jobs threads; the output is the same for any number.

        JSON output: {"trials": [...]}, one object per evaluation in order: id (the configuration; under \
        successive halving and Hyperband the same id comes back at larger budgets), params (numbers for \
        uniform, loguniform, int and numeric choices; strings for other choices), unit (the point in the unit \
        cube), budget, bracket (s) and rung (i) under successive halving and Hyperband, value, diverged, \
        best_so_far. Every Bayesian-optimization trial after the initial random ones also has surrogate, the \
        Gaussian process fitted on all earlier trials: kernel {length_scale (one per dimension, unit-cube \
        units), signal_variance, noise (standardized-target units), family}, and at the chosen point mean and \
        std (latent, objective's units), ei (expected improvement with the configured xi, 0.01 under lcb), \
        acquisition (the value of the acquisition that chose the point), best_y and log_marginal_likelihood \
        (of the standardized targets). Numbers are written to round-trip. CSV output has one row per trial, \
        the parameters in Python's spelling.

        Examples (Examples/search/adam-rosenbrock.yaml is a spec to start from):
          descent search spec.yaml --sampler 'hyperband(R=81, eta=3)'
          descent search spec.yaml --sampler 'grid(points=4)' --format csv
          descent search spec.yaml --sampler 'bo(initial=5)' --trials 10 \\
            --space 'lr=loguniform(1e-4, 1), beta1=uniform(0, 0.99)'
        """
    )

    @Argument(help: ArgumentHelp("The search spec (YAML).", valueName: "spec"))
    var spec: String

    @Option(help: ArgumentHelp("The sampler, replacing the spec's: grid(points=5), random(), bo(initial=5, acquisition='ei'), "
                               + "successive_halving(R=81, eta=3), hyperband(R=81, eta=3).", valueName: "sampler"))
    var sampler: String?

    @Option(help: ArgumentHelp("The search space, replacing the spec's: name=range pairs separated by commas, such as "
                               + "'lr=loguniform(1e-4, 1), momentum=uniform(0, 0.99)'.", valueName: "space"))
    var space: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Trials of random search and bo, replacing the spec's (1 to 100000).", valueName: "n"))
    var trials: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("The seed, replacing the spec's.", valueName: "n"))
    var seed: UInt64?

    @OptionGroup var threads: JobsOptions

    @Option(help: "Output format: json or csv.")
    var format: DataFormat = .json

    func validate() throws {
        if let trials { guard (1...100_000).contains(trials) else { throw ValidationError("--trials must be between 1 and 100000, got \(trials)") } }
    }

    func output() throws -> String {
        let parsed = try SearchSpec.parse(try readSpec(spec), file: spec, sampler: sampler, trials: trials, seed: seed, space: space)
        let jobs = threads.count
        let results = try parsed.search.run { count, body in Self.parallel(count, jobs: jobs, body) }
        switch format {
        case .json: return try Self.json(results)
        case .csv: return Self.csv(results, space: parsed.search.space)
        }
    }

    /// `body` for 0..<count on up to `jobs` threads, the results in order.
    static func parallel(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> (value: Double, diverged: Bool)) -> [(value: Double, diverged: Bool)] {
        guard jobs > 1, count > 1 else { return (0..<count).map(body) }
        let results = UnsafeMutableBufferPointer<(value: Double, diverged: Bool)>.allocate(capacity: count)
        defer { results.deallocate() }
        let slots = Slots(results)
        DispatchQueue.concurrentPerform(iterations: count) { k in slots.store(body(k), at: k) }
        return Array(results)
    }

    /// The trials as one JSON object, numbers in full precision ("Infinity" for a run that never had a finite loss).
    static func json(_ trials: [SearchTrial]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return String(decoding: try encoder.encode(["trials": trials]), as: UTF8.self)
    }

    /// One row per trial: `id,budget,bracket,rung,value,diverged,best_so_far`, then each parameter in Python's
    /// spelling (`3`, `0.01`, `'relu'`) and its unit coordinate.
    static func csv(_ trials: [SearchTrial], space: SearchSpace) -> String {
        let names = space.dimensions.map(\.name)
        let header = ["id", "budget", "bracket", "rung", "value", "diverged", "best_so_far"] + names + names.map { "u_\($0)" }
        let rows = trials.map { trial -> String in
            var cells: [String] = [String(trial.id), String(trial.budget)]
            cells.append(trial.bracket.map { String($0) } ?? "")
            cells.append(trial.rung.map { String($0) } ?? "")
            cells += [pythonRepr(trial.value), String(trial.diverged), pythonRepr(trial.bestSoFar)]
            cells += space.values(at: trial.unit).map(\.description)
            cells += trial.unit.map { pythonRepr($0) }
            return cells.joined(separator: ",")
        }
        return ([header.joined(separator: ",")] + rows).joined(separator: "\n")
    }
}

/// Result slots written by different threads, each slot by one thread.
private final class Slots: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<(value: Double, diverged: Bool)>
    init(_ buffer: UnsafeMutableBufferPointer<(value: Double, diverged: Bool)>) { self.buffer = buffer }
    func store(_ value: (value: Double, diverged: Bool), at index: Int) { buffer[index] = value }
}
