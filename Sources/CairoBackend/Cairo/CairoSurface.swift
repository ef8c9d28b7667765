import CCairo

/// An owned `cairo_surface_t`: an image in memory, or an SVG or PDF document streamed into memory.
///
/// The initializers check the new surface's status and throw `CairoError` when cairo could not create it;
/// `deinit` destroys the surface. A stream surface keeps its `ByteSink` alive for as long as the surface
/// exists, since cairo writes the end of the document while finishing or destroying it.
final class CairoSurface {
    /// The cairo surface; valid for the lifetime of `self` (use it inside `withPointer` when `self` is a
    /// local that might otherwise be released early).
    let pointer: OpaquePointer
    /// Where a stream surface writes; nil for image surfaces.
    let sink: ByteSink?

    /// Takes ownership of `pointer` after checking its status.
    ///
    /// - Throws: `CairoError` when the surface is in an error state; the surface is destroyed then.
    private init(owning pointer: OpaquePointer?, sink: ByteSink?, while operation: String) throws {
        guard let pointer else { throw CairoError(CAIRO_STATUS_NO_MEMORY, while: operation) }
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(pointer)
            throw CairoError(status, while: operation)
        }
        self.pointer = pointer
        self.sink = sink
    }

    deinit { cairo_surface_destroy(pointer) }

    // MARK: - Creating

    /// A transparent premultiplied ARGB32 image of `width × height` pixels.
    ///
    /// - Throws: `CairoError` for an invalid size or when memory runs out.
    static func image(width: Int, height: Int) throws -> CairoSurface {
        guard let w = Int32(exactly: width), let h = Int32(exactly: height) else {
            throw CairoError(CAIRO_STATUS_INVALID_SIZE, while: "creating a \(width)×\(height) image surface")
        }
        return try CairoSurface(owning: cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h), sink: nil,
                                while: "creating a \(width)×\(height) image surface")
    }

    /// An ARGB32 image surface over memory the caller owns: `width × height` pixels, `4 × width` bytes per
    /// row (cairo's stride for ARGB32). The memory must outlive the surface.
    ///
    /// - Throws: `CairoError` for an invalid size.
    static func image(over pixels: UnsafeMutableRawPointer, width: Int, height: Int) throws -> CairoSurface {
        guard let w = Int32(exactly: width), let h = Int32(exactly: height),
              cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, w) == 4 * w else {
            throw CairoError(CAIRO_STATUS_INVALID_SIZE, while: "wrapping a \(width)×\(height) frame")
        }
        return try CairoSurface(owning: cairo_image_surface_create_for_data(pixels.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32, w, h, 4 * w),
                                sink: nil, while: "wrapping a \(width)×\(height) frame")
    }

    /// An SVG document of `width × height` points, written into memory.
    ///
    /// The document is restricted to SVG 1.1 and uses points as its unit, so that a figure of 400 × 300
    /// layout units becomes `width="400pt" height="300pt" viewBox="0 0 400 300"`.
    ///
    /// - Throws: `CairoError` when cairo cannot create the surface.
    static func svg(width: Double, height: Double) throws -> CairoSurface {
        let sink = ByteSink()
        let surface = try CairoSurface(
            owning: cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, width, height), sink: sink,
            while: "creating the SVG surface")
        cairo_svg_surface_restrict_to_version(surface.pointer, CAIRO_SVG_VERSION_1_1)
        cairo_svg_surface_set_document_unit(surface.pointer, CAIRO_SVG_UNIT_PT)
        try surface.check(while: "configuring the SVG surface")
        return surface
    }

    /// A one-page PDF document of `width × height` points, written into memory.
    ///
    /// - Throws: `CairoError` when cairo cannot create the surface.
    static func pdf(width: Double, height: Double) throws -> CairoSurface {
        let sink = ByteSink()
        return try CairoSurface(
            owning: cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, width, height), sink: sink,
            while: "creating the PDF surface")
    }

    // MARK: - Using

    /// Runs `body` with the surface pointer while `self` is guaranteed to stay alive.
    func withPointer<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) { try body(pointer) }
    }

    /// Throws if the surface has entered an error state.
    ///
    /// - Throws: `CairoError` with the surface's status.
    func check(while operation: String) throws {
        try CairoError.check(cairo_surface_status(pointer), while: operation)
    }

    /// Finishes the surface: a stream surface writes the rest of its document to the sink.
    ///
    /// - Throws: `CairoError` when finishing failed (for example while writing).
    func finish(while operation: String) throws {
        cairo_surface_finish(pointer)
        try check(while: operation)
    }

    /// Sets a PDF document metadata entry (title, keywords, creator, dates …).
    ///
    /// - Throws: `CairoError` when cairo refuses the value.
    func setPDFMetadata(_ key: cairo_pdf_metadata_t, _ value: String) throws {
        value.withCString { cairo_pdf_surface_set_metadata(pointer, key, $0) }
        try check(while: "setting PDF metadata")
    }
}
