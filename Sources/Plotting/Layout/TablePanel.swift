/// A small table drawn as a figure panel, in the booktabs style: a rule above and below the header, a rule
/// above the footer rows and one at the bottom, no vertical lines.
///
/// The first column is the stub (row names, left-aligned); the other columns are centred, or aligned on a
/// character such as "×" so that `81 × 1` and `3 × 27` line up. Text is set in the theme's font and
/// shrunk, all of it together, when the table would not fit its frame; an optional note in muted text goes
/// under the table.
///
/// ```swift
/// let table = TablePanel(title: "Brackets", header: ["", "s = 1", "s = 0"],
///                        rows: [["i = 0", "3 × 1", "2 × 3"], ["i = 1", "1 × 3", ""]],
///                        footer: [["steps", "6", "6"]], alignment: .on("×"))
/// ```
public struct TablePanel: FigurePanel {
    /// One cell: its text, and optionally its own colour and weight.
    public struct Cell: Sendable, Equatable, ExpressibleByStringLiteral {
        public var text: String
        /// The text colour; nil takes the theme's foreground.
        public var color: Color?
        public var bold: Bool

        public init(_ text: String, color: Color? = nil, bold: Bool = false) {
            self.text = text
            self.color = color
            self.bold = bold
        }

        public init(stringLiteral text: String) { self.init(text) }
    }

    /// How the columns after the stub align their cells.
    public enum Alignment: Sendable, Equatable {
        case center
        /// Cells holding the character line up on it; other cells are centred.
        case on(Character)
    }

    /// The title above the table (math markup allowed, as in a chart's title).
    public var title: String?
    public var header: [Cell]
    public var rows: [[Cell]]
    /// Rows under a rule at the bottom, such as totals.
    public var footer: [[Cell]]
    public var alignment: Alignment
    /// A line of muted text under the table, such as what the cells mean.
    public var note: String?

    public init(title: String? = nil, header: [Cell], rows: [[Cell]], footer: [[Cell]] = [], alignment: Alignment = .center,
                note: String? = nil) {
        self.title = title
        self.header = header
        self.rows = rows
        self.footer = footer
        self.alignment = alignment
        self.note = note
    }

    // MARK: - Drawing

    /// Draws the table in the background layer (nothing of it moves in an animation).
    public func draw(on canvas: any Canvas, in frame: Rect, theme: Theme, layer: FigureLayer) {
        guard layer != .foreground else { return }
        let pad = theme.fontSize * 0.6
        var top = frame.minY + pad
        if let title {
            // Where a chart puts its title: one padding below the top of the frame.
            let font = theme.font(1.2, bold: true)
            let text = (try? MathText(title)) ?? MathText(plain: title)
            let layout = text.layout(font: font, on: canvas)
            let baseline = Point(frame.center.x, top + canvas.measure("Xg", font: font).ascent)
            layout.draw(on: canvas, at: layout.origin(placing: .baselineCenter, at: baseline), color: theme.foreground)
            top += canvas.measure("Xg", font: font).height + pad
        }
        let area = Rect(x: frame.minX + pad, y: top, width: frame.width - 2 * pad, height: frame.maxY - pad - top)
        guard area.width > 1, area.height > 1 else { return }
        // Measure at the theme's size, then shrink everything together if the table does not fit.
        let natural = measure(canvas, theme, scale: 1)
        let scale = min(1, area.width / natural.width, area.height / natural.height)
        let sized = scale < 1 ? measure(canvas, theme, scale: scale) : natural
        let origin = Point(area.center.x - sized.width / 2, area.center.y - sized.height / 2)
        drawTable(sized, at: origin, canvas, theme)
    }

    /// The measured table at a font scale: column widths (and, for aligned columns, the width left of the
    /// alignment character), the row height, the whole size.
    private struct Measured {
        var scale: Double
        var font: Font
        var bold: Font
        var noteFont: Font
        /// Each column's width and, for aligned columns, the widest text left of the character.
        var columns: [(width: Double, left: Double?)]
        var gap: Double
        var rowHeight: Double
        var ascent: Double
        var ruleGap: Double
        var noteHeight: Double
        var width: Double
        var height: Double
    }

    private var columnCount: Int { ([header] + rows + footer).map(\.count).max() ?? 0 }

    /// Splits a cell's text at the alignment character: the part before it and the rest (the character
    /// included), or nil when the column is centred or the text does not hold the character.
    private func split(_ text: String) -> (left: String, right: String)? {
        guard case .on(let character) = alignment, let index = text.firstIndex(of: character) else { return nil }
        let left = String(text[..<index])
        return (left, String(text[index...]))
    }

    private func measure(_ canvas: any Canvas, _ theme: Theme, scale: Double) -> Measured {
        let font = theme.font(scale), bold = theme.font(scale, bold: true), noteFont = theme.font(0.85 * scale)
        let metrics = canvas.measure("Xg", font: font)
        let gap = theme.fontSize * scale * 1.4
        let all = [header] + rows + footer
        var columns: [(width: Double, left: Double?)] = []
        for column in 0..<columnCount {
            var widest = 0.0, left = 0.0, right = 0.0, aligned = false
            for row in all where column < row.count {
                let cell = row[column]
                let cellFont = cell.bold ? bold : font
                if column > 0, let parts = split(cell.text) {
                    aligned = true
                    left = max(left, canvas.measure(parts.left, font: cellFont).width)
                    right = max(right, canvas.measure(parts.right, font: cellFont).width)
                } else {
                    widest = max(widest, canvas.measure(cell.text, font: cellFont).width)
                }
            }
            columns.append(aligned ? (max(widest, left + right), left + max(0, (widest - left - right) / 2)) : (widest, nil))
        }
        let rowHeight = metrics.height * 1.55
        let ruleGap = metrics.height * 0.35
        let noteHeight = note.map { _ in canvas.measure("Xg", font: noteFont).height * 1.8 } ?? 0
        let width = columns.map(\.width).reduce(0, +) + gap * Double(max(0, columns.count - 1))
        let height = rowHeight * Double(all.count) + ruleGap * (footer.isEmpty ? 3 : 5) + noteHeight
        let noteWidth = note.map { canvas.measure($0, font: noteFont).width } ?? 0
        return Measured(scale: scale, font: font, bold: bold, noteFont: noteFont, columns: columns, gap: gap, rowHeight: rowHeight,
                        ascent: metrics.ascent, ruleGap: ruleGap, noteHeight: noteHeight, width: max(width, noteWidth),
                        height: height)
    }

    private func drawTable(_ m: Measured, at origin: Point, _ canvas: any Canvas, _ theme: Theme) {
        let tableWidth = m.columns.map(\.width).reduce(0, +) + m.gap * Double(max(0, m.columns.count - 1))
        let left = origin.x + (m.width - tableWidth) / 2
        var lefts: [Double] = []
        var x = left
        for column in m.columns {
            lefts.append(x)
            x += column.width + m.gap
        }
        let heavy = StrokeStyle(color: theme.foreground.withAlpha(0.8), width: theme.axisWidth * 1.25)
        let light = StrokeStyle(color: theme.foreground.withAlpha(0.5), width: theme.axisWidth * 0.75)
        func rule(_ y: Double, _ style: StrokeStyle) {
            canvas.stroke(Path(polyline: [Point(left, y), Point(left + tableWidth, y)]), style: style)
        }
        func drawRow(_ row: [Cell], top: Double) {
            // The text sits a little below the row's middle, as the ascent is larger than the descent.
            let baseline = top + m.rowHeight / 2 + m.ascent * 0.38
            for (column, cell) in row.enumerated() where column < m.columns.count && !cell.text.isEmpty {
                let font = cell.bold ? m.bold : m.font
                let color = cell.color ?? theme.foreground
                let width = canvas.measure(cell.text, font: font).width
                if column == 0 {
                    canvas.drawText(cell.text, at: Point(lefts[0], baseline), font: font, color: color)
                } else if let split = m.columns[column].left, let parts = self.split(cell.text) {
                    let at = lefts[column] + split
                    canvas.drawText(parts.left, at: Point(at - canvas.measure(parts.left, font: font).width, baseline), font: font, color: color)
                    canvas.drawText(parts.right, at: Point(at, baseline), font: font, color: color)
                } else {
                    canvas.drawText(cell.text, at: Point(lefts[column] + (m.columns[column].width - width) / 2, baseline), font: font, color: color)
                }
            }
        }
        var y = origin.y
        rule(y, heavy)
        y += m.ruleGap
        drawRow(header, top: y)
        y += m.rowHeight + m.ruleGap
        rule(y, light)
        y += m.ruleGap
        for row in rows {
            drawRow(row, top: y)
            y += m.rowHeight
        }
        if !footer.isEmpty {
            y += m.ruleGap
            rule(y, light)
            y += m.ruleGap
            for row in footer {
                drawRow(row, top: y)
                y += m.rowHeight
            }
        }
        y += m.ruleGap
        rule(y, heavy)
        if let note {
            let width = canvas.measure(note, font: m.noteFont).width
            canvas.drawText(note, at: Point(origin.x + (m.width - width) / 2, y + m.noteHeight * 0.75), font: m.noteFont,
                            color: theme.mutedForeground)
        }
    }
}
