import Foundation
import Testing
@testable import Site

/// `kill -9` at any moment, then a rerun, gives the site a clean build gives, with no temporary file left.
@Suite struct InterruptedBuildTests {}

extension InterruptedBuildTests {
    /// The `descent` executable built beside the tests.
    static var descent: String {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("descent").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return folder.appendingPathComponent("descent").path
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: descent)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killedBuildsFinishAsACleanBuild() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.descent), "build the descent executable first (swift build)")
        let gallery = try TestGallery()
        defer { gallery.remove() }
        let clean = gallery.root + "/clean", killed = gallery.root + "/killed"
        let cleanRun = try Self.start(["site", "build", gallery.gallery, "--out", clean, "--jobs", "2"])
        cleanRun.waitUntilExit()
        #expect(cleanRun.terminationStatus == 0)
        let expected = TestGallery.tree(clean)
        #expect(expected.keys.contains("index.html"))

        // Killed early, in the middle and late; each run picks up what the last one left.
        var interrupted = 0
        for delay in [0.05, 0.4, 0.9, 1.6, 2.5] {
            let run = try Self.start(["site", "build", gallery.gallery, "--out", killed, "--jobs", "2"])
            Thread.sleep(forTimeInterval: delay)
            if run.isRunning {
                kill(run.processIdentifier, SIGKILL)
                interrupted += 1
            }
            run.waitUntilExit()
        }
        #expect(interrupted >= 2, "the build finished before most kills: kill earlier")
        let rerun = try Self.start(["site", "build", gallery.gallery, "--out", killed, "--jobs", "2"])
        rerun.waitUntilExit()
        #expect(rerun.terminationStatus == 0)
        let after = TestGallery.tree(killed)
        #expect(!after.keys.contains { ($0 as NSString).lastPathComponent.contains(".tmp-") }, "temporary files were left")
        #expect(Set(after.keys) == Set(expected.keys))
        for (path, bytes) in expected where after[path] != bytes { Issue.record("\(path) differs from a clean build") }
    }
}
