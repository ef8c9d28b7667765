/// The exact minimiser of the L2-penalised mean squared error, for figures that compare penalties:
///
/// ```
/// θ*(λ) = argmin (1/n)·‖Φθ − y‖² + (λ/2)·‖θ‖²,   i.e.   ((2/n)·ΦᵀΦ + λI)·θ = (2/n)·Φᵀy
/// ```
///
/// — the same loss and penalty the ``Trainer`` minimises (every parameter penalised, the bias included),
/// solved by Gaussian elimination with partial pivoting instead of by descent.
public enum Ridge {
    /// θ*(λ) for feature rows `features` (each row Φᵢ, with a trailing 1 for a bias) and `targets`.
    ///
    /// - Returns: `nil` when the system is singular (λ = 0 with collinear features).
    public static func solve(features: [[Double]], targets: [Double], lambda: Double) -> [Double]? {
        guard let width = features.first?.count, width > 0, features.count == targets.count else { return nil }
        let scale = 2 / Double(features.count)
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: width + 1), count: width)
        for (row, target) in zip(features, targets) {
            for i in 0..<width {
                for j in 0..<width { matrix[i][j] += scale * row[i] * row[j] }
                matrix[i][width] += scale * row[i] * target
            }
        }
        for i in 0..<width { matrix[i][i] += lambda }
        // Forward elimination with partial pivoting, then back substitution.
        for column in 0..<width {
            guard let pivot = (column..<width).max(by: { abs(matrix[$0][column]) < abs(matrix[$1][column]) }),
                  abs(matrix[pivot][column]) > 1e-300 else { return nil }
            matrix.swapAt(column, pivot)
            for row in (column + 1)..<width {
                let factor = matrix[row][column] / matrix[column][column]
                if factor == 0 { continue }
                for k in column...width { matrix[row][k] -= factor * matrix[column][k] }
            }
        }
        var solution = [Double](repeating: 0, count: width)
        for i in stride(from: width - 1, through: 0, by: -1) {
            var sum = matrix[i][width]
            for j in (i + 1)..<width { sum -= matrix[i][j] * solution[j] }
            solution[i] = sum / matrix[i][i]
        }
        return solution.allSatisfy(\.isFinite) ? solution : nil
    }

    /// The polynomial features of x: (x, x², …, xᵈ, 1).
    public static func polynomialFeatures(_ x: Double, degree: Int) -> [Double] {
        var row: [Double] = []
        var power = 1.0
        for _ in 0..<degree {
            power *= x
            row.append(power)
        }
        return row + [1]
    }

    /// The mean squared error of θ on feature rows and targets (no penalty).
    public static func meanSquaredError(_ theta: [Double], features: [[Double]], targets: [Double]) -> Double {
        var sum = 0.0
        for (row, target) in zip(features, targets) {
            var prediction = 0.0
            for (a, b) in zip(row, theta) { prediction += a * b }
            sum += (prediction - target) * (prediction - target)
        }
        return sum / Double(max(1, targets.count))
    }
}
