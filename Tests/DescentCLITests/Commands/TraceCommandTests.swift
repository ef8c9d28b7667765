import DescentCLI
import Foundation
import Simulation
import Testing

/// `descent trace` as a user runs it: the output contract and one clear line for every kind of bad input.
@Suite struct TraceCommandTests {}

extension TraceCommandTests {
    @Test func jsonOutput() throws {
        let result = descent("trace", "--surface", "rosenbrock", "--optimizer", "Adam(lr=0.05)", "--steps", "25")
        #expect(result.status == 0)
        #expect(result.errorOutput.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["points", "losses", "lrs", "diverged_at"])
        #expect(object["diverged_at"] is NSNull)
        let trace = try TraceJSON(result.output)
        #expect(trace.points.count == 26)
        #expect(trace.points[0] == [-1.5, 2.5])
        let expected = Trace.run(surface: Rosenbrock(), optimizer: try Adam(lr: 0.05), steps: 25)
        #expect(trace.points.map { SIMD2($0[0], $0[1]) } == expected.points)
        #expect(trace.losses == expected.losses)
        #expect(trace.lrs == Array(repeating: 0.05, count: 25))
    }

    @Test func csvOutput() {
        let result = descent("trace", "--surface", "booth", "--optimizer", "SGD(lr=0.01)", "--steps", "4", "--format", "csv")
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.first == "step,x,y,loss,lr")
        #expect(lines.count == 6)
        #expect(lines[1] == "0,-8.0,-6.0,\(Booth().value(at: SIMD2(-8, -6))),")
    }

    @Test func negativeStartInBothForms() throws {
        for arguments in [["--start", "-1.5,2"], ["--start=-1.5,2"], ["--start", "-1.5, -2e-1"]] {
            let result = CommandRunner.run(["trace", "--surface", "himmelblau", "--optimizer", "SGD(lr=0.01)", "--steps", "1"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.errorOutput)")
            #expect(result.output.hasPrefix("{\"points\": [[-1.5, "), "\(arguments)")
        }
    }

    @Test func defaultsAreTheSurfacesStartAndAHundredSteps() throws {
        let result = descent("trace", "--surface", "beale", "--optimizer", "Adagrad")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let points = try #require(object["points"] as? [[Double]])
        #expect(points.count == 101)
        #expect(points[0] == [Beale().start.x, Beale().start.y])
    }

    @Test func everyOptimizerOnEverySurface() throws {
        let surfaces = Surfaces.catalog.entries.map(\.name).filter { $0 != "expr" } + ["expr:0.5*(x^2 + 10*y^2)"]
        for optimizer in Optimizers.catalog.entries.map(\.name) {
            for surface in surfaces {
                let result = descent("trace", "--surface", surface, "--optimizer", optimizer, "--steps", "5", "--state")
                #expect(result.status == 0, "\(optimizer) on \(surface): \(result.errorOutput)")
                let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
                let points = (object?["points"] as? [Any])?.count ?? 0
                #expect(points >= 1, "\(optimizer) on \(surface)")
                #expect((object?["state"] as? [Any])?.count == points - 1, "\(optimizer) on \(surface)")
            }
        }
    }

    @Test func divergedRunIsAResult() throws {
        let result = descent("trace", "--surface", "expr:x^2 + y^2", "--optimizer", "SGD(lr=1e100)", "--start", "1,1")
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["diverged_at"] as? Int == 2)
        #expect((object["points"] as? [Any])?.count == 2)
    }

    @Test(arguments: [
        (["--surface", "rosenbrock", "--optimizer", "Adma(lr=0.1)"], "did you mean 'Adam'?"),
        (["--surface", "rosenbrok", "--optimizer", "Adam"], "did you mean 'rosenbrock'?"),
        (["--surface", "rosenbrock", "--optimizer", "Adam(lrr=0.1)"], "valid keys: lr, betas"),
        (["--surface", "rosenbrock", "--optimizer", "Adam(lr='a')"], "'lr' expects a number"),
        (["--surface", "rosenbrock", "--optimizer", "Adam(lr=0.1"], "expected ')'"),
        (["--surface", "rosenbrock", "--optimizer", "Adam(lr=-1)"], "Invalid learning rate: -1.0"),
        (["--surface", "expr:x^^2", "--optimizer", "Adam"], "column 8"),
        (["--surface", "rosenbrock", "--optimizer", "Adam", "--start", "a,b"], "'a' is not a finite number"),
        (["--surface", "rosenbrock", "--optimizer", "Adam", "--start", "1"], "expected two numbers"),
        (["--surface", "rosenbrock", "--optimizer", "Adam", "--start", "1,2,3"], "expected two numbers"),
        (["--surface", "rosenbrock", "--optimizer", "Adam", "--start", "nan,1"], "not a finite number"),
        (["--surface", "rosenbrock", "--optimizer", "Adam", "--steps", "0"], "--steps: must be at least 1"),
        (["--surface", "rosenbrock", "--optimizer", "Adam", "--steps", "-3"], "--steps: must be at least 1"),
        (["--surface", "rosenbrock", "--optimizer", "Adam", "--steps", "1000000000"], "at most 1000000 steps"),
        (["--surface", "rosenbrock", "--optimizer", "Adam", "--steps", "99999999999999999999999"], "expected a whole number"),
        (["--surface", "rosenbrock", "--optimizer", "Adam", "--steps", "ten"], "expected a whole number"),
        (["--surface", "rosenbrock", "--optimizer", "Adam", "--format", "xml"], "xml"),
        (["--surface", "rosenbrock"], "Missing expected argument '--optimizer"),
        (["--surface", "rosenbrock", "--optimizer", "Adam", "--stpes", "3"], "--stpes"),
    ] as [([String], String)])
    func badInputGetsOneClearLine(_ arguments: [String], _ fragment: String) {
        let result = CommandRunner.run(["trace"] + arguments)
        #expect(result.status == CommandRunner.usageStatus)
        #expect(result.output.isEmpty)
        #expect(result.errorOutput.hasPrefix("error: "))
        #expect(result.errorOutput.contains(fragment), "\(result.errorOutput)")
        let firstLine = result.errorOutput.split(separator: "\n").first ?? ""
        #expect(firstLine.contains(fragment) || result.errorOutput.contains("column"), "\(result.errorOutput)")
        #expect(!result.errorOutput.contains("Usage:"))
        #expect(result.errorOutput.split(separator: "\n").count <= 3)
    }
}
