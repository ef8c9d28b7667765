import Plotting
import Simulation

/// A figure described in a YAML file: what to simulate and how to show it, read once into typed values.
///
/// ```yaml
/// kind: trajectories          # or: loss, gradient-field, state-overlay, surface3d, schedules, ..., panels
/// title: Optimizers in Rosenbrock's valley
/// surface: rosenbrock
/// steps: 300
/// runs:
///   - optimizer: SGD(lr=2e-4, momentum=0.9)
///   - optimizer: Adam(lr=0.05)
///     label: Adam
/// ```
///
/// ``parse(_:file:)`` reads a spec strictly (an unknown key or value is reported with its file, line and column
/// and the closest valid word); ``simulate()`` runs it once into a ``FigureRecord``, from which the figure, the
/// alt text, the animation and the data export are all made. See Docs/specs.md for every key.
public struct FigureSpec: Sendable {
    /// The file the spec came from (for messages) and its text (embedded in outputs as the recipe).
    public var file: String
    public var text: String
    /// The figure's panels: one for a plain spec, several for `kind: panels`.
    public var panels: [PanelSpec]
    /// Panels per row.
    public var columns: Int
    /// One legend for the whole figure (on the last panel) instead of one per panel.
    public var sharedLegend: Bool
    /// A small panel drawn inside the first one, and the corner it sits in.
    public var inset: PanelSpec?
    public var insetCorner: Figure.Corner
    /// The size in layout units: pixels for PNG at scale 1, points for SVG and PDF (see ``parseLength(_:)``).
    public var width: Double
    public var height: Double
    /// The theme the spec asks for (`nil`: light, unless the command line names one).
    public var theme: Theme?
    public var fontFamily: String?
    public var fontSize: Double?
    /// Alt text given in the spec, used instead of the generated description.
    public var alt: String?
    /// How the figure animates (`descent animate`); nil for a still.
    public var animation: AnimationSpec?
    /// The parameter the spec sweeps, when it declares one; this spec is then its first variant.
    public var sweep: SweepSpec?
    /// One spec per value of the sweep (this one first), each read from the text with the value in place of
    /// `{param}`; empty without a sweep.
    public var variants: [FigureSpec] = []
    /// The value this spec was read with, for a variant of a sweep.
    public var sweepValue: String?

    /// The headline of a `kind: panels` figure (its top-level `title`), drawn over all its panels.
    public var headline: String?

    /// The first panel's kind (every figure has at least one panel).
    public var kind: PanelSpec.Kind { panels[0].kind }
    /// The figure's title: its headline, or else its first panel's title.
    public var title: String? { headline ?? panels[0].title }

    /// The theme the spec asks for (unless `override` names one), with the spec's font applied.
    public func resolvedTheme(_ override: Theme? = nil) -> Theme {
        var theme = override ?? self.theme ?? .light
        if let fontFamily { theme.fontFamily = fontFamily }
        if let fontSize { theme.fontSize = fontSize }
        return theme
    }
}

/// One parameter of a spec swept over a few values (`sweep: {param: lr, values: [0.01, 0.1, 0.5]}`): each
/// value is written in place of `{lr}` wherever the spec's text has it, giving one figure per value — what
/// the gallery shows behind a slider.
public struct SweepSpec: Sendable, Equatable {
    /// The placeholder's name: the spec writes `{param}`.
    public var param: String
    /// The values, as written.
    public var values: [String]
    /// What the slider says the parameter is (`learning rate`); the name when not given.
    public var label: String

    public init(param: String, values: [String], label: String? = nil) {
        self.param = param
        self.values = values
        self.label = label ?? param
    }
}

extension FigureSpec {
    /// Where a top-level key such as `font` or `size` is written in the spec's text (1-based line and column
    /// of the key), for errors found only when the figure is drawn; nil when the spec does not write it.
    public func location(ofKey key: String) -> (line: Int, column: Int)? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.hasPrefix(key) else { continue }
            let rest = line.dropFirst(key.count).drop { $0 == " " }
            if rest.hasPrefix(":") { return (index + 1, 1) }
        }
        return nil
    }

    /// A ``SpecError`` for this spec at `key` (or at the file, when the key is not written).
    public func error(atKey key: String, _ message: String) -> SpecError {
        let place = location(ofKey: key)
        return SpecError(file: file, line: place?.line, column: place?.column, message)
    }
}
