/// A point or direction in three dimensions, for the 3-D surface plot's geometry.
///
/// Used in the plot's normalised scene coordinates (see ``SurfacePlot3D``), where x and y run over [−1, 1] and
/// z over [−h, h].
struct Vector3: Hashable, Sendable {
    var x: Double
    var y: Double
    var z: Double

    init(_ x: Double, _ y: Double, _ z: Double) {
        self.x = x
        self.y = y
        self.z = z
    }

    static func + (a: Vector3, b: Vector3) -> Vector3 { Vector3(a.x + b.x, a.y + b.y, a.z + b.z) }
    static func - (a: Vector3, b: Vector3) -> Vector3 { Vector3(a.x - b.x, a.y - b.y, a.z - b.z) }
    static func * (a: Vector3, k: Double) -> Vector3 { Vector3(a.x * k, a.y * k, a.z * k) }
    static prefix func - (a: Vector3) -> Vector3 { Vector3(-a.x, -a.y, -a.z) }

    /// a · b.
    func dot(_ b: Vector3) -> Double { x * b.x + y * b.y + z * b.z }

    /// a × b (right-handed).
    func cross(_ b: Vector3) -> Vector3 {
        Vector3(y * b.z - z * b.y, z * b.x - x * b.z, x * b.y - y * b.x)
    }

    /// |a|.
    var length: Double { dot(self).squareRoot() }

    /// a / |a|, or a itself when it has no length.
    var normalized: Vector3 {
        let l = length
        return l > 0 ? self * (1 / l) : self
    }

    /// The unit vector at `azimuth` (radians, anticlockwise from +x seen from above) and `elevation`
    /// (radians above the x-y plane): (cos e·cos a, cos e·sin a, sin e).
    static func direction(azimuth: Double, elevation: Double) -> Vector3 {
        Vector3(cosine(elevation) * cosine(azimuth), cosine(elevation) * sine(azimuth), sine(elevation))
    }
}
