import ArgumentParser
import Plotting

/// How a command that draws figures draws them: `--theme`, `--scale` and `--transparent`.
struct DrawingOptions: ParsableArguments {
    /// The device-pixel scales `--scale` accepts.
    static let scales: ClosedRange<Double> = 0.25...8

    @Option(help: ArgumentHelp("The theme (default: the spec's theme, else light).", valueName: "theme"))
    var theme: Theme?

    @Option(parsing: .unconditional, help: ArgumentHelp("Device pixels per layout unit of PNG images and frames (2 for HiDPI), from 0.25 to 8.",
                               valueName: "n"))
    var scale: Double = 1

    @Flag(help: "Leave the background transparent (for slides).")
    var transparent = false

    func validate() throws {
        guard scale.isFinite, Self.scales.contains(scale) else {
            throw ValidationError("--scale must be between 0.25 and 8, got \(scale)")
        }
    }
}
