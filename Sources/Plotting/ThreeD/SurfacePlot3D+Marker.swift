extension SurfacePlot3D {
    /// A marker on the surface at (x, y, f(x, y)), hidden when the surface is in front of it.
    public struct Marker: Sendable {
        /// The marker's position (x, y) in data coordinates; its height is the surface's there.
        public var point: Point
        /// The marker's outline.
        public var shape: MarkerShape
        /// The inside's colour; nil draws only the outline (a ring for a circle).
        public var fill: Color?
        /// The outline's colour.
        public var stroke: Color
        /// The diameter of the marker's circle in layout units.
        public var size: Double
        /// The legend's text; nil leaves the marker out of the legend.
        public var label: String?

        /// A marker of `shape` at `point`.
        ///
        /// - Parameters:
        ///   - point: (x, y) in data coordinates.
        ///   - shape: the marker's outline.
        ///   - fill: inside colour, or nil for an outline only.
        ///   - stroke: outline colour.
        ///   - size: diameter in layout units (default 10).
        ///   - label: legend text (default none).
        public init(point: Point, shape: MarkerShape, fill: Color?, stroke: Color, size: Double = 10, label: String? = nil) {
            self.point = point
            self.shape = shape
            self.fill = fill
            self.stroke = stroke
            self.size = size
            self.label = label
        }

        /// A ring marking where a run starts, in the run's colour.
        public static func start(_ point: Point, color: Color, label: String? = nil) -> Marker {
            Marker(point: point, shape: .circle, fill: nil, stroke: color, size: 10, label: label)
        }

        /// A star marking a minimum: white with a near-black outline, legible on every colormap.
        public static func minimum(_ point: Point, label: String? = nil) -> Marker {
            Marker(point: point, shape: .star, fill: .white, stroke: Color(hex: 0x1A1A1A), size: 15, label: label)
        }
    }
}
