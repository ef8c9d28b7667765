/// A problem with a figure spec, located in its file: `Gallery/adam.yaml:12:5: unknown key 'optimiser' —
/// did you mean 'optimizer'?`.
public struct SpecError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    /// An error in `file` at `line`:`column` (1-based) when known.
    public init(file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return "\(place): \(message)"
    }
}
