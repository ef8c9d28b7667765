/// A named, configured building block written as `name(key=value, ...)`: a surface, an optimizer or a schedule.
///
/// The syntax follows Python call syntax with Python literals, so that what a person writes for PyTorch
/// works here: `Adam(lr=0.01, betas=(0.9, 0.99))`, `SGD(lr=0.1, momentum=0.9, nesterov=True)`,
/// `rosenbrock(a=1, b=100)`. Arguments may also be positional (`Adam(0.01)`), filled in the order of the
/// component's parameters. A bare name (`Adam`) has no arguments.
///
/// Use ``parse(_:)`` to read one from text; ``description`` writes it back in the same syntax.
public struct Component: Equatable, Sendable, CustomStringConvertible {
    /// One argument: an optional keyword and a value, with the column where it starts.
    public struct Argument: Equatable, Sendable {
        public var key: String?
        public var value: ComponentValue
        /// 1-based column of the argument's first character in the parsed text (0 when built in code).
        public var column: Int

        /// An argument; `key` is `nil` for a positional one.
        public init(key: String?, value: ComponentValue, column: Int = 0) {
            self.key = key
            self.value = value
            self.column = column
        }
    }

    /// The name as written (names are matched case-insensitively by catalogs).
    public var name: String
    public var arguments: [Argument]
    /// The text this component was parsed from, for error messages (empty when built in code).
    public var source: String
    /// 1-based column of the name in `source`.
    public var column: Int

    /// A component built in code (or by the parser, which also records where it was written).
    public init(name: String, arguments: [Argument] = [], source: String = "", column: Int = 1) {
        self.name = name
        self.arguments = arguments
        self.source = source
        self.column = column
    }

    /// Parses one component, such as `Adam(lr=0.01, betas=(0.9, 0.99))`.
    ///
    /// - Throws: ``InputError`` naming the column of the first syntax error.
    public static func parse(_ text: String) throws(InputError) -> Component {
        var parser = ComponentParser(text)
        return try parser.parseWhole()
    }

    /// The component in the syntax it is parsed from: `Adam(lr=0.01, betas=(0.9, 0.99))`.
    public var description: String {
        if arguments.isEmpty { return name }
        let parts = arguments.map { argument in
            argument.key.map { "\($0)=\(argument.value)" } ?? "\(argument.value)"
        }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }

    /// An error located at `column` of this component's source text.
    func error(_ message: String, column: Int? = nil) -> InputError {
        source.isEmpty ? InputError(message) : InputError(message, source: source, column: column ?? self.column)
    }

    /// Equal name and arguments; where the component was written does not matter.
    public static func == (lhs: Component, rhs: Component) -> Bool {
        lhs.name == rhs.name && lhs.arguments.map(\.key) == rhs.arguments.map(\.key)
            && lhs.arguments.map(\.value) == rhs.arguments.map(\.value)
    }
}

extension Component {
    /// A component with keyword arguments in the given order: `Component(name: "Adam", keywords: ["lr": .number(0.1)])`.
    public init(name: String, keywords: KeyValuePairs<String, ComponentValue>) {
        self.init(name: name, arguments: keywords.map { Argument(key: $0.key, value: $0.value) })
    }
}
