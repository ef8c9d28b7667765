import Plotting
import Simulation

extension PanelSpec {
    /// The surface in 3-D, shaded and coloured by height, with each run's path drawn on it where the camera
    /// can see it, a ring at each start and a star on each known minimum.
    func surfacePlot(theme: Theme) -> any FigurePanel { surfacePlot(traces(), theme: theme) }

    /// The 3-D plot with the paths of `traces`.
    func surfacePlot(_ traces: [Trace], theme: Theme) -> SurfacePlot3D {
        let surface = self.surface.surface
        let view = resolvedView
        let samples = surface.isCostly ? 61 : 121
        let grid = Grid(x: view.x, y: view.y, columns: samples, rows: samples) { surface.value(at: SIMD2($0, $1)) }
        let range = grid.finiteRange ?? 0...1
        let logarithmic = self.logarithmic ?? Self.prefersLogarithmic(grid)
        let styles = runStyles(theme: theme)
        var paths: [SurfacePlot3D.Trajectory] = []
        var markers: [SurfacePlot3D.Marker] = []
        var starts: [SIMD2<Double>] = []
        for (k, trace) in traces.enumerated() {
            paths.append(SurfacePlot3D.Trajectory(points: trace.points.map { Point($0.x, $0.y) }, color: styles[k].color,
                                                  width: theme.lineWidth, dash: styles[k].dash, label: styles[k].label))
            if let first = trace.points.first, !starts.contains(first), view.x.contains(first.x), view.y.contains(first.y) {
                starts.append(first)
                markers.append(.start(Point(first.x, first.y), color: theme.foreground, label: starts.count == 1 ? "start" : nil))
            }
        }
        for (k, minimum) in surface.minima.enumerated() where view.x.contains(minimum.x) && view.y.contains(minimum.y) {
            markers.append(.minimum(Point(minimum.x, minimum.y), label: k == 0 ? "minimum" : nil))
        }
        return SurfacePlot3D(
            value: { surface.value(at: SIMD2($0, $1)) }, xDomain: view.x, yDomain: view.y,
            colormap: colormap.flatMap { try? Colormap.named($0) }, norm: logarithmic ? .logarithmic(range) : .linear(range),
            camera: SurfacePlot3D.Camera(azimuth: camera.azimuth, elevation: camera.elevation, distance: camera.distance),
            wireframe: wireframe, title: title ?? "The surface \(surface.name)", xLabel: "$\(surface.axisNames.x)$", yLabel: "$\(surface.axisNames.y)$", zLabel: "$f$",
            paths: paths, markers: markers, legend: legend != "none")
    }
}

