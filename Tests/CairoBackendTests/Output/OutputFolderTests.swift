#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import CairoBackend

/// Output folders belong to the user: no writes through links inside them, no leftovers of dead runs, one
/// writer at a time, and one clear line when the folder cannot be used.
@Suite struct OutputFolderTests {
    static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "descent-out-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

extension OutputFolderTests {
    @Test func aLinkedSubfolderIsRefusedAndNothingLandsOutside() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/out/frames", withDestinationPath: root + "/elsewhere")
        let error = #expect(throws: RenderError.self) { try OutputFolder.prepare(root + "/out", subfolders: ["frames"]) }
        #expect(error?.description.contains("refusing to write into '\(root)/out/frames': it is a symbolic link (to '\(root)/elsewhere')") == true,
                "\(error?.description ?? "")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/elsewhere").isEmpty)
        // The folder itself may be a link: that is where the user asked to write.
        try FileManager.default.createSymbolicLink(atPath: root + "/via", withDestinationPath: root + "/elsewhere")
        let folder = try OutputFolder.prepare(root + "/via", subfolders: ["frames"])
        folder.release()
    }

    @Test func temporariesOfDeadRunsAreRemovedAndLiveOnesKept() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A process id that is not running: a child that has exited and been reaped.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let dead = child.processIdentifier
        for name in [".animation.apng.tmp-\(dead)-12", ".frame_00001.png.tmp-\(dead)-7", ".figure.png.tmp-\(getppid())-3", "keep.png"] {
            try #require(FileManager.default.createFile(atPath: root + "/" + name, contents: Data("x".utf8)))
        }
        let folder = try OutputFolder.prepare(root)
        folder.release()
        let left = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        #expect(left == [".figure.png.tmp-\(getppid())-3", "keep.png"])   // the parent is alive; the lock file is gone
    }

    @Test func aSecondWriterWaitsAndNamesTheHolder() async throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try OutputFolder.prepare(root)
        let messages = Messages()
        let second = Task.detached { () throws -> Date in
            let folder = try OutputFolder.prepare(root) { messages.add($0) }
            let acquired = Date()
            folder.release()
            return acquired
        }
        try await Task.sleep(nanoseconds: 400_000_000)
        let released = Date()
        first.release()
        let acquired = try await second.value
        #expect(acquired >= released)   // it waited for the first
        #expect(messages.all.count == 1)
        #expect(messages.all.first?.contains("is being written by process \(getpid())") == true, "\(messages.all)")
        #expect(!FileManager.default.fileExists(atPath: root + "/" + OutputFolder.lockName))
    }

    @Test func unusableFoldersGetOneClearLine() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try #require(FileManager.default.createFile(atPath: root + "/file", contents: Data()))
        for (path, message) in [("", "the output folder's name is empty"),
                                (root + "/file", "cannot create output folder '\(root)/file': a file of that name exists"),
                                (root + "/file/below", "cannot create output folder '\(root)/file/below': '\(root)/file' is not a folder")] {
            let error = #expect(throws: RenderError.self) { try OutputFolder.prepare(path) }
            #expect(error?.description.hasPrefix(message) == true, "\(error?.description ?? "")")
            #expect(error?.description.contains("NSCocoaErrorDomain") == false)
        }
    }
}

/// Messages collected from another task.
final class Messages: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ message: String) { lock.lock(); items.append(message); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
