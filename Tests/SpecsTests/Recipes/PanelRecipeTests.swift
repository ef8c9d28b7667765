import Foundation
import Plotting
import Simulation
import Specs
import Testing

/// Gradient fields, state overlays, colorbars, panels, sizes and alt text.
@Suite struct PanelRecipeTests {}

extension PanelRecipeTests {
    static func draw(_ text: String, theme: Theme = .light) throws -> (FigureSpec, RecordingCanvas) {
        let spec = try FigureSpec.parse(text, file: "test.yaml")
        let figure = try spec.simulatedFigure(theme: theme)
        let canvas = RecordingCanvas(size: figure.size)
        figure.draw(on: canvas, theme: theme)
        return (spec, canvas)
    }

    /// Every arrow of the field points along −∇f at its origin: check it on the recorded arrow shafts.
    @Test func gradientArrowsPointDownhill() throws {
        let (spec, canvas) = try Self.draw("kind: gradient-field\nsurface: himmelblau\narrows: 9\ncontours: 0\nbackground: lines\nlegend: none\n")
        let chart = try #require(try spec.simulatedFigure(theme: .light).charts.first)
        let layout = chart.layout(in: Rect(x: 0, y: 0, width: spec.width, height: spec.height), canvas: canvas, theme: .light)
        let arrowColor = Theme.light.foreground.withAlpha(0.85)
        let shafts = canvas.operations.compactMap { operation -> (Point, Point)? in
            guard case .stroke(let path, let style) = operation, style.color == arrowColor,
                  case .move(let a)? = path.elements.first, case .line(let b)? = path.elements.last, path.elements.count == 2 else { return nil }
            return (a, b)
        }
        #expect(shafts.count > 40)
        for (a, b) in shafts {
            // Back to data space: the page's y points down.
            let x = layout.x.value(at: a.x), y = layout.y.value(at: a.y)
            let g = Himmelblau().gradient(at: SIMD2(x, y))
            // −∇f on the page: x scales by the plot's width per unit, y by its height per unit and flips.
            let sx = layout.plot.width / 10, sy = layout.plot.height / 10
            let expected = (x: -g.x * sx, y: g.y * sy)
            let actual = (x: b.x - a.x, y: b.y - a.y)
            let dot = expected.x * actual.x + expected.y * actual.y
            let norms = (expected.x * expected.x + expected.y * expected.y).squareRoot() * (actual.x * actual.x + actual.y * actual.y).squareRoot()
            #expect(dot / norms > 0.999, "arrow at (\(x), \(y)) is off −∇f")
        }
        let ascent = try FigureSpec.parse("kind: gradient-field\nsurface: booth\ndirection: ascent\n", file: "x")
        guard case .gradientField(let panel) = ascent.panels[0].content else { Issue.record("not a gradient field"); return }
        #expect(panel.direction == .ascent)
    }

    @Test func colorbarTicksFollowTheNorm() throws {
        let linear = Colorbar(colormap: try Colormap.named("viridis"), norm: .linear(0...900))
        #expect(linear.ticks().map(\.value) == [0, 200, 400, 600, 800])
        let log = Colorbar(colormap: try Colormap.named("viridis"), norm: .logarithmic(0...2500))
        let labels = log.ticks().map(\.label)
        #expect(labels.contains("10³") && labels.contains("10¹") && labels.count <= 7)
        let banded = Colorbar(colormap: try Colormap.named("viridis"), norm: .linear(0...10), levels: [2, 4, 6, 8])
        #expect(banded.ticks().map(\.value) == [2, 4, 6, 8])
        let (_, canvas) = try Self.draw("kind: trajectories\nsurface: booth\ncolorbar: true\nruns:\n  - optimizer: Adam(lr=0.5)\n")
        #expect(canvas.texts.contains("10³") || canvas.texts.contains("1000"))
    }

    static let centimetre: Double = 72 / 2.54
    static let lengths: [(String, Double)] = [("960", 960), ("12cm", 12 * centimetre), ("4in", 288), ("300pt", 300), ("800px", 800),
                                              ("85mm", 8.5 * centimetre), (" 5.5 in", 396)]

    @Test(arguments: lengths)
    func lengthsConvertToLayoutUnits(_ text: String, _ expected: Double) throws {
        #expect(abs(try #require(FigureSpec.parseLength(text)) - expected) < 1e-9)
    }

    @Test func sizesWithUnitsAndBadOnes() throws {
        let spec = try FigureSpec.parse("kind: loss\nsurface: booth\nsize: [12cm, 8cm]\nruns:\n  - optimizer: Adam\n", file: "x")
        #expect(abs(spec.width - 340.157) < 1e-3 && abs(spec.height - 226.772) < 1e-3)
        let error = #expect(throws: SpecError.self) {
            try FigureSpec.parse("kind: loss\nsurface: booth\nsize: [12cm, 8furlongs]\nruns:\n  - optimizer: Adam\n", file: "x")
        }
        #expect(error?.line == 3 && error?.column == 14)
        let font = try FigureSpec.parse("kind: loss\nsurface: booth\nfont: {family: DejaVu Sans, size: 10}\nruns:\n  - optimizer: Adam\n", file: "x")
        #expect(font.resolvedTheme().fontSize == 10)
    }

    @Test func panelsInheritAndShareOneLegend() throws {
        let text = """
            kind: panels
            columns: 2
            surface: booth
            steps: 20
            runs:
              - optimizer: Adam(lr=0.5)
            panels:
              - kind: trajectories
              - kind: loss
                steps: 10
            """
        let (spec, canvas) = try Self.draw(text)
        #expect(spec.panels.count == 2)
        #expect(spec.panels[0].steps == 20 && spec.panels[1].steps == 10)
        #expect(try spec.simulatedFigure(theme: .light).charts.map(\.legend) == [.none, .auto])
        #expect(canvas.texts.filter { $0 == "Adam" }.count == 1)
        let error = #expect(throws: SpecError.self) { try FigureSpec.parse("kind: panels\nsurface: booth\npanels:\n  - steps: 3\n", file: "x") }
        #expect(error?.message.contains("needs its own 'kind'") == true)
    }

    @Test func stateOverlaysUseTheRecordedState() throws {
        let (_, velocity) = try Self.draw("kind: state-overlay\noverlay: velocity\nsurface: quadratic\nsteps: 20\nevery: 5\nruns:\n  - optimizer: SGD(lr=0.05, momentum=0.9)\n")
        let arrowHeads = velocity.operations.filter { if case .fill(let path, let color) = $0 { path.elements.count == 5 && color == Palette.skyBlue } else { false } }
        #expect(arrowHeads.count == 4)  // steps 5, 10, 15, 20
        let (_, bars) = try Self.draw("kind: state-overlay\noverlay: evaluations\nsurface: rosenbrock\nsteps: 5\nruns:\n  - optimizer: LBFGS(max_iter=3, line_search_fn='strong_wolfe')\n")
        #expect(bars.texts.contains("evaluations"))
        let spec = try FigureSpec.parse("kind: state-overlay\noverlay: step-size\nsurface: booth\nsteps: 10\nruns:\n  - optimizer: Adam(lr=0.1)\n", file: "x")
        let sizes = try #require(try spec.simulate().panels[0].runs?[0].stepSizes)
        // After one step v = (1 − β₂)g², so the effective step is η/(1 − β₁)/(|g|/√(1 − β₂)·... ) = η/(1−β₁)·√(1−β₂)/(√(1−β₂)|g| + ε√(1−β₂)).
        let g = Booth().gradient(at: Booth().start)
        let expected = 0.1 / 0.1 / (abs(g.x) + 1e-8)
        #expect(abs(sizes[0][0] - expected) / expected < 1e-6)
    }

    @Test func altTextSaysWhatTheFigureShows() throws {
        let spec = try FigureSpec.parse("""
            kind: trajectories
            title: Two runs
            surface: quadratic
            steps: 50
            runs:
              - optimizer: SGD(lr=0.05)
              - optimizer: SGD(lr=0.5)
                label: wild
                steps: 600
            """, file: "x")
        let alt = try spec.simulatedAltText()
        #expect(alt.hasPrefix("Two runs."))
        #expect(alt.contains("quadratic(condition_number=10)"))
        #expect(alt.contains("2 runs (SGD, wild)"))
        #expect(alt.contains("wild diverged at step"))
        #expect(alt.contains("The minimum is at (0, 0)."))
        #expect(alt.contains("SGD ends after 50 steps"))
        let given = try FigureSpec.parse("kind: loss\nsurface: booth\nalt: A loss curve.\nruns:\n  - optimizer: Adam\n", file: "x")
        #expect(try given.simulatedAltText() == "A loss curve.")
    }

    @Test func contourLabelsAreWritten() throws {
        let (_, canvas) = try Self.draw("kind: trajectories\nsurface: booth\nlevels: linear\ncontours: 6\ncontour_labels: true\nruns:\n  - optimizer: Adam(lr=0.5)\n")
        let numeric = canvas.texts.filter { Double($0) != nil }
        #expect(numeric.count >= 3)
    }
}
