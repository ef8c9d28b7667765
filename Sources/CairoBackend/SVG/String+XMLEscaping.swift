extension String {
    /// The string made safe inside XML text and inside attribute values, in either kind of quotes.
    ///
    /// This is the one place where Descent escapes text for XML and HTML (the SVG writer and the gallery's
    /// pages both use it): `&`, `<`, `>`, `"` and `'` become
    /// `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&apos;`. Control characters that XML 1.0 cannot carry at
    /// all, not even as character references (everything below U+0020 except tab, line feed and carriage
    /// return, and U+FFFE/U+FFFF), become U+FFFD, the replacement character.
    public var xmlEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
