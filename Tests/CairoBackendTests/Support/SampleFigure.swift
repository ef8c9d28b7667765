import CairoBackend
import Plotting

/// Small figures with known content, shared by the tests.
enum SampleFigure {
    static let size = Size(200, 120)
    static let lineColor = Color(red: 0.8, green: 0.1, blue: 0.1)
    /// The stroked line runs along y = 30 from x = 20 to 180, 8 units wide: it covers rows 26..<34.
    static let lineY = 30.0
    static let lineWidth = 8.0
    static let fillColor = Color(red: 0.1, green: 0.3, blue: 0.9, alpha: 0.5)
    static let fillRect = Rect(x: 110, y: 60, width: 80, height: 50)
    static let label = "Descent: α = 0.01 & <x>"

    /// Background by the request, a thick line, a translucent rectangle and a label.
    static func draw(_ canvas: any Canvas) {
        canvas.stroke(Path(polyline: [Point(20, lineY), Point(180, lineY)]), style: StrokeStyle(color: lineColor, width: lineWidth))
        canvas.fill(Path(rect: fillRect), color: fillColor)
        canvas.drawText(label, at: Point(20, 100), font: Font(size: 14), color: .black)
    }

    /// A different figure: a circle and a rotated label.
    static func drawOther(_ canvas: any Canvas) {
        canvas.fill(Path(circleAt: Point(100, 60), radius: 40), color: Color(hex: 0x2A9D8F))
        canvas.save()
        canvas.clip(to: Path(rect: Rect(x: 0, y: 0, width: 100, height: 120)))
        canvas.drawText("clipped and turned", at: Point(30, 110), font: Font(size: 12).bold, color: .black, angle: -.pi / 2)
        canvas.restore()
        var heat = RasterImage(width: 3, height: 2)
        for x in 0..<3 { for y in 0..<2 { heat.set(x, y, Color(red: Double(x) / 2, green: 0.2, blue: Double(y))) } }
        canvas.draw(heat, in: Rect(x: 140, y: 10, width: 45, height: 30), smooth: false)
    }

    /// A request for the sample figure.
    static func request(_ format: FigureFormat, scale: Double = 1, background: Color? = .white,
                        recipe: String = "figure: sample\ntitle: \"A & B <C>\" 'q'") -> RenderRequest {
        RenderRequest(format: format, size: size, scale: scale, background: background, recipe: recipe)
    }
}
