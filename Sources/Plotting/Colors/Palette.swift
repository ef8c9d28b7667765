/// Colours for lines and markers: Okabe & Ito's colour-blind-safe palette (2008), with a fixed colour per
/// optimizer so that Adam looks the same in every figure.
public enum Palette {
    public static let black = Color(hex: 0x000000)
    public static let orange = Color(hex: 0xE69F00)
    public static let skyBlue = Color(hex: 0x56B4E9)
    public static let bluishGreen = Color(hex: 0x009E73)
    public static let yellow = Color(hex: 0xF0E442)
    public static let blue = Color(hex: 0x0072B2)
    public static let vermillion = Color(hex: 0xD55E00)
    public static let reddishPurple = Color(hex: 0xCC79A7)

    /// The palette in the order runs without a fixed colour take it (strong colours first).
    public static let categorical = [blue, vermillion, bluishGreen, reddishPurple, orange, skyBlue, black, yellow]

    /// The fixed colour of a run label, matched case-insensitively on the optimizer's name (SGD with
    /// momentum is "Momentum", with Nesterov momentum "Nesterov"). `nil` for labels without one.
    public static func fixedColor(for label: String) -> Color? {
        switch label.lowercased() {
        case "sgd": black
        case "momentum", "sgd+momentum", "sgd momentum": skyBlue
        case "nesterov": blue
        case "adagrad": bluishGreen
        case "rmsprop": reddishPurple
        case "adam": vermillion
        case "adamw": orange
        case "nadam": yellow
        default: nil
        }
    }

    /// Colours for `labels`: each label's fixed colour when it has one, otherwise the next palette colour
    /// not yet used in this figure.
    public static func colors(for labels: [String]) -> [Color] {
        var used = Set(labels.compactMap(fixedColor(for:)))
        var spare = categorical.filter { !used.contains($0) }.makeIterator()
        var fallback = 0
        return labels.map { label in
            if let fixed = fixedColor(for: label) { return fixed }
            if let next = spare.next() {
                used.insert(next)
                return next
            }
            defer { fallback += 1 }
            return categorical[fallback % categorical.count]
        }
    }
}
