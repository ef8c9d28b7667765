/// A whole picture: a background and one or more charts laid out in a grid.
///
/// Sizes are layout units: pixels for PNG at scale 1, points for SVG and PDF.
public struct Figure: Sendable {
    public var size: Size
    public var charts: [Chart]
    /// Charts per row (rows are added as needed).
    public var columns: Int
    /// A transparent background (for slides) instead of the theme's colour.
    public var transparent: Bool

    /// A figure of `size` holding `charts`, `columns` to a row.
    public init(size: Size, charts: [Chart], columns: Int = 1, transparent: Bool = false) {
        self.size = size
        self.charts = charts
        self.columns = max(1, columns)
        self.transparent = transparent
    }

    /// The frame of the k-th chart.
    public func frame(ofChart k: Int) -> Rect {
        let rows = (charts.count + columns - 1) / columns
        let width = size.width / Double(columns), height = size.height / Double(max(1, rows))
        return Rect(x: Double(k % columns) * width, y: Double(k / columns) * height, width: width, height: height)
    }

    /// Draws the background and every chart.
    public func draw(on canvas: any Canvas, theme: Theme) {
        if !transparent { canvas.fill(Path(rect: Rect(x: 0, y: 0, width: size.width, height: size.height)), color: theme.background) }
        for (k, chart) in charts.enumerated() { chart.draw(on: canvas, in: frame(ofChart: k), theme: theme) }
    }
}
