import DescentCLI
import Foundation

/// Runs `descent` in-process with `arguments`.
func descent(_ arguments: String...) -> CommandRunner.Result {
    CommandRunner.run(arguments)
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "descent-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
