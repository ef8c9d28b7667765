import Plotting
import Simulation

extension PanelSpec {
    /// The surface in 3-D, shaded and coloured by height, with each run's path drawn on it where the camera
    /// can see it, a ring at each start and a star on each known minimum.
    func surfacePlot(_ panel: Surface3DPanel, _ runs: [RunRecord], theme: Theme) -> SurfacePlot3D {
        let surface = panel.runs.surface.surface
        let view = panel.style.view
        let traces = runs.map(\.trace)
        let samples = surface.isCostly ? 61 : 121
        let grid = Grid(x: view.x, y: view.y, columns: samples, rows: samples) { surface.value(at: SIMD2($0, $1)) }
        let range = grid.finiteRange ?? 0...1
        let logarithmic = panel.style.isLogarithmic(grid)
        let styles = runStyles(runs, theme: theme)
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
            colormap: panel.style.colormap, norm: logarithmic ? .logarithmic(range) : .linear(range),
            camera: SurfacePlot3D.Camera(azimuth: panel.camera.azimuth, elevation: panel.camera.elevation, distance: panel.camera.distance),
            wireframe: panel.wireframe, title: title ?? "The surface \(surface.name)", xLabel: "$\(surface.axisNames.x)$", yLabel: "$\(surface.axisNames.y)$", zLabel: "$f$",
            paths: paths, markers: markers, legend: legend != .none)
    }
}

