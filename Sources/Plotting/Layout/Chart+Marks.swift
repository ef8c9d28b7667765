extension Chart {
    /// Draws `marks` against the left axis and `secondaryMarks` against the right one, clipped to the plot.
    func drawClipped(_ marks: [Mark], _ secondaryMarks: [Mark], _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        guard !marks.isEmpty || !secondaryMarks.isEmpty else { return }
        canvas.save()
        canvas.clip(to: Path(rect: layout.plot))
        let rows = ruleLabelRows(marks, canvas, layout, theme)
        for (k, mark) in marks.enumerated() {
            if case .rule(let rule) = mark { drawRule(rule, row: rows[k] ?? 0, canvas, layout, theme) } else { draw(mark, canvas, layout, theme) }
        }
        if let secondary, !secondaryMarks.isEmpty {
            var other = layout
            other.y = Scale(secondary.scale, domain: secondary.domain, from: layout.plot.maxY, to: layout.plot.minY)
            for mark in secondaryMarks { draw(mark, canvas, other, theme) }
        }
        canvas.restore()
    }

    // MARK: - Each kind of mark

    /// Draws one mark in `layout`'s coordinates.
    private func draw(_ mark: Mark, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        switch mark {
        case .heatmap(let heatmap): drawHeatmap(heatmap, canvas, layout, theme)
        case .filledContours(let contours): drawFilledContours(contours, canvas, layout)
        case .contourLines(let lines): drawContourLines(lines, canvas, layout, theme)
        case .line(let line): drawLine(line, canvas, layout)
        case .marker(let marker): drawMarker(marker, canvas, layout, theme)
        case .band(let band): drawBand(band, canvas, layout)
        case .annotation(let annotation): drawAnnotation(annotation, canvas, layout, theme)
        case .arrows(let arrows): drawArrows(arrows, canvas, layout)
        case .bars(let bars): drawBars(bars, canvas, layout)
        case .rule(let rule): drawRule(rule, row: 0, canvas, layout, theme)
        }
    }

    /// Where each rule's label goes: the box right of its line (left when it would run past the plot), at the
    /// top of the plot in row 0, or in the first lower row where it overlaps no label placed before it.
    private func ruleLabelBox(_ rule: RuleMark, row: Int, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) -> Rect? {
        let x = layout.x.position(rule.x)
        guard x.isFinite, let label = rule.label else { return nil }
        let metrics = canvas.measure(label, font: theme.font(0.75))
        let left = x + 3 + metrics.width > layout.plot.maxX
        let top = layout.plot.minY + 2 + Double(row) * (metrics.height + 3)
        return Rect(x: left ? x - 4.5 - metrics.width : x + 1.5, y: top, width: metrics.width + 3, height: metrics.height + 2)
    }

    /// The label row of every rule in `marks`, by index: labels that would collide move down a row.
    private func ruleLabelRows(_ marks: [Mark], _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) -> [Int: Int] {
        var placed: [Rect] = [], rows: [Int: Int] = [:]
        for (k, mark) in marks.enumerated() {
            guard case .rule(let rule) = mark, rule.label != nil else { continue }
            var row = 0
            while row < 4, let box = ruleLabelBox(rule, row: row, canvas, layout, theme),
                  placed.contains(where: { $0.inset(by: -1).intersects(box) }) { row += 1 }
            if let box = ruleLabelBox(rule, row: row, canvas, layout, theme) { placed.append(box) }
            rows[k] = row
        }
        return rows
    }

    private func drawRule(_ rule: RuleMark, row: Int, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        let x = layout.x.position(rule.x)
        guard x.isFinite else { return }
        canvas.stroke(Path(polyline: [Point(x, layout.plot.minY), Point(x, layout.plot.maxY)]),
                      style: StrokeStyle(color: rule.color, width: theme.axisWidth, dash: [4, 3]))
        if let label = rule.label, let box = ruleLabelBox(rule, row: row, canvas, layout, theme) {
            let font = theme.font(0.75)
            let metrics = canvas.measure(label, font: font)
            canvas.fill(Path(rect: box), color: theme.background.withAlpha(0.8))
            canvas.drawText(label, at: Point(box.minX + 1.5, box.minY + 1 + metrics.ascent), font: font, color: rule.color)
        }
    }

    private func drawArrows(_ mark: ArrowMark, _ canvas: any Canvas, _ layout: Layout) {
        let largest = mark.reference ?? mark.vectors.map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }.filter(\.isFinite).max() ?? 0
        let longest = layout.plot.width * mark.longest
        for (k, (origin, vector)) in zip(mark.origins, mark.vectors).enumerated() {
            let start = layout.position(origin)
            // The direction on the page: map a small step along the vector through the scales.
            let ahead = layout.position(Point(origin.x + vector.x * 1e-6, origin.y + vector.y * 1e-6))
            let dx = ahead.x - start.x, dy = ahead.y - start.y
            let norm = (dx * dx + dy * dy).squareRoot()
            guard norm > 0, norm.isFinite, start.x.isFinite, start.y.isFinite else { continue }
            let magnitude = (vector.x * vector.x + vector.y * vector.y).squareRoot()
            let length = mark.normalized ? longest : (largest > 0 ? longest * magnitude / largest : 0)
            guard length > 0.5 else { continue }
            let color = mark.colors?[k] ?? mark.color
            drawArrow(from: start, direction: Point(dx / norm, dy / norm), length: length, color: color, width: mark.width, canvas)
        }
    }

    private func drawBars(_ mark: BarMark, _ canvas: any Canvas, _ layout: Layout) {
        var path = Path()
        for (x, height) in zip(mark.xs, mark.heights) where height.isFinite {
            let a = layout.position(Point(x - mark.width / 2, mark.base)), b = layout.position(Point(x + mark.width / 2, height))
            path.append(Path(rect: Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y))))
        }
        canvas.fill(path, color: mark.color)
    }

    /// The finite stretches of a line, in layout coordinates.
    private func pieces(_ points: [Point], _ layout: Layout) -> [[Point]] {
        var pieces: [[Point]] = [[]]
        for p in points {
            let q = layout.position(p)
            if q.x.isFinite && q.y.isFinite { pieces[pieces.count - 1].append(q) } else if !pieces[pieces.count - 1].isEmpty { pieces.append([]) }
        }
        return pieces.filter { !$0.isEmpty }
    }

    private func drawLine(_ line: LineMark, _ canvas: any Canvas, _ layout: Layout) {
        let style = StrokeStyle(color: line.color, width: line.width, dash: line.dash, cap: .round, join: .round)
        for piece in pieces(line.points, layout) {
            if !line.fades || piece.count < 3 {
                canvas.stroke(Path(polyline: piece), style: style)
                continue
            }
            // A trail: a few stretches of rising opacity, each overlapping the next by one point.
            let chunks = min(12, piece.count - 1)
            for k in 0..<chunks {
                let start = k * (piece.count - 1) / chunks, end = (k + 1) * (piece.count - 1) / chunks
                var chunkStyle = style
                chunkStyle.color = line.color.withAlpha(line.color.alpha * (0.15 + 0.85 * Double(k + 1) / Double(chunks)))
                canvas.stroke(Path(polyline: Array(piece[start...end])), style: chunkStyle)
            }
        }
    }

    private func drawMarker(_ marker: MarkerMark, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        let center = layout.position(marker.point)
        guard center.x.isFinite, center.y.isFinite else { return }
        let path = marker.shape.path(at: center, size: marker.size)
        canvas.fill(path, color: marker.fill)
        canvas.stroke(path, style: StrokeStyle(color: marker.stroke ?? theme.background, width: max(0.8, marker.size / 9), join: .round))
    }

    private func drawBand(_ band: BandMark, _ canvas: any Canvas, _ layout: Layout) {
        let upper = zip(band.xs, band.upper).map { layout.position(Point($0, $1)) }
        let lower = zip(band.xs, band.lower).map { layout.position(Point($0, $1)) }.reversed()
        let outline = (upper + lower).filter { $0.x.isFinite && $0.y.isFinite }
        if outline.count >= 3 { canvas.fill(Path(polyline: outline, closed: true), color: band.color) }
    }

    private func drawAnnotation(_ annotation: AnnotationMark, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        let target = layout.position(annotation.target)
        let origin = target + annotation.offset
        // A target or offset beyond what a page can hold (1e308, a NaN) has nowhere to be drawn.
        guard target.x.isFinite, target.y.isFinite, origin.x.isFinite, origin.y.isFinite,
              abs(origin.x) < 1e7, abs(origin.y) < 1e7 else { return }
        let color = annotation.color ?? theme.foreground
        let font = theme.font(0.95)
        let text = markup(annotation.text).layout(font: font, on: canvas)
        let textLeft = annotation.offset.x >= 0 ? origin.x : origin.x - text.width
        text.draw(on: canvas, at: Point(textLeft, origin.y + (text.ascent - text.descent) / 2), color: color)
        // The arrow runs from the side of the text nearest the target to a little short of it.
        let from = Point(annotation.offset.x >= 0 ? origin.x - 3 : origin.x + 3, origin.y)
        let dx = target.x - from.x, dy = target.y - from.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 8 else { return }
        let (ux, uy) = (dx / length, dy / length)
        let tip = Point(target.x - ux * 3, target.y - uy * 3)
        let style = StrokeStyle(color: color, width: 1, cap: .round)
        canvas.stroke(Path(polyline: [from, tip]), style: style)
        let head = 6.0, spread = 0.4
        let left = Point(tip.x - head * (ux * cosine(spread) - uy * sine(spread)), tip.y - head * (uy * cosine(spread) + ux * sine(spread)))
        let right = Point(tip.x - head * (ux * cosine(spread) + uy * sine(spread)), tip.y - head * (uy * cosine(spread) - ux * sine(spread)))
        canvas.fill(Path(polyline: [tip, left, right], closed: true), color: color)
    }
}
