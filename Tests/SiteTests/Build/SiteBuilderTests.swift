import Foundation
import Specs
import Testing
@testable import Site

/// Building a small gallery: pages, incremental rebuilds, removal, determinism, shards.
@Suite struct SiteBuilderTests {}

extension SiteBuilderTests {
    @Test func buildsEveryPageAndFile() throws {
        let gallery = try TestGallery()
        defer { gallery.remove() }
        let report = try gallery.builder().build()
        #expect(report.rendered == 3 && report.skipped == 0)
        let files = TestGallery.tree(gallery.site)
        for page in ["index.html", "all.html", "takeaways.html", "topics/first.html", "topics/second.html", "figures/loss.html",
                     "figures/slider.html", "figures/animations-moving.html", "assets/site.css", "assets/site.js"] {
            #expect(files[page] != nil, "missing \(page)")
        }
        for file in ["figures/loss/loss.png", "figures/loss/loss@2x.png", "figures/loss/loss-dark.png", "figures/loss/loss-dark@2x.png",
                     "figures/loss/loss.svg", "figures/loss/loss.pdf", "figures/loss/loss.csv", "figures/loss/loss.json", "figures/loss/loss.yaml",
                     "figures/slider/slider-v1.png", "figures/slider/slider-v2@2x.png", "figures/animations-moving/animation.apng"] {
            #expect(files[file] != nil, "missing \(file)")
        }
        // The 2x image has twice the pixels of the 1x one (PNG width at bytes 16…19).
        let width = { (data: Data) in data[16..<20].reduce(0) { $0 << 8 | Int($1) } }
        #expect(width(files["figures/loss/loss.png"]!) == 320 && width(files["figures/loss/loss@2x.png"]!) == 640)
        // The light and dark images differ.
        #expect(files["figures/loss/loss.png"] != files["figures/loss/loss-dark.png"])

        let topic = try gallery.page("topics/first.html")
        #expect(topic.contains("<h1>1. First &lt;topic&gt;</h1>"))
        #expect(topic.contains("Losses &quot;quoted&quot; &amp; sliders."))
        #expect(!topic.contains("<topic>"))
        #expect(topic.contains("srcset=\"../figures/loss/loss@2x.png 2x\""))
        #expect(topic.contains("media=\"(prefers-color-scheme: dark)\""))
        #expect(topic.contains("aria-describedby=\"desc-loss\"") && topic.contains("id=\"desc-loss\""))
        // The sweep: every variant in a row, and a keyboard-operable range input.
        #expect(topic.contains("<input type=\"range\" id=\"slider-slider\" min=\"0\" max=\"1\""))
        #expect(topic.contains("learning rate = 0.05"))
        let figure = try gallery.page("figures/loss.html")
        #expect(figure.contains("Loss &amp; friends on Booth"))
        #expect(figure.contains("href=\"../figures/loss/loss.csv\"") && figure.contains("href=\"../topics/first.html\""))
        #expect(figure.contains("kind: loss"))
        let all = try gallery.page("all.html")
        #expect(all.contains("data-tags=\"alpha beta\"") && all.contains("href=\"all.html?tag=alpha\""))
        let second = try gallery.page("topics/second.html")
        #expect(second.contains("media=\"(prefers-reduced-motion: no-preference)\" srcset=\"../figures/animations-moving/animation.apng\""))
        // Alt texts are short; no page names anything outside the site.
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("http://") && !html.contains("https://"), "\(path) links outside the site")
            for alt in html.components(separatedBy: "alt=\"").dropFirst() {
                #expect((alt.split(separator: "\"").first?.count ?? 0) <= 160, "\(path): a long alt text")
            }
        }
    }

    @Test func anUnchangedGalleryIsSkippedAndOneChangedSpecIsRedrawn() throws {
        let gallery = try TestGallery()
        defer { gallery.remove() }
        _ = try gallery.builder().build()
        let before = TestGallery.tree(gallery.site)
        let again = try gallery.builder().build()
        #expect(again.rendered == 0 && again.skipped == 3 && again.pagesWritten == 0 && again.removed == 0)
        #expect(TestGallery.tree(gallery.site) == before)

        try gallery.write(TestGallery.specs["loss"]!.replacingOccurrences(of: "steps: 20", with: "steps: 25"), to: "Gallery/loss.yaml")
        let changed = try gallery.builder().build()
        #expect(changed.rendered == 1 && changed.skipped == 2)
        let after = TestGallery.tree(gallery.site)
        let differing = Set(after.keys.filter { after[$0] != before[$0] })
        #expect(differing.contains("figures/loss/loss.png") && differing.contains(".state/loss.json"))
        #expect(!differing.contains { $0.hasPrefix("figures/slider/") || $0.hasPrefix("figures/animations-moving/") })
        // A new build of Descent redraws everything.
        #expect(try gallery.builder(buildID: "another build").build().rendered == 3)
    }

    @Test func aRemovedFigureLeavesNothingBehind() throws {
        let gallery = try TestGallery()
        defer { gallery.remove() }
        _ = try gallery.builder().build()
        try gallery.write(TestGallery.manifest.replacingOccurrences(of: "[loss, slider]", with: "[loss]"), to: "Gallery/gallery.yaml")
        try FileManager.default.removeItem(atPath: gallery.gallery + "/slider.yaml")
        let report = try gallery.builder().build()
        #expect(report.removed == 1)
        let files = TestGallery.tree(gallery.site)
        #expect(!files.keys.contains { $0.contains("slider") })
    }

    @Test func anyNumberOfJobsAndShardsGiveTheSameSite() throws {
        let gallery = try TestGallery()
        defer { gallery.remove() }
        _ = try gallery.builder(jobs: 1).build()
        let one = TestGallery.tree(gallery.site)
        let parallel = gallery.root + "/parallel"
        _ = try gallery.builder(jobs: 3, out: parallel).build()
        #expect(TestGallery.tree(parallel) == one)
        let sharded = gallery.root + "/sharded"
        var shares: [Int] = []
        for index in 1...3 {
            shares.append(try gallery.builder(jobs: 1, shard: Shard("\(index)/3")!, out: sharded).build().rendered)
        }
        #expect(shares.reduce(0, +) == 3)
        // Assembling before every shard has run is refused; after, the site is the one-machine site.
        _ = try gallery.builder(out: sharded).assemble()
        #expect(TestGallery.tree(sharded) == one)
    }

    @Test func assemblingBeforeTheShardsIsAnError() throws {
        let gallery = try TestGallery()
        defer { gallery.remove() }
        _ = try gallery.builder(jobs: 1, shard: Shard("1/3")!).build()
        #expect(throws: SiteError.self) { try gallery.builder().assemble() }
    }

    @Test func sharesAreBalancedAndCoverEveryFigure() {
        let costs = (1...10).map { (name: "f\($0)", cost: Double($0)) }
        let shares = (1...3).map { Shard("\($0)/3")!.share(of: costs) }
        #expect(shares.reduce(Set<String>()) { $0.union($1) }.count == 10)
        #expect(shares[0].isDisjoint(with: shares[1]) && shares[1].isDisjoint(with: shares[2]))
        let loads = shares.map { share in costs.filter { share.contains($0.name) }.map(\.cost).reduce(0, +) }
        #expect(loads.max()! - loads.min()! <= 2)
        #expect(Shard("0/3") == nil && Shard("4/3") == nil && Shard("a/b") == nil && Shard("2/3")?.index == 2)
    }
}

extension SiteBuilderTests {
    @Test func takeawaysQuoteTheNumbersTheFiguresMeasured() throws {
        let gallery = try TestGallery()
        defer { gallery.remove() }
        let measured = TestGallery.manifest.replacingOccurrences(
            of: "    figures: [loss, animations/moving]",
            with: "    figures: [loss, animations/moving]\n    measured: 'Both runs took {loss:steps} steps.'")
        try gallery.write(measured, to: "Gallery/gallery.yaml")
        _ = try gallery.builder().build()
        let page = try gallery.page("takeaways.html")
        #expect(page.contains("<strong>Measured:</strong> Both runs took 20 steps."), "\(page)")

        // A fact the figure does not measure stops the build with the manifest line and a suggestion.
        try gallery.write(measured.replacingOccurrences(of: "{loss:steps}", with: "{loss:step}"), to: "Gallery/gallery.yaml")
        let error = #expect(throws: (any Error).self) { try gallery.builder().build() }
        let message = "\(error.map { "\($0)" } ?? "")"
        #expect(message.contains("gallery.yaml:17") && message.contains("{loss:step}") && message.contains("did you mean 'steps'?"), "\(message)")
    }
}

extension SiteBuilderTests {
    @Test func aLinkedFigureFolderIsRefusedAndNothingLandsOutside() throws {
        let gallery = try TestGallery()
        defer { gallery.remove() }
        let outside = gallery.root + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: gallery.site + "/figures", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: gallery.site + "/figures/loss", withDestinationPath: outside)
        let error = #expect(throws: (any Error).self) { try gallery.builder().build() }
        #expect("\(error.map { "\($0)" } ?? "")".contains("refusing to write into '\(gallery.site)/figures/loss': it is a symbolic link"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }
}
