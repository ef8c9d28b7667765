import Plotting
import Simulation
import Yams

/// A figure described in a YAML file: what to simulate and how to show it.
///
/// ```yaml
/// kind: trajectories          # or: loss, gradient-field, state-overlay, surface3d, panels
/// title: Optimizers in Rosenbrock's valley
/// surface: rosenbrock
/// steps: 300
/// runs:
///   - optimizer: SGD(lr=2e-4, momentum=0.9)
///   - optimizer: Adam(lr=0.05)
///     label: Adam
/// ```
///
/// See Docs/specs.md for every key. Reading is strict: an unknown key or value is reported with its file,
/// line and column and the closest valid word.
public struct FigureSpec: Sendable {
    /// The file the spec came from (for messages) and its text (embedded in outputs as the recipe).
    public var file: String
    public var text: String
    /// The figure's panels: one for a plain spec, several for `kind: panels`.
    public var panels: [PanelSpec]
    /// Panels per row.
    public var columns: Int
    /// One legend for the whole figure (on the last panel) instead of one per panel.
    public var sharedLegend: Bool
    /// A small panel drawn inside the first one, and the corner it sits in.
    public var inset: PanelSpec?
    public var insetCorner: String
    /// The size in layout units: pixels for PNG at scale 1, points for SVG and PDF (see ``parseLength(_:)``).
    public var width: Double
    public var height: Double
    public var theme: String?
    public var fontFamily: String?
    public var fontSize: Double?
    /// Alt text given in the spec, used instead of the generated description.
    public var alt: String?
    /// How the figure animates (`descent animate`); nil for a still.
    public var animation: AnimationSpec?

    /// The first panel's kind (every figure has at least one panel).
    public var kind: PanelSpec.Kind { panels[0].kind }
    public var title: String? { panels[0].title }
    public var runs: [PanelSpec.Run] { panels[0].runs }
    public var steps: Int { panels[0].steps }
    public var start: SIMD2<Double>? { panels[0].start }
    public var background: PanelSpec.Background { panels[0].background }

    static let figureKeys = ["kind", "panels", "columns", "shared_legend", "inset", "size", "theme", "font", "alt", "animation"]
    static let panelKeys = ["kind", "title", "surface", "runs", "steps", "start", "view", "background", "contours", "contour_labels",
                            "levels", "colormap", "colorbar", "legend", "y_scale", "annotations", "direction", "arrows", "normalize",
                            "overlay", "every", "camera", "wireframe", "schedules", "optimizer", "metrics", "x_axis", "lambdas", "degree"]
        + TrainingSpec.keys
    static let insetKeys = panelKeys + ["position"]
    static let runKeys = ["optimizer", "label", "start", "steps", "schedule", "surface"]
    static let scheduleKeys = ["schedule", "label", "optimizer"]
}

extension FigureSpec {
    /// Reads a spec from YAML text.
    ///
    /// - Parameter file: the file name used in messages.
    /// - Throws: ``SpecError`` at the line and column of the first problem.
    public static func parse(_ text: String, file: String) throws(SpecError) -> FigureSpec {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw SpecError(file: file, "the spec is empty") }
            root = node
        } catch let error as SpecError {
            throw error
        } catch let error as YamlError {
            throw Self.locate(error, file: file)
        } catch {
            throw SpecError(file: file, "cannot read YAML: \(error)")
        }
        let object = try YAMLObject(root, file: file, what: "a spec")
        let kinds = PanelSpec.Kind.allCases.map(\.rawValue) + ["panels"]
        guard let kind = try object.choice("kind", kinds) else {
            throw object.error(at: nil, "a spec needs 'kind' (\(kinds.joined(separator: ", ")))")
        }

        var panels: [PanelSpec] = []
        var columns = 1
        if kind == "panels" {
            try object.requireKeys(in: Array(Set(figureKeys + panelKeys)).sorted(), what: "a spec")
            guard let list = try object.objects("panels", what: "a panel", parent: object, local: Set(figureKeys)), !list.isEmpty else {
                throw object.error(at: object["panels"], "a 'panels' spec needs 'panels': a list of panels, each with its 'kind'")
            }
            for panel in list {
                try panel.requireKeys(in: panelKeys, what: "a panel")
                guard panel.hasOwn("kind") else { throw panel.error(at: nil, "each panel needs its own 'kind'") }
                panels.append(try parsePanel(panel))
            }
            columns = try object.integer("columns", in: 1...6) ?? min(panels.count, 3)
        } else {
            try object.requireKeys(in: figureKeys.filter { $0 != "panels" && $0 != "columns" && $0 != "shared_legend" } + panelKeys,
                                   what: "a spec")
            panels = [try parsePanel(object)]
        }

        var inset: PanelSpec?
        if let node = object["inset"] {
            let insetObject = try YAMLObject(node, file: file, what: "'inset'", parent: object, local: Set(figureKeys + ["kind", "title"]))
            try insetObject.requireKeys(in: insetKeys, what: "'inset'")
            guard insetObject.hasOwn("kind") else { throw insetObject.error(at: nil, "'inset' needs its own 'kind'") }
            inset = try parsePanel(insetObject)
        }
        let insetCorner = try object["inset"].map { node throws(SpecError) in
            try YAMLObject(node, file: file, what: "'inset'").choice("position", ["top-left", "top-right", "bottom-left", "bottom-right"])
        } ?? nil

        let size = try parseSize(object)
        var fontFamily: String?, fontSize: Double?
        if let node = object["font"] {
            let font = try YAMLObject(node, file: file, what: "'font'")
            try font.requireKeys(in: ["family", "size"], what: "'font'")
            fontFamily = try font.string("family")
            fontSize = try font.number("size")
            if let size = fontSize, !(4...72).contains(size) {
                throw font.error(at: font["size"], "'size' of the font must be between 4 and 72 points, got \(size)")
            }
        }
        return FigureSpec(file: file, text: text, panels: panels, columns: columns,
                          sharedLegend: try object.bool("shared_legend") ?? (panels.count > 1), inset: inset,
                          insetCorner: insetCorner ?? "top-right", width: size.width, height: size.height,
                          theme: try object.choice("theme", ["light", "dark", "print"]), fontFamily: fontFamily, fontSize: fontSize,
                          alt: try object.string("alt"), animation: try parseAnimation(object))
    }

    // MARK: - Panels

    static func parsePanel(_ object: YAMLObject) throws(SpecError) -> PanelSpec {
        let kinds = PanelSpec.Kind.allCases.map(\.rawValue)
        guard let kindName = try object.choice("kind", kinds) else {
            throw object.error(at: nil, "a panel needs 'kind' (\(kinds.joined(separator: ", ")))")
        }
        let kind = PanelSpec.Kind(rawValue: kindName)!
        try checkMarkup("title", object)

        let dataKinds: [PanelSpec.Kind] = [.schedules, .trainingCurves, .l2Fits, .l2Sweep]
        let surfaceText = dataKinds.contains(kind) ? (try object.string("surface") ?? "quadratic")
            : try object.requiredString("surface", what: "a spec")
        let surface: SurfaceSpec
        do {
            surface = try Surfaces.make(surfaceText)
        } catch {
            throw component(error, key: "surface", object)
        }
        let steps = try object.integer("steps", in: 1...100_000) ?? 100
        let start = try object.numbers("start", count: 2).map { SIMD2($0[0], $0[1]) }
        var view: ViewWindow?
        if let node = object["view"] {
            let viewObject = try YAMLObject(node, file: object.file, what: "'view'")
            try viewObject.requireKeys(in: ["x", "y"], what: "'view'")
            let surfaceView = surface.surface.view
            let x = try viewObject.numbers("x", count: 2) ?? [surfaceView.x.lowerBound, surfaceView.x.upperBound]
            let y = try viewObject.numbers("y", count: 2) ?? [surfaceView.y.lowerBound, surfaceView.y.upperBound]
            guard x[0] < x[1], y[0] < y[1] else { throw object.error(at: node, "'view' ranges must go from low to high, such as x: [-2, 2]") }
            view = ViewWindow(x: x[0]...x[1], y: y[0]...y[1])
        }

        let runObjects = try object.objects("runs", what: "a run") ?? []
        if runObjects.isEmpty && ![.gradientField, .schedules, .trainingCurves, .l2Fits, .l2Sweep, .l2Contours].contains(kind) {
            throw object.error(at: object["runs"], "a \(kind.rawValue) panel needs 'runs': a list with at least one '- optimizer: ...'")
        }
        var runs: [PanelSpec.Run] = []
        for run in runObjects {
            try run.requireKeys(in: runKeys, what: "a run")
            let optimizerText = try run.requiredString("optimizer", what: "a run")
            let optimizer: any Optimizer
            do {
                optimizer = try Optimizers.make(optimizerText)
            } catch {
                throw component(error, key: "optimizer", run)
            }
            try checkMarkup("label", run)
            let runSteps = try run.integer("steps", in: 1...100_000)
            var scheduleName: String?
            if let scheduleText = try run.string("schedule") {
                scheduleName = try checkSchedule(scheduleText, key: "schedule", in: run, optimizer: optimizer, steps: runSteps ?? steps,
                                                 feedsLosses: true)
            }
            let label = try run.string("label") ?? defaultLabel(optimizer) + (scheduleName.map { " + \($0)" } ?? "")
            var runSurface: SurfaceSpec?
            if let text = try run.string("surface") {
                do { runSurface = try Surfaces.make(text) } catch { throw component(error, key: "surface", run) }
            }
            runs.append(PanelSpec.Run(optimizer: optimizer, label: label, start: try run.numbers("start", count: 2).map { SIMD2($0[0], $0[1]) },
                                      steps: runSteps, schedule: try run.string("schedule"), surface: runSurface))
        }
        // Runs that would share a label are told apart by their full configuration.
        let labels = runs.map(\.label)
        for k in runs.indices where labels.filter({ $0 == labels[k] }).count > 1 && runObjects[k]["label"] == nil {
            runs[k].label = shortConfiguration(runs[k].optimizer)
        }

        if let name = try object.string("colormap"), (try? Colormap.named(name)) == nil {
            let hint = closestName(to: name, in: Colormap.names).map { " — did you mean '\($0)'?" } ?? ""
            throw object.error(at: object["colormap"], "unknown colormap '\(name)'\(hint) (known: \(Colormap.names.joined(separator: ", ")))")
        }
        var annotations: [PanelSpec.Annotation] = []
        for annotation in try object.objects("annotations", what: "an annotation") ?? [] {
            try annotation.requireKeys(in: ["text", "at", "offset"], what: "an annotation")
            try checkMarkup("text", annotation)
            guard let at = try annotation.numbers("at", count: 2) else { throw annotation.error(at: nil, "an annotation needs 'at: [x, y]'") }
            let offset = try annotation.numbers("offset", count: 2) ?? [30, -30]
            annotations.append(PanelSpec.Annotation(text: try annotation.requiredString("text", what: "an annotation"),
                                                    at: SIMD2(at[0], at[1]), offset: SIMD2(offset[0], offset[1])))
        }
        var camera = PanelSpec.Camera(azimuth: -60, elevation: 35, distance: 7)
        if let node = object["camera"] {
            let cameraObject = try YAMLObject(node, file: object.file, what: "'camera'")
            try cameraObject.requireKeys(in: ["azimuth", "elevation", "distance"], what: "'camera'")
            camera.azimuth = try cameraObject.number("azimuth") ?? camera.azimuth
            camera.elevation = try cameraObject.number("elevation") ?? camera.elevation
            camera.distance = try cameraObject.number("distance") ?? camera.distance
            guard (-10...90).contains(camera.elevation), (2...50).contains(camera.distance) else {
                throw cameraObject.error(at: nil, "'camera' needs an elevation between -10 and 90 degrees and a distance between 2 and 50")
            }
        }
        var metrics: [Double]?
        if let node = object["metrics"] {
            guard case .sequence(let items) = node else { throw object.error(at: node, "'metrics' must be a list of numbers") }
            var values: [Double] = []
            for item in items { values.append(try YAMLObject.number(item, key: "metrics", object: object)) }
            metrics = values
        }
        let training = kind == .trainingCurves ? try TrainingSpec.parse(object) : nil
        var curves: [PanelSpec.ScheduleCurve] = []
        if kind == .schedules {
            let defaultOptimizer = try object.string("optimizer") ?? "SGD(lr=0.1)"
            let baseOptimizer: any Optimizer
            do { baseOptimizer = try Optimizers.make(defaultOptimizer) } catch { throw component(error, key: "optimizer", object) }
            guard let node = object["schedules"], case .sequence(let items) = node, !items.isEmpty else {
                throw object.error(at: object["schedules"], "a schedules panel needs 'schedules': a list of schedulers such as '- StepLR(step_size=30)'")
            }
            for item in items {
                if case .scalar = item {
                    let holder = try YAMLObject(.mapping(Node.Mapping([(Node("schedule"), item)])), file: object.file, what: "a schedule")
                    let name = try checkSchedule(item.string ?? "", key: "schedule", in: holder, optimizer: baseOptimizer, steps: steps, metrics: metrics)
                    curves.append(PanelSpec.ScheduleCurve(schedule: item.string ?? "", label: name, optimizer: baseOptimizer))
                    continue
                }
                let curve = try YAMLObject(item, file: object.file, what: "a schedule")
                try curve.requireKeys(in: scheduleKeys, what: "a schedule")
                var optimizer = baseOptimizer
                if let text = try curve.string("optimizer") {
                    do { optimizer = try Optimizers.make(text) } catch { throw component(error, key: "optimizer", curve) }
                }
                let text = try curve.requiredString("schedule", what: "a schedule")
                let name = try checkSchedule(text, key: "schedule", in: curve, optimizer: optimizer, steps: steps, metrics: metrics)
                try checkMarkup("label", curve)
                curves.append(PanelSpec.ScheduleCurve(schedule: text, label: try curve.string("label") ?? name, optimizer: optimizer))
            }
        }
        let levels = try object.choice("levels", ["auto", "log", "linear"])
        var panel = PanelSpec(
            kind: kind, title: try object.string("title"), surface: surface, runs: runs, steps: steps, start: start, view: view,
            background: try object.choice("background", PanelSpec.Background.allCases.map(\.rawValue)).flatMap(PanelSpec.Background.init)
                ?? .heatmap,
            contours: try object.integer("contours", in: 0...100) ?? 12,
            contourLabels: try object.bool("contour_labels") ?? false,
            logarithmic: levels == nil || levels == "auto" ? nil : levels == "log",
            colormap: try object.string("colormap"), colorbar: try object.bool("colorbar") ?? (kind == .gradientField),
            legend: try object.choice("legend", ["auto", "none", "top-left", "top-right", "bottom-left", "bottom-right"]) ?? "auto",
            yScale: try object.choice("y_scale", ["log", "linear"]), annotations: annotations,
            ascent: try object.choice("direction", ["descent", "ascent"]) == "ascent",
            arrows: try object.integer("arrows", in: 3...80) ?? 21, normalize: try object.bool("normalize") ?? false,
            overlay: try object.choice("overlay", PanelSpec.Overlay.allCases.map(\.rawValue)).flatMap(PanelSpec.Overlay.init) ?? .velocity,
            every: try object.integer("every", in: 1...10_000) ?? 5, camera: camera, wireframe: try object.bool("wireframe") ?? false,
            schedules: curves, metrics: metrics, training: training)
        panel.lossAxis = try object.choice("x_axis", ["steps", "epochs"]) ?? "steps"
        if [.l2Fits, .l2Sweep, .l2Contours].contains(kind) { try parseL2(object, into: &panel) }
        return panel
    }

    /// The keys of the L2 figures: `lambdas`, and for fits and sweeps `dataset`, `validation`, `degree`, `seed`.
    static func parseL2(_ object: YAMLObject, into panel: inout PanelSpec) throws(SpecError) {
        if let node = object["lambdas"] {
            guard case .sequence(let items) = node, !items.isEmpty else { throw object.error(at: node, "'lambdas' must be a list of penalties λ ≥ 0") }
            for item in items {
                let value = try YAMLObject.number(item, key: "lambdas", object: object)
                guard value >= 0 else { throw object.error(at: item, "a penalty λ must be ≥ 0, got \(value)") }
                panel.lambdas.append(value)
            }
        } else {
            panel.lambdas = panel.kind == .l2Sweep ? (0...32).map { pow10(Double($0) / 4 - 7) } : [0, 1e-3, 1e-1, 1]
        }
        if panel.kind == .l2Sweep, panel.lambdas.contains(0) {
            throw object.error(at: object["lambdas"], "an l2-sweep draws λ on a log axis: every λ must be > 0")
        }
        if panel.kind == .l2Contours {
            guard panel.surface.surface is LinearRegressionSurface else {
                throw object.error(at: object["surface"], "an l2-contours figure fits the data of a linreg(...) surface, such as linreg(n=200, noise=0.5)")
            }
            return
        }
        panel.degree = try object.integer("degree", in: 1...15) ?? 9
        let dataset = try object.string("dataset") ?? "sine(n=40, noise=0.25, seed=2)"
        let data: Dataset
        do { data = try Datasets.make(dataset) } catch { throw component(error, key: "dataset", object) }
        guard data.featureCount == 1, data.task == .regression else {
            throw object.error(at: object["dataset"], "the L2 figures fit a polynomial in one variable: use linear, polynomial or sine data")
        }
        panel.l2Dataset = dataset
        panel.l2Validation = try object.number("validation") ?? 0.5
        guard panel.l2Validation > 0, panel.l2Validation < 1 else { throw object.error(at: object["validation"], "'validation' must be between 0 and 1") }
        panel.l2Seed = UInt64(try object.integer("seed", in: 0...Int(Int32.max)) ?? 0)
    }

    // MARK: - Sizes

    /// A length as written in a spec — a number of pixels, or a number with a unit: `px`, `pt` (1/72 in),
    /// `in` or `cm` — in layout units, where 1 px = 1 pt = 1 unit (so 1 in = 72 and 1 cm = 72/2.54 ≈ 28.35).
    /// `nil` when the text is not a length.
    public static func parseLength(_ text: String) -> Double? {
        let trimmed = text.filter { !$0.isWhitespace }.lowercased()
        let units: [(String, Double)] = [("px", 1), ("pt", 1), ("in", 72), ("cm", 72 / 2.54), ("mm", 72 / 25.4)]
        for (unit, factor) in units where trimmed.hasSuffix(unit) {
            return Double(trimmed.dropLast(unit.count)).map { $0 * factor }
        }
        return Double(trimmed)
    }

    static func parseSize(_ object: YAMLObject) throws(SpecError) -> (width: Double, height: Double) {
        guard let node = object["size"] else { return (960, 640) }
        guard case .sequence(let items) = node, items.count == 2 else {
            throw object.error(at: node, "'size' must be [width, height], such as [960, 640] (pixels) or [12cm, 8cm]")
        }
        var values: [Double] = []
        for item in items {
            guard let text = item.string, let value = parseLength(text), value.isFinite else {
                throw object.error(at: item, "'\(item.string ?? "?")' is not a length: write a number of pixels or add a unit (px, pt, in, cm, mm)")
            }
            guard (32...10_000).contains(value) else {
                throw object.error(at: item, "'\(text)' is \(Int(value)) layout units; a figure side must be between 32 and 10000")
            }
            values.append(value)
        }
        return (values[0], values[1])
    }

    // MARK: - Helpers

    /// The default legend text of a run: the optimizer's class name, with SGD's momentum variants named.
    static func defaultLabel(_ optimizer: any Optimizer) -> String {
        if let sgd = optimizer as? SGD, sgd.momentum > 0 { return sgd.nesterov ? "Nesterov" : "Momentum" }
        return type(of: optimizer).name
    }

    /// `Adam(lr=0.05)`: the name and the hyperparameters that differ from the defaults.
    static func shortConfiguration(_ optimizer: any Optimizer) -> String {
        let name = type(of: optimizer).name
        guard let defaults = try? Optimizers.make(name).configuration else { return optimizer.configuration.description }
        let changed = optimizer.configuration.arguments.filter { argument in
            !defaults.arguments.contains { $0.key == argument.key && $0.value == argument.value }
        }
        return Component(name: name, arguments: changed).description
    }

    /// Checks a scheduler component by building it and running it for `steps` steps on `optimizer` (so that
    /// a OneCycleLR too short for the run, or cycled momentum on an optimizer without one, is reported here,
    /// at the spec's line); returns the scheduler's name.
    static func checkSchedule(_ text: String, key: String, in object: YAMLObject, optimizer: any Optimizer, steps: Int,
                              metrics: [Double]? = nil, feedsLosses: Bool = false) throws(SpecError) -> String {
        let scheduler: any LRScheduler
        do { scheduler = try Schedules.make(text) } catch { throw component(error, key: key, object) }
        // Runs on a surface feed ReduceLROnPlateau their losses; a schedules panel needs its `metrics`.
        if scheduler.needsMetric && metrics == nil && !feedsLosses {
            throw SpecError(file: object.file, line: object[key]?.mark?.line, column: object[key]?.mark?.column,
                            "\(key): \(scheduler.name) needs 'metrics': a list of at least \(steps) numbers, the metric of each step")
        }
        if !scheduler.needsMetric || metrics != nil {
            do {
                _ = try ScheduleRun.run(scheduler, optimizer: optimizer, steps: steps, metrics: metrics)
            } catch {
                throw SpecError(file: object.file, line: object[key]?.mark?.line, column: object[key]?.mark?.column, "\(key): \(error.message)")
            }
        }
        return scheduler.name
    }

    /// Checks that the text under `key` is valid math-text markup, reporting a problem at its column.
    static func checkMarkup(_ key: String, _ object: YAMLObject) throws(SpecError) {
        guard let text = try object.string(key) else { return }
        do {
            _ = try MathText(text)
        } catch {
            let (line, column) = object.location(of: key, offset: error.column)
            throw SpecError(file: object.file, line: line, column: column, "\(key): \(error.message)")
        }
    }

    /// A component error (column inside the value) moved to its place in the file.
    static func component(_ error: InputError, key: String, _ object: YAMLObject) -> SpecError {
        let (line, column) = object.location(of: key, offset: error.column ?? 1)
        return SpecError(file: object.file, line: line, column: column, "\(key): \(error.message)")
    }

    static func locate(_ error: YamlError, file: String) -> SpecError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return SpecError(file: file, line: mark.line, column: mark.column, "YAML: \(problem)")
        default:
            return SpecError(file: file, "YAML: \(error)")
        }
    }
}
