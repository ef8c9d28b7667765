/// A problem with what a figure was asked to draw: an unknown colormap, an impossible size, a bad value.
public struct PlottingError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    /// An error with a one-line message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
