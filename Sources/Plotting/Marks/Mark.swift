/// What a chart draws, as plain values in data coordinates (Swift Charts style): the chart owns the scales
/// and turns each mark into canvas operations.
public enum Mark: Sendable {
    /// A function coloured per output pixel.
    case heatmap(HeatmapMark)
    /// Bands between contour levels, filled.
    case filledContours(FilledContourMark)
    /// Lines along contour levels.
    case contourLines(ContourLineMark)
    /// A polyline, such as a trajectory or a loss curve.
    case line(LineMark)
    /// A single marker: a start point, a known minimum, a divergence.
    case marker(MarkerMark)
    /// A shaded band between two curves.
    case band(BandMark)
    /// Text with an arrow pointing at a data point.
    case annotation(AnnotationMark)
    /// Arrows at data points (a gradient field, velocity vectors).
    case arrows(ArrowMark)
    /// Vertical bars.
    case bars(BarMark)
    /// A vertical line across the plot at an x value, labelled at the top (a milestone, a restart).
    case rule(RuleMark)
}

/// A vertical dashed line at `x` with a short label at the top of the plot.
public struct RuleMark: Sendable {
    public var x: Double
    public var label: String?
    public var color: Color

    /// A rule at `x`.
    public init(x: Double, label: String? = nil, color: Color) {
        self.x = x
        self.label = label
        self.color = color
    }
}

/// Arrows from data points along data-space vectors.
///
/// Each arrow starts at `origins[k]` and points along `vectors[k]` (directions are taken through the chart's
/// scales, so they are right on the page). Lengths are in proportion to |v|: the longest arrow spans
/// `longest` of the plot's width; with `normalized` every arrow has that length (the colour can then show
/// the magnitude through `colors`).
public struct ArrowMark: Sendable {
    public var origins: [Point]
    public var vectors: [Point]
    /// The longest arrow's length as a fraction of the plot width.
    public var longest: Double
    public var normalized: Bool
    public var color: Color
    public var colors: [Color]?
    public var width: Double
    public var label: String?
    /// The magnitude drawn `longest` long; nil takes the largest of `vectors` (an animation fixes it, so that
    /// an arrow's length means the same on every frame).
    public var reference: Double?

    /// Arrows of `vectors` at `origins`.
    public init(origins: [Point], vectors: [Point], longest: Double, normalized: Bool = false, color: Color, colors: [Color]? = nil,
                width: Double = 1.2, label: String? = nil, reference: Double? = nil) {
        self.reference = reference
        self.origins = origins
        self.vectors = vectors
        self.longest = longest
        self.normalized = normalized
        self.color = color
        self.colors = colors
        self.width = width
        self.label = label
    }
}

/// Vertical bars of `heights` centred on `xs`, `width` data units wide, from `base`.
public struct BarMark: Sendable {
    public var xs: [Double]
    public var heights: [Double]
    public var width: Double
    public var base: Double
    public var color: Color
    public var label: String?

    /// Bars at `xs`.
    public init(xs: [Double], heights: [Double], width: Double = 0.8, base: Double = 0, color: Color, label: String? = nil) {
        self.xs = xs
        self.heights = heights
        self.width = width
        self.base = base
        self.color = color
        self.label = label
    }
}

/// A function f(x, y) coloured through a colormap at every output pixel (not an upsampled coarse grid).
public struct HeatmapMark: Sendable {
    public var value: @Sendable (Double, Double) -> Double
    public var norm: ValueNorm
    public var colormap: Colormap
    /// How far colours are washed towards the background, 0…1 (lets lines on top stand out).
    public var wash: Double

    /// A heatmap of `value`, normalised by `norm`, coloured by `colormap`.
    public init(value: @escaping @Sendable (Double, Double) -> Double, norm: ValueNorm, colormap: Colormap, wash: Double = 0) {
        self.value = value
        self.norm = norm
        self.colormap = colormap
        self.wash = wash
    }
}

/// Filled contour bands: below `levels[0]`, between consecutive levels, and above the last one.
public struct FilledContourMark: Sendable {
    public var grid: Grid
    public var levels: [Double]
    /// One colour per band: `levels.count + 1` of them, lowest band first.
    public var colors: [Color]

    /// Bands of `grid` between `levels` (ascending), coloured `colors`.
    public init(grid: Grid, levels: [Double], colors: [Color]) {
        self.grid = grid
        self.levels = levels
        self.colors = colors
    }
}

/// Contour lines at `levels`.
public struct ContourLineMark: Sendable {
    public var grid: Grid
    public var levels: [Double]
    public var color: Color
    public var width: Double
    /// Write each level's value on its longest line.
    public var labeled: Bool

    /// Lines of `grid` at `levels`, stroked `width` wide in `color`.
    public init(grid: Grid, levels: [Double], color: Color, width: Double = 0.6, labeled: Bool = false) {
        self.grid = grid
        self.levels = levels
        self.color = color
        self.width = width
        self.labeled = labeled
    }
}

/// A polyline through data points; non-finite points break it.
public struct LineMark: Sendable {
    public var points: [Point]
    public var color: Color
    public var width: Double
    public var dash: [Double]
    /// Legend text; `nil` keeps the line out of the legend.
    public var label: String?
    /// Older parts fade out (a trail): opacity grows from 0.15 at the first point to 1 at the last.
    public var fades: Bool
    /// A read-out after the label in the legend, right-aligned in a column of its own (an animation's live
    /// loss and learning rate).
    public var detail: String?
    /// The shape that identifies the series where several are drawn (at the ends of paths): shown on the
    /// line's legend swatch, so that shape as well as colour tells the series apart.
    public var marker: MarkerShape?

    /// A line through `points`.
    public init(points: [Point], color: Color, width: Double = 2, dash: [Double] = [], label: String? = nil,
                fades: Bool = false, marker: MarkerShape? = nil) {
        self.points = points
        self.color = color
        self.width = width
        self.dash = dash
        self.label = label
        self.fades = fades
        self.marker = marker
    }
}

/// The shape of a marker.
public enum MarkerShape: String, Sendable, CaseIterable {
    case circle, square, triangle, star, cross, diamond
}

/// One marker at a data point.
public struct MarkerMark: Sendable {
    public var point: Point
    public var shape: MarkerShape
    /// Size in layout units (the diameter of the circle that holds it).
    public var size: Double
    public var fill: Color
    public var stroke: Color?
    public var label: String?

    /// A marker of `shape` at `point`.
    public init(point: Point, shape: MarkerShape, size: Double = 8, fill: Color, stroke: Color? = nil, label: String? = nil) {
        self.point = point
        self.shape = shape
        self.size = size
        self.fill = fill
        self.stroke = stroke
        self.label = label
    }
}

/// The area between `lower` and `upper` over `xs`.
public struct BandMark: Sendable {
    public var xs: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var color: Color
    public var label: String?

    /// A band; the three arrays have the same length.
    public init(xs: [Double], lower: [Double], upper: [Double], color: Color, label: String? = nil) {
        self.xs = xs
        self.lower = lower
        self.upper = upper
        self.color = color
        self.label = label
    }
}

/// Text placed `offset` layout units from a data point, with an arrow to the point.
public struct AnnotationMark: Sendable {
    public var text: String
    public var target: Point
    public var offset: Point
    public var color: Color?

    /// An annotation of `target` with `text` written `offset` away (y down).
    public init(text: String, target: Point, offset: Point, color: Color? = nil) {
        self.text = text
        self.target = target
        self.offset = offset
        self.color = color
    }
}
