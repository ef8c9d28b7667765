extension SurfacePlot3D {
    /// A path drawn on the surface, such as an optimizer's trajectory: points (x, y) whose height is the
    /// surface's value f(x, y).
    ///
    /// Between consecutive points the path follows the surface (it is draped over it, not drawn as a straight
    /// chord through the air). Non-finite points break the path, and parts outside the x-y domain are cut
    /// off at its edge. Parts that the surface hides from the camera are not drawn.
    public struct Trajectory: Sendable {
        /// The path's points (x, y) in data coordinates.
        public var points: [Point]
        /// The line's colour.
        public var color: Color
        /// Line width in layout units.
        public var width: Double
        /// Dash pattern in layout units; empty for a solid line.
        public var dash: [Double]
        /// The legend's text; nil leaves the path out of the legend.
        public var label: String?
        /// A read-out after the label in the legend (an animation's live loss), right-aligned.
        public var detail: String?
        /// Older parts fade out (a trail): opacity grows from 0.15 at the first point to 1 at the last.
        public var fades = false

        /// A path through `points` in `color`.
        ///
        /// - Parameters:
        ///   - points: the (x, y) points, in order.
        ///   - color: the line's colour.
        ///   - width: line width in layout units (default 2).
        ///   - dash: dash pattern (default solid).
        ///   - label: legend text (default none).
        public init(points: [Point], color: Color, width: Double = 2, dash: [Double] = [], label: String? = nil) {
            self.points = points
            self.color = color
            self.width = width
            self.dash = dash
            self.label = label
        }
    }
}
