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

extension HTMLTests {
    @Test func mathTextBecomesUnicodeScriptsAndFractions() {
        #expect(HTML.mathText("step $-\\eta\\nabla f$").description == "step <span class=\"math\">−η∇ f</span>")
        #expect(HTML.mathText("$x^{2}$").description == "<span class=\"math\">x<sup>2</sup></span>")
        // A fraction keeps its numerator and denominator apart (it once read '1n' for 1/n).
        #expect(HTML.mathText("$\\frac{1}{n}\\sum_i x_i$").description
                == "<span class=\"math\"><span class=\"frac\"><sup>1</sup>\u{2044}<sub>n</sub></span>∑<sub>i</sub> x<sub>i</sub></span>")
        #expect(HTML.mathText("$\\frac{\\lambda}{2}\\|\\theta\\|^2$").description.contains("<sup>λ</sup>\u{2044}<sub>2</sub>"))
        #expect(HTML.mathText("$\\|\\theta\\|^2$").description.contains("‖θ‖"))
        // Markup in the text around the math is escaped.
        #expect(HTML.mathText("<b> $x$").description.hasPrefix("&lt;b&gt; "))
    }
}
