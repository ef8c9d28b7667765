import Plotting
import Simulation

/// How a surface is drawn under paths and arrows: the window, the background, contour lines and colours.
public struct SurfaceStyle: Sendable {
    /// How the surface is shown under the paths.
    public enum Background: String, Sendable, CaseIterable {
        /// The loss coloured at every pixel, with contour lines.
        case heatmap
        /// Filled contour bands with contour lines.
        case contours
        /// Contour lines only.
        case lines
    }

    /// How values map to contour levels and colours.
    public enum Levels: String, Sendable, CaseIterable {
        /// Log-spaced when most of the surface lies far below its peaks (the median in the lowest tenth of the
        /// range), linear otherwise.
        case auto
        case log
        case linear
    }

    /// The window shown (the surface's own window unless the spec sets `view`).
    public var view: ViewWindow
    public var background: Background
    /// Contour lines to draw (0 for none).
    public var contours: Int
    public var contourLabels: Bool
    public var levels: Levels
    /// The colormap (`nil`: the theme's).
    public var colormap: Colormap?
    public var colorbar: Bool

    public init(view: ViewWindow, background: Background = .heatmap, contours: Int = 12, contourLabels: Bool = false,
                levels: Levels = .auto, colormap: Colormap? = nil, colorbar: Bool = false) {
        self.view = view
        self.background = background
        self.contours = contours
        self.contourLabels = contourLabels
        self.levels = levels
        self.colormap = colormap
        self.colorbar = colorbar
    }
}

/// A linear or logarithmic axis.
public enum AxisScale: String, Sendable, CaseIterable {
    case linear, log
}
