/// The PNG encoder could not encode an image: libpng's message, or what was wrong with the input.
public struct PNGError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let message: String

    /// An error saying `message`.
    init(_ message: String) { self.message = message }

    public var description: String { "PNG encoding failed: \(message)" }
}
