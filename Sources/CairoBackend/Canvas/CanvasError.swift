/// A drawing operation that the Cairo canvas could not carry out because its input was invalid: a
/// non-finite coordinate, a negative line width, an image whose pixel count does not match its size.
///
/// These are bugs in the figure code rather than in the user's spec; the message says which operation.
public struct CanvasError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong.
    public let message: String

    /// An error saying `message`.
    init(_ message: String) { self.message = message }

    public var description: String { "cannot draw: \(message)" }
}
