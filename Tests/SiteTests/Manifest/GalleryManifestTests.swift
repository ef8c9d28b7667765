import Foundation
import Specs
import Testing
@testable import Site

/// The manifest is read strictly and checked against the specs it names.
@Suite struct GalleryManifestTests {}

extension GalleryManifestTests {
    @Test func aTopicNamingAMissingSpecIsAnError() throws {
        let gallery = try TestGallery()
        defer { gallery.remove() }
        try gallery.write(TestGallery.manifest.replacingOccurrences(of: "[loss, slider]", with: "[loss, slider, ghost]"), to: "Gallery/gallery.yaml")
        let error = #expect(throws: SpecError.self) { try GalleryManifest.load(folder: gallery.gallery) }
        #expect(error?.message.contains("topic 'first' lists 'ghost'") == true)
        #expect(error?.message.contains("ghost.yaml does not exist") == true)
    }

    @Test func aSpecNoTopicListsIsAnError() throws {
        let gallery = try TestGallery()
        defer { gallery.remove() }
        try gallery.write(TestGallery.specs["loss"]!, to: "Gallery/orphan.yaml")
        let error = #expect(throws: SpecError.self) { try GalleryManifest.load(folder: gallery.gallery) }
        #expect(error?.message.contains("orphan.yaml is in the gallery but no topic lists 'orphan'") == true)
        #expect(error?.file.hasSuffix("gallery.yaml") == true)
    }

    @Test(arguments: [
        ("title: T\nintro: I\ntopics:\n  - slug: ../up\n    title: t\n    intro: i\n    figures: []\n", 4, "is not a slug"),
        ("title: T\nintro: I\ntopics:\n  - slug: a\n    title: t\n    intro: i\n    figures: [../loss]\n", 7, "is not a figure name"),
        ("title: T\nintro: I\ntopics:\n  - slug: a\n    titel: t\n    intro: i\n    figures: []\n", 5, "did you mean 'title'?"),
        ("title: T\nintro: I\ntopics:\n  - slug: a\n    title: t\n    intro: i\n    tags: [Not Slug]\n    figures: []\n", 7, "is not a slug"),
    ])
    func badManifestsAreLocated(_ text: String, _ line: Int, _ message: String) {
        let error = #expect(throws: SpecError.self) { try GalleryManifest.parse(text, file: "gallery.yaml") }
        #expect(error?.line == line, "\(error?.description ?? "")")
        #expect(error?.message.contains(message) == true, "\(error?.description ?? "")")
    }

    @Test func slugsNeverLeaveTheirFolder() {
        for bad in ["", "..", "a/b", "A", "a--b", "-a", "a-", "a b", "a.b", "é"] { #expect(!Slug.isValid(bad), "\(bad)") }
        for good in ["a", "learning-rate", "l2", "topic-10"] { #expect(Slug.isValid(good)) }
        #expect(Slug.file(forFigure: "animations/race") == "animations-race")
    }
}

extension GalleryManifestTests {
    @Test func aTakeawayQuotingAFigureNoTopicListsIsAnError() throws {
        let gallery = try TestGallery()
        defer { gallery.remove() }
        try gallery.write(TestGallery.manifest.replacingOccurrences(
            of: "    figures: [loss, animations/moving]",
            with: "    figures: [loss, animations/moving]\n    measured: '{los:steps} steps'"), to: "Gallery/gallery.yaml")
        let error = #expect(throws: SpecError.self) { try GalleryManifest.load(folder: gallery.gallery) }
        #expect(error?.message.contains("did you mean 'loss'?") == true, "\(error?.description ?? "")")
    }

    @Test func placeholdersAreReadInOrder() {
        let takeaway = GalleryManifest.Takeaway(text: "t", figures: [], measured: "{a:x.y} and {b:p1.final_loss.β = 0.9}; {not one}")
        #expect(takeaway.placeholders.map(\.figure) == ["a", "b"])
        #expect(takeaway.placeholders.map(\.fact) == ["x.y", "p1.final_loss.β = 0.9"])
    }
}
