import Foundation
import Plotting
import Simulation
import Testing

/// Ticks, colour bars and whole charts for any finite range a run can produce, from 1e-320 to 1e300 wide and
/// anywhere up to ±1e300: random domains drawn from a seeded generator, never a trap, always ordered and
/// distinguishable labels.
@Suite struct TicksPropertyTests {
    /// A random finite domain: a centre and a width each spread over the whole exponent range.
    static func randomDomain(_ generator: inout SplitMix64) -> ClosedRange<Double> {
        let width = pow(10, -320 + 620 * generator.nextUniform())
        let centre = (generator.nextUniform() < 0.5 ? -1.0 : 1.0) * pow(10, -320 + 620 * generator.nextUniform())
        let low = generator.nextUniform() < 0.2 ? 0 : centre - width / 2
        let high = max(low, low + width)
        return low...(high.isFinite ? high : Double.greatestFiniteMagnitude)
    }
}

extension TicksPropertyTests {
    @Test func linearTicksAreOrderedInsideAndTellApart() {
        var generator = SplitMix64(seed: 17)
        for _ in 0..<3_000 {
            let domain = Self.randomDomain(&generator)
            let ticks = Ticks.linear(domain)
            #expect(ticks.count <= 1_000)
            for tick in ticks { #expect(tick.value.isFinite && !tick.label.isEmpty, "\(domain)") }
            for (a, b) in zip(ticks, ticks.dropFirst()) {
                #expect(a.value < b.value, "\(domain): \(a.value) then \(b.value)")
                #expect(a.label != b.label, "\(domain): two ticks read '\(a.label)'")
            }
            let slack = (domain.upperBound - domain.lowerBound) * 1e-6
            if let first = ticks.first, let last = ticks.last, ticks.count > 1 {
                #expect(first.value >= domain.lowerBound - slack && last.value <= domain.upperBound + slack, "\(domain)")
            }
        }
    }

    @Test func logTicksAndColorbarsNeverTrap() {
        var generator = SplitMix64(seed: 5)
        for _ in 0..<2_000 {
            let a = pow(10, -320 + 628 * generator.nextUniform()), b = pow(10, -320 + 628 * generator.nextUniform())
            let domain = min(a, b)...max(a, b)
            let ticks = Ticks.log(domain)
            for (x, y) in zip(ticks, ticks.dropFirst()) { #expect(x.value < y.value, "\(domain)") }
            _ = Ticks.logMinor(domain)
            let linear = Self.randomDomain(&generator)
            for norm in [ValueNorm.logarithmic(domain), .linear(linear)] {
                let bar = Colorbar(colormap: .grey, norm: norm, label: "f")
                for tick in bar.ticks() { #expect(!tick.label.isEmpty) }
            }
        }
    }

    @Test func chartsOfExtremeDataDrawWithoutTrapping() {
        var generator = SplitMix64(seed: 99)
        for k in 0..<150 {
            let x = Self.randomDomain(&generator), y = Self.randomDomain(&generator)
            let points = (0...20).map { i in Point(x.lowerBound + (x.upperBound - x.lowerBound) * Double(i) / 20,
                                                   y.lowerBound + (y.upperBound - y.lowerBound) * generator.nextUniform()) }
            let positive = y.lowerBound > 0
            let chart = Chart(title: "case \(k)", xLabel: "x", yLabel: "y", yScale: positive && k % 2 == 0 ? .log : .linear,
                              xDomain: x, yDomain: y, marks: [.line(LineMark(points: points, color: Palette.blue, label: "run")),
                                                              .rule(RuleMark(x: points[10].x, label: "mid", color: Palette.blue))],
                              legend: .auto, grid: true)
            let canvas = RecordingCanvas(size: Size(320, 240))
            Figure(size: Size(320, 240), panels: [chart]).draw(on: canvas, theme: .light)
            #expect(!canvas.operations.isEmpty)
        }
    }

    @Test func hugeAndTinyLabelsAreWrittenWithPowersOfTen() {
        #expect(Ticks.format(1.5e19, decimals: 0) == "1.5×10¹⁹")
        #expect(Ticks.format(-2e-320, decimals: 330) == "\u{2212}2×10⁻³²⁰")
        #expect(Ticks.format(.infinity, decimals: 0) == "∞")
        #expect(Ticks.linear(0...1e19).map(\.label) == ["0", "2×10¹⁸", "4×10¹⁸", "6×10¹⁸", "8×10¹⁸", "10¹⁹"])
        #expect(Ticks.linear(0...1e-320).count >= 2)
        #expect(Ticks.linear(0...(.infinity)).isEmpty)
        // Ordinary ranges are unchanged: plain decimals.
        #expect(Ticks.linear(0...1).map(\.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }
}
