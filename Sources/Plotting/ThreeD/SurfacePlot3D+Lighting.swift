extension SurfacePlot3D {
    /// How the surface is lit: one distant light plus ambient light (Lambert shading).
    ///
    /// A facet with unit normal n (turned towards the camera) under a light from unit direction l gets the
    /// intensity I = ambient + diffuse·max(0, n·l), and its colour is the colormap's colour times I
    /// (each of red, green and blue, clamped to 1). The light's direction is given relative to the camera so
    /// that a figure keeps its look when the camera turns: azimuth 0 and elevation 0 light the surface from
    /// the viewer's position; negative azimuths move the light to the viewer's left.
    public struct Lighting: Sendable, Hashable {
        /// Degrees from the camera's azimuth, anticlockwise seen from above (negative: from the viewer's
        /// left).
        public var azimuth: Double
        /// Degrees above the x-y plane.
        public var elevation: Double
        /// The intensity of a facet facing away from the light.
        public var ambient: Double
        /// The intensity added to a facet facing the light squarely.
        public var diffuse: Double

        /// A light from (`azimuth`, `elevation`) degrees relative to the camera.
        ///
        /// - Parameters:
        ///   - azimuth: degrees from the camera's azimuth (default −15: a little to the viewer's left).
        ///   - elevation: degrees above the horizon (default 60).
        ///   - ambient: intensity of unlit facets (default 0.35).
        ///   - diffuse: intensity gained by facing the light (default 0.65).
        public init(azimuth: Double = -15, elevation: Double = 60, ambient: Double = 0.35, diffuse: Double = 0.65) {
            self.azimuth = azimuth
            self.elevation = elevation
            self.ambient = ambient
            self.diffuse = diffuse
        }

        /// The scene-space unit vector pointing towards the light for `camera`.
        func direction(for camera: Camera) -> Vector3 {
            Vector3.direction(azimuth: (camera.azimuth + azimuth) * .pi / 180, elevation: elevation * .pi / 180)
        }

        /// I = ambient + diffuse·max(0, n·l) for unit normal `normal` and light direction `light`.
        func intensity(normal: Vector3, light: Vector3) -> Double {
            ambient + diffuse * max(0, normal.dot(light))
        }

        /// `color` lit with intensity `intensity` (alpha kept).
        static func shade(_ color: Color, _ intensity: Double) -> Color {
            Color(red: min(1, color.red * intensity), green: min(1, color.green * intensity),
                  blue: min(1, color.blue * intensity), alpha: color.alpha)
        }
    }
}
