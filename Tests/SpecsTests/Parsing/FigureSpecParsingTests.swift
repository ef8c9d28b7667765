import Plotting
import Simulation
import Specs
import Testing

/// Reading specs strictly, and the figures they make.
@Suite struct FigureSpecParsingTests {}

extension FigureSpecParsingTests {
    static let race = """
        kind: trajectories
        title: A race
        surface: rosenbrock
        start: [-1.5, 2.5]
        steps: 50
        runs:
          - optimizer: SGD(lr=2e-4, momentum=0.9)
          - optimizer: Adam(lr=0.05)
            label: Adam!
        """

    @Test func readsAValidSpec() throws {
        let spec = try FigureSpec.parse(Self.race, file: "race.yaml")
        #expect(spec.kind == .trajectories)
        #expect(spec.title == "A race")
        #expect(spec.runs.map(\.label) == ["Momentum", "Adam!"])
        guard case .trajectories(let panel) = spec.panels[0].content else { Issue.record("not trajectories"); return }
        #expect(panel.runs.steps == 50)
        #expect(panel.runs.start == SIMD2(-1.5, 2.5))
        #expect(spec.width == 960 && spec.height == 640)
        #expect(panel.style.background == .heatmap)
    }

    @Test(arguments: [
        ("kind: trajectories\nsurface: rosenbrock\nruns:\n  - optimiser: Adam\n", 4, 5, "unknown key 'optimiser' in a run — did you mean 'optimizer'?"),
        ("kind: trajectory\nsurface: rosenbrock\nruns:\n  - optimizer: Adam\n", 1, 7, "'kind' cannot be 'trajectory' — did you mean 'trajectories'?"),
        ("kind: loss\nsurface: rosenbrok\nruns:\n  - optimizer: Adam\n", 2, 10, "surface: unknown surface 'rosenbrok' — did you mean 'rosenbrock'?"),
        ("kind: loss\nsurface: rosenbrock\nruns:\n  - optimizer: Adam(lr=0.1, beta=(0.9, 0.99))\n", 4, 29, "optimizer: Adam has no key 'beta' — did you mean 'betas'?"),
        ("kind: loss\nsurface: rosenbrock\nsteps: many\nruns:\n  - optimizer: Adam\n", 3, 8, "'steps' must be a whole number"),
        ("kind: loss\nsurface: rosenbrock\nstart: [1]\nruns:\n  - optimizer: Adam\n", 3, 8, "'start' must be a list of 2 numbers"),
        ("kind: loss\nsurface: rosenbrock\nruns: []\n", 3, 7, "a loss panel needs 'runs'"),
        ("kind: loss\nsurface: rosenbrock\ncolormap: virdis\nruns:\n  - optimizer: Adam\n", 3, 11, "unknown colormap 'virdis' — did you mean 'viridis'?"),
        ("kind: loss\nsurface: rosenbrock\nlegend: top\nruns:\n  - optimizer: Adam\n", 3, 9, "'legend' cannot be 'top'"),
        ("kind: loss\nsurface: rosenbrock\ntitel: x\nruns:\n  - optimizer: Adam\n", 3, 1, "unknown key 'titel' in a spec — did you mean 'title'?"),
        ("kind: loss\nsurface: rosenbrock\nruns:\n  - optimizer: Adam\n    steps: 0\n", 5, 12, "'steps' must be between 1 and 100000"),
        ("kind: loss\nsurface: rosenbrock\nruns:\n  - optimizer: [Adam\n", 5, 1, "YAML:"),
        ("kind: loss\nsurface: 'expr:x^2 +* y'\nruns:\n  - optimizer: Adam\n", 2, 21, "surface: expected a number"),
        ("- a\n- b\n", 1, 1, "a spec must be a mapping"),
        ("kind: loss\ntitle: '$\\thetta$'\nsurface: rosenbrock\nruns:\n  - optimizer: Adam\n", 2, 10, "title: unknown command"),
    ] as [(String, Int, Int, String)])
    func problemsAreLocated(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        let error = #expect(throws: SpecError.self) { try FigureSpec.parse(text, file: "bad.yaml") }
        #expect(error?.file == "bad.yaml")
        #expect(error?.line == line, "\(error?.description ?? "")")
        #expect(error?.column == column, "\(error?.description ?? "")")
        #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
        #expect(error?.description.hasPrefix("bad.yaml:\(line):\(column): ") == true)
    }

    @Test func sameOptimizerTwiceGetsDistinctLabels() throws {
        let spec = try FigureSpec.parse("kind: loss\nsurface: booth\nruns:\n  - optimizer: Adam(lr=0.1)\n  - optimizer: Adam(lr=0.01)\n", file: "x")
        #expect(spec.runs.map(\.label) == ["Adam(lr=0.1)", "Adam(lr=0.01)"])
    }

    /// The trajectories figure: the heatmap is darkest at the surface's minimum, every run is drawn in its
    /// optimizer's colour, the minimum gets a star, and a diverged run a cross.
    @Test func trajectoriesFigure() throws {
        let text = """
            kind: trajectories
            surface: quadratic
            view: {x: [-10, 10], y: [-5, 5]}
            steps: 40
            runs:
              - optimizer: SGD(lr=0.05)
              - optimizer: SGD(lr=0.5)
                label: too large
                steps: 600
            """
        let spec = try FigureSpec.parse(text, file: "q.yaml")
        let figure = try spec.simulatedFigure(theme: .light)
        let canvas = RecordingCanvas(size: figure.size, pixelScale: 1)
        figure.draw(on: canvas, theme: .light)
        let image = try #require(canvas.images.first)
        // The darkest colour is at the minimum (0, 0), the centre of this symmetric view; the pixels that
        // share it (8-bit colours are flat near a minimum) are centred on it, and the corners are lighter.
        let darkest = (0..<image.height).flatMap { y in (0..<image.width).map { image.color($0, y).luminance } }.min()!
        var xs: [Double] = [], ys: [Double] = []
        for y in 0..<image.height {
            for x in 0..<image.width where image.color(x, y).luminance <= darkest + 1e-9 {
                xs.append(Double(x))
                ys.append(Double(y))
            }
        }
        let meanX: Double = xs.reduce(0, +) / Double(xs.count), meanY: Double = ys.reduce(0, +) / Double(ys.count)
        let centreX = Double(image.width - 1) / 2, centreY = Double(image.height - 1) / 2
        #expect(abs(meanX - centreX) <= 2)
        #expect(abs(meanY - centreY) <= 2)
        #expect(image.color(image.width / 2, image.height / 2).luminance <= darkest + 0.01)
        #expect(image.color(0, 0).luminance > darkest + 0.1)
        let strokedColors = canvas.operations.compactMap { if case .stroke(_, let style) = $0 { style.color } else { nil } }
        #expect(strokedColors.contains(Palette.black))  // SGD
        let fills = canvas.operations.compactMap { if case .fill(_, let color) = $0 { color } else { nil } }
        #expect(fills.contains(Color(hex: 0xFFD23F)))  // the star on the minimum
        #expect(canvas.texts.contains("diverged"))  // y is multiplied by 1 − 0.5κ = −4 each step: it overflows
        #expect(canvas.texts.contains("SGD") && canvas.texts.contains("too large"))
    }

    @Test func lossFigureUsesALogAxisForPositiveLosses() throws {
        let spec = try FigureSpec.parse("kind: loss\nsurface: booth\nsteps: 30\nruns:\n  - optimizer: Adam(lr=0.5)\n", file: "x")
        let figure = try spec.simulatedFigure(theme: .dark)
        #expect(figure.charts[0].yScale == .log)
        let negative = try FigureSpec.parse("kind: loss\nsurface: six_hump_camel\nsteps: 30\nruns:\n  - optimizer: Adam(lr=0.05)\n", file: "x")
        #expect(try negative.simulatedFigure(theme: .light).charts[0].yScale == .linear)
    }
}
