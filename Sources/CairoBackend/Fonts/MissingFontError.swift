/// A requested font family is not installed: fontconfig would have substituted another one.
///
/// Descent never lets a figure silently change its font, because the same spec must give the same
/// file on every machine; the message names the substitute and, where known, the package to install.
public struct MissingFontError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The family the figure asked for.
    public let family: String
    /// The family fontconfig would have used instead (empty when it matched nothing at all).
    public let matched: String

    /// The error for `family`, which fontconfig resolved to `matched`.
    init(family: String, matched: String) {
        self.family = family
        self.matched = matched
    }

    public var description: String {
        let substitute = matched.isEmpty ? "no font at all" : "'\(matched)'"
        return "font '\(family)' is not installed (fontconfig matched \(substitute)); \(installHint)"
    }

    /// What to install, for the families Descent's themes use.
    private var installHint: String {
        let name = family.lowercased()
        if name.hasPrefix("dejavu") { return "install fonts-dejavu-core" }
        if name.hasPrefix("liberation") { return "install fonts-liberation" }
        if name.hasPrefix("noto") { return "install fonts-noto-core" }
        return "install a package that provides it, or choose an installed family (see `fc-list : family`)"
    }
}
