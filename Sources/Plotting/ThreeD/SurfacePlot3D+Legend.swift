extension SurfacePlot3D {
    /// Draws a legend for the labelled paths and markers in the top corner of the plot area (left or
    /// right) that covers fewer of the surface's and the labels' points.
    func drawLegend(_ canvas: any Canvas, _ layout: Layout, _ field: HeightField, _ theme: Theme) {
        guard layout.scale > 0 else { return }
        enum Swatch { case line(StrokeStyle), marker(Marker) }
        var entries: [(MathText, Swatch)] = []
        var details: [String?] = []
        for path in paths {
            guard let label = path.label else { continue }
            let style = StrokeStyle(color: path.color, width: min(path.width, 6), dash: path.dash, cap: .round)
            entries.append(((try? MathText(label)) ?? MathText(plain: label), .line(style)))
            details.append(path.detail)
        }
        for marker in markers {
            guard let label = marker.label else { continue }
            entries.append(((try? MathText(label)) ?? MathText(plain: label), .marker(marker)))
            details.append(nil)
        }
        guard !entries.isEmpty else { return }

        let font = theme.font(0.9)
        let rowHeight = canvas.measure("Xg", font: font).height * 1.3
        let swatch = theme.fontSize * 2, pad = theme.fontSize * 0.55
        let texts = entries.map { $0.0.layout(font: font, on: canvas) }
        var textWidth = texts.map(\.width).max() ?? 0
        if let widest = details.compactMap({ $0.map { canvas.measure($0, font: font).width } }).max() { textWidth += pad * 1.5 + widest }
        let size = Size(pad * 2 + swatch + pad * 0.7 + textWidth, pad * 1.4 + rowHeight * Double(entries.count))
        let area = layout.plotArea
        let left = Rect(x: area.minX, y: area.minY, width: size.width, height: size.height)
        let right = Rect(x: area.maxX - size.width, y: area.minY, width: size.width, height: size.height)

        // What the legend should not cover: the surface's nodes and the axes' labels.
        var points: [Point] = []
        let step = max(1, field.n / 30)
        for j in Swift.stride(from: 0, through: field.n, by: step) {
            for i in Swift.stride(from: 0, through: field.n, by: step) where !field.height(i, j).isNaN {
                points.append(layout.screen(field.node(i, j)))
            }
        }
        for axis in layout.axes { points += axis.labelFrames.map(\.center) }
        let rect = points.count { left.contains($0) } <= points.count { right.contains($0) } ? left : right

        canvas.fill(Path(rect: rect), color: theme.legendBackground)
        canvas.stroke(Path(rect: rect), style: StrokeStyle(color: theme.foreground.withAlpha(0.25), width: 0.6))
        let ascent = canvas.measure("X", font: font).ascent
        for (k, entry) in entries.enumerated() {
            let middle = rect.minY + pad * 0.7 + rowHeight * (Double(k) + 0.5)
            switch entry.1 {
            case .line(let style):
                canvas.stroke(Path(polyline: [Point(rect.minX + pad, middle), Point(rect.minX + pad + swatch, middle)]),
                              style: style)
            case .marker(let marker):
                drawMarker(marker, at: Point(rect.minX + pad + swatch / 2, middle), canvas, theme, size: theme.fontSize * 0.95)
            }
            texts[k].draw(on: canvas, at: Point(rect.minX + pad + swatch + pad * 0.7, middle + ascent * 0.4),
                          color: theme.foreground)
            if let detail = details[k] {
                let width = canvas.measure(detail, font: font).width
                canvas.drawText(detail, at: Point(rect.maxX - pad - width, middle + ascent * 0.4), font: font, color: theme.mutedForeground)
            }
        }
    }

    /// Draws the counter in a box at the bottom-left corner of the plot area.
    func drawCounter(_ text: String, _ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        let font = theme.font(0.95)
        let metrics = canvas.measure(text, font: font)
        let area = layout.plotArea
        let rect = Rect(x: area.minX, y: area.maxY - metrics.height - theme.fontSize * 0.7, width: metrics.width + theme.fontSize * 1.1,
                        height: metrics.height + theme.fontSize * 0.7)
        canvas.fill(Path(rect: rect), color: theme.legendBackground)
        canvas.stroke(Path(rect: rect), style: StrokeStyle(color: theme.foreground.withAlpha(0.25), width: 0.6))
        canvas.drawText(text, at: Point(rect.minX + theme.fontSize * 0.55, rect.center.y + (metrics.ascent - metrics.descent) / 2), font: font,
                        color: theme.foreground)
    }
}
