import CairoBackend
import Foundation
import FoundationXML
import Plotting
import Testing

/// SVG output: well-formed XML, the recipe in <metadata>, text as glyph outlines, stable ids.
@Suite struct FigureRendererSVGTests {}

/// Reads an SVG with FoundationXML: the text of <metadata>, the ids defined and the ids referenced.
private final class SVGReader: NSObject, XMLParserDelegate {
    var metadata = ""
    var ids: [String] = []
    var references: [String] = []
    var elements: [String: Int] = [:]
    var imageStyles: [String] = []
    private var inMetadata = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements[name, default: 0] += 1
        if name == "metadata" { inMetadata = true }
        if name == "image" { imageStyles.append(attributes["style"] ?? "") }
        for (key, value) in attributes {
            if key == "id" { ids.append(value) }
            if key.hasSuffix("href"), value.hasPrefix("#") { references.append(String(value.dropFirst())) }
            var rest = Substring(value)
            while let start = rest.range(of: "url(#") {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: ")") else { break }
                references.append(String(after[..<end]))
                rest = after[end...]
            }
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "metadata" { inMetadata = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inMetadata { metadata += string }
    }

    /// Parses `bytes`; nil when the document is not well-formed XML.
    static func read(_ bytes: [UInt8]) -> SVGReader? {
        let reader = SVGReader()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = reader
        return parser.parse() ? reader : nil
    }
}

extension FigureRendererSVGTests {
    @Test func isWellFormedAndCarriesTheEscapedRecipe() throws {
        let request = SampleFigure.request(.svg)
        let bytes = try FigureRenderer.render(request, draw: SampleFigure.draw)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("<?xml"))
        #expect(text.contains(#"width="200pt" height="120pt" viewBox="0 0 200 120""#))
        #expect(text.contains("<metadata>figure: sample\ntitle: &quot;A &amp; B &lt;C&gt;&quot; &apos;q&apos;</metadata>"))
        let reader = try #require(SVGReader.read(bytes))
        #expect(reader.metadata == request.recipe)
    }

    @Test func textStaysVectorGlyphs() throws {
        let bytes = try FigureRenderer.render(SampleFigure.request(.svg), draw: SampleFigure.draw)
        let reader = try #require(SVGReader.read(bytes))
        #expect(reader.elements["image", default: 0] == 0, "nothing was rasterised")
        #expect(reader.elements["symbol", default: 0] >= 10, "one glyph outline per distinct character")
        #expect(reader.references.filter { $0.hasPrefix("glyph") }.count >= SampleFigure.label.count - 4)
    }

    @Test func everyReferenceResolvesAndIdsAreUnique() throws {
        let bytes = try FigureRenderer.render(SampleFigure.request(.svg)) { canvas in
            SampleFigure.draw(canvas)
            SampleFigure.drawOther(canvas)
        }
        let reader = try #require(SVGReader.read(bytes))
        #expect(Set(reader.ids).count == reader.ids.count)
        #expect(!reader.references.isEmpty)
        #expect(Set(reader.references).isSubset(of: Set(reader.ids)))
        #expect(reader.ids.contains("surface1"))
    }

    @Test func idsDoNotDependOnWhatWasRenderedBefore() throws {
        let drawA = { (canvas: any Canvas) in
            SampleFigure.draw(canvas)
            SampleFigure.drawOther(canvas)
        }
        let first = try FigureRenderer.render(SampleFigure.request(.svg), draw: drawA)
        for format in FigureFormat.allCases {
            _ = try FigureRenderer.render(SampleFigure.request(format), draw: SampleFigure.drawOther)
        }
        let again = try FigureRenderer.render(SampleFigure.request(.svg), draw: drawA)
        #expect(first == again)
    }

    @Test func imagesKeepTheirResolutionAndSampling() throws {
        var pixels = RasterImage(width: 4, height: 3, color: .white)
        pixels.set(1, 1, .black)
        let bytes = try FigureRenderer.render(SampleFigure.request(.svg)) { canvas in
            canvas.draw(pixels, in: Rect(x: 10, y: 10, width: 80, height: 60), smooth: true)
            canvas.draw(pixels, in: Rect(x: 100, y: 10, width: 80, height: 60), smooth: false)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#"width="4" height="3""#))
        let reader = try #require(SVGReader.read(bytes))
        #expect(reader.imageStyles.count == 2)
        #expect(reader.imageStyles.first == "")
        #expect(reader.imageStyles.last?.contains("image-rendering:optimizeSpeed") == true)
    }
}
