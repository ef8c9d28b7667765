import Plotting
import Simulation
import Yams

extension PanelSpec {
    /// The kinds that draw a surface and so need `surface:`.
    static let surfaceKinds: Set<Kind> = [.trajectories, .loss, .gradientField, .stateOverlay, .surface3d, .l2Contours, .lrSweep]

    /// Reads one panel: its kind, the keys every kind shares, and that kind's own settings.
    static func parse(_ object: YAMLObject) throws(SpecError) -> PanelSpec {
        let kinds = Kind.allCases.map(\.rawValue)
        guard let kind = try object.choice("kind", Kind.self) else {
            throw object.error(at: nil, "a panel needs 'kind' (\(kinds.joined(separator: ", ")))")
        }
        try FigureSpec.checkMarkup("title", object)

        // Kinds without a surface still check one that is written (a `panels` figure may share it).
        var surface: SurfaceSpec?
        if surfaceKinds.contains(kind) || object["surface"] != nil {
            let text = try object.requiredString("surface", what: "a spec")
            surface = try FigureSpec.component("surface", object, text, Surfaces.make)
        }
        let steps = try object.integer("steps", in: 1...100_000) ?? 100
        let start = try object.numbers("start", count: 2).map { SIMD2($0[0], $0[1]) }
        let view = try surface.map { surface throws(SpecError) in try parseView(object, default: surface.surface.view) }
        let runs = try RunSet.parseRuns(object, steps: steps, kind: kind)

        var colormap: Colormap?
        if let name = try object.string("colormap") {
            do {
                colormap = try Colormap.named(name)
            } catch {
                let hint = closestName(to: name, in: Colormap.names).map { " — did you mean '\($0)'?" } ?? ""
                throw object.error(at: object["colormap"], "unknown colormap '\(name)'\(hint) (known: \(Colormap.names.joined(separator: ", ")))")
            }
        }
        var annotations: [Annotation] = []
        for annotation in try object.objects("annotations", what: "an annotation") ?? [] {
            try annotation.requireKeys(in: ["text", "at", "offset"], what: "an annotation")
            try FigureSpec.checkMarkup("text", annotation)
            guard let at = try annotation.numbers("at", count: 2) else { throw annotation.error(at: nil, "an annotation needs 'at: [x, y]'") }
            let offset = try annotation.numbers("offset", count: 2) ?? [30, -30]
            annotations.append(Annotation(text: try annotation.requiredString("text", what: "an annotation"),
                                          at: SIMD2(at[0], at[1]), offset: SIMD2(offset[0], offset[1])))
        }
        let camera = try parseCamera(object)
        var metrics: [Double]?
        if let node = object["metrics"] {
            guard case .sequence(let items) = node else { throw object.error(at: node, "'metrics' must be a list of numbers") }
            var values: [Double] = []
            for item in items { values.append(try YAMLObject.number(item, key: "metrics", object: object)) }
            metrics = values
        }
        let training = kind == .trainingCurves ? try TrainingSpec.parse(object) : nil
        let curves = kind == .schedules ? try SchedulesPanel.parseCurves(object, steps: steps, metrics: metrics) : []

        let style = try view.map { view throws(SpecError) in
            let background = try object.choice("background", SurfaceStyle.Background.self) ?? .heatmap
            return SurfaceStyle(view: view, background: background,
                         contours: try object.integer("contours", in: 0...100) ?? 12,
                         contourLabels: try object.bool("contour_labels") ?? false,
                         levels: try object.choice("levels", SurfaceStyle.Levels.self) ?? .auto, colormap: colormap,
                         colorbar: try object.bool("colorbar") ?? (background != .lines))
        }
        let legend = try object.choice("legend", Chart.LegendPlacement.self) ?? .auto
        let yScale = try object.choice("y_scale", AxisScale.self)
        let direction = try object.choice("direction", GradientFieldPanel.Direction.self) ?? .descent
        let arrows = try object.integer("arrows", in: 3...80) ?? 21
        let normalize = try object.bool("normalize") ?? false
        let overlay = try object.choice("overlay", StateOverlayPanel.Overlay.self) ?? .velocity
        let every = try object.integer("every", in: 1...10_000) ?? 5
        let wireframe = try object.bool("wireframe") ?? false
        let xAxis = try object.choice("x_axis", LossPanel.XAxis.self) ?? .steps

        // A data surface evaluates every example at each step and at each point of its heatmap (121² samples).
        if let surface {
            for (index, run) in ([nil] + runs.map { Optional($0) }).enumerated() {
                guard let data = (run?.surface ?? surface).surface as? LinearRegressionSurface else { continue }
                let evaluations = (run?.steps ?? steps) + 121 * 121
                do throws(InputError) {
                    try Limits.checkDataSurface(examples: data.count, evaluations: evaluations)
                } catch {
                    throw object.error(at: index == 0 ? object["surface"] : (object["runs"] ?? object["surface"]), error.message)
                }
            }
        }

        let content: Content
        // `surface`, `style` and `training` are present for the kinds that need them (read above).
        switch kind {
        case .trajectories:
            content = .trajectories(TrajectoriesPanel(runs: RunSet(surface: surface!, runs: runs, steps: steps, start: start), style: style!))
        case .loss:
            content = .loss(LossPanel(runs: RunSet(surface: surface!, runs: runs, steps: steps, start: start), yScale: yScale, xAxis: xAxis))
        case .gradientField:
            content = .gradientField(GradientFieldPanel(runs: RunSet(surface: surface!, runs: runs, steps: steps, start: start), style: style!,
                                                        direction: direction, arrows: arrows, normalize: normalize))
        case .stateOverlay:
            content = .stateOverlay(StateOverlayPanel(runs: RunSet(surface: surface!, runs: runs, steps: steps, start: start), style: style!,
                                                      overlay: overlay, every: every))
        case .surface3d:
            content = .surface3d(Surface3DPanel(runs: RunSet(surface: surface!, runs: runs, steps: steps, start: start), style: style!,
                                                camera: camera, wireframe: wireframe))
        case .schedules:
            content = .schedules(SchedulesPanel(curves: curves, steps: steps, metrics: metrics, yScale: yScale ?? .linear))
        case .trainingCurves:
            content = .trainingCurves(training!)
        case .l2Fits:
            content = .l2Fits(try RidgeSpec.parse(object, lambdas: try parseLambdas(object, kind: kind)))
        case .l2Sweep:
            content = .l2Sweep(try RidgeSpec.parse(object, lambdas: try parseLambdas(object, kind: kind)))
        case .search:
            let search = try SearchSpec.parseSearch(object)
            guard (1...2).contains(search.space.dimensions.count),
                  search.space.dimensions.allSatisfy({ if case .uniform = $0.range { true } else if case .logUniform = $0.range { true } else { false } }) else {
                throw object.error(at: object["space"], "a search figure draws one or two uniform or loguniform dimensions, such as {lr: loguniform(1e-4, 1), momentum: uniform(0, 0.99)}")
            }
            let key = ["objective", "space", "budget"].map { object[$0].map { "\($0)" } ?? "" }.joined(separator: "|")
            let oneDimensional = search.space.dimensions.count == 1
            let show = try object.choice("show", SearchPanel.Show.self) ?? (oneDimensional ? .curve : .heatmap)
            guard oneDimensional == (show == .curve) else {
                throw object.error(at: object["show"], oneDimensional ? "a search over one dimension is drawn as a curve: write 'show: curve' or leave 'show' out"
                                   : "'show: curve' draws a search over one dimension; this space has two: use heatmap or marginals")
            }
            content = .search(SearchPanel(search: search, show: show, landscapeKey: key))
        case .boStep:
            content = .boStep(try parseBOStep(object))
        case .searchConvergence:
            content = .searchConvergence(try parseConvergence(object))
        case .hyperband:
            let search = try SearchSpec.parseSearch(object)
            let bracket = try object.integer("bracket", in: 0...1000)
            do throws(InputError) {
                content = .hyperband(try HyperbandPanel(search: search, bracket: bracket, yScale: yScale))
            } catch {
                throw halvingError(error, object)
            }
        case .hyperbandTable:
            content = .hyperbandTable(try parseHyperbandTable(object))
        case .lrSweep:
            content = .lrSweep(try parseLRSweep(object, runs: RunSet(surface: surface!, runs: runs, steps: steps, start: start)))
        case .l2Contours:
            let lambdas = try parseLambdas(object, kind: kind)
            guard let data = surface!.surface as? LinearRegressionSurface else {
                throw object.error(at: object["surface"], "an l2-contours figure fits the data of a linreg(...) surface, such as linreg(n=200, noise=0.5)")
            }
            content = .l2Contours(L2ContoursPanel(surface: data, surfaceSpec: surface!, style: style!, lambdas: lambdas))
        }
        return PanelSpec(title: try object.string("title"), legend: legend, annotations: annotations, content: content)
    }

    /// A `bo-step` panel: a `bo(...)` search on one uniform or log-uniform dimension, and the iteration shown.
    static func parseBOStep(_ object: YAMLObject) throws(SpecError) -> BOStepPanel {
        let search = try SearchSpec.parseSearch(object)
        guard search.space.dimensions.count == 1,
              search.space.dimensions.allSatisfy({ if case .uniform = $0.range { true } else if case .logUniform = $0.range { true } else { false } }) else {
            throw object.error(at: object["space"], "a bo-step figure draws one uniform or loguniform dimension, such as {x: uniform(0, 10)}")
        }
        guard case .bayesian(let options) = search.sampler else {
            throw object.error(at: object["sampler"], "a bo-step figure shows Bayesian optimization: use sampler: bo(...)")
        }
        let panel = BOStepPanel(search: search, options: options, iteration: 1)
        guard panel.iterations >= 1 else {
            throw object.error(at: object["trials"], "a bo-step figure needs more trials than bo's \(options.initial) initial ones")
        }
        let iteration = try object.integer("iteration", in: 1...panel.iterations) ?? 1
        return BOStepPanel(search: search, options: options, iteration: iteration)
    }

    /// A `search-convergence` panel: the search keys, `samplers` (a list of sampler components) and `seeds`.
    static func parseConvergence(_ object: YAMLObject) throws(SpecError) -> SearchConvergencePanel {
        let search = try SearchSpec.parseSearch(object)
        // A block list, or a one-line [a(...), b(...)] that the reader quoted whole (see `quotingSearchSpaces`).
        var items: [(text: String, line: Int?, column: Int)] = []
        if let node = object["samplers"], case .sequence(let sequence) = node {
            items = sequence.map { ($0.string ?? "", $0.mark?.line, $0.mark?.column ?? 1) }
        } else if let node = object["samplers"], case .scalar(let scalar) = node, scalar.string.hasPrefix("["), scalar.string.hasSuffix("]") {
            let inner = String(scalar.string.dropFirst().dropLast())
            var depth = 0, start = inner.startIndex
            for index in inner.indices + [inner.endIndex] {
                if index < inner.endIndex {
                    let character = inner[index]
                    if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
                    guard character == "," && depth == 0 else { continue }
                }
                let piece = inner[start..<index]
                let text = piece.trimmingCharacters(in: .whitespaces)
                let leading = piece.prefix { $0 == " " }.count
                // The scalar starts at the quote the reader added, where the file has its bracket.
                items.append((text, scalar.mark?.line, (scalar.mark?.column ?? 0) + 1 + inner.distance(from: inner.startIndex, to: start) + leading))
                if index < inner.endIndex { start = inner.index(after: index) }
            }
        }
        guard !items.isEmpty, items.allSatisfy({ !$0.text.isEmpty }) else {
            throw object.error(at: object["samplers"], "a search-convergence figure needs 'samplers', a list such as [grid(points=6), random(), bo(initial=5)]")
        }
        var samplers: [(text: String, sampler: Search.Sampler)] = []
        for item in items {
            let text = item.text
            do throws(InputError) {
                let sampler = try SearchSpec.parseSampler(text, budget: search.budget)
                switch sampler {
                case .hyperband, .successiveHalving:
                    throw InputError("\(text) gives its trials different budgets, so its trials do not line up with the others': "
                                     + "compare grid(...), random() and bo(...) here, and draw Hyperband with kind: hyperband", column: 1)
                default: samplers.append((text, sampler))
                }
            } catch {
                throw SpecError(file: object.file, line: item.line, column: item.column + (error.column ?? 1) - 1, "samplers: \(error.message)")
            }
        }
        let seeds = try object.integer("seeds", in: 1...1000) ?? 10
        // Every sampler runs every seed: check the whole figure's work, not one search's.
        for (_, sampler) in samplers {
            var one = search
            one.sampler = sampler
            try SearchSpec.checkWork(one, runs: seeds * samplers.count, object)
        }
        return SearchConvergencePanel(search: search, samplers: samplers, seeds: seeds)
    }

    /// The table of Hyperband's brackets: the whole search when the panel has an objective (for each
    /// bracket's best value), otherwise only the sampler, with `budget` as R's default.
    static func parseHyperbandTable(_ object: YAMLObject) throws(SpecError) -> HyperbandTablePanel {
        let search = object["objective"] == nil ? nil : try SearchSpec.parseSearch(object)
        let sampler: Search.Sampler
        if let search {
            sampler = search.sampler
        } else {
            guard let text = try object.string("sampler") else {
                throw object.error(at: nil, "a hyperband-table needs 'sampler', such as hyperband(R=81, eta=3)")
            }
            let budget = try object.integer("budget", in: 1...1_000_000) ?? 100
            do throws(InputError) { sampler = try SearchSpec.parseSampler(text, budget: budget) } catch {
                throw FigureSpec.component(error, key: "sampler", object)
            }
        }
        do throws(InputError) { return try HyperbandTablePanel(sampler: sampler, search: search) } catch { throw halvingError(error, object) }
    }

    /// A Hyperband panel's refusal placed at the key it is about (`sampler` or `bracket`), naming the
    /// sampler written.
    static func halvingError(_ error: InputError, _ object: YAMLObject) -> SpecError {
        let key = error.key ?? "sampler"
        guard key == "sampler" else { return object.error(at: object[key], "\(key): \(error.message)") }
        let written = (try? object.string("sampler")) ?? nil
        return object.error(at: object["sampler"], "\(error.message), not \(written ?? "random() (the default)")")
    }

    /// `view: {x: [lo, hi], y: [lo, hi]}`, each range defaulting to the surface's own.
    static func parseView(_ object: YAMLObject, default surfaceView: ViewWindow) throws(SpecError) -> ViewWindow {
        guard let node = object["view"] else { return surfaceView }
        let viewObject = try YAMLObject(node, file: object.file, what: "'view'")
        try viewObject.requireKeys(in: ["x", "y"], what: "'view'")
        let x = try viewObject.numbers("x", count: 2) ?? [surfaceView.x.lowerBound, surfaceView.x.upperBound]
        let y = try viewObject.numbers("y", count: 2) ?? [surfaceView.y.lowerBound, surfaceView.y.upperBound]
        guard x[0] < x[1], y[0] < y[1] else { throw object.error(at: node, "'view' ranges must go from low to high, such as x: [-2, 2]") }
        return ViewWindow(x: x[0]...x[1], y: y[0]...y[1])
    }

    /// `camera: {azimuth, elevation, distance}` in degrees and multiples of the scene size.
    static func parseCamera(_ object: YAMLObject) throws(SpecError) -> Surface3DPanel.Camera {
        var camera = Surface3DPanel.Camera(azimuth: -60, elevation: 35, distance: 7)
        guard let node = object["camera"] else { return camera }
        let cameraObject = try YAMLObject(node, file: object.file, what: "'camera'")
        try cameraObject.requireKeys(in: ["azimuth", "elevation", "distance"], what: "'camera'")
        camera.azimuth = try cameraObject.number("azimuth") ?? camera.azimuth
        camera.elevation = try cameraObject.number("elevation") ?? camera.elevation
        camera.distance = try cameraObject.number("distance") ?? camera.distance
        guard (-10...90).contains(camera.elevation), (2...50).contains(camera.distance) else {
            throw cameraObject.error(at: nil, "'camera' needs an elevation between -10 and 90 degrees and a distance between 2 and 50")
        }
        return camera
    }

    /// The penalties λ of the L2 kinds (each ≥ 0; > 0 on a sweep's log axis), with each kind's defaults.
    /// The keys of an lr-sweep: `lrs: {from, to, points}` (a log grid; 1e-4 to 1 in 49 points by default) and
    /// `tolerance` (1e-6). The surface needs a known minimum, f*.
    static func parseLRSweep(_ object: YAMLObject, runs: RunSet) throws(SpecError) -> LRSweepPanel {
        guard LRSweepPanel.minimumValue(runs.surface.surface) != nil else {
            throw object.error(at: object["surface"], "an lr-sweep counts the steps to reach the minimum, and '\(runs.surface.surface.name)' has no known minimum")
        }
        guard !runs.runs.isEmpty else { throw object.error(at: nil, "an lr-sweep needs 'runs' (the optimizers swept)") }
        var from = 1e-4, to = 1.0, points = 49
        if let node = object["lrs"] {
            let grid = try YAMLObject(node, file: object.file, what: "'lrs' (a log grid such as {from: 0.001, to: 1, points: 61})")
            try grid.requireKeys(in: ["from", "to", "points"], what: "'lrs'")
            from = try grid.number("from") ?? from
            to = try grid.number("to") ?? to
            points = try grid.integer("points", in: 2...400) ?? points
            guard from > 0, to > from, to.isFinite else { throw object.error(at: node, "'lrs' needs 0 < from < to, got from \(from) to \(to)") }
        }
        let tolerance = try object.number("tolerance") ?? 1e-6
        guard tolerance > 0, tolerance.isFinite else { throw object.error(at: object["tolerance"], "'tolerance' must be a positive number") }
        let show = try object.choice("show", LRSweepPanel.Show.self) ?? .curve
        return LRSweepPanel(runs: runs, lrs: LRSweepPanel.logGrid(from: from, to: to, points: points), tolerance: tolerance, show: show)
    }

    static func parseLambdas(_ object: YAMLObject, kind: Kind) throws(SpecError) -> [Double] {
        var lambdas: [Double] = []
        if let node = object["lambdas"] {
            guard case .sequence(let items) = node, !items.isEmpty else { throw object.error(at: node, "'lambdas' must be a list of penalties λ ≥ 0") }
            for item in items {
                let value = try YAMLObject.number(item, key: "lambdas", object: object)
                guard value >= 0 else { throw object.error(at: item, "a penalty λ must be ≥ 0, got \(value)") }
                lambdas.append(value)
            }
        } else {
            lambdas = kind == .l2Sweep ? (0...32).map { pow10(Double($0) / 4 - 7) } : [0, 1e-3, 1e-1, 1]
        }
        if kind == .l2Sweep, lambdas.contains(0) {
            throw object.error(at: object["lambdas"], "an l2-sweep draws λ on a log axis: every λ must be > 0")
        }
        return lambdas
    }
}

extension RidgeSpec {
    /// The keys of the polynomial fits: `dataset`, `validation`, `degree`, `seed`.
    static func parse(_ object: YAMLObject, lambdas: [Double]) throws(SpecError) -> RidgeSpec {
        let degree = try object.integer("degree", in: 1...15) ?? 9
        let name = try object.string("dataset") ?? "sine(n=40, noise=0.25, seed=2)"
        let data = try FigureSpec.component("dataset", object, name, Datasets.make)
        guard data.featureCount == 1, data.task == .regression else {
            throw object.error(at: object["dataset"], "the L2 figures fit a polynomial in one variable: use linear, polynomial or sine data")
        }
        let validation = try object.number("validation") ?? 0.5
        guard validation > 0, validation < 1 else { throw object.error(at: object["validation"], "'validation' must be between 0 and 1") }
        let seed = UInt64(try object.integer("seed", in: 0...Int(Int32.max)) ?? 0)
        return RidgeSpec(dataset: data, datasetName: name, validation: validation, seed: seed, degree: degree, lambdas: lambdas)
    }
}
