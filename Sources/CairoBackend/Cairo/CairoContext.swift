import CCairo

/// An owned `cairo_t` drawing on a `CairoSurface`.
///
/// The context keeps its surface alive. Cairo contexts record the first error they meet and then ignore
/// further drawing, so checking the status once after drawing (`check(while:)`) catches every failure.
final class CairoContext {
    /// The cairo context; valid for the lifetime of `self`.
    let pointer: OpaquePointer
    /// The surface drawn on.
    let surface: CairoSurface

    /// A context drawing on `surface`, with the state cairo gives a new context.
    ///
    /// - Throws: `CairoError` when cairo could not create the context.
    init(surface: CairoSurface) throws {
        let created = surface.withPointer { cairo_create($0) }
        guard let created else { throw CairoError(CAIRO_STATUS_NO_MEMORY, while: "creating a drawing context") }
        let status = cairo_status(created)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(created)
            throw CairoError(status, while: "creating a drawing context")
        }
        self.pointer = created
        self.surface = surface
    }

    deinit { cairo_destroy(pointer) }

    /// Throws if the context has entered an error state.
    ///
    /// - Throws: `CairoError` with the context's status.
    func check(while operation: String) throws {
        try CairoError.check(cairo_status(pointer), while: operation)
    }
}
