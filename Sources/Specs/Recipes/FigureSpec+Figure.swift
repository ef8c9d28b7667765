import Plotting
import Simulation

extension FigureSpec {
    /// Runs every optimizer of the spec and returns the traces in run order.
    public func traces() -> [Trace] {
        runs.map { run in
            Trace.run(surface: surface.surface, optimizer: run.optimizer, start: run.start ?? start, steps: run.steps ?? steps,
                      noise: surface.noise)
        }
    }

    /// The theme the spec asks for, unless `override` names one.
    public func resolvedTheme(_ override: Theme? = nil) -> Theme {
        override ?? theme.flatMap(Theme.named) ?? .light
    }

    /// The figure this spec describes, drawn in `theme`.
    public func figure(theme: Theme, transparent: Bool = false) -> Figure {
        let traces = traces()
        let chart = switch kind {
        case .trajectories: trajectoriesChart(traces, theme: theme)
        case .loss: lossChart(traces, theme: theme)
        }
        return Figure(size: Size(width, height), charts: [chart], transparent: transparent)
    }

    /// The colour, dash and label of each run.
    func runStyles(theme: Theme) -> [(color: Color, dash: [Double], label: String)] {
        let colors = Palette.colors(for: runs.map(\.label))
        return runs.indices.map { k in (theme.lineColor(colors[k]), theme.dash(forRun: k), runs[k].label) }
    }
}
