/// A set of named components of one kind (surfaces, optimizers, ...) and how to build each from its
/// written form.
///
/// Names are matched case-insensitively, so `adam`, `Adam` and `ADAM` are the same optimizer; an
/// unknown name is answered with the closest known one.
public struct Catalog<Product>: Sendable {
    /// One buildable component.
    public struct Entry: Sendable {
        /// The canonical name (PyTorch's class name for optimizers and schedules).
        public let name: String
        /// Other accepted spellings.
        public let aliases: [String]
        public let parameters: ParameterList
        /// One line on what the component is, for `descent list`.
        public let summary: String
        let build: @Sendable (Arguments) throws(InputError) -> Product

        /// An entry that builds its product from checked arguments with `build`.
        public init(_ name: String, aliases: [String] = [], summary: String, parameters: ParameterList,
                    build: @escaping @Sendable (Arguments) throws(InputError) -> Product) {
            self.name = name
            self.aliases = aliases
            self.summary = summary
            self.parameters = parameters
            self.build = build
        }

        /// The component with every listed parameter at its default, as `descent list` shows it.
        public var defaults: Component {
            Component(name: name, arguments: parameters.parameters.filter(\.isListed).compactMap { parameter in
                parameter.defaultValue.map { Component.Argument(key: parameter.name, value: $0) }
            })
        }
    }

    /// What one of these components is called in messages: "optimizer", "surface".
    public let kind: String
    public let entries: [Entry]

    /// A catalog of `entries`; `kind` names them in messages ("optimizer").
    public init(kind: String, entries: [Entry]) {
        self.kind = kind
        self.entries = entries
    }

    /// The entry called `name` (case-insensitive, aliases included).
    ///
    /// - Throws: ``InputError`` naming the closest known name when there is no such entry.
    public func entry(named name: String) throws(InputError) -> Entry {
        let lowered = name.lowercased()
        if let entry = entries.first(where: { $0.name.lowercased() == lowered || $0.aliases.contains { $0.lowercased() == lowered } }) {
            return entry
        }
        // Suggest the canonical name even when an alias is the closer spelling.
        let spellings = entries.flatMap { entry in ([entry.name] + entry.aliases).map { ($0, entry.name) } }
        if let closest = closestName(to: name, in: spellings.map(\.0)),
           let canonical = spellings.first(where: { $0.0 == closest })?.1 {
            throw InputError("unknown \(kind) '\(echoed(name))' — did you mean '\(canonical)'?")
        }
        throw InputError("unknown \(kind) '\(echoed(name))' (known: \(entries.map(\.name).joined(separator: ", ")))")
    }

    /// Builds the component: finds its entry, binds and checks the arguments, and constructs it.
    public func make(_ component: Component) throws(InputError) -> Product {
        let entry: Entry
        do {
            entry = try self.entry(named: component.name)
        } catch {
            throw component.error(error.message)
        }
        let arguments = try entry.parameters.bind(component, as: entry.name)
        do {
            return try entry.build(arguments)
        } catch {
            throw arguments.locate(error)
        }
    }

    /// Parses `text` as a component and builds it.
    public func make(_ text: String) throws(InputError) -> Product {
        try make(try Component.parse(text))
    }
}
