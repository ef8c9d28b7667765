import CPNG

/// The PNG row filter: a fixed one for every row, or libpng's per-row choice.
///
/// Filters predict each byte from its neighbours so that zlib sees small numbers. `adaptive` lets libpng
/// try all five and keep the best per row (slower, usually smallest); `none` is fastest and keeps the
/// compressed data easy to read back in tests.
public enum PNGFilter: Hashable, Sendable, CaseIterable {
    /// No prediction: the bytes as they are.
    case none
    /// Predict each byte from the pixel on its left.
    case sub
    /// Predict each byte from the pixel above.
    case up
    /// Predict from the mean of the left and upper pixels.
    case average
    /// Paeth's predictor: whichever of left, upper and upper-left is closest to left + upper − upper-left.
    case paeth
    /// Let libpng choose the filter per row among all five.
    case adaptive

    /// libpng's filter flags for this choice.
    var libpngFlags: Int32 {
        switch self {
        case .none: Int32(DESCENT_PNG_FILTER_NONE)
        case .sub: Int32(DESCENT_PNG_FILTER_SUB)
        case .up: Int32(DESCENT_PNG_FILTER_UP)
        case .average: Int32(DESCENT_PNG_FILTER_AVG)
        case .paeth: Int32(DESCENT_PNG_FILTER_PAETH)
        case .adaptive: Int32(DESCENT_PNG_FILTER_ALL)
        }
    }
}
