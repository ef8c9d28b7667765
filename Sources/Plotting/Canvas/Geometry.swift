/// Points, sizes, rectangles and paths in layout units.
///
/// Layout units are points (1/72 inch) for vector output and logical pixels for raster output; a raster
/// drawn at `scale` 2 has twice as many device pixels per unit. The y axis points down, as on a page.

/// A position in layout units (y down).
public struct Point: Hashable, Sendable {
    public var x: Double
    public var y: Double

    /// The point (x, y).
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    public static func + (a: Point, b: Point) -> Point { Point(a.x + b.x, a.y + b.y) }
    public static func - (a: Point, b: Point) -> Point { Point(a.x - b.x, a.y - b.y) }
    public static func * (a: Point, k: Double) -> Point { Point(a.x * k, a.y * k) }
}

/// A width and a height in layout units.
public struct Size: Hashable, Sendable {
    public var width: Double
    public var height: Double

    /// The size width × height.
    public init(_ width: Double, _ height: Double) {
        self.width = width
        self.height = height
    }
}

/// An axis-aligned rectangle: its top-left corner and its size.
public struct Rect: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    /// The rectangle with top-left corner (x, y).
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var center: Point { Point(x + width / 2, y + height / 2) }

    /// The rectangle moved inwards by the given margins (outwards for negative ones).
    public func inset(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// The rectangle moved inwards by `amount` on every side.
    public func inset(by amount: Double) -> Rect { inset(top: amount, left: amount, bottom: amount, right: amount) }

    /// Whether `point` lies inside or on the border.
    public func contains(_ point: Point) -> Bool {
        point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
    }

    /// Whether the two rectangles overlap with positive area.
    public func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }
}

/// A vector path: sub-paths of straight and cubic Bézier segments.
public struct Path: Equatable, Sendable {
    public enum Element: Equatable, Sendable {
        case move(Point)
        case line(Point)
        case curve(Point, Point, Point)
        case close
    }

    public private(set) var elements: [Element] = []

    /// An empty path.
    public init() {}

    /// Starts a new sub-path at `point`.
    public mutating func move(to point: Point) { elements.append(.move(point)) }
    /// A straight segment to `point`.
    public mutating func line(to point: Point) { elements.append(.line(point)) }
    /// A cubic Bézier segment to `point` with control points `c1` and `c2`.
    public mutating func curve(to point: Point, control1 c1: Point, control2 c2: Point) {
        elements.append(.curve(c1, c2, point))
    }
    /// Closes the current sub-path.
    public mutating func close() { elements.append(.close) }

    public var isEmpty: Bool { elements.isEmpty }

    /// A polyline through `points` (closed when `closed`).
    public init(polyline points: [Point], closed: Bool = false) {
        guard let first = points.first else { return }
        move(to: first)
        for point in points.dropFirst() { line(to: point) }
        if closed { close() }
    }

    /// A rectangle.
    public init(rect: Rect) {
        self.init(polyline: [Point(rect.minX, rect.minY), Point(rect.maxX, rect.minY), Point(rect.maxX, rect.maxY),
                             Point(rect.minX, rect.maxY)], closed: true)
    }

    /// A circle of `radius` around `center`, from four Bézier arcs (k = 0.5523 approximates a quarter circle
    /// to within 0.03% of the radius).
    public init(circleAt center: Point, radius r: Double) {
        let k = 0.5522847498 * r
        let (cx, cy) = (center.x, center.y)
        move(to: Point(cx + r, cy))
        curve(to: Point(cx, cy + r), control1: Point(cx + r, cy + k), control2: Point(cx + k, cy + r))
        curve(to: Point(cx - r, cy), control1: Point(cx - k, cy + r), control2: Point(cx - r, cy + k))
        curve(to: Point(cx, cy - r), control1: Point(cx - r, cy - k), control2: Point(cx - k, cy - r))
        curve(to: Point(cx + r, cy), control1: Point(cx + k, cy - r), control2: Point(cx + r, cy - k))
        close()
    }

    /// Appends every sub-path of `other`.
    public mutating func append(_ other: Path) { elements += other.elements }
}
