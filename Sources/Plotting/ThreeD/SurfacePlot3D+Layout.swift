#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SurfacePlot3D {
    /// Where a 3-D plot lands in its frame: the camera's projection, scaled and centred so that the box,
    /// its tick labels and axis labels fill the frame, and where those labels go.
    ///
    /// A data point (x, y, z) is normalised to the scene point p = (2(x − x₀)/(x₁ − x₀) − 1,
    /// 2(y − y₀)/(y₁ − y₀) − 1, h·(2(z − z₀)/(z₁ − z₀) − 1)), projected to the image plane (u, v) by the
    /// ``Camera``, and placed at (oₓ + s·u, o_y − s·v) on the page. The scale s is the largest for which
    /// every box corner and every label rectangle fits in ``plotArea``; it is found exactly, by taking for
    /// each pair of items the bound s ≤ (W − rᵢ.maxX + rⱼ.minX)/(uᵢ − uⱼ) (and the same vertically), since
    /// labels keep their size in layout units while the box scales.
    public struct Layout: Sendable {
        /// The frame the plot was laid out in.
        public let frame: Rect
        /// The part of the frame the box and its labels are fitted into (the frame less margins and title).
        public let plotArea: Rect
        let projection: Projection3D
        let xDomain: ClosedRange<Double>
        let yDomain: ClosedRange<Double>
        let zRange: ClosedRange<Double>
        let halfHeight: Double
        /// s: layout units per image-plane unit.
        let scale: Double
        /// (oₓ, o_y): where the image plane's origin lands.
        let offset: Point
        /// The axes with their ticks and labels, x then y then z.
        var axes: [AxisLayout]
        /// The back panes: the x of the pane across x, the y of the pane across y, the z of the floor (or
        /// lid, seen from below).
        let backX: Double, backY: Double, backZ: Double

        /// The page position of the data point (x, y, z).
        ///
        /// - Returns: the point in layout units (y down). Values outside the domains or z range land
        ///   outside the box; nothing is clamped.
        public func position(_ x: Double, _ y: Double, _ z: Double) -> Point {
            screen(scene(x, y, z))
        }

        /// How far in front of the camera the data point (x, y, z) lies, along the view direction:
        /// (p − eye)·f in scene units. Smaller is nearer.
        public func depth(_ x: Double, _ y: Double, _ z: Double) -> Double {
            projection.depth(scene(x, y, z))
        }

        /// The scene point of data point (x, y, z) (see the type's discussion).
        func scene(_ x: Double, _ y: Double, _ z: Double) -> Vector3 {
            Vector3(2 * (x - xDomain.lowerBound) / (xDomain.upperBound - xDomain.lowerBound) - 1,
                    2 * (y - yDomain.lowerBound) / (yDomain.upperBound - yDomain.lowerBound) - 1,
                    halfHeight * (2 * (z - zRange.lowerBound) / (zRange.upperBound - zRange.lowerBound) - 1))
        }

        /// The page position of scene point `p`.
        func screen(_ p: Vector3) -> Point {
            let (u, v) = projection.project(p)
            return Point(offset.x + scale * u, offset.y - scale * v)
        }
    }

    /// An axis as laid out: the edge of the box it runs along, its ticks and where their labels go.
    struct AxisLayout: Sendable {
        enum Kind: Sendable { case x, y, z }
        var kind: Kind
        /// Ticks inside the axis's range, with their scene positions on the edge.
        var ticks: [Tick]
        var tickPoints: [Vector3]
        /// Unit page direction pointing away from the box, in which ticks and labels stand off.
        var outward: Point
        /// Whether each tick's label is drawn (labels colliding with another axis's are dropped).
        var showsLabel: [Bool]
        /// Each tick label's box on the page.
        var labelFrames: [Rect]
        /// The axis label: text, centre and angle.
        var title: (text: MathText, center: Point, angle: Double)?
    }

    /// Lays the plot out in `frame`: the box's scale and position and where ticks and labels go.
    ///
    /// - Parameters:
    ///   - frame: the area the plot fills.
    ///   - canvas: used to measure text.
    ///   - theme: fonts.
    /// - Returns: the layout (a degenerate one, with zero scale, when the frame is too small).
    public func layout(in frame: Rect, canvas: any Canvas, theme: Theme) -> Layout {
        let field = heightField()
        return makeLayout(field: field, frame: frame, canvas: canvas, theme: theme)
            ?? emptyLayout(field: field, frame: frame)
    }

    // MARK: - Building the layout

    /// Page sizes used by the layout, from the theme.
    struct Metrics {
        let tickFont: Font
        let labelFont: Font
        let titleFont: Font
        let pad: Double
        let tickLength: Double

        init(_ theme: Theme) {
            tickFont = theme.font(0.95)
            labelFont = theme.font(1.0)
            titleFont = theme.font(1.2, bold: true)
            pad = theme.fontSize * 0.6
            tickLength = theme.fontSize * 0.35
        }
    }

    /// An axis before it is placed: everything measured relative to points that move with the scale.
    private struct AxisPlan {
        var kind: AxisLayout.Kind
        var start: Vector3
        var end: Vector3
        var outward: Point
        var ticks: [Tick]
        var tickPoints: [Vector3]
        /// Each tick label's box relative to its tick's page position.
        var labelBoxes: [Rect]
        /// The axis label, its box relative to the page position of the edge's middle, and its angle.
        var title: (text: MathText, box: Rect, angle: Double)?
    }

    /// The layout in `frame`, or nil when the frame is too small to draw in.
    func makeLayout(field: HeightField, frame: Rect, canvas: any Canvas, theme: Theme) -> Layout? {
        let h = field.halfHeight
        let projection = Projection3D(camera: camera, sceneRadius: (2 + h * h).squareRoot())
        let m = Metrics(theme)
        let titleHeight = title == nil ? 0 : canvas.measure("Xg", font: m.titleFont).height + m.pad
        let area = frame.inset(top: m.pad + titleHeight, left: m.pad, bottom: m.pad, right: m.pad)
        guard area.width > 10, area.height > 10, xDomain.upperBound > xDomain.lowerBound,
              yDomain.upperBound > yDomain.lowerBound else { return nil }

        let sx = projection.eye.x >= 0 ? 1.0 : -1.0, sy = projection.eye.y >= 0 ? 1.0 : -1.0
        let corners = [-1.0, 1].flatMap { x in [-1.0, 1].flatMap { y in [-h, h].map { z in Vector3(x, y, z) } } }
        let cornerItems = corners.map { corner -> FitItem in
            let (u, v) = projection.project(corner)
            return FitItem(u: u, v: v, box: Rect(x: 0, y: 0, width: 0, height: 0))
        }
        // The vertical edge for z: the one furthest left on the page, on the box's outline.
        let zCorner = [Vector3(-1, -1, 0), Vector3(1, -1, 0), Vector3(1, 1, 0), Vector3(-1, 1, 0)].min { a, b in
            projection.project(Vector3(a.x, a.y, -h)).u + projection.project(Vector3(a.x, a.y, h)).u
                < projection.project(Vector3(b.x, b.y, -h)).u + projection.project(Vector3(b.x, b.y, h)).u
        }!

        // The x and y ticks run along the bottom edges on the page's lower outline: the front ones seen
        // from above, the back ones seen from below (where nearer edges appear higher).
        let (ex, ey) = projection.eye.z >= 0 ? (sx, sy) : (-sx, -sy)
        let edges: [(AxisLayout.Kind, Vector3, Vector3, Vector3, ClosedRange<Double>, String?)] = [
            (.x, Vector3(-1, ey, -h), Vector3(1, ey, -h), Vector3(0, ey, -0.3), xDomain, xLabel),
            (.y, Vector3(ex, -1, -h), Vector3(ex, 1, -h), Vector3(ex, 0, -0.3), yDomain, yLabel),
            (.z, Vector3(zCorner.x, zCorner.y, -h), Vector3(zCorner.x, zCorner.y, h), Vector3(zCorner.x, zCorner.y, 0),
             field.zRange, zLabel),
        ]

        // Fit the bare box first, then choose ticks for its size and fit again with the labels.
        guard var fit = fitItems(cornerItems, in: area.inset(by: theme.fontSize * 3)) ?? fitItems(cornerItems, in: area)
        else { return nil }
        var plans: [AxisPlan] = []
        for _ in 0..<2 {
            plans = edges.map { kind, start, end, outward, domain, label in
                plan(kind, start, end, outward, domain, label, field, projection, scale: fit.scale, canvas, m, theme)
            }
            var items = cornerItems
            for plan in plans {
                for (point, box) in zip(plan.tickPoints, plan.labelBoxes) {
                    let (u, v) = projection.project(point)
                    items.append(FitItem(u: u, v: v, box: box))
                }
                if let title = plan.title {
                    let (u, v) = projection.project((plan.start + plan.end) * 0.5)
                    items.append(FitItem(u: u, v: v, box: title.box))
                }
            }
            guard let next = fitItems(items, in: area) else { return nil }
            fit = next
        }

        var layout = Layout(frame: frame, plotArea: area, projection: projection, xDomain: xDomain, yDomain: yDomain,
                            zRange: field.zRange, halfHeight: h, scale: fit.scale, offset: fit.offset, axes: [],
                            backX: -sx, backY: -sy, backZ: projection.eye.z >= 0 ? -h : h)
        // Place the labels; drop tick labels that run into an earlier axis's labels. The z axis goes first:
        // where it meets the x or y axis at a corner, the loss's scale matters more than the domain's end.
        var taken: [Rect] = []
        var axes: [AxisLayout] = []
        for plan in [plans[2], plans[0], plans[1]] {
            var frames: [Rect] = [], shows: [Bool] = []
            for (point, box) in zip(plan.tickPoints, plan.labelBoxes) {
                let at = layout.screen(point)
                let frame = Rect(x: at.x + box.minX, y: at.y + box.minY, width: box.width, height: box.height)
                frames.append(frame)
                shows.append(!taken.contains { $0.intersects(frame.inset(by: -m.pad * 0.3)) })
            }
            taken += zip(frames, shows).filter(\.1).map(\.0)
            // The axis label too gives way to labels placed before it (as on an axis seen end-on).
            var axisTitle: (text: MathText, center: Point, angle: Double)?
            if let title = plan.title {
                let middle = layout.screen((plan.start + plan.end) * 0.5)
                let frame = Rect(x: middle.x + title.box.minX, y: middle.y + title.box.minY, width: title.box.width,
                                 height: title.box.height)
                if !taken.contains(where: { $0.intersects(frame) }) {
                    axisTitle = (title.text, middle + title.box.center, title.angle)
                    taken.append(frame)
                }
            }
            axes.append(AxisLayout(kind: plan.kind, ticks: plan.ticks, tickPoints: plan.tickPoints, outward: plan.outward,
                                   showsLabel: shows, labelFrames: frames, title: axisTitle))
        }
        layout.axes = [axes[1], axes[2], axes[0]]
        return layout
    }

    /// A layout that draws nothing: for frames too small to hold the plot.
    private func emptyLayout(field: HeightField, frame: Rect) -> Layout {
        let h = field.halfHeight
        let projection = Projection3D(camera: camera, sceneRadius: (2 + h * h).squareRoot())
        return Layout(frame: frame, plotArea: frame, projection: projection,
                      xDomain: xDomain, yDomain: yDomain, zRange: field.zRange, halfHeight: h, scale: 0,
                      offset: frame.center, axes: [], backX: -1, backY: -1, backZ: -h)
    }

    /// Chooses an axis's ticks for the box drawn at `scale` and measures where their labels go.
    ///
    /// The axis gets as many ticks (up to 7) as fit with their labels apart.
    private func plan(_ kind: AxisLayout.Kind, _ start: Vector3, _ end: Vector3, _ outward3D: Vector3,
                      _ domain: ClosedRange<Double>, _ label: String?, _ field: HeightField, _ projection: Projection3D,
                      scale: Double, _ canvas: any Canvas, _ m: Metrics, _ theme: Theme) -> AxisPlan {
        let middle = (start + end) * 0.5
        let (mu, mv) = projection.project(middle)
        let (ou, ov) = projection.project(middle + outward3D * 0.25)
        var outward = Point(ou - mu, -(ov - mv))
        let outwardLength = (outward.x * outward.x + outward.y * outward.y).squareRoot()
        outward = outwardLength > 1e-9 ? outward * (1 / outwardLength) : Point(0, 1)

        let (su, sv) = projection.project(start), (eu, ev) = projection.project(end)
        let edge = Point((eu - su) * scale, -(ev - sv) * scale)
        let gap = m.tickLength + m.pad * 0.4
        let ascent = canvas.measure("0", font: m.tickFont).ascent, descent = canvas.measure("0", font: m.tickFont).descent

        func point(_ value: Double) -> Vector3 {
            let t: Double
            switch kind {
            case .x, .y: t = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
            case .z: t = (field.normalizedHeight(value) + field.halfHeight) / (2 * field.halfHeight)
            }
            return start + (end - start) * t
        }
        func box(_ text: String) -> Rect {
            let width = canvas.measure(text, font: m.tickFont).width, height = ascent + descent
            let reach = gap + abs(outward.x) * width / 2 + abs(outward.y) * height / 2
            return Rect(x: outward.x * reach - width / 2, y: outward.y * reach - height / 2, width: width, height: height)
        }

        // Of the tick sets for targets 2…8, take the one with the most ticks (at most 7) whose labels stand
        // apart and whose ticks are far enough apart on the page: labels side by side along x and y edges
        // need more room than labels stacked along the vertical z edge.
        let spacing = theme.fontSize * (kind == .z ? 2.8 : 5)
        var best: (ticks: [Tick], points: [Vector3], boxes: [Rect])?
        var fallback: (ticks: [Tick], points: [Vector3], boxes: [Rect])?
        for target in 2...8 {
            let ticks = Ticks.linear(domain, target: target)
            guard ticks.count <= 7 else { continue }
            let points = ticks.map { point($0.value) }
            let boxes = ticks.map { box($0.label) }
            let pages = points.map { point -> Point in
                let (u, v) = projection.project(point)
                return Point(u * scale, -v * scale)
            }
            let frames = zip(pages, boxes).map { page, box in
                Rect(x: page.x + box.minX, y: page.y + box.minY, width: box.width, height: box.height)
            }
            let crowded = zip(frames, frames.dropFirst()).contains { $0.inset(by: -m.pad * 0.5).intersects($1) }
                || zip(pages, pages.dropFirst()).contains { a, b in
                    ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() < spacing
                }
            if fallback == nil || ticks.count < fallback!.ticks.count { fallback = (ticks, points, boxes) }
            if !crowded && ticks.count > (best?.ticks.count ?? 0) { best = (ticks, points, boxes) }
        }
        let (ticks, points, boxes) = best ?? fallback ?? ([], [], [])

        var title: (text: MathText, box: Rect, angle: Double)?
        if let label {
            let text = (try? MathText(label)) ?? MathText(plain: label)
            let layout = text.layout(font: m.labelFont, on: canvas)
            var angle = kind == .z ? -Double.pi / 2 : atan2(edge.y, edge.x)
            if kind != .z {
                // Along the edge, kept upright; horizontal when the edge is steep.
                if angle > .pi / 2 { angle -= .pi } else if angle <= -.pi / 2 { angle += .pi }
                if abs(angle) > 50 * .pi / 180 { angle = 0 }
            }
            let (c, s) = (cos(angle), sin(angle))
            let halfWidth = abs(c) * layout.width / 2 + abs(s) * layout.height / 2
            let halfHeight = abs(s) * layout.width / 2 + abs(c) * layout.height / 2
            // How far the tick labels reach out, and half the rotated label's extent along `outward`.
            let labelsReach = boxes.map { b in (b.center.x * outward.x + b.center.y * outward.y) + abs(outward.x) * b.width / 2
                + abs(outward.y) * b.height / 2 }.max() ?? gap
            let along = abs(outward.x * c + outward.y * s) * layout.width / 2
                + abs(-outward.x * s + outward.y * c) * layout.height / 2
            let reach = labelsReach + m.pad * 0.8 + along
            title = (text, Rect(x: outward.x * reach - halfWidth, y: outward.y * reach - halfHeight, width: 2 * halfWidth,
                                height: 2 * halfHeight), angle)
        }
        return AxisPlan(kind: kind, start: start, end: end, outward: outward, ticks: ticks, tickPoints: points,
                        labelBoxes: boxes, title: title)
    }

    // MARK: - Fitting

    /// Something to fit in the plot area: a point of the image plane (u, v) and a box of fixed page size
    /// relative to that point's page position.
    struct FitItem {
        var u: Double
        var v: Double
        var box: Rect
    }

    /// The largest scale s, and the offset centring everything, for which every item's box, placed at
    /// (oₓ + s·u, o_y − s·v), lies inside `area`; nil when no positive scale does.
    func fitItems(_ items: [FitItem], in area: Rect) -> (scale: Double, offset: Point)? {
        var scale = Double.infinity
        for a in items {
            for b in items {
                let du = a.u - b.u
                if du > 1e-12 { scale = min(scale, (area.width - a.box.maxX + b.box.minX) / du) }
                let dw = b.v - a.v  // page y grows as v falls
                if dw > 1e-12 { scale = min(scale, (area.height - a.box.maxY + b.box.minY) / dw) }
            }
        }
        guard scale.isFinite, scale > 0 else { return nil }
        let minX = items.map { scale * $0.u + $0.box.minX }.min() ?? 0
        let maxX = items.map { scale * $0.u + $0.box.maxX }.max() ?? 0
        let minY = items.map { -scale * $0.v + $0.box.minY }.min() ?? 0
        let maxY = items.map { -scale * $0.v + $0.box.maxY }.max() ?? 0
        return (scale, Point(area.minX + (area.width - (maxX - minX)) / 2 - minX,
                             area.minY + (area.height - (maxY - minY)) / 2 - minY))
    }
}
