import CCairo
import Plotting

/// Draws on animation frames in memory with cairo.
///
/// A frame is drawn in layout units scaled by `scale` (as `FigureRenderer` draws a PNG), straight onto the
/// frame's own pixels, so an animation can draw its background once and each frame's moving marks over a
/// copy of it. The result is the same, pixel for pixel, as drawing everything on one image: cairo composites
/// each operation onto the pixels already there. Safe to use from several threads, each on its own frame.
public enum FrameRasterizer {
    /// A frame of the figure's size in device pixels (`size × scale`, rounded), drawn by `draw` over
    /// `fill` (premultiplied ARGB32; 0 is transparent).
    ///
    /// - Throws: `RenderError.invalidRequest` for a size cairo cannot hold, and the errors of `draw(over:…)`.
    public static func frame(size: Size, scale: Double, fill: UInt32 = 0, draw: (any Canvas) throws -> Void) throws -> FrameImage {
        let request = RenderRequest(format: .png, size: size, scale: scale, background: nil)
        try request.validate()
        var frame = FrameImage(width: request.pixelWidth, height: request.pixelHeight, fill: fill)
        try self.draw(over: &frame, size: size, scale: scale, draw: draw)
        return frame
    }

    /// Runs `draw` over the pixels of `frame`, in layout units of a figure of `size` scaled by `scale`.
    ///
    /// - Throws: any error `draw` throws, `MissingFontError` for a font that is not installed, `CanvasError`
    ///   for invalid drawing input and `CairoError` when cairo fails.
    public static func draw(over frame: inout FrameImage, size: Size, scale: Double, draw: (any Canvas) throws -> Void) throws {
        let width = frame.width, height = frame.height
        try frame.pixels.withUnsafeMutableBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            // Every cairo object lives inside this closure: none may outlive the pixels it draws on.
            let surface = try CairoSurface.image(over: base, width: width, height: height)
            let context = try CairoContext(surface: surface)
            cairo_scale(context.pointer, scale, scale)
            let canvas = try CairoCanvas(context: context, size: size, pixelScale: scale, isVector: false)
            try draw(canvas)
            try canvas.finish()
            surface.withPointer { cairo_surface_flush($0) }
            try surface.check(while: "drawing an animation frame")
            withExtendedLifetime((canvas, context, surface)) {}
        }
    }
}
