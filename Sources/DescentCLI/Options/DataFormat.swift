import ArgumentParser

/// How `trace`, `schedule` and `train` print their numbers: one JSON object, or a CSV table.
enum DataFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case csv
}
