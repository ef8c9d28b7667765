import ArgumentParser
import Simulation

/// A comma-separated list of values of one kind, such as `--format png,svg,pdf`.
///
/// An option reads it with ``parse(_:)`` as its transform, so the parser refuses a value that is not one of
/// `Element`'s and names the closest valid one. Give the option `argumentType: Element.self` in its help so
/// that `--help` lists the values:
///
/// ```swift
/// @Option(help: ArgumentHelp("Comma-separated formats (default: png).", argumentType: RenderFormat.self),
///         transform: ValueList.parse)
/// var format = ValueList<RenderFormat>([.png])
/// ```
struct ValueList<Element>: Sendable
where Element: ExpressibleByArgument & CaseIterable & RawRepresentable<String> & Equatable & Sendable {
    /// The values in the order first given, each once.
    var values: [Element]

    init(_ values: [Element]) {
        self.values = values
    }

    /// Reads `text`: values separated by commas, spaces around them ignored, repeats dropped.
    ///
    /// - Throws: `ValidationError` naming an unknown value and the closest valid one, or saying that the list
    ///   is empty.
    static func parse(_ text: String) throws(ValidationError) -> ValueList {
        let names = Element.allCases.map(\.rawValue)
        var values: [Element] = []
        for part in text.split(separator: ",").map({ String($0).trimmingSpaces.lowercased() }) where !part.isEmpty {
            guard let value = Element(rawValue: part) else {
                let hint = closestName(to: part, in: names).map { " — did you mean '\($0)'?" } ?? ""
                throw ValidationError("unknown value '\(part)'\(hint) (choose from \(names.joined(separator: ", ")))")
            }
            if !values.contains(value) { values.append(value) }
        }
        guard !values.isEmpty else { throw ValidationError("give at least one of \(names.joined(separator: ", "))") }
        return ValueList(values)
    }
}
