@testable import CairoBackend
import Testing

/// Renumbering cairo's ids and rewriting the references to them.
@Suite struct SVGNormalizerTests {}

extension SVGNormalizerTests {
    /// A document shaped like cairo's, with the process-wide counters cairo uses for surfaces and images.
    private func document(surface: Int, image: Int) -> [UInt8] {
        Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10pt" height="10pt" viewBox="0 0 10 10" version="1.1">
        <defs>
        <symbol overflow="visible" id="glyph0-1"><path d="M 0 0 L 1 1"/></symbol>
        <clipPath id="clip1"><path d="M 0 0 L 5 0 L 5 5 Z"/></clipPath>
        <image id="image\(image)" width="2" height="2" xlink:href="data:image/png;base64,AAAA"/>
        <pattern id="pattern0" patternUnits="userSpaceOnUse" width="2" height="2"><use xlink:href="#image\(image)"/></pattern>
        </defs>
        <g id="surface\(surface)">
        <g clip-path="url(#clip1)" clip-rule="nonzero"><path style="fill:url(#pattern0);" d="M 0 0 L 2 2"/></g>
        <use xlink:href="#glyph0-1" x="1" y="2"/>
        <g data-id="untouched"/>
        </g>
        </svg>
        """.utf8)
    }

    @Test func renamesIdsInOrderAndRewritesReferences() {
        let svg = String(decoding: SVGNormalizer.normalize(document(surface: 6, image: 10), recipe: "r"), as: UTF8.self)
        #expect(svg.contains(#"id="glyph1""#))
        #expect(svg.contains(#"id="clip1""#))
        #expect(svg.contains(#"id="image1""#))
        #expect(svg.contains(#"id="pattern1""#))
        #expect(svg.contains(#"<g id="surface1">"#))
        #expect(svg.contains(##"<use xlink:href="#image1"/>"##))
        #expect(svg.contains(##"clip-path="url(#clip1)""##))
        #expect(svg.contains(##"fill:url(#pattern1);"##))
        #expect(svg.contains(##"<use xlink:href="#glyph1" x="1" y="2"/>"##))
        #expect(svg.contains(#"data-id="untouched""#))
        #expect(!svg.contains("surface6") && !svg.contains("image10") && !svg.contains("glyph0-1"))
    }

    @Test func outputDoesNotDependOnCairosCounters() {
        #expect(SVGNormalizer.normalize(document(surface: 6, image: 10), recipe: "r")
            == SVGNormalizer.normalize(document(surface: 1234, image: 99), recipe: "r"))
    }

    @Test func stableNamesNeverCollide() {
        let ids = ["glyph0-1", "glyph1-0", "a1", "a", "a-2", "7", "x9y2"].map { Array($0.utf8) }
        let names = SVGNormalizer.stableNames(for: ids).values.map { String(decoding: $0, as: UTF8.self) }
        #expect(Set(names).count == ids.count)
        #expect(Set(names) == ["glyph1", "glyph2", "a1", "a2", "a3", "id1", "x9y1"])
    }

    @Test func metadataFollowsTheRootTagEscaped() {
        let svg = String(decoding: SVGNormalizer.normalize(document(surface: 1, image: 1), recipe: "a<b & 'c'"), as: UTF8.self)
        #expect(svg.contains("version=\"1.1\">\n<metadata>a&lt;b &amp; &apos;c&apos;</metadata>\n<defs>"))
    }

    @Test func marksOnlyUnsmoothedImages() {
        let marked = SVGNormalizer.normalize(document(surface: 1, image: 1), recipe: "",
                                             images: [SVGNormalizer.Image(width: 2, height: 2, smooth: false)])
        #expect(String(decoding: marked, as: UTF8.self).contains(#"<image style="\#(SVGNormalizer.unsmoothedStyle)" id="image1""#))
        let smooth = SVGNormalizer.normalize(document(surface: 1, image: 1), recipe: "",
                                             images: [SVGNormalizer.Image(width: 2, height: 2, smooth: true)])
        #expect(!String(decoding: smooth, as: UTF8.self).contains("image-rendering"))
        // A size that does not match what was drawn: leave the image alone rather than guess.
        let mismatched = SVGNormalizer.normalize(document(surface: 1, image: 1), recipe: "",
                                                 images: [SVGNormalizer.Image(width: 3, height: 2, smooth: false)])
        #expect(!String(decoding: mismatched, as: UTF8.self).contains("image-rendering"))
    }
}
