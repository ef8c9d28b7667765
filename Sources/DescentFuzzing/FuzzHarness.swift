import Plotting
import Simulation
import Specs

/// What each fuzz target does with one input: parse it the way Descent reads user text, and use what parses.
/// Every outcome is fine except a trap, a hang or unbounded memory — which is what the fuzzer looks for.
///
/// The same function serves `make fuzz` (libFuzzer, `Fuzz/DescentFuzz`) and the tests that replay the seed
/// corpus and every input that ever crashed (`Fuzz/corpus/TARGET/`).
public enum FuzzHarness {
    /// The parsers under test.
    public enum Target: String, CaseIterable, Sendable {
        /// Components: `Adam(lr=0.1, betas=(0.9, 0.999))`, parsed and, when they name a known optimizer,
        /// surface or scheduler, built.
        case component
        /// `expr:` formulas: parsed, then evaluated with their gradient at a few points.
        case expression
        /// Math text in titles and labels: parsed, laid out and turned into plain text.
        case mathtext
        /// Spec files: YAML read into a typed figure spec (not simulated).
        case spec
    }

    /// Runs `target` on `bytes` (as UTF-8; invalid sequences are replaced, as a file read would not allow
    /// but a parser must survive).
    public static func run(_ target: Target, _ bytes: UnsafeRawBufferPointer) {
        guard bytes.count <= 64 << 10 else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        switch target {
        case .component:
            guard (try? Component.parse(text)) != nil else { return }
            _ = try? Optimizers.make(text)
            _ = try? Schedules.make(text)
            // mlp_slice trains a network when built: bounded by ``Limits`` but far too slow for a fuzzer.
            if !text.lowercased().contains("mlp") { _ = try? Surfaces.make(text) }
        case .expression:
            guard let expression = try? Expression(text) else { return }
            for (x, y) in [(0.0, 0.0), (1.5, -2.0), (-1e300, 1e-300), (.infinity, .nan)] {
                _ = expression.value(x: x, y: y)
                _ = expression.valueAndGradient(x: x, y: y)
            }
        case .mathtext:
            guard let math = try? MathText(text) else { return }
            _ = math.readable
            _ = math.layout(font: Font(size: 12), on: RecordingCanvas(size: Size(200, 100)))
        case .spec:
            guard !text.lowercased().contains("mlp") else { return }   // as for components
            _ = try? FigureSpec.parse(text, file: "fuzz.yaml")
        }
    }
}
