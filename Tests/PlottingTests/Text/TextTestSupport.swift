import Plotting
import Testing

/// Lays `source` out in DejaVu Sans at `size` units, measured as the recording canvas measures (0.6 em per
/// character, ascent 0.76 em, descent 0.24 em).
func typeset(_ source: String, size: Double = 20) throws -> TextLayout {
    try MathText(source).layout(font: Font(size: size), on: RecordingCanvas(size: Size(400, 100)))
}

/// Whether `a` and `b` agree to a relative tolerance (absolute near zero).
func isNear(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

extension TextLayout {
    /// The run whose text is `text`; fails the test when there is none.
    func run(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
        try #require(runs.first { $0.text == text }, "no run \"\(text)\" in \(runs.map(\.text))",
                     sourceLocation: sourceLocation)
    }
}
