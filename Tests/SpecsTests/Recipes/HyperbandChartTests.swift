import Plotting
import Simulation
import Specs
import Testing

/// The Hyperband figures: each bracket's learning curves, and the table of its n_i × r_i.
@Suite struct HyperbandChartTests {}

extension HyperbandChartTests {
    /// R = 9, η = 3: brackets s = 2 (9 × 1, 3 × 3, 1 × 9), s = 1 (5 × 3, 1 × 9) and s = 0 (3 × 9).
    static let spec = """
        kind: panels
        columns: 2
        size: [800, 600]
        objective: {trace: {surface: "quadratic(condition_number=100)", optimizer: "SGD(lr={lr}, momentum={momentum})"}}
        space: {lr: loguniform(1e-4, 0.01), momentum: uniform(0, 0.5)}
        sampler: hyperband(R=9, eta=3)
        seed: 2
        panels:
          - kind: hyperband
            bracket: 2
          - kind: hyperband-table
        """

    static func search(_ spec: FigureSpec) throws -> Search {
        guard case .hyperband(let panel) = spec.panels[0].content else { throw SpecError(file: "test", "not a hyperband panel") }
        return panel.search
    }

    /// The text a panel draws, row by row: texts on one baseline joined left to right.
    static func rows(of panel: any FigurePanel, size: Size) -> [String] {
        let canvas = RecordingCanvas(size: size)
        panel.draw(on: canvas, in: Rect(x: 0, y: 0, width: size.width, height: size.height), theme: .light)
        var lines: [Double: [(x: Double, text: String)]] = [:]
        for operation in canvas.operations {
            if case .text(let text, let origin, _, _, _) = operation { lines[(origin.y * 100).rounded() / 100, default: []].append((origin.x, text)) }
        }
        return lines.keys.sorted().map { y in
            lines[y]!.sorted { $0.x < $1.x }.map(\.text).joined(separator: " ").split(separator: " ").joined(separator: " ")
        }
    }

    @Test func theRecordHoldsTheSearchsOwnTrials() throws {
        let spec = try FigureSpec.parse(Self.spec, file: "hyperband.yaml")
        let record = try spec.simulate()
        let direct = try Self.search(spec).run()
        #expect(record.panels[0].trials == direct)
        #expect(record.panels[1].trials == direct)
        #expect(direct.count == 9 + 3 + 1 + 5 + 1 + 3)
        let rungs = try #require(record.panels[1].rungs)
        #expect(rungs.map(\.count) == [9, 3, 1, 5, 1, 3] && rungs.map(\.budget) == [1, 3, 9, 3, 9, 9])
        // The data export: one row per trial (with its bracket and rung) in each panel, and one per rung.
        let lines = record.csv().split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + 2 * direct.count + rungs.count)
        #expect(lines[0].contains("bracket") && lines[0].contains("rung") && lines[0].contains("configurations"))
    }

    @Test func aBracketHasOneLinePerConfigurationAndARuleAtEachRung() throws {
        let spec = try FigureSpec.parse(Self.spec, file: "hyperband.yaml")
        let record = try spec.simulate()
        let chart = try #require(try spec.figure(record, theme: .light).panels[0] as? Chart)
        #expect(chart.xScale == .log && chart.xDomain.lowerBound < 1 && chart.xDomain.upperBound > 9)
        let lines = chart.marks.compactMap { if case .line(let line) = $0 { line } else { nil } }
        #expect(lines.count == 9)
        // Stopped configurations: a ✕ each at their last evaluation; the one that reaches R = 9 runs through three rungs.
        let markers = chart.marks.compactMap { if case .marker(let marker) = $0 { marker } else { nil } }
        #expect(markers.filter { $0.shape == .cross }.count == 8)
        let survivors = lines.filter { $0.points.last?.x == 9 }
        #expect(survivors.count == 1 && survivors[0].points.map(\.x) == [1, 3, 9])
        #expect(lines.map(\.points.count).sorted() == [1, 1, 1, 1, 1, 1, 2, 2, 3])
        let rules = chart.marks.compactMap { if case .rule(let rule) = $0 { rule } else { nil } }
        #expect(rules.map(\.x) == [1, 3, 9] && rules.map(\.label) == ["r=1", "r=3", "r=9"])
        // The star is on the bracket's lowest value.
        let trials = try #require(record.panels[0].trials).filter { $0.bracket == 2 }
        let best = try #require(trials.min { $0.value < $1.value })
        let star = try #require(markers.first { $0.shape == .star })
        #expect(star.point == Point(Double(best.budget), best.value))
        #expect(chart.title == "Bracket s=2: 9 configs from 1 step")
    }

    @Test func theTableDrawsEveryRungsCountAndSteps() throws {
        let spec = try FigureSpec.parse(Self.spec, file: "hyperband.yaml")
        let record = try spec.simulate()
        let table = try spec.figure(record, theme: .light).panels[1]
        let rows = Self.rows(of: table, size: Size(400, 300))
        #expect(rows.contains("s = 2 s = 1 s = 0"))
        #expect(rows.contains("i = 0 9 × 1 5 × 3 3 × 9"))
        #expect(rows.contains("i = 1 3 × 3 1 × 9"))
        #expect(rows.contains("i = 2 1 × 9"))
        #expect(rows.contains("steps 27 24 27"))
        #expect(rows.contains { $0.hasPrefix("best ") })
    }

    /// R = 100 is no power of 3: r_i = 100/81, 100/27, … run ⌈r_i⌉ steps, and the last rung runs exactly R.
    @Test func theTableShowsWholeStepsWhenRIsNoPowerOfEta() throws {
        let spec = try FigureSpec.parse("kind: hyperband-table\nsampler: hyperband(R=100, eta=3)\nsize: [500, 300]\n", file: "table.yaml")
        let record = try spec.simulate()
        #expect(record.panels[0].trials == nil)
        let rows = Self.rows(of: try spec.figure(record, theme: .light).panels[0], size: Size(500, 300))
        let hyperband = try Hyperband(maxResource: 100, eta: 3)
        for i in 0...hyperband.sMax {
            let cells = hyperband.brackets.compactMap { $0.rungs.count > i ? "\($0.rungs[i].count) × \($0.rungs[i].budget)" : nil }
            #expect(rows.contains("i = \(i) " + cells.joined(separator: " ")), "\(rows)")
        }
        #expect(rows.contains("i = 0 81 × 2 34 × 4 15 × 12 8 × 34 5 × 100"))
        #expect(rows.contains("steps 580 470 450 472 500"))
    }

    @Test func theTableFitsSmallFramesAndDarkThemes() throws {
        let spec = try FigureSpec.parse("kind: hyperband-table\nsampler: hyperband(R=243, eta=3)\n", file: "table.yaml")
        let table = try spec.figure(try spec.simulate(), theme: .dark).panels[0]
        let canvas = RecordingCanvas(size: Size(200, 150))
        table.draw(on: canvas, in: Rect(x: 0, y: 0, width: 200, height: 150), theme: .dark)
        for operation in canvas.operations {
            guard case .text(let text, let origin, let font, let color, _) = operation else { continue }
            let width = canvas.measure(text, font: font).width
            #expect(origin.x >= 0 && origin.x + width <= 200.5 && origin.y <= 150, "\(text) at \(origin)")
            #expect(color != Theme.light.foreground)
        }
    }

    @Test func altTextsNameTheBracketsAndTheWinner() throws {
        let spec = try FigureSpec.parse(Self.spec, file: "hyperband.yaml")
        let record = try spec.simulate()
        let trials = try #require(record.panels[0].trials)
        let best = try #require(trials.min { $0.value < $1.value })
        let long = try spec.altText(record)
        #expect(long.contains("Learning curves of bracket s=2 of Hyperband (R=9, η=3)"))
        #expect(long.contains("9 configurations run 1 step each, then 3 to 3 steps, 1 to 9 steps."))
        #expect(long.contains("s=2: 9 × 1, 3 × 3, 1 × 9; s=1: 5 × 3, 1 × 9; s=0: 3 × 9"))
        #expect(long.contains("The lowest value, ") && long.contains("is configuration \(best.id)'s (lr = "))
        #expect(long.hasSuffix("in bracket s=\(best.bracket!)."))
        let short = try spec.shortAltText(record)
        #expect(short.count <= FigureSpec.shortAltLength)
        #expect(short.hasPrefix("Hyperband, R=9, η=3: learning curves of 1 bracket and their n × r table; best lr = "), "\(short)")
        #expect(short.hasSuffix("(s=\(best.bracket!))"))
    }
}

// MARK: - Parsing

extension HyperbandChartTests {
    @Test(arguments: [
        ("sampler: random()", 4, 10, "a hyperband figure needs sampler: hyperband(R=..., eta=...) or successive_halving(R=..., eta=...), not random()"),
        ("sampler: bo(initial=3)", 4, 10, "a hyperband figure needs sampler"),
        ("sampler: hyperband(R=9, eta=3)\nbracket: 3", 5, 10, "bracket: bracket must be between 0 and 2 (s_max for R=9, eta=3), got 3"),
        ("sampler: successive_halving(R=9, eta=3)\nbracket: 1", 5, 10, "bracket: successive halving with R=9, eta=3 runs only bracket 2, not 1"),
        ("sampler: hyperband(R=9, eta=3)\nbracket: -1", 5, 10, "'bracket' must be between 0 and 1000"),
    ] as [(String, Int, Int, String)])
    func wrongSamplersAndBracketsAreRefusedWhereTheyAreWritten(_ lines: String, _ line: Int, _ column: Int, _ message: String) {
        let text = "kind: hyperband\nobjective: {expr: 'lr^2'}\nspace: {lr: uniform(0, 1)}\n" + lines + "\n"
        let error = #expect(throws: SpecError.self) { try FigureSpec.parse(text, file: "bad.yaml") }
        #expect(error?.line == line && error?.column == column, "\(error?.description ?? "")")
        #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
    }

    @Test func aTableNeedsAHalvingSampler() {
        let error = #expect(throws: SpecError.self) { try FigureSpec.parse("kind: hyperband-table\nsampler: grid(points=3)\n", file: "bad.yaml") }
        #expect(error?.line == 2 && error?.column == 10)
        #expect(error?.message.hasPrefix("a hyperband-table needs sampler") == true, "\(error?.message ?? "")")
        let missing = #expect(throws: SpecError.self) { try FigureSpec.parse("kind: hyperband-table\n", file: "bad.yaml") }
        #expect(missing?.message.contains("needs 'sampler'") == true)
    }

    @Test func aPanelFigureRefusesAtTheSharedSamplersLine() {
        let text = Self.spec.replacingOccurrences(of: "sampler: hyperband(R=9, eta=3)", with: "sampler: random()")
        let error = #expect(throws: SpecError.self) { try FigureSpec.parse(text, file: "bad.yaml") }
        #expect(error?.line == 6 && error?.column == 10, "\(error?.description ?? "")")
    }
}
