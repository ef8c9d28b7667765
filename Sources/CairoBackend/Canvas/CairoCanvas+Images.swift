import CCairo
import Plotting

// MARK: - Images

extension CairoCanvas {
    /// Draws `image` scaled into `rect`.
    ///
    /// The image becomes a premultiplied ARGB32 cairo surface at its own resolution (SVG and PDF embed it
    /// at that resolution too) and fills `rect` through a surface pattern: bilinear filtering when
    /// `smooth`, nearest-neighbour otherwise. On raster output the pattern extends by padding, so that
    /// bilinear sampling at the border repeats the edge pixels instead of fading into transparency. Vector
    /// output keeps cairo's default extend: viewers draw an embedded image without fading, and cairo's
    /// PDF writer would otherwise embed a padded, larger copy of the image.
    func draw(_ image: RasterImage, in rect: Rect, smooth: Bool) {
        guard image.width > 0, image.height > 0, image.pixels.count == image.width * image.height * 4 else {
            record(CanvasError("an image of \(image.width) × \(image.height) pixels has \(image.pixels.count) bytes"))
            return
        }
        guard [rect.x, rect.y, rect.width, rect.height].allSatisfy(\.isFinite) else {
            record(CanvasError("image rectangle \(rect) is not finite"))
            return
        }
        guard rect.width != 0, rect.height != 0 else { return }
        let surface: CairoSurface
        do {
            surface = try CairoSurface.image(width: image.width, height: image.height)
            try Self.copyPremultiplied(image, into: surface)
        } catch {
            record(error)
            return
        }
        surface.withPointer { imageSurface in
            guard let pattern = cairo_pattern_create_for_surface(imageSurface) else {
                record(CairoError(CAIRO_STATUS_NO_MEMORY, while: "creating an image pattern"))
                return
            }
            defer { cairo_pattern_destroy(pattern) }
            cairo_pattern_set_filter(pattern, smooth ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_NEAREST)
            cairo_pattern_set_extend(pattern, isVector ? CAIRO_EXTEND_NONE : CAIRO_EXTEND_PAD)
            // The pattern matrix maps user space to image pixels: move rect's corner to the origin, then
            // scale its size to the image's.
            var matrix = cairo_matrix_t()
            cairo_matrix_init_scale(&matrix, Double(image.width) / rect.width, Double(image.height) / rect.height)
            cairo_matrix_translate(&matrix, -rect.x, -rect.y)
            cairo_pattern_set_matrix(pattern, &matrix)
            let status = cairo_pattern_status(pattern)
            guard status == CAIRO_STATUS_SUCCESS else {
                record(CairoError(status, while: "preparing an image pattern"))
                return
            }
            cairo_save(cr)
            cairo_set_source(cr, pattern)
            cairo_new_path(cr)
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
            cairo_fill(cr)
            cairo_restore(cr)
            images.append(SVGNormalizer.Image(width: image.width, height: image.height, smooth: smooth))
        }
    }

    /// Writes `image` (straight RGBA bytes) into the ARGB32 `surface` of the same size, premultiplying
    /// each colour component: p = ⌊(c·a + 127) / 255⌋.
    ///
    /// - Throws: `CairoError` when the surface has no pixel memory.
    static func copyPremultiplied(_ image: RasterImage, into surface: CairoSurface) throws {
        try surface.withPointer { s in
            cairo_surface_flush(s)
            guard let data = cairo_image_surface_get_data(s) else {
                throw CairoError(CAIRO_STATUS_NULL_POINTER, while: "reading image surface memory")
            }
            let stride = Int(cairo_image_surface_get_stride(s))
            image.pixels.withUnsafeBufferPointer { source in
                for y in 0..<image.height {
                    let row = UnsafeMutableRawPointer(data + y * stride)
                    for x in 0..<image.width {
                        let i = (y * image.width + x) * 4
                        let a = UInt32(source[i + 3])
                        let r = (UInt32(source[i]) * a + 127) / 255
                        let g = (UInt32(source[i + 1]) * a + 127) / 255
                        let b = (UInt32(source[i + 2]) * a + 127) / 255
                        row.storeBytes(of: a << 24 | r << 16 | g << 8 | b, toByteOffset: 4 * x, as: UInt32.self)
                    }
                }
            }
            cairo_surface_mark_dirty(s)
            try surface.check(while: "filling an image surface")
        }
    }
}
