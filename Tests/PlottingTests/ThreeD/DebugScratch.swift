@testable import Plotting
import Testing

@Test func debugScratch3D() {
    let plot = SurfacePlot3D(value: { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }, xDomain: -2...2, yDomain: -1...3)
    let canvas = RecordingCanvas(size: Size(960, 640))
    let layout = plot.layout(in: Rect(x: 0, y: 0, width: 960, height: 640), canvas: canvas, theme: .light)
    for axis in layout.axes { print(axis.kind, axis.ticks.map(\.label), axis.showsLabel, axis.labelFrames, axis.outward) }
}
