#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hyperparameters a search explores: named dimensions, each mapped from a coordinate u ∈ [0, 1] of the
/// unit cube, where every sampler works.
///
/// - `uniform(lo, hi)`: lo + u·(hi − lo)
/// - `loguniform(lo, hi)`, 0 < lo < hi: exp(log lo + u·(log hi − log lo)) — uniform in log space (lo and hi
///   themselves at u = 0 and 1)
/// - `int(lo, hi)`: lo + ⌊u·(hi − lo + 1)⌋, clamped to hi (each integer gets an equal share of [0, 1])
/// - `choice(a, b, …)`: the ⌊u·k⌋-th of the k values, clamped to the last
///
/// Written as components: `lr=loguniform(1e-4, 1), momentum=uniform(0, 0.99), layers=int(1, 3)`.
public struct SearchSpace: Sendable, Equatable {
    /// One dimension's range.
    public enum Range: Sendable, Equatable {
        case uniform(Double, Double)
        case logUniform(Double, Double)
        case integer(Int, Int)
        case choice([ComponentValue])
    }

    /// A named dimension.
    public struct Dimension: Sendable, Equatable {
        public var name: String
        public var range: Range
    }

    public var dimensions: [Dimension]

    public init(_ dimensions: [Dimension]) { self.dimensions = dimensions }

    /// Reads `name=range(...), ...`.
    ///
    /// - Throws: ``InputError`` at the column of an unknown range (closest suggested), an empty or reversed
    ///   range, a log range with lo ≤ 0, a repeated or missing name.
    public static func parse(_ text: String) throws(InputError) -> SearchSpace {
        let wrapped = try Component.parse("space(" + text + ")")
        var dimensions: [Dimension] = []
        for argument in wrapped.arguments {
            let column = max(1, argument.column - 6)
            guard let name = argument.key else {
                throw InputError("each dimension needs a name, such as lr=loguniform(1e-4, 1)", source: text, column: column)
            }
            guard !dimensions.contains(where: { $0.name == name }) else {
                throw InputError("'\(name)' is given twice", source: text, column: column)
            }
            guard case .component(let range) = argument.value else {
                throw InputError("\(name): write a range such as uniform(0, 1), loguniform(1e-4, 1), int(1, 8) or choice('a', 'b')",
                                 source: text, column: column)
            }
            dimensions.append(Dimension(name: name, range: try parseRange(range, name: name, source: text, column: column)))
        }
        guard !dimensions.isEmpty else { throw InputError("a search space needs at least one dimension, such as lr=loguniform(1e-4, 1)") }
        return SearchSpace(dimensions)
    }

    static let rangeNames = ["uniform", "loguniform", "int", "choice"]

    static func parseRange(_ range: Component, name: String, source: String, column: Int) throws(InputError) -> Range {
        let values = range.arguments.map(\.value)
        func bounds() throws(InputError) -> (Double, Double) {
            guard values.count == 2, range.arguments.allSatisfy({ $0.key == nil }), let lo = values[0].asDouble, let hi = values[1].asDouble,
                  lo.isFinite, hi.isFinite else {
                throw InputError("\(name): \(range.name) takes two numbers, lo and hi", source: source, column: column)
            }
            guard lo < hi else { throw InputError("\(name): the range is empty: lo = \(pythonRepr(lo)) must be below hi = \(pythonRepr(hi))", source: source, column: column) }
            return (lo, hi)
        }
        switch range.name.lowercased() {
        case "uniform":
            let (lo, hi) = try bounds()
            return .uniform(lo, hi)
        case "loguniform":
            let (lo, hi) = try bounds()
            guard lo > 0 else { throw InputError("\(name): loguniform needs lo > 0, got \(pythonRepr(lo))", source: source, column: column) }
            return .logUniform(lo, hi)
        case "int":
            guard values.count == 2, case .integer(let lo) = values[0], case .integer(let hi) = values[1] else {
                throw InputError("\(name): int takes two whole numbers, lo and hi", source: source, column: column)
            }
            guard lo <= hi else { throw InputError("\(name): the range is empty: \(lo) > \(hi)", source: source, column: column) }
            return .integer(lo, hi)
        case "choice":
            guard !values.isEmpty else { throw InputError("\(name): choice needs at least one value", source: source, column: column) }
            return .choice(values)
        default:
            let hint = closestName(to: range.name, in: rangeNames).map { " — did you mean '\($0)'?" } ?? ""
            throw InputError("\(name): unknown range '\(range.name)'\(hint) (known: \(rangeNames.joined(separator: ", ")))", source: source, column: column)
        }
    }

    /// The value of dimension `index` at coordinate `u` ∈ [0, 1].
    public func value(_ index: Int, at u: Double) -> ComponentValue {
        let u = min(max(u, 0), 1)
        switch dimensions[index].range {
        case .uniform(let lo, let hi): return .number(lo + u * (hi - lo))
        case .logUniform(let lo, let hi):
            // The ends exactly (exp(log lo) need not give lo back).
            return .number(u == 0 ? lo : u == 1 ? hi : exp(log(lo) + u * (log(hi) - log(lo))))
        case .integer(let lo, let hi): return .integer(min(hi, lo + Int((u * Double(hi - lo + 1)).rounded(.down))))
        case .choice(let values): return values[min(values.count - 1, Int((u * Double(values.count)).rounded(.down)))]
        }
    }

    /// The unit coordinate of `value` on a uniform or log-uniform dimension (nil for the others).
    public func unit(_ index: Int, of value: Double) -> Double? {
        switch dimensions[index].range {
        case .uniform(let lo, let hi): (value - lo) / (hi - lo)
        case .logUniform(let lo, let hi): (log(value) - log(lo)) / (log(hi) - log(lo))
        case .integer, .choice: nil
        }
    }

    /// The values at a point of the unit cube, by dimension.
    public func values(at unit: [Double]) -> [ComponentValue] { unit.indices.map { value($0, at: unit[$0]) } }

    /// `text` with every `{name}` replaced by the dimension's value at `unit`, in Python's spelling — how a
    /// trial's hyperparameters reach an optimizer template such as `Adam(lr={lr}, betas=({beta1}, 0.999))`.
    ///
    /// - Throws: ``InputError`` for a `{name}` that is no dimension of the space.
    public func fill(_ text: String, at unit: [Double]) throws(InputError) -> String {
        var result = text
        for (k, dimension) in dimensions.enumerated() {
            result = result.replacingOccurrences(of: "{\(dimension.name)}", with: value(k, at: unit[k]).description)
        }
        if let open = result.firstIndex(of: "{"), let close = result[open...].firstIndex(of: "}") {
            let unknown = String(result[result.index(after: open)..<close])
            let hint = closestName(to: unknown, in: dimensions.map(\.name)).map { " — did you mean '{\($0)}'?" } ?? ""
            // The column of the first `{unknown}` in the template as written.
            let placeholder = "{\(unknown)}"
            let column = text.indices.firstIndex { text[$0...].hasPrefix(placeholder) }.map { text.distance(from: text.startIndex, to: $0) + 1 }
            throw InputError("the template names {\(unknown)}, which is not a dimension of the space\(hint)", source: text, column: column)
        }
        return result
    }
}
