import Foundation
import Plotting
import Simulation
import Specs
import Testing

/// Animated specs: how steps map to frames, and what each frame shows.
@Suite struct FigureAnimationTests {}

extension FigureAnimationTests {
    static let race = """
        kind: trajectories
        surface: rosenbrock
        start: [-1.5, 2.5]
        steps: 60
        size: [320, 240]
        animation: {hold_start: 3, hold_end: 5, trail: 10}
        runs:
          - optimizer: Adam(lr=0.05)
          - optimizer: SGD(lr=2e-4, momentum=0.9)
            schedule: StepLR(step_size=20, gamma=0.5)
        """

    @Test func linearTimingShowsOneStepPerFrameBetweenHolds() throws {
        let spec = try FigureSpec.parse(Self.race, file: "race.yaml")
        let animation = try spec.animation()
        #expect(animation.frameCount == 3 + 60 + 5)
        let steps = (0..<animation.frameCount).map(animation.step(atFrame:))
        #expect(steps.prefix(3).allSatisfy { $0 == 0 })
        #expect(Array(steps[3..<63]) == Array(1...60))
        #expect(steps.suffix(5).allSatisfy { $0 == 60 })
    }

    @Test func stepsPerFrameFramesAndEasings() throws {
        var timing = AnimationSpec(stepsPerFrame: 3)
        #expect(timing.movingFrames(steps: 100) == 34)  // ⌈100/3⌉
        #expect(AnimationSpec.step(at: timing.progress(atFrame: 0, steps: 100), of: 100) == 3)
        #expect(AnimationSpec.step(at: timing.progress(atFrame: 33, steps: 100), of: 100) == 100)
        timing = AnimationSpec(frames: 50)
        #expect(timing.frameCount(steps: 1000) == 50)
        for easing in AnimationSpec.Easing.allCases {
            timing.easing = easing
            let steps = (0..<50).map { AnimationSpec.step(at: timing.progress(atFrame: $0, steps: 1000), of: 1000) }
            #expect(zip(steps, steps.dropFirst()).allSatisfy { $0 <= $1 }, "\(easing) must never go back")
            #expect(steps.last == 1000, "\(easing) must end at the last step")
        }
        // ease-in and log spend their first frames on the first steps; ease-out rushes them.
        timing.easing = .log
        let logTenth = AnimationSpec.step(at: timing.progress(atFrame: 4, steps: 1000), of: 1000)
        #expect(logTenth == Int((pow(1001, 0.1) - 1).rounded()))  // e(u) = ((1+N)^u − 1)/N at u = 5/50
        timing.easing = .easeOut
        #expect(AnimationSpec.step(at: timing.progress(atFrame: 4, steps: 1000), of: 1000) == 190)  // 1 − 0.9²
    }

    @Test func eachFrameDrawsHeadsTrailsReadoutsAndCounter() throws {
        let spec = try FigureSpec.parse(Self.race, file: "race.yaml")
        let animation = try spec.animation()
        let traces = try spec.traces()
        let frame = 3 + 24 - 1  // step 24
        #expect(animation.step(atFrame: frame) == 24)
        let chart = try #require(animation.figure(atFrame: frame).panels[0] as? Chart)
        // The background has no moving marks; the frame adds them.
        #expect((animation.background.panels[0] as? Chart)?.foregroundMarks.isEmpty == true)
        let lines = chart.foregroundMarks.compactMap { if case .line(let line) = $0 { line } else { nil } }
        #expect(lines.count == 2)
        for (line, trace) in zip(lines, traces) {
            // The trail: steps 14…24, fading, ending at the head.
            #expect(line.fades)
            #expect(line.points.count == 11)
            #expect(line.points.last == Point(trace.points[24].x, trace.points[24].y))
            #expect(line.detail?.hasPrefix("loss ") == true)
        }
        // Scheduled runs also show their learning rate: StepLR halves SGD's at step 20.
        #expect(lines[1].detail?.hasSuffix("lr 1.00e\u{2212}04") == true, "\(lines[1].detail ?? "")")
        let heads = chart.foregroundMarks.compactMap { mark -> Point? in
            if case .marker(let marker) = mark, marker.shape == .circle, marker.label == nil, marker.stroke == Theme.light.background { marker.point } else { nil }
        }
        #expect(heads.contains(Point(traces[0].points[24].x, traces[0].points[24].y)))
        #expect(chart.counter == "step 24")
        // Shorter numbers are padded with figure spaces (digit-wide) so the counter's box keeps its width.
        #expect((animation.figure(atFrame: 3 + 5 - 1).panels[0] as? Chart)?.counter == "step \u{2007}5")
        // The still of an animated spec is its last frame: whole trails of the last 10 steps.
        let last = try #require(animation.lastFrame.panels[0] as? Chart)
        #expect(last.counter == "step 60")
    }

    @Test func trainingAnimationMarksEarlyStoppingOnlyOnceItFires() throws {
        let spec = try FigureSpec.parse(TrainingChartTests.spec + "\nanimation: {hold_end: 2}", file: "es.yaml")
        let run = try spec.training!.run().run
        let stop = try #require(run.stopEpoch)
        let animation = try spec.animation()
        #expect(animation.steps == stop)
        func texts(atEpoch epoch: Int) throws -> [String] {
            let frame = (0..<animation.frameCount).first { animation.step(atFrame: $0) == epoch }!
            let canvas = RecordingCanvas(size: animation.size)
            animation.figure(atFrame: frame).draw(on: canvas, theme: .light)
            return canvas.texts
        }
        let before = try texts(atEpoch: stop - 1)
        #expect(before.contains("best so far"))
        #expect(!before.contains { $0.hasPrefix("early stop") })
        let after = try texts(atEpoch: stop)
        #expect(after.contains("early stop at \(stop)"))
        #expect(after.contains("restored checkpoint"))
        #expect(after.contains("best epoch \(run.bestEpoch!)"))
    }

    @Test func linkedPanelsAdvanceTogether() throws {
        let text = """
            kind: panels
            surface: rosenbrock
            steps: 40
            size: [900, 300]
            animation: {steps_per_frame: 2}
            runs:
              - optimizer: Adam(lr=0.05)
                schedule: CosineAnnealingLR(T_max=40)
            panels:
              - kind: trajectories
              - kind: loss
              - kind: schedules
                optimizer: Adam(lr=0.05)
                schedules: [CosineAnnealingLR(T_max=40)]
            """
        let spec = try FigureSpec.parse(text, file: "linked.yaml")
        let animation = try spec.animation()
        #expect(animation.frameCount == 20)
        let figure = animation.figure(atFrame: 9)  // step 20 of 40: half-way
        let charts = figure.panels.compactMap { $0 as? Chart }
        let loss = charts[1].foregroundMarks.compactMap { if case .line(let line) = $0 { line } else { nil } }
        #expect(loss.first?.points.last?.x == 20)
        let lr = charts[2].foregroundMarks.compactMap { if case .line(let line) = $0, line.label != nil { line } else { nil } }
        #expect(lr.first?.points.last?.x == 20)
        // The schedule's read-out is the lr the scheduled run reads out at the same step.
        let run = charts[0].foregroundMarks.compactMap { if case .line(let line) = $0, line.label != nil { line } else { nil } }
        let runLR = try #require(run.first?.detail?.components(separatedBy: "lr ").last)
        #expect(lr.first?.detail == "lr " + runLR)
        #expect(charts[0].counter != nil && charts[1].counter == nil && charts[2].counter == nil)
    }

    @Test func badAnimationBlocksAreOneClearLine() {
        let cases: [(String, String)] = [
            ("animation: {frames: 10, steps_per_frame: 2}", "give 'frames' or 'steps_per_frame'"),
            ("animation: {fsp: 10}", "unknown key 'fsp' in 'animation' — did you mean 'fps'?"),
            ("animation: {fps: 0}", "'fps' must be between 1 and 120"),
            ("animation: {easing: ease}", "'ease'"),
            ("animation: 3", "'animation' must be a mapping"),
        ]
        for (block, message) in cases {
            let text = Self.race.replacingOccurrences(of: "animation: {hold_start: 3, hold_end: 5, trail: 10}", with: block)
            #expect(throws: SpecError.self) { try FigureSpec.parse(text, file: "bad.yaml") }
            do {
                _ = try FigureSpec.parse(text, file: "bad.yaml")
            } catch {
                #expect(error.description.contains(message), "\(error.description)")
                #expect(error.description.hasPrefix("bad.yaml:6:"), "\(error.description)")
            }
        }
    }
}
