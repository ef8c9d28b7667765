/// The parameters a component accepts: names in constructor order, the kind of value each takes, and
/// defaults. Binding a ``Component`` against it checks every argument and fills in the defaults.
public struct ParameterList: Sendable {
    /// The kind of value a parameter takes; binding checks a value against it.
    public enum Kind: Sendable, Equatable {
        /// An integer or a float (not a boolean).
        case number
        /// An integer (a float with an integral value is accepted too).
        case integer
        /// `True` or `False`.
        case boolean
        /// `None`, `True` or `False`.
        case optionalBoolean
        /// Two numbers as a tuple or a list, such as `(0.9, 0.999)`.
        case pair
        /// A string, or a bare name (`mode=triangular2`).
        case string
        /// A list (or tuple) of numbers.
        case numbers
        /// A list (or tuple) of integers.
        case integers
        /// A nested component.
        case component
        /// A list of nested components.
        case components
        /// A number or `None`.
        case optionalNumber
        /// An integer or `None`.
        case optionalInteger
        /// A string (or a bare name) or `None`.
        case optionalString

        /// What the kind is called in error messages.
        var expectation: String {
            switch self {
            case .number: "a number"
            case .integer: "an integer"
            case .boolean: "True or False"
            case .optionalBoolean: "None, True or False"
            case .pair: "a pair of numbers such as (0.9, 0.999)"
            case .string: "a string"
            case .numbers: "a list of numbers such as [0.1, 0.2]"
            case .integers: "a list of integers such as [30, 60]"
            case .component: "a component such as Name(key=value)"
            case .components: "a list of components"
            case .optionalNumber: "a number or None"
            case .optionalInteger: "an integer or None"
            case .optionalString: "a string or None"
            }
        }
    }

    /// One parameter: its name, kind, default and a few words on what it does.
    public struct Parameter: Sendable {
        public var name: String
        public var kind: Kind
        /// The default value; `nil` for a required parameter.
        public var defaultValue: ComponentValue?
        public var summary: String
        /// Whether `descent list` shows the parameter (PyTorch's implementation switches are accepted but
        /// not listed).
        public var isListed: Bool

        /// A parameter; a `nil` default makes it required.
        public init(_ name: String, _ kind: Kind, _ defaultValue: ComponentValue?, _ summary: String = "",
                    isListed: Bool = true) {
            self.name = name
            self.kind = kind
            self.defaultValue = defaultValue
            self.summary = summary
            self.isListed = isListed
        }
    }

    public var parameters: [Parameter]

    /// The parameters in constructor order (positional arguments fill them in this order).
    public init(_ parameters: [Parameter]) {
        self.parameters = parameters
    }

    /// The parameter names in order.
    public var names: [String] { parameters.map(\.name) }

    /// Checks `component`'s arguments against the parameters and fills in defaults.
    ///
    /// - Parameter what: how to name the component in messages (for example `"optimizer 'Adam'"`).
    /// - Throws: ``InputError`` for a positional argument past the last parameter, an unknown or repeated
    ///   key (with the closest valid key and the list of valid keys), a value of the wrong kind, or a
    ///   missing required parameter.
    public func bind(_ component: Component, as name: String) throws(InputError) -> Arguments {
        var values: [String: ComponentValue] = [:]
        var columns: [String: Int] = [:]
        var seenKeyword = false
        for (index, argument) in component.arguments.enumerated() {
            let parameter: Parameter
            if let key = argument.key {
                seenKeyword = true
                guard let found = parameters.first(where: { $0.name == key }) else {
                    let valid = names.joined(separator: ", ")
                    let hint = didYouMean(key, in: names)
                    throw component.error("\(name) has no key '\(key)'\(hint) (valid keys: \(valid))", column: argument.column)
                }
                parameter = found
            } else {
                guard !seenKeyword else {
                    throw component.error("\(name): a positional argument cannot follow a keyword argument", column: argument.column)
                }
                guard index < parameters.count else {
                    throw component.error("\(name) takes at most \(parameters.count) positional arguments (\(names.joined(separator: ", ")))",
                                          column: argument.column)
                }
                parameter = parameters[index]
            }
            guard values[parameter.name] == nil else {
                throw component.error("\(name): '\(parameter.name)' is given twice", column: argument.column)
            }
            guard let checked = Self.check(argument.value, against: parameter.kind) else {
                throw component.error(
                    "\(name): '\(parameter.name)' expects \(parameter.kind.expectation), got \(argument.value) (\(argument.value.kindName))",
                    column: argument.column)
            }
            values[parameter.name] = checked
            columns[parameter.name] = argument.column
        }
        for parameter in parameters where values[parameter.name] == nil {
            guard let value = parameter.defaultValue else {
                throw component.error("\(name) needs '\(parameter.name)' (\(parameter.kind.expectation))")
            }
            values[parameter.name] = value
        }
        return Arguments(name: name, component: component, values: values, columns: columns)
    }

    /// The value normalised to the kind (an integral float for an integer, a bare name for a string),
    /// or `nil` when it does not fit.
    static func check(_ value: ComponentValue, against kind: Kind) -> ComponentValue? {
        switch (kind, value) {
        case (.number, .integer), (.number, .number), (.optionalNumber, .integer), (.optionalNumber, .number),
             (.optionalNumber, .none):
            return value
        case (.integer, .integer), (.optionalInteger, .integer), (.optionalInteger, .none):
            return value
        case (.integer, .number(let x)), (.optionalInteger, .number(let x)):
            return x.rounded() == x && abs(x) < 1e15 ? .integer(Int(x)) : nil
        case (.boolean, .boolean), (.optionalBoolean, .boolean), (.optionalBoolean, .none):
            return value
        case (.pair, .tuple(let items)), (.pair, .list(let items)):
            return items.count == 2 && items.allSatisfy({ $0.asDouble != nil }) ? .tuple(items) : nil
        case (.string, .string), (.optionalString, .string), (.optionalString, .none):
            return value
        case (.string, .component(let component)) where component.arguments.isEmpty,
             (.optionalString, .component(let component)) where component.arguments.isEmpty:
            return .string(component.name)
        case (.numbers, .tuple(let items)), (.numbers, .list(let items)):
            return items.allSatisfy({ $0.asDouble != nil }) ? .list(items) : nil
        case (.integers, .tuple(let items)), (.integers, .list(let items)):
            let converted = items.map { check($0, against: .integer) }
            return converted.allSatisfy({ $0 != nil }) ? .list(converted.map { $0! }) : nil
        case (.component, .component):
            return value
        case (.components, .tuple(let items)), (.components, .list(let items)):
            return items.allSatisfy({ if case .component = $0 { true } else { false } }) ? .list(items) : nil
        default:
            return nil
        }
    }
}

/// The arguments of a component after ``ParameterList/bind(_:as:)``: every parameter has a value of the
/// right kind, so the typed accessors cannot fail.
public struct Arguments: Sendable {
    /// How the component is named in messages.
    public let name: String
    public let component: Component
    public private(set) var values: [String: ComponentValue]
    let columns: [String: Int]

    /// Whether the parameter was written by the user (rather than taken from the default).
    public func isExplicit(_ key: String) -> Bool { columns[key] != nil }

    /// The checked value of parameter `key` (its default when not given).
    public subscript(key: String) -> ComponentValue {
        guard let value = values[key] else { preconditionFailure("no parameter '\(key)' in \(name)") }
        return value
    }

    // MARK: - Typed accessors (each for a parameter of the matching kind)

    /// A `.number` parameter.
    public func double(_ key: String) -> Double { self[key].asDouble! }

    /// An `.optionalNumber` parameter.
    public func optionalDouble(_ key: String) -> Double? { self[key].asDouble }

    /// An `.integer` parameter.
    public func int(_ key: String) -> Int {
        guard case .integer(let value) = self[key] else { preconditionFailure("'\(key)' is not an integer") }
        return value
    }

    /// An `.optionalInteger` parameter.
    public func optionalInt(_ key: String) -> Int? {
        if case .integer(let value) = self[key] { return value }
        return nil
    }

    /// A `.boolean` parameter (`None` reads as false).
    public func bool(_ key: String) -> Bool {
        if case .boolean(let value) = self[key] { return value }
        return false
    }

    /// A `.pair` parameter.
    public func pair(_ key: String) -> (Double, Double) {
        let items = self[key].elements!
        return (items[0].asDouble!, items[1].asDouble!)
    }

    /// An `.optionalString` parameter.
    public func optionalString(_ key: String) -> String? {
        if case .string(let value) = self[key] { return value }
        return nil
    }

    /// A `.string` parameter.
    public func string(_ key: String) -> String {
        guard case .string(let value) = self[key] else { preconditionFailure("'\(key)' is not a string") }
        return value
    }

    /// A `.numbers` parameter.
    public func doubles(_ key: String) -> [Double] { self[key].elements!.map { $0.asDouble! } }

    /// An `.integers` parameter.
    public func ints(_ key: String) -> [Int] {
        self[key].elements!.map { if case .integer(let v) = $0 { v } else { preconditionFailure() } }
    }

    /// An error about one argument's value, pointing at that argument.
    public func invalid(_ key: String, _ message: String) -> InputError {
        component.error("\(name): \(message)", column: columns[key])
    }

    /// Locates an error thrown while building the component: an error about a key points at that argument.
    func locate(_ error: InputError) -> InputError {
        if error.source != nil { return error }
        if let key = error.key { return invalid(key, error.message) }
        return component.error("\(name): \(error.message)")
    }
}
