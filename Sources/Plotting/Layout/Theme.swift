/// The look of a figure: colours, fonts, line widths and the default colormap.
///
/// - `light`: white background, near-black text; for screens and slides.
/// - `dark`: near-black background, light text; lines that were black become light grey.
/// - `print`: for LaTeX documents and paper: white, black text and axes, thinner lines, a greyscale-safe
///   colormap (cividis) and dashed lines so runs stay apart when printed in grey.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var background: Color
    public var foreground: Color
    /// Tick labels and secondary text.
    public var mutedForeground: Color
    public var gridColor: Color
    public var legendBackground: Color
    public var fontFamily: String
    /// The base font size in layout units (tick labels); titles and labels are scaled from it.
    public var fontSize: Double
    public var lineWidth: Double
    public var axisWidth: Double
    /// The colormap of heatmaps and 3-D surfaces when a figure names none.
    public var colormap: Colormap
    /// How strongly a heatmap under trajectories is washed towards the background (0 = full colour).
    public var heatmapWash: Double
    public var contourLineColor: Color
    /// Whether runs are told apart by dash patterns as well as colour.
    public var dashesRuns: Bool

    public static let light = Theme(
        name: "light", background: .white, foreground: Color(hex: 0x1A1A1A), mutedForeground: Color(hex: 0x4D4D4D),
        gridColor: Color(hex: 0x000000, alpha: 0.10), legendBackground: Color(hex: 0xFFFFFF, alpha: 0.82),
        fontFamily: "DejaVu Sans", fontSize: 12, lineWidth: 2, axisWidth: 0.8, colormap: .builtIn("viridis"), heatmapWash: 0.08,
        contourLineColor: Color(hex: 0xFFFFFF, alpha: 0.55), dashesRuns: false)

    public static let dark = Theme(
        name: "dark", background: Color(hex: 0x15171C), foreground: Color(hex: 0xE8E8E8), mutedForeground: Color(hex: 0xB0B0B0),
        gridColor: Color(hex: 0xFFFFFF, alpha: 0.12), legendBackground: Color(hex: 0x15171C, alpha: 0.80),
        fontFamily: "DejaVu Sans", fontSize: 12, lineWidth: 2, axisWidth: 0.8, colormap: .builtIn("magma"), heatmapWash: 0.08,
        contourLineColor: Color(hex: 0x000000, alpha: 0.45), dashesRuns: false)

    public static let print = Theme(
        name: "print", background: .white, foreground: .black, mutedForeground: Color(hex: 0x262626),
        gridColor: Color(hex: 0x000000, alpha: 0.12), legendBackground: Color(hex: 0xFFFFFF, alpha: 0.9),
        fontFamily: "DejaVu Sans", fontSize: 9, lineWidth: 1.4, axisWidth: 0.6, colormap: .builtIn("cividis"), heatmapWash: 0.55,
        contourLineColor: Color(hex: 0xFFFFFF, alpha: 0.6), dashesRuns: true)

    /// Every theme, in the order `descent list themes` shows them.
    public static let all = [light, dark, print]

    /// The theme called `name`.
    public static func named(_ name: String) -> Theme? { all.first { $0.name == name.lowercased() } }

    /// A run's line colour in this theme: on the dark background black lines turn light grey and other dark
    /// colours are lightened (mixed a third of the way to white) so they keep their contrast.
    public func lineColor(_ color: Color) -> Color {
        guard name == "dark" else { return color }
        if color.luminance < 0.1 { return Color(hex: 0xDDDDDD) }
        return color.luminance < 0.3 ? color.mixed(with: .white, 0.35) : color
    }

    /// The dash pattern of the k-th run (solid unless the theme dashes runs).
    public func dash(forRun k: Int) -> [Double] {
        guard dashesRuns else { return [] }
        let patterns: [[Double]] = [[], [6, 3], [2, 2.5], [8, 3, 2, 3], [4, 2], [1.5, 3], [10, 3]]
        return patterns[k % patterns.count].map { $0 * lineWidth / 1.4 }
    }

    public func font(_ scale: Double = 1, bold: Bool = false) -> Font {
        Font(family: fontFamily, size: fontSize * scale, weight: bold ? .bold : .regular)
    }
}
