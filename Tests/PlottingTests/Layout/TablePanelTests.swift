import Plotting
import Testing

/// Tables drawn as figure panels: cells aligned on a character, everything shrunk together to fit.
@Suite struct TablePanelTests {}

extension TablePanelTests {
    static let table = TablePanel(title: "Brackets", header: ["", "s = 1", "s = 0"],
                                  rows: [["i = 0", "34 × 3", "5 × 81"], ["i = 1", "1 × 81", ""]],
                                  footer: [["steps", "183", "405"]], alignment: .on("×"), note: "n × r")

    /// The texts drawn, with where and how large.
    static func texts(in frame: Rect) -> [(text: String, at: Point, size: Double)] {
        let canvas = RecordingCanvas(size: Size(frame.maxX, frame.maxY))
        table.draw(on: canvas, in: frame, theme: .light)
        return canvas.operations.compactMap { if case .text(let text, let at, let font, _, _) = $0 { (text, at, font.size) } else { nil } }
    }

    @Test func cellsLineUpOnTheCharacter() {
        let texts = Self.texts(in: Rect(x: 0, y: 0, width: 400, height: 300))
        // "34 " and "1 " end where "× 3" and "× 81" begin, the same x in both rows.
        let rights = texts.filter { $0.text.hasPrefix("×") }
        #expect(rights.count == 3)
        let column = rights.filter { $0.text == "× 3" || $0.text == "× 81" }.map(\.at.x)
        #expect(Set(column.map { ($0 * 1000).rounded() }).count == 2)
        let first = rights.filter { $0.text == "× 3" }[0].at.x, second = rights.filter { $0.text == "× 81" }.map(\.at.x).min()!
        #expect(abs(first - second) < 1e-9)
        // Nothing is drawn for the empty cell; the header and the footer are their own rows.
        #expect(texts.filter { $0.text.isEmpty }.isEmpty)
        #expect(texts.contains { $0.text == "s = 0" } && texts.contains { $0.text == "405" } && texts.contains { $0.text == "n × r" })
    }

    @Test func aSmallFrameShrinksTheTableNotTheTitle() {
        let large = Self.texts(in: Rect(x: 0, y: 0, width: 400, height: 300))
        let small = Self.texts(in: Rect(x: 0, y: 0, width: 110, height: 120))
        let cell = { (texts: [(text: String, at: Point, size: Double)]) in texts.first { $0.text == "183" }!.size }
        #expect(cell(small) < cell(large))
        #expect(small.first { $0.text == "Brackets" }?.size == large.first { $0.text == "Brackets" }?.size)
        let canvas = RecordingCanvas(size: Size(110, 120))
        for text in small where text.text != "Brackets" {
            let width = canvas.measure(text.text, font: Font(size: text.size)).width
            #expect(text.at.x >= 0 && text.at.x + width <= 110.001 && text.at.y <= 120, "\(text.text)")
        }
    }
}
