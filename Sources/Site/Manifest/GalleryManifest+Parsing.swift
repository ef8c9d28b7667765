import Foundation
import Plotting
import Simulation
import Specs
import Yams

extension GalleryManifest {
    /// Reads `gallery.yaml` and checks it against the specs in `folder` (`*.yaml` and `animations/*.yaml`).
    ///
    /// - Throws: ``SpecError`` at the line and column of a problem: an unknown key, a bad slug, a figure
    ///   listed that has no spec, or a spec that no topic lists (naming both files).
    public static func load(folder: String) throws(SpecError) -> GalleryManifest {
        let path = (folder as NSString).appendingPathComponent("gallery.yaml")
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw SpecError(file: path, "cannot read the gallery manifest (every gallery needs a gallery.yaml listing its topics)")
        }
        let manifest = try parse(text, file: path)
        let specs = specNames(in: folder)
        for topic in manifest.topics {
            for name in topic.figures where !specs.contains(name) {
                throw SpecError(file: path, "topic '\(topic.slug)' lists '\(name)', but \((folder as NSString).appendingPathComponent(name + ".yaml")) does not exist")
            }
        }
        for takeaway in manifest.takeaways {
            for name in takeaway.figures where !manifest.figures.contains(name) {
                throw SpecError(file: path, "a takeaway links '\(name)', which no topic shows")
            }
            for (name, _) in takeaway.placeholders where !manifest.figures.contains(name) {
                let hint = closestName(to: name, in: manifest.figures).map { " — did you mean '\($0)'?" } ?? ""
                throw SpecError(file: path, line: takeaway.line, "a takeaway quotes a fact of '\(name)', which no topic shows\(hint)")
            }
        }
        let listed = Set(manifest.figures)
        for name in specs.sorted() where !listed.contains(name) {
            throw SpecError(file: path, "\((folder as NSString).appendingPathComponent(name + ".yaml")) is in the gallery but no topic lists '\(name)': add it to a topic's figures")
        }
        return manifest
    }

    /// The figure names of the specs in `folder`: `NAME` for `NAME.yaml`, `animations/NAME` for the animated ones.
    static func specNames(in folder: String) -> Set<String> {
        var names = Set<String>()
        for (sub, prefix) in [("", ""), ("animations", "animations/")] {
            let directory = sub.isEmpty ? folder : (folder as NSString).appendingPathComponent(sub)
            for file in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where file.hasSuffix(".yaml") && file != "gallery.yaml" {
                names.insert(prefix + String(file.dropLast(5)))
            }
        }
        return names
    }

    /// Reads the manifest's YAML.
    public static func parse(_ text: String, file: String) throws(SpecError) -> GalleryManifest {
        let root = try FigureSpec.composeYAML(text, file: file, what: "the manifest")
        let reader = Reader(file: file)
        let top = try reader.mapping(root, keys: ["title", "intro", "topics", "takeaways"], what: "the manifest")
        var topics: [Topic] = []
        var notes: [String: FigureNote] = [:]
        for node in try reader.list(top["topics"], what: "'topics'", at: root) {
            let entry = try reader.mapping(node, keys: ["slug", "title", "intro", "tags", "figures"], what: "a topic")
            let slug = try reader.string(entry["slug"], "slug", at: node)
            guard Slug.isValid(slug) else { throw reader.error(entry["slug"] ?? node, "'\(slug)' is not a slug: use lower-case letters, digits and hyphens") }
            guard !topics.contains(where: { $0.slug == slug }) else { throw reader.error(entry["slug"] ?? node, "two topics are called '\(slug)'") }
            var figures: [String] = []
            for item in try reader.list(entry["figures"], what: "'figures'", at: node) {
                let name: String
                if case .mapping = item {
                    let figure = try reader.mapping(item, keys: ["name", "point", "caption"], what: "a figure")
                    name = try reader.string(figure["name"], "name", at: item)
                    let point = try reader.string(figure["point"], "point", at: item)
                    let caption = try reader.string(figure["caption"], "caption", at: item)
                    for (key, text) in [("point", point), ("caption", caption)] {
                        do { _ = try MathText(text) } catch {
                            throw reader.error(figure[key] ?? item, "the \(key) of '\(name)': \(error)")
                        }
                    }
                    guard notes[name] == nil else { throw reader.error(item, "'\(name)' has a point and caption in two topics: keep one") }
                    notes[name] = FigureNote(point: point, caption: caption)
                } else {
                    name = try reader.string(item, "figures", at: item)
                }
                guard name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy({ Slug.isValid(String($0)) }),
                      name.split(separator: "/").count <= 2 else {
                    throw reader.error(item, "'\(name)' is not a figure name: write a spec's name, such as learning-rates or animations/race")
                }
                guard !figures.contains(name) else { throw reader.error(item, "'\(name)' is listed twice in topic '\(slug)'") }
                figures.append(name)
            }
            var tags: [String] = []
            if let tagNode = entry["tags"] {
                for item in try reader.list(tagNode, what: "'tags'", at: node) {
                    let tag = try reader.string(item, "tags", at: item)
                    guard Slug.isValid(tag) else { throw reader.error(item, "tag '\(tag)' is not a slug: use lower-case letters, digits and hyphens") }
                    tags.append(tag)
                }
            }
            topics.append(Topic(slug: slug, title: try reader.string(entry["title"], "title", at: node),
                                intro: try reader.string(entry["intro"], "intro", at: node), tags: tags, figures: figures))
        }
        var takeaways: [Takeaway] = []
        if let list = top["takeaways"] {
            for node in try reader.list(list, what: "'takeaways'", at: root) {
                let entry = try reader.mapping(node, keys: ["text", "figures", "measured"], what: "a takeaway")
                let figures = try reader.list(entry["figures"], what: "'figures'", at: node).map { item throws(SpecError) in
                    try reader.string(item, "figures", at: item)
                }
                let measured = try entry["measured"].map { value throws(SpecError) in try reader.string(value, "measured", at: node) }
                takeaways.append(Takeaway(text: try reader.string(entry["text"], "text", at: node), figures: figures, measured: measured,
                                          line: entry["measured"]?.mark?.line))
            }
        }
        var manifest = GalleryManifest(title: try reader.string(top["title"], "title", at: root),
                                       intro: try reader.string(top["intro"], "intro", at: root), topics: topics, takeaways: takeaways)
        manifest.notes = notes
        return manifest
    }
}

/// Strict reading of the manifest's YAML, each problem at its line and column.
private struct Reader {
    let file: String

    func error(_ node: Node, _ message: String) -> SpecError {
        SpecError(file: file, line: node.mark?.line, column: node.mark?.column, message)
    }

    func mapping(_ node: Node, keys: [String], what: String) throws(SpecError) -> [String: Node] {
        guard case .mapping(let mapping) = node else { throw error(node, "\(what) must be a mapping of keys to values") }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard keys.contains(name) else {
                let hint = closestName(to: name, in: keys).map { " — did you mean '\($0)'?" } ?? ""
                throw error(key, "unknown key '\(name)' in \(what)\(hint) (valid keys: \(keys.joined(separator: ", ")))")
            }
            guard values[name] == nil else { throw error(key, "'\(name)' is given twice") }
            values[name] = value
        }
        return values
    }

    func list(_ node: Node?, what: String, at parent: Node) throws(SpecError) -> [Node] {
        guard let node else { throw error(parent, "\(what) is missing") }
        guard case .sequence(let items) = node else { throw error(node, "\(what) must be a list") }
        return Array(items)
    }

    func string(_ node: Node?, _ key: String, at parent: Node) throws(SpecError) -> String {
        guard let node else { throw error(parent, "'\(key)' is missing") }
        guard case .scalar(let scalar) = node, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw error(node, "'\(key)' must be text")
        }
        return scalar.string
    }
}
