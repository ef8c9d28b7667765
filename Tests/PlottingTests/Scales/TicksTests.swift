import Plotting
import Testing

/// Tick values are the nice numbers a reader expects.
@Suite struct TicksTests {}

extension TicksTests {
    @Test(arguments: [
        (0.0...1.0, 6, [0, 0.2, 0.4, 0.6, 0.8, 1.0], ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
        (-2.0...2.0, 5, [-2, -1, 0, 1, 2], ["\u{2212}2", "\u{2212}1", "0", "1", "2"]),
        (-1.0...3.0, 9, [-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3], ["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"]),
        (0.0...300.0, 6, [0, 50, 100, 150, 200, 250, 300], ["0", "50", "100", "150", "200", "250", "300"]),
        (0.013...0.047, 4, [0.02, 0.03, 0.04], ["0.02", "0.03", "0.04"]),
        (-4.5...4.5, 9, [-4, -3, -2, -1, 0, 1, 2, 3, 4], ["\u{2212}4", "\u{2212}3", "\u{2212}2", "\u{2212}1", "0", "1", "2", "3", "4"]),
    ] as [(ClosedRange<Double>, Int, [Double], [String])])
    func linearTicksAreOneTwoFiveSteps(_ domain: ClosedRange<Double>, _ target: Int, _ values: [Double], _ labels: [String]) {
        let ticks = Ticks.linear(domain, target: target)
        #expect(ticks.map(\.label) == labels)
        #expect(ticks.count == values.count)
        for (tick, value) in zip(ticks, values) { #expect(abs(tick.value - value) < 1e-12) }
    }

    @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        for span in [0.37, 1, 2.2, 7, 13, 99, 480, 12_345] {
            for target in 3...10 {
                let step = Ticks.niceStep(span: span, target: target)
                let mantissa = step / pow10(Int((log10Approx(step)).rounded(.down)))
                #expect([1, 2, 5, 10].contains { abs(mantissa - $0) < 1e-9 }, "step \(step) for span \(span)")
            }
        }
    }

    @Test func logTicksAreDecades() {
        let ticks = Ticks.log(1e-6...1e3)
        #expect(ticks.map(\.label) == ["10⁻⁶", "10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹", "10²", "10³"])
        #expect(Ticks.log(1e-20...1e20).map(\.label).count == 9)  // every fifth decade of 41
        #expect(Ticks.log(1e-8...1e3).first?.label == "10⁻⁸")
    }

    @Test func shortLogAxesAlsoLabelTwosAndFives() {
        #expect(Ticks.log(1.2...30).map(\.label) == ["2", "5", "10", "20"])
        #expect(Ticks.log(0.05...3).map(\.label) == ["0.05", "0.1", "0.2", "0.5", "1", "2"])
        #expect(Ticks.logMinor(1...100).count == 16)
    }

    @Test func scalesMapBothWays() {
        let linear = Scale(.linear, domain: -2...2, from: 100, to: 500)
        #expect(linear.position(0) == 300)
        #expect(linear.value(at: 400) == 1)
        let log = Scale(.log, domain: 1e-2...1e2, from: 400, to: 0)
        #expect(abs(log.position(1) - 200) < 1e-9)
        #expect(abs(log.value(at: 100) - 10) < 1e-9)
    }
}

private func pow10(_ n: Int) -> Double { n >= 0 ? (0..<n).reduce(1.0) { r, _ in r * 10 } : (0..<(-n)).reduce(1.0) { r, _ in r / 10 } }
private func log10Approx(_ x: Double) -> Double {
    var n = 0.0, v = x
    while v >= 10 { v /= 10; n += 1 }
    while v < 1 { v *= 10; n -= 1 }
    return n
}
