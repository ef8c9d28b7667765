import Testing
import Plotting
import Simulation
import Specs

/// Shortcuts for tests: simulate a spec and read its record, figure, alt text or animation in one call.
extension FigureSpec {
    /// The figure drawn from a fresh simulation.
    func simulatedFigure(theme: Theme = .light) throws -> Figure { try figure(try simulate(), theme: theme) }

    /// The alt text of a fresh simulation.
    func simulatedAltText() throws -> String { try altText(try simulate()) }

    /// The traces of the first panel's runs.
    func traces() throws -> [Trace] { try #require(try simulate().panels[0].runs).map(\.trace) }

    /// The animation of a fresh simulation.
    func animation(theme: Theme = .light) throws -> FigureAnimation {
        try FigureAnimation(spec: self, record: try simulate(), theme: theme)
    }

    /// The first panel's runs as parsed.
    var runs: [RunSet.Run] { panels[0].runSet?.runs ?? [] }

    /// The first panel's training, for `kind: training-curves`.
    var training: TrainingSpec? {
        if case .trainingCurves(let training) = panels[0].content { training } else { nil }
    }
}
