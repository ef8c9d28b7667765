#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Horizontal alignment of a text against its anchor point.
enum HorizontalAlignment {
    case left, center, right
}

/// Draws `text` with its baseline at `point.y`, aligned horizontally on `point.x`, rotated by `angle`.
func placeText(_ canvas: any Canvas, _ text: String, at point: Point, font: Font, color: Color,
               horizontal: HorizontalAlignment, angle: Double = 0) {
    let width = canvas.measure(text, font: font).width
    let shift = horizontal == .left ? 0 : horizontal == .center ? width / 2 : width
    let origin = Point(point.x - shift * cos(angle), point.y - shift * sin(angle))
    canvas.drawText(text, at: origin, font: font, color: color, angle: angle)
}

func cosine(_ x: Double) -> Double { cos(x) }
func sine(_ x: Double) -> Double { sin(x) }
