import Foundation
import Testing
@testable import DescentCLI

/// `descent search`: specs, samplers from the command line, output formats, jobs.
@Suite struct SearchCommandTests {}

extension SearchCommandTests {
    static let spec = """
        objective: {trace: {surface: rosenbrock, optimizer: "Adam(lr={lr}, betas=({beta1}, 0.999))"}}
        space: {lr: loguniform(1e-4, 1), beta1: uniform(0, 0.99)}
        sampler: random()
        trials: 6
        budget: 40
        seed: 1
        """

    static func write(_ text: String) throws -> (folder: String, path: String) {
        let folder = try temporaryFolder()
        let path = folder + "/search.yaml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    @Test func printsEveryTrialTheSameForAnyJobs() throws {
        let (folder, path) = try Self.write(Self.spec)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let one = descent("search", path, "--jobs", "1"), two = descent("search", path, "--jobs", "2")
        #expect(one.status == 0 && one.output == two.output)
        struct Output: Decodable {
            struct Trial: Decodable { var id: Int; var budget: Int; var value: Double; var best_so_far: Double; var unit: [Double]; var params: [String: Double] }
            var trials: [Trial]
        }
        let trials = try JSONDecoder().decode(Output.self, from: Data(one.output.utf8)).trials
        #expect(trials.map(\.id) == Array(0..<6) && trials.allSatisfy { $0.budget == 40 })
        #expect(trials.last?.best_so_far == trials.map(\.value).min())
        // The parameters are JSON numbers within their ranges.
        #expect(trials.allSatisfy { (1e-4...1).contains($0.params["lr"]!) && (0...0.99).contains($0.params["beta1"]!) })
        let csv = descent("search", path, "--format", "csv", "--sampler", "grid(points=2)")
        let lines = csv.output.split(separator: "\n")
        #expect(lines.first == "id,budget,bracket,rung,value,diverged,best_so_far,lr,beta1,u_lr,u_beta1")
        #expect(lines.count == 1 + 4)
        #expect(lines[1].hasSuffix(",0.0001,0.0,0.0,0.0"))
    }

    @Test func hyperbandFromTheCommandLine() throws {
        let (folder, path) = try Self.write(Self.spec)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = descent("search", path, "--sampler", "hyperband(R=9, eta=3)", "--format", "csv")
        #expect(result.status == 0)
        // Brackets for R = 9, η = 3: 9×1, 3×3, 1×9; 5×3, 1×9; 3×9.
        #expect(result.output.split(separator: "\n").count == 1 + 9 + 3 + 1 + 5 + 1 + 3)
    }

    @Test(arguments: [
        (["--sampler", "hyperbnd(R=9)"], "did you mean 'hyperband'?"),
        (["--sampler", "hyperband(R=9, eta=1)"], "eta must be at least 2"),
        (["--sampler", "grid(point=3)"], "did you mean 'points'?"),
    ])
    func badSamplersAreOneClearLine(_ arguments: [String], _ message: String) throws {
        let (folder, path) = try Self.write(Self.spec)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = CommandRunner.run(["search", path] + arguments)
        #expect(result.status == 2 && result.errorOutput.contains(message), "\(result.errorOutput)")
    }

    @Test(arguments: [
        ("space: {lr: loguniform(0, 1)}", "lo > 0"),
        ("space: {lr: uniform(0, 1)}\nobjective: {trace: {surface: booth, optimizer: 'SGD(lr={rate})'}}", "{rate}"),
        ("space: {lr: uniform(0, 1)}\nobjective: {expr: 'lr^2'}\nsampler: random(\n", "sampler"),
    ])
    func badSpecsAreLocated(_ text: String, _ message: String) throws {
        let body = text.contains("objective") ? text : text + "\nobjective: {expr: 'lr^2'}"
        let (folder, path) = try Self.write(body)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = CommandRunner.run(["search", path])
        #expect(result.status == 2 && result.errorOutput.contains(path + ":") && result.errorOutput.contains(message), "\(result.errorOutput)")
    }
}

extension SearchCommandTests {
    @Test func theSpaceOptionReplacesTheSpecsSpace() throws {
        // The spec has no space of its own.
        let (folder, path) = try Self.write("objective: {trace: {surface: rosenbrock, optimizer: 'SGD(lr={lr}, momentum={momentum})'}}\nbudget: 20\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = descent("search", path, "--space", "lr=loguniform(1e-4, 1e-2), momentum=uniform(0, 0.99), layers=int(1, 3), act=choice('relu', 'tanh')",
                             "--sampler", "grid(points=2)", "--format", "csv")
        #expect(result.status == 0, "\(result.errorOutput)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.first == "id,budget,bracket,rung,value,diverged,best_so_far,lr,momentum,layers,act,u_lr,u_momentum,u_layers,u_act")
        #expect(lines.count == 1 + 2 * 2 * 2 * 2)
        // Python's spelling in CSV: floats as repr, integers bare, strings quoted.
        #expect(lines[1].contains(",0.0001,0.0,1,'relu',"))
        #expect(lines.last!.contains(",0.01,0.99,3,'tanh',"))

        let bad = CommandRunner.run(["search", path, "--space", "lr=logunifrom(1e-4, 1)"])
        #expect(bad.status == 2 && bad.errorOutput == "error: --space: lr: unknown range 'logunifrom' — did you mean 'loguniform'? (known: uniform, loguniform, int, choice)",
                "\(bad.errorOutput)")
        let missing = CommandRunner.run(["search", path])
        #expect(missing.status == 2 && missing.errorOutput.contains("needs 'space'"))
    }

    @Test func bayesianTrialsCarryTheirSurrogate() throws {
        let (folder, path) = try Self.write(Self.spec)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = descent("search", path, "--sampler", "bo(initial=3, candidates=300, restarts=2, acquisition='lcb')", "--trials", "5")
        #expect(result.status == 0, "\(result.errorOutput)")
        struct Output: Decodable {
            struct Surrogate: Decodable {
                struct Kernel: Decodable { var length_scale: [Double]; var signal_variance: Double; var noise: Double }
                var kernel: Kernel; var mean: Double; var std: Double; var ei: Double; var acquisition: Double; var best_y: Double
                var log_marginal_likelihood: Double
            }
            struct Trial: Decodable { var id: Int; var surrogate: Surrogate? }
            var trials: [Trial]
        }
        let trials = try JSONDecoder().decode(Output.self, from: Data(result.output.utf8)).trials
        #expect(trials.map { $0.surrogate != nil } == [false, false, false, true, true])
        for surrogate in trials.compactMap(\.surrogate) {
            #expect(surrogate.kernel.length_scale.count == 2 && surrogate.ei >= 0)
            // Under LCB the acquisition is −(μ − κσ); EI is reported beside it.
            #expect(abs(surrogate.acquisition + (surrogate.mean - 1.96 * surrogate.std)) < 1e-12)
        }
    }
}

extension SearchCommandTests {
    /// The example spec the README and `--help` use runs.
    @Test func theExampleSpecRuns() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("Examples/search/adam-rosenbrock.yaml").path
        let result = descent("search", path, "--trials", "3", "--format", "csv")
        #expect(result.status == 0, "\(result.errorOutput)")
        #expect(result.output.split(separator: "\n").count == 1 + 3)
    }
}
