import Simulation

/// What the gallery shows and in which order: `Gallery/gallery.yaml`.
///
/// ```yaml
/// title: Descent
/// intro: Figures for teaching optimization.
/// topics:
///   - slug: learning-rate
///     title: Learning rate
///     intro: Too small crawls, too large diverges.
///     tags: [learning-rate]
///     figures:
///       - name: learning-rates
///         point: The good rate falls fastest; too large zig-zags; divergent leaves the view.
///         caption: Each step is $\theta \leftarrow \theta - \eta \nabla f(\theta)$. ...
///       - animations/race            # a bare name: a figure without a note
/// takeaways:
///   - text: Tune the learning rate first.
///     figures: [learning-rates]
/// ```
///
/// A figure is named by its spec's path under `Gallery/` without `.yaml` (`animations/race`). Every spec
/// must be listed by a topic, and every name a topic lists must have a spec.
public struct GalleryManifest: Sendable, Equatable {
    /// One page of the course.
    public struct Topic: Sendable, Equatable {
        public var slug: String
        public var title: String
        public var intro: String
        public var tags: [String]
        /// The figures, in the order the page shows them.
        public var figures: [String]
    }

    /// What a reader should take from one figure: the `point` (one sentence: what to see) and the `caption`
    /// (a few sentences that teach it, math in `$...$`), shown under the figure on every page.
    public struct FigureNote: Sendable, Equatable {
        public var point: String
        public var caption: String
    }

    /// One lesson of the takeaways page, with the figures that show it.
    public struct Takeaway: Sendable, Equatable {
        public var text: String
        public var figures: [String]
        /// What Descent measured for it, with `{figure:fact}` placeholders that the site fills from the
        /// figures' records (``FigureSpec/facts(_:)``), so the numbers quoted are the ones drawn.
        public var measured: String?
        /// Where `measured` is written in the manifest (1-based line), for messages.
        public var line: Int?

        public init(text: String, figures: [String], measured: String? = nil, line: Int? = nil) {
            self.text = text
            self.figures = figures
            self.measured = measured
            self.line = line
        }

        /// The `{figure:fact}` placeholders of `measured`, in order.
        public var placeholders: [(figure: String, fact: String)] {
            guard let measured else { return [] }
            var found: [(String, String)] = []
            var rest = measured[...]
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                let inner = rest[rest.index(after: open)..<close]
                if let colon = inner.firstIndex(of: ":") {
                    found.append((String(inner[..<colon]), String(inner[inner.index(after: colon)...])))
                }
                rest = rest[rest.index(after: close)...]
            }
            return found
        }

        /// `measured` with every placeholder replaced by `facts[figure][fact]`.
        ///
        /// - Throws: ``SiteError`` naming the placeholder, the manifest line and the facts the figure has.
        public func filled(_ facts: [String: [String: String]], file: String) throws -> String? {
            guard var text = measured else { return nil }
            for (figure, fact) in placeholders {
                let known = facts[figure] ?? [:]
                guard let value = known[fact] else {
                    let hint = closestName(to: fact, in: Array(known.keys)).map { " — did you mean '\($0)'?" } ?? ""
                    let list = known.keys.sorted().prefix(12).joined(separator: ", ")
                    throw SiteError("\(file)\(line.map { ":\($0)" } ?? ""): a takeaway quotes {\(figure):\(fact)}, which '\(figure)' does not measure\(hint) (it measures: \(list.isEmpty ? "nothing" : list))")
                }
                text = text.replacingOccurrences(of: "{\(figure):\(fact)}", with: value)
            }
            return text
        }
    }

    public var title: String
    public var intro: String
    public var topics: [Topic]
    public var takeaways: [Takeaway]
    /// The point and caption of each figure that has them, by figure name.
    public var notes: [String: FigureNote] = [:]

    /// Every figure, in topic order, each once.
    public var figures: [String] {
        var seen = Set<String>(), ordered: [String] = []
        for topic in topics { for figure in topic.figures where seen.insert(figure).inserted { ordered.append(figure) } }
        return ordered
    }

    /// The topics that show `figure`.
    public func topics(showing figure: String) -> [Topic] { topics.filter { $0.figures.contains(figure) } }
}

/// Names that become file names: lower-case letters, digits and single hyphens (`learning-rate`), so a
/// name can never leave its folder (no `/`, no `..`).
public enum Slug {
    /// Whether `name` is a slug.
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.first, let last = name.last, first != "-", last != "-", !name.contains("--") else { return false }
        return name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// The file-name form of a figure name: `animations/race` → `animations-race`.
    public static func file(forFigure name: String) -> String { name.replacingOccurrences(of: "/", with: "-") }
}
