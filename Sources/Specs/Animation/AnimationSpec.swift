#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How an animated spec turns simulation steps into frames: the `animation:` block.
///
/// ```yaml
/// animation:
///   steps_per_frame: 2     # or frames: 150 — the moving frames
///   hold_start: 15         # frames that show step 0 before anything moves
///   hold_end: 45           # frames that repeat the last step
///   easing: log            # linear, ease-in, ease-out, ease-in-out, log
///   fps: 30
///   trail: 60              # steps of fading trail behind each head; 0 draws the whole path
/// ```
///
/// The clock is the fraction of the run shown. Moving frame j = 1…F shows the fraction e(j/F) of each
/// panel's N steps, step round(N·e(j/F)), where e is the easing:
///
/// - `linear`: e(u) = u — with F = N, one step per frame;
/// - `ease-in`: e(u) = u², slow at first; `ease-out`: e(u) = 1 − (1 − u)², slow at the end;
/// - `ease-in-out`: e(u) = u²(3 − 2u), slow at both ends;
/// - `log`: e(u) = ((1 + N)^u − 1)/N — steps spaced evenly in log(1 + step), so the first few steps, where an
///   optimizer moves most, get as many frames as the long tail.
///
/// Panels of one figure share the clock, so a trajectory, its loss curve and its learning rate advance
/// together even when they count different things (steps, epochs).
public struct AnimationSpec: Sendable, Equatable {
    /// How the fraction of the run shown grows with the frame.
    public enum Easing: String, Sendable, CaseIterable {
        case linear, easeIn = "ease-in", easeOut = "ease-out", easeInOut = "ease-in-out", log
    }

    /// The moving frames F; nil derives them from `stepsPerFrame`.
    public var frames: Int?
    /// Steps per moving frame when `frames` is not given: F = ⌈N / stepsPerFrame⌉.
    public var stepsPerFrame: Int
    /// Frames showing step 0 before the run starts moving.
    public var holdStart: Int
    /// Frames repeating the last step at the end.
    public var holdEnd: Int
    public var easing: Easing
    /// Frames per second of the APNG and videos.
    public var fps: Int
    /// Steps of path drawn behind each head, fading out; 0 draws the whole path, without fading.
    public var trail: Int

    /// An animation of one step per frame at 30 fps, whole paths, no holds.
    public init(frames: Int? = nil, stepsPerFrame: Int = 1, holdStart: Int = 0, holdEnd: Int = 0, easing: Easing = .linear,
                fps: Int = 30, trail: Int = 0) {
        self.frames = frames
        self.stepsPerFrame = stepsPerFrame
        self.holdStart = holdStart
        self.holdEnd = holdEnd
        self.easing = easing
        self.fps = fps
        self.trail = trail
    }

    /// The moving frames for a run of `steps` steps.
    public func movingFrames(steps: Int) -> Int {
        frames ?? max(1, (steps + stepsPerFrame - 1) / stepsPerFrame)
    }

    /// All frames for a run of `steps` steps: holds and moving frames.
    public func frameCount(steps: Int) -> Int { holdStart + movingFrames(steps: steps) + holdEnd }

    /// The fraction of the run (0…1) that frame `frame` (0-based, holds included) shows, for a run of
    /// `steps` steps.
    public func progress(atFrame frame: Int, steps: Int) -> Double {
        let moving = movingFrames(steps: steps)
        let j = frame - holdStart + 1
        if j <= 0 { return 0 }
        if j >= moving { return 1 }
        return ease(Double(j) / Double(moving), steps: steps)
    }

    /// The step that a panel of `steps` steps shows at `progress`.
    public static func step(at progress: Double, of steps: Int) -> Int {
        min(steps, max(0, Int((Double(steps) * progress).rounded())))
    }

    /// e(u) for this easing.
    func ease(_ u: Double, steps: Int) -> Double {
        switch easing {
        case .linear: u
        case .easeIn: u * u
        case .easeOut: 1 - (1 - u) * (1 - u)
        case .easeInOut: u * u * (3 - 2 * u)
        case .log: steps > 0 ? (pow(1 + Double(steps), u) - 1) / Double(steps) : u
        }
    }
}
