/// Lowers the learning rate when a monitored metric stops improving — `torch.optim.lr_scheduler.ReduceLROnPlateau`.
///
/// Every step is given the metric (a validation loss, say). With `mode='min'` a value a improves on the best
/// value b when
///
/// ```
/// a < b·(1 − threshold)   (threshold_mode='rel')      a < b − threshold   (threshold_mode='abs')
/// ```
///
/// (`mode='max'`: a > b·(1 + threshold) or a > b + threshold). After more than `patience` steps in a row
/// without an improvement, the lr becomes `max(lr·factor, min_lr)` — unless that lowers it by no more than
/// `eps` — and the next `cooldown` steps count no bad steps. The best value starts at +∞ (−∞ for `max`),
/// so the first metric always improves on it.
///
/// Unlike the other schedulers it does not touch the lr when attached and keeps no `initial_lr`; it cannot
/// be part of a ``SequentialLR`` or a ``ChainedScheduler``, as in PyTorch.
///
/// ```swift
/// let plateau = try Schedules.make("ReduceLROnPlateau(factor=0.5, patience=3)")
/// ```
public struct ReduceLROnPlateau: SchedulerCore {
    public static let name = "ReduceLROnPlateau"
    public let mode: String
    public let factor: Double
    public let patience: Int
    public let threshold: Double
    public let thresholdMode: String
    public let cooldown: Int
    public let minLR: Double
    public let eps: Double
    var progress = SchedulerProgress()
    /// The best metric so far (`best`).
    public private(set) var best: Double
    /// Steps in a row without an improvement (`num_bad_epochs`).
    public private(set) var badSteps = 0
    /// Steps of cooldown left (`cooldown_counter`).
    public private(set) var cooldownLeft = 0

    /// - Throws: ``InputError`` with PyTorch's messages for `factor` ≥ 1 or an unknown `mode` or
    ///   `threshold_mode`.
    public init(mode: String = "min", factor: Double = 0.1, patience: Int = 10, threshold: Double = 1e-4,
                thresholdMode: String = "rel", cooldown: Int = 0, minLR: Double = 0, eps: Double = 1e-8) throws(InputError) {
        try require(!(factor >= 1.0), "factor", "Factor should be < 1.0.")
        try requireChoice(mode, in: ["min", "max"], "mode", "mode \(mode) is unknown!")
        try requireChoice(thresholdMode, in: ["rel", "abs"], "threshold_mode", "threshold mode \(thresholdMode) is unknown!")
        self.mode = mode
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.thresholdMode = thresholdMode
        self.cooldown = cooldown
        self.minLR = minLR
        self.eps = eps
        self.best = mode == "min" ? .infinity : -.infinity
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "mode": .string(mode), "factor": .of(factor), "patience": .integer(patience), "threshold": .of(threshold),
            "threshold_mode": .string(thresholdMode), "cooldown": .integer(cooldown), "min_lr": .of(minLR),
            "eps": .of(eps),
        ])
    }

    public var needsMetric: Bool { true }

    /// PyTorch's constructor: `last_epoch` = 0 and the counters reset; the group is left as it is.
    @discardableResult
    public mutating func attach(to group: inout ParamGroup) throws(InputError) -> [String] {
        progress.lastEpoch = 0
        best = mode == "min" ? .infinity : -.infinity
        badSteps = 0
        cooldownLeft = 0
        return []
    }

    mutating func computeLR(_ group: inout ParamGroup) throws(InputError) -> Double { group.lr }

    private func improves(_ value: Double, on best: Double) -> Bool {
        switch (mode, thresholdMode) {
        case ("min", "rel"): value < best * (1.0 - threshold)
        case ("min", _): value < best - threshold
        case (_, "rel"): value > best * (threshold + 1.0)
        default: value > best + threshold
        }
    }

    /// `scheduler.step(metric)`.
    ///
    /// - Throws: ``InputError`` when `metric` is `nil`.
    @discardableResult
    public mutating func step(_ group: inout ParamGroup, metric: Double?) throws(InputError) -> [String] {
        guard let metric else { throw InputError("ReduceLROnPlateau needs a metric for every step") }
        progress.lastEpoch += 1
        if improves(metric, on: best) {
            best = metric
            badSteps = 0
        } else {
            badSteps += 1
        }
        if cooldownLeft > 0 {
            cooldownLeft -= 1
            badSteps = 0
        }
        guard badSteps > patience else { return [] }
        let old = group.lr
        let reduced = old * factor
        let new = minLR > reduced ? minLR : reduced
        var labels: [String] = []
        if old - new > eps {
            group.lr = new
            labels = ["plateau: lr × \(pythonRepr(factor))"]
        }
        cooldownLeft = cooldown
        badSteps = 0
        return labels
    }

    /// PyTorch's `ReduceLROnPlateau` has no closed form: its lr depends on the metrics seen.
    ///
    /// - Throws: ``InputError`` always.
    public mutating func step(_ group: inout ParamGroup, epoch: Int) throws(InputError) {
        throw InputError("ReduceLROnPlateau has no closed form: its lr depends on the metrics it was given")
    }

    static let entry = Catalog<any LRScheduler>.Entry(
        name, summary: "lower the lr by factor when a metric stops improving for patience steps",
        parameters: ParameterList([
            .init("mode", .string, .string("min"), "min: lower is better; max: higher is better"),
            .init("factor", .number, .number(0.1), "new lr = lr × factor (< 1)"),
            .init("patience", .integer, .integer(10), "steps without improvement tolerated"),
            .init("threshold", .number, .number(1e-4), "smallest change that counts as an improvement"),
            .init("threshold_mode", .string, .string("rel"), "rel: relative to the best; abs: absolute"),
            .init("cooldown", .integer, .integer(0), "steps after a reduction during which bad steps are not counted"),
            .init("min_lr", .number, .integer(0), "lower bound of the lr"),
            .init("eps", .number, .number(1e-8), "reductions smaller than this are skipped"),
        ])
    ) { a throws(InputError) in
        try ReduceLROnPlateau(mode: a.string("mode"), factor: a.double("factor"), patience: a.int("patience"),
                              threshold: a.double("threshold"), thresholdMode: a.string("threshold_mode"),
                              cooldown: a.int("cooldown"), minLR: a.double("min_lr"), eps: a.double("eps"))
    }
}
