import Foundation
import Plotting
import Simulation
import Specs
import Testing

/// The batch-size figure: runs with their own linreg surface, loss against updates or epochs.
@Suite struct LossChartTests {}

extension LossChartTests {
    @Test func smallBatchesAreNoisierAndEpochsScaleByBatchSize() throws {
        let spec = try FigureSpec.parse("""
            kind: loss
            surface: linreg(n=200, noise=0.5, seed=1, batch_size=200)
            start: [-2, 3]
            steps: 200
            x_axis: epochs
            runs:
              - optimizer: SGD(lr=0.05)
                surface: linreg(n=200, noise=0.5, seed=1, batch_size=1)
                label: one
              - optimizer: SGD(lr=0.05)
                label: full
            """, file: "b.yaml")
        let traces = try spec.traces()
        // Noise: batch size 1's loss goes up between updates many times; full batch never does.
        let rises = traces.map { trace in zip(trace.losses, trace.losses.dropFirst()).filter { $1 > $0 }.count }
        #expect(rises[0] > 20)
        #expect(rises[1] == 0)
        // 200 updates are one epoch at batch size 1 and 200 epochs at full batch.
        let chart = try #require(try spec.simulatedFigure(theme: .light).charts.first)
        let lines = chart.marks.compactMap { if case .line(let line) = $0 { line } else { nil } }
        #expect(abs(lines[0].points.last!.x - 1) < 1e-12)
        #expect(abs(lines[1].points.last!.x - 200) < 1e-12)
        #expect(chart.xLabel == "epoch")
    }
}
