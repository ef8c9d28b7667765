import CairoBackend
import Plotting
import Testing

/// PDF output: one page of the requested size, fixed dates, the recipe as keywords, embedded fonts.
@Suite struct FigureRendererPDFTests {}

extension FigureRendererPDFTests {
    /// The PDF as Latin-1 text (every byte one character), for searching its uncompressed parts.
    private func text(_ bytes: [UInt8]) -> String {
        String(bytes.map { Character(Unicode.Scalar($0)) })
    }

    private func occurrences(of needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    @Test func isOnePageOfTheRequestedSize() throws {
        let request = RenderRequest(format: .pdf, size: Size(300, 150), recipe: "figure: pdf")
        let pdf = text(try FigureRenderer.render(request, draw: SampleFigure.draw))
        #expect(pdf.hasPrefix("%PDF-"))
        #expect(pdf.hasSuffix("%%EOF\n"))
        #expect(occurrences(of: "/Type /Page", in: pdf) - occurrences(of: "/Type /Pages", in: pdf) == 1)
        #expect(pdf.contains("/MediaBox [ 0 0 300 150 ]"))
    }

    @Test func carriesTheRecipeCreatorAndFixedDates() throws {
        let request = RenderRequest(format: .pdf, size: SampleFigure.size, recipe: "figure: loss-curves seed=3")
        let pdf = text(try FigureRenderer.render(request, draw: SampleFigure.draw))
        #expect(pdf.contains("/Keywords (figure: loss-curves seed=3)"))
        #expect(pdf.contains("/Creator (Descent)"))
        #expect(pdf.contains("/CreationDate (19700101000000Z)"))
        #expect(pdf.contains("/ModDate (19700101000000Z)"))
        #expect(!pdf.contains("/ID"))
    }

    @Test func embedsSubsetFonts() throws {
        let pdf = text(try FigureRenderer.render(SampleFigure.request(.pdf), draw: SampleFigure.draw))
        #expect(pdf.contains("/FontFile2"), "the TrueType font program is embedded")
        // Subset fonts are named with a six-letter tag: /BaseFont /ABCDEF+DejaVuSans.
        let named = pdf.components(separatedBy: "/BaseFont /").dropFirst().map { $0.prefix(while: { $0 != "\n" && $0 != " " }) }
        #expect(!named.isEmpty)
        #expect(named.allSatisfy { $0.count > 7 && $0.dropFirst(6).hasPrefix("+DejaVuSans") }, "\(named)")
    }

    @Test func isByteIdenticalRunToRun() throws {
        let a1 = try FigureRenderer.render(SampleFigure.request(.pdf), draw: SampleFigure.draw)
        _ = try FigureRenderer.render(SampleFigure.request(.pdf), draw: SampleFigure.drawOther)
        _ = try FigureRenderer.render(SampleFigure.request(.svg), draw: SampleFigure.drawOther)
        let a2 = try FigureRenderer.render(SampleFigure.request(.pdf), draw: SampleFigure.draw)
        #expect(a1 == a2)
    }

    @Test func nonASCIIRecipesSurvive() throws {
        let request = RenderRequest(format: .pdf, size: SampleFigure.size, recipe: "title: ∇f (Größe)")
        let pdf = text(try FigureRenderer.render(request) { _ in })
        // Cairo writes text strings that are not ASCII as UTF-16BE with a byte order mark.
        #expect(pdf.contains("/Keywords <FEFF"))
    }
}
