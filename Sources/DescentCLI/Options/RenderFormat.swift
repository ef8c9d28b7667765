import ArgumentParser
import CairoBackend

/// A kind of file `descent render` writes for each spec (`--format`).
enum RenderFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case png
    case svg
    case pdf
    case csv
    case json

    /// What `--help` says about each value.
    var defaultValueDescription: String {
        switch self {
        case .png: "an image, at --scale device pixels per layout unit"
        case .svg: "a vector image (SVG 1.1)"
        case .pdf: "a one-page vector document"
        case .csv: "the numbers behind every mark, as one table"
        case .json: "the figure's simulation record (runs, schedules, training, fits)"
        }
    }

    /// The figure file the backend draws for this format (nil for a data format).
    var figureFormat: FigureFormat? {
        switch self {
        case .png: .png
        case .svg: .svg
        case .pdf: .pdf
        case .csv, .json: nil
        }
    }

    /// The data file this format writes (nil for a figure format).
    var dataFormat: DataFormat? {
        switch self {
        case .csv: .csv
        case .json: .json
        case .png, .svg, .pdf: nil
        }
    }
}
