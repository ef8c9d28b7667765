import Foundation
import Specs
import Testing
@testable import Site

/// The repository's own gallery is the course: every topic of DESIGN.md, every figure with its point and caption,
/// six takeaways that each quote measured numbers.
@Suite struct CourseManifestTests {
    static let gallery = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Gallery").path
}

extension CourseManifestTests {
    @Test func everyFigureOfTheCourseMakesAPoint() throws {
        let manifest = try GalleryManifest.load(folder: Self.gallery)
        #expect(manifest.topics.map(\.slug) == ["gradient-descent", "learning-rate", "batch-size", "optimizers", "momentum",
                                                 "loss-landscapes", "early-stopping", "schedules", "l2-regularization", "hyperparameters"])
        for figure in manifest.figures {
            let note = try #require(manifest.notes[figure], "\(figure) has no point and caption")
            // A point is one sentence; a caption teaches in two to four.
            #expect(!note.point.isEmpty && note.point.count < 260, "\(figure): point of \(note.point.count) characters")
            let sentences = note.caption.components(separatedBy: ". ").count
            #expect((2...5).contains(sentences), "\(figure): caption of \(sentences) sentences")
        }
    }

    @Test func sixTakeawaysEachQuoteMeasuredNumbers() throws {
        let manifest = try GalleryManifest.load(folder: Self.gallery)
        #expect(manifest.takeaways.count == 6)
        for takeaway in manifest.takeaways {
            #expect(!takeaway.figures.isEmpty)
            #expect(!takeaway.placeholders.isEmpty, "\(takeaway.text) quotes no measured number")
            for (figure, _) in takeaway.placeholders { #expect(takeaway.figures.contains(figure) || manifest.figures.contains(figure)) }
        }
    }
}
