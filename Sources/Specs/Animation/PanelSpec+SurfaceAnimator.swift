import Plotting
import Simulation

extension PanelSpec {
    /// Paths and heads draped over the 3-D surface.
    func surfaceAnimator(_ full: SurfacePlot3D, _ runs: [RunRecord], runSet: RunSet, theme: Theme, trail: Int) -> PanelAnimator {
        let traces = runs.map(\.trace)
        let scheduled = runSet.isScheduled
        var base = full
        base.paths = []
        let fixedMarkers = full.markers
        base.markers = []
        let steps = runSet.longest
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
}
