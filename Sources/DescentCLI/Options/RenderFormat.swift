import ArgumentParser
import CairoBackend

/// A kind of file `descent render` writes for each spec (`--format`).
enum RenderFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case png
    case svg
    case pdf

    /// What `--help` says about each value.
    var defaultValueDescription: String {
        switch self {
        case .png: "an image, at --scale device pixels per layout unit"
        case .svg: "a vector image (SVG 1.1)"
        case .pdf: "a one-page vector document"
        }
    }

    /// The figure file the backend draws for this format.
    var figureFormat: FigureFormat {
        switch self {
        case .png: .png
        case .svg: .svg
        case .pdf: .pdf
        }
    }
}
