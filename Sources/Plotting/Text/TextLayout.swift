#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A label laid out and ready to draw: runs of text and a few paths, placed relative to an origin at the
/// left end of the label's baseline.
///
/// Offsets and paths use layout units with y down, like the canvas: a superscript has a negative y offset,
/// a subscript a positive one. `ascent` and `descent` bound every run (by the metrics the measuring function
/// reported for it) and every path, so `ascent + descent` is the height to reserve for the label; labels of
/// plain text in the same font all get the same ascent and descent, so their baselines line up when they are
/// aligned by their tops or bottoms.
///
/// Runs are merged where that cannot move a glyph: neighbouring characters in the same font with no math
/// spacing between them form one run (`(t+1)` inside a subscript is one run, `Adam: ` is one run), so SVG
/// and PDF output get one text element per stretch of text rather than one per letter.
public struct TextLayout: Sendable, Equatable {
    /// Text set in one font along one baseline.
    public struct Run: Sendable, Equatable {
        public var text: String
        public var font: Font
        /// Where the run's baseline starts, relative to the layout's origin (y down).
        public var offset: Point
        /// The run's extent as measured when it was laid out.
        public var metrics: TextMetrics

        /// A run of `text` in `font` starting at `offset`.
        public init(text: String, font: Font, offset: Point, metrics: TextMetrics) {
            self.text = text
            self.font = font
            self.offset = offset
            self.metrics = metrics
        }
    }

    /// A path drawn with the label's colour: a fraction rule, a radical sign, an accent.
    public struct Shape: Sendable, Equatable {
        /// How the path is painted.
        public enum Paint: Sendable, Equatable {
            /// Stroked with round caps and joins, `width` layout units wide.
            case stroke(width: Double)
            /// Filled (non-zero winding).
            case fill
        }

        /// The path relative to the layout's origin (y down).
        public var path: Path
        public var paint: Paint

        /// A shape painting `path` with `paint`.
        public init(path: Path, paint: Paint) {
            self.path = path
            self.paint = paint
        }
    }

    /// The advance width.
    public var width: Double
    /// How far the label reaches above its baseline (positive).
    public var ascent: Double
    /// How far the label reaches below its baseline (positive).
    public var descent: Double
    public var runs: [Run]
    public var shapes: [Shape]

    /// A layout from its pieces.
    public init(width: Double, ascent: Double, descent: Double, runs: [Run], shapes: [Shape]) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
        self.runs = runs
        self.shapes = shapes
    }

    /// `ascent + descent`.
    public var height: Double { ascent + descent }

    /// The label's extent as text metrics.
    public var metrics: TextMetrics { TextMetrics(width: width, ascent: ascent, descent: descent) }

    /// The origin (the left end of the baseline) that puts `anchor` of the label's box at `point` when the
    /// label is drawn rotated by `angle`.
    ///
    /// In the label's own frame the origin lies (−h · width, v) from the anchor, where h is 0, ½ or 1 for
    /// left, centre and right, and v is `ascent` for top, (ascent − descent) / 2 for middle, 0 for baseline
    /// and −descent for bottom; that vector is rotated with the label.
    ///
    /// - Parameters:
    ///   - anchor: which point of the box is meant.
    ///   - point: where that point goes on the canvas.
    ///   - angle: the clockwise rotation the label will be drawn with.
    /// - Returns: the point to pass to `draw(on:at:color:angle:)`.
    public func origin(placing anchor: TextAnchor, at point: Point, angle: Double = 0) -> Point {
        let x: Double =
            switch anchor.horizontal {
            case .left: 0
            case .center: -width / 2
            case .right: -width
            }
        let y: Double =
            switch anchor.vertical {
            case .top: ascent
            case .middle: (ascent - descent) / 2
            case .baseline: 0
            case .bottom: -descent
            }
        return point + Rotation(angle).apply(Point(x, y))
    }

    /// The box the label occupies, unrotated, when `anchor` is placed at `point`: what a layout reserves for
    /// a title or a tick label.
    public func frame(placing anchor: TextAnchor, at point: Point) -> Rect {
        let origin = origin(placing: anchor, at: point)
        return Rect(x: origin.x, y: origin.y - ascent, width: width, height: height)
    }

    /// Draws every run and shape with the origin at `origin`, the whole label rotated by `angle` radians
    /// clockwise about `origin`.
    ///
    /// Each run's offset and each path's points are rotated about the origin, and the angle is passed on to
    /// `drawText`, so a rotated label is exactly the horizontal one turned as a whole.
    ///
    /// - Parameters:
    ///   - canvas: where to draw.
    ///   - origin: the left end of the baseline on the canvas.
    ///   - color: the colour of text and shapes.
    ///   - angle: clockwise rotation in radians (−π/2 reads bottom to top, as a y-axis title).
    public func draw(on canvas: any Canvas, at origin: Point, color: Color, angle: Double = 0) {
        let rotation = Rotation(angle)
        for run in runs {
            canvas.drawText(run.text, at: origin + rotation.apply(run.offset), font: run.font, color: color, angle: angle)
        }
        for shape in shapes {
            let path = shape.path.mapped { origin + rotation.apply($0) }
            switch shape.paint {
            case .stroke(let width):
                canvas.stroke(path, style: StrokeStyle(color: color, width: width, cap: .round, join: .round))
            case .fill:
                canvas.fill(path, color: color)
            }
        }
    }
}

// MARK: - Geometry helpers

/// A rotation by a fixed angle, clockwise on the page (y down); exact for angle 0.
private struct Rotation {
    let cosine: Double
    let sine: Double

    init(_ angle: Double) {
        if angle == 0 {
            (cosine, sine) = (1, 0)
        } else {
            (cosine, sine) = (cos(angle), sin(angle))
        }
    }

    func apply(_ point: Point) -> Point {
        Point(point.x * cosine - point.y * sine, point.x * sine + point.y * cosine)
    }
}

extension Path {
    /// The path with every point passed through `transform`.
    func mapped(_ transform: (Point) -> Point) -> Path {
        var path = Path()
        for element in elements {
            switch element {
            case .move(let point): path.move(to: transform(point))
            case .line(let point): path.line(to: transform(point))
            case .curve(let c1, let c2, let point):
                path.curve(to: transform(point), control1: transform(c1), control2: transform(c2))
            case .close: path.close()
            }
        }
        return path
    }

    /// The smallest rectangle holding every point and control point; `nil` for an empty path.
    var controlBounds: Rect? {
        var points: [Point] = []
        for element in elements {
            switch element {
            case .move(let point), .line(let point): points.append(point)
            case .curve(let c1, let c2, let point): points += [c1, c2, point]
            case .close: break
            }
        }
        guard let first = points.first else { return nil }
        var (minX, minY, maxX, maxY) = (first.x, first.y, first.x, first.y)
        for point in points.dropFirst() {
            minX = min(minX, point.x); maxX = max(maxX, point.x)
            minY = min(minY, point.y); maxY = max(maxY, point.y)
        }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}

extension TextLayout.Shape {
    /// The shape moved by `offset`.
    func translated(by offset: Point) -> TextLayout.Shape {
        TextLayout.Shape(path: path.mapped { $0 + offset }, paint: paint)
    }

    /// The painted area's bounds: the path's control bounds, grown by half the stroke width.
    var bounds: Rect? {
        guard let rect = path.controlBounds else { return nil }
        switch paint {
        case .fill: return rect
        case .stroke(let width): return rect.inset(by: -width / 2)
        }
    }
}
