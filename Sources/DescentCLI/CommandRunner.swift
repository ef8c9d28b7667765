import ArgumentParser
import Foundation
import Simulation
import Specs
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `descent` with a list of arguments and reports what it printed and its exit status.
///
/// Every failure becomes one clear line on standard error (`error: ...`, plus the offending text and a caret
/// when a column is known) and a non-zero status:
///
/// - ``usageStatus`` (2) for a usage error: arguments the parser refuses (followed by a pointer to the
///   command's `--help`), and bad input such as a malformed spec or an unknown component (``InputError``,
///   ``SpecError``, whose messages name the option or the file's line and column themselves);
/// - ``failureStatus`` (1) for a failure while working: a file that cannot be written, a renderer or
///   encoder that fails.
///
/// `--help` prints help and succeeds.
public enum CommandRunner {
    /// What one run printed and how it ended.
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var errorOutput: String
    }

    /// Status for a usage error: bad arguments or bad input.
    public static let usageStatus: Int32 = 2

    /// Status for a failure while working, such as an output folder that cannot be written.
    public static let failureStatus: Int32 = 1

    /// Parses `arguments` (without the program name), runs the command and captures what it prints.
    public static func run(_ arguments: [String]) -> Result {
        do {
            var command = try DescentCommand.parseAsRoot(arguments)
            if let textCommand = command as? any TextCommand {
                return Result(status: 0, output: try textCommand.output(), errorOutput: "")
            }
            // Help and command groups run through ArgumentParser, which reports help as a clean exit.
            try command.run()
            return Result(status: 0, output: "", errorOutput: "")
        } catch let error as InputError {
            return Result(status: usageStatus, output: "", errorOutput: "error: \(error)")
        } catch let error as SpecError {
            return Result(status: usageStatus, output: "", errorOutput: "error: \(error)")
        } catch {
            let code = DescentCommand.exitCode(for: error)
            if code.isSuccess {
                return Result(status: 0, output: DescentCommand.fullMessage(for: error), errorOutput: "")
            }
            let message = DescentCommand.message(for: error)
            if code == .validationFailure {
                return Result(status: usageStatus, output: "", errorOutput: "error: \(message)\(helpHint(for: arguments))")
            }
            return Result(status: failureStatus, output: "", errorOutput: "error: \(failureMessage(for: error) ?? message)")
        }
    }

    /// Runs with the process's arguments, prints, and exits with the status.
    public static func main() -> Never {
        let result = run(Array(CommandLine.arguments.dropFirst()))
        if !result.output.isEmpty { print(result.output) }
        if !result.errorOutput.isEmpty {
            var message = result.errorOutput + "\n"
            message.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
        }
        exit(result.status)
    }

    /// Foundation's file errors as "PATH: reason" (their own description is a dump of their fields); nil for
    /// other errors, which describe themselves.
    private static func failureMessage(for error: any Error) -> String? {
        guard let error = error as? CocoaError else { return nil }
        return error.filePath.map { "\($0): \(error.localizedDescription)" } ?? error.localizedDescription
    }

    /// " (see 'descent SUB --help')" for the subcommand the arguments name.
    private static func helpHint(for arguments: [String]) -> String {
        let names = DescentCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
        if let sub = arguments.first, names.contains(sub) { return " (see 'descent \(sub) --help')" }
        return " (see 'descent --help')"
    }
}
