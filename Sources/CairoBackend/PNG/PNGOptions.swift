/// How `PNGEncoder` compresses: the zlib level and the row filter.
///
/// Level 6 with adaptive filtering is libpng's usual balance. Animations that are written once and
/// compressed again later may prefer a low level (1–3); level 0 stores the pixels uncompressed.
public struct PNGOptions: Hashable, Sendable {
    /// The zlib compression level, 0 (store) to 9 (smallest).
    public var compressionLevel: Int
    /// The filter applied to each row before compression.
    public var filter: PNGFilter

    /// Options with the given level (0–9) and filter.
    public init(compressionLevel: Int = 6, filter: PNGFilter = .adaptive) {
        self.compressionLevel = compressionLevel
        self.filter = filter
    }
}
