import CFontconfig
import Synchronization

/// Checks, through fontconfig, that a font family is really installed, and remembers the answer.
///
/// Cairo's toy text API asks fontconfig for a family and quietly takes the closest match when the family
/// is missing. Before any text is drawn, `CairoCanvas` asks this catalog instead, which runs the same
/// match (`FcFontMatch` after the usual substitutions) and compares the family of the font found with
/// the one requested, ignoring case. Generic aliases such as "sans-serif" therefore fail too: they
/// resolve to different fonts on different machines.
///
/// The catalog is shared by all threads. Answers are cached per family (case-insensitively) under a
/// mutex, which also serializes the calls into fontconfig. (On Linux, ThreadSanitizer does not see the
/// futex inside `Synchronization.Mutex` and reports a race on `answers`; the accesses are all under
/// the lock.)
final class FontCatalog: Sendable {
    /// The catalog every canvas uses.
    static let shared = FontCatalog()

    /// nil when the family is installed, else the error to report.
    private let answers = Mutex<[String: MissingFontError?]>([:])

    /// Returns normally when `family` is installed.
    ///
    /// - Throws: `MissingFontError` naming the family fontconfig would have substituted.
    func requireInstalled(_ family: String) throws(MissingFontError) {
        let answer = answers.withLock { answers -> MissingFontError? in
            let key = family.lowercased()
            if let known = answers[key] { return known }
            let matched = Self.matchedFamilies(for: family)
            let found = matched.contains { $0.lowercased() == key }
            let error = found ? nil : MissingFontError(family: family, matched: matched.first ?? "")
            answers[key] = .some(error)
            return error
        }
        if let answer { throw answer }
    }

    /// The family names (a font may have several, e.g. "DejaVu Sans" and "DejaVu Sans Condensed") of the
    /// font fontconfig picks for `family`; empty when fontconfig has no fonts at all.
    private static func matchedFamilies(for family: String) -> [String] {
        guard let pattern = FcPatternCreate() else { return [] }
        defer { FcPatternDestroy(pattern) }
        let added = family.withCString { name in
            name.withMemoryRebound(to: FcChar8.self, capacity: family.utf8.count + 1) {
                FcPatternAddString(pattern, FC_FAMILY, $0)
            }
        }
        guard added != 0, FcConfigSubstitute(nil, pattern, FcMatchPattern) != 0 else { return [] }
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(nil, pattern, &result) else { return [] }
        defer { FcPatternDestroy(match) }
        var names: [String] = []
        var index: Int32 = 0
        while true {
            var value: UnsafeMutablePointer<FcChar8>?
            guard FcPatternGetString(match, FC_FAMILY, index, &value) == FcResultMatch, let value else { break }
            names.append(String(cString: value))
            index += 1
        }
        return names
    }
}
