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

    /// Simulates `spec` and prepares its frames, drawn in `theme`.
    public init(spec: FigureSpec, theme: Theme, transparent: Bool = false) {
        self.spec = spec
        self.theme = theme
        let timing = spec.animation ?? AnimationSpec()
        self.timing = timing
        let animators = spec.panels.map { $0.animator(theme: theme, trail: timing.trail) }
        var built: [any FigurePanel] = []
        for (panel, animator) in zip(spec.panels, animators) { built.append(animator?.base ?? panel.panel(theme: theme)) }
        background = spec.figure(built, theme: theme, transparent: transparent)
        self.animators = animators
        steps = animators.compactMap { $0 }.first?.steps ?? spec.steps
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

/// How one panel moves: its static part, its step count and a function drawing step s over a copy of it.
struct PanelAnimator: Sendable {
    /// The panel with no moving marks.
    var base: any FigurePanel
    /// The steps (or epochs) the panel runs through.
    var steps: Int
    /// The panel at a step, with the counter when asked: (static panel, step, counter) → panel.
    var frame: @Sendable (any FigurePanel, Int, Bool) -> any FigurePanel
}

extension PanelSpec {
    /// How this panel animates, or nil when it does not move.
    func animator(theme: Theme, trail: Int) -> PanelAnimator? {
        switch kind {
        case .trajectories: racingAnimator(theme: theme, trail: trail, velocity: false)
        case .stateOverlay where overlay == .velocity: racingAnimator(theme: theme, trail: trail, velocity: true)
        case .surface3d: surfaceAnimator(theme: theme, trail: trail)
        case .loss, .stateOverlay:
            (panel(theme: theme) as? Chart).map {
                revealAnimator($0, steps: runs.map { $0.steps ?? steps }.max() ?? steps, readout: kind == .loss ? "loss " : nil)
            }
        case .schedules: schedulesAnimator(theme: theme)
        case .trainingCurves: trainingAnimator(theme: theme)
        case .gradientField, .l2Fits, .l2Sweep, .l2Contours: nil
        }
    }

    // MARK: - Optimizers on a surface

    /// Trails, heads and read-outs over the surface; with `velocity`, arrows of −v and −∇f at the heads.
    private func racingAnimator(theme: Theme, trail: Int, velocity: Bool) -> PanelAnimator {
        let traces = traces(recordState: velocity)
        let styles = runStyles(theme: theme)
        let view = resolvedView
        let scheduled = runs.contains { $0.schedule != nil }
        let surface = self.surface.surface
        var base = trajectoriesBase(theme: theme)
        if velocity { base.title = title ?? "Velocity and gradient along the path" }
        // The legend and counter keep clear of the whole run.
        base.placementPoints = traces.flatMap { $0.points.map { Point($0.x, $0.y) } }
            + surface.minima.map { Point($0.x, $0.y) }
        // One arrow scale for the whole animation: the largest velocity spans a seventh of the plot.
        let velocities: [[SIMD2<Double>?]] = traces.map { trace in
            (trace.state ?? []).map { state in
                guard let v = state.vector("momentum_buffer") ?? state.vector("exp_avg"), v.count == 2 else { return nil }
                return SIMD2(v[0], v[1])
            }
        }
        let reference = velocities.joined().compactMap { $0.map { ($0 * $0).sum().squareRoot() } }.filter(\.isFinite).max() ?? 1
        let maxSteps = runs.map { $0.steps ?? steps }.max() ?? steps
        let starts = startMarks(traces, theme: theme, view: view), minima = minimumMarks(theme: theme, view: view)
        return PanelAnimator(base: base, steps: maxSteps) { panel, step, counted in
            guard var chart = panel as? Chart else { return panel }
            var marks: [Mark] = []
            var heads: [Mark] = []
            var arrows: [Mark] = []
            var divergedAny = false
            for (k, trace) in traces.enumerated() {
                let style = styles[k]
                let last = min(step, trace.points.count - 1)
                let first = trail > 0 ? max(0, last - trail) : 0
                var line = LineMark(points: trace.points[first...last].map { Point($0.x, $0.y) }, color: style.color, width: theme.lineWidth,
                                    dash: style.dash, label: style.label, fades: trail > 0)
                line.detail = Self.readout(trace, at: last, scheduled: scheduled)
                marks.append(.line(line))
                let head = trace.points[last]
                if trace.divergedAt != nil && step > last {
                    heads.append(.marker(MarkerMark(point: Point(head.x, head.y), shape: .cross, size: theme.fontSize * 1.1, fill: style.color,
                                                    stroke: theme.background, label: divergedAny ? nil : "diverged")))
                    divergedAny = true
                } else {
                    heads.append(.marker(MarkerMark(point: Point(head.x, head.y), shape: .circle, size: theme.lineWidth * 4.5, fill: style.color,
                                                    stroke: theme.background)))
                }
                if velocity, last > 0, last - 1 < velocities[k].count, let v = velocities[k][last - 1] {
                    let g = surface.gradient(at: head)
                    arrows.append(.arrows(ArrowMark(origins: [Point(head.x, head.y)], vectors: [Point(-v.x, -v.y)], longest: 1.0 / 7,
                                                    color: style.color, width: theme.lineWidth * 0.9, label: k == 0 ? "velocity −v" : nil,
                                                    reference: reference)))
                    arrows.append(.arrows(ArrowMark(origins: [Point(head.x, head.y)], vectors: [Point(-g.x, -g.y)], longest: 1.0 / 7,
                                                    color: theme.foreground.withAlpha(0.8), width: theme.lineWidth * 0.7,
                                                    label: k == 0 ? "gradient −∇f" : nil, reference: reference)))
                }
            }
            chart.foregroundMarks = marks + arrows + starts + heads + minima
            chart.counter = counted ? Self.counterText("step", step, of: maxSteps) : nil
            return chart
        }
    }

    /// Rings on the runs' distinct starts inside the view.
    private func startMarks(_ traces: [Trace], theme: Theme, view: ViewWindow) -> [Mark] {
        var starts: [SIMD2<Double>] = []
        for trace in traces { if let first = trace.points.first, !starts.contains(first) { starts.append(first) } }
        return starts.filter { view.x.contains($0.x) && view.y.contains($0.y) }.enumerated().map { k, start in
            .marker(MarkerMark(point: Point(start.x, start.y), shape: .circle, size: theme.fontSize * 0.8, fill: theme.background,
                               stroke: theme.foreground, label: k == 0 ? "start" : nil))
        }
    }

    /// Paths and heads draped over the 3-D surface.
    private func surfaceAnimator(theme: Theme, trail: Int) -> PanelAnimator {
        let traces = traces()
        let scheduled = runs.contains { $0.schedule != nil }
        let full = surfacePlot(traces, theme: theme)
        var base = full
        base.paths = []
        let fixedMarkers = full.markers
        base.markers = []
        let steps = runs.map { $0.steps ?? self.steps }.max() ?? self.steps
        return PanelAnimator(base: base, steps: steps) { panel, step, counted in
            guard var plot = panel as? SurfacePlot3D else { return panel }
            plot.paths = zip(full.paths, traces).map { path, trace in
                var path = path
                let last = min(step, trace.points.count - 1)
                let first = trail > 0 ? max(0, last - trail) : 0
                path.points = Array(path.points[first...last])
                path.fades = trail > 0
                path.detail = Self.readout(trace, at: last, scheduled: scheduled)
                return path
            }
            plot.markers = fixedMarkers + zip(full.paths, traces).map { path, trace in
                let head = trace.points[min(step, trace.points.count - 1)]
                return SurfacePlot3D.Marker(point: Point(head.x, head.y), shape: .circle, fill: path.color, stroke: theme.background,
                                            size: theme.lineWidth * 4.5)
            }
            plot.counter = counted ? Self.counterText("step", step, of: steps) : nil
            return plot
        }
    }

    // MARK: - Curves against step

    /// A chart whose marks are revealed from left to right: the marks of `full` up to the current step, with a
    /// dot at the end of each labelled line.
    private func revealAnimator(_ full: Chart, steps: Int, readout: String?) -> PanelAnimator {
        var base = full
        let moving = full.marks.filter { if case .annotation = $0 { false } else { true } }
        base.marks = full.marks.filter { if case .annotation = $0 { true } else { false } }
        base.placementPoints = Self.points(of: moving)
        let domain = full.xDomain
        return PanelAnimator(base: base, steps: steps) { panel, step, counted in
            guard var chart = panel as? Chart else { return panel }
            let x = domain.lowerBound + (domain.upperBound - domain.lowerBound) * Double(step) / Double(max(1, steps))
            chart.foregroundMarks = Self.reveal(moving, upTo: x, readout: readout)
            chart.counter = counted ? Self.counterText("step", step, of: steps) : nil
            return chart
        }
    }

    /// The schedules, faint in full, bold up to the current step, with the current lr as a dot and in the legend.
    private func schedulesAnimator(theme: Theme) -> PanelAnimator {
        let full = schedulesChart(theme: theme)
        var base = full
        var moving: [Mark] = []
        base.marks = []
        for mark in full.marks {
            switch mark {
            case .line(var line):
                moving.append(mark)
                line.label = nil
                line.color = line.color.withAlpha(line.color.alpha * 0.25)
                base.marks.append(.line(line))
            case .annotation: base.marks.append(mark)
            default: moving.append(mark)
            }
        }
        base.placementPoints = Self.points(of: moving)
        // Cycled momentum on the second axis moves the same way: faint in full, bold up to the step.
        let momentum = full.secondary?.marks ?? []
        base.secondary?.marks = momentum.map { mark in
            guard case .line(var line) = mark else { return mark }
            line.label = nil
            line.color = line.color.withAlpha(line.color.alpha * 0.25)
            return .line(line)
        }
        // The same clock as the runs of a linked panel: at step s the curve shows the lr after s scheduler steps,
        // the value a scheduled run's read-out shows at its step s.
        let steps = self.steps
        let curves = moving
        return PanelAnimator(base: base, steps: steps) { panel, step, counted in
            guard var chart = panel as? Chart else { return panel }
            chart.foregroundMarks = Self.reveal(curves, upTo: Double(step), readout: "lr ")
            chart.secondary?.foregroundMarks = Self.reveal(momentum, upTo: Double(step), readout: "")
            chart.counter = counted ? Self.counterText("step", step, of: steps) : nil
            return chart
        }
    }

    /// Training and validation loss growing epoch by epoch, with the best epoch so far ringed and early
    /// stopping marked when it fires.
    private func trainingAnimator(theme: Theme) -> PanelAnimator? {
        guard let run = trainingRun() else { return nil }
        var base = trainingChart(run, theme: theme)
        base.marks = base.marks.filter { if case .annotation = $0 { true } else { false } }
        let epochs = run.epochs
        let lastEpoch = epochs.last?.epoch ?? 1
        let yDomain = base.yDomain
        // The legend keeps clear of the curves and of the labels that the best-epoch and stop rules get at the
        // top of the plot.
        base.placementPoints = epochs.flatMap { record in
            [Point(Double(record.epoch), record.trainLoss)] + (record.validationLoss.map { [Point(Double(record.epoch), $0)] } ?? [])
        } + [run.bestEpoch, run.stopEpoch].compactMap { $0 }.map { Point(Double($0), yDomain.upperBound) }
        return PanelAnimator(base: base, steps: max(1, lastEpoch)) { panel, epoch, counted in
            guard var chart = panel as? Chart else { return panel }
            let shown = epochs.filter { $0.epoch <= epoch }
            let train = shown.map { Point(Double($0.epoch), $0.trainLoss) }
            let validation = shown.compactMap { record in record.validationLoss.map { Point(Double(record.epoch), $0) } }
            var marks: [Mark] = []
            let stopped = run.stopEpoch.map { epoch >= $0 } ?? false
            if stopped, let best = run.bestEpoch, let stop = run.stopEpoch {
                marks.append(.band(BandMark(xs: [Double(best), Double(stop)], lower: [yDomain.lowerBound, yDomain.lowerBound],
                                            upper: [yDomain.upperBound, yDomain.upperBound], color: theme.foreground.withAlpha(0.07),
                                            label: "patience window")))
            }
            var trainLine = LineMark(points: train, color: Palette.blue, width: theme.lineWidth, label: "training loss")
            trainLine.detail = train.last.map { Self.scientific($0.y) }
            var validationLine = LineMark(points: validation, color: Palette.vermillion, width: theme.lineWidth, label: "validation loss")
            validationLine.detail = validation.last.map { Self.scientific($0.y) }
            marks += [.line(trainLine), .line(validationLine)]
            for (points, color) in [(train, Palette.blue), (validation, Palette.vermillion)] {
                if let end = points.last {
                    marks.append(.marker(MarkerMark(point: end, shape: .circle, size: theme.lineWidth * 3.6, fill: color, stroke: theme.background)))
                }
            }
            // The best epoch so far, on the monitored curve (validation when there is one).
            let monitored = (validation.isEmpty ? train : validation).filter { $0.x >= 1 }
            if let best = monitored.min(by: { $0.y < $1.y }) {
                let label = stopped ? (run.restoredBest ? "restored checkpoint" : "best") : "best so far"
                if stopped { marks.append(.rule(RuleMark(x: best.x, label: "best epoch \(Int(best.x))", color: Palette.bluishGreen))) }
                marks.append(.marker(MarkerMark(point: best, shape: .circle, size: theme.fontSize * 1.0, fill: theme.background,
                                                stroke: Palette.bluishGreen, label: label)))
            }
            if stopped, let stop = run.stopEpoch {
                marks.append(.rule(RuleMark(x: Double(stop), label: "early stop at \(stop)", color: theme.foreground.withAlpha(0.7))))
            }
            chart.foregroundMarks = marks
            chart.counter = counted ? Self.counterText("epoch", epoch, of: lastEpoch) : nil
            return chart
        }
    }

    // MARK: - Helpers

    /// The marks as they stand at x: lines cut after x (kept, even empty, so the legend stays), with a dot at
    /// the end of each labelled one and, with a `readout` prefix, its current value in the legend; markers,
    /// rules, bars and bands that lie at or before x.
    static func reveal(_ marks: [Mark], upTo x: Double, readout: String? = nil) -> [Mark] {
        var shown: [Mark] = []
        var dots: [Mark] = []
        for mark in marks {
            switch mark {
            case .line(var line):
                line.points = line.points.filter { $0.x <= x + 1e-9 }
                if line.label != nil, let end = line.points.last(where: { $0.y.isFinite }) {
                    dots.append(.marker(MarkerMark(point: end, shape: .circle, size: line.width * 3.2, fill: line.color.withAlpha(1),
                                                   stroke: .white)))
                    if let readout { line.detail = readout + scientific(end.y) }
                }
                shown.append(.line(line))
            case .marker(let marker): if marker.point.x <= x + 1e-9 { shown.append(mark) }
            case .rule(let rule): if rule.x <= x + 1e-9 { shown.append(mark) }
            case .band(let band): if (band.xs.last ?? .infinity) <= x + 1e-9 { shown.append(mark) }
            case .bars(var bars):
                let keep = bars.xs.indices.filter { bars.xs[$0] - bars.width / 2 <= x + 1e-9 }
                bars.xs = keep.map { bars.xs[$0] }
                bars.heights = keep.map { bars.heights[$0] }
                shown.append(.bars(bars))
            default: shown.append(mark)
            }
        }
        return shown + dots
    }

    /// The data points of lines and markers (where an animation's legend should not go).
    static func points(of marks: [Mark]) -> [Point] {
        marks.flatMap { mark -> [Point] in
            switch mark {
            case .line(let line): line.points
            case .marker(let marker): [marker.point]
            default: []
            }
        }
    }

    /// A run's loss at point `index` (and the learning rate of the step from it, when runs are scheduled).
    static func readout(_ trace: Trace, at index: Int, scheduled: Bool) -> String {
        let loss = index < trace.losses.count ? trace.losses[index] : .nan
        var text = "loss " + scientific(loss)
        if scheduled, let lr = index < trace.lrs.count ? trace.lrs[index] : trace.lrs.last { text += "   lr " + scientific(lr) }
        return text
    }

    /// `unit` and the step, right-aligned in the width of `total`'s digits with figure spaces (so the box
    /// does not change size as the count grows): "step  42".
    static func counterText(_ unit: String, _ step: Int, of total: Int) -> String {
        let digits = String(step), width = String(max(total, step)).count
        return unit + " " + String(repeating: "\u{2007}", count: max(0, width - digits.count)) + digits
    }

    /// A value as d.dd e±XX, with a true minus sign (the same width as the plus) so that read-outs keep
    /// their width from frame to frame; "—" for a value that is not finite.
    static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == 0 { return "0.00e+00" }
        var exponent = Int(log10(abs(value)).rounded(.down))
        var mantissa = (abs(value) / pow(10, Double(exponent)) * 100).rounded() / 100
        if mantissa >= 10 {
            exponent += 1
            mantissa /= 10
        }
        let whole = Int(mantissa), hundredths = Int((mantissa * 100).rounded()) - whole * 100
        let digits = "\(whole).\(hundredths < 10 ? "0" : "")\(hundredths)"
        let power = abs(exponent) < 10 ? "0\(abs(exponent))" : "\(abs(exponent))"
        return (value < 0 ? "\u{2212}" : "") + digits + "e" + (exponent < 0 ? "\u{2212}" : "+") + power
    }
}
