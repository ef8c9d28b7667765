import CairoBackend
import Plotting
import Testing

/// The canvas operations on real pixels: images, fill rules, dashes, clipping, text, and error reporting.
@Suite struct CairoCanvasTests {}

extension CairoCanvasTests {
    private func render(_ size: Size = Size(100, 50), background: Color? = .white,
                        _ draw: (any Canvas) throws -> Void) throws -> DecodedImage {
        try DecodedImage(FigureRenderer.render(RenderRequest(format: .png, size: size, background: background), draw: draw))
    }

    @Test func nearestImagesKeepHardEdges() throws {
        var image = RasterImage(width: 2, height: 1)
        image.set(0, 0, Color(hex: 0xFF0000))
        image.set(1, 0, Color(hex: 0x0000FF))
        let out = try render { $0.draw(image, in: Rect(x: 0, y: 0, width: 100, height: 50), smooth: false) }
        #expect(out.pixel(49, 25) == [255, 0, 0, 255])
        #expect(out.pixel(50, 25) == [0, 0, 255, 255])
    }

    @Test func smoothImagesBlendInsideAndDoNotFadeAtTheEdges() throws {
        var image = RasterImage(width: 2, height: 1)
        image.set(0, 0, Color(hex: 0xFF0000))
        image.set(1, 0, Color(hex: 0x0000FF))
        let out = try render(background: nil) { $0.draw(image, in: Rect(x: 0, y: 0, width: 100, height: 50), smooth: true) }
        let middle = out.pixel(50, 25)
        #expect(middle[0] > 60 && middle[2] > 60, "bilinear mixes the two pixels: \(middle)")
        // Padding repeats the edge pixels: the corners stay opaque and pure.
        #expect(out.pixel(0, 0) == [255, 0, 0, 255])
        #expect(out.pixel(99, 49) == [0, 0, 255, 255])
    }

    @Test func translucentImagePixelsArePremultipliedCorrectly() throws {
        let image = RasterImage(width: 1, height: 1, color: Color(hex: 0x3366CC, alpha: 0.5))
        let out = try render(background: nil) { $0.draw(image, in: Rect(x: 0, y: 0, width: 100, height: 50), smooth: false) }
        #expect(close(out.pixel(10, 10), [0x33, 0x66, 0xCC, 128]))
    }

    @Test func fillRulesDiffer() throws {
        // Two nested squares in the same direction: the hole is filled by winding, empty by even-odd.
        var path = Path(rect: Rect(x: 10, y: 5, width: 40, height: 40))
        path.append(Path(rect: Rect(x: 20, y: 15, width: 20, height: 20)))
        let winding = try render { $0.fill(path, color: .black, evenOdd: false) }
        let evenOdd = try render { $0.fill(path, color: .black, evenOdd: true) }
        #expect(winding.pixel(30, 25) == [0, 0, 0, 255])
        #expect(evenOdd.pixel(30, 25) == [255, 255, 255, 255])
        #expect(evenOdd.pixel(15, 25) == [0, 0, 0, 255])
    }

    @Test func dashesLeaveGaps() throws {
        let style = StrokeStyle(color: .black, width: 4, dash: [10, 10])
        let out = try render { $0.stroke(Path(polyline: [Point(0, 25), Point(100, 25)]), style: style) }
        #expect(out.pixel(5, 25) == [0, 0, 0, 255])
        #expect(out.pixel(15, 25) == [255, 255, 255, 255])
        #expect(out.pixel(25, 25) == [0, 0, 0, 255])
    }

    @Test func clipIsRestored() throws {
        let out = try render { canvas in
            canvas.save()
            canvas.clip(to: Path(rect: Rect(x: 0, y: 0, width: 50, height: 50)))
            canvas.fill(Path(rect: Rect(x: 0, y: 0, width: 100, height: 25)), color: .black)
            canvas.restore()
            canvas.fill(Path(rect: Rect(x: 0, y: 25, width: 100, height: 25)), color: .black)
        }
        #expect(out.pixel(25, 10) == [0, 0, 0, 255])
        #expect(out.pixel(75, 10) == [255, 255, 255, 255])
        #expect(out.pixel(75, 40) == [0, 0, 0, 255])
    }

    @Test func rotatedTextTurnsClockwise() throws {
        // At +90° the text runs downwards from its origin (20, 5); the tops of the letters point to +x, so the
        // glyphs lie right of x = 20 (a capital M is about 0.73 em tall).
        let out = try render(Size(40, 100)) {
            $0.drawText("MMMM", at: Point(20, 5), font: Font(size: 12), color: .black, angle: .pi / 2)
        }
        let dark = (0..<40).flatMap { x in (0..<100).compactMap { y in out.pixel(x, y)[0] < 128 ? (x, y) : nil } }
        #expect(!dark.isEmpty)
        #expect(dark.allSatisfy { $0.0 >= 19 && $0.0 <= 30 && $0.1 >= 4 }, "\(dark.map(\.0).min()!)...\(dark.map(\.0).max()!)")
        #expect(dark.contains { $0.1 > 40 }, "four capital Ms are about 40 units long")
    }

    @Test func measureReportsAdvanceAscentAndDescent() throws {
        var metrics: [TextMetrics] = []
        _ = try render { canvas in
            metrics = ["M", "MMMM", "", "g"].map { canvas.measure($0, font: Font(size: 20)) }
        }
        let (one, four, empty) = (metrics[0], metrics[1], metrics[2])
        #expect(abs(four.width - 4 * one.width) < 1e-6)
        #expect(one.width > 10 && one.width < 20)
        #expect(empty.width == 0)
        #expect(one.ascent > 14 && one.ascent < 22)
        #expect(one.descent > 3 && one.descent < 8)
        #expect(metrics[3].height == one.height, "font-wide ascent and descent, the same for every string")
    }

    @Test func boldTextIsWider() throws {
        var widths: [Double] = []
        _ = try render { canvas in
            widths = [Font(size: 20), Font(size: 20).bold].map { canvas.measure("Gradient", font: $0).width }
        }
        #expect(widths[1] > widths[0])
    }

    @Test func nonFinitePathsAreReported() {
        #expect(throws: CanvasError.self) {
            _ = try FigureRenderer.render(SampleFigure.request(.png)) { canvas in
                canvas.stroke(Path(polyline: [Point(0, 0), Point(.nan, 4)]), style: StrokeStyle(color: .black, width: 1))
            }
        }
    }

    @Test func cairoErrorsAreReported() {
        // A restore without a save puts cairo's context into an error state, which must surface.
        #expect {
            _ = try FigureRenderer.render(SampleFigure.request(.svg)) { $0.restore() }
        } throws: { error in
            guard let error = error as? CairoError else { return false }
            return error.message.contains("cairo_restore()") && "\(error)".hasPrefix("cairo failed while drawing the figure")
        }
    }

    @Test func malformedImagesAreReported() {
        let broken = RasterImage(width: 0, height: 3)
        #expect(throws: CanvasError.self) {
            _ = try FigureRenderer.render(SampleFigure.request(.pdf)) { $0.draw(broken, in: Rect(x: 0, y: 0, width: 5, height: 5), smooth: true) }
        }
    }

    @Test func pixelScaleIsTheRequestScale() throws {
        var scales: [Double] = []
        for format in FigureFormat.allCases {
            _ = try FigureRenderer.render(SampleFigure.request(format, scale: 2)) { scales.append($0.pixelScale); #expect($0.size == SampleFigure.size) }
        }
        #expect(scales == [2, 2, 2])
    }
}
