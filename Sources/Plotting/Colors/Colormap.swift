import DescentAssets

/// A sequential colormap: 256 colours from the lowest value to the highest, looked up by a fraction t ∈ [0, 1]
/// with linear interpolation between neighbouring entries.
///
/// viridis, magma, inferno, plasma (van der Walt & Smith), cividis (Nuñez, Anderton & Renslow, 2018) and
/// turbo (Mikhailov, 2019) are the published tables in `Assets/colormaps`; `grey` is a linear ramp.
public struct Colormap: Sendable, Equatable {
    public let name: String
    public let colors: [Color]

    /// Every colormap name, in the order `descent list colormaps` shows them.
    public static let names = ["viridis", "magma", "inferno", "plasma", "cividis", "turbo", "grey"]

    /// The colormap called `name`.
    ///
    /// - Throws: ``PlottingError`` for an unknown name, listing the known ones.
    public static func named(_ name: String) throws(PlottingError) -> Colormap {
        let key = name.lowercased() == "gray" ? "grey" : name.lowercased()
        if let map = cache[key] { return map }
        let known = names.joined(separator: ", ")
        throw PlottingError("unknown colormap '\(name)' (known: \(known))")
    }

    /// A colormap shipped with Descent (one of ``names``). Its table is part of the package's resources, so a
    /// missing one means a broken installation: that stops the program with a message rather than drawing
    /// in other colours.
    static func builtIn(_ name: String) -> Colormap {
        guard let map = cache[name] else { preconditionFailure("the colormap table '\(name)' is missing from Descent's resources (Assets/colormaps)") }
        return map
    }

    /// The linear ramp from black to white.
    public static var grey: Colormap { builtIn("grey") }

    /// The colour at fraction `t` (clamped to [0, 1]).
    public func color(at t: Double) -> Color {
        guard t.isFinite else { return colors[0] }
        let position = min(max(t, 0), 1) * Double(colors.count - 1)
        let index = min(Int(position), colors.count - 2)
        return colors[index].mixed(with: colors[index + 1], position - Double(index))
    }

    /// The same map reversed (highest value first).
    public var reversed: Colormap { Colormap(name: name + "_r", colors: colors.reversed()) }

    init(name: String, colors: [Color]) {
        self.name = name
        self.colors = colors
    }

    private static let cache: [String: Colormap] = {
        var maps: [String: Colormap] = [:]
        for name in names where name != "grey" {
            guard let table = DescentAssets.colormapTable(named: name) else { continue }
            let colors = table.split(separator: "\n").dropFirst().compactMap { line -> Color? in
                let parts = line.split(separator: ",").compactMap { Double($0.trimmingCharacters()) }
                return parts.count == 3 ? Color(red: parts[0], green: parts[1], blue: parts[2]) : nil
            }
            if colors.count >= 2 { maps[name] = Colormap(name: name, colors: colors) }
        }
        maps["grey"] = Colormap(name: "grey", colors: (0..<256).map { i in
            let v = Double(i) / 255
            return Color(red: v, green: v, blue: v)
        })
        return maps
    }()
}

extension Substring {
    func trimmingCharacters() -> Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return s
    }
}
