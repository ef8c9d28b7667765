#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Choosing tick values that read well.
///
/// Linear axes step by 1, 2 or 5 times a power of ten, whichever gives the count closest to the target
/// (ties go to fewer ticks), and every label shows the same number of decimals — as many as the step needs.
/// Log axes put a labelled tick at each power of ten (10ⁿ, written with superscript digits), thinned to
/// every second or fifth decade when there are many; minor ticks fall on 2…9 × 10ⁿ.
public enum Ticks {
    /// Ticks inside `domain` at a 1-2-5 step.
    public static func linear(_ domain: ClosedRange<Double>, target: Int = 6) -> [Tick] {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0, span.isFinite else { return [Tick(domain.lowerBound, format(domain.lowerBound, decimals: 2))] }
        let step = niceStep(span: span, target: max(2, target))
        let first = (domain.lowerBound / step - 1e-9).rounded(.up)
        let last = (domain.upperBound / step + 1e-9).rounded(.down)
        let decimals = max(0, -Int(floor(log10(step) + 1e-9)))
        var ticks: [Tick] = []
        var k = first
        while k <= last {
            let value = k * step
            ticks.append(Tick(value == 0 ? 0 : value, format(value, decimals: decimals)))
            k += 1
        }
        return ticks
    }

    /// The 1-2-5 step that gives a tick count closest to `target` over `span`.
    public static func niceStep(span: Double, target: Int) -> Double {
        let rough = span / Double(target)
        let magnitude = pow(10, floor(log10(rough)))
        var best = magnitude
        var bestError = Double.infinity
        for multiple in [1.0, 2, 5, 10] {
            let step = multiple * magnitude
            let count = (span / step).rounded(.down) + 1
            let error = abs(count - Double(target))
            if error < bestError - 1e-9 {
                best = step
                bestError = error
            }
        }
        return best
    }

    /// Labelled ticks on a log axis over `domain` (positive): the powers of ten (10ⁿ), thinned to every
    /// second decade beyond 12 decades and every fifth beyond 24; over fewer than three decades also 2× and 5× each power,
    /// written as plain numbers (0.2, 0.5, 1, 2, 5, 10, 20) so that a short axis still has several labels.
    public static func log(_ domain: ClosedRange<Double>) -> [Tick] {
        guard domain.lowerBound > 0 else { return [] }
        let low = Int(floor(log10(domain.lowerBound) + 1e-9))
        let high = Int(floor(log10(domain.upperBound) + 1e-9))
        let decades = log10(domain.upperBound) - log10(domain.lowerBound)
        if decades < 3 {
            var ticks: [Tick] = []
            for n in low...high {
                for m in [1.0, 2, 5] {
                    let value = m * pow(10, Double(n))
                    guard value >= domain.lowerBound * (1 - 1e-9), value <= domain.upperBound * (1 + 1e-9) else { continue }
                    ticks.append(Tick(value, format(value, decimals: max(0, -n))))
                }
            }
            return ticks.count >= 2 ? ticks : linear(domain, target: 4)
        }
        let first = Int(ceil(log10(domain.lowerBound) - 1e-9))
        let count = high - first + 1
        let every = count > 24 ? 5 : count > 12 ? 2 : 1
        return stride(from: first, through: high, by: 1).filter { ($0 - first) % every == 0 }.map { n in
            Tick(pow(10, Double(n)), powerOfTen(n))
        }
    }

    /// Minor ticks at 2…9 × 10ⁿ inside `domain`.
    public static func logMinor(_ domain: ClosedRange<Double>) -> [Double] {
        guard domain.lowerBound > 0 else { return [] }
        let low = Int(floor(log10(domain.lowerBound))), high = Int(ceil(log10(domain.upperBound)))
        guard high - low <= 12 else { return [] }
        var values: [Double] = []
        for n in low...high {
            for m in 2...9 {
                let v = Double(m) * pow(10, Double(n))
                if domain.contains(v) { values.append(v) }
            }
        }
        return values
    }

    /// `value` with exactly `decimals` decimals and a typographic minus sign (U+2212).
    public static func format(_ value: Double, decimals: Int) -> String {
        let scale = pow(10, Double(decimals))
        let rounded = (abs(value) * scale).rounded() / scale
        var digits = String(Int64(rounded.rounded(.down)))
        if decimals > 0 {
            var fraction = String(Int64(((rounded - rounded.rounded(.down)) * scale).rounded()))
            while fraction.count < decimals { fraction = "0" + fraction }
            digits += "." + fraction
        }
        return (value < 0 && rounded != 0 ? "\u{2212}" : "") + digits
    }

    /// "10ⁿ" with superscript digits: 10⁰, 10³, 10⁻².
    public static func powerOfTen(_ exponent: Int) -> String {
        let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let digits = String(abs(exponent)).map { superscripts[Int(String($0))!] }
        return "10" + (exponent < 0 ? "⁻" : "") + String(digits)
    }
}
