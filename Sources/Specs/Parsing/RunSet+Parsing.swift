import Simulation

extension RunSet {
    static let runKeys = ["optimizer", "label", "start", "steps", "schedule", "surface"]

    /// Reads `runs:` — each `- optimizer: ...` with its optional label, start, steps, schedule and surface.
    ///
    /// A schedule is checked here by running it for the run's steps, so that a OneCycleLR too short for the
    /// run, or cycled momentum on an optimizer without one, is reported at its line. Runs that would share a
    /// label are told apart by their configuration.
    static func parseRuns(_ object: YAMLObject, steps: Int, kind: PanelSpec.Kind) throws(SpecError) -> [Run] {
        let runObjects = try object.objects("runs", what: "a run") ?? []
        if runObjects.isEmpty && [.trajectories, .loss, .stateOverlay, .surface3d].contains(kind) {
            throw object.error(at: object["runs"], "a \(kind.rawValue) panel needs 'runs': a list with at least one '- optimizer: ...'")
        }
        var runs: [Run] = []
        for run in runObjects {
            try run.requireKeys(in: runKeys, what: "a run")
            let optimizer = try FigureSpec.component("optimizer", run, try run.requiredString("optimizer", what: "a run"), Optimizers.make)
            try FigureSpec.checkMarkup("label", run)
            let runSteps = try run.integer("steps", in: 1...100_000)
            var schedule: (any LRScheduler)?
            if let text = try run.string("schedule") {
                schedule = try SchedulesPanel.checkSchedule(text, key: "schedule", in: run, optimizer: optimizer, steps: runSteps ?? steps,
                                                            feedsLosses: true)
            }
            let label = try run.string("label") ?? defaultLabel(optimizer) + (schedule.map { " + \($0.name)" } ?? "")
            let surface = try run.string("surface").map { text throws(SpecError) in try FigureSpec.component("surface", run, text, Surfaces.make) }
            runs.append(Run(optimizer: optimizer, label: label, start: try run.numbers("start", count: 2).map { SIMD2($0[0], $0[1]) },
                            steps: runSteps, schedule: schedule, surface: surface, location: run.location))
        }
        let labels = runs.map(\.label)
        for k in runs.indices where labels.filter({ $0 == labels[k] }).count > 1 && runObjects[k]["label"] == nil {
            runs[k].label = shortConfiguration(runs[k].optimizer)
        }
        return runs
    }

    /// The default legend text of a run: the optimizer's class name, with SGD's momentum variants named.
    static func defaultLabel(_ optimizer: any Optimizer) -> String {
        if let sgd = optimizer as? SGD, sgd.momentum > 0 { return sgd.nesterov ? "Nesterov" : "Momentum" }
        return type(of: optimizer).name
    }

    /// `Adam(lr=0.05)`: the name and the hyperparameters that differ from the defaults.
    static func shortConfiguration(_ optimizer: any Optimizer) -> String {
        let name = type(of: optimizer).name
        guard let defaults = try? Optimizers.make(name).configuration else { return optimizer.configuration.description }
        let changed = optimizer.configuration.arguments.filter { argument in
            !defaults.arguments.contains { $0.key == argument.key && $0.value == argument.value }
        }
        return Component(name: name, arguments: changed).description
    }
}

extension SchedulesPanel {
    static let curveKeys = ["schedule", "label", "optimizer"]

    /// Reads `schedules:` — each a scheduler component, or `{schedule, label, optimizer}` — and the panel's
    /// default `optimizer` (SGD(lr=0.1)).
    static func parseCurves(_ object: YAMLObject, steps: Int, metrics: [Double]?) throws(SpecError) -> [Curve] {
        let baseOptimizer = try FigureSpec.component("optimizer", object, try object.string("optimizer") ?? "SGD(lr=0.1)", Optimizers.make)
        guard let node = object["schedules"], case .sequence(let items) = node, !items.isEmpty else {
            throw object.error(at: object["schedules"], "a schedules panel needs 'schedules': a list of schedulers such as '- StepLR(step_size=30)'")
        }
        var curves: [Curve] = []
        for item in items {
            if case .scalar = item {
                let holder = try YAMLObject(.mapping(.init([(.init("schedule"), item)])), file: object.file, what: "a schedule")
                let scheduler = try checkSchedule(item.string ?? "", key: "schedule", in: holder, optimizer: baseOptimizer, steps: steps, metrics: metrics)
                curves.append(Curve(scheduler: scheduler, label: scheduler.name, optimizer: baseOptimizer, location: holder.location(ofValue: "schedule")))
                continue
            }
            let curve = try YAMLObject(item, file: object.file, what: "a schedule")
            try curve.requireKeys(in: curveKeys, what: "a schedule")
            let optimizer = try curve.string("optimizer").map { text throws(SpecError) in
                try FigureSpec.component("optimizer", curve, text, Optimizers.make)
            } ?? baseOptimizer
            let text = try curve.requiredString("schedule", what: "a schedule")
            let scheduler = try checkSchedule(text, key: "schedule", in: curve, optimizer: optimizer, steps: steps, metrics: metrics)
            try FigureSpec.checkMarkup("label", curve)
            curves.append(Curve(scheduler: scheduler, label: try curve.string("label") ?? scheduler.name, optimizer: optimizer,
                                location: curve.location))
        }
        return curves
    }

    /// Builds the scheduler under `key` and checks it by running it for `steps` steps on `optimizer` (so that
    /// a OneCycleLR too short for the run, or cycled momentum on an optimizer without one, is reported at the
    /// spec's line).
    static func checkSchedule(_ text: String, key: String, in object: YAMLObject, optimizer: any Optimizer, steps: Int,
                              metrics: [Double]? = nil, feedsLosses: Bool = false) throws(SpecError) -> any LRScheduler {
        let scheduler = try FigureSpec.component(key, object, text, Schedules.make)
        // Runs on a surface feed ReduceLROnPlateau their losses; a schedules panel needs its `metrics`.
        if scheduler.needsMetric && metrics == nil && !feedsLosses {
            throw SpecError(file: object.file, line: object[key]?.mark?.line, column: object[key]?.mark?.column,
                            "\(key): \(scheduler.name) needs 'metrics': a list of at least \(steps) numbers, the metric of each step")
        }
        if !scheduler.needsMetric || metrics != nil {
            do {
                _ = try ScheduleRun.run(scheduler, optimizer: optimizer, steps: steps, metrics: metrics)
            } catch {
                throw SpecError(file: object.file, line: object[key]?.mark?.line, column: object[key]?.mark?.column, "\(key): \(error.message)")
            }
        }
        return scheduler
    }
}
