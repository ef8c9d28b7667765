#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Plotting
import Simulation

extension PanelSpec {
    // MARK: - Helpers

    /// The marks as they stand at x: lines cut after x (kept, even empty, so the legend stays), with a dot at
    /// the end of each labelled one and, with a `readout` prefix, its current value in the legend; markers,
    /// rules, bars and bands that lie at or before x.
    static func reveal(_ marks: [Mark], upTo x: Double, readout: String? = nil) -> [Mark] {
        var shown: [Mark] = []
        var dots: [Mark] = []
        for mark in marks {
            switch mark {
            case .line(var line):
                line.points = line.points.filter { $0.x <= x + 1e-9 }
                if line.label != nil, let end = line.points.last(where: { $0.y.isFinite }) {
                    dots.append(.marker(MarkerMark(point: end, shape: .circle, size: line.width * 3.2, fill: line.color.withAlpha(1),
                                                   stroke: .white)))
                    if let readout { line.detail = readout + scientific(end.y) }
                }
                shown.append(.line(line))
            case .marker(let marker): if marker.point.x <= x + 1e-9 { shown.append(mark) }
            case .rule(let rule): if rule.x <= x + 1e-9 { shown.append(mark) }
            case .band(let band): if (band.xs.last ?? .infinity) <= x + 1e-9 { shown.append(mark) }
            case .bars(var bars):
                let keep = bars.xs.indices.filter { bars.xs[$0] - bars.width / 2 <= x + 1e-9 }
                bars.xs = keep.map { bars.xs[$0] }
                bars.heights = keep.map { bars.heights[$0] }
                shown.append(.bars(bars))
            default: shown.append(mark)
            }
        }
        return shown + dots
    }

    /// The data points of lines and markers (where an animation's legend should not go).
    static func points(of marks: [Mark]) -> [Point] {
        marks.flatMap { mark -> [Point] in
            switch mark {
            case .line(let line): line.points
            case .marker(let marker): [marker.point]
            default: []
            }
        }
    }

    /// A run's loss at point `index` (and the learning rate of the step from it, when runs are scheduled).
    static func readout(_ trace: Trace, at index: Int, scheduled: Bool) -> String {
        let loss = index < trace.losses.count ? trace.losses[index] : .nan
        var text = "loss " + scientific(loss)
        if scheduled, let lr = index < trace.lrs.count ? trace.lrs[index] : trace.lrs.last { text += "   lr " + scientific(lr) }
        return text
    }

    /// `unit` and the step, right-aligned in the width of `total`'s digits with figure spaces (so the box
    /// does not change size as the count grows): "step  42".
    static func counterText(_ unit: String, _ step: Int, of total: Int) -> String {
        let digits = String(step), width = String(max(total, step)).count
        return unit + " " + String(repeating: "\u{2007}", count: max(0, width - digits.count)) + digits
    }

    /// A value as d.dd e±XX, with a true minus sign (the same width as the plus) so that read-outs keep
    /// their width from frame to frame; "—" for a value that is not finite.
    static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == 0 { return "0.00e+00" }
        var exponent = Int(log10(abs(value)).rounded(.down))
        var mantissa = (abs(value) / pow(10, Double(exponent)) * 100).rounded() / 100
        if mantissa >= 10 {
            exponent += 1
            mantissa /= 10
        }
        let whole = Int(mantissa), hundredths = Int((mantissa * 100).rounded()) - whole * 100
        let digits = "\(whole).\(hundredths < 10 ? "0" : "")\(hundredths)"
        let power = abs(exponent) < 10 ? "0\(abs(exponent))" : "\(abs(exponent))"
        return (value < 0 ? "\u{2212}" : "") + digits + "e" + (exponent < 0 ? "\u{2212}" : "+") + power
    }
}
