import CairoBackend
import Descent
import Foundation
import Plotting
import Specs

/// Renders one figure of the gallery into `figures/SLUG/`: every variant of a sweep simulated once, then
/// drawn as light and dark PNGs at 1x and 2x from the same record; the first variant also as SVG and PDF,
/// its record as CSV and JSON, its spec as YAML, and an animation as an APNG.
struct FigureBuild {
    /// The figure's name in the manifest, and its spec.
    var name: String
    var spec: FigureSpec
    /// The spec file's text (with a sweep's `{param}` placeholders), offered as the figure's recipe.
    var text: String
    var key: ContentKey
    /// The site's folder.
    var site: String

    var slug: String { Slug.file(forFigure: name) }
    var folder: String { "figures/\(slug)" }

    /// Writes the files and returns what the pages need to know.
    func run() throws -> FigureEntry {
        let directory = (site as NSString).appendingPathComponent(folder)
        // Never write through a link inside the site: the files would land outside it.
        if let type = try? FileManager.default.attributesOfItem(atPath: directory)[.type] as? FileAttributeType, type == .typeSymbolicLink {
            throw SiteError("refusing to write into '\(directory)': it is a symbolic link, and Descent writes only inside the site folder — remove the link")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        SiteFiles.removeTemporaries(in: directory)
        var files: [String] = []
        func write(_ bytes: [UInt8], _ file: String) throws -> String {
            let relative = "\(folder)/\(file)"
            try SiteFiles.write(bytes, to: (site as NSString).appendingPathComponent(relative))
            files.append(relative)
            return relative
        }
        let specs = spec.variants.isEmpty ? [spec] : spec.variants
        var variants: [FigureEntry.Variant] = []
        var downloads: [String: String] = [:]
        var first: (record: FigureRecord, figure: Figure)?
        for (k, variant) in specs.enumerated() {
            let record = try variant.simulate()
            let light = try figure(variant, record, theme: variant.resolvedTheme())
            let dark = try figure(variant, record, theme: variant.resolvedTheme(.dark))
            let suffix = specs.count > 1 ? "-v\(k + 1)" : ""
            func png(_ figure: Figure, _ theme: Theme, scale: Double, _ file: String) throws -> String {
                let request = RenderRequest(format: .png, size: figure.size, scale: scale, background: nil, recipe: variant.text)
                return try write(try FigureRenderer.render(request) { figure.draw(on: $0, theme: theme) }, file)
            }
            let lightTheme = variant.resolvedTheme(), darkTheme = variant.resolvedTheme(.dark)
            variants.append(FigureEntry.Variant(
                value: variant.sweepValue,
                png: try png(light, lightTheme, scale: 1, "\(slug)\(suffix).png"),
                png2x: try png(light, lightTheme, scale: 2, "\(slug)\(suffix)@2x.png"),
                dark: try png(dark, darkTheme, scale: 1, "\(slug)\(suffix)-dark.png"),
                dark2x: try png(dark, darkTheme, scale: 2, "\(slug)\(suffix)-dark@2x.png"),
                alt: try variant.shortAltText(record), title: Self.plainTitle(variant), description: try variant.altText(record)))
            if k == 0 { first = (record, light) }
        }
        guard let (record, light) = first else { preconditionFailure("a spec has at least one variant") }
        for format in [FigureFormat.svg, .pdf] {
            let request = RenderRequest(format: format, size: light.size, background: nil, recipe: spec.text)
            let theme = spec.resolvedTheme()
            downloads[format.rawValue] = try write(try FigureRenderer.render(request) { light.draw(on: $0, theme: theme) }, "\(slug).\(format.fileExtension)")
        }
        downloads["json"] = try write(Array(try record.json()), "\(slug).json")
        downloads["csv"] = try write(Array(record.csv().utf8), "\(slug).csv")
        downloads["yaml"] = try write(Array(text.utf8), "\(slug).yaml")
        var animation: String?
        if spec.animation != nil {
            let job = AnimationJob(try FigureAnimation(spec: spec, record: record, theme: spec.resolvedTheme()))
            let report = try AnimationRenderer.render(job, outputs: [.apng], directory: directory, jobs: 1, ffmpeg: nil)
            guard let apng = report.files.first(where: { $0.hasSuffix(".apng") }) else { throw SiteError("\(name): the animation wrote no APNG") }
            animation = "\(folder)/\((apng as NSString).lastPathComponent)"
            files.append(animation!)
            downloads["apng"] = animation
        }
        return FigureEntry(name: name, slug: slug, key: key.description, title: variants[0].title, alt: variants[0].alt,
                           description: variants[0].description, width: Int(light.size.width.rounded()),
                           height: Int(light.size.height.rounded()), animation: animation, sweepLabel: spec.sweep?.label,
                           variants: variants, facts: spec.variants.isEmpty ? spec.facts(record) : specs[0].facts(record),
                           downloads: downloads, files: files)
    }

    /// The still of a spec in `theme`: the figure, or an animation's last frame.
    private func figure(_ spec: FigureSpec, _ record: FigureRecord, theme: Theme) throws -> Figure {
        spec.animation == nil ? try spec.figure(record, theme: theme)
            : try FigureAnimation(spec: spec, record: record, theme: theme).lastFrame
    }

    /// The figure's title without markup: its headline; else its panel's title; for several panels, their titles joined when
    /// there are at most three (and they are short), else the spec's file name in words.
    static func plainTitle(_ spec: FigureSpec) -> String {
        let plain = { (text: String) in ((try? MathText(text)) ?? MathText(plain: text)).readable }
        if let headline = spec.headline { return plain(headline) }
        let titles = spec.panels.compactMap(\.title).map(plain)
        if spec.panels.count == 1, let title = titles.first { return title }
        let joined = titles.joined(separator: " · ")
        if titles.count == spec.panels.count, titles.count <= 3, joined.count <= 90 { return joined }
        let name = ((spec.file as NSString).lastPathComponent as NSString).deletingPathExtension.replacingOccurrences(of: "-", with: " ")
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}

/// A problem building the site that is not a spec's: a missing folder, an unreadable file.
public struct SiteError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
