/// One plot: axes with scales and ticks, a title and axis labels, marks in data coordinates, and a legend.
///
/// ``draw(on:in:theme:)`` lays the chart out inside a frame: margins are measured from the tick labels and
/// axis labels actually drawn, marks are clipped to the plot area, and the legend goes to the corner of
/// the plot area where it covers the fewest data points.
public struct Chart: Sendable {
    /// Where the legend goes.
    public enum LegendPlacement: String, Sendable, CaseIterable {
        case auto, none, topLeft = "top-left", topRight = "top-right", bottomLeft = "bottom-left", bottomRight = "bottom-right"
    }

    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var xScale: Scale.Kind
    public var yScale: Scale.Kind
    public var xDomain: ClosedRange<Double>
    public var yDomain: ClosedRange<Double>
    public var marks: [Mark]
    public var legend: LegendPlacement
    /// Light grid lines at the major ticks.
    public var grid: Bool
    /// A colour key to the right of the plot.
    public var colorbar: Colorbar?
    /// Label only whole numbers on the y axis (for counts).
    public var integerYTicks = false
    /// A second y axis on the right, with its own scale and marks (a momentum curve beside learning rates).
    public var secondary: SecondaryAxis?

    /// Marks that move in an animation, drawn over `marks` in the foreground layer (see `FigureLayer`): a
    /// trajectory's trail and head, a curve that grows, a marker that slides along a schedule.
    public var foregroundMarks: [Mark] = []
    /// A short read-out in a box at a corner of the plot, such as an animation's step counter (foreground).
    public var counter: String?
    /// The corner of the counter; `.auto` takes the free corner with the fewest data points.
    public var counterPlacement: LegendPlacement = .auto
    /// The data points that an `.auto` legend and counter keep clear of; nil takes the points of the lines
    /// and markers drawn. An animation gives the whole run's points, so the legend stays put.
    public var placementPoints: [Point]?

    // MARK: - Creating a chart

    /// A chart over `xDomain × yDomain`.
    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, xScale: Scale.Kind = .linear,
                yScale: Scale.Kind = .linear, xDomain: ClosedRange<Double>, yDomain: ClosedRange<Double>,
                marks: [Mark] = [], legend: LegendPlacement = .auto, grid: Bool = false, colorbar: Colorbar? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yScale = yScale
        self.xDomain = xDomain
        self.yDomain = yDomain
        self.marks = marks
        self.legend = legend
        self.grid = grid
        self.colorbar = colorbar
    }

    // MARK: - Drawing

    /// Draws the chart inside `frame`: the background layer (grid, marks, axes, title, colour bar), then the
    /// foreground layer (moving marks, legend, counter), or just one of them.
    public func draw(on canvas: any Canvas, in frame: Rect, theme: Theme, layer: FigureLayer) {
        let layout = layout(in: frame, canvas: canvas, theme: theme)
        let plot = layout.plot
        guard plot.width > 1, plot.height > 1 else { return }
        if layer != .foreground {
            if grid { drawGrid(canvas, layout, theme) }
            drawClipped(marks, secondary?.marks ?? [], canvas, layout, theme)
            drawAxes(canvas, layout, theme)
            if let secondary { drawSecondaryAxis(secondary, canvas, layout, theme) }
            colorbar?.draw(canvas, beside: plot, theme: theme)
        }
        if layer != .background {
            drawClipped(foregroundMarks, secondary?.foregroundMarks ?? [], canvas, layout, theme)
            let placements = resolvedPlacements(layout, canvas, theme)
            if legend != .none { drawLegend(canvas, layout, theme, placement: placements.legend) }
            if let counter { drawCounter(counter, canvas, layout, theme, placement: placements.counter) }
        }
    }
}
