/// A trial's value for one dimension, as JSON holds it: a number for `uniform`, `loguniform` and `int`
/// dimensions and for numeric choices, text for every other choice (a string choice bare, `relu`; anything
/// else in Python's spelling, `True`, `None`, `(0.9, 0.999)`).
///
/// Integers are exact Doubles, so a JSON number always reads back as ``number(_:)`` and a JSON string as
/// ``text(_:)``: decoding gives an equal value, and encoding it again the same bytes. Whether a number was an
/// integer lives in the space, not here: the Python spelling a template or the CSV needs is the space's
/// (`space.value(index, at: trial.unit[index]).description`).
public enum SearchValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case number(Double)
    case text(String)

    /// The JSON form of a value of the space (``SearchSpace/value(_:at:)``).
    public init(_ value: ComponentValue) {
        switch value {
        case .integer, .number: self = .number(value.asDouble!)
        case .string(let text): self = .text(text)
        default: self = .text(value.description)
        }
    }

    /// The number, for a numeric value.
    public var asDouble: Double? {
        if case .number(let value) = self { value } else { nil }
    }

    /// The value for a reader: a whole number without a fraction (`3`), any other number as Python's `repr`
    /// (`0.01`, `1e-05`), text as it is.
    public var description: String {
        switch self {
        case .number(let value):
            value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : pythonRepr(value)
        case .text(let text): text
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // A string first: with a decoder that reads "Infinity" as a number, a choice spelled so stays text.
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .number(try container.decode(Double.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .text(let text): try container.encode(text)
        }
    }
}
