import Plotting
import Simulation
import Yams

extension FigureSpec {
    static let figureKeys = ["kind", "panels", "columns", "shared_legend", "inset", "size", "theme", "font", "alt", "animation", "sweep"]
    static let panelKeys = ["kind", "title", "surface", "runs", "steps", "start", "view", "background", "contours", "contour_labels",
                            "levels", "colormap", "colorbar", "legend", "y_scale", "annotations", "direction", "arrows", "normalize",
                            "overlay", "every", "camera", "wireframe", "schedules", "optimizer", "metrics", "x_axis", "lambdas", "degree",
                            "objective", "space", "sampler", "trials", "budget", "show", "iteration", "samplers", "seeds", "bracket",
                            "lrs", "tolerance"]
        + TrainingSpec.keys
    static let insetKeys = panelKeys + ["position"]

    /// Reads a spec from YAML text.
    ///
    /// - Parameter file: the file name used in messages.
    /// - Throws: ``SpecError`` at the line and column of the first problem.
    public static func parse(_ text: String, file: String) throws(SpecError) -> FigureSpec {
        let object = try root(of: text, file: file)
        guard let sweep = try parseSweep(object, text: text) else { return try parse(object, text: text, file: file) }
        var variants: [FigureSpec] = []
        for value in sweep.values {
            let variantText = text.replacingOccurrences(of: "{\(sweep.param)}", with: value)
            do {
                var variant = try parse(try root(of: variantText, file: file), text: variantText, file: file)
                variant.sweepValue = value
                variants.append(variant)
            } catch {
                throw SpecError(file: error.file, line: error.line, column: error.column, "with \(sweep.param) = \(value): \(error.message)")
            }
        }
        var spec = variants[0]
        spec.sweep = sweep
        spec.variants = variants
        return spec
    }

    /// The YAML of a spec as a mapping.
    static func root(of text: String, file: String) throws(SpecError) -> YAMLObject {
        try YAMLObject(try composeYAML(text, file: file, what: "the spec"), file: file, what: "a spec")
    }

    /// `text` with a one-line `space: {lr: loguniform(1e-4, 1), m: uniform(0, 1)}` or `samplers: [grid(points=5),
    /// hyperband(R=81, eta=3)]` written as a quoted scalar, because YAML's flow collections split at every
    /// comma, also the ones inside a component's parentheses; the search reader parses the quoted text itself
    /// (see `SearchSpec.parseSpace` and `PanelSpec.parseConvergence`). Nothing else changes.
    static func quotingSearchSpaces(_ text: String) -> String {
        guard text.contains("space:") || text.contains("samplers:") else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for (key, open, close) in [("space:", "{", "}"), ("samplers:", "[", "]")] {
                guard let found = line.range(of: key) else { continue }
                let before = line[..<found.lowerBound]
                guard before.allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
                let value = line[found.upperBound...].trimmingCharacters(in: .whitespaces)
                guard value.hasPrefix(open), value.hasSuffix(close), !value.contains("'") else { continue }
                return before + key + " '" + value + "'"
            }
            return String(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The YAML document in `text` as Yams nodes (which keep their lines and columns), for the readers of
    /// Descent's YAML files (specs, the gallery manifest).
    ///
    /// - Throws: ``SpecError`` at the place of a YAML syntax error, or saying that `what` is empty.
    public static func composeYAML(_ text: String, file: String, what: String) throws(SpecError) -> Node {
        do {
            guard let node = try Yams.compose(yaml: quotingSearchSpaces(text)) else { throw SpecError(file: file, "\(what) is empty") }
            return node
        } catch let error as SpecError {
            throw error
        } catch let error as YamlError {
            throw Self.locate(error, file: file, text: text)
        } catch {
            throw SpecError(file: file, "cannot read YAML: \(error)")
        }
    }

    /// `sweep: {param, values, label}`: a placeholder name the text uses as `{param}`, and 2 to 12 values.
    static func parseSweep(_ object: YAMLObject, text: String) throws(SpecError) -> SweepSpec? {
        guard let node = object["sweep"] else { return nil }
        let block = try YAMLObject(node, file: object.file, what: "'sweep'")
        try block.requireKeys(in: ["param", "values", "label"], what: "'sweep'")
        let param = try block.requiredString("param", what: "'sweep'")
        guard let first = param.first, first.isLetter || first == "_", param.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw block.error(at: block["param"], "'param' must be a name such as lr or batch_size, got '\(param)'")
        }
        guard case .sequence(let items)? = block["values"], (2...12).contains(items.count) else {
            throw block.error(at: block["values"] ?? node, "'values' must be a list of 2 to 12 values, such as [0.01, 0.1, 0.5]")
        }
        var values: [String] = []
        for item in items {
            guard case .scalar(let scalar) = item, !scalar.string.isEmpty else { throw block.error(at: item, "each of 'values' must be a number or a word") }
            guard !values.contains(scalar.string) else { throw block.error(at: item, "'\(scalar.string)' is given twice in 'values'") }
            values.append(scalar.string)
        }
        guard text.contains("{\(param)}") else {
            throw block.error(at: block["param"], "the spec never writes {\(param)}: put it where each value goes, such as 'SGD(lr={\(param)})'")
        }
        return SweepSpec(param: param, values: values, label: try block.string("label"))
    }

    /// Reads one spec (one variant of a sweep) from its mapping.
    static func parse(_ object: YAMLObject, text: String, file: String) throws(SpecError) -> FigureSpec {
        let kinds = PanelSpec.Kind.allCases.map(\.rawValue) + ["panels"]
        guard let kind = try object.choice("kind", kinds) else {
            throw object.error(at: nil, "a spec needs 'kind' (\(kinds.joined(separator: ", ")))")
        }

        var panels: [PanelSpec] = []
        var columns = 1
        if kind == "panels" {
            try object.requireKeys(in: Array(Set(figureKeys + panelKeys)).sorted(), what: "a spec")
            guard let list = try object.objects("panels", what: "a panel", parent: object, local: Set(figureKeys + ["title"])), !list.isEmpty else {
                throw object.error(at: object["panels"], "a 'panels' spec needs 'panels': a list of panels, each with its 'kind'")
            }
            for panel in list {
                try panel.requireKeys(in: panelKeys, what: "a panel")
                guard panel.hasOwn("kind") else { throw panel.error(at: nil, "each panel needs its own 'kind'") }
                panels.append(try PanelSpec.parse(panel))
            }
            columns = try object.integer("columns", in: 1...6) ?? min(panels.count, 3)
        } else {
            try object.requireKeys(in: figureKeys.filter { $0 != "panels" && $0 != "columns" && $0 != "shared_legend" } + panelKeys,
                                   what: "a spec")
            panels = [try PanelSpec.parse(object)]
        }

        var inset: PanelSpec?
        var insetCorner = Figure.Corner.topRight
        if let node = object["inset"] {
            let insetObject = try YAMLObject(node, file: file, what: "'inset'", parent: object, local: Set(figureKeys + ["kind", "title"]))
            try insetObject.requireKeys(in: insetKeys, what: "'inset'")
            guard insetObject.hasOwn("kind") else { throw insetObject.error(at: nil, "'inset' needs its own 'kind'") }
            inset = try PanelSpec.parse(insetObject)
            insetCorner = try YAMLObject(node, file: file, what: "'inset'").choice("position", Figure.Corner.self) ?? .topRight
        }

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
        let theme = try object.choice("theme", Theme.all.map(\.name)).flatMap(Theme.named)
        var headline: String?
        if kind == "panels" {
            try checkMarkup("title", object)
            headline = try object.string("title")
        }
        var spec = FigureSpec(file: file, text: text, panels: panels, columns: columns,
                          sharedLegend: try object.bool("shared_legend") ?? (panels.count > 1), inset: inset,
                          insetCorner: insetCorner, width: size.width, height: size.height,
                          theme: theme, fontFamily: fontFamily, fontSize: fontSize,
                          alt: try object.string("alt"), animation: try AnimationSpec.parse(object))
        spec.headline = headline
        return spec
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
                throw object.error(at: item, "'\(text)' is \(Ticks.format(value, decimals: 0)) layout units; a figure side must be between 32 and 10000")
            }
            values.append(value)
        }
        return (values[0], values[1])
    }

    // MARK: - Helpers

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

    /// The component under `key` built by `make`, with an error moved to its place in the file.
    static func component<T>(_ key: String, _ object: YAMLObject, _ text: String,
                             _ make: (String) throws(InputError) -> T) throws(SpecError) -> T {
        do { return try make(text) } catch { throw component(error, key: key, object) }
    }

    static func locate(_ error: YamlError, file: String, text: String = "") -> SpecError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return SpecError(file: file, line: mark.line, column: mark.column, "YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams points at the first occurrence; the mistake is usually the second, so point there.
            let name = duplicates.first ?? ""
            let first = (line: context.mark.line, column: context.mark.column)
            // Lines as YAML counts them (\r\n, \r and \n each end one); Yams's mark can still lie past our text's end.
            let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").components(separatedBy: "\n")
            for index in min(max(0, first.line - 1), lines.count)..<lines.count {
                let line = lines[index]
                var searchFrom = line.startIndex
                while let range = line.range(of: name, range: searchFrom..<line.endIndex) {
                    let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
                    let after = line[range.upperBound...].drop { $0 == " " }
                    let before = range.lowerBound == line.startIndex ? " " : line[line.index(before: range.lowerBound)]
                    let isKey = after.hasPrefix(":") && (before == " " || before == "{" || before == "," || before == "-")
                    if isKey, (index + 1, column) != first, index + 1 > first.line || column > first.column {
                        return SpecError(file: file, line: index + 1, column: column,
                                         "'\(String(name.prefix(80)))' is given twice in one mapping (first at line \(first.line)); keep one")
                    }
                    searchFrom = range.upperBound
                }
            }
            return SpecError(file: file, line: first.line, column: first.column, "'\(String(name.prefix(80)))' is given twice in one mapping; keep one")
        default:
            return SpecError(file: file, "YAML: \(error)")
        }
    }
}
