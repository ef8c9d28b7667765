import Foundation
import Plotting
import Simulation

extension PanelSpec {
    /// Hyperband's brackets as a table: a column per bracket s (s_max first, headed in the bracket's colour),
    /// a row per rung i with n_i × ⌈r_i⌉, then the steps each bracket spends, Σ n_i·⌈r_i⌉, and — when the
    /// search was run — each bracket's best value, the lowest in bold.
    func hyperbandTable(_ panel: HyperbandTablePanel, rungs: [RungRecord], trials: [SearchTrial]?, theme: Theme) -> TablePanel {
        let hyperband = panel.hyperband
        let brackets = panel.brackets
        let sMax = hyperband.sMax
        let depth = (rungs.map(\.rung).max() ?? 0) + 1
        func rung(_ s: Int, _ i: Int) -> RungRecord? { rungs.first { $0.bracket == s && $0.rung == i } }

        let header = [TablePanel.Cell("")] + brackets.map { TablePanel.Cell("s = \($0)", color: Self.bracketColor($0, sMax: sMax, theme: theme), bold: true) }
        let rows = (0..<depth).map { i in
            [TablePanel.Cell("i = \(i)")] + brackets.map { s in TablePanel.Cell(rung(s, i).map { "\($0.count) × \($0.budget)" } ?? "") }
        }
        let spent = brackets.map { s in rungs.filter { $0.bracket == s }.reduce(0) { $0 + $1.count * $1.budget } }
        var footer = [[TablePanel.Cell("steps")] + spent.map { TablePanel.Cell(String($0)) }]
        if let trials {
            let best = brackets.map { s in trials.filter { $0.bracket == s && $0.value.isFinite }.map(\.value).min() }
            let lowest = best.compactMap { $0 }.min()
            footer.append([TablePanel.Cell("best")] + zip(brackets, best).map { s, value in
                guard let value else { return TablePanel.Cell("–") }
                let wins = value == lowest
                return TablePanel.Cell(Self.tableNumber(value), color: wins ? Self.bracketColor(s, sMax: sMax, theme: theme) : nil, bold: wins)
            })
        }
        let name: String
        if case .successiveHalving = panel.sampler { name = "Successive halving" } else { name = "Hyperband" }
        return TablePanel(title: title ?? "\(name), R=\(hyperband.maxResource), η=\(hyperband.eta)", header: header, rows: rows,
                          footer: footer, alignment: .on("×"),
                          note: "n × r: n configurations, r steps each; \(spent.reduce(0, +)) steps in all")
    }

    /// A value in three significant digits, in e-notation outside 0.001…10⁴, with a true minus sign.
    static func tableNumber(_ value: Double) -> String {
        var text = String(format: "%.3g", value)
        if let e = text.firstIndex(of: "e") {
            // C writes e-09 and e+05: drop the plus and the leading zero.
            var exponent = String(text[text.index(after: e)...])
            let negative = exponent.hasPrefix("-")
            exponent = String(exponent.drop { $0 == "-" || $0 == "+" || $0 == "0" })
            text = String(text[..<e]) + "e" + (negative ? "-" : "") + (exponent.isEmpty ? "0" : exponent)
        }
        return text.replacingOccurrences(of: "-", with: "\u{2212}")
    }
}
