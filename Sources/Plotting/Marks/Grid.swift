/// Values of a function sampled on a regular grid over a rectangle of data space — the input of contours.
///
/// `values[row * columns + column]` is f(xs[column], ys[row]); rows run along y from low to high.
public struct Grid: Sendable {
    public let xs: [Double]
    public let ys: [Double]
    public let values: [Double]

    public var columns: Int { xs.count }
    public var rows: Int { ys.count }

    /// f sampled at `columns × rows` points spanning `x` and `y` (ends included).
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, rows: Int,
                _ f: (Double, Double) -> Double) {
        let columns = max(2, columns), rows = max(2, rows)
        xs = (0..<columns).map { x.lowerBound + (x.upperBound - x.lowerBound) * Double($0) / Double(columns - 1) }
        ys = (0..<rows).map { y.lowerBound + (y.upperBound - y.lowerBound) * Double($0) / Double(rows - 1) }
        var values = [Double](repeating: 0, count: columns * rows)
        for row in 0..<rows {
            for column in 0..<columns { values[row * columns + column] = f(xs[column], ys[row]) }
        }
        self.values = values
    }

    /// f(xs[column], ys[row]).
    public subscript(column: Int, row: Int) -> Double { values[row * columns + column] }

    /// The bilinear interpolation of the samples at (x, y), clamped to the grid's rectangle:
    /// (1−s)(1−t)·f₀₀ + s(1−t)·f₁₀ + (1−s)t·f₀₁ + st·f₁₁ in the cell around the point.
    public func interpolated(x: Double, y: Double) -> Double {
        func locate(_ v: Double, _ axis: [Double]) -> (Int, Double) {
            let span = axis[axis.count - 1] - axis[0]
            let position = span == 0 ? 0 : min(max((v - axis[0]) / span, 0), 1) * Double(axis.count - 1)
            let index = min(Int(position), axis.count - 2)
            return (index, position - Double(index))
        }
        let (i, s) = locate(x, xs), (j, t) = locate(y, ys)
        let f00 = self[i, j], f10 = self[i + 1, j], f01 = self[i, j + 1], f11 = self[i + 1, j + 1]
        return (1 - s) * (1 - t) * f00 + s * (1 - t) * f10 + (1 - s) * t * f01 + s * t * f11
    }

    /// The smallest and largest finite values, or `nil` when there are none.
    public var finiteRange: ClosedRange<Double>? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        return lo <= hi ? lo...hi : nil
    }
}
