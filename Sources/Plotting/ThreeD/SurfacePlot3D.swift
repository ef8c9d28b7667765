/// A shaded 3-D surface plot of a loss landscape z = f(x, y), with paths and markers drawn on the surface
/// where the camera can see them.
///
/// The plot lives in a box: the x-y domain is mapped to [−1, 1]² and the z range to [−h, h], with
/// h = `boxHeight` (so the box is 2 × 2 × 2h whatever the data's units). ``draw(on:in:theme:)``
///
/// 1. samples f on a `resolution` × `resolution` grid of cells;
/// 2. fits the projected box, its tick labels and axis labels into the frame (see ``Layout``);
/// 3. draws the three back panes with grid lines, the ticks and the labels;
/// 4. paints the cells far to near (painter's algorithm), each coloured by the colormap at the mean of its
///    four corner values, c = colormap(norm(v̄)), and shaded by ``Lighting``: c·(ambient + diffuse·max(0, n·l));
/// 5. drapes each ``Trajectory`` over the surface and draws the parts the camera sees, then the visible
///    ``Marker``s, a legend and the title.
///
/// Paths and markers are hidden where the surface is in front of them: each point, lifted a thousandth
/// of the box's height off the surface, is visible when the straight line from it to the camera stays
/// above the sampled surface (checked every half cell until the line leaves the box or rises above the
/// highest sample). A path running behind a ridge therefore disappears behind it and reappears beyond,
/// which plotting libraries that sort whole lines by depth get wrong.
///
/// Everything goes through the `Canvas` protocol, so PNG, SVG and PDF output look the same. Path colours
/// are used as given (a recipe may pass them through `Theme.lineColor(_:)` first).
///
/// ```swift
/// let plot = SurfacePlot3D(value: { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) },
///                          xDomain: -2...2, yDomain: -1...3, norm: .logarithmic(0...2510),
///                          title: "Rosenbrock", paths: [.init(points: run, color: Palette.vermillion, label: "Adam")])
/// plot.draw(on: canvas, in: Rect(x: 0, y: 0, width: 960, height: 640), theme: .light)
/// ```
public struct SurfacePlot3D: Sendable {
    /// The surface: z = value(x, y). Non-finite values leave holes.
    public var value: @Sendable (Double, Double) -> Double
    /// The x interval shown, mapped to the box's width.
    public var xDomain: ClosedRange<Double>
    /// The y interval shown, mapped to the box's depth.
    public var yDomain: ClosedRange<Double>
    /// The z axis's range; nil uses the range of the sampled values. Heights outside it are clamped.
    public var zRange: ClosedRange<Double>?
    /// Cells per side of the mesh (at least 2).
    public var resolution: Int
    /// The surface's colours; nil uses the theme's colormap.
    public var colormap: Colormap?
    /// How values map to colours; nil is linear over the z range. Use `.logarithmic` for losses that span
    /// decades.
    public var norm: ValueNorm?
    /// Where the box is seen from.
    public var camera: Camera
    /// The light that shades the surface.
    public var lighting: Lighting
    /// Thin grid lines over the surface (every few cells, so that there are about 30 per side).
    public var wireframe: Bool
    /// The box's height relative to its width and depth: the z range is drawn 2·boxHeight tall against
    /// the x and y domains' 2.
    public var boxHeight: Double
    /// The text above the plot (`MathText` markup: `$...$` is typeset).
    public var title: String?
    /// The x axis's label, set along its edge.
    public var xLabel: String?
    /// The y axis's label, set along its edge.
    public var yLabel: String?
    /// The z axis's label, reading upwards.
    public var zLabel: String?
    /// Paths draped over the surface, drawn where the camera sees them.
    public var paths: [Trajectory]
    /// Markers on the surface, drawn where the camera sees them.
    public var markers: [Marker]
    /// Whether labelled paths and markers get a legend.
    public var legend: Bool
    /// A short read-out (an animation's step counter) in a box at the bottom left of the plot.
    public var counter: String?

    /// A surface plot of `value` over `xDomain × yDomain`.
    ///
    /// - Parameters:
    ///   - value: the surface, z = value(x, y).
    ///   - xDomain: the x interval shown.
    ///   - yDomain: the y interval shown.
    ///   - zRange: the z axis's range (default: the sampled values' range).
    ///   - resolution: mesh cells per side (default 60).
    ///   - colormap: surface colours (default: the theme's colormap).
    ///   - norm: value-to-colour map (default: linear over the z range).
    ///   - camera: viewpoint (default azimuth −60°, elevation 35°, perspective).
    ///   - lighting: light direction and strengths (default: from the upper left, ambient 0.35, diffuse 0.65).
    ///   - wireframe: draw thin grid lines over the surface (default false).
    ///   - boxHeight: box height over box width (default 0.7).
    ///   - title: text above the plot (default none).
    ///   - xLabel: x axis label (default none).
    ///   - yLabel: y axis label (default none).
    ///   - zLabel: z axis label (default none).
    ///   - paths: paths drawn on the surface (default none).
    ///   - markers: markers on the surface (default none).
    ///   - legend: show a legend for labelled paths and markers (default true).
    public init(value: @escaping @Sendable (Double, Double) -> Double, xDomain: ClosedRange<Double>,
                yDomain: ClosedRange<Double>, zRange: ClosedRange<Double>? = nil, resolution: Int = 60,
                colormap: Colormap? = nil, norm: ValueNorm? = nil, camera: Camera = Camera(),
                lighting: Lighting = Lighting(), wireframe: Bool = false, boxHeight: Double = 0.7,
                title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, zLabel: String? = nil,
                paths: [Trajectory] = [], markers: [Marker] = [], legend: Bool = true) {
        self.value = value
        self.xDomain = xDomain
        self.yDomain = yDomain
        self.zRange = zRange
        self.resolution = resolution
        self.colormap = colormap
        self.norm = norm
        self.camera = camera
        self.lighting = lighting
        self.wireframe = wireframe
        self.boxHeight = boxHeight
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.zLabel = zLabel
        self.paths = paths
        self.markers = markers
        self.legend = legend
    }

    /// Draws the plot inside `frame`: panes, ticks and labels, the shaded surface, the visible parts of the
    /// paths and markers, the legend and the title.
    ///
    /// - Parameters:
    ///   - canvas: where to draw.
    ///   - frame: the area the plot fills, labels included.
    ///   - theme: colours, fonts and the default colormap.
    ///   - layer: the background (panes, axes, surface, title), the foreground (paths, markers, legend,
    ///     counter) or both.
    public func draw(on canvas: any Canvas, in frame: Rect, theme: Theme, layer: FigureLayer) {
        let field = heightField()
        guard let layout = makeLayout(field: field, frame: frame, canvas: canvas, theme: theme) else { return }
        if layer != .foreground {
            drawPanes(canvas, layout, theme)
            drawAxes(canvas, layout, theme)
            drawMesh(canvas, layout, field, theme)
            drawTitle(canvas, layout, theme)
        }
        guard layer != .background else { return }
        drawPaths(canvas, layout, field, theme)
        drawMarkers(canvas, layout, field, theme)
        if legend { drawLegend(canvas, layout, field, theme) }
        if let counter { drawCounter(counter, canvas, layout, theme) }
    }

    /// The surface sampled on the plot's grid.
    func heightField() -> HeightField {
        HeightField(value: value, xDomain: xDomain, yDomain: yDomain, resolution: resolution, zRange: zRange,
                    halfHeight: max(0.05, boxHeight))
    }

    /// The colormap and norm in effect under `theme`.
    func colors(_ field: HeightField, _ theme: Theme) -> (map: Colormap, norm: ValueNorm) {
        (colormap ?? theme.colormap, norm ?? .linear(field.zRange))
    }
}
