/// A laid-out piece of a formula: its pieces placed relative to its own origin (the left end of its
/// baseline, y down), its advance width, and how far its ink reaches above and below the baseline.
///
/// `height` and `depth` are ink estimates from `MathMetrics.inkExtent(of:)`, not the font's ascent and
/// descent: accents, radicals and fractions must hug the letters they decorate (an `m` is shorter than a
/// `b`), whatever the back end reports for the font as a whole.
struct MathBox {
    var width = 0.0
    /// Ink above the baseline (positive).
    var height = 0.0
    /// Ink below the baseline (positive).
    var depth = 0.0
    var runs: [TextLayout.Run] = []
    var shapes: [TextLayout.Shape] = []
    /// Whether the box is a single run of characters: TeX raises scripts on a character by fixed amounts,
    /// and on anything else relative to the box's height.
    var isCharacter = false
    /// Whether the box's last run is italic (accents lean to the right with the letter).
    var isItalic = false

    /// Adds `other`'s pieces moved by `offset` (y down), and grows the ink extent to cover them. The
    /// width is left to the caller.
    mutating func place(_ other: MathBox, at offset: Point) {
        runs += other.runs.map { run in
            var run = run
            run.offset = run.offset + offset
            return run
        }
        shapes += other.shapes.map { $0.translated(by: offset) }
        height = max(height, other.height - offset.y)
        depth = max(depth, other.depth + offset.y)
    }

    /// Adds a stroked or filled path, growing the ink extent to its bounds.
    mutating func add(_ path: Path, paint: TextLayout.Shape.Paint) {
        let shape = TextLayout.Shape(path: path, paint: paint)
        if let bounds = shape.bounds {
            height = max(height, -bounds.minY)
            depth = max(depth, bounds.maxY)
        }
        shapes.append(shape)
    }
}
