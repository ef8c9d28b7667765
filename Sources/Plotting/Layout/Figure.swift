/// Which part of a figure to draw.
///
/// An animation draws its `background` once — heatmap, contours, axes, title, colour bar, whatever does not
/// change from frame to frame — and then, on a copy of those pixels for every frame, the `foreground`: the
/// marks that move, the legend (whose read-outs change) and the step counter. `all` is both, in that order,
/// so a still and an animation's frame are drawn the same way.
public enum FigureLayer: Sendable, Hashable {
    case all, background, foreground
}

/// Something a figure can hold in one of its cells: a chart, a 3-D plot.
public protocol FigurePanel: Sendable {
    /// Draws one layer of the panel inside `frame`.
    func draw(on canvas: any Canvas, in frame: Rect, theme: Theme, layer: FigureLayer)
}

extension FigurePanel {
    /// Draws the whole panel inside `frame`.
    public func draw(on canvas: any Canvas, in frame: Rect, theme: Theme) {
        draw(on: canvas, in: frame, theme: theme, layer: .all)
    }
}

extension Chart: FigurePanel {}

extension SurfacePlot3D: FigurePanel {}

/// A whole picture: a background and one or more panels laid out in a grid, optionally with a small inset
/// panel inside the first one.
///
/// Sizes are layout units: pixels for PNG at scale 1, points for SVG and PDF.
public struct Figure: Sendable {
    /// Where an inset goes inside the first panel's plot area.
    public enum Corner: String, Sendable, CaseIterable {
        case topLeft = "top-left", topRight = "top-right", bottomLeft = "bottom-left", bottomRight = "bottom-right"
    }

    public var size: Size
    public var panels: [any FigurePanel]
    /// Panels per row (rows are added as needed).
    public var columns: Int
    /// A transparent background (for slides) instead of the theme's colour.
    public var transparent: Bool
    /// A small panel drawn over a corner of the first panel's plot area, `fraction` of its size.
    public var inset: (panel: any FigurePanel, corner: Corner, fraction: Double)?
    /// A headline over all the panels (math text in `$...$`), in a band `titleHeight` tall at the top; the
    /// panels share the rest of the height.
    public var title: String?
    public var titleHeight: Double = 0

    /// A figure of `size` holding `panels`, `columns` to a row.
    public init(size: Size, panels: [any FigurePanel], columns: Int = 1, transparent: Bool = false) {
        self.size = size
        self.panels = panels
        self.columns = max(1, columns)
        self.transparent = transparent
    }

    /// A figure of charts.
    public init(size: Size, charts: [Chart], columns: Int = 1, transparent: Bool = false) {
        self.init(size: size, panels: charts, columns: columns, transparent: transparent)
    }

    /// The panels that are charts.
    public var charts: [Chart] { panels.compactMap { $0 as? Chart } }

    /// Gives the figure a headline, in a band sized for `theme`'s title font (1.3 × the base size, bold).
    public mutating func setTitle(_ text: String?, theme: Theme) {
        title = text
        titleHeight = text == nil ? 0 : theme.fontSize * 2.6
    }

    /// The frame of the k-th panel: the cells of a `columns`-wide grid below the title band.
    public func frame(ofPanel k: Int) -> Rect {
        let rows = (panels.count + columns - 1) / columns
        let width = size.width / Double(columns), height = (size.height - titleHeight) / Double(max(1, rows))
        return Rect(x: Double(k % columns) * width, y: titleHeight + Double(k / columns) * height, width: width, height: height)
    }

    /// Draws the figure: the page colour and every panel's background layer, then every panel's foreground
    /// layer and the inset (drawn last so that moving marks of the first panel pass under it).
    public func draw(on canvas: any Canvas, theme: Theme, layer: FigureLayer = .all) {
        if layer != .foreground {
            if !transparent { canvas.fill(Path(rect: Rect(x: 0, y: 0, width: size.width, height: size.height)), color: theme.background) }
            for (k, panel) in panels.enumerated() { panel.draw(on: canvas, in: frame(ofPanel: k), theme: theme, layer: .background) }
            if let title { drawTitle(title, on: canvas, theme: theme) }
        }
        guard layer != .background else { return }
        for (k, panel) in panels.enumerated() { panel.draw(on: canvas, in: frame(ofPanel: k), theme: theme, layer: .foreground) }
        if let inset, let first = panels.first {
            let host = (first as? Chart)?.layout(in: frame(ofPanel: 0), canvas: canvas, theme: theme).plot ?? frame(ofPanel: 0)
            let width = host.width * inset.fraction, height = host.height * inset.fraction
            let margin = theme.fontSize * 0.6
            let left = inset.corner == .topLeft || inset.corner == .bottomLeft
            let top = inset.corner == .topLeft || inset.corner == .topRight
            let rect = Rect(x: left ? host.minX + margin : host.maxX - margin - width, y: top ? host.minY + margin : host.maxY - margin - height,
                            width: width, height: height)
            canvas.fill(Path(rect: rect), color: theme.background.withAlpha(0.94))
            canvas.stroke(Path(rect: rect), style: StrokeStyle(color: theme.foreground.withAlpha(0.4), width: theme.axisWidth))
            inset.panel.draw(on: canvas, in: rect, theme: theme)
        }
    }

    /// The headline, centred in its band (shrunk to fit the width).
    private func drawTitle(_ text: String, on canvas: any Canvas, theme: Theme) {
        let math = (try? MathText(text)) ?? MathText(plain: text)
        var font = theme.font(1.3, bold: true)
        var layout = math.layout(font: font, on: canvas)
        let room = size.width - theme.fontSize * 2
        if layout.width > room {
            font = theme.font(1.3 * max(0.6, room / layout.width), bold: true)
            layout = math.layout(font: font, on: canvas)
        }
        let x = (size.width - layout.width) / 2
        let baseline = titleHeight * 0.55 + font.size * 0.36
        layout.draw(on: canvas, at: Point(x, baseline), color: theme.foreground)
    }
}
