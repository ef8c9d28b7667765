import Foundation
import Plotting
import Testing

/// The tests of `Sources/Plotting/ThreeD`, named after the folder (so `swift test --filter ThreeD` runs them).
enum ThreeD {}

extension ThreeD {
    /// The 3-D surface plot on the recording canvas: occlusion of paths and markers, projection and painting
    /// order, shading, and the axes' labels.
    @Suite struct SurfacePlot3DTests {}
}

// MARK: - Helpers

extension ThreeD.SurfacePlot3DTests {
    static let frame = Rect(x: 0, y: 0, width: 900, height: 600)

    /// A tall ridge along y at x = 0 over a flat floor: f = 5·exp(−x²/0.1).
    static let ridge: @Sendable (Double, Double) -> Double = { x, _ in 5 * exp(-x * x / 0.1) }

    /// Draws `plot` on a recording canvas of the test frame's size.
    static func record(_ plot: SurfacePlot3D, theme: Theme = .light) -> RecordingCanvas {
        let canvas = RecordingCanvas(size: Size(frame.width, frame.height))
        plot.draw(on: canvas, in: frame, theme: theme)
        return canvas
    }

    /// Every point of every path stroked in `color`.
    static func strokedPoints(_ canvas: RecordingCanvas, color: Color) -> [Point] {
        canvas.operations.flatMap { operation -> [Point] in
            guard case .stroke(let path, let style) = operation, style.color == color else { return [] }
            return path.elements.compactMap { element in
                switch element {
                case .move(let p), .line(let p): p
                default: nil
                }
            }
        }
    }

    /// The opaque four-cornered fills (the mesh's cells), in painting order: operation index, centroid of
    /// the corners, colour.
    static func cellFills(_ canvas: RecordingCanvas) -> [(index: Int, centroid: Point, color: Color)] {
        canvas.operations.enumerated().compactMap { index, operation in
            guard case .fill(let path, let color) = operation, color.alpha == 1 else { return nil }
            let corners = path.elements.compactMap { element -> Point? in
                switch element {
                case .move(let p), .line(let p): p
                default: nil
                }
            }
            guard corners.count == 4, path.elements.last == .close else { return nil }
            let sum = corners.reduce(Point(0, 0), +)
            return (index, sum * 0.25, color)
        }
    }

    /// The page centroid of the mesh cell with corners (x₀, y₀) and (x₁, y₁), as the plot computes it.
    static func cellCentroid(_ layout: SurfacePlot3D.Layout, _ f: (Double, Double) -> Double,
                             _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Point {
        let corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)].map { layout.position($0.0, $0.1, f($0.0, $0.1)) }
        return corners.reduce(Point(0, 0), +) * 0.25
    }

    static func distance(_ a: Point, _ b: Point) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }
}

// MARK: - Occlusion

extension ThreeD.SurfacePlot3DTests {
    /// Seen from the +x side just above the floor, the ridge at x = 0 hides everything behind it (x < 0):
    /// a path there is not drawn at all, while a path in front of the ridge is drawn along its length.
    @Test func pathBehindARidgeIsHidden() {
        let hidden = Palette.vermillion, shown = Palette.blue
        let plot = SurfacePlot3D(
            value: Self.ridge, xDomain: -2...2, yDomain: -2...2, camera: .init(azimuth: 0, elevation: 10),
            paths: [.init(points: [Point(-1.5, -1.5), Point(-1.5, 1.5)], color: hidden),
                    .init(points: [Point(1.5, -1.5), Point(1.5, 1.5)], color: shown)])
        let canvas = Self.record(plot)
        let layout = plot.layout(in: Self.frame, canvas: canvas, theme: .light)

        let behind = Self.strokedPoints(canvas, color: hidden)
        #expect(behind.count == 0, "points of the hidden path were drawn")

        let front = Self.strokedPoints(canvas, color: shown)
        #expect(front.count >= 2)
        // Every drawn point lies on the front path's projection, and the drawing spans its whole length.
        let line = stride(from: -1.5, through: 1.5, by: 0.01).map { layout.position(1.5, $0, Self.ridge(1.5, $0)) }
        let offLine = front.map { p in line.map { Self.distance($0, p) }.min()! }.max() ?? 0
        #expect(offLine < 1)
        let ends = (layout.position(1.5, -1.5, 0), layout.position(1.5, 1.5, 0))
        #expect(front.map { Self.distance($0, ends.0) }.min()! < 1)
        #expect(front.map { Self.distance($0, ends.1) }.min()! < 1)
    }

    /// The same scene seen from high above: nothing hides the path behind the ridge any more, so the test
    /// above would notice if occlusion hid too much or too little.
    @Test func pathBehindARidgeShowsFromAbove() {
        let hidden = Palette.vermillion
        let plot = SurfacePlot3D(value: Self.ridge, xDomain: -2...2, yDomain: -2...2, camera: .init(azimuth: 0, elevation: 75),
                                 paths: [.init(points: [Point(-1.5, -1.5), Point(-1.5, 1.5)], color: hidden)])
        #expect(Self.strokedPoints(Self.record(plot), color: hidden).count >= 2)
    }

    /// A path climbing over the ridge diagonally is drawn up the front face and stops at the crest.
    ///
    /// Seen from +x, page x grows with y, so the part behind the crest (y > 0) would be drawn to the right
    /// of the crest's page position.
    @Test func pathOverTheRidgeStopsAtTheCrest() {
        let color = Palette.bluishGreen
        // A fine mesh, so that the painted crest (on which the path lies) is within a pixel of f's.
        let plot = SurfacePlot3D(value: Self.ridge, xDomain: -2...2, yDomain: -2...2, resolution: 200,
                                 camera: .init(azimuth: 0, elevation: 10),
                                 paths: [.init(points: [Point(1.5, -1.5), Point(-1.5, 1.5)], color: color)])
        let canvas = Self.record(plot)
        let layout = plot.layout(in: Self.frame, canvas: canvas, theme: .light)
        let drawn = Self.strokedPoints(canvas, color: color)
        #expect(!drawn.isEmpty)
        // The visibility test lifts points by a thousandth of the box's height, which lets the path peek
        // about a hundredth of a unit over the rounded crest: 1.3 layout units here. The hidden half would
        // reach 100 units further.
        let crest = layout.position(0, 0, Self.ridge(0, 0))
        let beyond = drawn.map { $0.x - crest.x }.max() ?? 0
        #expect(beyond < 2, "drawn right of the crest")
        // Every drawn point lies on the front half's projection, which is drawn up to near the crest.
        let front = stride(from: 0.0, through: 1.5, by: 0.002).map { layout.position($0, -$0, Self.ridge($0, -$0)) }
        let offFront = drawn.map { p in front.map { Self.distance($0, p) }.min()! }.max() ?? 0
        #expect(offFront < 2)
        #expect(drawn.contains { Self.distance($0, layout.position(1.5, -1.5, Self.ridge(1.5, -1.5))) < 1 })
        #expect(drawn.contains { Self.distance($0, crest) < 3 })
    }

    /// A marker behind the ridge is not drawn; one in front is.
    @Test func markersBehindARidgeAreHidden() {
        let hidden = Palette.reddishPurple, shown = Palette.orange
        let plot = SurfacePlot3D(value: Self.ridge, xDomain: -2...2, yDomain: -2...2, camera: .init(azimuth: 0, elevation: 10),
                                 markers: [.start(Point(-1.5, 0), color: hidden), .start(Point(1.5, 0), color: shown)])
        let canvas = Self.record(plot)
        #expect(Self.strokedPoints(canvas, color: hidden).count == 0)
        #expect(!Self.strokedPoints(canvas, color: shown).isEmpty)
    }
}

// MARK: - Projection and painting order

extension ThreeD.SurfacePlot3DTests {
    /// Seen from the +x side, a point at x = 2 is nearer the camera than one at x = −2, and a higher point
    /// is higher on the page.
    @Test func nearPointsHaveSmallerDepth() {
        let plot = SurfacePlot3D(value: { _, _ in 0 }, xDomain: -2...2, yDomain: -2...2, zRange: 0...1,
                                 camera: .init(azimuth: 0, elevation: 30))
        let layout = plot.layout(in: Self.frame, canvas: RecordingCanvas(size: Size(900, 600)), theme: .light)
        #expect(layout.depth(2, 0, 0) < layout.depth(-2, 0, 0))
        #expect(layout.depth(0, 0, 0) < layout.depth(-2, 0, 0))
        #expect(layout.position(0, 0, 1).y < layout.position(0, 0, 0).y)
        // From the other side the order turns round.
        var behind = plot
        behind.camera.azimuth = 180
        let other = behind.layout(in: Self.frame, canvas: RecordingCanvas(size: Size(900, 600)), theme: .light)
        #expect(other.depth(2, 0, 0) > other.depth(-2, 0, 0))
        // Perspective: of two equal lengths, the nearer one looks longer.
        let near = Self.distance(layout.position(2, -1, 0), layout.position(2, 1, 0))
        let far = Self.distance(layout.position(-2, -1, 0), layout.position(-2, 1, 0))
        #expect(near > far * 1.05)
    }

    /// The painter's algorithm paints the farthest cell before the nearest, and on the whole far before near.
    @Test func farCellsArePaintedFirst() {
        let plane: @Sendable (Double, Double) -> Double = { x, y in 0.1 * x + 0.05 * y }
        let plot = SurfacePlot3D(value: plane, xDomain: -2...2, yDomain: -2...2, resolution: 10,
                                 camera: .init(azimuth: 0, elevation: 30))
        let canvas = Self.record(plot)
        let layout = plot.layout(in: Self.frame, canvas: canvas, theme: .light)
        let cells = Self.cellFills(canvas)
        #expect(cells.count == 100)
        func index(of centroid: Point) -> Int? {
            let best = cells.min { Self.distance($0.centroid, centroid) < Self.distance($1.centroid, centroid) }
            return best.flatMap { Self.distance($0.centroid, centroid) < 0.5 ? $0.index : nil }
        }
        let far = index(of: Self.cellCentroid(layout, plane, -2, -0.4, -1.6, 0))
        let near = index(of: Self.cellCentroid(layout, plane, 1.6, -0.4, 2, 0))
        #expect(far != nil && near != nil)
        if let far, let near { #expect(far < near) }
        // Seen from +x, near cells sit lower on the page: the first tenth painted is higher than the last.
        let first = cells.prefix(10).map(\.centroid.y).reduce(0, +), last = cells.suffix(10).map(\.centroid.y).reduce(0, +)
        #expect(first < last)
    }
}

// MARK: - Shading

extension ThreeD.SurfacePlot3DTests {
    /// On a roof f = 1 − |x| lit from the camera's side (+x), the face turned to the light is brighter
    /// than the face turned away, though both cells have the same value and so the same base colour.
    /// (The camera looks down steeply enough to see both faces from above: the roof's faces rise at 54°.)
    @Test func facesTowardsTheLightAreBrighter() throws {
        let roof: @Sendable (Double, Double) -> Double = { x, _ in 1 - abs(x) }
        let plot = SurfacePlot3D(value: roof, xDomain: -1...1, yDomain: -1...1, zRange: 0...1, resolution: 8,
                                 colormap: try Colormap.named("grey"), norm: .linear(-1...1),
                                 camera: .init(azimuth: 0, elevation: 70), lighting: .init(azimuth: 0, elevation: 20))
        let canvas = Self.record(plot)
        let layout = plot.layout(in: Self.frame, canvas: canvas, theme: .light)
        let cells = Self.cellFills(canvas)
        func color(near centroid: Point) -> Color? {
            let best = cells.min { Self.distance($0.centroid, centroid) < Self.distance($1.centroid, centroid) }
            return best.flatMap { Self.distance($0.centroid, centroid) < 0.5 ? $0.color : nil }
        }
        let lit = try #require(color(near: Self.cellCentroid(layout, roof, 0.25, 0, 0.5, 0.25)))
        let unlit = try #require(color(near: Self.cellCentroid(layout, roof, -0.5, 0, -0.25, 0.25)))
        #expect(lit.luminance > unlit.luminance * 1.5, "lit \(lit.luminance), unlit \(unlit.luminance)")
    }
}

// MARK: - Axes

extension ThreeD.SurfacePlot3DTests {
    /// Tick labels for x, y and z, the axis labels and the title are written, and no two texts overlap.
    @Test func tickLabelsAreWritten() {
        let plot = SurfacePlot3D(value: Self.ridge, xDomain: -2...2, yDomain: -1...3, title: "Ridge", xLabel: "$x$",
                                 yLabel: "$y$", zLabel: "loss")
        let canvas = Self.record(plot)
        let texts = canvas.texts
        for text in ["Ridge", "x", "y", "loss"] { #expect(texts.contains(text), "\(text)") }
        // x: −2…2, y: −1…3, z: 0…5 (each axis's first and last tick may give way to another axis's label).
        #expect(["−1", "0", "1"].allSatisfy(texts.contains))
        #expect(texts.contains("3"))
        #expect(texts.contains("4") || texts.contains("5"))
        #expect(texts.filter { $0 == "0" }.count >= 2)

        var boxes: [(String, Rect)] = []
        for operation in canvas.operations {
            guard case .text(let text, let origin, let font, _, let angle) = operation, angle == 0 else { continue }
            let m = canvas.measure(text, font: font)
            boxes.append((text, Rect(x: origin.x, y: origin.y - m.ascent, width: m.width, height: m.height)))
        }
        for (k, a) in boxes.enumerated() {
            for b in boxes[(k + 1)...] { #expect(!a.1.intersects(b.1), "\(a.0) overlaps \(b.0)") }
            #expect(Self.frame.contains(Point(a.1.minX, a.1.minY)) && Self.frame.contains(Point(a.1.maxX, a.1.maxY)),
                    "\(a.0) sticks out of the frame")
        }
    }

    /// Every theme draws the panes, mesh and labels; a frame too small to hold the plot draws nothing.
    @Test func themesAndTinyFrames() {
        for theme in Theme.all {
            let plot = SurfacePlot3D(value: Self.ridge, xDomain: -2...2, yDomain: -2...2, resolution: 12)
            let canvas = Self.record(plot, theme: theme)
            #expect(Self.cellFills(canvas).count == 144)
            #expect(canvas.texts.contains { $0.hasPrefix("−") }, "\(theme.name)")
        }
        let canvas = RecordingCanvas(size: Size(8, 8))
        let plot = SurfacePlot3D(value: Self.ridge, xDomain: -2...2, yDomain: -2...2)
        plot.draw(on: canvas, in: Rect(x: 0, y: 0, width: 8, height: 8), theme: .light)
        #expect(canvas.operations.isEmpty)
    }

    /// Cells with a corner where f is not finite are left out; the rest of the surface is drawn.
    @Test func nonFiniteValuesLeaveHoles() {
        let holed: @Sendable (Double, Double) -> Double = { x, y in x > 0.2 && y > 0.2 ? .nan : x * x + y * y }
        let canvas = Self.record(SurfacePlot3D(value: holed, xDomain: -1...1, yDomain: -1...1, resolution: 4))
        // Nodes lie at −1, −0.5, 0, 0.5, 1: the four at x, y ∈ {0.5, 1} have no value, and they touch the
        // four cells of the quarter x, y > 0; the other twelve cells are painted.
        #expect(Self.cellFills(canvas).count == 12)
    }
}
