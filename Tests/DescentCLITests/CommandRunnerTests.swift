import DescentCLI
import Testing

/// `CommandRunner`: how a run ends — its exit status and what it prints.
@Suite struct CommandRunnerTests {}

extension CommandRunnerTests {
    @Test func helpSucceeds() {
        let result = descent("trace", "--help")
        #expect(result.status == 0)
        #expect(result.output.contains("--optimizer"))
        #expect(descent("--help").output.contains("trace"))
    }

    @Test func theRootHelpDocumentsTheExitStatuses() {
        let help = descent("--help").output
        #expect(help.contains("Exit status: 0 on success; 1 when the work fails"))
        #expect(help.contains("2 for a usage error"))
    }

    /// A usage error exits 2. What the parser refuses ends with a pointer to the command's help; bad input
    /// (a component, a spec) says where it is wrong instead.
    @Test(arguments: [
        (["trace", "--surface", "booth", "--optimizer", "SGD", "--format", "xml"],
         "The value 'xml' is invalid for '--format <format>'. Please provide one of 'json' and 'csv'.", " (see 'descent trace --help')"),
        (["trace", "--surface", "booth"], "Missing expected argument '--optimizer <optimizer>'", " (see 'descent trace --help')"),
        (["animate", "spec.yaml", "--out", "out", "--jobs", "0"], "--jobs must be between 1 and 256, got 0", " (see 'descent animate --help')"),
        (["fly"], "Unexpected argument 'fly'", " (see 'descent --help')"),
        (["trace", "--surface", "booth", "--optimizer", "Adma"], "--optimizer: unknown optimizer 'Adma' — did you mean 'Adam'?", nil),
        (["train", "--dataset", "moons(n=100)", "--epochs=0"], "--epochs must be between 1 and 100000, got 0", nil),
    ] as [([String], String, String?)])
    func usageErrorsExitWithStatus2(_ arguments: [String], _ message: String, _ hint: String?) {
        let result = CommandRunner.run(arguments)
        #expect(result.status == CommandRunner.usageStatus)
        #expect(result.output.isEmpty)
        #expect(result.errorOutput.hasPrefix("error: "))
        #expect(result.errorOutput.contains(message), "\(result.errorOutput)")
        let firstLine = result.errorOutput.split(separator: "\n")[0]
        if let hint {
            #expect(firstLine.hasSuffix(hint), "\(result.errorOutput)")
        } else {
            #expect(!result.errorOutput.contains("--help"), "\(result.errorOutput)")
        }
    }
}
