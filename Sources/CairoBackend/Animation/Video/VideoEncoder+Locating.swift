import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension VideoEncoder {
    // MARK: - Finding ffmpeg

    /// One line for the user when ffmpeg cannot be found, naming the Debian package that provides it.
    public static let missingMessage =
        "ffmpeg was not found, so no mp4, webm or gif was written (the PNG frames and the APNG were): "
        + "install the Debian package ffmpeg (`sudo apt-get install ffmpeg`), or set DESCENT_FFMPEG to "
        + "the path of an ffmpeg executable"

    /// The ffmpeg to use, or nil when there is none.
    ///
    /// `DESCENT_FFMPEG`, when set and not empty, decides alone: a value containing a slash is a path, used
    /// when it names an executable file (otherwise the answer is nil, so that a wrong setting is noticed
    /// rather than silently replaced); a bare name is looked up in `PATH`. Without it, `ffmpeg` is looked up
    /// in the folders of `PATH` in order (empty entries are skipped; without `PATH`,
    /// `/usr/local/bin:/usr/bin:/bin` is searched).
    ///
    /// - Parameter environment: The environment variables to consult; the process's by default.
    /// - Returns: The path of an executable ffmpeg, or nil.
    public static func locateFFmpeg(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        if let chosen = environment["DESCENT_FFMPEG"], !chosen.isEmpty {
            if chosen.contains("/") { return isExecutableFile(chosen) ? chosen : nil }
            return search(chosen, in: searchPath)
        }
        return search("ffmpeg", in: searchPath)
    }

    /// The first executable file called `name` in the colon-separated folders of `searchPath`.
    private static func search(_ name: String, in searchPath: String) -> String? {
        for folder in searchPath.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = folder.hasSuffix("/") ? "\(folder)\(name)" : "\(folder)/\(name)"
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    /// Whether `path` is a regular file (after symbolic links) that this process may execute.
    private static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }

    /// The formats `ffmpeg` can write: those whose encoder it lists.
    ///
    /// - Throws: `VideoEncoderError.ffmpegUnusable` when `ffmpeg` cannot be run or lists no encoders.
    public static func supportedFormats(ffmpeg: String) throws -> [Format] {
        let encoders = try encoders(of: ffmpeg)
        return Format.allCases.filter { encoders.contains($0.encoderName) }
    }

    // MARK: - Encoder lists

    /// The encoders each ffmpeg executable lists, asked once per executable.
    private static let knownEncoders = Mutex<[String: Set<String>]>([:])

    /// The names `ffmpeg -encoders` lists.
    static func encoders(of ffmpeg: String) throws -> Set<String> {
        if let known = knownEncoders.withLock({ $0[ffmpeg] }) { return known }
        let (status, output, log) = try FFmpegProcess.run(ffmpeg: ffmpeg, arguments: ["-hide_banner", "-encoders"])
        // The list follows a line of dashes; each entry is "<6 capability letters> <name> <description>".
        let lines = output.split(separator: "\n")
        var names = Set<String>()
        if let dashes = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("------") }) {
            for line in lines[(dashes + 1)...] {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                if fields.count >= 2, fields[0].count == 6 { names.insert(String(fields[1])) }
            }
        }
        guard status == 0, !names.isEmpty else {
            let reason = status == 0 ? "`ffmpeg -encoders` listed no encoders" : "`ffmpeg -encoders` failed (exit status \(status))"
            throw VideoEncoderError.ffmpegUnusable(ffmpeg: ffmpeg, reason: log.isEmpty ? reason : "\(reason): \(log)")
        }
        knownEncoders.withLock { $0[ffmpeg] = names }
        return names
    }
}
