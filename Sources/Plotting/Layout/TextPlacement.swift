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

func atan2Approx(_ y: Double, _ x: Double) -> Double { atan2(y, x) }
func log10Approx(_ x: Double) -> Double { log10(x) }
func pow10(_ n: Int) -> Double { pow(10, Double(n)) }

/// Draws an arrow from `start` along the unit vector `direction`, `length` long, with a filled head.
func drawArrow(from start: Point, direction: Point, length: Double, color: Color, width: Double, _ canvas: any Canvas) {
    let head = min(length * 0.4, max(4, width * 4.5))
    let tip = Point(start.x + direction.x * length, start.y + direction.y * length)
    let neck = Point(tip.x - direction.x * head * 0.85, tip.y - direction.y * head * 0.85)
    canvas.stroke(Path(polyline: [start, neck]), style: StrokeStyle(color: color, width: width, cap: .round))
    let normal = Point(-direction.y, direction.x)
    let back = Point(tip.x - direction.x * head, tip.y - direction.y * head)
    let left = Point(back.x + normal.x * head * 0.45, back.y + normal.y * head * 0.45)
    let right = Point(back.x - normal.x * head * 0.45, back.y - normal.y * head * 0.45)
    canvas.fill(Path(polyline: [tip, left, neck, right], closed: true), color: color)
}
