import ArgumentParser
import CairoBackend
import Foundation

/// Where a command that writes files puts them: `--out DIR`.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The folder to write into (created when missing).", valueName: "dir"))
    var out: String

    /// Creates, checks and locks `path` for this command (``OutputFolder``), telling standard error when it
    /// has to wait for another run writing there.
    static func open(_ path: String, subfolders: [String] = []) throws -> OutputFolder {
        try OutputFolder.prepare(path, subfolders: subfolders) { message in
            FileHandle.standardError.write(Data("descent: \(message)\n".utf8))
        }
    }
}
