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
    ///
    /// Any finite domain works, from 1e-320 to 1e300 wide and anywhere up to ±1.8e308: where plain decimals
    /// would need more than 15 digits (huge values, or a step below 10⁻¹⁵), every label is written as
    /// mantissa × 10ⁿ with as many significant digits as the step needs (``scientific(_:digits:)``). A
    /// domain with a non-finite end gets no ticks.
    public static func linear(_ domain: ClosedRange<Double>, target: Int = 6) -> [Tick] {
        guard domain.lowerBound.isFinite, domain.upperBound.isFinite else { return [] }
        let span = domain.upperBound - domain.lowerBound
        let largest = max(abs(domain.lowerBound), abs(domain.upperBound))
        guard span > 0, span.isFinite, (span / Double(max(2, target))).isNormal, span > largest * 1e-12 else {
            // A point, a span too wide for a Double, or one too narrow to divide into distinct Doubles: the ends
            // (or the one value), with as many digits as it takes to tell them apart.
            let ends = span > 0 ? [domain.lowerBound, domain.upperBound] : [domain.lowerBound]
            if plainIsReadable(largest, step: max(span, 1e-3)), span == 0 || span >= 1e-2 { return ends.map { Tick($0, format($0, decimals: 2)) } }
            return distinct(ends, from: 3)
        }
        let step = niceStep(span: span, target: max(2, target))
        let first = (domain.lowerBound / step - 1e-9).rounded(.up)
        let last = (domain.upperBound / step + 1e-9).rounded(.down)
        guard first.isFinite, last.isFinite, last >= first else { return [] }
        // Count the ticks with an integer: beyond 2⁵³, k + 1 == k and a Double counter would never advance.
        let count = min(Int(last - first) + 1, 1_000)
        let plain = plainIsReadable(largest, step: step)
        var values: [Double] = []
        for i in 0..<count {
            let value = (first + Double(i)) * step
            if value > (values.last ?? -.infinity) { values.append(value == 0 ? 0 : value) }   // rounding can repeat one
        }
        guard !plain else {
            let decimals = max(0, -Int(floor(log10(step) + 1e-9)))
            return values.map { Tick($0, format($0, decimals: decimals)) }
        }
        // Significant digits that tell neighbouring ticks apart: the step's digit and every one above it.
        return distinct(values, from: max(1, Int(floor(log10(largest) + 1e-9)) - Int(floor(log10(step) + 1e-9)) + 1))
    }

    /// `values` in ``scientific(_:digits:)`` with the fewest digits, from `digits` up to 17, that give
    /// neighbours different labels.
    static func distinct(_ values: [Double], from digits: Int) -> [Tick] {
        var digits = min(max(1, digits), 17)
        while true {
            let labels = values.map { scientific($0, digits: digits) }
            if digits >= 17 || zip(labels, labels.dropFirst()).allSatisfy({ $0 != $1 }) {
                return zip(values, labels).map { Tick($0, $1) }
            }
            digits += 1
        }
    }

    /// Whether plain decimals can write values up to `largest` at a step of `step` in at most 15 digits
    /// before or after the point.
    static func plainIsReadable(_ largest: Double, step: Double) -> Bool {
        largest < 1e15 && (step == 0 || step >= 1e-15 || largest == 0)
    }

    /// `value` as mantissa × 10ⁿ with `digits` significant digits (trailing zeros dropped), a typographic
    /// minus and a superscript exponent: 1.5×10¹⁹, −2×10⁻³²⁰; 0 is "0" and non-finite values "∞", "−∞", "NaN".
    public static func scientific(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : value > 0 ? "∞" : "\u{2212}∞" }
        guard value != 0 else { return "0" }
        let text = String(format: "%.\(max(0, min(16, digits - 1)))e", abs(value))   // "1.50e+19"
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else { return text }
        var mantissa = String(text[..<e])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        let sign = value < 0 ? "\u{2212}" : ""
        return mantissa == "1" ? sign + powerOfTen(exponent) : sign + mantissa + "×" + powerOfTen(exponent)
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
        guard domain.lowerBound > 0, domain.upperBound.isFinite else { return [] }
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
        guard domain.lowerBound > 0, domain.upperBound.isFinite else { return [] }
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

    /// `value` with exactly `decimals` decimals and a typographic minus sign (U+2212); values beyond 10¹⁵, and
    /// more than 15 decimals, fall back to ``scientific(_:digits:)`` (plain digits would not be exact, or
    /// would not fit a 64-bit integer).
    public static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite, abs(value) < 1e15, decimals <= 15 else { return scientific(value, digits: 3) }
        let decimals = max(0, decimals)
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
