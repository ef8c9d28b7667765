import Plotting
import Testing

/// Charts on the recording canvas: where things land, what is written.
@Suite struct ChartTests {}

extension ChartTests {
    static let frame = Rect(x: 0, y: 0, width: 600, height: 400)

    @Test func linesLandWhereTheScalesPutThem() {
        let chart = Chart(xDomain: 0...10, yDomain: 0...1, marks: [.line(LineMark(points: [Point(0, 0), Point(10, 1)], color: Palette.blue))])
        let canvas = RecordingCanvas(size: Size(600, 400))
        chart.draw(on: canvas, in: Self.frame, theme: .light)
        let layout = chart.layout(in: Self.frame, canvas: canvas, theme: .light)
        let strokes = canvas.operations.compactMap { if case .stroke(let path, let style) = $0, style.color == Palette.blue { path } else { nil } }
        #expect(strokes.count == 1)
        guard case .move(let a) = strokes[0].elements[0], case .line(let b) = strokes[0].elements[1] else {
            Issue.record("expected a two-point line")
            return
        }
        #expect(abs(a.x - layout.plot.minX) < 1e-9 && abs(a.y - layout.plot.maxY) < 1e-9)
        #expect(abs(b.x - layout.plot.maxX) < 1e-9 && abs(b.y - layout.plot.minY) < 1e-9)
    }

    @Test func tickLabelsAndTitlesAreWritten() {
        let chart = Chart(title: "A title", xLabel: "step", yLabel: "loss", yScale: .log, xDomain: 0...100, yDomain: 1e-3...10)
        let canvas = RecordingCanvas(size: Size(600, 400))
        chart.draw(on: canvas, in: Self.frame, theme: .light)
        for text in ["A title", "step", "loss", "0", "100", "10⁻³", "10⁰", "10¹"] { #expect(canvas.texts.contains(text), "\(text)") }
        // The y label is turned to read upwards.
        let angles = canvas.operations.compactMap { if case .text("loss", _, _, _, let angle) = $0 { angle } else { nil } }
        #expect(angles == [-Double.pi / 2])
    }

    /// The legend goes to the corner with the fewest data points: here the data fill the top right.
    @Test func legendAvoidsTheData() {
        let points = (0..<50).map { Point(6 + Double($0) * 0.08, 0.6 + Double($0) * 0.008) }
        let chart = Chart(xDomain: 0...10, yDomain: 0...1, marks: [.line(LineMark(points: points, color: Palette.blue, label: "run"))])
        let canvas = RecordingCanvas(size: Size(600, 400))
        chart.draw(on: canvas, in: Self.frame, theme: .light)
        let layout = chart.layout(in: Self.frame, canvas: canvas, theme: .light)
        guard case .text(_, let at, _, _, _)? = canvas.operations.first(where: { if case .text("run", _, _, _, _) = $0 { true } else { false } }) else {
            Issue.record("no legend text")
            return
        }
        #expect(at.x < layout.plot.center.x)
        #expect(at.y < layout.plot.center.y)
    }

    @Test func marksAreClippedToThePlot() {
        let chart = Chart(xDomain: 0...1, yDomain: 0...1, marks: [.line(LineMark(points: [Point(-5, -5), Point(5, 5)], color: Palette.blue))])
        let canvas = RecordingCanvas(size: Size(600, 400))
        chart.draw(on: canvas, in: Self.frame, theme: .light)
        let layout = chart.layout(in: Self.frame, canvas: canvas, theme: .light)
        #expect(canvas.operations.contains(.clip(Path(rect: layout.plot))))
    }

    @Test func heatmapHasOnePixelPerDevicePixel() throws {
        let heatmap = HeatmapMark(value: { x, y in x * x + y * y }, norm: .linear(0...2), colormap: try Colormap.named("viridis"))
        let chart = Chart(xDomain: -1...1, yDomain: -1...1, marks: [.heatmap(heatmap)])
        let canvas = RecordingCanvas(size: Size(600, 400), pixelScale: 2)
        chart.draw(on: canvas, in: Self.frame, theme: .light)
        let layout = chart.layout(in: Self.frame, canvas: canvas, theme: .light)
        let image = try #require(canvas.images.first)
        #expect(image.width == Int((layout.plot.width * 2).rounded()))
        #expect(image.height == Int((layout.plot.height * 2).rounded()))
        // Darkest in the middle (the minimum), lighter at the corners.
        let centre = image.color(image.width / 2, image.height / 2), corner = image.color(0, 0)
        #expect(centre.luminance < corner.luminance)
    }

    @Test func markersHaveTheirShapes() {
        for shape in MarkerShape.allCases {
            let path = shape.path(at: Point(10, 10), size: 8)
            #expect(!path.isEmpty)
            for element in path.elements {
                if case .line(let p) = element { #expect(abs(p.x - 10) <= 5 && abs(p.y - 10) <= 5) }
            }
        }
    }
}
