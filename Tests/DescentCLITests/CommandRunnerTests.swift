import DescentCLI
import Testing

/// `CommandRunner`: how a run ends — its status and what it prints.
@Suite struct CommandRunnerTests {}

extension CommandRunnerTests {
    @Test func helpSucceeds() {
        let result = descent("trace", "--help")
        #expect(result.status == 0)
        #expect(result.output.contains("--optimizer"))
        #expect(descent("--help").output.contains("trace"))
    }
}
