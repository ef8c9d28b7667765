extension SurfacePlot3D {
    /// How far a path or marker is lifted off the surface for the visibility test, as a fraction of the
    /// box's height: enough to absorb rounding and the difference between a painted (flat) cell and the
    /// bilinear patch the test uses, too little to let a path peek over a crest.
    static let liftFraction = 0.001

    /// The scene point on the surface above data point (x, y), or nil outside the domain or where f is
    /// not finite.
    ///
    /// The height is the mesh's, H(x, y) (bilinear between the sampled nodes), rather than f(x, y): paths
    /// lie on the surface as painted, and are tested for visibility against that same surface, so a path
    /// crossing a crest ends exactly at the painted silhouette. With the default 60 cells the two differ
    /// by less than a pixel except at sharp features the mesh cannot show anyway. Next to a hole in the
    /// mesh, f is used.
    func surfacePoint(_ x: Double, _ y: Double, _ layout: Layout, _ field: HeightField) -> Vector3? {
        guard x.isFinite, y.isFinite, xDomain.contains(x), yDomain.contains(y) else { return nil }
        let v = value(x, y)
        guard v.isFinite else { return nil }
        var p = layout.scene(x, y, field.zRange.lowerBound)
        let mesh = field.height(atX: p.x, y: p.y)
        p.z = mesh.isNaN ? field.normalizedHeight(v) : mesh
        return p
    }

    /// The visible stretches of a trajectory, as page polylines.
    ///
    /// Each segment between data points is clipped to the x-y domain and cut into pieces short enough
    /// that each is at most 3 layout units long on the page and half a mesh cell long in x-y, so the
    /// path follows the surface. Each piece's end points are tested with `HeightField.isVisible`; where
    /// visibility changes between neighbours, the boundary is found by bisection (8 halvings) so that the
    /// path ends exactly where the ridge cuts it.
    func visibleRuns(_ trajectory: Trajectory, _ layout: Layout, _ field: HeightField) -> [[Point]] {
        let lift = Self.liftFraction * 2 * field.halfHeight
        let projection = layout.projection
        var runs: [[Point]] = []
        var current: [Point] = []
        func finishRun() {
            if current.count >= 2 { runs.append(current) }
            current = []
        }
        // The previous sample: its data position and whether it is visible.
        var previous: (x: Double, y: Double, visible: Bool)?

        func visit(_ x: Double, _ y: Double) {
            guard let p = surfacePoint(x, y, layout, field) else {
                finishRun()
                previous = nil
                return
            }
            let visible = field.isVisible(p, from: projection, lift: lift)
            if let last = previous, last.visible != visible {
                // Bisect between the last sample and this one for where visibility changes.
                var (seen, unseen) = last.visible ? ((last.x, last.y), (x, y)) : ((x, y), (last.x, last.y))
                for _ in 0..<8 {
                    let mid = ((seen.0 + unseen.0) / 2, (seen.1 + unseen.1) / 2)
                    if let q = surfacePoint(mid.0, mid.1, layout, field), field.isVisible(q, from: projection, lift: lift) {
                        seen = mid
                    } else {
                        unseen = mid
                    }
                }
                if let boundary = surfacePoint(seen.0, seen.1, layout, field) {
                    if last.visible {
                        current.append(layout.screen(boundary))
                        finishRun()
                    } else {
                        current = [layout.screen(boundary)]
                    }
                }
            }
            if visible { current.append(layout.screen(p)) }
            previous = (x, y, visible)
        }

        let points = trajectory.points
        for (a, b) in zip(points, points.dropFirst()) {
            guard let (from, to) = clip(a, b) else {
                finishRun()
                previous = nil
                continue
            }
            // Start afresh where the segment enters the domain (or after a break).
            if previous == nil || from != a {
                finishRun()
                previous = nil
                visit(from.x, from.y)
            }
            let count = pieces(from, to, layout, field)
            for step in 1...count {
                let t = Double(step) / Double(count)
                if step == count { visit(to.x, to.y) } else { visit(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t) }
            }
            if to != b {
                finishRun()
                previous = nil
            }
        }
        finishRun()
        return runs
    }

    /// How many pieces the segment from `a` to `b` is cut into: enough for 3 layout units on the page
    /// (measured on the lid and the floor of the box) and half a mesh cell in x-y, at most 2000.
    private func pieces(_ a: Point, _ b: Point, _ layout: Layout, _ field: HeightField) -> Int {
        let z0 = field.zRange.lowerBound, z1 = field.zRange.upperBound
        var page = 0.0
        for z in [z0, z1] {
            let pa = layout.position(a.x, a.y, z), pb = layout.position(b.x, b.y, z)
            page = max(page, ((pa.x - pb.x) * (pa.x - pb.x) + (pa.y - pb.y) * (pa.y - pb.y)).squareRoot())
        }
        let sa = layout.scene(a.x, a.y, z0), sb = layout.scene(b.x, b.y, z0)
        let across = ((sa.x - sb.x) * (sa.x - sb.x) + (sa.y - sb.y) * (sa.y - sb.y)).squareRoot()
        let count = max(page / 3, across / (0.5 * field.cellSize)).rounded(.up)
        return count.isFinite ? min(2000, max(1, Int(count))) : 1
    }

    /// The part of segment a–b inside the x-y domain (Liang–Barsky), or nil when none is or a point is not
    /// finite.
    func clip(_ a: Point, _ b: Point) -> (Point, Point)? {
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return nil }
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        let bounds: [(Double, Double)] = [(-dx, a.x - xDomain.lowerBound), (dx, xDomain.upperBound - a.x),
                                          (-dy, a.y - yDomain.lowerBound), (dy, yDomain.upperBound - a.y)]
        for (p, q) in bounds {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
            }
        }
        guard t0 <= t1 else { return nil }
        // Clamped, so that rounding cannot put a cut end a hair outside the domain.
        func inside(_ t: Double) -> Point {
            Point(min(max(a.x + dx * t, xDomain.lowerBound), xDomain.upperBound),
                  min(max(a.y + dy * t, yDomain.lowerBound), yDomain.upperBound))
        }
        return (t0 == 0 ? a : inside(t0), t1 == 1 ? b : inside(t1))
    }

    /// Draws the visible parts of every path over a halo of the background colour; a fading path is drawn
    /// in up to 12 stretches of rising opacity (each sharing its last point with the next).
    func drawPaths(_ canvas: any Canvas, _ layout: Layout, _ field: HeightField, _ theme: Theme) {
        guard layout.scale > 0 else { return }
        for trajectory in paths {
            var pieces: [(path: Path, alpha: Double)] = []
            let points = trajectory.points
            let chunks = trajectory.fades && points.count >= 3 ? min(12, points.count - 1) : 1
            for k in 0..<chunks {
                var piece = trajectory
                if chunks > 1 {
                    let start = k * (points.count - 1) / chunks, end = (k + 1) * (points.count - 1) / chunks
                    piece.points = Array(points[start...end])
                }
                var path = Path()
                for run in visibleRuns(piece, layout, field) { path.append(Path(polyline: run)) }
                if !path.isEmpty { pieces.append((path, chunks == 1 ? 1 : 0.15 + 0.85 * Double(k + 1) / Double(chunks))) }
            }
            guard !pieces.isEmpty else { continue }
            var halo = Path()
            for piece in pieces { halo.append(piece.path) }
            canvas.stroke(halo, style: StrokeStyle(color: theme.background.withAlpha(0.65), width: trajectory.width + 2,
                                                   cap: .round, join: .round))
            for piece in pieces {
                canvas.stroke(piece.path, style: StrokeStyle(color: trajectory.color.withAlpha(trajectory.color.alpha * piece.alpha),
                                                             width: trajectory.width, dash: trajectory.dash, cap: .round, join: .round))
            }
        }
    }

    /// Draws the markers the camera can see.
    func drawMarkers(_ canvas: any Canvas, _ layout: Layout, _ field: HeightField, _ theme: Theme) {
        guard layout.scale > 0 else { return }
        let lift = Self.liftFraction * 2 * field.halfHeight
        for marker in markers {
            guard let p = surfacePoint(marker.point.x, marker.point.y, layout, field),
                  field.isVisible(p, from: layout.projection, lift: lift) else { continue }
            drawMarker(marker, at: layout.screen(p), canvas, theme)
        }
    }

    /// Draws one marker centred on `center` (also used for the legend's swatches).
    func drawMarker(_ marker: Marker, at center: Point, _ canvas: any Canvas, _ theme: Theme, size: Double? = nil) {
        let size = size ?? marker.size
        let outline = marker.shape.path(at: center, size: size)
        if let fill = marker.fill {
            canvas.fill(outline, color: fill)
            canvas.stroke(outline, style: StrokeStyle(color: marker.stroke, width: max(0.8, size / 10), join: .round))
        } else {
            // A ring: a halo of the background under a stroke in the marker's colour.
            let width = max(1.5, size / 5)
            canvas.stroke(outline, style: StrokeStyle(color: theme.background.withAlpha(0.75), width: width + 2, join: .round))
            canvas.stroke(outline, style: StrokeStyle(color: marker.stroke, width: width, join: .round))
        }
    }
}
