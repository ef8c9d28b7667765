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
    /// The data of an L2 figure split into training and validation, with polynomial features of `degree`.
    func l2Data() -> (train: Dataset, validation: Dataset)? {
        guard let text = l2Dataset, let data = try? Datasets.make(text),
              let split = try? data.split(validationFraction: l2Validation, seed: l2Seed) else { return nil }
        return (split.train, split.validation)
    }

    private func features(_ data: Dataset) -> [[Double]] { data.inputs.map { Ridge.polynomialFeatures($0[0], degree: degree) } }

    /// The exact penalised fit θ*(λ) of the polynomial on the training data (``Ridge``).
    func l2Fit(_ lambda: Double, on train: Dataset) -> [Double]? {
        Ridge.solve(features: features(train), targets: train.targets, lambda: lambda)
    }

    /// Training and validation MSE of θ*(λ) for each λ.
    public func l2Losses() -> [(lambda: Double, train: Double, validation: Double)] {
        guard let (train, validation) = l2Data() else { return [] }
        let trainRows = features(train), validationRows = features(validation)
        return lambdas.compactMap { lambda in
            guard let theta = Ridge.solve(features: trainRows, targets: train.targets, lambda: lambda) else { return nil }
            return (lambda, Ridge.meanSquaredError(theta, features: trainRows, targets: train.targets),
                    Ridge.meanSquaredError(theta, features: validationRows, targets: validation.targets))
        }
    }

    /// Polynomial fits of `degree` for each λ over the training points (filled dots; validation hollow):
    /// small λ follows the noise (over-fitting), large λ flattens the curve (under-fitting).
    func l2FitsChart(theme: Theme) -> Chart {
        guard let (train, validation) = l2Data() else { return Chart(xDomain: 0...1, yDomain: 0...1) }
        let xs = (train.inputs + validation.inputs).map { $0[0] }, ys = train.targets + validation.targets
        // A little room either side so the outermost points are not cut by the frame.
        let xPad = ((xs.max() ?? 1) - (xs.min() ?? 0)) * 0.03
        let xLow = (xs.min() ?? 0) - xPad, xHigh = (xs.max() ?? 1) + xPad
        let yPad = ((ys.max() ?? 1) - (ys.min() ?? 0)) * 0.25
        let yDomain = ((ys.min() ?? 0) - yPad)...((ys.max() ?? 1) + yPad)
        let labels = lambdas.map { "$\\lambda = \(lambdaText($0, math: true))$" }
        let colors = Palette.colors(for: labels.map { _ in "" }).map(theme.lineColor)
        var marks: [Mark] = []
        for (k, lambda) in lambdas.enumerated() {
            guard let theta = l2Fit(lambda, on: train) else { continue }
            let curve = (0...300).map { i -> Point in
                let x = xLow + (xHigh - xLow) * Double(i) / 300
                return Point(x, zip(Ridge.polynomialFeatures(x, degree: degree), theta).reduce(0) { $0 + $1.0 * $1.1 })
            }
            marks.append(.line(LineMark(points: curve, color: colors[k], width: theme.lineWidth, dash: theme.dash(forRun: k), label: labels[k])))
        }
        for (k, (input, target)) in zip(train.inputs, train.targets).enumerated() {
            marks.append(.marker(MarkerMark(point: Point(input[0], target), shape: .circle, size: theme.fontSize * 0.6, fill: theme.foreground,
                                            stroke: theme.background, label: k == 0 ? "training data" : nil)))
        }
        for (k, (input, target)) in zip(validation.inputs, validation.targets).enumerated() {
            marks.append(.marker(MarkerMark(point: Point(input[0], target), shape: .circle, size: theme.fontSize * 0.6, fill: theme.background,
                                            stroke: theme.foreground, label: k == 0 ? "validation data" : nil)))
        }
        return Chart(title: title ?? "Degree-\(degree) polynomial fits under an L2 penalty", xLabel: "$x$", yLabel: "$y$",
                     xDomain: xLow...xHigh, yDomain: yDomain, marks: marks + annotationMarks,
                     legend: Chart.LegendPlacement(rawValue: legend) ?? .auto)
    }

    /// Training and validation MSE of the penalised fit against λ on a log axis: training loss rises with λ,
    /// validation loss falls then rises — the U whose bottom is the λ to choose (marked).
    func l2SweepChart(theme: Theme) -> Chart {
        let losses = l2Losses()
        guard let first = losses.first, let last = losses.last else { return Chart(xDomain: 1...10, yDomain: 0...1) }
        let all = losses.flatMap { [$0.train, $0.validation] }.filter { $0 > 0 }
        var marks: [Mark] = [
            .line(LineMark(points: losses.map { Point($0.lambda, $0.train) }, color: Palette.blue, width: theme.lineWidth, label: "training loss")),
            .line(LineMark(points: losses.map { Point($0.lambda, $0.validation) }, color: Palette.vermillion, width: theme.lineWidth,
                           label: "validation loss")),
        ]
        if let best = losses.min(by: { $0.validation < $1.validation }) {
            marks.append(.rule(RuleMark(x: best.lambda, label: "best λ = \(lambdaText(best.lambda))", color: Palette.bluishGreen)))
            marks.append(.marker(MarkerMark(point: Point(best.lambda, best.validation), shape: .circle, size: theme.fontSize, fill: theme.background,
                                            stroke: Palette.bluishGreen)))
        }
        return Chart(title: title ?? "Loss against the L2 penalty", xLabel: "$\\lambda$", yLabel: "mean squared error", xScale: .log,
                     yScale: .log, xDomain: first.lambda...last.lambda, yDomain: ((all.min() ?? 1e-3) / 1.5)...((all.max() ?? 1) * 1.5),
                     marks: marks + annotationMarks, legend: Chart.LegendPlacement(rawValue: legend) ?? .auto, grid: true)
    }

    /// The data loss of linear regression over (w, b) (contours), circles of equal L2 penalty ‖θ‖ = r around
    /// the origin, and the penalised optimum θ*(λ) for each λ: it slides from the least-squares fit towards
    /// the origin, to where a loss contour touches a penalty circle.
    func l2ContoursChart(theme: Theme) -> Chart {
        let view = resolvedView
        var marks = surfaceBackground(theme: theme).marks
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
        var optima: [Point] = []
        if let data = surface.surface as? LinearRegressionSurface {
            let rows = data.inputs.map { [$0, 1.0] }
            for lambda in lambdas {
                if let theta = Ridge.solve(features: rows, targets: data.targets, lambda: lambda) { optima.append(Point(theta[0], theta[1])) }
            }
        }
        marks.append(.line(LineMark(points: optima, color: Palette.vermillion, width: theme.lineWidth, label: "optimum as λ grows")))
        for (k, (point, lambda)) in zip(optima, lambdas).enumerated() {
            marks.append(.marker(MarkerMark(point: point, shape: k == 0 ? .star : .circle, size: theme.fontSize * (k == 0 ? 1.3 : 0.7),
                                            fill: k == 0 ? Color(hex: 0xFFD23F) : Palette.vermillion, stroke: theme.background,
                                            label: k == 0 ? "least squares (λ = \(lambdaText(lambda)))" : nil)))
        }
        marks.append(.marker(MarkerMark(point: Point(0, 0), shape: .cross, size: theme.fontSize, fill: theme.foreground, stroke: theme.background,
                                        label: "origin")))
        return Chart(title: title ?? "The L2 penalty pulls the optimum towards the origin", xLabel: "$w$", yLabel: "$b$",
                     xDomain: view.x, yDomain: view.y, marks: marks + annotationMarks, legend: Chart.LegendPlacement(rawValue: legend) ?? .auto)
    }

    /// λ as a short number with three significant digits: 0, 0.001, 5.62e-07; exact powers of ten beyond
    /// ±4 as 10^{k} when `math` (the text goes inside `$…$`).
    func lambdaText(_ lambda: Double, math: Bool = false) -> String {
        if lambda == 0 { return "0" }
        let exponent = log10(lambda)
        if math, exponent.rounded() == exponent, abs(exponent) >= 4 { return "10^{\(Int(exponent))}" }
        if lambda.rounded() == lambda, lambda < 1e6 { return "\(Int(lambda))" }
        return pythonRepr(Double(significantDigits(lambda, 3)) ?? lambda)
    }

    /// `value` rounded to `digits` significant digits, as text Double can read. Powers of ten are applied
    /// by dividing or multiplying by an exact integer power so 5.62e-07 stays 5.62e-07.
    private func significantDigits(_ value: Double, _ digits: Int) -> String {
        let shift = Double(digits - 1) - floor(log10(abs(value)))
        let rounded = shift >= 0 ? (value * pow10(shift)).rounded() / pow10(shift) : (value / pow10(-shift)).rounded() * pow10(-shift)
        return "\(rounded)"
    }
}
