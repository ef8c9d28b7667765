import ArgumentParser

/// Where a command that writes files puts them: `--out DIR`.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The folder to write into (created when missing).", valueName: "dir"))
    var out: String
}
