/// The site's pages, made from the manifest and the built figures: the index, a page per topic, a page per
/// figure, the takeaways and the all-figures page. Every path in a page is relative, so the site works from
/// any folder and offline.
struct Pages {
    var manifest: GalleryManifest
    /// The built figures by name.
    var figures: [String: FigureEntry]
    /// Each takeaway's measured numbers, filled in (empty when it has none).
    var measured: [String] = []

    /// Every page: its path in the site and its HTML.
    func all() -> [(path: String, html: HTML)] {
        var pages: [(String, HTML)] = [("index.html", index()), ("all.html", allFigures()), ("takeaways.html", takeaways())]
        for topic in manifest.topics { pages.append(("topics/\(topic.slug).html", topicPage(topic))) }
        for name in manifest.figures { if let entry = figures[name] { pages.append(("figures/\(entry.slug).html", figurePage(entry))) } }
        return pages
    }

    // MARK: - Pages

    func index() -> HTML {
        let cards = manifest.topics.enumerated().map { number, topic -> HTML in
            let image = topic.figures.first.flatMap { figures[$0] }.map { thumbnail($0) } ?? ""
            return """
                <li class="card"><a href="topics/\(topic.slug).html">\(image)<span class="card-title">\(number + 1). \(topic.title)</span></a>
                <p>\(Self.firstSentence(topic.intro))</p></li>
                """
        }
        return page(title: manifest.title, root: "", body: """
            <h1>\(manifest.title)</h1>
            <p class="intro">\(manifest.intro)</p>
            <ol class="cards">
            \(cards)
            </ol>
            <p><a href="takeaways.html">The takeaways</a> · <a href="all.html">All \(manifest.figures.count) figures</a></p>
            """)
    }

    func topicPage(_ topic: GalleryManifest.Topic) -> HTML {
        let number = (manifest.topics.firstIndex(of: topic) ?? 0) + 1
        let blocks = topic.figures.compactMap { figures[$0] }.map { figureBlock($0, root: "../", link: true) }
        let tags = topic.tags.map { tag -> HTML in "<a class=\"tag\" href=\"../all.html?tag=\(tag)\">\(tag)</a>" }
        let previous = number > 1 ? manifest.topics[number - 2] : nil, next = number < manifest.topics.count ? manifest.topics[number] : nil
        let nav: HTML = """
            <nav class="pager">\(previous.map { p -> HTML in "<a href=\"\(p.slug).html\">← \(p.title)</a>" } ?? "")\
            \(next.map { n -> HTML in "<a class=\"next\" href=\"\(n.slug).html\">\(n.title) →</a>" } ?? "")</nav>
            """
        return page(title: topic.title, root: "../", body: """
            <p class="crumbs"><a href="../index.html">Topics</a></p>
            <h1>\(number). \(topic.title)</h1>
            <p class="intro">\(topic.intro)</p>
            <p class="tags">\(tags)</p>
            \(blocks)
            \(nav)
            """)
    }

    func figurePage(_ entry: FigureEntry) -> HTML {
        let topics = manifest.topics(showing: entry.name).map { topic -> HTML in "<a href=\"../topics/\(topic.slug).html\">\(topic.title)</a>" }
        let order = ["png", "svg", "pdf", "apng", "csv", "json", "yaml"]
        var links: [HTML] = ["<li><a href=\"../\(entry.variants[0].png)\" download>PNG</a> (<a href=\"../\(entry.variants[0].png2x)\" download>2x</a>, <a href=\"../\(entry.variants[0].dark)\" download>dark</a>)</li>"]
        let names = ["svg": "SVG", "pdf": "PDF", "apng": "APNG animation", "csv": "data (CSV)", "json": "data (JSON)", "yaml": "the spec (YAML)"]
        for format in order.dropFirst() { if let path = entry.downloads[format] { links.append("<li><a href=\"../\(path)\" download>\(names[format] ?? format)</a></li>") } }
        let spec = entry.downloads["yaml"].map { _ in HTML.text(specText(entry)) } ?? ""
        return page(title: entry.title, root: "../", body: """
            <p class="crumbs"><a href="../index.html">Topics</a> › \(HTML.joined(topics, separator: ", "))</p>
            \(figureBlock(entry, root: "../", link: false, expanded: true))
            <section aria-labelledby="downloads-\(entry.slug)"><h2 id="downloads-\(entry.slug)">Downloads</h2>
            <ul class="downloads">\(links)</ul></section>
            <section aria-labelledby="spec-\(entry.slug)"><h2 id="spec-\(entry.slug)">The spec</h2>
            <p>Made by <code>descent render</code> from this spec; <code>--format csv,json</code> writes the numbers behind the figure.</p>
            <pre class="spec"><code>\(spec)</code></pre></section>
            """)
    }

    func takeaways() -> HTML {
        let items = manifest.takeaways.enumerated().map { index, takeaway -> HTML in
            let links = takeaway.figures.compactMap { figures[$0] }.map { entry -> HTML in
                "<a class=\"thumb\" href=\"figures/\(entry.slug).html\">\(thumbnail(entry))<span>\(entry.title)</span></a>"
            }
            let measured: HTML = index < measured.count && !measured[index].isEmpty
                ? "<p class=\"measured\"><strong>Measured:</strong> \(HTML.mathText(measured[index]))</p>" : ""
            return "<li><p>\(HTML.mathText(takeaway.text))</p>\(measured)<div class=\"thumbs\">\(links)</div></li>"
        }
        return page(title: "Takeaways", root: "", body: """
            <p class="crumbs"><a href="index.html">Topics</a></p>
            <h1>Takeaways</h1>
            <ol class="takeaways">
            \(items)
            </ol>
            """)
    }

    func allFigures() -> HTML {
        let tags = Array(Set(manifest.topics.flatMap(\.tags))).sorted()
        let filter = ["<a class=\"tag\" href=\"all.html\" data-tag=\"\">all</a>" as HTML]
            + tags.map { tag -> HTML in "<a class=\"tag\" href=\"all.html?tag=\(tag)\" data-tag=\"\(tag)\">\(tag)</a>" }
        let cards = manifest.figures.compactMap { figures[$0] }.map { entry -> HTML in
            let figureTags = Array(Set(manifest.topics(showing: entry.name).flatMap(\.tags))).sorted()
            return """
                <li class="card" data-tags="\(figureTags.joined(separator: " "))"><a href="figures/\(entry.slug).html">\(thumbnail(entry))\
                <span class="card-title">\(entry.title)</span></a><p>\(manifest.notes[entry.name].map { HTML.mathText($0.point) } ?? .text(entry.alt))</p></li>
                """
        }
        return page(title: "All figures", root: "", body: """
            <p class="crumbs"><a href="index.html">Topics</a></p>
            <h1>All figures</h1>
            <p class="tag-filter" aria-label="Filter by tag">\(HTML.joined(filter, separator: " "))</p>
            <p class="filter-status" aria-live="polite"></p>
            <ul class="cards" id="all-figures">
            \(cards)
            </ul>
            """)
    }

    // MARK: - Pieces

    /// A figure as a topic or figure page shows it: the image (or its animation, or its sweep), the caption
    /// and the long description that the image's `aria-describedby` points to.
    func figureBlock(_ entry: FigureEntry, root: HTML, link: Bool, expanded: Bool = false) -> HTML {
        let describedBy = "desc-\(entry.slug)"
        let media: HTML
        if entry.variants.count > 1 {
            media = sweep(entry, root: root, describedBy: describedBy)
        } else if let animation = entry.animation {
            media = """
                <div class="animation">\(picture(entry, entry.variants[0], root: root, describedBy: describedBy, animation: "\(root)\(animation)"))
                <button type="button" class="play" hidden>Play the animation</button></div>
                """
        } else {
            media = picture(entry, entry.variants[0], root: root, describedBy: describedBy)
        }
        let title: HTML = link ? "<a href=\"\(root)figures/\(entry.slug).html\">\(entry.title)</a>" : .text(entry.title)
        let description: HTML = expanded
            ? "<p class=\"description\" id=\"\(describedBy)\">\(entry.description)</p>"
            : "<details class=\"description\"><summary>Description and data</summary><p id=\"\(describedBy)\">\(entry.description)</p>\(dataLinks(entry, root: root))</details>"
        var note: HTML = ""
        if let text = manifest.notes[entry.name] {
            note = "<p class=\"point\">\(HTML.mathText(text.point))</p>\n<p class=\"caption\">\(HTML.mathText(text.caption))</p>"
        }
        return """
            <figure class="figure" id="figure-\(entry.slug)">
            \(media)
            <figcaption><span class="figure-title">\(title)</span>
            \(note)</figcaption>
            \(description)
            </figure>
            """
    }

    /// The CSV and JSON of a figure.
    private func dataLinks(_ entry: FigureEntry, root: HTML) -> HTML {
        guard let csv = entry.downloads["csv"], let json = entry.downloads["json"] else { return "" }
        return "<p class=\"data\">The numbers: <a href=\"\(root)\(csv)\">CSV</a> · <a href=\"\(root)\(json)\">JSON</a></p>"
    }

    /// A figure's image as a card shows it (from a top-level page): light or dark as the reader's system
    /// prefers, decorative (the card's text names it).
    func thumbnail(_ entry: FigureEntry) -> HTML {
        let variant = entry.variants[0]
        return """
            <picture><source media="(prefers-color-scheme: dark)" srcset="\(variant.dark)">\
            <img src="\(variant.png)" width="\(entry.width)" height="\(entry.height)" alt="" loading="lazy"></picture>
            """
    }

    /// The light image with its 2x source, and the dark one for readers whose system prefers it; for an
    /// animation, the APNG for readers who have not asked for reduced motion (the still otherwise).
    func picture(_ entry: FigureEntry, _ variant: FigureEntry.Variant, root: HTML, describedBy: String?, animation: HTML? = nil,
                 lazy: Bool = true) -> HTML {
        let describe: HTML = describedBy.map { id -> HTML in " aria-describedby=\"\(id)\"" } ?? ""
        let moving: HTML = animation.map { apng -> HTML in "<source media=\"(prefers-reduced-motion: no-preference)\" srcset=\"\(apng)\">" } ?? ""
        let dark: HTML = "<source media=\"(prefers-color-scheme: dark)\" srcset=\"\(root)\(variant.dark) 1x, \(root)\(variant.dark2x) 2x\">"
        return """
            <picture>\(moving)\(dark)<img src="\(root)\(variant.png)" srcset="\(root)\(variant.png2x) 2x" width="\(entry.width)" height="\(entry.height)" \
            alt="\(variant.alt)"\(describe)\(HTML.raw(lazy ? " loading=\"lazy\"" : ""))></picture>
            """
    }

    /// A swept figure: every variant in a row (what a reader without JavaScript sees), and a slider that
    /// swaps one image in place (what site.js turns on).
    func sweep(_ entry: FigureEntry, root: HTML, describedBy: String) -> HTML {
        let label = entry.sweepLabel ?? "value"
        let row = entry.variants.map { variant -> HTML in
            """
            <figure class="sweep-variant" data-title="\(variant.title)" data-description="\(variant.description)">\
            \(picture(entry, variant, root: root, describedBy: nil))<figcaption>\(label) = \(variant.value ?? "")</figcaption></figure>
            """
        }
        let first = entry.variants[0]
        return """
            <div class="sweep" data-sweep>
            <div class="sweep-all">\(row)</div>
            <div class="sweep-one" hidden>\(picture(entry, first, root: root, describedBy: describedBy, lazy: false))
            <p class="sweep-control"><label for="slider-\(entry.slug)">\(label)</label> \
            <input type="range" id="slider-\(entry.slug)" min="0" max="\(entry.variants.count - 1)" step="1" value="0" aria-valuetext="\(label) = \(first.value ?? "")"> \
            <output for="slider-\(entry.slug)">\(first.value ?? "")</output></p></div>
            </div>
            """
    }

    /// The page around `body`.
    func page(title: String, root: HTML, body: HTML) -> HTML {
        let full = title == manifest.title ? title : "\(title) · \(manifest.title)"
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>\(full)</title>
            <link rel="stylesheet" href="\(root)assets/site.css">
            <script src="\(root)assets/site.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to the content</a>
            <header class="site-header"><a class="brand" href="\(root)index.html">\(manifest.title)</a>
            <nav aria-label="Site"><a href="\(root)index.html">Topics</a> <a href="\(root)all.html">All figures</a> <a href="\(root)takeaways.html">Takeaways</a></nav></header>
            <main id="main">
            \(body)
            </main>
            <footer><p>Every figure is drawn by Descent from a spec in <code>Gallery/</code>; <code>make gallery</code> rebuilds this site.</p></footer>
            </body>
            </html>

            """
    }

    /// The spec's text, read back from the figure's YAML download.
    private func specText(_ entry: FigureEntry) -> String { specs[entry.name] ?? "" }

    /// The texts of the specs by figure name (shown on the figure pages).
    var specs: [String: String] = [:]

    /// The first sentence of `text` (up to the first ". "), for a card.
    static func firstSentence(_ text: String) -> String {
        guard let end = text.range(of: ". ") else { return text }
        return String(text[..<end.lowerBound]) + "."
    }
}
