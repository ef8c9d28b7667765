import ArgumentParser
import Foundation

/// How many threads a command works on: `--jobs N` (default: every core).
struct JobsOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Threads working at once (default: every core), 1 to 256. The files are the same for any number.",
                               valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs { guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 256, got \(jobs)") } }
    }

    /// The threads to use.
    var count: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }
}
