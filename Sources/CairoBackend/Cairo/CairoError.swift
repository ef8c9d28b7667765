import CCairo

/// A failure reported by cairo: the status it returned and what Descent was doing at the time.
///
/// Every `cairo_status_t` the back end receives is checked; a status other than success becomes this
/// error. `message` is cairo's own text for the status (`cairo_status_to_string`).
public struct CairoError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The raw `cairo_status_t` value.
    public let status: Int
    /// Cairo's description of the status.
    public let message: String
    /// What the back end was doing, e.g. "creating the PNG surface".
    public let operation: String

    /// Wraps `status`, which must not be success.
    init(_ status: cairo_status_t, while operation: String) {
        self.status = Int(status.rawValue)
        self.message = cairo_status_to_string(status).map { String(cString: $0) } ?? "unknown cairo status"
        self.operation = operation
    }

    public var description: String { "cairo failed while \(operation): \(message) (status \(status))" }

    /// Throws when `status` is not success.
    ///
    /// - Throws: `CairoError` for any status other than `CAIRO_STATUS_SUCCESS`.
    static func check(_ status: cairo_status_t, while operation: String) throws {
        if status != CAIRO_STATUS_SUCCESS { throw CairoError(status, while: operation) }
    }
}
