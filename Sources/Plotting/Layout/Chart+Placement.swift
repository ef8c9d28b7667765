import Foundation

extension Chart {
    /// A box of `size` in a corner of the plot.
    func box(_ size: Size, at placement: LegendPlacement, in plot: Rect, _ theme: Theme) -> Rect {
        let margin = theme.fontSize * 0.6
        let left = placement == .topLeft || placement == .bottomLeft
        let top = placement == .topLeft || placement == .topRight
        return Rect(x: left ? plot.minX + margin : plot.maxX - margin - size.width,
                    y: top ? plot.minY + margin : plot.maxY - margin - size.height, width: size.width, height: size.height)
    }

    /// The corners of the legend and the counter: as set, or for `.auto` the corner whose box covers the
    /// fewest data points (lines, sampled along their segments, and markers of both layers), the counter avoiding
    /// the legend's corner.
    func resolvedPlacements(_ layout: Layout, _ canvas: any Canvas, _ theme: Theme) -> (legend: LegendPlacement, counter: LegendPlacement) {
        let order: [LegendPlacement] = [.topRight, .topLeft, .bottomRight, .bottomLeft]
        var points: [Point]?
        func emptiest(_ size: Size, among corners: [LegendPlacement]) -> LegendPlacement {
            if points == nil { points = dataPoints(layout) }
            let counts = corners.map { corner in points!.count { box(size, at: corner, in: layout.plot, theme).inset(by: -4).contains($0) } }
            return corners[counts.indices.min { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 < $1) } ?? 0]
        }
        var legendCorner = legend
        if legend == .auto { legendCorner = legendMetrics(canvas, theme).map { emptiest($0.size, among: order) } ?? .none }
        var counterCorner = counterPlacement
        if counterPlacement == .auto || counterPlacement == .none, let counter {
            counterCorner = emptiest(counterSize(counter, canvas, theme), among: [.bottomLeft, .bottomRight, .topLeft, .topRight].filter { $0 != legendCorner })
        }
        return (legendCorner, counterCorner)
    }

    /// Every drawn data point of lines and markers, in layout coordinates (for legend placement).
    private func dataPoints(_ layout: Layout) -> [Point] {
        if let placementPoints { return placementPoints.map(layout.position).filter { $0.x.isFinite && $0.y.isFinite } }
        var points: [Point] = []
        for mark in marks + foregroundMarks {
            switch mark {
            case .line(let line):
                // Every 4 px along each segment, so a line crossing a corner counts even without a vertex there.
                let drawn = line.points.map(layout.position)
                guard var previous = drawn.first else { break }
                points.append(previous)
                for point in drawn.dropFirst() {
                    let length = hypot(point.x - previous.x, point.y - previous.y)
                    if length.isFinite, length > 4 {
                        let pieces = Int(min(length / 4, 400))
                        for k in 1..<pieces {
                            let t = Double(k) / Double(pieces)
                            points.append(Point(previous.x + (point.x - previous.x) * t, previous.y + (point.y - previous.y) * t))
                        }
                    }
                    points.append(point)
                    previous = point
                }
            case .marker(let marker): points.append(layout.position(marker.point))
            default: break
            }
        }
        return points.filter { $0.x.isFinite && $0.y.isFinite }
    }
}
