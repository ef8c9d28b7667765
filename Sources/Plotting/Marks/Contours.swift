/// Contour lines and filled contour regions of a sampled function, by marching squares.
///
/// Each grid cell is classified by which of its four corners lie below the level; the level crosses an
/// edge where its two corners differ, at the linearly interpolated point t = (L − v₀)/(v₁ − v₀). The two
/// ambiguous cells (diagonal corners below) are resolved by the cell's centre value, the mean of its
/// corners. Cells with a non-finite corner are skipped.
public enum Contours {
    /// The contour lines f = `level` as polylines in data coordinates, chained across cells (closed loops
    /// repeat their first point at the end).
    public static func lines(_ grid: Grid, level: Double) -> [[Point]] {
        // Each segment joins two crossing points, each identified by the grid edge it lies on.
        var segments: [(EdgeID, EdgeID)] = []
        var points: [EdgeID: Point] = [:]
        let below = classify(grid, level)
        for row in 0..<(grid.rows - 1) {
            for column in 0..<(grid.columns - 1) {
                // Skip cells entirely on one side of the level before building anything.
                let corners = cornerBits(below, grid.columns, column, row)
                guard corners != 0 && corners != 15, let cell = Cell(grid, column, row, level) else { continue }
                for (a, b) in cell.segments() {
                    let ea = cell.edgeID(a), eb = cell.edgeID(b)
                    points[ea] = cell.crossing(a)
                    points[eb] = cell.crossing(b)
                    segments.append((ea, eb))
                }
            }
        }
        // A level through a grid point gives the same point from two edges: keep it once.
        return chain(segments).map { line in
            var polyline: [Point] = []
            for edge in line where polyline.last != points[edge]! { polyline.append(points[edge]!) }
            return polyline
        }.filter { $0.count >= 2 }
    }

    /// For each grid point, whether its value is below `level` (1) or not (0); non-finite values count as
    /// not below and are caught again when a cell is built.
    static func classify(_ grid: Grid, _ level: Double) -> [UInt8] {
        grid.values.map { $0 < level ? 1 : 0 }
    }

    /// The four corner bits of a cell (corner k at bit k), from a classification.
    @inline(__always)
    static func cornerBits(_ below: [UInt8], _ columns: Int, _ column: Int, _ row: Int) -> Int {
        let i = row * columns + column
        return Int(below[i]) | Int(below[i + 1]) << 1 | Int(below[i + columns + 1]) << 2 | Int(below[i + columns]) << 3
    }

    /// The region f < `level` as polygons in data coordinates: one per cell that the level crosses, and one
    /// rectangle per run of whole cells below the level in a row. Filled together as one path they cover
    /// the region without internal seams, and all have the same orientation.
    public static func region(_ grid: Grid, below level: Double) -> [[Point]] {
        var polygons: [[Point]] = []
        let below = classify(grid, level)
        for row in 0..<(grid.rows - 1) {
            var runStart: Int?
            func closeRun(at column: Int) {
                guard let start = runStart else { return }
                let x0 = grid.xs[start], x1 = grid.xs[column], y0 = grid.ys[row], y1 = grid.ys[row + 1]
                polygons.append([Point(x0, y0), Point(x1, y0), Point(x1, y1), Point(x0, y1)])
                runStart = nil
            }
            for column in 0..<(grid.columns - 1) {
                let corners = cornerBits(below, grid.columns, column, row)
                if corners == 15 {
                    if runStart == nil { runStart = column }
                    continue
                }
                closeRun(at: column)
                guard corners != 0, let cell = Cell(grid, column, row, level) else { continue }
                polygons += cell.belowPolygons()
            }
            closeRun(at: grid.columns - 1)
        }
        return polygons
    }

    /// `count` contour levels between `low` and `high` (exclusive of the ends): evenly spaced, or evenly
    /// spaced in log₁₀(v − low + offset) when `logarithmic`, with the offset a millionth of the range
    /// (so that levels crowd towards the minimum, where log-scaled valleys are).
    public static func levels(from low: Double, to high: Double, count: Int, logarithmic: Bool) -> [Double] {
        guard count > 0, high > low else { return [] }
        if !logarithmic {
            return (1...count).map { low + (high - low) * Double($0) / Double(count + 1) }
        }
        let norm = ValueNorm.logarithmic(low...high)
        return (1...count).map { norm.value(at: Double($0) / Double(count + 1)) }
    }

    // MARK: - Cells

    /// A grid edge: horizontal edges join (c, r)–(c+1, r), vertical ones (c, r)–(c, r+1).
    struct EdgeID: Hashable {
        var column: Int
        var row: Int
        var vertical: Bool
    }

    /// One grid cell against one level. Corners 0…3 go (c, r), (c+1, r), (c+1, r+1), (c, r+1); edge k
    /// joins corner k and corner k+1 (mod 4).
    struct Cell {
        let column: Int, row: Int
        let x0: Double, x1: Double, y0: Double, y1: Double
        let v: (Double, Double, Double, Double)
        let level: Double
        /// Bit k set when corner k is below the level.
        let index: Int

        init?(_ grid: Grid, _ column: Int, _ row: Int, _ level: Double) {
            let v = (grid[column, row], grid[column + 1, row], grid[column + 1, row + 1], grid[column, row + 1])
            guard v.0.isFinite, v.1.isFinite, v.2.isFinite, v.3.isFinite else { return nil }
            self.column = column
            self.row = row
            self.x0 = grid.xs[column]
            self.x1 = grid.xs[column + 1]
            self.y0 = grid.ys[row]
            self.y1 = grid.ys[row + 1]
            self.v = v
            self.level = level
            index = (v.0 < level ? 1 : 0) | (v.1 < level ? 2 : 0) | (v.2 < level ? 4 : 0) | (v.3 < level ? 8 : 0)
        }

        func value(_ k: Int) -> Double {
            switch k & 3 {
            case 0: v.0
            case 1: v.1
            case 2: v.2
            default: v.3
            }
        }
        func below(_ k: Int) -> Bool { index & (1 << (k & 3)) != 0 }
        func corner(_ k: Int) -> Point {
            switch k & 3 {
            case 0: Point(x0, y0)
            case 1: Point(x1, y0)
            case 2: Point(x1, y1)
            default: Point(x0, y1)
            }
        }

        /// Where the level crosses edge k.
        func crossing(_ k: Int) -> Point {
            let a = corner(k), b = corner(k + 1)
            let va = value(k), vb = value(k + 1)
            let t = va == vb ? 0.5 : min(max((level - va) / (vb - va), 0), 1)
            return Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
        }

        func edgeID(_ k: Int) -> EdgeID {
            switch k & 3 {
            case 0: EdgeID(column: column, row: row, vertical: false)
            case 1: EdgeID(column: column + 1, row: row, vertical: true)
            case 2: EdgeID(column: column, row: row + 1, vertical: false)
            default: EdgeID(column: column, row: row, vertical: true)
            }
        }

        var isSaddle: Bool { index == 5 || index == 10 }
        var centreBelow: Bool { (v.0 + v.1 + v.2 + v.3) / 4 < level }

        /// The crossed edges paired into segments (each segment separates below from above).
        func segments() -> [(Int, Int)] {
            let crossed = (0..<4).filter { below($0) != below($0 + 1) }
            guard crossed.count == 4 else { return crossed.count == 2 ? [(crossed[0], crossed[1])] : [] }
            // Saddle: pair each below corner's two edges when the centre is above (two separate corners
            // below), otherwise each above corner's edges.
            let cornerBelow = below(0)
            let isolateBelow = !centreBelow
            // Corner k's edges are k−1 and k. Isolate the corners of the isolated kind.
            let k0 = (cornerBelow == isolateBelow) ? 0 : 1
            return [((k0 + 3) & 3, k0), ((k0 + 1) & 3, (k0 + 2) & 3)]
        }

        /// The part of the cell below the level, as one or two polygons walked around the cell boundary.
        func belowPolygons() -> [[Point]] {
            if isSaddle && !centreBelow {
                return (0..<4).filter { below($0) }.map { k in [crossing(k + 3), corner(k), crossing(k)] }
            }
            var polygon: [Point] = []
            for k in 0..<4 {
                if below(k) { polygon.append(corner(k)) }
                if below(k) != below(k + 1) { polygon.append(crossing(k)) }
            }
            return [polygon]
        }
    }

    /// Joins segments that share an edge into polylines. Every edge belongs to one or two segments (the
    /// two cells beside it).
    static func chain(_ segments: [(EdgeID, EdgeID)]) -> [[EdgeID]] {
        var byEdge: [EdgeID: (Int, Int)] = [:]
        byEdge.reserveCapacity(segments.count * 2)
        for (i, s) in segments.enumerated() {
            for edge in [s.0, s.1] {
                if let existing = byEdge[edge] { byEdge[edge] = (existing.0, i) } else { byEdge[edge] = (i, -1) }
            }
        }
        var used = [Bool](repeating: false, count: segments.count)
        func isEnd(_ edge: EdgeID) -> Bool { byEdge[edge]!.1 < 0 }
        func unused(at edge: EdgeID) -> Int? {
            let (a, b) = byEdge[edge]!
            if !used[a] { return a }
            if b >= 0 && !used[b] { return b }
            return nil
        }
        func other(_ i: Int, _ edge: EdgeID) -> EdgeID { segments[i].0 == edge ? segments[i].1 : segments[i].0 }
        func extend(_ line: inout [EdgeID]) {
            while let last = line.last, let next = unused(at: last) {
                used[next] = true
                line.append(other(next, last))
            }
        }
        var lines: [[EdgeID]] = []
        // Open lines first, from an end (an edge of one segment); then the loops.
        for pass in 0..<2 {
            for i in segments.indices where !used[i] {
                let (a, b) = segments[i]
                let open = isEnd(a) || isEnd(b)
                guard pass == 1 || open else { continue }
                used[i] = true
                var line = isEnd(a) || !isEnd(b) ? [a, b] : [b, a]
                extend(&line)
                lines.append(line)
            }
        }
        return lines
    }
}
