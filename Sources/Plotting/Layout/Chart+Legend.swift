extension Chart {
    /// A legend row: its text and what its swatch shows.
    struct LegendEntry {
        var label: String
        var detail: String?
        var line: StrokeStyle?
        var marker: (shape: MarkerShape, fill: Color, stroke: Color?)?
    }

    var legendEntries: [LegendEntry] {
        (marks + foregroundMarks + (secondary.map { $0.marks + $0.foregroundMarks } ?? [])).compactMap { mark in
            switch mark {
            case .line(let line):
                line.label.map {
                    LegendEntry(label: $0, detail: line.detail, line: StrokeStyle(color: line.color, width: line.width, dash: line.dash),
                                marker: line.marker.map { ($0, line.color, nil) })
                }
            case .marker(let marker):
                marker.label.map { LegendEntry(label: $0, marker: (marker.shape, marker.fill, marker.stroke)) }
            case .band(let band):
                band.label.map { LegendEntry(label: $0, line: StrokeStyle(color: band.color.withAlpha(min(1, band.color.alpha * 3)), width: 6)) }
            case .bars(let bars):
                bars.label.map { LegendEntry(label: $0, line: StrokeStyle(color: bars.color, width: 6)) }
            case .arrows(let arrows):
                arrows.label.map { LegendEntry(label: $0, line: StrokeStyle(color: arrows.color, width: arrows.width)) }
            default: nil
            }
        }
    }

    /// The legend's box size (nil when no mark is labelled), its rows' text and the row height.
    func legendMetrics(_ canvas: any Canvas, _ theme: Theme) -> (size: Size, texts: [TextLayout], rowHeight: Double)? {
        let entries = legendEntries
        guard !entries.isEmpty else { return nil }
        let font = theme.font(0.9)
        let rowHeight = canvas.measure("Xg", font: font).height * 1.3
        let swatch = theme.fontSize * 2, pad = theme.fontSize * 0.55
        let texts = entries.map { markup($0.label).layout(font: font, on: canvas) }
        var textWidth = texts.map(\.width).max() ?? 0
        let details = entries.compactMap { $0.detail.map { canvas.measure($0, font: font).width } }
        if let widest = details.max() { textWidth += pad * 1.5 + widest }
        return (Size(pad * 2 + swatch + pad * 0.7 + textWidth, pad * 1.4 + rowHeight * Double(entries.count)), texts, rowHeight)
    }

    /// Draws the legend's box at `placement`: a swatch, the label and any detail for each labelled mark.
    func drawLegend(_ canvas: any Canvas, _ layout: Layout, _ theme: Theme, placement: LegendPlacement) {
        guard placement != .none, let (size, texts, rowHeight) = legendMetrics(canvas, theme) else { return }
        let entries = legendEntries
        let font = theme.font(0.9)
        let swatch = theme.fontSize * 2, pad = theme.fontSize * 0.55
        let rect = box(size, at: placement, in: layout.plot, theme)
        canvas.fill(Path(rect: rect), color: theme.legendBackground)
        canvas.stroke(Path(rect: rect), style: StrokeStyle(color: theme.foreground.withAlpha(0.25), width: 0.6))
        let ascent = canvas.measure("X", font: font).ascent
        for (k, entry) in entries.enumerated() {
            let middle = rect.minY + pad * 0.7 + rowHeight * (Double(k) + 0.5)
            if let line = entry.line {
                var style = line
                style.width = min(line.width, 6)
                canvas.stroke(Path(polyline: [Point(rect.minX + pad, middle), Point(rect.minX + pad + swatch, middle)]), style: style)
            }
            if let marker = entry.marker {
                let path = marker.shape.path(at: Point(rect.minX + pad + swatch / 2, middle), size: theme.fontSize * 0.95)
                canvas.fill(path, color: marker.fill)
                canvas.stroke(path, style: StrokeStyle(color: marker.stroke ?? theme.background, width: 0.9, join: .round))
            }
            texts[k].draw(on: canvas, at: Point(rect.minX + pad + swatch + pad * 0.7, middle + ascent * 0.4), color: theme.foreground)
            if let detail = entry.detail {
                let width = canvas.measure(detail, font: font).width
                canvas.drawText(detail, at: Point(rect.maxX - pad - width, middle + ascent * 0.4), font: font, color: theme.mutedForeground)
            }
        }
    }
}
