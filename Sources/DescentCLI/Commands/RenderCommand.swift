import ArgumentParser
import CairoBackend
import Foundation
import Plotting
import Simulation
import Specs

/// `descent render`: draws figure specs to PNG, SVG and PDF files, and writes their data as CSV and JSON.
struct RenderCommand: TextCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render figure specs (YAML) to PNG, SVG or PDF files, and their data to CSV or JSON.",
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

    @OptionGroup var destination: OutputOptions

    @Option(help: ArgumentHelp("Comma-separated formats to write: the figure (png, svg, pdf) and the numbers behind it (csv, json); default png.", valueName: "formats",
                               argumentType: RenderFormat.self),
            transform: ValueList.parse)
    var format = ValueList<RenderFormat>([.png])

    @OptionGroup var drawing: DrawingOptions

    func output() throws -> String {
        let formats = RenderOutputs(format.values)
        let out = destination.out, scale = drawing.scale, transparent = drawing.transparent
        let themeOverride = drawing.theme
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
        let folder = try OutputOptions.open(out)
        defer { folder.release() }

        var written: [String] = []
        for (spec, name) in parsed {
            written += try SpecRendering.write(spec, name: name, outputs: formats, into: out, scale: scale, theme: themeOverride,
                                               transparent: transparent)
        }
        return written.map { "wrote \($0)" }.joined(separator: "\n")
    }
}
