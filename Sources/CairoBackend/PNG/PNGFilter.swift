import CPNG

/// The PNG row filter: a fixed one for every row, or libpng's per-row choice.
///
/// Filters predict each byte from its neighbours so that zlib sees small numbers. `adaptive` lets libpng
/// try all five and keep the best per row (slower, usually smallest); `none` is fastest and keeps the
/// compressed data easy to read back in tests.
public enum PNGFilter: Hashable, Sendable, CaseIterable {
    case none, sub, up, average, paeth, adaptive

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
