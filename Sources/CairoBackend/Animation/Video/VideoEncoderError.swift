/// A video could not be encoded or written.
public enum VideoEncoderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The request cannot describe a video (a bad size or rate, a frame of the wrong size), or the calls
    /// came out of order.
    case invalidRequest(String)
    /// The ffmpeg executable cannot be run, or does not behave like ffmpeg.
    case ffmpegUnusable(ffmpeg: String, reason: String)
    /// This ffmpeg was built without the encoder the format needs.
    case encoderMissing(format: VideoEncoder.Format, encoder: String, ffmpeg: String)
    /// ffmpeg stopped with an error while encoding `path`; `log` holds the last lines it printed.
    case ffmpegFailed(path: String, status: String, log: String)
    /// A temporary file could not be created, or the finished video could not be moved to `path`.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidRequest(let message):
            "invalid video request: \(message)"
        case .ffmpegUnusable(let ffmpeg, let reason):
            "cannot use ffmpeg at '\(ffmpeg)': \(reason)"
        case .encoderMissing(let format, let encoder, let ffmpeg):
            "the ffmpeg at '\(ffmpeg)' has no \(encoder) encoder, which \(format.rawValue) needs "
                + "(Debian's ffmpeg package has libx264, libvpx-vp9, gif and png)"
        case .ffmpegFailed(let path, let status, let log):
            "ffmpeg failed to write '\(path)' (\(status))" + (log.isEmpty ? "" : ":\n\(log)")
        case .writeFailed(let path, let reason):
            "cannot write '\(path)': \(reason)"
        }
    }
}

extension VideoEncoderError {
    /// The encoder's form of a file error from `AtomicFile` (which reports `RenderError`s): the same case,
    /// path and reason.
    init(_ error: RenderError) {
        switch error {
        case .invalidRequest(let message): self = .invalidRequest(message)
        case .writeFailed(let path, let reason): self = .writeFailed(path: path, reason: reason)
        case .outputFolder(let message): self = .invalidRequest(message)
        }
    }
}
