import ArgumentParser

/// How a command prints numbers: one JSON object, or a CSV table.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case csv
}
