#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Plotting
import Simulation

/// 10^x.
func pow10(_ x: Double) -> Double { pow(10, x) }

extension PanelSpec {
    /// Polynomial fits of `degree` for each λ over the training points (filled dots; validation hollow), and for
    /// a generated set the true curve (wide, grey): small λ follows the noise (over-fitting), large λ flattens
    /// the curve (under-fitting).
    func l2FitsChart(_ ridge: RidgeSpec, data: RidgeData, fits: [RidgeFit], theme: Theme) -> Chart {
        let points = data.train + data.validation
        let ys = points.map(\.y)
        let (xLow, xHigh) = data.paddedXRange
        let yPad = ((ys.max() ?? 1) - (ys.min() ?? 0)) * 0.25
        let yDomain = ((ys.min() ?? 0) - yPad)...((ys.max() ?? 1) + yPad)
        let labels = fits.map { "$\\lambda = \(Self.lambdaText($0.lambda, math: true))$" }
        let colors = Palette.colors(for: labels.map { _ in "" }).map(theme.lineColor)
        var marks: [Mark] = []
        // The noise-free function behind a generated set, for judging which fit is right.
        if let truth = ridge.dataset.truth {
            let xs = (0...200).map { xLow + (xHigh - xLow) * Double($0) / 200 }
            marks.append(.line(LineMark(points: xs.map { Point($0, truth($0)) }, color: theme.foreground.withAlpha(0.45),
                                        width: theme.lineWidth * 2.2, label: "true curve")))
        }
        for (k, fit) in fits.enumerated() {
            let curve = (fit.curve ?? []).map { Point($0.x, $0.y) }
            marks.append(.line(LineMark(points: curve, color: colors[k], width: theme.lineWidth, dash: theme.dash(forRun: k), label: labels[k])))
        }
        for (k, point) in data.train.enumerated() {
            marks.append(.marker(MarkerMark(point: Point(point.x, point.y), shape: .circle, size: theme.fontSize * 0.6, fill: theme.foreground,
                                            stroke: theme.background, label: k == 0 ? "training data" : nil)))
        }
        for (k, point) in data.validation.enumerated() {
            marks.append(.marker(MarkerMark(point: Point(point.x, point.y), shape: .circle, size: theme.fontSize * 0.6, fill: theme.background,
                                            stroke: theme.foreground, label: k == 0 ? "validation data" : nil)))
        }
        return Chart(title: title ?? "Degree-\(ridge.degree) polynomial fits under an L2 penalty", xLabel: "$x$", yLabel: "$y$",
                     xDomain: xLow...xHigh, yDomain: yDomain, marks: marks + annotationMarks, legend: legend)
    }

    /// Training and validation MSE of the penalised fit against λ on a log axis: training loss rises with λ,
    /// validation loss falls then rises — the U whose bottom is the λ to choose (marked).
    func l2SweepChart(_ fits: [RidgeFit], theme: Theme) -> Chart {
        let losses = fits.map { (lambda: $0.lambda, train: $0.trainMSE ?? .nan, validation: $0.validationMSE ?? .nan) }
        // The λ axis over the positive penalties, in whatever order they were written (a log axis has no 0).
        let positive = losses.map(\.lambda).filter { $0 > 0 && $0.isFinite }
        var first = positive.min() ?? 1e-3, last = positive.max() ?? 1
        if !(last > first) { first /= 10; last *= 10 }
        let all = losses.flatMap { [$0.train, $0.validation] }.filter { $0 > 0 }
        var marks: [Mark] = [
            .line(LineMark(points: losses.map { Point($0.lambda, $0.train) }, color: Palette.blue, width: theme.lineWidth, label: "training loss")),
            .line(LineMark(points: losses.map { Point($0.lambda, $0.validation) }, color: Palette.vermillion, width: theme.lineWidth,
                           label: "validation loss")),
        ]
        if let best = losses.min(by: { $0.validation < $1.validation }) {
            marks.append(.rule(RuleMark(x: best.lambda, label: "best λ = \(Self.lambdaText(best.lambda))", color: Palette.bluishGreen)))
            marks.append(.marker(MarkerMark(point: Point(best.lambda, best.validation), shape: .circle, size: theme.fontSize, fill: theme.background,
                                            stroke: Palette.bluishGreen)))
        }
        return Chart(title: title ?? "Loss against the L2 penalty", xLabel: "$\\lambda$", yLabel: "mean squared error", xScale: .log,
                     yScale: .log, xDomain: first...last, yDomain: ((all.min() ?? 1e-3) / 1.5)...((all.max() ?? 1) * 1.5),
                     marks: marks + annotationMarks, legend: legend, grid: true)
    }

    /// The data loss of linear regression over (w, b) (contours), circles of equal L2 penalty ‖θ‖ = r around
    /// the origin, and the penalised optimum θ*(λ) for each λ: it slides from the least-squares fit towards
    /// the origin, to where a loss contour touches a penalty circle.
    func l2ContoursChart(_ panel: L2ContoursPanel, optima fits: [RidgeFit], theme: Theme) -> Chart {
        let view = panel.style.view
        var marks = surfaceBackground(panel.surfaceSpec, panel.style, theme: theme).marks
        // Penalty circles through a few radii up to the view's reach.
        let reach = max(abs(view.x.lowerBound), abs(view.x.upperBound), abs(view.y.lowerBound), abs(view.y.upperBound))
        for k in 1...6 {
            let r = reach * Double(k) / 6
            let circle = (0...120).map { i -> Point in
                let angle = 2 * Double.pi * Double(i) / 120
                return Point(r * cos(angle), r * sin(angle))
            }
            marks.append(.line(LineMark(points: circle, color: theme.foreground.withAlpha(0.35), width: theme.axisWidth, dash: [3, 3],
                                        label: k == 1 ? "equal L2 penalty ‖θ‖²" : nil)))
        }
        let optima = fits.map { Point($0.coefficients[0], $0.coefficients[1]) }
        marks.append(.line(LineMark(points: optima, color: Palette.vermillion, width: theme.lineWidth, label: "optimum as λ grows")))
        for (k, (point, lambda)) in zip(optima, fits.map(\.lambda)).enumerated() {
            marks.append(.marker(MarkerMark(point: point, shape: k == 0 ? .star : .circle, size: theme.fontSize * (k == 0 ? 1.3 : 0.7),
                                            fill: k == 0 ? Color(hex: 0xFFD23F) : Palette.vermillion, stroke: theme.background,
                                            label: k == 0 ? "least squares (λ = \(Self.lambdaText(lambda)))" : nil)))
        }
        marks.append(.marker(MarkerMark(point: Point(0, 0), shape: .cross, size: theme.fontSize, fill: theme.foreground, stroke: theme.background,
                                        label: "origin")))
        return Chart(title: title ?? "The L2 penalty pulls the optimum towards the origin", xLabel: "$w$", yLabel: "$b$",
                     xDomain: view.x, yDomain: view.y, marks: marks + annotationMarks, legend: legend)
    }

    /// λ as a short number with three significant digits: 0, 0.001, 5.62e-07; exact powers of ten beyond
    /// ±4 as 10^{k} when `math` (the text goes inside `$…$`).
    static func lambdaText(_ lambda: Double, math: Bool = false) -> String {
        if lambda == 0 { return "0" }
        let exponent = log10(lambda)
        if math, exponent.rounded() == exponent, abs(exponent) >= 4 { return "10^{\(Int(exponent))}" }
        if lambda.rounded() == lambda, lambda < 1e6 { return "\(Int(lambda))" }
        return pythonRepr(Double(significantDigits(lambda, 3)) ?? lambda)
    }

    /// `value` rounded to `digits` significant digits, as text Double can read. Powers of ten are applied
    /// by dividing or multiplying by an exact integer power so 5.62e-07 stays 5.62e-07.
    private static func significantDigits(_ value: Double, _ digits: Int) -> String {
        let shift = Double(digits - 1) - floor(log10(abs(value)))
        let rounded = shift >= 0 ? (value * pow10(shift)).rounded() / pow10(shift) : (value / pow10(-shift)).rounded() * pow10(-shift)
        return "\(rounded)"
    }
}
