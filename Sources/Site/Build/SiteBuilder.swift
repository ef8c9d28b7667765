import DescentAssets
import Foundation
import Specs

/// Builds the gallery's static site from `Gallery/`: renders the figures whose inputs changed (in parallel,
/// or this shard's share of them) and writes the pages.
///
/// Each figure's files carry a key (``ContentKey``) of its spec's bytes, its name and the build of Descent
/// that draws it, kept in `.state/SLUG.json`; a figure whose key and files are all in place is skipped. Every
/// file is written under a temporary name and renamed, and only when its bytes change; the state is written
/// after the figure's files, so a build killed at any moment is finished by the next one.
public struct SiteBuilder: Sendable {
    /// What a build did.
    public struct Report: Sendable, Equatable {
        public var rendered = 0
        public var skipped = 0
        public var removed = 0
        public var pagesWritten = 0
        public var seconds = 0.0

        /// One line: "site: 3 figures rendered, 30 skipped, 0 removed, 2 pages written in 4.1 s".
        public var summary: String {
            "site: \(rendered) figure\(rendered == 1 ? "" : "s") rendered, \(skipped) skipped, \(removed) removed, "
                + "\(pagesWritten) page\(pagesWritten == 1 ? "" : "s") written in \(String(format: "%.1f", seconds)) s"
        }
    }

    /// The gallery folder (with `gallery.yaml`) and the site folder.
    public var gallery: String
    public var out: String
    /// Figures drawn at once.
    public var jobs: Int
    /// This machine's share of the figures; `nil` for all of them and the pages.
    public var shard: Shard?
    /// What identifies the program that draws (a change re-renders everything).
    public var buildID: String
    /// Called as figures start and finish, for a progress display.
    public var progress: (@Sendable (Progress) -> Void)?

    /// A moment of the build, for a progress display.
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        /// The figure that just started.
        public var current: String?
    }

    public init(gallery: String, out: String, jobs: Int, shard: Shard? = nil, buildID: String, progress: (@Sendable (Progress) -> Void)? = nil) {
        self.gallery = gallery
        self.out = out
        self.jobs = max(1, jobs)
        self.shard = shard
        self.buildID = buildID
        self.progress = progress
    }

    /// Renders the figures (this shard's, or all) and, without a shard, writes the pages.
    public func build() throws -> Report {
        let start = Date()
        let manifest = try GalleryManifest.load(folder: gallery)
        let specs = try readSpecs(manifest)
        let mine = shard.map { $0.share(of: specs.map { ($0.name, Self.cost(of: $0.spec)) }) } ?? Set(specs.map(\.name))
        var report = Report()
        var todo: [(name: String, spec: FigureSpec, text: String, key: ContentKey)] = []
        for item in specs where mine.contains(item.name) {
            let key = self.key(item.name, item.text)
            if let entry = state(of: item.name), entry.key == key.description,
               entry.files.allSatisfy({ FileManager.default.fileExists(atPath: path($0)) }) {
                report.skipped += 1
            } else {
                todo.append((item.name, item.spec, item.text, key))
            }
        }
        try render(todo)
        report.rendered = todo.count
        if shard == nil {
            let assembled = try assemble(manifest, specs: specs)
            report.removed = assembled.removed
            report.pagesWritten = assembled.pagesWritten
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Writes the pages once every figure is rendered (after the shards of a job array).
    ///
    /// - Throws: ``SiteError`` naming a figure that has not been rendered, or was rendered from another
    ///   version of its spec.
    public func assemble() throws -> Report {
        let start = Date()
        let manifest = try GalleryManifest.load(folder: gallery)
        var report = try assemble(manifest, specs: try readSpecs(manifest))
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    // MARK: - Steps

    /// Every spec of the manifest, read (and checked) before anything is drawn.
    private func readSpecs(_ manifest: GalleryManifest) throws -> [(name: String, spec: FigureSpec, text: String)] {
        try manifest.figures.map { name in
            let file = (gallery as NSString).appendingPathComponent(name + ".yaml")
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw SiteError("cannot read \(file)")
            }
            return (name, try FigureSpec.parse(text, file: file), text)
        }
    }

    /// Draws `todo` on `jobs` threads, each figure's state written after its files.
    private func render(_ todo: [(name: String, spec: FigureSpec, text: String, key: ContentKey)]) throws {
        guard !todo.isEmpty else { return }
        let queue = WorkQueue(count: todo.count)
        let out = self.out, progress = self.progress
        DispatchQueue.concurrentPerform(iterations: min(jobs, todo.count)) { _ in
            while let k = queue.next() {
                let item = todo[k]
                progress?(Progress(done: queue.finished, total: todo.count, current: item.name))
                do {
                    let entry = try FigureBuild(name: item.name, spec: item.spec, text: item.text, key: item.key, site: out).run()
                    try SiteFiles.write(Array(try Self.encoder.encode(entry)), to: statePath(item.name))
                    queue.finish()
                } catch {
                    queue.fail(error)
                }
            }
        }
        progress?(Progress(done: queue.finished, total: todo.count, current: nil))
        if let error = queue.error { throw error }
    }

    /// Removes what no figure of the manifest owns any more, then writes the pages and the assets.
    private func assemble(_ manifest: GalleryManifest, specs: [(name: String, spec: FigureSpec, text: String)]) throws -> Report {
        var report = Report()
        var entries: [String: FigureEntry] = [:]
        for (name, _, text) in specs {
            guard let entry = state(of: name) else { throw SiteError("\(name) has not been rendered: run every shard before assembling") }
            guard entry.key == key(name, text).description else {
                throw SiteError("\(name) was rendered from another version of its spec or of Descent: render it again before assembling")
            }
            entries[name] = entry
        }
        // Figures that left the gallery: their folders and states.
        let slugs = Set(entries.values.map(\.slug))
        for folder in ["figures", ".state"] {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? [] {
                let slug = folder == ".state" ? (file as NSString).deletingPathExtension : file
                let isFolder = (try? FileManager.default.attributesOfItem(atPath: path("\(folder)/\(file)"))[.type] as? FileAttributeType) == .typeDirectory
                if (folder == ".state" || isFolder) && !slugs.contains(slug) {
                    try FileManager.default.removeItem(atPath: path("\(folder)/\(file)"))
                    if folder == ".state" { report.removed += 1 }
                }
            }
        }
        // The takeaways' measured numbers, from the figures' records; a fact no figure measures stops the build.
        var filled: [String] = []
        for takeaway in manifest.takeaways {
            filled.append(try takeaway.filled(entries.mapValues(\.facts), file: (gallery as NSString).appendingPathComponent("gallery.yaml")) ?? "")
        }
        var pages = Pages(manifest: manifest, figures: entries)
        pages.measured = filled
        pages.specs = Dictionary(uniqueKeysWithValues: specs.map { ($0.name, $0.text) })
        var written = Set<String>()
        for (page, html) in pages.all() {
            if try SiteFiles.write(Array(html.description.utf8), to: path(page)) { report.pagesWritten += 1 }
            written.insert(page)
        }
        // Pages of topics and figures that are gone.
        for folder in ["topics", "figures"] {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? [] where file.hasSuffix(".html") {
                if !written.contains("\(folder)/\(file)") { try FileManager.default.removeItem(atPath: path("\(folder)/\(file)")) }
            }
        }
        for asset in ["site.css", "site.js"] {
            guard let bytes = DescentAssets.siteAsset(named: asset) else { throw SiteError("the site asset \(asset) is missing from Descent's resources") }
            try SiteFiles.write(bytes, to: path("assets/\(asset)"))
        }
        // The stand-in builder's old page folders.
        for stale in ["figures@2x", "animations"] where FileManager.default.fileExists(atPath: path(stale)) {
            try FileManager.default.removeItem(atPath: path(stale))
        }
        SiteFiles.removeTemporaries(in: out)
        return report
    }

    // MARK: - Helpers

    /// The key of the bytes of the executable at `path` (`/proc/self/exe` for this program): a new build of
    /// Descent draws with new code, so its figures are keyed apart.
    public static func buildID(ofExecutable path: String) -> String {
        var key = ContentKey()
        if let data = FileManager.default.contents(atPath: path) { key.add(bytes: data) }
        return key.description
    }

    /// The key of a figure's files: its name, its spec file's text and the build of Descent.
    func key(_ name: String, _ text: String) -> ContentKey {
        ContentKey(["descent-site-figure-1", buildID, name, text])
    }

    /// A rough cost for balancing shards: pixels drawn, times frames for an animation, times variants.
    static func cost(of spec: FigureSpec) -> Double {
        let pixels = spec.width * spec.height / 100_000
        let frames = spec.animation.map { animation in Double(animation.frameCount(steps: spec.panels[0].steps)) } ?? 1
        let kinds = spec.panels.map { panel -> Double in
            switch panel.kind {
            case .surface3d: 4
            case .trainingCurves: 2
            default: 1
            }
        }.reduce(0, +)
        return pixels * (1 + frames / 4) * kinds * Double(max(1, spec.variants.count))
    }

    private func path(_ relative: String) -> String { (out as NSString).appendingPathComponent(relative) }

    private func statePath(_ name: String) -> String { path(".state/\(Slug.file(forFigure: name)).json") }

    private func state(of name: String) -> FigureEntry? {
        guard let data = FileManager.default.contents(atPath: statePath(name)) else { return nil }
        return try? JSONDecoder().decode(FigureEntry.self, from: data)
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }
}

/// Hands out work items to threads, counts what is finished and keeps the first error.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var issued = 0
    private(set) var finished = 0
    private(set) var error: (any Error)?

    init(count: Int) { self.count = count }

    /// The next item, or nil when all are handed out or one failed.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard issued < count, error == nil else { return nil }
        issued += 1
        return issued - 1
    }

    func finish() {
        lock.lock()
        finished += 1
        lock.unlock()
    }

    func fail(_ error: any Error) {
        lock.lock()
        if self.error == nil { self.error = error }
        lock.unlock()
    }
}
