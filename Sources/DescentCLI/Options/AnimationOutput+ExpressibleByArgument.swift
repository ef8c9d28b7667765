import ArgumentParser
import CairoBackend

// `--frames` names the backend's outputs directly: one list of what an animation can be written as.
extension AnimationOutput: ExpressibleByArgument {
    /// What `--help` says about each value.
    public var defaultValueDescription: String {
        switch self {
        case .png: "numbered PNG frames in OUT/frames/"
        case .apng: "OUT/animation.apng, an animated PNG"
        case .mp4: "OUT/animation.mp4, H.264 (needs ffmpeg)"
        case .webm: "OUT/animation.webm, VP9 (needs ffmpeg)"
        case .gif: "OUT/animation.gif (needs ffmpeg)"
        }
    }
}
