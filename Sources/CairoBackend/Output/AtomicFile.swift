#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that they appear complete or not at all.
///
/// The bytes go to a new temporary file in the destination's folder (same file system, so the final
/// rename is atomic), which is flushed to disk and then renamed over the destination. On any failure the
/// temporary file is removed and the destination is left as it was. Readers — a web server, a gallery
/// being rebuilt — therefore never see a half-written figure.
public enum AtomicFile {
    /// Writes `bytes` to `path`, replacing any existing file.
    ///
    /// The new file gets the usual permissions for a new file (0666 less the process's umask).
    ///
    /// - Parameter durable: flush the file to disk before the rename (the default). Animation frames skip
    ///   it: readers still never see a partial file, and hundreds of flushes would cost more than drawing.
    /// - Throws: `RenderError.writeFailed` when the folder does not exist or is not writable, the disk is
    ///   full, or the rename fails.
    public static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws {
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw RenderError.writeFailed(path: path, reason: "the path does not name a file")
        }
        let (descriptor, temporary) = try createTemporary(near: path)
        do {
            try writeAll(bytes, to: descriptor, path: path)
        } catch {
            _ = close(descriptor)
            _ = unlink(temporary)
            throw error
        }
        try moveIntoPlace(temporary, descriptor: descriptor, path: path, durable: durable)
    }

    /// Creates a new, empty temporary file next to `path`: `.<name>.tmp-<pid>-<n><suffix>` in the same
    /// folder, with O_EXCL so that concurrent writers never share one. Returns its descriptor and name.
    ///
    /// - Parameter suffix: Appended to the name, such as `".mp4"` for a file that another program
    ///   (ffmpeg) fills and that should keep the final file's extension; empty by default.
    /// - Throws: `RenderError.writeFailed` when the folder does not exist or is not writable.
    static func createTemporary(near path: String, suffix: String = "") throws -> (Int32, String) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        for _ in 0..<100 {
            let temporary = "\(folder).\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))\(suffix)"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (descriptor, temporary) }
            if errno != EEXIST { throw failure(path, "cannot create a temporary file in its folder") }
        }
        throw failure(path, "cannot find a free temporary file name")
    }

    /// Moves a finished temporary file from `createTemporary` over `path`: flushes it to disk (when
    /// `durable`), closes it and renames it. This is how every temporary file is put in place (`write`,
    /// the APNG writer, the video encoder).
    ///
    /// On failure the temporary file is removed and `path` is left as it was. Either way the descriptor
    /// is closed.
    ///
    /// - Parameter descriptor: The temporary file's open descriptor, which this closes; nil when it was
    ///   closed already because another program wrote the file (ffmpeg), which is then reopened to be
    ///   flushed.
    /// - Throws: `RenderError.writeFailed` naming `path`.
    static func moveIntoPlace(_ temporary: String, descriptor: Int32?, path: String, durable: Bool = true) throws {
        /// Removes the temporary file and returns the error for `what` (with the `errno` of the failure).
        func giveUp(_ what: String) -> RenderError {
            let error = failure(path, what)
            _ = unlink(temporary)
            return error
        }
        let descriptor = descriptor ?? open(temporary, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw giveUp("cannot reopen the temporary file") }
        guard !durable || fsync(descriptor) == 0 else {
            let error = giveUp("cannot flush to disk")
            _ = close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw giveUp("cannot close the temporary file") }
        guard rename(temporary, path) == 0 else { throw giveUp("cannot rename the temporary file into place") }
    }

    /// Writes all of `bytes` to `descriptor`, retrying short writes and interruptions (also used by the
    /// APNG writer, which streams into its own temporary file).
    ///
    /// - Throws: `RenderError.writeFailed` naming `path`.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure(path, "cannot write")
                }
                offset += written
            }
        }
    }

    /// A write error with the current `errno` explained.
    private static func failure(_ path: String, _ what: String) -> RenderError {
        let reason = String(cString: strerror(errno))
        return .writeFailed(path: path, reason: "\(what): \(reason)")
    }
}
