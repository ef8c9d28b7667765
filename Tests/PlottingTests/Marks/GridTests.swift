import Plotting
import Testing

/// Bilinear interpolation of a sampled grid: exact on bilinear functions and at the samples, clamped outside.
@Suite struct GridTests {
    @Test func interpolationIsExactForBilinearFunctions() {
        let f: (Double, Double) -> Double = { x, y in 2 * x - 3 * y + 0.5 * x * y + 1 }
        let grid = Grid(x: -1...2, y: 0...3, columns: 7, rows: 5, f)
        for (x, y) in [(-1.0, 0.0), (0.3, 1.7), (1.99, 2.2), (2.0, 3.0), (-0.77, 0.01)] {
            #expect(abs(grid.interpolated(x: x, y: y) - f(x, y)) < 1e-12, "(\(x), \(y))")
        }
        // Outside the rectangle the edge value is held.
        #expect(abs(grid.interpolated(x: 5, y: 1) - f(2, 1)) < 1e-12)
        #expect(abs(grid.interpolated(x: 0, y: -4) - f(0, 0)) < 1e-12)
    }

    @Test func interpolationOfACurvedFunctionIsCloseOnAFineGrid() {
        let grid = Grid(x: -2...2, y: -2...2, columns: 121, rows: 121) { $0 * $0 + $1 * $1 }
        // Bilinear error of x² + y² is at most h²/4 per axis, h = 4/120.
        let h = 4.0 / 120
        #expect(abs(grid.interpolated(x: 0.123, y: -1.017) - (0.123 * 0.123 + 1.017 * 1.017)) <= h * h / 2 + 1e-12)
    }
}
