import Foundation
import Plotting
import Simulation
import Specs
import Testing

/// Schedules in figures: the `schedules` kind and runs with a schedule.
@Suite struct SchedulesChartTests {}

extension SchedulesChartTests {
    @Test func schedulesPanelDrawsCurvesMomentumAndBoundaries() throws {
        let text = """
            kind: schedules
            steps: 40
            optimizer: SGD(lr=0.1, momentum=0.9)
            schedules:
              - OneCycleLR(max_lr=0.1, total_steps=40)
              - schedule: StepLR(step_size=10, gamma=0.5)
                label: step decay
            """
        let spec = try FigureSpec.parse(text, file: "s.yaml")
        let chart = try #require(try spec.simulatedFigure(theme: .light).charts.first)
        #expect(chart.secondary != nil)  // OneCycleLR cycles the momentum
        let rules = chart.marks.compactMap { if case .rule(let rule) = $0 { rule.x } else { nil } }
        #expect(rules.contains(10) && rules.contains(20) && rules.contains(30))  // StepLR's decays
        let canvas = RecordingCanvas(size: Size(spec.width, spec.height))
        try spec.simulatedFigure(theme: .light).draw(on: canvas, theme: .light)
        #expect(canvas.texts.contains("step decay") && canvas.texts.contains("OneCycleLR"))
        #expect(try spec.simulatedAltText().contains("step decay starts at 0.1"))
    }

    @Test func scheduleErrorsAreLocated() {
        let short = #expect(throws: SpecError.self) {
            try FigureSpec.parse("kind: schedules\nsteps: 50\nschedules:\n  - OneCycleLR(max_lr=0.1, total_steps=20)\n", file: "x")
        }
        #expect(short?.line == 4)
        #expect(short?.message.contains("Tried to step") == true)
        let plateau = #expect(throws: SpecError.self) {
            try FigureSpec.parse("kind: schedules\nschedules:\n  - ReduceLROnPlateau()\n", file: "x")
        }
        #expect(plateau?.message.contains("needs 'metrics'") == true)
    }

    @Test func runsFollowTheirSchedule() throws {
        let spec = try FigureSpec.parse("""
            kind: loss
            surface: booth
            steps: 6
            runs:
              - optimizer: SGD(lr=0.02)
                schedule: ExponentialLR(gamma=0.5)
            """, file: "x")
        #expect(spec.runs[0].label == "SGD + ExponentialLR")
        #expect(try spec.traces()[0].lrs == [0.02, 0.01, 0.005, 0.0025, 0.00125, 0.000625])
    }
}
