#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension MarkerShape {
    /// The marker's outline centred on `center`, fitting a circle of diameter `size` (the cross is an
    /// outline too, so every marker can be filled and stroked alike).
    public func path(at center: Point, size: Double) -> Path {
        let r = size / 2
        switch self {
        case .circle:
            return Path(circleAt: center, radius: r)
        case .square:
            let s = r * 0.86
            return Path(rect: Rect(x: center.x - s, y: center.y - s, width: 2 * s, height: 2 * s))
        case .diamond:
            return Path(polyline: [Point(center.x, center.y - r), Point(center.x + r * 0.8, center.y),
                                   Point(center.x, center.y + r), Point(center.x - r * 0.8, center.y)], closed: true)
        case .triangle:
            return polygon(center: center, radius: r, points: 3, innerRatio: nil)
        case .star:
            return polygon(center: center, radius: r * 1.1, points: 5, innerRatio: 0.45)
        case .cross:
            // An ✕ whose arms are a fifth of the size thick.
            let w = size * 0.11, a = r * 0.85
            var points: [Point] = []
            for k in 0..<4 {
                let angle = Double(k) * .pi / 2 + .pi / 4
                let (c, s) = (cos(angle), sin(angle))
                // Each arm: its tip's corner on the side of the previous arm, then the one on the side of
                // the next arm, then the notch between this arm and the next.
                points.append(Point(center.x + a * c + w * s, center.y + a * s - w * c))
                points.append(Point(center.x + a * c - w * s, center.y + a * s + w * c))
                let notch = angle + .pi / 4
                points.append(Point(center.x + w * 1.41 * cos(notch), center.y + w * 1.41 * sin(notch)))
            }
            return Path(polyline: points, closed: true)
        }
    }

    /// A regular polygon (or a star when `innerRatio` is set) pointing up.
    private func polygon(center: Point, radius: Double, points: Int, innerRatio: Double?) -> Path {
        var vertices: [Point] = []
        let count = innerRatio == nil ? points : points * 2
        for k in 0..<count {
            let angle = -Double.pi / 2 + Double(k) * 2 * .pi / Double(count)
            let r = innerRatio != nil && k % 2 == 1 ? radius * innerRatio! : radius
            vertices.append(Point(center.x + r * cos(angle), center.y + r * sin(angle)))
        }
        return Path(polyline: vertices, closed: true)
    }
}
