import ArgumentParser
import Foundation
import Plotting
import Simulation

/// `descent list`: what can be named in a component, with defaults.
struct ListCommand: TextCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the surfaces, optimizers, colormaps or themes, with their parameters and defaults."
    )

    enum Category: String, ExpressibleByArgument, CaseIterable {
        case surfaces
        case optimizers
        case schedules
        case colormaps
        case themes
    }

    @Argument(help: "What to list: surfaces, optimizers, colormaps or themes (all when omitted).")
    var category: Category?

    func output() throws -> String {
        switch category {
        case .surfaces: Self.surfaces()
        case .optimizers: Self.optimizers()
        case .schedules: Self.schedules()
        case .colormaps: Self.colormaps()
        case .themes: Self.themes()
        case nil: [Self.surfaces(), Self.optimizers(), Self.schedules(), Self.colormaps(), Self.themes()].joined(separator: "\n\n")
        }
    }

    static func schedules() -> String {
        var lines = ["Schedules (torch.optim.lr_scheduler names, keys and defaults; required keys have no default)"]
        for entry in Schedules.catalog.entries {
            let required = entry.parameters.parameters.filter { $0.isListed && $0.defaultValue == nil }.map { "\($0.name)=…" }
            var shown = entry.defaults.description
            if !required.isEmpty {
                shown = shown.hasSuffix(")") ? String(shown.dropLast()) + (entry.defaults.arguments.isEmpty ? "" : ", ") + required.joined(separator: ", ") + ")"
                    : shown + "(" + required.joined(separator: ", ") + ")"
            }
            lines.append("  \(shown)")
            lines.append("      \(entry.summary)")
        }
        return lines.joined(separator: "\n")
    }

    static func colormaps() -> String {
        let notes = [
            "viridis": "perceptually uniform, colour-blind safe (default of the light theme)",
            "magma": "perceptually uniform, black to light yellow (default of the dark theme)",
            "inferno": "perceptually uniform, black to yellow",
            "plasma": "perceptually uniform, blue to yellow",
            "cividis": "uniform for colour-vision deficiency, legible in grey (default of the print theme)",
            "turbo": "rainbow-like with smooth steps; not uniform in lightness",
            "grey": "black to white",
        ]
        return (["Colormaps"] + Colormap.names.map { "  \($0.padding(toLength: 9, withPad: " ", startingAt: 0)) \(notes[$0] ?? "")" })
            .joined(separator: "\n")
    }

    static func themes() -> String {
        let notes = [
            "light": "white background, for screens and slides",
            "dark": "near-black background, light text",
            "print": "for LaTeX documents and paper: black on white, smaller type, dashed runs that survive greyscale",
        ]
        return (["Themes"] + Theme.all.map { "  \($0.name.padding(toLength: 6, withPad: " ", startingAt: 0)) \(notes[$0.name] ?? "")" })
            .joined(separator: "\n")
    }

    static func surfaces() -> String {
        var lines = ["Surfaces (every one also takes noise=σ and seed=S: Gaussian noise on the gradients)"]
        for entry in Surfaces.catalog.entries {
            var shown = entry.defaults
            shown.arguments.removeAll { $0.key == "noise" || $0.key == "seed" }
            if entry.name == "expr" {
                lines.append("  expr:FORMULA   or   expr('FORMULA', start=(x, y), view=(xmin, xmax, ymin, ymax))")
                lines.append("      \(entry.summary); variables x, y; + - * / ^; sin cos tan exp log sqrt abs tanh sinh cosh atan min max pow; pi, e")
                continue
            }
            lines.append("  \(shown)")
            lines.append("      \(entry.summary)")
            guard let surface = try? Surfaces.catalog.make(Component(name: entry.name)).surface else { continue }
            lines.append("      f = \(surface.formula)")
            let view = surface.view
            var facts = "start \(point(surface.start)), view x ∈ [\(n(view.x.lowerBound)), \(n(view.x.upperBound))], "
                + "y ∈ [\(n(view.y.lowerBound)), \(n(view.y.upperBound))]"
            if !surface.minima.isEmpty { facts += ", minima " + surface.minima.map(point).joined(separator: " ") }
            lines.append("      \(facts)")
        }
        return lines.joined(separator: "\n")
    }

    static func optimizers() -> String {
        var lines = ["Optimizers (PyTorch names, keys and defaults)"]
        for entry in Optimizers.catalog.entries {
            lines.append("  \(entry.defaults)")
            lines.append("      \(entry.summary)")
        }
        return lines.joined(separator: "\n")
    }

    private static func point(_ p: SIMD2<Double>) -> String { "(\(n(p.x)), \(n(p.y)))" }
    /// A number as a person writes it: `-8` rather than `-8.0`, otherwise the shortest round-trip decimal.
    private static func n(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : pythonRepr(value)
    }
}
