import Plotting
import Simulation

extension FigureSpec {
    /// The traces of the first panel's runs (every panel simulates its own runs when drawn).
    public func traces() -> [Trace] { panels[0].traces() }

    /// The theme the spec asks for (unless `override` names one), with the spec's font applied.
    public func resolvedTheme(_ override: Theme? = nil) -> Theme {
        var theme = override ?? theme.flatMap(Theme.named) ?? .light
        if let fontFamily { theme.fontFamily = fontFamily }
        if let fontSize { theme.fontSize = fontSize }
        return theme
    }

    /// The figure this spec describes, drawn in `theme`: its panels in a grid (with one shared legend when
    /// asked) and the inset.
    public func figure(theme: Theme, transparent: Bool = false) -> Figure {
        figure(panels.map { $0.panel(theme: theme) }, theme: theme, transparent: transparent)
    }

    /// The figure holding `built` (one drawn panel per spec panel), with the shared legend and the inset.
    func figure(_ built: [any FigurePanel], theme: Theme, transparent: Bool) -> Figure {
        var built = built
        if sharedLegend && built.count > 1 {
            for k in built.indices.dropLast() {
                if var chart = built[k] as? Chart {
                    chart.legend = .none
                    built[k] = chart
                }
            }
        }
        var figure = Figure(size: Size(width, height), panels: built, columns: columns, transparent: transparent)
        if let inset {
            var panel = inset.panel(theme: theme)
            if var chart = panel as? Chart {
                chart.legend = .none
                chart.colorbar = nil
                chart.title = inset.title
                panel = chart
            }
            figure.inset = (panel, Figure.Corner(rawValue: insetCorner) ?? .topRight, 0.38)
        }
        return figure
    }
}

extension PanelSpec {
    /// Runs every optimizer of the panel and returns the traces in run order.
    public func traces(recordState: Bool = false) -> [Trace] {
        runs.map { run in
            // Schedules were checked when the spec was read; a failure here can only be one found later in the
            // run (a OneCycleLR that runs out of steps is caught at reading), so the unscheduled run stands in.
            let schedule = run.schedule.flatMap { try? Schedules.make($0) }
            let surface = run.surface ?? self.surface
            let scheduled = try? Trace.run(surface: surface.surface, optimizer: run.optimizer, schedule: schedule, start: run.start ?? start,
                                           steps: run.steps ?? steps, noise: surface.noise, recordState: recordState)
            return scheduled ?? Trace.run(surface: surface.surface, optimizer: run.optimizer, start: run.start ?? start,
                                          steps: run.steps ?? steps, noise: surface.noise, recordState: recordState)
        }
    }

    /// The panel drawn in `theme`.
    public func panel(theme: Theme) -> any FigurePanel {
        switch kind {
        case .trajectories: trajectoriesChart(traces(), theme: theme)
        case .loss: lossChart(traces(), theme: theme)
        case .gradientField: gradientFieldChart(theme: theme)
        case .stateOverlay: stateOverlayChart(theme: theme)
        case .surface3d: surfacePlot(theme: theme)
        case .schedules: schedulesChart(theme: theme)
        case .trainingCurves: trainingChart(theme: theme)
        case .l2Fits: l2FitsChart(theme: theme)
        case .l2Sweep: l2SweepChart(theme: theme)
        case .l2Contours: l2ContoursChart(theme: theme)
        }
    }

    /// The colour, dash and label of each run.
    func runStyles(theme: Theme) -> [(color: Color, dash: [Double], label: String)] {
        let colors = Palette.colors(for: runs.map(\.label))
        return runs.indices.map { k in (theme.lineColor(colors[k]), theme.dash(forRun: k), runs[k].label) }
    }

    /// The annotations as marks.
    var annotationMarks: [Mark] {
        annotations.map { .annotation(AnnotationMark(text: $0.text, target: Point($0.at.x, $0.at.y), offset: Point($0.offset.x, $0.offset.y))) }
    }
}
