import Plotting
import Simulation
import Yams

/// A figure described in a YAML file: what to simulate and how to show it.
///
/// ```yaml
/// kind: trajectories          # or: loss
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
    /// The figure kinds.
    public enum Kind: String, Sendable, CaseIterable {
        /// Optimizer paths over the surface's heatmap and contours.
        case trajectories
        /// Loss against step for each run.
        case loss
    }

    /// How the surface is shown under the paths.
    public enum Background: String, Sendable, CaseIterable {
        /// The loss coloured at every pixel, with contour lines.
        case heatmap
        /// Filled contour bands with contour lines.
        case contours
        /// Contour lines only.
        case lines
    }

    /// One optimizer run.
    public struct Run: Sendable {
        public var optimizer: any Optimizer
        public var label: String
        public var start: SIMD2<Double>?
        public var steps: Int?
    }

    public var kind: Kind
    /// The file the spec came from (for messages) and its text (embedded in outputs as the recipe).
    public var file: String
    public var text: String
    public var title: String?
    public var surface: SurfaceSpec
    public var runs: [Run]
    public var steps: Int
    public var start: SIMD2<Double>?
    public var view: ViewWindow?
    public var background: Background
    /// Contour lines to draw (0 for none).
    public var contours: Int
    /// Log-spaced contour levels and colours; `nil` decides from the values.
    public var logarithmic: Bool?
    public var colormap: String?
    public var legend: String
    public var width: Double
    public var height: Double
    public var theme: String?
    /// For `loss`: the y scale (`nil` picks log when every loss is positive).
    public var yScale: String?

    /// The keys a spec may have.
    static let keys = ["kind", "title", "surface", "runs", "steps", "start", "view", "background", "contours", "levels",
                       "colormap", "legend", "size", "theme", "y_scale"]
    static let runKeys = ["optimizer", "label", "start", "steps"]
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
        try object.requireKeys(in: keys, what: "a spec")

        guard let kindName = try object.choice("kind", Kind.allCases.map(\.rawValue)) else {
            throw object.error(at: nil, "a spec needs 'kind' (\(Kind.allCases.map(\.rawValue).joined(separator: " or ")))")
        }
        let kind = Kind(rawValue: kindName)!
        try checkMarkup("title", object)

        let surfaceText = try object.requiredString("surface", what: "a spec")
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
            let viewObject = try YAMLObject(node, file: file, what: "'view'")
            try viewObject.requireKeys(in: ["x", "y"], what: "'view'")
            let surfaceView = surface.surface.view
            let x = try viewObject.numbers("x", count: 2) ?? [surfaceView.x.lowerBound, surfaceView.x.upperBound]
            let y = try viewObject.numbers("y", count: 2) ?? [surfaceView.y.lowerBound, surfaceView.y.upperBound]
            guard x[0] < x[1], y[0] < y[1] else { throw object.error(at: node, "'view' ranges must go from low to high, such as x: [-2, 2]") }
            view = ViewWindow(x: x[0]...x[1], y: y[0]...y[1])
        }

        guard let runObjects = try object.objects("runs", what: "a run"), !runObjects.isEmpty else {
            throw object.error(at: object["runs"], "a spec needs 'runs': a list with at least one '- optimizer: ...'")
        }
        var runs: [Run] = []
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
            let label = try run.string("label") ?? defaultLabel(optimizer)
            runs.append(Run(optimizer: optimizer, label: label, start: try run.numbers("start", count: 2).map { SIMD2($0[0], $0[1]) },
                            steps: try run.integer("steps", in: 1...100_000)))
        }
        // Runs that would share a label are told apart by their full configuration.
        let labels = runs.map(\.label)
        for k in runs.indices where labels.filter({ $0 == labels[k] }).count > 1 && runObjects[k]["label"] == nil {
            runs[k].label = shortConfiguration(runs[k].optimizer)
        }

        let size = try object.numbers("size", count: 2) ?? [960, 640]
        guard size.allSatisfy({ $0 >= 64 && $0 <= 10_000 }) else {
            throw object.error(at: object["size"], "'size' must be two numbers between 64 and 10000 (width and height in pixels)")
        }
        if let name = try object.string("colormap") {
            guard let _ = try? Colormaps.check(name) else {
                let hint = closestName(to: name, in: Colormaps.names).map { " — did you mean '\($0)'?" } ?? ""
                throw object.error(at: object["colormap"], "unknown colormap '\(name)'\(hint) (known: \(Colormaps.names.joined(separator: ", ")))")
            }
        }
        let levels = try object.choice("levels", ["auto", "log", "linear"])
        return FigureSpec(
            kind: kind, file: file, text: text, title: try object.string("title"), surface: surface, runs: runs, steps: steps,
            start: start, view: view,
            background: try object.choice("background", Background.allCases.map(\.rawValue)).flatMap(Background.init) ?? .heatmap,
            contours: try object.integer("contours", in: 0...100) ?? 12,
            logarithmic: levels == nil || levels == "auto" ? nil : levels == "log",
            colormap: try object.string("colormap"),
            legend: try object.choice("legend", ["auto", "none", "top-left", "top-right", "bottom-left", "bottom-right"]) ?? "auto",
            width: size[0], height: size[1], theme: try object.choice("theme", ["light", "dark", "print"]),
            yScale: try object.choice("y_scale", ["log", "linear"]))
    }

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
