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
        struct Output: Decodable { struct Trial: Decodable { var id: Int; var budget: Int; var value: Double; var best_so_far: Double; var unit: [Double] }; var trials: [Trial] }
        let trials = try JSONDecoder().decode(Output.self, from: Data(one.output.utf8)).trials
        #expect(trials.map(\.id) == Array(0..<6) && trials.allSatisfy { $0.budget == 40 })
        #expect(trials.last?.best_so_far == trials.map(\.value).min())
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
