import DescentCLI
import Testing

/// Runs `descent COMMAND` with each case's arguments and expects a usage error: status 2 and one line on
/// standard error naming `message`, ending with a pointer to the command's help exactly when `hint` is set
/// (what the parser refuses has one; a bad spec or component says where it is wrong instead).
func expectUsageErrors(_ command: String, _ cases: [(arguments: [String], message: String, hint: Bool)],
                       sourceLocation: SourceLocation = #_sourceLocation) {
    for (arguments, message, hint) in cases {
        let result = CommandRunner.run([command] + arguments)
        #expect(result.status == CommandRunner.usageStatus, "\(arguments)", sourceLocation: sourceLocation)
        #expect(result.output.isEmpty, sourceLocation: sourceLocation)
        #expect(result.errorOutput.hasPrefix("error: "), "\(result.errorOutput)", sourceLocation: sourceLocation)
        #expect(result.errorOutput.contains(message), "\(result.errorOutput)", sourceLocation: sourceLocation)
        #expect(result.errorOutput.hasSuffix(" (see 'descent \(command) --help')") == hint, "\(result.errorOutput)",
                sourceLocation: sourceLocation)
        #expect(result.errorOutput.split(separator: "\n").count == 1, "\(result.errorOutput)", sourceLocation: sourceLocation)
    }
}
