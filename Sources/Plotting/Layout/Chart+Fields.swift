extension Chart {
    func drawHeatmap(_ heatmap: HeatmapMark, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        let plot = layout.plot
        let width = max(1, Int((plot.width * canvas.pixelScale).rounded()))
        let height = max(1, Int((plot.height * canvas.pixelScale).rounded()))
        var image = RasterImage(width: width, height: height)
        let background = theme.background
        for row in 0..<height {
            let y = layout.y.value(at: plot.minY + (Double(row) + 0.5) / Double(height) * plot.height)
            for column in 0..<width {
                let x = layout.x.value(at: plot.minX + (Double(column) + 0.5) / Double(width) * plot.width)
                let v = heatmap.value(x, y)
                let color = v.isNaN ? background : heatmap.colormap.color(at: heatmap.norm.fraction(v)).mixed(with: background, heatmap.wash)
                image.set(column, row, Color(red: color.red, green: color.green, blue: color.blue, alpha: 1))
            }
        }
        canvas.draw(image, in: plot, smooth: false)
    }

    func drawFilledContours(_ mark: FilledContourMark, _ canvas: any Canvas, _ layout: Layout) {
        guard mark.colors.count == mark.levels.count + 1 else { return }
        // Paint the top band everywhere, then each lower region over it: every fill covers the previous
        // one, so adjacent bands never leave a hairline between them.
        canvas.fill(Path(rect: layout.plot), color: mark.colors[mark.levels.count])
        for (k, level) in mark.levels.enumerated().reversed() {
            var path = Path()
            for polygon in Contours.region(mark.grid, below: level) {
                path.append(Path(polyline: polygon.map(layout.position), closed: true))
            }
            if !path.isEmpty { canvas.fill(path, color: mark.colors[k]) }
        }
    }

    func drawContourLines(_ mark: ContourLineMark, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        var path = Path()
        var labels: [(text: String, at: Point, angle: Double)] = []
        let font = theme.font(0.75)
        for level in mark.levels {
            let lines = Contours.lines(mark.grid, level: level).map { $0.map(layout.position) }
            for line in lines { path.append(Path(polyline: line)) }
            if mark.labeled, let label = contourLabel(level: level, lines: lines, font: font, canvas) { labels.append(label) }
        }
        canvas.stroke(path, style: StrokeStyle(color: mark.color, width: mark.width, cap: .round, join: .round))
        // Labels sit on a small patch of the background, turned along the line and kept upright.
        for label in labels {
            let metrics = canvas.measure(label.text, font: font)
            let (c, s) = (cosine(label.angle), sine(label.angle))
            let halfWidth = metrics.width / 2 + 2, halfHeight = metrics.height / 2 + 1
            let corners = [(-halfWidth, -halfHeight), (halfWidth, -halfHeight), (halfWidth, halfHeight), (-halfWidth, halfHeight)].map {
                Point(label.at.x + $0.0 * c - $0.1 * s, label.at.y + $0.0 * s + $0.1 * c)
            }
            canvas.fill(Path(polyline: corners, closed: true), color: theme.background.withAlpha(0.75))
            let shift = Point(-metrics.width / 2, (metrics.ascent - metrics.descent) / 2)
            let origin = Point(label.at.x + shift.x * c - shift.y * s, label.at.y + shift.x * s + shift.y * c)
            canvas.drawText(label.text, at: origin, font: font, color: theme.foreground.withAlpha(0.85), angle: label.angle)
        }
    }

    /// Where a level's label goes: the middle of its longest line (when that is long enough), turned along it.
    private func contourLabel(level: Double, lines: [[Point]], font: Font, _ canvas: any Canvas)
        -> (text: String, at: Point, angle: Double)? {
        func length(_ line: [Point]) -> Double {
            zip(line, line.dropFirst()).reduce(0) { $0 + (($1.1.x - $1.0.x) * ($1.1.x - $1.0.x) + ($1.1.y - $1.0.y) * ($1.1.y - $1.0.y)).squareRoot() }
        }
        guard let line = lines.max(by: { length($0) < length($1) }), line.count >= 3 else { return nil }
        let text = Self.levelLabel(level)
        let total = length(line)
        guard total > canvas.measure(text, font: font).width * 3 else { return nil }
        var walked = 0.0
        for (a, b) in zip(line, line.dropFirst()) {
            let step = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            if walked + step >= total / 2, step > 0 {
                let t = (total / 2 - walked) / step
                var angle = atan2Approx(b.y - a.y, b.x - a.x)
                if angle > .pi / 2 { angle -= .pi } else if angle < -.pi / 2 { angle += .pi }
                return (text, Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t), angle)
            }
            walked += step
        }
        return nil
    }

    /// A contour level written with three significant digits (2.5, 0.013, 1.2e+03 as 1200).
    static func levelLabel(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        guard magnitude.isFinite, magnitude < 1e15, magnitude >= 1e-6 else { return Ticks.scientific(value, digits: 3) }
        let digits = max(0, 2 - Int((log10Approx(magnitude)).rounded(.down)))
        let scale = pow10(digits)
        let rounded = (value * scale).rounded() / scale
        return Ticks.format(rounded, decimals: min(digits, 6))
    }
}
