/// A text entry of a PNG file: a keyword and its text.
///
/// International entries are written as iTXt (UTF-8, any text); the others as tEXt, which PNG defines as
/// Latin-1, so use them only for ASCII. Keywords are 1–79 Latin-1 characters without leading or trailing
/// spaces (libpng refuses others).
public struct PNGTextChunk: Hashable, Sendable {
    /// The entry's name, e.g. "Software" or "Descent recipe".
    public var keyword: String
    /// The entry's value.
    public var text: String
    /// Whether to write iTXt (UTF-8) rather than tEXt.
    public var isInternational: Bool

    /// An entry `keyword` = `text`, as iTXt when `isInternational`.
    public init(keyword: String, text: String, isInternational: Bool) {
        self.keyword = keyword
        self.text = text
        self.isInternational = isInternational
    }
}
