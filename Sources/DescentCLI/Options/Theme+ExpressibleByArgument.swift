import ArgumentParser
import Plotting

// `--theme` reads Plotting's themes by name, so `--help` lists `Theme.all` and a theme added there is
// accepted here without a second list of names.
extension Theme: ExpressibleByArgument {
    public init?(argument: String) {
        guard let theme = Theme.named(argument) else { return nil }
        self = theme
    }

    public var defaultValueDescription: String { name }

    public static var allValueStrings: [String] { all.map(\.name) }
}
