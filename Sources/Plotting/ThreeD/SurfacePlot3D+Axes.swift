extension SurfacePlot3D {
    /// The pane colour: a faint tint of the foreground, so panes read as light grey on white and dark grey
    /// on a dark background.
    static func paneColor(_ theme: Theme) -> Color { theme.foreground.withAlpha(0.045) }

    /// Fills the three back panes, draws grid lines on them at the ticks, and outlines them.
    func drawPanes(_ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        guard layout.scale > 0 else { return }
        let h = layout.halfHeight
        let (bx, by, bz) = (layout.backX, layout.backY, layout.backZ)
        let panes: [[Vector3]] = [
            [Vector3(bx, -1, -h), Vector3(bx, 1, -h), Vector3(bx, 1, h), Vector3(bx, -1, h)],
            [Vector3(-1, by, -h), Vector3(1, by, -h), Vector3(1, by, h), Vector3(-1, by, h)],
            [Vector3(-1, -1, bz), Vector3(1, -1, bz), Vector3(1, 1, bz), Vector3(-1, 1, bz)],
        ]
        for pane in panes {
            canvas.fill(Path(polyline: pane.map(layout.screen), closed: true), color: Self.paneColor(theme))
        }
        var grid = Path()
        func line(_ a: Vector3, _ b: Vector3) {
            grid.move(to: layout.screen(a))
            grid.line(to: layout.screen(b))
        }
        for axis in layout.axes {
            for p in axis.tickPoints {
                switch axis.kind {
                case .x:
                    line(Vector3(p.x, -1, bz), Vector3(p.x, 1, bz))
                    line(Vector3(p.x, by, -h), Vector3(p.x, by, h))
                case .y:
                    line(Vector3(-1, p.y, bz), Vector3(1, p.y, bz))
                    line(Vector3(bx, p.y, -h), Vector3(bx, p.y, h))
                case .z:
                    line(Vector3(bx, -1, p.z), Vector3(bx, 1, p.z))
                    line(Vector3(-1, by, p.z), Vector3(1, by, p.z))
                }
            }
        }
        canvas.stroke(grid, style: StrokeStyle(color: theme.gridColor, width: theme.axisWidth * 0.8, cap: .butt))
        var edges = Path()
        for pane in panes { edges.append(Path(polyline: pane.map(layout.screen), closed: true)) }
        canvas.stroke(edges, style: StrokeStyle(color: theme.foreground.withAlpha(0.35), width: theme.axisWidth, join: .round))
    }

    /// Draws the tick edges, tick marks, tick labels and axis labels.
    func drawAxes(_ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        guard layout.scale > 0 else { return }
        let m = Metrics(theme)
        let axisColor = theme.foreground.withAlpha(0.75)
        var marks = Path()
        var edges = Path()
        let ascent = canvas.measure("0", font: m.tickFont).ascent
        for axis in layout.axes {
            for (k, point) in axis.tickPoints.enumerated() {
                let at = layout.screen(point)
                marks.move(to: at)
                marks.line(to: at + axis.outward * m.tickLength)
                guard axis.showsLabel[k] else { continue }
                let frame = axis.labelFrames[k]
                canvas.drawText(axis.ticks[k].label, at: Point(frame.minX, frame.minY + ascent), font: m.tickFont,
                                color: theme.mutedForeground)
            }
            if let title = axis.title {
                canvas.drawLabel(title.text, at: title.center, font: m.labelFont, color: theme.foreground, anchor: .center,
                                 angle: title.angle)
            }
        }
        // The edges that carry ticks.
        let h = layout.halfHeight
        for axis in layout.axes {
            guard let p = axis.tickPoints.first else { continue }
            let (a, b): (Vector3, Vector3)
            switch axis.kind {
            case .x: (a, b) = (Vector3(-1, p.y, p.z), Vector3(1, p.y, p.z))
            case .y: (a, b) = (Vector3(p.x, -1, p.z), Vector3(p.x, 1, p.z))
            case .z: (a, b) = (Vector3(p.x, p.y, -h), Vector3(p.x, p.y, h))
            }
            edges.move(to: layout.screen(a))
            edges.line(to: layout.screen(b))
        }
        canvas.stroke(edges, style: StrokeStyle(color: axisColor, width: theme.axisWidth, cap: .square))
        canvas.stroke(marks, style: StrokeStyle(color: axisColor, width: theme.axisWidth))
    }

    /// Draws the title centred above the plot area.
    func drawTitle(_ canvas: any Canvas, _ layout: Layout, _ theme: Theme) {
        guard let title else { return }
        let m = Metrics(theme)
        let text = (try? MathText(title)) ?? MathText(plain: title)
        canvas.drawLabel(text, at: Point(layout.frame.center.x, layout.frame.minY + m.pad), font: m.titleFont,
                         color: theme.foreground, anchor: .topCenter)
    }
}
