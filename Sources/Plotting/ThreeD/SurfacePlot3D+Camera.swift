extension SurfacePlot3D {
    /// Where a 3-D plot is seen from: a camera on a sphere around the centre of the plot's box, looking at
    /// that centre.
    ///
    /// The camera sits in the direction (cos e·cos a, cos e·sin a, sin e) from the centre, with a the
    /// azimuth and e the elevation, at `distance` times the radius of the scene (the half-diagonal of the
    /// normalised box, so the whole box always fits in front of the camera). The defaults (−60°, 35°) show
    /// the x axis running to the right-front and the y axis to the right-back, as matplotlib does.
    ///
    /// With `perspective`, a point p is projected as (p·r, p·u)·D/((p − eye)·f), where r, u and f are the
    /// camera's right, up and forward unit vectors and D the distance to the centre: things far away look
    /// smaller. Without it the projection is orthographic, (p·r, p·u). A larger `distance` flattens the
    /// perspective; below 1.5 scene radii it is raised to 1.5 (the camera must be outside the box).
    public struct Camera: Sendable, Hashable {
        /// Degrees anticlockwise from the +x axis, seen from above; −60 looks at the box from the front
        /// right.
        public var azimuth: Double
        /// Degrees above the x-y plane, kept within ±89 (straight down has no "up" on the page).
        public var elevation: Double
        /// The distance from the box's centre, in scene radii.
        public var distance: Double
        /// Whether far things look smaller (otherwise the projection is orthographic).
        public var perspective: Bool

        /// A camera at (`azimuth`, `elevation`) in degrees, `distance` scene radii from the box's centre.
        ///
        /// - Parameters:
        ///   - azimuth: degrees anticlockwise from +x seen from above (default −60).
        ///   - elevation: degrees above the x-y plane (default 35).
        ///   - distance: distance from the centre in scene radii (default 7; at least 1.5).
        ///   - perspective: perspective (default) or orthographic projection.
        public init(azimuth: Double = -60, elevation: Double = 35, distance: Double = 7, perspective: Bool = true) {
            self.azimuth = azimuth
            self.elevation = elevation
            self.distance = distance
            self.perspective = perspective
        }
    }
}

// MARK: - Projection

/// The camera's frame and the projection of scene points onto the image plane.
///
/// Image-plane coordinates (u, v) have v pointing up and are scaled so that a point at the depth of the
/// box's centre has the same coordinates under perspective and orthographic projection.
struct Projection3D: Sendable {
    let eye: Vector3
    /// Unit vector from the eye to the eye's view direction (for orthographic: the direction towards the
    /// eye from any point, negated).
    let forward: Vector3
    let right: Vector3
    let up: Vector3
    /// The distance from the eye to the box's centre.
    let focus: Double
    let perspective: Bool

    /// The projection of `camera` for a scene of radius `sceneRadius` centred on the origin.
    init(camera: SurfacePlot3D.Camera, sceneRadius: Double) {
        let elevation = min(max(camera.elevation, -89), 89) * .pi / 180
        let direction = Vector3.direction(azimuth: camera.azimuth * .pi / 180, elevation: elevation)
        focus = max(camera.distance, 1.5) * sceneRadius
        eye = direction * focus
        forward = -direction
        right = forward.cross(Vector3(0, 0, 1)).normalized
        up = right.cross(forward)
        perspective = camera.perspective
    }

    /// The image-plane position (u, v) of `p`, v up.
    func project(_ p: Vector3) -> (u: Double, v: Double) {
        let d = p - eye
        let scale = perspective ? focus / max(d.dot(forward), 1e-9) : 1
        return (d.dot(right) * scale, d.dot(up) * scale)
    }

    /// The distance of `p` in front of the eye, along the view direction: (p − eye)·f.
    func depth(_ p: Vector3) -> Double { (p - eye).dot(forward) }

    /// The unit vector from `p` towards the eye: (eye − p)/|eye − p|, or −f for an orthographic camera.
    func towardsEye(from p: Vector3) -> Vector3 {
        perspective ? (eye - p).normalized : -forward
    }

    /// A key that orders the cells of a height field from far to near (larger is farther): the horizontal
    /// distance from the eye's foot point, or, for an orthographic camera, minus the position along the
    /// horizontal view direction.
    ///
    /// Whatever hides a point of a height field lies on the sight line between it and the eye, so it is
    /// horizontally nearer the eye: painting in this order is exact for a height field, whereas the 3-D
    /// depth of the centroid can misorder a steep wall and the low ground in front of it.
    func farness(_ p: Vector3) -> Double {
        if perspective {
            let dx = p.x - eye.x, dy = p.y - eye.y
            return (dx * dx + dy * dy).squareRoot()
        }
        return p.x * forward.x + p.y * forward.y
    }
}
