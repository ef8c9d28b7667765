/// The file formats a figure can be rendered to.
public enum FigureFormat: String, Hashable, Sendable, CaseIterable {
    /// A raster image: layout units are logical pixels, multiplied by the request's scale.
    case png
    /// A vector document in SVG 1.1; layout units are points.
    case svg
    /// A one-page vector document in PDF; layout units are points.
    case pdf

    /// The usual file name extension, without the dot.
    public var fileExtension: String { rawValue }
}
