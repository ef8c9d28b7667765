import ArgumentParser
import CairoBackend
import Foundation
import Plotting
import Simulation
import Specs

/// `descent render`: draws figure specs to PNG, SVG and PDF files.
struct RenderCommand: TextCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render figure specs (YAML) to PNG, SVG or PDF files.",
        discussion: """
        Each SPEC.yaml becomes OUT/SPEC.png (and .svg, .pdf as asked), with its alt text in OUT/SPEC.alt.txt; \
        csv and json write the numbers behind every mark (OUT/SPEC.csv, OUT/SPEC.json). The spec is simulated \
        once for all of them. \
        Files are written under a temporary name and renamed, so a failure never leaves a half-written figure. \
        The spec's text is stored in each file (PNG iTXt, SVG metadata, PDF keywords). See Docs/specs.md.

        Examples:
          descent render Gallery/rosenbrock-race.yaml --out /tmp/figures
          descent render Gallery/*.yaml --out site --format png,svg,pdf --theme dark --scale 2
          descent render Gallery/learning-rates.yaml --out /tmp/data --format csv,json
        """
    )

    @Argument(help: ArgumentHelp("Spec files (YAML).", valueName: "spec"))
    var specs: [String]

    @Option(help: ArgumentHelp("The folder to write into (created when missing).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("Comma-separated formats: png, svg, pdf (the figure) and csv, json (its data).", valueName: "formats"))
    var format: String = "png"

    @Option(help: ArgumentHelp("light, dark or print (default: the spec's theme, else light).", valueName: "theme"))
    var theme: String?

    @Option(help: ArgumentHelp("Device pixels per layout unit for PNG (2 for HiDPI), from 0.25 to 8.", valueName: "n"))
    var scale: Double = 1

    @Flag(help: "Leave the background transparent (for slides).")
    var transparent = false

    func output() throws -> String {
        let formats = try Self.parseFormats(format)
        let themeOverride = try theme.map { name throws(InputError) in try Self.theme(named: name) }
        guard scale.isFinite, (0.25...8).contains(scale) else { throw InputError("--scale must be between 0.25 and 8, got \(scale)") }
        guard !specs.isEmpty else { throw InputError("give at least one spec file") }

        // Read and check every spec before writing anything.
        var parsed: [(spec: FigureSpec, name: String)] = []
        for path in specs {
            let spec = try FigureSpec.parse(try readSpec(path), file: path)
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            guard !parsed.contains(where: { $0.name == name }) else {
                throw InputError("two specs would both write '\(name)': rename one of them")
            }
            parsed.append((spec, name))
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)

        var written: [String] = []
        for (spec, name) in parsed {
            written += try SpecRendering.write(spec, name: name, outputs: formats, into: out, scale: scale, theme: themeOverride,
                                               transparent: transparent)
        }
        return written.map { "wrote \($0)" }.joined(separator: "\n")
    }

    /// The theme called `name`, or an error suggesting the closest.
    static func theme(named name: String) throws(InputError) -> Theme {
        guard let theme = Theme.named(name) else {
            let names = Theme.all.map(\.name)
            let hint = closestName(to: name, in: names).map { " — did you mean '\($0)'?" } ?? ""
            throw InputError("--theme: unknown theme '\(name)'\(hint) (known: \(names.joined(separator: ", ")))")
        }
        return theme
    }

    /// Reads `--format`: a comma-separated list of figure formats (png, svg, pdf) and data formats (csv, json).
    static func parseFormats(_ text: String) throws(InputError) -> RenderOutputs {
        var outputs = RenderOutputs(figures: [], data: [])
        let names = FigureFormat.allCases.map(\.rawValue) + OutputFormat.allCases.map(\.rawValue)
        for part in text.split(separator: ",").map({ String($0).trimmingSpaces.lowercased() }) where !part.isEmpty {
            if let format = FigureFormat(rawValue: part) {
                if !outputs.figures.contains(format) { outputs.figures.append(format) }
            } else if let format = OutputFormat(rawValue: part) {
                if !outputs.data.contains(format) { outputs.data.append(format) }
            } else {
                let hint = closestName(to: part, in: names).map { " — did you mean '\($0)'?" } ?? ""
                throw InputError("--format: unknown format '\(part)'\(hint) (choose from \(names.joined(separator: ", ")))")
            }
        }
        guard !outputs.figures.isEmpty || !outputs.data.isEmpty else { throw InputError("--format: give at least one of \(names.joined(separator: ", "))") }
        return outputs
    }
}
