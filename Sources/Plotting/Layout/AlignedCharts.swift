/// Several charts in one figure cell whose plot areas line up, so that a shared axis reads straight across:
///
/// - `column`: charts stacked top to bottom, heights in proportion to `weights`, every plot area with the same
///   left and right edges (a Gaussian process over its acquisition function, on one x axis);
/// - `marginals`: `charts[0]` is the main chart; `charts[1]` sits above it with the same x extent (a function
///   of the main x axis) and takes `top` of the height; `charts[2]` sits to its right with the same y extent
///   (a function of the main y axis) and takes `side` of the width.
///
/// Each chart keeps its own ticks, labels and title; only the frames it is drawn in are chosen so that the
/// plot areas meet these constraints.
public struct AlignedCharts: FigurePanel {
    public enum Arrangement: Sendable, Equatable {
        case column(weights: [Double])
        case marginals(top: Double, side: Double)
    }

    public var charts: [Chart]
    public var arrangement: Arrangement

    public init(charts: [Chart], arrangement: Arrangement) {
        self.charts = charts
        self.arrangement = arrangement
    }

    public func draw(on canvas: any Canvas, in frame: Rect, theme: Theme, layer: FigureLayer) {
        for (chart, plot) in zip(charts, plotAreas(in: frame, canvas: canvas, theme: theme)) {
            chart.draw(on: canvas, in: Self.frame(of: chart, placingPlotAt: plot, canvas: canvas, theme: theme), theme: theme, layer: layer)
        }
    }

    /// The plot area of each chart inside `frame`.
    public func plotAreas(in frame: Rect, canvas: any Canvas, theme: Theme) -> [Rect] {
        let margins = charts.map { Self.margins(of: $0, in: frame, canvas: canvas, theme: theme) }
        switch arrangement {
        case .column(let weights):
            let total = weights.prefix(charts.count).reduce(0, +)
            let left = margins.map(\.left).max() ?? 0, right = margins.map(\.right).max() ?? 0
            var y = frame.minY
            return charts.indices.map { k in
                let height = frame.height * (k < weights.count && total > 0 ? weights[k] / total : 0)
                defer { y += height }
                return Rect(x: frame.minX + left, y: y + margins[k].top, width: frame.width - left - right,
                            height: height - margins[k].top - margins[k].bottom)
            }
        case .marginals(let topShare, let sideShare):
            guard charts.count == 3 else { return charts.map { _ in frame } }
            let (main, top, side) = (margins[0], margins[1], margins[2])
            let outer = frame.inset(top: top.top, left: max(main.left, top.left), bottom: max(main.bottom, side.bottom), right: side.right)
            let topHeight = outer.height * topShare, sideWidth = outer.width * sideShare
            let mainY = outer.minY + topHeight + top.bottom + main.top
            let mainPlot = Rect(x: outer.minX, y: mainY, width: outer.width - sideWidth - main.right - side.left, height: outer.maxY - mainY)
            return [mainPlot,
                    Rect(x: mainPlot.minX, y: outer.minY, width: mainPlot.width, height: topHeight),
                    Rect(x: outer.maxX - sideWidth, y: mainPlot.minY, width: sideWidth, height: mainPlot.height)]
        }
    }

    /// The space a chart's ticks, labels and title take around its plot when drawn in `frame`.
    static func margins(of chart: Chart, in frame: Rect, canvas: any Canvas, theme: Theme) -> (top: Double, left: Double, bottom: Double, right: Double) {
        let plot = chart.layout(in: frame, canvas: canvas, theme: theme).plot
        return (plot.minY - frame.minY, plot.minX - frame.minX, frame.maxY - plot.maxY, frame.maxX - plot.maxX)
    }

    /// The frame in which `chart` lays its plot area out exactly on `plot` (two corrections: the margins depend
    /// only weakly on the frame's size, through the number of ticks).
    public static func frame(of chart: Chart, placingPlotAt plot: Rect, canvas: any Canvas, theme: Theme) -> Rect {
        var frame = plot
        for _ in 0..<3 {
            let laid = chart.layout(in: frame, canvas: canvas, theme: theme).plot
            frame = Rect(x: frame.minX + plot.minX - laid.minX, y: frame.minY + plot.minY - laid.minY,
                         width: frame.width + plot.width - laid.width, height: frame.height + plot.height - laid.height)
        }
        return frame
    }
}
