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
        Each SPEC.yaml becomes OUT/SPEC.png (and .svg, .pdf as asked), with its alt text in OUT/SPEC.alt.txt. \
        Files are written under a temporary name and renamed, so a failure never leaves a half-written figure. \
        The spec's text is stored in each file (PNG iTXt, SVG metadata, PDF keywords). See Docs/specs.md.

        Examples:
          descent render Gallery/rosenbrock-race.yaml --out /tmp/figures
          descent render Gallery/*.yaml --out site --format png,svg,pdf --theme dark --scale 2
        """
    )

    @Argument(help: ArgumentHelp("Spec files (YAML).", valueName: "spec"))
    var specs: [String]

    @OptionGroup var destination: OutputOptions

    @Option(help: ArgumentHelp("Comma-separated formats to write (default: png).", valueName: "formats",
                               argumentType: RenderFormat.self),
            transform: ValueList.parse)
    var format = ValueList<RenderFormat>([.png])

    @OptionGroup var drawing: DrawingOptions

    func output() throws -> String {
        let formats = format.values.map(\.figureFormat)
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
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)

        var written: [String] = []
        for (spec, name) in parsed {
            let theme = spec.resolvedTheme(themeOverride)
            // An animated spec renders as its last frame.
            let figure = spec.animation == nil ? spec.figure(theme: theme, transparent: transparent)
                : FigureAnimation(spec: spec, theme: theme, transparent: transparent).lastFrame
            for format in formats {
                let path = (out as NSString).appendingPathComponent("\(name).\(format.fileExtension)")
                let request = RenderRequest(format: format, size: figure.size, scale: scale, background: nil, recipe: spec.text)
                try FigureRenderer.write(request, to: path) { canvas in figure.draw(on: canvas, theme: theme) }
                written.append(path)
            }
            let altPath = (out as NSString).appendingPathComponent("\(name).alt.txt")
            try AtomicFile.write(Array((spec.altText() + "\n").utf8), to: altPath)
            written.append(altPath)
        }
        return written.map { "wrote \($0)" }.joined(separator: "\n")
    }
}
