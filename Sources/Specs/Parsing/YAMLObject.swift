import Simulation
import Yams

/// A YAML mapping read strictly: every key must be known, every value of the expected type, and every
/// problem is reported at its line and column with the closest valid word.
struct YAMLObject {
    let file: String
    let mapping: Node.Mapping
    /// Where the mapping is, for messages about missing keys.
    let mark: Mark?
    /// Keys not found here are looked up in the parent (a panel inherits its figure's keys).
    private var parent: [YAMLObject]
    /// Keys never inherited from the parent.
    private var local: Set<String>

    init(_ node: Node, file: String, what: String, parent: YAMLObject? = nil, local: Set<String> = []) throws(SpecError) {
        guard case .mapping(let mapping) = node else {
            throw SpecError(file: file, line: node.mark?.line, column: node.mark?.column, "\(what) must be a mapping of keys to values")
        }
        self.file = file
        self.mapping = mapping
        self.mark = node.mark
        self.parent = parent.map { [$0] } ?? []
        self.local = local
    }

    /// Whether the key is written in this mapping itself (not inherited).
    func hasOwn(_ key: String) -> Bool { mapping.contains { $0.key.string == key } }

    /// Rejects keys outside `allowed`, suggesting the closest allowed one.
    func requireKeys(in allowed: [String], what: String) throws(SpecError) {
        var seen = Set<String>()
        for (key, _) in mapping {
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                let hint = closestName(to: name, in: allowed).map { " — did you mean '\($0)'?" } ?? ""
                var listed: [String] = []
                for key in allowed where !listed.contains(key) { listed.append(key) }
                let problem = key.scalar == nil ? "a key must be a word, not a list or mapping," : "unknown key '\(echoed(name))'"
                throw error(at: key, "\(problem) in \(what)\(hint) (valid keys: \(listed.joined(separator: ", ")))")
            }
            guard seen.insert(name).inserted else { throw error(at: key, "'\(echoed(name))' is given twice") }
        }
    }

    subscript(key: String) -> Node? {
        for (k, value) in mapping where k.string == key { return value }
        return local.contains(key) ? nil : parent.first?[key]
    }

    func error(at node: Node?, _ message: String) -> SpecError {
        let mark = node?.mark ?? self.mark
        return SpecError(file: file, line: mark?.line, column: mark?.column, message)
    }

    // MARK: - Typed values

    func string(_ key: String) throws(SpecError) -> String? {
        guard let node = self[key] else { return nil }
        guard case .scalar(let scalar) = node else { throw error(at: node, "'\(key)' must be text") }
        return scalar.string
    }

    func requiredString(_ key: String, what: String) throws(SpecError) -> String {
        guard let value = try string(key) else { throw error(at: nil, "\(what) needs '\(key)'") }
        return value
    }

    func number(_ key: String) throws(SpecError) -> Double? {
        guard let node = self[key] else { return nil }
        return try Self.number(node, key: key, object: self)
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws(SpecError) -> Int? {
        guard let node = self[key] else { return nil }
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw error(at: node, "'\(key)' must be a whole number, got '\(node.string ?? "a list or mapping")'")
        }
        guard range.contains(value) else {
            throw error(at: node, "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
        }
        return value
    }

    func bool(_ key: String) throws(SpecError) -> Bool? {
        guard let node = self[key] else { return nil }
        switch node.string?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(at: node, "'\(key)' must be true or false")
        }
    }

    /// A list of exactly `count` numbers, such as `[-1.5, 2.5]`.
    func numbers(_ key: String, count: Int) throws(SpecError) -> [Double]? {
        guard let node = self[key] else { return nil }
        guard case .sequence(let sequence) = node, sequence.count == count else {
            throw error(at: node, "'\(key)' must be a list of \(count) numbers, such as [\(Array(repeating: "1", count: count).joined(separator: ", "))]")
        }
        var values: [Double] = []
        for item in sequence { values.append(try Self.number(item, key: key, object: self)) }
        return values
    }

    /// One of `choices`, with the closest suggested for anything else.
    func choice(_ key: String, _ choices: [String]) throws(SpecError) -> String? {
        guard let node = self[key] else { return nil }
        guard case .scalar(let scalar) = node else { throw error(at: node, "'\(key)' must be one of \(choices.joined(separator: ", "))") }
        let value = scalar.string
        guard let match = choices.first(where: { $0.lowercased() == value.lowercased() }) else {
            let hint = closestName(to: value, in: choices).map { " — did you mean '\($0)'?" } ?? ""
            throw error(at: node, "'\(key)' cannot be '\(value)'\(hint) (choose from \(choices.joined(separator: ", ")))")
        }
        return match
    }

    /// One of the cases of `E`, named by its raw value (any letter case), with the closest suggested for
    /// anything else.
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(SpecError) -> E? where E.RawValue == String {
        guard let name = try choice(key, E.allCases.map(\.rawValue)) else { return nil }
        return E(rawValue: name)
    }

    /// Where this mapping starts in the file.
    var location: SpecLocation? { mark.map { SpecLocation(line: $0.line, column: $0.column) } }

    /// Where the value under `key` is in the file.
    func location(ofValue key: String) -> SpecLocation? {
        self[key]?.mark.map { SpecLocation(line: $0.line, column: $0.column) }
    }

    /// A list of mappings, each read as a ``YAMLObject`` (inheriting from `parent` when given).
    func objects(_ key: String, what: String, parent: YAMLObject? = nil, local: Set<String> = []) throws(SpecError) -> [YAMLObject]? {
        guard let node = self[key] else { return nil }
        guard case .sequence(let sequence) = node else { throw error(at: node, "'\(key)' must be a list") }
        var objects: [YAMLObject] = []
        for item in sequence { objects.append(try YAMLObject(item, file: file, what: what, parent: parent, local: local)) }
        return objects
    }

    static func number(_ node: Node, key: String, object: YAMLObject) throws(SpecError) -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            throw object.error(at: node, "'\(key)' must be a number, got '\(node.string ?? "a list or mapping")'")
        }
        return value
    }

    /// Where text inside a scalar value sits in the file: the scalar's line, and its column plus the
    /// offset (one more for a quoted scalar).
    func location(of key: String, offset: Int) -> (line: Int?, column: Int?) {
        guard let node = self[key], case .scalar(let scalar) = node, let mark = scalar.mark else { return (mark?.line, mark?.column) }
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        return (mark.line, mark.column + offset - 1 + (quoted ? 1 : 0))
    }
}
