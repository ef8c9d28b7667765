/// A literal value inside a component: the Python literals PyTorch users write, plus nested components.
///
/// `true`/`True`, `false`/`False`, `None`, integers, floats (`1e-3`, `.5`, `-2`), strings in single or
/// double quotes, tuples `(0.9, 0.999)`, lists `[30, 60]` and components `LinearLR(start_factor=0.1)`.
/// ``description`` prints Python's spelling, so a value can be pasted into Python or back into Descent.
public indirect enum ComponentValue: Equatable, Sendable, CustomStringConvertible {
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case none
    case string(String)
    case tuple([ComponentValue])
    case list([ComponentValue])
    case component(Component)

    /// The value as a Double when it is an integer or a float (never for booleans).
    public var asDouble: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// The elements of a tuple or a list.
    public var elements: [ComponentValue]? {
        switch self {
        case .tuple(let values), .list(let values): values
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .integer(let value): String(value)
        case .number(let value): pythonRepr(value)
        case .boolean(let value): value ? "True" : "False"
        case .none: "None"
        case .string(let value): "'" + value.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "'", with: "\\'") + "'"
        case .tuple(let values):
            values.count == 1 ? "(\(values[0]),)" : "(" + values.map(\.description).joined(separator: ", ") + ")"
        case .list(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .component(let component): component.description
        }
    }

    /// A short name of the value's kind for error messages ("a number", "a string", ...).
    var kindName: String {
        switch self {
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean"
        case .none: "None"
        case .string: "a string"
        case .tuple: "a tuple"
        case .list: "a list"
        case .component: "a component"
        }
    }
}

/// A Double spelled as Python's `repr` spells it: the shortest text that reads back to the same value
/// (`0.1`, `1e-08`, `100.0`, `inf`). Swift's own description already is the shortest round trip and uses
/// the same exponent style, so only non-finite values need translating.
public func pythonRepr(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    return value.description
}

extension String {
    /// Replaces every occurrence of `target` (a tiny stand-in for Foundation's method, so that Simulation
    /// does not need Foundation for string work).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
