import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One running ffmpeg: its standard input is a pipe we write frames to, its standard error is drained on a
/// background thread into a bounded tail (so a chatty ffmpeg can never block on a full pipe), and its
/// standard output goes nowhere.
final class FFmpegProcess {
    private let process = Process()
    private let input = Pipe()
    private let errors: ErrorTail

    /// Starts `ffmpeg` with `arguments`.
    init(ffmpeg: String, arguments: [String]) throws {
        errors = try FFmpegProcess.start(process, ffmpeg: ffmpeg, arguments: arguments, input: input, output: FileHandle.nullDevice)
        // Our copy of the child's end of the input must go too: otherwise a dead ffmpeg would not break the
        // input pipe (writes would block forever).
        try? input.fileHandleForReading.close()
        #if os(Linux)
        // A 1 MiB pipe (F_SETPIPE_SZ) hands frames over in fewer, larger pieces than the default 64 KiB;
        // should the system refuse, the default is fine.
        _ = fcntl(input.fileHandleForWriting.fileDescriptor, 1031, 1 << 20)
        #endif
    }

    /// Writes all of `bytes`; returns nil, or the errno that stopped it (EPIPE: ffmpeg has gone).
    func write(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        let descriptor = input.fileHandleForWriting.fileDescriptor
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    /// Closes the input and waits for ffmpeg to exit; true when it exited with status 0.
    func finish() -> Bool {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationReason == .exit && process.terminationStatus == 0
    }

    /// The error to report for an ffmpeg that failed or quit early (waits for it to exit first).
    func failure(path: String, note: String?) -> VideoEncoderError {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        var status = process.terminationReason == .exit
            ? "exit status \(process.terminationStatus)"
            : "killed by signal \(process.terminationStatus)"
        if let note { status = "\(note); \(status)" }
        return .ffmpegFailed(path: path, status: status, log: log)
    }

    /// Stops ffmpeg now (SIGTERM, then SIGKILL after two seconds) and returns its last words.
    @discardableResult
    func kill() -> String {
        try? input.fileHandleForWriting.close()
        if process.isRunning {
            process.terminate()
            let deadline = Date(timeIntervalSinceNow: 2)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { _ = systemKill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        return log
    }

    /// The last lines ffmpeg wrote to its standard error (after it has exited).
    var log: String { errors.lastLines(10) }

    /// Runs `ffmpeg` to completion with no input; returns its exit status, standard output and last error
    /// lines.
    static func run(ffmpeg: String, arguments: [String]) throws -> (Int32, String, String) {
        let process = Process(), outputPipe = Pipe()
        let errors = try start(process, ffmpeg: ffmpeg, arguments: arguments, input: FileHandle.nullDevice, output: outputPipe)
        try? outputPipe.fileHandleForWriting.close()
        let output = (try? outputPipe.fileHandleForReading.readToEnd()) ?? Data()
        process.waitUntilExit()
        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        return (status, String(decoding: output, as: UTF8.self), errors.lastLines(10))
    }

    /// Starts `process` as `ffmpeg` with `arguments`, reading `input` and writing `output` (a pipe or
    /// file handle), and drains its standard error into the returned tail.
    ///
    /// - Throws: `VideoEncoderError.ffmpegUnusable` when ffmpeg cannot be started.
    private static func start(_ process: Process, ffmpeg: String, arguments: [String], input: Any, output: Any) throws -> ErrorTail {
        process.executableURL = URL(fileURLWithPath: ffmpeg)
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        let errorPipe = Pipe()
        process.standardError = errorPipe
        do {
            try process.run()
        } catch {
            throw VideoEncoderError.ffmpegUnusable(ffmpeg: ffmpeg, reason: "cannot start it: \(error.localizedDescription)")
        }
        // Our copy of the child's end must go: otherwise its error output would never reach end of file.
        try? errorPipe.fileHandleForWriting.close()
        return ErrorTail(draining: errorPipe.fileHandleForReading)
    }
}
