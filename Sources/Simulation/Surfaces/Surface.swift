/// A loss landscape over two parameters: the loss and its exact gradient at any point, with what a figure
/// needs to show it — a formula, a default view and start, and the known minima.
///
/// Conforming types are values: evaluating one has no side effects, so a surface can be shared between
/// threads and evaluated in any order. Gradient noise, which does have state, belongs to a run (see
/// ``GradientNoise``).
public protocol Surface: Sendable {
    /// The surface as a component, such as `rosenbrock(a=1, b=100)` or `expr:x^2 + y^2`.
    var name: String { get }
    /// The formula in the expression syntax (`^` for powers), valid for ``Expression`` and, with `^`
    /// replaced by `**`, for Python — except for surfaces made of data (`linreg`, `mlp_slice`), whose formula
    /// is a description (`mean((w*x + b - y)^2) over 200 points`) that `--emit pytorch` refuses.
    var formula: String { get }
    /// The region a figure shows by default.
    var view: ViewWindow { get }
    /// The documented start point of a descent.
    var start: SIMD2<Double> { get }
    /// Known minima (global ones, and local ones where a figure should mark them), for markers.
    var minima: [SIMD2<Double>] { get }
    /// The names of the two parameters in math markup, for axis labels: `x`, `y` by default; `w`, `b` for
    /// linear regression; `\\alpha`, `\\beta` for a network slice.
    var axisNames: (x: String, y: String) { get }
    /// Whether one evaluation is costly (a pass of a network over a dataset): figures then sample the
    /// surface on a coarser grid and interpolate the heatmap between samples instead of evaluating per pixel.
    var isCostly: Bool { get }

    /// f(p).
    func value(at point: SIMD2<Double>) -> Double
    /// ∇f(p), exact (derived by hand or by dual numbers; never finite differences).
    func gradient(at point: SIMD2<Double>) -> SIMD2<Double>
}

extension Surface {
    public var minima: [SIMD2<Double>] { [] }
    public var axisNames: (x: String, y: String) { ("x", "y") }
    public var isCostly: Bool { false }
}

/// An axis-aligned window of the (x, y) plane.
public struct ViewWindow: Sendable, Equatable {
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>

    /// The window x × y.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>) {
        self.x = x
        self.y = y
    }

    /// The square window [−r, r]².
    public static func square(_ r: Double) -> ViewWindow { ViewWindow(x: -r...r, y: -r...r) }
}

/// Writes a number for a formula or a component: integers without a fraction (`100`), others as the
/// shortest round-trip decimal.
func formulaNumber(_ value: Double) -> String {
    if value.rounded() == value && abs(value) < 1e15 { return String(Int(value)) }
    return pythonRepr(value)
}
