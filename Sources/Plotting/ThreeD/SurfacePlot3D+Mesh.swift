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

    /// Paints the mesh far to near.
    ///
    /// Each cell is filled and then stroked with a hairline of its own colour, which covers the
    /// anti-aliasing seam between neighbours (the nearer cell's hairline lands on the farther one, which
    /// it would hide anyway). With `wireframe`, the grid lines on every k-th row and column of nodes (about
    /// 30 per side) are stroked cell by cell, right after the cell, so nearer cells hide them correctly.
    func drawMesh(_ canvas: any Canvas, _ layout: Layout, _ field: HeightField, _ theme: Theme) {
        guard layout.scale > 0 else { return }
        let stride = max(1, (field.n + 29) / 30)
        let wire = theme.background.luminance > 0.5 ? Color.black.withAlpha(0.28) : Color.white.withAlpha(0.22)
        for cell in cells(layout, field, theme) {
            let path = Path(polyline: cell.outline, closed: true)
            canvas.fill(path, color: cell.color)
            canvas.stroke(path, style: StrokeStyle(color: cell.color, width: 0.5, join: .round))
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
}
