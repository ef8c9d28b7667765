import Plotting
import Simulation

extension FigureSpec {
    /// The figure this spec describes, drawn from `record` in `theme`: its panels in a grid (with one shared
    /// legend when asked) and the inset.
    ///
    /// - Throws: ``SpecError`` when the record does not belong to this spec (another kind or panel count).
    public func figure(_ record: FigureRecord, theme: Theme, transparent: Bool = false) throws(SpecError) -> Figure {
        try checkShape(of: record)
        var built: [any FigurePanel] = []
        for (panel, panelRecord) in zip(panels, record.panels) { built.append(try panel.panel(panelRecord, theme: theme, file: file)) }
        return try figure(built, record: record, theme: theme, transparent: transparent)
    }

    /// Checks that `record` has one panel record per panel, of the panel's kind, and an inset record when
    /// there is an inset.
    func checkShape(of record: FigureRecord) throws(SpecError) {
        guard record.panels.count == panels.count, (record.inset == nil) == (inset == nil) else {
            throw SpecError(file: file, "the record has \(record.panels.count) panels\(record.inset == nil ? "" : " and an inset"); "
                            + "the spec has \(panels.count)\(inset == nil ? "" : " and an inset")")
        }
    }

    /// The figure holding `built` (one drawn panel per spec panel), with the shared legend and the inset.
    func figure(_ built: [any FigurePanel], record: FigureRecord, theme: Theme, transparent: Bool) throws(SpecError) -> Figure {
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
        figure.setTitle(headline, theme: theme)
        if let inset, let insetRecord = record.inset {
            var panel = try inset.panel(insetRecord, theme: theme, file: file)
            if var chart = panel as? Chart {
                chart.legend = .none
                chart.colorbar = nil
                chart.title = inset.title
                panel = chart
            }
            figure.inset = (panel, insetCorner, 0.38)
        }
        return figure
    }
}

extension PanelSpec {
    /// The panel drawn from its record in `theme`.
    ///
    /// - Throws: ``SpecError`` when `record` is not a record of this panel's kind or lacks what it draws.
    public func panel(_ record: PanelRecord, theme: Theme, file: String) throws(SpecError) -> any FigurePanel {
        try check(record, file: file)
        func field<T>(_ value: T?, _ name: String) throws(SpecError) -> T {
            guard let value else { throw SpecError(file: file, "the \(kind.rawValue) record has no '\(name)'") }
            return value
        }
        switch content {
        case .trajectories(let panel): return trajectoriesChart(panel, try field(record.runs, "runs"), theme: theme)
        case .loss(let panel): return lossChart(panel, try field(record.runs, "runs"), theme: theme)
        case .gradientField(let panel):
            return gradientFieldChart(panel, arrows: try field(record.arrows, "arrows"), runs: record.runs ?? [], theme: theme)
        case .stateOverlay(let panel): return stateOverlayChart(panel, try field(record.runs, "runs"), theme: theme)
        case .surface3d(let panel): return surfacePlot(panel, try field(record.runs, "runs"), theme: theme)
        case .schedules(let panel): return schedulesChart(panel, try field(record.schedules, "schedules"), theme: theme)
        case .trainingCurves: return trainingChart(try field(record.training, "training"), theme: theme)
        case .l2Fits(let ridge): return l2FitsChart(ridge, data: try field(record.data, "data"), fits: try field(record.fits, "fits"), theme: theme)
        case .l2Sweep: return l2SweepChart(try field(record.fits, "fits"), theme: theme)
        case .l2Contours(let panel): return l2ContoursChart(panel, optima: try field(record.fits, "fits"), theme: theme)
        case .search(let panel):
            return searchPanel(panel, try field(record.trials, "trials"), landscape: try field(record.landscape, "landscape"), theme: theme)
        case .boStep(let panel):
            return try boStepPanel(panel, try field(record.trials, "trials"), landscape: try field(record.landscape, "landscape"), theme: theme, file: file)
        case .searchConvergence(let panel):
            return convergenceChart(panel, try field(record.convergence, "convergence"), theme: theme)
        case .hyperband(let panel): return hyperbandChart(panel, try field(record.trials, "trials"), theme: theme)
        case .hyperbandTable(let panel):
            if panel.search != nil { _ = try field(record.trials, "trials") }
            return hyperbandTable(panel, rungs: try field(record.rungs, "rungs"), trials: record.trials, theme: theme)
        case .lrSweep(let panel):
            let sweep = try field(record.lrSweep, "lr_sweep")
            return panel.show == .table ? lrSweepTable(panel, sweep, theme: theme) : lrSweepChart(panel, sweep, theme: theme)
        }
    }

    /// Checks that `record` is a record of this panel: its kind, and one run per run.
    func check(_ record: PanelRecord, file: String) throws(SpecError) {
        guard record.kind == kind.rawValue else {
            throw SpecError(file: file, "a \(kind.rawValue) panel cannot be drawn from a \(record.kind) record")
        }
        if let runSet, let runs = record.runs, runs.count != runSet.runs.count {
            throw SpecError(file: file, "the \(kind.rawValue) record has \(runs.count) runs; the panel has \(runSet.runs.count)")
        }
    }

    /// The colour, dash and label of each run.
    func runStyles(_ runs: [RunRecord], theme: Theme) -> [(color: Color, dash: [Double], label: String, shape: MarkerShape?)] {
        let colors = Palette.colors(for: runs.map(\.label))
        return runs.indices.map { k in (theme.lineColor(colors[k]), theme.dash(forRun: k), runs[k].label, Self.runShape(k, of: runs.count)) }
    }

    /// The end-marker shape of run `k` of `count`: with three runs or more, circle, square, triangle and
    /// diamond in turn, so that paths can be told apart by shape as well as colour (the star is kept for
    /// minima, the cross for divergence); with one or two, none (a plain dot).
    static func runShape(_ k: Int, of count: Int) -> MarkerShape? {
        count < 3 ? nil : [MarkerShape.circle, .square, .triangle, .diamond][k % 4]
    }

    /// The annotations as marks.
    var annotationMarks: [Mark] {
        annotations.map { .annotation(AnnotationMark(text: $0.text, target: Point($0.at.x, $0.at.y), offset: Point($0.offset.x, $0.offset.y))) }
    }
}
