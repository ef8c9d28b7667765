#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A folder that a command writes into, made safe to write: created when missing, never reached through a
/// symbolic link inside it, cleared of the temporary files that interrupted runs left behind, and held by one
/// writer at a time.
///
/// ```swift
/// let folder = try OutputFolder.prepare("out", subfolders: ["frames"])   // waits while another run writes there
/// defer { folder.release() }
/// ```
///
/// - A missing folder is created (with its parents); a path that is a file, empty, or not writable is an
///   error naming it and the reason (`cannot create output folder 'out': permission denied`).
/// - A subfolder the command writes into (`frames`) that is a symbolic link is refused, so that files never
///   land outside the output tree. (The folder itself may be a link: that is where the user asked to write.)
/// - Temporary files `.NAME.tmp-PID-N…` whose process PID is no longer running are removed; those of live
///   processes are left alone.
/// - `.descent.lock` in the folder is locked with `flock` for as long as the command runs, and removed when it
///   ends; a second writer prints who holds it and waits. The kernel drops the lock when the holder exits,
///   even when it is killed (the file then stays behind, unlocked, and the next run takes it over).
public final class OutputFolder: @unchecked Sendable {
    /// The folder's path, as given.
    public let path: String
    private var descriptor: Int32
    private let lockPath: String

    private init(path: String, descriptor: Int32, lockPath: String) {
        self.path = path
        self.descriptor = descriptor
        self.lockPath = lockPath
    }

    deinit { release() }

    /// The name of the lock file inside an output folder.
    public static let lockName = ".descent.lock"

    /// Creates (when missing), checks and locks `path` for writing; see the type's description.
    ///
    /// - Parameters:
    ///   - subfolders: folders inside `path` that the command writes into; any that is a symbolic link is refused.
    ///   - wait: called once with a message naming the holder when another process holds the folder, before
    ///     waiting for it.
    /// - Throws: `RenderError.outputFolder` naming the folder and the reason.
    public static func prepare(_ path: String, subfolders: [String] = [], wait: (String) -> Void = { _ in }) throws -> OutputFolder {
        try create(path)
        for name in subfolders {
            let inner = (path as NSString).appendingPathComponent(name)
            var info = stat()
            if lstat(inner, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: inner)).map { " (to '\($0)')" } ?? ""
                throw RenderError.outputFolder("refusing to write into '\(inner)': it is a symbolic link\(target), and Descent writes only inside the output folder — remove the link or choose another --out")
            }
        }
        let lockPath = (path as NSString).appendingPathComponent(lockName)
        var waited = false
        var descriptor: Int32 = -1
        while true {
            descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else { throw RenderError.outputFolder("cannot create the lock file '\(lockPath)': \(reason(errno))") }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK else {
                    _ = close(descriptor)
                    throw RenderError.outputFolder("cannot lock output folder '\(path)': \(reason(errno))")
                }
                if !waited {
                    let holder = (try? String(contentsOfFile: lockPath, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                    wait("'\(path)' is being written by \(holder.flatMap { $0.isEmpty ? nil : $0 } ?? "another process"); waiting for it to finish")
                    waited = true
                }
                while flock(descriptor, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        _ = close(descriptor)
                        throw RenderError.outputFolder("cannot lock output folder '\(path)': \(reason(errno))")
                    }
                }
            }
            // The holder removes the file as it lets go: a lock on a file no longer at the path is stale, try again.
            var held = stat(), named = stat()
            if fstat(descriptor, &held) == 0, lstat(lockPath, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino { break }
            _ = close(descriptor)
        }
        // Who holds it, for the next writer's message: the process and its command line.
        let holder = "process \(getpid()) (\(CommandLine.arguments.prefix(6).joined(separator: " ")))\n"
        _ = ftruncate(descriptor, 0)
        _ = holder.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        removeStaleTemporaries(in: path)
        for name in subfolders { removeStaleTemporaries(in: (path as NSString).appendingPathComponent(name)) }
        return OutputFolder(path: path, descriptor: descriptor, lockPath: lockPath)
    }

    /// Removes the lock file and unlocks the folder (also done when the object goes away; a process that ends
    /// without it leaves the file, unlocked, for the next run to take over).
    public func release() {
        guard descriptor >= 0 else { return }
        _ = unlink(lockPath)
        _ = flock(descriptor, LOCK_UN)
        _ = close(descriptor)
        descriptor = -1
    }

    /// Creates `path` and its parents, or explains in one line why it cannot.
    static func create(_ path: String) throws {
        guard !path.isEmpty else { throw RenderError.outputFolder("the output folder's name is empty: give --out a folder") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw RenderError.outputFolder("cannot create output folder '\(path)': a file of that name exists") }
            guard access(path, W_OK | X_OK) == 0 else {
                throw RenderError.outputFolder("cannot write into output folder '\(path)': \(reason(errno))")
            }
            return
        }
        // Make each missing level, so that the error names the level that failed and the real cause.
        var built = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            built = built.isEmpty || built.hasSuffix("/") ? built + part : built + "/" + part
            if mkdir(built, 0o777) != 0 && errno != EEXIST {
                throw RenderError.outputFolder("cannot create output folder '\(path)': \(reason(errno))")
            }
            var info = stat()
            if stat(built, &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR {
                throw RenderError.outputFolder("cannot create output folder '\(path)': '\(built)' is not a folder")
            }
        }
    }

    /// `errno` as a short lower-case phrase: "permission denied".
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }

    /// Removes `.NAME.tmp-PID-…` files in `folder` whose process PID is no longer running.
    public static func removeStaleTemporaries(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") {
            guard let marker = name.range(of: ".tmp-") else { continue }
            let rest = name[marker.upperBound...]
            guard let pid = Int32(rest.prefix { $0.isNumber }), pid > 0 else { continue }
            if pid == getpid() { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }   // alive (perhaps another user's): leave it
            let file = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            if lstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { _ = unlink(file) }
        }
    }
}
