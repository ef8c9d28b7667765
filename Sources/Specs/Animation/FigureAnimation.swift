#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Plotting
import Simulation

/// An animated spec, simulated once and ready to be drawn frame by frame.
///
/// Every panel is split into what stays put — the surface, the axes, the title, faint full curves — and what
/// moves. ``background`` is the figure with only the first; ``figure(atFrame:)`` is the same figure with the
/// moving marks of frame k added to its foreground layer, so a renderer can draw the background once and
/// each frame's foreground over a copy of it (see `FigureLayer`). Frame k shows the fraction
/// ``progress(atFrame:)`` of every panel's run (``AnimationSpec``), so linked panels advance together:
///
/// - `trajectories`: each run's path (the last `trail` steps, fading, or all of it), a head at its current
///   point, a ✕ once it diverged, and its loss — and its learning rate when a run is scheduled — in the legend;
/// - `state-overlay` with `velocity`: the same, with the momentum (velocity) and the negative gradient drawn
///   as arrows at each head, on one scale for the whole animation;
/// - `surface3d`: trails and heads draped over the surface;
/// - `loss`, step sizes, evaluations: the curves drawn up to the current step, with a dot at their end (and,
///   for loss, the current loss in the legend);
/// - `schedules`: the full schedule faint, the part already used bold, the current lr as a dot and in the
///   legend; cycled momentum likewise on its own axis;
/// - `training-curves`: the curves growing epoch by epoch, the best epoch so far ringed, and the patience
///   window, the stop and the restored checkpoint marked when early stopping fires;
/// - other kinds do not move.
///
/// The first moving panel carries a step (or epoch) counter. Legends and counters keep one corner for the
/// whole animation (the one clear of the whole run's data). The last frame, drawn whole, is the still that
/// `descent render` makes of an animated spec.
public struct FigureAnimation: Sendable {
    public let spec: FigureSpec
    public let timing: AnimationSpec
    public let theme: Theme
    /// The figure without moving marks.
    public let background: Figure
    /// The steps of the lead panel (the first that moves): the clock's full count.
    public let steps: Int
    private let animators: [PanelAnimator?]

    /// Prepares the frames of `spec` from its simulated `record`, drawn in `theme`.
    ///
    /// - Throws: ``SpecError`` when the record does not belong to the spec.
    public init(spec: FigureSpec, record: FigureRecord, theme: Theme, transparent: Bool = false) throws(SpecError) {
        self.spec = spec
        self.theme = theme
        let timing = spec.animation ?? AnimationSpec()
        self.timing = timing
        try spec.checkShape(of: record)
        var animators: [PanelAnimator?] = []
        var built: [any FigurePanel] = []
        for (panel, panelRecord) in zip(spec.panels, record.panels) {
            let animator = try panel.animator(panelRecord, theme: theme, trail: timing.trail, file: spec.file)
            animators.append(animator)
            if let animator {
                built.append(animator.base)
            } else {
                built.append(try panel.panel(panelRecord, theme: theme, file: spec.file))
            }
        }
        background = try spec.figure(built, record: record, theme: theme, transparent: transparent)
        self.animators = animators
        steps = animators.compactMap { $0 }.first?.steps ?? spec.panels[0].steps
    }

    /// The number of frames, holds included.
    public var frameCount: Int { timing.frameCount(steps: steps) }
    /// Frames per second.
    public var fps: Int { timing.fps }
    /// The size in layout units.
    public var size: Size { background.size }

    /// The fraction of the run that frame `frame` shows (0 before anything moves, 1 at the end).
    public func progress(atFrame frame: Int) -> Double { timing.progress(atFrame: frame, steps: steps) }

    /// The lead panel's step (or epoch) at frame `frame`.
    public func step(atFrame frame: Int) -> Int { AnimationSpec.step(at: progress(atFrame: frame), of: steps) }

    /// The last frame: the still of an animated spec.
    public var lastFrame: Figure { figure(atFrame: frameCount - 1) }

    /// The figure of frame `frame` (0-based): the background plus every panel's moving marks.
    public func figure(atFrame frame: Int) -> Figure {
        var figure = background
        let progress = progress(atFrame: frame)
        var counted = false
        for (k, animator) in animators.enumerated() {
            guard let animator else { continue }
            let step = AnimationSpec.step(at: progress, of: animator.steps)
            figure.panels[k] = animator.frame(figure.panels[k], step, !counted)
            counted = true
        }
        return figure
    }
}
