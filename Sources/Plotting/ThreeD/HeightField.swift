/// The surface z = f(x, y) sampled on a grid, in the plot's normalised scene coordinates, with the queries
/// the 3-D plot needs: bilinear heights and whether a point can be seen from the camera.
///
/// The grid has (n + 1) × (n + 1) nodes over the x-y domain, mapped to X, Y ∈ [−1, 1]; heights are mapped
/// from `zRange` to Z ∈ [−h, h] and clamped into it (a surface taller than the box is cut flat at its
/// lid). Nodes where f is not finite have no height (NaN): the cells around them are left out of the mesh
/// and never hide anything.
struct HeightField: Sendable {
    /// Cells per side.
    let n: Int
    let xDomain: ClosedRange<Double>
    let yDomain: ClosedRange<Double>
    let zRange: ClosedRange<Double>
    /// The box's half height h.
    let halfHeight: Double
    /// f at node (i, j), index j·(n + 1) + i, i along x.
    let values: [Double]
    /// The normalised, clamped height at each node; NaN where f is not finite.
    let heights: [Double]
    /// The largest and smallest normalised node heights.
    let maxHeight: Double
    let minHeight: Double

    /// Samples `value` on an (n + 1) × (n + 1) grid; `zRange` nil means the range of the finite samples.
    init(value: (Double, Double) -> Double, xDomain: ClosedRange<Double>, yDomain: ClosedRange<Double>,
         resolution: Int, zRange: ClosedRange<Double>?, halfHeight: Double) {
        let n = max(2, resolution)
        self.n = n
        self.xDomain = xDomain
        self.yDomain = yDomain
        self.halfHeight = halfHeight
        var values = [Double](repeating: .nan, count: (n + 1) * (n + 1))
        var low = Double.infinity, high = -Double.infinity
        for j in 0...n {
            let y = yDomain.lowerBound + (yDomain.upperBound - yDomain.lowerBound) * Double(j) / Double(n)
            for i in 0...n {
                let x = xDomain.lowerBound + (xDomain.upperBound - xDomain.lowerBound) * Double(i) / Double(n)
                let v = value(x, y)
                values[j * (n + 1) + i] = v
                if v.isFinite {
                    low = min(low, v)
                    high = max(high, v)
                }
            }
        }
        self.values = values
        var range = zRange ?? (low <= high ? low...high : 0...1)
        if range.upperBound <= range.lowerBound { range = (range.lowerBound - 0.5)...(range.lowerBound + 0.5) }
        self.zRange = range
        let scale = 2 * halfHeight / (range.upperBound - range.lowerBound)
        heights = values.map { v in
            v.isFinite ? -halfHeight + (min(max(v, range.lowerBound), range.upperBound) - range.lowerBound) * scale : .nan
        }
        maxHeight = heights.filter { !$0.isNaN }.max() ?? -halfHeight
        minHeight = heights.filter { !$0.isNaN }.min() ?? -halfHeight
    }

    /// The width of a cell in normalised coordinates, 2/n.
    var cellSize: Double { 2 / Double(n) }

    /// The normalised height of the node (i, j).
    func height(_ i: Int, _ j: Int) -> Double { heights[j * (n + 1) + i] }

    /// The scene position of node (i, j).
    func node(_ i: Int, _ j: Int) -> Vector3 {
        Vector3(-1 + 2 * Double(i) / Double(n), -1 + 2 * Double(j) / Double(n), height(i, j))
    }

    /// The normalised height of a data value: −h + 2h·(clamp(z) − z₀)/(z₁ − z₀).
    func normalizedHeight(_ z: Double) -> Double {
        let clamped = min(max(z, zRange.lowerBound), zRange.upperBound)
        return -halfHeight + (clamped - zRange.lowerBound) * 2 * halfHeight / (zRange.upperBound - zRange.lowerBound)
    }

    /// The bilinear interpolation of the node heights at (X, Y); NaN outside [−1, 1]² or next to a node
    /// without a height.
    func height(atX x: Double, y: Double) -> Double {
        let gx = (x + 1) / 2 * Double(n), gy = (y + 1) / 2 * Double(n)
        guard gx >= 0, gy >= 0, gx <= Double(n), gy <= Double(n) else { return .nan }
        let i = min(Int(gx), n - 1), j = min(Int(gy), n - 1)
        let fx = gx - Double(i), fy = gy - Double(j)
        let row = n + 1
        let h00 = heights[j * row + i], h10 = heights[j * row + i + 1]
        let h01 = heights[(j + 1) * row + i], h11 = heights[(j + 1) * row + i + 1]
        return (h00 * (1 - fx) + h10 * fx) * (1 - fy) + (h01 * (1 - fx) + h11 * fx) * fy
    }

    // MARK: - Visibility

    /// Whether the point `p`, lying on the surface, can be seen by `projection`'s camera.
    ///
    /// The point is lifted by ε towards the viewer's side of the surface (above it when the camera looks
    /// down), and the sight line from it to the eye is sampled — every eighth of a cell for the first two
    /// cells, then every half cell — until it leaves the box or rises above the highest node: the point is
    /// hidden when the sight line passes below the bilinear surface anywhere (above it, for a camera below
    /// the surface).
    ///
    /// - Parameters:
    ///   - p: the point in scene coordinates, on the surface.
    ///   - projection: the camera.
    ///   - lift: ε in normalised height units.
    func isVisible(_ p: Vector3, from projection: Projection3D, lift: Double) -> Bool {
        let fromAbove = projection.eye.z >= 0
        let start = Vector3(p.x, p.y, p.z + (fromAbove ? lift : -lift))
        let direction = projection.towardsEye(from: start)
        let horizontal = (direction.x * direction.x + direction.y * direction.y).squareRoot()
        guard horizontal > 1e-9 else { return true }
        // Steps of an eighth of a cell over the first two cells, where a crest just in front of the point
        // must not slip between samples, then of half a cell.
        let fine = 0.125 * cellSize / horizontal, coarse = 0.5 * cellSize / horizontal, near = 2 * cellSize / horizontal
        // The sight line can end at the eye (perspective) before it leaves the box.
        let limit = projection.perspective ? (projection.eye - start).length : .infinity
        var s = fine
        while s < limit {
            let x = start.x + direction.x * s, y = start.y + direction.y * s, z = start.z + direction.z * s
            if x < -1 || x > 1 || y < -1 || y > 1 { return true }
            if fromAbove {
                if z > maxHeight && direction.z >= 0 { return true }
                let h = height(atX: x, y: y)
                if !h.isNaN && z < h { return false }
            } else {
                if z < minHeight && direction.z <= 0 { return true }
                let h = height(atX: x, y: y)
                if !h.isNaN && z > h { return false }
            }
            s += s < near ? fine : coarse
        }
        return true
    }
}
