/// Makes cairo's SVG output depend only on the figure, and adds the figure's recipe.
///
/// Cairo names SVG elements from counters that live as long as the process (every surface, pattern and
/// clip gets the next number), so the same figure rendered after another one would get different ids.
/// `normalize` renames every `id="…"` in order of first appearance — the prefix cairo used (`surface`,
/// `glyph`, `clip`, `image`, `pattern`, `mask` …) followed by 1, 2, 3 … per prefix — and rewrites every
/// reference to it: `href="#…"` (with or without the `xlink:` prefix) and `url(#…)`. It then inserts
/// `<metadata>` with the XML-escaped recipe right after the root `<svg …>` start tag.
///
/// Cairo 1.16 also ignores the pattern filter when it writes an `<image>`, so viewers would smooth a
/// heatmap that was drawn with nearest-neighbour sampling. Given the images the canvas drew, in order,
/// `normalize` adds `image-rendering` to the `<image>` elements of the unsmoothed ones.
///
/// The input is cairo's output, which writes attributes in double quotes; the rewrite works on bytes and
/// leaves everything else untouched.
enum SVGNormalizer {
    /// An image drawn on the canvas: its size in pixels and whether it was to be smoothed.
    struct Image: Hashable, Sendable {
        var width: Int
        var height: Int
        var smooth: Bool
    }

    /// `svg` with stable ids, the recipe in `<metadata>` and unsmoothed images marked as such.
    ///
    /// - Parameters:
    ///   - svg: A document written by cairo's SVG surface.
    ///   - recipe: The text to store in `<metadata>` (escaped here).
    ///   - images: The images drawn, in drawing order.
    static func normalize(_ svg: [UInt8], recipe: String, images: [Image] = []) -> [UInt8] {
        let names = stableNames(for: ids(in: svg))
        var renamed = rewriteReferences(in: svg, names: names)
        markUnsmoothedImages(images, in: &renamed)
        insertMetadata(recipe, into: &renamed)
        return renamed
    }

    // MARK: - Ids

    /// The markers after which an id or a reference to one starts, and the byte that ends it.
    private static let idMarker = Array(#"id=""#.utf8)
    private static let markers: [(bytes: [UInt8], end: UInt8)] = [
        (idMarker, UInt8(ascii: "\"")),
        (Array(##"href="#"##.utf8), UInt8(ascii: "\"")),
        (Array("url(#".utf8), UInt8(ascii: ")")),
    ]

    /// Every id defined in `svg`, in order of first appearance, without repeats.
    static func ids(in svg: [UInt8]) -> [[UInt8]] {
        var seen = Set<[UInt8]>()
        var ordered: [[UInt8]] = []
        var i = 0
        while i < svg.count {
            if isAttributeStart(svg, at: i, marker: idMarker),
               let end = svg[(i + idMarker.count)...].firstIndex(of: UInt8(ascii: "\"")) {
                let id = Array(svg[(i + idMarker.count)..<end])
                if seen.insert(id).inserted { ordered.append(id) }
                i = end + 1
            } else {
                i += 1
            }
        }
        return ordered
    }

    /// New names: each id's prefix (the id without its trailing digits and dashes) and a counter per
    /// prefix. A prefix never ends in a digit, so two different (prefix, number) pairs never give the same
    /// name.
    static func stableNames(for ids: [[UInt8]]) -> [[UInt8]: [UInt8]] {
        var counters: [[UInt8]: Int] = [:]
        var names: [[UInt8]: [UInt8]] = [:]
        for id in ids {
            var prefix = id
            while let last = prefix.last, last == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last) {
                prefix.removeLast()
            }
            if prefix.isEmpty { prefix = Array("id".utf8) }
            let number = counters[prefix, default: 0] + 1
            counters[prefix] = number
            names[id] = prefix + Array(String(number).utf8)
        }
        return names
    }

    /// `svg` with every id definition and reference renamed through `names`.
    private static func rewriteReferences(in svg: [UInt8], names: [[UInt8]: [UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(svg.count + 64)
        var i = 0
        scan: while i < svg.count {
            for marker in markers where matches(svg, at: i, marker.bytes)
                && (marker.bytes != idMarker || isAttributeStart(svg, at: i, marker: idMarker)) {
                let start = i + marker.bytes.count
                guard let end = svg[start...].firstIndex(of: marker.end) else { break }
                out += marker.bytes
                let name = Array(svg[start..<end])
                out += names[name] ?? name
                i = end
                continue scan
            }
            out.append(svg[i])
            i += 1
        }
        return out
    }

    /// Whether `marker` starts at `i` as a whole attribute name (preceded by white space).
    private static func isAttributeStart(_ bytes: [UInt8], at i: Int, marker: [UInt8]) -> Bool {
        guard i > 0, matches(bytes, at: i, marker) else { return false }
        return [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[i - 1])
    }

    /// Whether `marker` occurs in `bytes` at `i`.
    private static func matches(_ bytes: [UInt8], at i: Int, _ marker: [UInt8]) -> Bool {
        guard i + marker.count <= bytes.count else { return false }
        for (k, byte) in marker.enumerated() where bytes[i + k] != byte { return false }
        return true
    }

    // MARK: - Images

    /// The style given to `<image>` elements drawn without smoothing: SVG 1.1's `optimizeSpeed`, then
    /// CSS's `pixelated` for the browsers that know it (a declaration a viewer does not understand is
    /// ignored, so each viewer keeps the last one it knows).
    static let unsmoothedStyle = "image-rendering:optimizeSpeed;image-rendering:pixelated"

    /// Adds `unsmoothedStyle` to the `<image>` elements of images drawn with `smooth == false`.
    ///
    /// Cairo writes one `<image>` per drawn image, in drawing order, with the image's pixel size as its
    /// `width` and `height`. The elements are matched to `images` in that order; should the sizes ever
    /// disagree (cairo rasterising something itself), matching stops and the remaining images keep the
    /// viewer's default smoothing rather than being marked wrongly.
    private static func markUnsmoothedImages(_ images: [Image], in svg: inout [UInt8]) {
        guard images.contains(where: { !$0.smooth }) else { return }
        let open = Array("<image ".utf8)
        let style = Array(" style=\"\(unsmoothedStyle)\"".utf8)
        var next = 0
        var i = 0
        while i < svg.count, next < images.count {
            guard matches(svg, at: i, open) else { i += 1; continue }
            guard let end = svg[i...].firstIndex(of: UInt8(ascii: ">")) else { return }
            let tag = Array(svg[i..<end])
            let image = images[next]
            guard attribute("width", in: tag) == String(image.width), attribute("height", in: tag) == String(image.height) else {
                return
            }
            if !image.smooth {
                svg.insert(contentsOf: style, at: i + open.count - 1)
                i += style.count
            }
            next += 1
            i += open.count
        }
    }

    /// The value of attribute `name` in the start tag `tag`, if present.
    private static func attribute(_ name: String, in tag: [UInt8]) -> String? {
        let marker = Array(" \(name)=\"".utf8)
        guard let start = tag.indices.first(where: { matches(tag, at: $0, marker) }),
              let end = tag[(start + marker.count)...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: tag[(start + marker.count)..<end], as: UTF8.self)
    }

    // MARK: - Metadata

    /// Inserts `<metadata>recipe</metadata>` after the root element's start tag (at the top when there is
    /// none, which cairo never produces).
    private static func insertMetadata(_ recipe: String, into svg: inout [UInt8]) {
        let element = Array("\n<metadata>\(recipe.xmlEscaped)</metadata>".utf8)
        let open = Array("<svg".utf8)
        guard let start = svg.indices.first(where: { matches(svg, at: $0, open) }),
              let close = svg[start...].firstIndex(of: UInt8(ascii: ">")) else {
            svg.insert(contentsOf: element, at: 0)
            return
        }
        svg.insert(contentsOf: element, at: close + 1)
    }
}
