extension VideoEncoder {
    /// A video file format that ffmpeg can write.
    public enum Format: String, CaseIterable, Sendable {
        /// H.264 in an MP4 container: plays everywhere, including in browsers and slides.
        case mp4
        /// VP9 in a WebM container: smaller than MP4 at the same quality; plays in browsers.
        case webm
        /// An animated GIF with a palette of 256 colours made for the animation.
        case gif

        /// The file name extension, without the dot (`"mp4"`, `"webm"`, `"gif"`).
        public var fileExtension: String { rawValue }

        /// The ffmpeg encoder this format needs (as listed by `ffmpeg -encoders`).
        public var encoderName: String {
            switch self {
            case .mp4: "libx264"
            case .webm: "libvpx-vp9"
            case .gif: "gif"
            }
        }
    }
}
