import CairoBackend
import Foundation
import Plotting
import Specs

/// What one render of a spec writes: figure files, data files, or both.
struct RenderOutputs: Sendable {
    var figures: [FigureFormat]
    var data: [DataFormat]

    init(figures: [FigureFormat], data: [DataFormat] = []) {
        self.figures = figures
        self.data = data
    }

    /// The outputs `--format` names.
    init(_ formats: [RenderFormat]) {
        self.init(figures: formats.compactMap(\.figureFormat), data: formats.compactMap(\.dataFormat))
    }
}

/// Turns one spec into its files from a single simulation: every figure format and the alt text are drawn
/// from the same ``FigureRecord``, and the data files are that record.
enum SpecRendering {
    /// Simulates `spec` once (with `simulate`, which tests replace to count calls) and writes `OUT/NAME.EXT`
    /// for every output asked, and `OUT/NAME.alt.txt` with the figure's description. Each file is written
    /// under a temporary name and renamed.
    ///
    /// - Returns: the paths written, in order.
    /// - Throws: ``SpecError`` when the simulation fails; a rendering or I/O error when a file cannot be written.
    static func write(_ spec: FigureSpec, name: String, outputs: RenderOutputs, into directory: String, scale: Double,
                      theme themeOverride: Theme?, transparent: Bool,
                      simulate: (FigureSpec) throws(SpecError) -> FigureRecord = { spec throws(SpecError) in try spec.simulate() }) throws -> [String] {
        try checkPixels(spec, scale: scale)
        let record = try simulate(spec)
        let theme = spec.resolvedTheme(themeOverride)
        var written: [String] = []
        func path(_ fileExtension: String) -> String { (directory as NSString).appendingPathComponent("\(name).\(fileExtension)") }
        if !outputs.figures.isEmpty {
            // An animated spec renders as its last frame.
            let figure = spec.animation == nil ? try spec.figure(record, theme: theme, transparent: transparent)
                : try FigureAnimation(spec: spec, record: record, theme: theme, transparent: transparent).lastFrame
            for format in outputs.figures {
                let request = RenderRequest(format: format, size: figure.size, scale: scale, background: nil, recipe: spec.text)
                try locatingFont(spec) {
                    try FigureRenderer.write(request, to: path(format.fileExtension)) { canvas in figure.draw(on: canvas, theme: theme) }
                }
                written.append(path(format.fileExtension))
            }
        }
        for format in outputs.data {
            let bytes: [UInt8]
            switch format {
            case .json: bytes = Array(try record.json())
            case .csv: bytes = Array(record.csv().utf8)
            }
            try AtomicFile.write(bytes, to: path(format.rawValue))
            written.append(path(format.rawValue))
        }
        try AtomicFile.write(Array((try spec.altText(record) + "\n").utf8), to: path("alt.txt"))
        written.append(path("alt.txt"))
        return written
    }

    /// The largest side of an image, in pixels (cairo's limit).
    static let maximumPixels = 32_767

    /// Refuses a spec whose `size` at `scale` makes an image with a side beyond ``maximumPixels`` (or below
    /// one pixel), at the spec's `size` line.
    static func checkPixels(_ spec: FigureSpec, scale: Double) throws(SpecError) {
        let width = (spec.width * scale).rounded(.up), height = (spec.height * scale).rounded(.up)
        guard width >= 1, height >= 1, width <= Double(maximumPixels), height <= Double(maximumPixels) else {
            throw spec.error(atKey: "size", "size \(Ticks.format(spec.width, decimals: 0)) × \(Ticks.format(spec.height, decimals: 0)) at scale "
                             + "\(scale) makes an image of \(Ticks.format(width, decimals: 0)) × \(Ticks.format(height, decimals: 0)) pixels; "
                             + "a side may be 1 to \(maximumPixels) pixels: lower 'size' or --scale")
        }
    }

    /// Runs `body`, turning a font that is not installed into an error at the spec's `font` line.
    static func locatingFont<T>(_ spec: FigureSpec, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as MissingFontError {
            throw spec.error(atKey: "font", error.description)
        }
    }
}
