@testable import CairoBackend
import Foundation
import FoundationXML
import Testing

/// The one XML escaping function, in text and in attribute values.
@Suite struct XMLEscapingTests {}

/// Collects the text and the attributes of a tiny document.
private final class Collector: NSObject, XMLParserDelegate {
    var text = ""
    var attributes: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        self.attributes.merge(attributes) { $1 }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

extension XMLEscapingTests {
    @Test func escapesTheFiveSpecialCharacters() {
        #expect("a & b < c > d \"e\" 'f'".xmlEscaped == "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;")
        #expect("&amp;".xmlEscaped == "&amp;amp;")
        #expect("plain ∇f → α".xmlEscaped == "plain ∇f → α")
    }

    @Test func replacesCharactersXMLCannotCarry() {
        #expect("a\u{0}b\u{1B}c\td\ne".xmlEscaped == "a\u{FFFD}b\u{FFFD}c\td\ne")
    }

    @Test(arguments: ["x < y && z > \"w\" 'v'", "]]> <!-- --> <![CDATA[", "tab\tline\nend & ∇"])
    func roundTripsInTextAndInAttributes(_ value: String) throws {
        let document = "<r a=\"\(value.xmlEscaped)\" b='\(value.xmlEscaped)'>\(value.xmlEscaped)</r>"
        let collector = Collector()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = collector
        #expect(parser.parse())
        #expect(collector.text == value)
        // Attribute values are normalised by XML (tabs and newlines become spaces), as the spec requires.
        let normalised = value.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
        #expect(collector.attributes["a"] == normalised)
        #expect(collector.attributes["b"] == normalised)
    }
}
