import Plotting
import Testing

/// Marching squares against shapes whose contours are known exactly.
@Suite struct ContoursTests {}

extension ContoursTests {
    /// The level sets of x² + y² are circles: every contour point lies on the circle of radius √L (to the
    /// linear interpolation's error), and the line closes.
    @Test func circlesAreFoundAndClosed() {
        let grid = Grid(x: -2...2, y: -2...2, columns: 81, rows: 81) { $0 * $0 + $1 * $1 }
        let lines = Contours.lines(grid, level: 1)
        #expect(lines.count == 1)
        let line = lines[0]
        #expect(line.count > 40)
        #expect(line.first == line.last)
        for p in line { #expect(abs((p.x * p.x + p.y * p.y).squareRoot() - 1) < 2e-3) }
    }

    /// The region below a level covers the disc: its polygons' total area is πL to within the grid's error.
    @Test func regionBelowHasTheRightArea() {
        let grid = Grid(x: -2...2, y: -2...2, columns: 101, rows: 101) { $0 * $0 + $1 * $1 }
        let polygons = Contours.region(grid, below: 1)
        let area = polygons.reduce(0.0) { total, polygon in total + abs(shoelace(polygon)) }
        #expect(abs(area - Double.pi) < 0.01)
        // All polygons turn the same way, so one nonzero fill covers them without gaps.
        let signs = Set(polygons.map(shoelace).filter { abs($0) > 1e-12 }.map { $0 > 0 })
        #expect(signs.count == 1)
    }

    @Test func linearFunctionGivesAStraightLine() {
        let grid = Grid(x: 0...1, y: 0...1, columns: 11, rows: 11) { x, y in x + y }
        let lines = Contours.lines(grid, level: 1)
        #expect(lines.count == 1)
        for p in lines[0] { #expect(abs(p.x + p.y - 1) < 1e-12) }
        #expect(lines[0].count == 11)
    }

    @Test func saddlesAreResolvedByTheCentre() {
        // Corners alternate 0, 1, 0, 1 around the cell; the centre (0.5) is above 0.4 and below 0.6.
        let grid = Grid(x: 0...1, y: 0...1, columns: 2, rows: 2) { x, y in x == y ? 0 : 1 }
        #expect(Contours.region(grid, below: 0.4).count == 2)  // two separate corners
        #expect(Contours.region(grid, below: 0.6).count == 1)  // one connected band
        #expect(Contours.lines(grid, level: 0.5).count == 2)
    }

    @Test func logLevelsCrowdTowardsTheMinimum() {
        let levels = Contours.levels(from: 0, to: 1000, count: 6, logarithmic: true)
        #expect(levels.count == 6)
        #expect(zip(levels, levels.dropFirst()).allSatisfy { $0 < $1 })
        #expect(levels[0] < 1 && levels[5] > 100)
        let linear = Contours.levels(from: 0, to: 10, count: 4, logarithmic: false)
        #expect(linear == [2, 4, 6, 8])
    }

    @Test func nonFiniteCellsAreSkipped() {
        let grid = Grid(x: -1...1, y: -1...1, columns: 21, rows: 21) { x, y in x > 0.5 ? .nan : x + y }
        for line in Contours.lines(grid, level: 0) { for p in line { #expect(p.x <= 0.5 + 1e-9) } }
    }
}

/// Twice the signed area of a polygon (shoelace formula), halved.
func shoelace(_ polygon: [Point]) -> Double {
    var sum = 0.0
    for i in polygon.indices {
        let a = polygon[i], b = polygon[(i + 1) % polygon.count]
        sum += a.x * b.y - b.x * a.y
    }
    return sum / 2
}
