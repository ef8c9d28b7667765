import Plotting

/// The colormap names a spec may use.
enum Colormaps {
    static let names = Colormap.names

    static func check(_ name: String) throws -> Colormap { try Colormap.named(name) }
}
