import CairoBackend
import Foundation
import Plotting
import Testing

/// Files appear complete under their final name, or not at all.
@Suite struct AtomicFileTests {}

extension AtomicFileTests {
    /// A new empty folder for one test.
    private func makeFolder() throws -> String {
        let path = NSTemporaryDirectory() + "descent-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    private func contents(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func successfulWriteLeavesExactlyTheFinalFile() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/figure.png"
        try FigureRenderer.write(SampleFigure.request(.png), to: path, draw: SampleFigure.draw)
        #expect(try contents(folder) == ["figure.png"])
        let expected = try FigureRenderer.render(SampleFigure.request(.png), draw: SampleFigure.draw)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == expected)

        // Replacing the file also leaves nothing else behind.
        try FigureRenderer.write(SampleFigure.request(.svg), to: path, draw: SampleFigure.draw)
        #expect(try contents(folder) == ["figure.png"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).starts(with: Array("<?xml".utf8)))
    }

    @Test func missingFolderThrowsAndLeavesNothing() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/missing/figure.pdf"
        #expect {
            try FigureRenderer.write(SampleFigure.request(.pdf), to: path, draw: SampleFigure.draw)
        } throws: { error in
            guard case .writeFailed(let failedPath, let reason) = error as? RenderError else { return false }
            return failedPath == path && reason.contains("No such file or directory")
        }
        #expect(try contents(folder).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder + "/missing"))
    }

    @Test func failedDrawingKeepsTheOldFile() throws {
        struct Broken: Error {}
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/figure.png"
        try AtomicFile.write(Array("old".utf8), to: path)
        #expect(throws: Broken.self) {
            try FigureRenderer.write(SampleFigure.request(.png), to: path) { _ in throw Broken() }
        }
        #expect(try contents(folder) == ["figure.png"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    }

    @Test func unwritableFolderLeavesNoTemporaryFile() throws {
        let folder = try makeFolder()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
            try? FileManager.default.removeItem(atPath: folder)
        }
        // A directory standing where the file should go: the data is written, the rename fails.
        let path = folder + "/figure.png"
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        #expect(throws: RenderError.self) { try AtomicFile.write([1, 2, 3], to: path) }
        #expect(try contents(folder) == ["figure.png"])
        #expect(try contents(path) == ["inside"])
    }
}
