import Testing
@testable import Site

/// The one chokepoint where text becomes markup.
@Suite struct HTMLTests {}

extension HTMLTests {
    static let hostile = "<script>alert(\"x\" & 'y')</script>"

    @Test func textIsEscapedBetweenTagsAndInAttributes() {
        let title = Self.hostile
        let html: HTML = "<h1 title=\"\(title)\">\(title)</h1>"
        let escaped = "&lt;script&gt;alert(&quot;x&quot; &amp; &apos;y&apos;)&lt;/script&gt;"
        #expect(html.description == "<h1 title=\"\(escaped)\">\(escaped)</h1>")
        #expect(!html.description.contains("<script>"))
    }

    @Test func markupIsInsertedOnceAndNotEscapedTwice() {
        let inner: HTML = "<em>\("a & b")</em>"
        let outer: HTML = "<p>\(inner)</p>"
        #expect(outer.description == "<p><em>a &amp; b</em></p>")
        #expect(HTML.raw("<br>").description == "<br>")
        #expect(HTML.text("<br>").description == "&lt;br&gt;")
    }
}
