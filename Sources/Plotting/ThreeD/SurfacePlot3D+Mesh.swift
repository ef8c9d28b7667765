extension SurfacePlot3D {
    /// A mesh cell ready to paint: its page outline, lit colour and painter's key.
    struct Cell {
        var i: Int
        var j: Int
        var outline: [Point]
        var color: Color
        /// Larger is farther from the camera (see `Projection3D.farness`).
        var farness: Double
    }

    /// The mesh's cells in painting order, far to near, each coloured and shaded.
    ///
    /// A cell's colour is the colormap at norm(v̄), v̄ the mean of f at its four corners; its normal is
    /// the cross product of its diagonals (exact for a planar cell, the average normal of a bilinear one),
    /// turned towards the camera, and its intensity ambient + diffuse·max(0, n·l). Cells with a corner
    /// where f is not finite are left out.
    func cells(_ layout: Layout, _ field: HeightField, _ theme: Theme) -> [Cell] {
        let n = field.n, row = n + 1
        let (map, norm) = colors(field, theme)
        let light = lighting.direction(for: camera)
        let projection = layout.projection
        var nodes = [Point](repeating: Point(0, 0), count: row * row)
        for j in 0...n {
            for i in 0...n where !field.height(i, j).isNaN { nodes[j * row + i] = layout.screen(field.node(i, j)) }
        }
        var cells: [Cell] = []
        cells.reserveCapacity(n * n)
        for j in 0..<n {
            for i in 0..<n {
                let corners = [field.node(i, j), field.node(i + 1, j), field.node(i + 1, j + 1), field.node(i, j + 1)]
                guard !corners.contains(where: { $0.z.isNaN }) else { continue }
                let centroid = (corners[0] + corners[1] + corners[2] + corners[3]) * 0.25
                var normal = (corners[2] - corners[0]).cross(corners[3] - corners[1]).normalized
                if normal.dot(projection.towardsEye(from: centroid)) < 0 { normal = -normal }
                let mean = (field.values[j * row + i] + field.values[j * row + i + 1] + field.values[(j + 1) * row + i + 1]
                    + field.values[(j + 1) * row + i]) / 4
                let base = map.color(at: norm.fraction(mean))
                let color = Lighting.shade(base, lighting.intensity(normal: normal, light: light))
                let outline = [nodes[j * row + i], nodes[j * row + i + 1], nodes[(j + 1) * row + i + 1], nodes[(j + 1) * row + i]]
                cells.append(Cell(i: i, j: j, outline: outline, color: color, farness: projection.farness(centroid)))
            }
        }
        cells.sort { $0.farness > $1.farness }
        return cells
    }

    /// How far each painted cell reaches past its true outline, in layout units.
    static let cellOverlap = 0.35

    /// Paints the mesh far to near.
    ///
    /// Each cell is filled slightly enlarged — grown by `cellOverlap` on every side — so that it covers
    /// the anti-aliased edge of the farther neighbour painted before it and no hairline seam of background
    /// shows between cells. (The overlap lands on the farther cell, which
    /// the nearer one would hide anyway; one fill per cell keeps SVG and PDF files small.) With
    /// `wireframe`, the grid lines on every k-th row and column of nodes (about 30 per side) are stroked
    /// cell by cell, right after the cell, so nearer cells hide them correctly.
    func drawMesh(_ canvas: any Canvas, _ layout: Layout, _ field: HeightField, _ theme: Theme) {
        guard layout.scale > 0 else { return }
        let stride = max(1, (field.n + 29) / 30)
        let wire = theme.background.luminance > 0.5 ? Color.black.withAlpha(0.28) : Color.white.withAlpha(0.22)
        for cell in cells(layout, field, theme) {
            canvas.fill(Path(polyline: Self.enlarged(cell.outline, by: Self.cellOverlap), closed: true), color: cell.color)
            guard wireframe else { continue }
            var lines = Path()
            let o = cell.outline
            if cell.j % stride == 0 { lines.move(to: o[0]); lines.line(to: o[1]) }
            if (cell.i + 1) % stride == 0 || cell.i + 1 == field.n { lines.move(to: o[1]); lines.line(to: o[2]) }
            if (cell.j + 1) % stride == 0 || cell.j + 1 == field.n { lines.move(to: o[2]); lines.line(to: o[3]) }
            if cell.i % stride == 0 { lines.move(to: o[3]); lines.line(to: o[0]) }
            if !lines.isEmpty { canvas.stroke(lines, style: StrokeStyle(color: wire, width: 0.45, cap: .round)) }
        }
    }

    /// `outline` grown by `amount` on every side: each edge moved outwards along its normal, each corner to
    /// where its two moved edges meet (the miter, at most 3·`amount` from the corner so that sharp corners do
    /// not spike). An outline with (nearly) no area is returned as it is.
    static func enlarged(_ outline: [Point], by amount: Double) -> [Point] {
        let n = outline.count
        var area = 0.0
        for k in 0..<n {
            let a = outline[k], b = outline[(k + 1) % n]
            area += a.x * b.y - b.x * a.y
        }
        guard abs(area) > 1e-9 else { return outline }
        // Outward normals: for an anticlockwise outline in y-down coordinates (positive area) the outside of
        // edge (dx, dy) is (dy, −dx).
        let sign = area > 0 ? 1.0 : -1.0
        let normals = (0..<n).map { k -> Point in
            let d = outline[(k + 1) % n] - outline[k]
            let length = (d.x * d.x + d.y * d.y).squareRoot()
            return length > 1e-12 ? Point(d.y, -d.x) * (sign / length) : Point(0, 0)
        }
        return (0..<n).map { k in
            let n1 = normals[(k + n - 1) % n], n2 = normals[k]
            let sum = n1 + n2
            let denominator = 1 + n1.x * n2.x + n1.y * n2.y
            guard denominator > 1e-6 else { return outline[k] + n2 * amount }
            var offset = sum * (amount / denominator)
            let length = (offset.x * offset.x + offset.y * offset.y).squareRoot()
            if length > 3 * amount { offset = offset * (3 * amount / length) }
            return outline[k] + offset
        }
    }
}
