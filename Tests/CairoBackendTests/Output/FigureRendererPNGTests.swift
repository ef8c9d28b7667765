import CairoBackend
import Plotting
import Testing

/// PNG output, read back by the tests' own decoder (zlib for IDAT, filters undone in Swift).
@Suite struct FigureRendererPNGTests {}

extension FigureRendererPNGTests {
    @Test func strokedLineHasItsColourAndTheBackgroundStaysWhite() throws {
        let image = try DecodedImage(FigureRenderer.render(SampleFigure.request(.png), draw: SampleFigure.draw))
        let line = SampleFigure.lineColor
        #expect(close(image.pixel(100, 30), [byte(line.red), byte(line.green), byte(line.blue), 255]))
        #expect(image.pixel(5, 5) == [255, 255, 255, 255])
        #expect(image.pixel(60, 70) == [255, 255, 255, 255])
        // The translucent blue over white: 0.5·blue + 0.5·white.
        let fill = SampleFigure.fillColor
        let over = [fill.red, fill.green, fill.blue].map { byte($0 * fill.alpha + (1 - fill.alpha)) } + [255]
        #expect(close(image.pixel(150, 100), over))
        // The label left dark pixels on its baseline row band.
        let darkInLabel = (20..<120).contains { x in (88..<100).contains { y in image.pixel(x, y)[0] < 100 } }
        #expect(darkInLabel)
    }

    @Test func chunkLayoutAndChecksums() throws {
        let bytes = try FigureRenderer.render(SampleFigure.request(.png), draw: SampleFigure.draw)
        #expect(Array(bytes.prefix(8)) == PNGFile.signature)
        let file = try PNGFile(bytes)
        #expect(file.chunks.first?.type == "IHDR")
        #expect(file.chunks.last?.type == "IEND")
        #expect(file.chunks.last?.data.isEmpty == true)
        #expect(file.chunks.allSatisfy { $0.crcIsValid })
        #expect(file.chunks.contains { $0.type == "IDAT" })
        #expect(!file.chunks.contains { $0.type == "tIME" })
        #expect((file.width, file.height) == (200, 120))
        #expect(file.bitDepth == 8)
        #expect(file.colorType == 2, "an opaque figure is written as RGB")
        #expect(file.text("Software") == "Descent")
        #expect(file.internationalText("Descent recipe") == SampleFigure.request(.png).recipe)
    }

    @Test func transparentBackgroundGivesRGBA() throws {
        let bytes = try FigureRenderer.render(SampleFigure.request(.png, background: nil), draw: SampleFigure.draw)
        let image = try DecodedImage(bytes)
        #expect(image.file.colorType == 6)
        #expect(image.file.chunks.allSatisfy { $0.crcIsValid })
        #expect(image.pixel(5, 5) == [0, 0, 0, 0])
    }

    @Test func translucentPixelDecodesToItsStraightColour() throws {
        let color = Color(red: 0.2, green: 0.4, blue: 0.6, alpha: 0.5)
        var request = RenderRequest(format: .png, size: Size(16, 8), background: nil)
        request.png = PNGOptions(compressionLevel: 9, filter: .none)
        let bytes = try FigureRenderer.render(request) { canvas in
            canvas.fill(Path(rect: Rect(x: 0, y: 0, width: 8, height: 8)), color: color)
        }
        let image = try DecodedImage(bytes)
        #expect(try image.file.rowFilters().allSatisfy { $0 == 0 }, "filter NONE was requested")
        #expect(image.file.colorType == 6)
        for (x, y) in [(0, 0), (3, 4), (7, 7)] {
            #expect(close(image.pixel(x, y), [51, 102, 153, 128]), "pixel \(x),\(y) is \(image.pixel(x, y))")
        }
        #expect(image.pixel(12, 4) == [0, 0, 0, 0])
    }

    @Test func scaleTwoDoublesThePixelsAndKeepsTheLayout() throws {
        let one = try DecodedImage(FigureRenderer.render(SampleFigure.request(.png), draw: SampleFigure.draw))
        let two = try DecodedImage(FigureRenderer.render(SampleFigure.request(.png, scale: 2), draw: SampleFigure.draw))
        #expect((two.width, two.height) == (2 * one.width, 2 * one.height))
        let isLine = { (pixel: [Int]) in pixel[0] > 150 && pixel[1] < 60 && pixel[2] < 60 }
        // The 8-unit line along y = 30 covers rows 26..<34 at scale 1 and 52..<68 at scale 2.
        #expect(!isLine(one.pixel(100, 25)) && isLine(one.pixel(100, 26)) && isLine(one.pixel(100, 33)) && !isLine(one.pixel(100, 34)))
        #expect(!isLine(two.pixel(200, 51)) && isLine(two.pixel(200, 52)) && isLine(two.pixel(200, 67)) && !isLine(two.pixel(200, 68)))
        // Its ends: x = 20 and 180 (butt caps).
        #expect(!isLine(one.pixel(19, 30)) && isLine(one.pixel(20, 30)) && isLine(one.pixel(179, 30)) && !isLine(one.pixel(180, 30)))
        #expect(!isLine(two.pixel(39, 60)) && isLine(two.pixel(40, 60)) && isLine(two.pixel(359, 60)) && !isLine(two.pixel(360, 60)))
    }

    @Test func textMeasuresTheSameAtEveryScale() throws {
        var widths: [Double] = []
        for scale in [1.0, 2.0, 3.0] {
            _ = try FigureRenderer.render(SampleFigure.request(.png, scale: scale)) { canvas in
                widths.append(canvas.measure("Loss vs. step (log scale)", font: Font(size: 11)).width)
            }
        }
        #expect(widths.count == 3)
        #expect(widths.allSatisfy { abs($0 - widths[0]) <= 1e-9 * widths[0] }, "\(widths)")
    }

    @Test func fractionalSizesRoundToWholePixels() throws {
        let request = RenderRequest(format: .png, size: Size(10.4, 7.6), scale: 1.5)
        let file = try PNGFile(FigureRenderer.render(request) { _ in })
        #expect((file.width, file.height) == (16, 11))
        #expect((request.pixelWidth, request.pixelHeight) == (16, 11))
    }

    @Test(arguments: [
        RenderRequest(format: .png, size: Size(0, 10)),
        RenderRequest(format: .png, size: Size(10, .nan)),
        RenderRequest(format: .png, size: Size(10, 10), scale: 0),
        RenderRequest(format: .png, size: Size(40000, 10)),
        RenderRequest(format: .png, size: Size(10, 10), png: PNGOptions(compressionLevel: 10)),
        RenderRequest(format: .pdf, size: Size(-5, 10)),
    ])
    func impossibleRequestsAreRefused(_ request: RenderRequest) {
        #expect {
            _ = try FigureRenderer.render(request) { _ in }
        } throws: { error in
            if case .invalidRequest = error as? RenderError { true } else { false }
        }
    }
}
