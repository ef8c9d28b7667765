/// A figure could not be rendered or written, for a reason other than cairo, libpng or a missing font
/// (those have their own error types: `CairoError`, `PNGError`, `MissingFontError`, `CanvasError`).
public enum RenderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The request cannot describe a file (a zero or absurd size, a bad scale or level).
    case invalidRequest(String)
    /// Writing the file failed; nothing was left under the final name.
    case writeFailed(path: String, reason: String)
    /// The output folder cannot be created, written or used safely; the message names it and why.
    case outputFolder(String)

    public var description: String {
        switch self {
        case .invalidRequest(let message): "invalid render request: \(message)"
        case .writeFailed(let path, let reason): "cannot write '\(path)': \(reason)"
        case .outputFolder(let message): message
        }
    }
}
