import Simulation

extension FigureSpec {
    /// Runs everything the figure shows, once: every panel's optimizer runs, gradient arrows, schedules,
    /// training run and ridge fits.
    ///
    /// - Throws: ``SpecError`` naming the spec (and the run's line where known) when a simulation fails — a
    ///   schedule that fails as PyTorch would, a singular fit. Nothing is replaced by something else: a
    ///   diverging run is not an error, it is recorded up to its divergence.
    public func simulate() throws(SpecError) -> FigureRecord {
        var records: [PanelRecord] = []
        var landscapes: [String: SearchLandscape] = [:]
        for panel in panels { records.append(try panel.simulate(file: file, landscapes: &landscapes)) }
        return FigureRecord(panels: records, inset: try inset.map { panel throws(SpecError) in try panel.simulate(file: file, landscapes: &landscapes) })
    }
}

extension PanelSpec {
    /// The record of this panel (see ``FigureSpec/simulate()``); `file` names the spec in errors.
    public func simulate(file: String) throws(SpecError) -> PanelRecord {
        var landscapes: [String: SearchLandscape] = [:]
        return try simulate(file: file, landscapes: &landscapes)
    }

    /// The record of this panel, reusing (and adding to) the search landscapes already computed for the figure.
    func simulate(file: String, landscapes: inout [String: SearchLandscape]) throws(SpecError) -> PanelRecord {
        switch content {
        case .trajectories(let panel): PanelRecord(kind: kind, runs: try panel.runs.simulate(file: file))
        case .loss(let panel): PanelRecord(kind: kind, runs: try panel.runs.simulate(file: file))
        case .surface3d(let panel): PanelRecord(kind: kind, runs: try panel.runs.simulate(file: file))
        case .gradientField(let panel):
            PanelRecord(kind: kind, runs: panel.runs.runs.isEmpty ? nil : try panel.runs.simulate(file: file), arrows: panel.arrowField())
        case .stateOverlay(let panel):
            PanelRecord(kind: kind, runs: try panel.runs.simulateRuns(file: file, recordState: true).map { run in
                var run = run
                if panel.overlay == .stepSize { run.stepSizes = StateOverlayPanel.effectiveStepSizes(run.trace, optimizer: run.optimizerValue) }
                return run.record
            })
        case .schedules(let panel): PanelRecord(kind: kind, schedules: try panel.simulate(file: file))
        case .trainingCurves(let training): PanelRecord(kind: kind, training: try training.simulate(file: file))
        case .l2Fits(let ridge): try ridge.simulate(kind: kind, curves: true, file: file)
        case .l2Sweep(let ridge): try ridge.simulate(kind: kind, curves: false, file: file)
        case .l2Contours(let panel): PanelRecord(kind: kind, fits: try panel.optima(file: file))
        case .search(let panel):
            PanelRecord(kind: kind, trials: try panel.simulate(file: file), landscape: panel.landscape(sharing: &landscapes))
        case .boStep(let panel):
            PanelRecord(kind: kind, trials: try SearchPanel(search: panel.search).simulate(file: file), landscape: panel.landscape())
        case .searchConvergence(let panel):
            PanelRecord(kind: kind, convergence: try panel.simulate(file: file))
        case .hyperband(let panel):
            PanelRecord(kind: kind, trials: try panel.simulate(file: file))
        case .hyperbandTable(let panel):
            PanelRecord(kind: kind, trials: try panel.search.map { search throws(SpecError) in try SearchPanel(search: search).simulate(file: file) },
                        rungs: panel.rungs)
        case .lrSweep(let panel):
            PanelRecord(kind: kind, lrSweep: panel.simulate())
        }
    }
}

// MARK: - Runs

extension RunSet {
    /// A run's record while it is made, with the optimizer it ran (for step sizes).
    struct Simulated {
        var record: RunRecord
        var optimizerValue: any Optimizer
        var trace: Trace { record.trace }
        var stepSizes: [[Double]]? {
            get { record.stepSizes }
            set { record.stepSizes = newValue }
        }
    }

    /// Runs every optimizer, each on its own surface or the panel's, with its schedule.
    func simulate(file: String, recordState: Bool = false) throws(SpecError) -> [RunRecord] {
        try simulateRuns(file: file, recordState: recordState).map(\.record)
    }

    /// The runs with the optimizers they ran.
    func simulateRuns(file: String, recordState: Bool) throws(SpecError) -> [Simulated] {
        var records: [Simulated] = []
        for run in runs {
            let surface = run.surface ?? self.surface
            var trace: Trace
            do {
                trace = try Trace.run(surface: surface.surface, optimizer: run.optimizer, schedule: run.schedule, start: run.start ?? start,
                                      steps: run.steps ?? steps, noise: surface.noise, recordState: recordState)
            } catch {
                throw SpecError(file: file, line: run.location?.line, column: run.location?.column, "run '\(run.label)': \(error.message)")
            }
            // State entries in name order, as a decoded record has them, so a record and its copy print alike.
            trace.state = trace.state?.map { $0.sorted { $0.name < $1.name } }
            records.append(Simulated(record: RunRecord(label: run.label, optimizer: run.optimizer.configuration.description,
                                                       schedule: run.schedule?.configuration.description, trace: trace),
                                     optimizerValue: run.optimizer))
        }
        return records
    }
}

// MARK: - Gradient arrows

extension GradientFieldPanel {
    /// −∇f (or ∇f) at the centres of a grid of `arrows` columns across the view (and as many rows as keep the
    /// cells square), leaving out points where the gradient is not finite.
    func arrowField() -> ArrowField {
        let view = style.view
        let surface = runs.surface.surface
        let columns = arrows
        let rows = max(3, Int((Double(columns) * (view.y.upperBound - view.y.lowerBound) / (view.x.upperBound - view.x.lowerBound)).rounded()))
        let sign = direction == .ascent ? 1.0 : -1.0
        var field = ArrowField(points: [], vectors: [])
        for row in 0..<rows {
            for column in 0..<columns {
                let x = view.x.lowerBound + (Double(column) + 0.5) / Double(columns) * (view.x.upperBound - view.x.lowerBound)
                let y = view.y.lowerBound + (Double(row) + 0.5) / Double(rows) * (view.y.upperBound - view.y.lowerBound)
                let g = surface.gradient(at: SIMD2(x, y))
                guard g.x.isFinite, g.y.isFinite else { continue }
                field.points.append(SIMD2(x, y))
                field.vectors.append(SIMD2(sign * g.x, sign * g.y))
            }
        }
        return field
    }
}

// MARK: - Schedules and training

extension SchedulesPanel {
    /// Each curve's scheduler run for the panel's steps on its optimizer.
    func simulate(file: String) throws(SpecError) -> [ScheduleRecord] {
        var records: [ScheduleRecord] = []
        for curve in curves {
            do {
                let run = try ScheduleRun.run(curve.scheduler, optimizer: curve.optimizer, steps: steps, metrics: metrics)
                records.append(ScheduleRecord(label: curve.label, schedule: curve.scheduler.configuration.description,
                                              optimizer: curve.optimizer.configuration.description, run: run))
            } catch {
                throw SpecError(file: file, line: curve.location?.line, column: curve.location?.column, "schedule '\(curve.label)': \(error.message)")
            }
        }
        return records
    }
}

extension TrainingSpec {
    /// The training run's epochs and early-stopping outcome.
    func simulate(file: String) throws(SpecError) -> TrainingRecord {
        do {
            let (run, train, validation) = try run()
            return TrainingRecord(epochs: run.epochs, bestEpoch: run.bestEpoch, stopEpoch: run.stopEpoch, restoredBest: run.restoredBest,
                                  diverged: run.diverged, trainCount: train.count, validationCount: validation.count)
        } catch {
            throw SpecError(file: file, line: location?.line, column: location?.column, "training: \(error.message)")
        }
    }
}

// MARK: - Ridge fits

extension RidgeSpec {
    /// The split data and θ*(λ) for every λ with its training and validation errors; with `curves`, each
    /// fit sampled at 301 points across the data's x range padded by 3% either side (so the outermost points
    /// are not cut by the frame).
    func simulate(kind: PanelSpec.Kind, curves: Bool, file: String) throws(SpecError) -> PanelRecord {
        let split: DatasetSplit
        do { split = try dataset.split(validationFraction: validation, seed: seed) } catch {
            throw SpecError(file: file, "dataset: \(error.message)")
        }
        let (train, validation) = (split.train, split.validation)
        let trainRows = features(train), validationRows = features(validation)
        let points = { (data: Dataset) in zip(data.inputs, data.targets).map { SIMD2($0[0], $1) } }
        let data = RidgeData(train: points(train), validation: points(validation))
        let (xLow, xHigh) = data.paddedXRange
        var fits: [RidgeFit] = []
        for lambda in lambdas {
            let theta = try RidgeFit.solve(trainRows, train.targets, lambda: lambda, file: file,
                                           what: "the degree-\(degree) fit of \(train.count) points")
            let curve = curves ? (0...300).map { i -> SIMD2<Double> in
                let x = xLow + (xHigh - xLow) * Double(i) / 300
                return SIMD2(x, zip(Ridge.polynomialFeatures(x, degree: degree), theta).reduce(0) { $0 + $1.0 * $1.1 })
            } : nil
            fits.append(RidgeFit(lambda: lambda, coefficients: theta,
                                 trainMSE: Ridge.meanSquaredError(theta, features: trainRows, targets: train.targets),
                                 validationMSE: Ridge.meanSquaredError(theta, features: validationRows, targets: validation.targets),
                                 curve: curve))
        }
        return PanelRecord(kind: kind, data: data, fits: fits)
    }

    private func features(_ data: Dataset) -> [[Double]] { data.inputs.map { Ridge.polynomialFeatures($0[0], degree: degree) } }
}

extension L2ContoursPanel {
    /// θ*(λ) = (w, b) of linear regression on the surface's data for each λ: the optimum sliding from the
    /// least-squares fit towards the origin.
    func optima(file: String) throws(SpecError) -> [RidgeFit] {
        let rows = surface.inputs.map { [$0, 1.0] }
        var fits: [RidgeFit] = []
        for lambda in lambdas {
            let theta = try RidgeFit.solve(rows, surface.targets, lambda: lambda, file: file, what: "w and b of \(surface.name)")
            fits.append(RidgeFit(lambda: lambda, coefficients: theta, trainMSE: nil, validationMSE: nil, curve: nil))
        }
        return fits
    }
}

extension RidgeFit {
    /// θ*(λ) of ``Ridge/solve(features:targets:lambda:)``.
    ///
    /// - Throws: ``SpecError`` when the system is singular (λ = 0 with features that do not determine θ),
    ///   naming `what` was being fitted.
    static func solve(_ rows: [[Double]], _ targets: [Double], lambda: Double, file: String, what: String) throws(SpecError) -> [Double] {
        guard let theta = Ridge.solve(features: rows, targets: targets, lambda: lambda) else {
            throw SpecError(file: file, "λ = \(pythonRepr(lambda)) leaves \(what) undetermined: use a penalty above 0 or fewer coefficients")
        }
        return theta
    }
}

extension SearchPanel {
    /// The search's trials, evaluated in parallel (the same trials for any number of threads).
    func simulate(file: String) throws(SpecError) -> [SearchTrial] {
        do throws(InputError) {
            return try search.run { count, body in parallelMap(count, body) }
        } catch { throw SpecError(file: file, "search: \(error.message)") }
    }

    /// The landscape already computed for a panel with the same key, or a new one, remembered.
    func landscape(sharing landscapes: inout [String: SearchLandscape]) -> SearchLandscape {
        if let shared = landscapes[landscapeKey] { return shared }
        let computed = landscape()
        landscapes[landscapeKey] = computed
        return computed
    }

    /// The objective on a square grid of the unit square, in parallel (empty for a one-dimensional space).
    func landscape() -> SearchLandscape {
        let side = landscapeResolution, search = self.search
        // A one-dimensional search is drawn through its own trials: no landscape to compute.
        if search.space.dimensions.count == 1 { return SearchLandscape(columns: 0, rows: 0, values: []) }
        let values = parallelMap(side * side) { k in
            let unit = [Double(k % side) / Double(side - 1), Double(k / side) / Double(side - 1)]
            return search.objective.evaluate(search.space, unit: unit, budget: search.budget).value
        }
        return SearchLandscape(columns: side, rows: side, values: values)
    }
}

extension BOStepPanel {
    /// The true objective at 201 evenly spaced points of the unit interval (one row).
    func landscape() -> SearchLandscape {
        let search = self.search
        let values = parallelMap(201) { k in search.objective.evaluate(search.space, unit: [Double(k) / 200], budget: search.budget).value }
        return SearchLandscape(columns: 201, rows: 1, values: values)
    }
}

extension SearchConvergencePanel {
    /// Every sampler's best-so-far curves: random and BO once per seed (the seeds in parallel), a grid once
    /// per size k = 1 … points.
    func simulate(file: String) throws(SpecError) -> [SamplerConvergence] {
        var curves: [SamplerConvergence] = []
        for (text, sampler) in samplers {
            if case .grid(let points) = sampler {
                var counts: [Int] = [], best: [Double] = []
                for k in 1...(points.max() ?? 1) {
                    var search = self.search
                    search.sampler = .grid(points: points.map { min($0, k) })
                    let trials = try run(search, file: file)
                    counts.append(trials.count)
                    best.append(trials.last?.bestSoFar ?? .infinity)
                }
                curves.append(SamplerConvergence(sampler: text, trials: counts, bestSoFar: [best]))
                continue
            }
            let base = self.search
            let runs = parallelMap(seeds) { k -> Result<[SearchTrial], InputError> in
                var search = base
                search.sampler = sampler
                search.seed = UInt64(k + 1)
                do throws(InputError) { return .success(try search.run()) } catch { return .failure(error) }
            }
            var rows: [[Double]] = []
            for run in runs {
                switch run {
                case .success(let trials): rows.append(trials.map(\.bestSoFar))
                case .failure(let error): throw SpecError(file: file, "search (\(text)): \(error.message)")
                }
            }
            let count = rows.map(\.count).min() ?? 0
            curves.append(SamplerConvergence(sampler: text, trials: Array(1...max(1, count)).prefix(count).map { $0 },
                                             bestSoFar: rows.map { Array($0.prefix(count)) }))
        }
        return curves
    }

    private func run(_ search: Search, file: String) throws(SpecError) -> [SearchTrial] {
        do throws(InputError) { return try search.run() } catch { throw SpecError(file: file, "search: \(error.message)") }
    }
}

extension HyperbandPanel {
    /// Every trial of the search, also for a panel of one bracket: each bracket draws its configurations
    /// after the brackets before it, and the panels of one figure share their y axis, from all the values.
    func simulate(file: String) throws(SpecError) -> [SearchTrial] {
        try SearchPanel(search: search).simulate(file: file)
    }
}

extension HyperbandTablePanel {
    /// Every rung of every bracket tabulated, s_max first, straight from ``Hyperband``'s integer arithmetic.
    var rungs: [RungRecord] {
        brackets.map(hyperband.bracket).flatMap { bracket in
            bracket.rungs.enumerated().map { i, rung in
                RungRecord(bracket: bracket.s, rung: i, count: rung.count, resource: rung.resource, budget: rung.budget)
            }
        }
    }
}
