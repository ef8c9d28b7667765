import CairoBackend

/// A piece of HTML markup: the one place where text becomes markup.
///
/// Text interpolated into an `HTML` literal is escaped — `&`, `<`, `>`, `"` and `'` — so it is safe both
/// between tags and inside a quoted attribute value; an `HTML` value interpolated into another is inserted as
/// it is. Every title, caption, label, value and file name that reaches a page goes through here:
///
/// ```swift
/// let title = "<script>"
/// let page: HTML = "<h1 title=\"\(title)\">\(title)</h1>"   // <h1 title="&lt;script&gt;">&lt;script&gt;</h1>
/// ```
///
/// ``raw(_:)`` is the explicit opt-out, for markup the site itself writes.
struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    private(set) var markup: String

    init(stringLiteral value: String) { markup = value }

    init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }

    private init(markup: String) { self.markup = markup }

    /// Markup written by the site itself, inserted without escaping.
    static func raw(_ markup: String) -> HTML { HTML(markup: markup) }

    /// `text` escaped for use as text or as a quoted attribute value.
    static func text(_ text: String) -> HTML { HTML(markup: escape(text)) }

    var description: String { markup }

    /// The pieces joined by `separator`.
    static func joined(_ pieces: [HTML], separator: String = "\n") -> HTML {
        HTML(markup: pieces.map(\.markup).joined(separator: separator))
    }

    /// `&`, `<`, `>`, `"` and `'` as character references (and characters no page may hold replaced), by
    /// the same rule as the SVG writer's (`String.xmlEscaped`).
    static func escape(_ text: String) -> String { text.xmlEscaped }

    struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity * 2) }

        mutating func appendLiteral(_ literal: String) { markup += literal }

        /// Text: escaped.
        mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }

        /// A number, as text.
        mutating func appendInterpolation(_ number: Int) { markup += String(number) }

        /// Markup: as it is.
        mutating func appendInterpolation(_ html: HTML) { markup += html.markup }

        /// Pieces of markup, one after the other.
        mutating func appendInterpolation(_ pieces: [HTML]) { markup += pieces.map(\.markup).joined(separator: "\n") }
    }
}
