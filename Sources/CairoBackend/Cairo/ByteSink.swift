import CCairo

/// Collects the bytes a cairo stream surface (SVG, PDF) writes, in memory.
///
/// A surface created with `cairo_*_surface_create_for_stream` calls `ByteSink.write` with a pointer to its
/// sink as the closure argument; the surface must keep the sink alive (see `CairoSurface`), because cairo
/// may still write while the surface is finished or destroyed.
final class ByteSink {
    /// Everything written so far.
    private(set) var bytes: [UInt8] = []

    /// The C write callback cairo calls; `closure` is an unretained pointer to a `ByteSink`.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        if length > 0 {
            guard let data else { return CAIRO_STATUS_WRITE_ERROR }
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        }
        return CAIRO_STATUS_SUCCESS
    }

    /// The closure argument to pass to cairo along with `write`.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
