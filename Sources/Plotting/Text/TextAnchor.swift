/// Which point of a label's box is placed at the point a caller gives.
///
/// The box runs from the label's left end to its right end horizontally, and from `ascent` above the
/// baseline to `descent` below it vertically. `middle` is halfway between top and bottom; `baseline` is the
/// baseline itself, so labels of different heights in one row share it.
public struct TextAnchor: Hashable, Sendable {
    /// Horizontal position in the box.
    public enum Horizontal: Hashable, Sendable { case left, center, right }
    /// Vertical position in the box.
    public enum Vertical: Hashable, Sendable { case top, middle, baseline, bottom }

    public var horizontal: Horizontal
    public var vertical: Vertical

    /// The anchor at `horizontal` × `vertical`.
    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    public static let topLeft = TextAnchor(.left, .top)
    public static let topCenter = TextAnchor(.center, .top)
    public static let topRight = TextAnchor(.right, .top)
    public static let middleLeft = TextAnchor(.left, .middle)
    /// The centre of the box.
    public static let center = TextAnchor(.center, .middle)
    public static let middleRight = TextAnchor(.right, .middle)
    public static let baselineLeft = TextAnchor(.left, .baseline)
    public static let baselineCenter = TextAnchor(.center, .baseline)
    public static let baselineRight = TextAnchor(.right, .baseline)
    public static let bottomLeft = TextAnchor(.left, .bottom)
    public static let bottomCenter = TextAnchor(.center, .bottom)
    public static let bottomRight = TextAnchor(.right, .bottom)
}
