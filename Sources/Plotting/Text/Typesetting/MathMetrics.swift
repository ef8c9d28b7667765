/// The proportions of math layout, in em of the current size.
///
/// Values follow TeX's font parameters (The TeXbook, appendix G), adjusted for DejaVu Sans, whose x-height
/// (0.55 em) and math axis are higher than Computer Modern's.
enum MathMetrics {
    /// Size of level 0 (the label), 1 (scripts, fraction parts) and 2 or more (scripts of scripts).
    static func scale(level: Int) -> Double {
        switch level {
        case 0: 1
        case 1: 0.7
        default: 0.5
        }
    }

    /// Height of lowercase letters.
    static let xHeight = 0.55
    /// Height of the centre of `+` and `−` above the baseline: fraction rules sit on it.
    static let axisHeight = 0.32
    /// Thickness of fraction rules and radical signs.
    static let ruleThickness = 0.06
    /// Thickness of accent strokes (hats, tildes, arrows).
    static let accentThickness = 0.065

    /// How far a superscript's baseline is raised on a character base.
    static let superscriptShift = 0.40
    /// How far a lone subscript's baseline is lowered.
    static let subscriptShift = 0.20
    /// How far a subscript is lowered when there is also a superscript.
    static let subscriptShiftWithSuperscript = 0.25
    /// On a non-character base, the superscript's baseline is at most this far (in em of the script size)
    /// below the base's top.
    static let superscriptDrop = 0.386
    /// On a non-character base, the subscript's baseline is at least this far (em of the script size) below
    /// the base's bottom.
    static let subscriptDrop = 0.05
    /// The least gap between a superscript's bottom and a subscript's top.
    static let scriptGap = 0.12
    /// Space after a script.
    static let scriptSpace = 0.05

    /// Gap between a fraction's parts and its rule.
    static let fractionGap = 0.10
    /// Space on each side of a fraction.
    static let fractionPadding = 0.10
    /// Gap between a radicand's top and the radical's bar.
    static let radicalGap = 0.12
    /// Gap between a base's top and its accent.
    static let accentGap = 0.10

    /// Thin, medium and thick spaces between atoms, in em (TeX's 3, 4 and 5 mu).
    static let thinSpace = 3.0 / 18
    static let mediumSpace = 4.0 / 18
    static let thickSpace = 5.0 / 18

    /// The space TeX puts between atoms of the given classes, in em; medium and thick spaces, and the space
    /// after punctuation, are left out in scripts.
    static func spacing(_ left: MathAtomClass, _ right: MathAtomClass, inScript: Bool) -> Double {
        let full = !inScript
        switch (left, right) {
        case (.binary, _), (_, .binary):
            return full ? mediumSpace : 0
        case (.relation, .relation), (.opening, .relation), (.relation, .closing), (.relation, .punctuation):
            return 0
        case (.relation, _), (_, .relation):
            return full ? thickSpace : 0
        case (.largeOperator, .ordinary), (.ordinary, .largeOperator), (.largeOperator, .largeOperator),
             (.closing, .largeOperator):
            return thinSpace
        case (.punctuation, _):
            return full ? thinSpace : 0
        default:
            return 0
        }
    }

    /// The slant of italic letters (tan 11°): how far their tops lean right per em of height.
    static let italicSlant = 0.19

    /// The space, in em, an italic run needs before an upright character so that its top does not touch it
    /// (TeX's italic correction): half the slant over the last letter's height, as the top of a slanted
    /// letter overhangs its advance by about that much.
    static func italicCorrection(after text: String) -> Double {
        guard let last = text.last else { return 0 }
        return italicSlant * inkExtent(of: String(last)).height / 2
    }

    /// An estimate of how far the ink of `text` reaches above and below the baseline, in em, from the
    /// shapes of its characters (DejaVu Sans proportions).
    static func inkExtent(of text: String) -> (height: Double, depth: Double) {
        var height = 0.0
        var depth = 0.0
        for scalar in text.unicodeScalars {
            let extent = inkExtent(of: scalar)
            height = max(height, extent.height)
            depth = max(depth, extent.depth)
        }
        return (height, depth)
    }

    private static func inkExtent(of scalar: Unicode.Scalar) -> (height: Double, depth: Double) {
        switch scalar {
        case "a", "c", "e", "m", "n", "o", "r", "s", "u", "v", "w", "x", "z", "ı",
             "α", "ε", "ι", "κ", "ν", "ο", "π", "σ", "τ", "υ", "ω", "ϵ", "ϖ":
            return (xHeight, 0)
        case "g", "p", "q", "y", "γ", "η", "μ", "ρ", "ς", "φ", "χ", "ψ", "ϱ":
            return (xHeight, 0.21)
        case "b", "d", "f", "h", "k", "l", "i", "δ", "θ", "λ", "ϑ", "′":
            return (0.76, 0)
        case "t":
            return (0.72, 0)
        case "j", "β", "ζ", "ξ", "ϕ":
            return (0.76, 0.21)
        case "(", ")", "[", "]", "{", "}", "|", "‖", "⟨", "⟩", "⌊", "⌋", "⌈", "⌉", "/", "\\":
            return (0.76, 0.13)
        case "+", "−", "=", "×", "÷", "±", "∓", "⋅", "∗", "∘", "∙", "<", ">", "≤", "≥", "≠", "≈", "∼", "≃", "≡",
             "→", "←", "↔", "⇒", "⇐", "⇔", "↦", "∝", "∈", "∉", "⊂", "⊆", "⊃", "⊇", "∪", "∩", "⊙", "⊕", "⊗", "~":
            return (0.62, 0.02)
        case ",", ";":
            return (0.12, 0.14)
        case ".", "…", "_":
            return (0.12, 0)
        case "⋯":
            return (0.36, 0)
        case "∑", "∏", "∫", "∮":
            return (0.76, 0.2)
        case "Q":
            return (0.73, 0.13)
        case "0"..."9":
            return (0.75, 0)
        default:
            return (0.73, 0)
        }
    }
}
