import Foundation
import Plotting
import Simulation
import Testing
@testable import Specs

/// What used to be replaced by something else is now an error: a figure never quietly shows other numbers
/// than its spec asks for. One test per former fallback.
@Suite struct SimulationFailureTests {}

extension SimulationFailureTests {
    static func figure(_ panel: PanelSpec) -> FigureSpec {
        FigureSpec(file: "api.yaml", text: "", panels: [panel], columns: 1, sharedLegend: false, inset: nil, insetCorner: .topRight,
                   width: 640, height: 480, theme: nil, fontFamily: nil, fontSize: nil, alt: nil, animation: nil)
    }

    /// A scheduled run whose scheduler fails was drawn without its schedule; now the simulation says why.
    @Test func aFailingScheduleOfARunIsAnError() throws {
        let run = RunSet.Run(optimizer: try Optimizers.make("SGD(lr=0.1)"), label: "SGD + OneCycleLR",
                             schedule: try Schedules.make("OneCycleLR(max_lr=0.1, total_steps=5)"), location: SpecLocation(line: 7, column: 5))
        let panel = PanelSpec(content: .trajectories(TrajectoriesPanel(
            runs: RunSet(surface: try Surfaces.make("booth"), runs: [run], steps: 20), style: SurfaceStyle(view: Booth().view))))
        let error = #expect(throws: SpecError.self) { try Self.figure(panel).simulate() }
        #expect(error?.file == "api.yaml" && error?.line == 7 && error?.column == 5)
        #expect(error?.message.contains("run 'SGD + OneCycleLR'") == true)
        #expect(error?.message.contains("Tried to step") == true)
    }

    /// A schedule curve that failed was left out of the chart; now it is an error naming the curve.
    @Test func aFailingScheduleCurveIsAnError() throws {
        let curve = SchedulesPanel.Curve(scheduler: try Schedules.make("ReduceLROnPlateau()"), label: "plateau",
                                         optimizer: try Optimizers.make("SGD(lr=0.1)"))
        let panel = PanelSpec(content: .schedules(SchedulesPanel(curves: [curve], steps: 10, metrics: [1, 0.9])))
        let error = #expect(throws: SpecError.self) { try Self.figure(panel).simulate() }
        #expect(error?.message.contains("schedule 'plateau'") == true)
        #expect(error?.message.contains("needs a metric for every step") == true)
    }

    /// A training run that failed was drawn as an empty chart; now it is an error.
    @Test func aFailingTrainingIsAnError() throws {
        let spec = try FigureSpec.parse("""
            kind: training-curves
            dataset: moons(n=60, noise=0.2, seed=1)
            optimizer: SGD(lr=0.1)
            epochs: 10
            batch_size: 10
            """, file: "train.yaml")
        guard case .trainingCurves(var training) = spec.panels[0].content else { Issue.record("not a training spec"); return }
        // 10 epochs of 5 batches need 50 scheduler steps; this one allows 20 (PyTorch raises on the 21st).
        training.schedule = try Schedules.make("OneCycleLR(max_lr=0.1, total_steps=20)")
        var failing = spec
        failing.panels[0].content = .trainingCurves(training)
        let error = #expect(throws: SpecError.self) { try failing.simulate() }
        #expect(error?.file == "train.yaml" && error?.line == 1)
        #expect(error?.message.hasPrefix("training: ") == true)
    }

    /// A polynomial fit (or an l2-contours optimum, solved the same way) that could not be solved was skipped,
    /// its λ silently missing from the figure; now it is an error. Inputs that are all 0 make the unpenalised
    /// system exactly singular.
    @Test func anUndeterminedFitIsAnError() throws {
        let flat = Dataset(inputs: Array(repeating: [0], count: 8), targets: [1, 2, 3, 4, 5, 6, 7, 8], featureCount: 1, task: .regression)
        var ridge = RidgeSpec(dataset: flat, datasetName: "flat", validation: 0.5, seed: 0, degree: 3, lambdas: [0.1, 0])
        let error = #expect(throws: SpecError.self) { try Self.figure(PanelSpec(content: .l2Fits(ridge))).simulate() }
        #expect(error?.message == "λ = 0.0 leaves the degree-3 fit of 4 points undetermined: use a penalty above 0 or fewer coefficients")
        // With a penalty every fit exists and is recorded.
        ridge.lambdas = [0.1, 1]
        #expect(try Self.figure(PanelSpec(content: .l2Sweep(ridge))).simulate().panels[0].fits?.count == 2)
    }

    /// Options that were re-read from text downstream, with a default for anything unreadable, are now read
    /// once, strictly, at their place in the file.
    @Test(arguments: [
        ("kind: trajectories\nsurface: booth\ncolormap: viridiss\nruns:\n  - optimizer: Adam\n", 3, "did you mean 'viridis'?"),
        ("kind: trajectories\nsurface: booth\nlegend: top-middle\nruns:\n  - optimizer: Adam\n", 3, "'legend' cannot be 'top-middle'"),
        ("kind: loss\nsurface: booth\ny_scale: logarithmic\nruns:\n  - optimizer: Adam\n", 3, "'y_scale' cannot be 'logarithmic'"),
        ("kind: loss\nsurface: booth\nx_axis: epoch\nruns:\n  - optimizer: Adam\n", 3, "did you mean 'epochs'?"),
        ("kind: trajectories\nsurface: booth\ntheme: drak\nruns:\n  - optimizer: Adam\n", 3, "did you mean 'dark'?"),
        ("kind: trajectories\nsurface: booth\ninset: {kind: loss, position: middle}\nruns:\n  - optimizer: Adam\n", 3, "'position' cannot be 'middle'"),
    ])
    func optionsAreCheckedWhenRead(_ text: String, _ line: Int, _ message: String) {
        let error = #expect(throws: SpecError.self) { try FigureSpec.parse(text, file: "x.yaml") }
        #expect(error?.line == line, "\(error?.description ?? "")")
        #expect(error?.message.contains(message) == true, "\(error?.description ?? "")")
    }

    /// A record that belongs to another spec is refused, not drawn as far as it fits.
    @Test func aRecordOfAnotherSpecIsRefused() throws {
        let loss = try FigureSpec.parse("kind: loss\nsurface: booth\nruns:\n  - optimizer: Adam\n", file: "loss.yaml")
        let schedules = try FigureSpec.parse("kind: schedules\nschedules: [StepLR(step_size=3)]\n", file: "s.yaml")
        let record = try schedules.simulate()
        #expect(throws: SpecError.self) { try loss.figure(record, theme: .light) }
        #expect(throws: SpecError.self) { try loss.altText(record) }
        #expect(throws: SpecError.self) { try FigureAnimation(spec: loss, record: record, theme: .light) }
        let twoRuns = try FigureSpec.parse("kind: loss\nsurface: booth\nruns:\n  - optimizer: Adam\n  - optimizer: SGD\n", file: "two.yaml")
        let error = #expect(throws: SpecError.self) { try twoRuns.figure(try loss.simulate(), theme: .light) }
        #expect(error?.message.contains("1 runs; the panel has 2") == true)
    }
}
