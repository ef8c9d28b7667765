/// Turns parsed segments into boxes, TeX's way: atoms in a row with class-dependent spacing, scripts
/// raised and lowered, fractions stacked on the math axis, radicals and accents drawn as strokes.
///
/// Every length is in em of the size at the current level (`MathMetrics.scale(level:)` times the label's
/// font size). Text is measured only through `measure`, so the back end's fonts decide every width.
struct MathTypesetter {
    let font: Font
    let measure: (String, Font) -> TextMetrics

    /// One element of a horizontal list before it is measured.
    private enum Item {
        case text(String, Font)
        case box(MathBox)
        case kern(Double)
    }

    /// The whole label as one box. Plain text and formulas follow each other without added space.
    func layout(_ segments: [MathSegment]) -> MathBox {
        var row: [Item] = []
        for segment in segments {
            switch segment {
            case .plain(let text): row.append(.text(text, font))
            case .formula(let nodes): row += items(nodes, level: 0)
            }
        }
        return pack(row)
    }

    // MARK: - Horizontal lists

    private func size(_ level: Int) -> Double { font.size * MathMetrics.scale(level: level) }

    private func font(_ style: MathFontStyle, level: Int) -> Font {
        var font = self.font.sized(size(level))
        switch style {
        case .inherited: break
        case .upright: font.slant = .normal
        case .italic: font.slant = .italic
        case .bold: (font.slant, font.weight) = (.normal, .bold)
        }
        return font
    }

    /// A formula's atoms with TeX's spacing between them. A binary operator with nothing to combine on its
    /// left (at the start, after an operator, a relation, an opening or punctuation) or on its right becomes
    /// ordinary, so the minus in `−x` or `(−1)` gets no space.
    private func items(_ nodes: [MathNode], level: Int) -> [Item] {
        var classes = nodes.map(\.atomClass)
        var previous: Int?
        for i in classes.indices {
            guard let atomClass = classes[i] else { continue }
            if atomClass == .binary {
                let left = previous.flatMap { classes[$0] }
                if left.map({ [.binary, .largeOperator, .relation, .opening, .punctuation].contains($0) }) ?? true {
                    classes[i] = .ordinary
                }
            }
            if [.relation, .closing, .punctuation].contains(atomClass), let p = previous, classes[p] == .binary {
                classes[p] = .ordinary
            }
            previous = i
        }
        if let p = previous, classes[p] == .binary { classes[p] = .ordinary }

        var row: [Item] = []
        var previousClass: MathAtomClass?
        for (node, atomClass) in zip(nodes, classes) {
            if let atomClass {
                if let previousClass {
                    let space = MathMetrics.spacing(previousClass, atomClass, inScript: level > 0)
                    if space != 0 { row.append(.kern(space * size(level))) }
                }
                previousClass = atomClass
            }
            switch node {
            case .glyphs(let text, _, let style): row.append(.text(text, font(style, level: level)))
            case .space(let width): row.append(.kern(width * size(level)))
            default: row.append(.box(box(node, level: level)))
            }
        }
        return row
    }

    /// Measures and places a row left to right on one baseline. Neighbouring texts in the same font with no
    /// kern between them are measured and drawn as one run, so kerning between them is the font's.
    private func pack(_ row: [Item]) -> MathBox {
        var merged: [Item] = []
        for item in row {
            if case .text(let text, let font) = item, case .text(let previous, let previousFont)? = merged.last,
               font == previousFont
            {
                merged[merged.count - 1] = .text(previous + text, font)
            } else {
                merged.append(item)
            }
        }
        var box = MathBox()
        var x = 0.0
        // The italic correction owed by the previous item, if it was italic text.
        var correction = 0.0
        for item in merged {
            switch item {
            case .text(let text, let font):
                if font.slant != .italic { x += correction }
                correction = font.slant == .italic ? MathMetrics.italicCorrection(after: text) * font.size : 0
                let metrics = measure(text, font)
                box.runs.append(TextLayout.Run(text: text, font: font, offset: Point(x, 0), metrics: metrics))
                let ink = MathMetrics.inkExtent(of: text)
                box.height = max(box.height, ink.height * font.size)
                box.depth = max(box.depth, ink.depth * font.size)
                box.isItalic = font.slant == .italic
                x += metrics.width
            case .kern(let width):
                x += width
                correction = 0
            case .box(let inner):
                correction = 0
                box.place(inner, at: Point(x, 0))
                box.isItalic = inner.isItalic
                x += inner.width
            }
        }
        box.width = x
        if merged.count == 1, case .text = merged[0] { box.isCharacter = true }
        return box
    }

    // MARK: - Boxes

    private func box(_ node: MathNode, level: Int) -> MathBox {
        switch node {
        case .glyphs, .space:
            return pack(items([node], level: level))
        case .group(let nodes):
            return pack(items(nodes, level: level))
        case .scripts(let base, let lower, let upper):
            return scripts(base: base, lower: lower, upper: upper, level: level)
        case .accent(let accent, let base):
            return self.accent(accent, over: box(base, level: level), level: level)
        case .radical(let radicand, let index):
            return radical(radicand, index: index, level: level)
        case .fraction(let numerator, let denominator, let display):
            return fraction(numerator, denominator, partLevel: display ? level : level + 1, level: level)
        case .delimited(let open, let body, let close):
            return delimited(open: open, body, close: close, level: level)
        }
    }

    /// Delimiters around `body`, scaled up from the text size until they cover 90% of the body's extent
    /// about the math axis (TeX's delimiter factor), and moved so their centre stays on the axis. The glyphs
    /// are drawn at a larger size, so they stay text and look alike in every back end.
    private func delimited(open: String?, _ body: [MathNode], close: String?, level: Int) -> MathBox {
        let s = size(level)
        let axis = MathMetrics.axisHeight * s
        let inner = pack(items(body, level: level))
        let needed = 2 * max(inner.height - axis, inner.depth + axis) * 0.9
        var result = MathBox()
        var x = 0.0
        func place(_ delimiter: String?) {
            guard let delimiter else { return }
            let ink = MathMetrics.inkExtent(of: delimiter)
            let scale = max(1, needed / ((ink.height + ink.depth) * s))
            let glyph = pack([.text(delimiter, font(.upright, level: level).sized(s * scale))])
            // Keep the glyph's ink centre on the axis: lower it by the amount scaling raised its centre.
            let shift = ((ink.height - ink.depth) / 2 * scale) * s - ((ink.height - ink.depth) / 2) * s
            result.place(glyph, at: Point(x, shift))
            x += glyph.width
        }
        place(open)
        result.place(inner, at: Point(x, 0))
        x += inner.width
        place(close)
        result.width = x
        return result
    }

    /// Scripts after a base (TeX, The TeXbook appendix G, rules 18a–f). On a character the superscript is
    /// raised by `superscriptShift` and the subscript lowered by `subscriptShift`; on a taller box the
    /// superscript is raised to within `superscriptDrop` of its top. With both, the subscript goes down to
    /// `subscriptShiftWithSuperscript` and the pair is pushed apart until `scriptGap` separates them.
    /// Both scripts start at the base's right edge.
    private func scripts(base: MathNode?, lower: [MathNode]?, upper: [MathNode]?, level: Int) -> MathBox {
        var nucleus = base.map { box($0, level: level) } ?? MathBox()
        if base == nil { nucleus.isCharacter = true }
        let s = size(level)
        let scriptSize = size(level + 1)
        let xHeight = MathMetrics.xHeight * s
        let sup = upper.map { pack(items($0, level: level + 1)) }
        let sub = lower.map { pack(items($0, level: level + 1)) }

        var up = MathMetrics.superscriptShift * s
        var down = (sup == nil ? MathMetrics.subscriptShift : MathMetrics.subscriptShiftWithSuperscript) * s
        if !nucleus.isCharacter {
            up = max(up, nucleus.height - MathMetrics.superscriptDrop * scriptSize)
            down = max(down, nucleus.depth + MathMetrics.subscriptDrop * scriptSize)
        }
        if let sup { up = max(up, sup.depth + xHeight / 4) }
        if let sub { down = max(down, sub.height - xHeight * 4 / 5) }
        if let sup, let sub {
            let gap = (up - sup.depth) - (sub.height - down)
            let least = MathMetrics.scriptGap * s
            if gap < least { down += least - gap }
            let lift = xHeight * 4 / 5 - (up - sup.depth)
            if lift > 0 {
                up += lift
                down -= lift
            }
        }

        var result = MathBox()
        result.place(nucleus, at: Point(0, 0))
        var scriptWidth = 0.0
        if let sup {
            result.place(sup, at: Point(nucleus.width, -up))
            scriptWidth = sup.width
        }
        if let sub {
            result.place(sub, at: Point(nucleus.width, down))
            scriptWidth = max(scriptWidth, sub.width)
        }
        result.width = nucleus.width + scriptWidth + MathMetrics.scriptSpace * s
        return result
    }

    /// An accent centred over `base`, `accentGap` above its ink. Over an italic letter the accent moves
    /// right by the slant (tan 11° ≈ 0.19) times its height above the letter's middle, so it sits over the
    /// letter's top rather than its foot.
    private func accent(_ accent: MathAccent, over base: MathBox, level: Int) -> MathBox {
        let s = size(level)
        let bottom = max(base.height, MathMetrics.xHeight * s) + MathMetrics.accentGap * s
        let skew = base.isCharacter && base.isItalic ? MathMetrics.italicSlant * (bottom - base.height / 2) : 0
        let center = base.width / 2 + skew
        let stroke = TextLayout.Shape.Paint.stroke(width: MathMetrics.accentThickness * s)
        // The accent's baseline in y-down coordinates.
        let y = -bottom
        var result = base
        result.isCharacter = false
        switch accent {
        case .hat:
            let width = max(0.42 * s, min(0.55 * base.width, 1.2 * s))
            let rise = min(0.18 * s + 0.1 * (width - 0.42 * s), 0.28 * s)
            result.add(Path(polyline: [Point(center - width / 2, y), Point(center, y - rise), Point(center + width / 2, y)]),
                       paint: stroke)
        case .bar, .overline:
            let width = accent == .overline ? base.width : max(0.4 * s, 0.8 * base.width)
            let left = accent == .overline ? 0 : center - width / 2
            let lineY = y - 0.03 * s
            result.add(Path(polyline: [Point(left, lineY), Point(left + width, lineY)]), paint: stroke)
        case .tilde:
            let width = max(0.45 * s, min(0.75 * base.width, 1.2 * s))
            let amplitude = 0.05 * s
            let mid = y - 0.08 * s
            let left = center - width / 2
            var path = Path()
            path.move(to: Point(left, mid + amplitude))
            path.curve(to: Point(left + width, mid - amplitude),
                       control1: Point(left + width * 0.35, mid - 3 * amplitude),
                       control2: Point(left + width * 0.65, mid + 3 * amplitude))
            result.add(path, paint: stroke)
        case .vec:
            let width = max(0.5 * s, 0.9 * base.width)
            let lineY = y - 0.08 * s
            let left = center - width / 2, right = center + width / 2
            let head = 0.13 * s
            var path = Path(polyline: [Point(left, lineY), Point(right, lineY)])
            path.append(Path(polyline: [Point(right - head, lineY - head * 0.75), Point(right, lineY),
                                        Point(right - head, lineY + head * 0.75)]))
            result.add(path, paint: stroke)
        case .dot, .ddot:
            let radius = 0.06 * s
            let centers = accent == .dot ? [center] : [center - 0.14 * s, center + 0.14 * s]
            for x in centers {
                result.add(Path(circleAt: Point(x, y - radius), radius: radius), paint: .fill)
            }
        }
        return result
    }

    /// `√` drawn as a stroked path: a short rising tick, a descent to below the baseline, a long stroke up to
    /// `radicalGap` above the radicand, then a bar over the whole radicand. An index (`\sqrt[3]{x}`) is set
    /// two levels smaller above the tick.
    private func radical(_ radicand: [MathNode], index: [MathNode]?, level: Int) -> MathBox {
        let s = size(level)
        let thickness = MathMetrics.ruleThickness * s
        let body = pack(items(radicand, level: level))
        let top = max(body.height, MathMetrics.xHeight * s) + MathMetrics.radicalGap * s + thickness / 2
        let bottom = -(body.depth + 0.08 * s)
        let span = top - bottom
        let signWidth = 0.42 * s + 0.08 * span
        let padding = 0.08 * s

        var result = MathBox()
        var x0 = 0.0
        var indexBox: MathBox?
        if let index {
            let box = pack(items(index, level: level + 2))
            x0 = max(0, box.width + 0.05 * s - 0.45 * signWidth)
            indexBox = box
        }
        // Heights above the baseline, turned to y-down points.
        func point(_ x: Double, _ height: Double) -> Point { Point(x0 + x, -height) }
        let tickHeight = bottom + 0.45 * span
        let barEnd = signWidth + padding + body.width + padding
        let sign = Path(polyline: [
            point(0, tickHeight), point(0.16 * signWidth, tickHeight + 0.06 * span), point(0.45 * signWidth, bottom),
            point(signWidth, top), point(barEnd, top),
        ])
        result.add(sign, paint: .stroke(width: thickness))
        result.place(body, at: Point(x0 + signWidth + padding, 0))
        if let indexBox {
            let baseline = tickHeight + 0.06 * span + 0.08 * s + indexBox.depth
            result.place(indexBox, at: Point(x0 + 0.45 * signWidth - 0.05 * s - indexBox.width, -baseline))
        }
        result.width = x0 + barEnd + 0.05 * s
        return result
    }

    /// Numerator over denominator, each centred over a rule of the wider one's width, the rule on the math
    /// axis (`axisHeight` above the baseline) and `fractionGap` clear of both parts; `fractionPadding` on
    /// each side.
    private func fraction(_ numerator: [MathNode], _ denominator: [MathNode], partLevel: Int, level: Int) -> MathBox {
        let s = size(level)
        let thickness = MathMetrics.ruleThickness * s
        let axis = MathMetrics.axisHeight * s
        let gap = MathMetrics.fractionGap * s
        let padding = MathMetrics.fractionPadding * s
        let top = pack(items(numerator, level: partLevel))
        let bottom = pack(items(denominator, level: partLevel))
        let width = max(top.width, bottom.width)
        let up = axis + thickness / 2 + gap + top.depth
        let down = bottom.height + gap + thickness / 2 - axis

        var result = MathBox()
        result.place(top, at: Point(padding + (width - top.width) / 2, -up))
        result.place(bottom, at: Point(padding + (width - bottom.width) / 2, down))
        // A filled rectangle rather than a stroke, so that no cap makes the rule longer than its parts.
        result.add(Path(rect: Rect(x: padding, y: -axis - thickness / 2, width: width, height: thickness)), paint: .fill)
        result.width = width + 2 * padding
        return result
    }
}
