#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The 1cycle policy: the learning rate climbs from `max_lr/div_factor` to `max_lr` and then anneals far below
/// its start, while the momentum does the opposite — `torch.optim.lr_scheduler.OneCycleLR` (Smith & Topin,
/// 2018; the two-phase default follows fastai).
///
/// With N = `total_steps` (or `epochs·steps_per_epoch`), p = `pct_start`, η_max = `max_lr`,
/// η_init = η_max/`div_factor` and η_min = η_init/`final_div_factor`, the phases end at these steps:
///
/// ```
/// two phases:    p·N − 1 (η_init → η_max),   N − 1 (η_max → η_min)
/// three phases:  p·N − 1 (η_init → η_max),   2p·N − 2 (η_max → η_init),   N − 1 (η_init → η_min)
/// ```
///
/// Within a phase from step a to step b, with t = (e − a)/(b − a), the lr goes from its start value u to its
/// end value v as `v + (u − v)·(1 + cos(π·t))/2` (`anneal_strategy='cos'`) or `(v − u)·t + u` (`'linear'`).
/// With `cycle_momentum=True` the momentum (or β₁) runs `max_momentum → base_momentum → max_momentum` along
/// the same phases (the three-phase schedule holds `max_momentum` in its last phase).
///
/// Attaching writes `initial_lr`, `max_lr` and `min_lr` into the group (the lr becomes η_init) and the
/// momentum to `max_momentum`. PyTorch allows N steps after the initial one; the next step is an error.
///
/// ```swift
/// let oneCycle = try Schedules.make("OneCycleLR(max_lr=0.1, total_steps=1000)")
/// ```
public struct OneCycleLR: SchedulerCore {
    /// How a phase moves from its start value to its end value: PyTorch's `anneal_strategy`.
    public enum AnnealStrategy: String, Sendable, CaseIterable {
        case cos
        case linear
    }

    /// A value a phase starts or ends at, read from the group as PyTorch does.
    private enum Anchor: Sendable {
        case initialLR, maxLR, minLR, maxMomentum, baseMomentum
    }

    private struct Phase: Sendable {
        var endStep: Double
        var startLR: Anchor
        var endLR: Anchor
        var startMomentum: Anchor
        var endMomentum: Anchor
        var label: String
    }

    public static let name = "OneCycleLR"
    public let maxLR: Double
    /// `total_steps` as given (`nil` when `epochs` and `steps_per_epoch` give it).
    public let totalStepsArgument: Int?
    public let epochs: Int?
    public let stepsPerEpoch: Int?
    /// The number of steps in the cycle.
    public let totalSteps: Int
    public let pctStart: Double
    public let annealStrategy: AnnealStrategy
    public let cycleMomentum: Bool
    public let baseMomentum: Double
    public let maxMomentum: Double
    public let divFactor: Double
    public let finalDivFactor: Double
    public let threePhase: Bool
    var progress = SchedulerProgress()
    private let phases: [Phase]

    /// A 1cycle schedule over `totalSteps` steps, or `epochs·stepsPerEpoch` when `totalSteps` is `nil`.
    ///
    /// - Throws: ``InputError`` with PyTorch's messages, in its order: no way to know the number of steps, a
    ///   non-positive count, `pct_start` outside [0, 1], an unknown `anneal_strategy`.
    public init(maxLR: Double, totalSteps: Int? = nil, epochs: Int? = nil, stepsPerEpoch: Int? = nil,
                pctStart: Double = 0.3, annealStrategy: String = "cos", cycleMomentum: Bool = true,
                baseMomentum: Double = 0.85, maxMomentum: Double = 0.95, divFactor: Double = 25.0,
                finalDivFactor: Double = 1e4, threePhase: Bool = false) throws(InputError) {
        try self.init(maxLR: maxLR, totalSteps: totalSteps, epochs: epochs, stepsPerEpoch: stepsPerEpoch,
                      pctStart: pctStart, pctStartIsFloat: true, annealStrategy: annealStrategy,
                      cycleMomentum: cycleMomentum, baseMomentum: baseMomentum, maxMomentum: maxMomentum,
                      divFactor: divFactor, finalDivFactor: finalDivFactor, threePhase: threePhase)
    }

    /// `pctStartIsFloat` tells whether `pct_start` was written as a float: PyTorch refuses an int, even 0 or 1,
    /// at the point of its checks where the range is checked.
    init(maxLR: Double, totalSteps: Int?, epochs: Int?, stepsPerEpoch: Int?, pctStart: Double, pctStartIsFloat: Bool,
         annealStrategy: String, cycleMomentum: Bool, baseMomentum: Double, maxMomentum: Double, divFactor: Double,
         finalDivFactor: Double, threePhase: Bool) throws(InputError) {
        if let totalSteps {
            try require(totalSteps > 0, "total_steps", "Expected positive integer total_steps, but got \(totalSteps)")
            self.totalSteps = totalSteps
        } else if let epochs, let stepsPerEpoch {
            try require(epochs > 0, "epochs", "Expected positive integer epochs, but got \(epochs)")
            try require(stepsPerEpoch > 0, "steps_per_epoch",
                        "Expected positive integer steps_per_epoch, but got \(stepsPerEpoch)")
            let (product, overflow) = epochs.multipliedReportingOverflow(by: stepsPerEpoch)
            try require(!overflow, "steps_per_epoch", "epochs × steps_per_epoch is too large")
            self.totalSteps = product
        } else {
            throw InputError("You must define either total_steps OR (epochs AND steps_per_epoch)", key: "total_steps")
        }
        let n = Double(self.totalSteps)
        if threePhase {
            phases = [
                Phase(endStep: pctStart * n - 1, startLR: .initialLR, endLR: .maxLR,
                      startMomentum: .maxMomentum, endMomentum: .baseMomentum, label: "peak"),
                Phase(endStep: 2 * pctStart * n - 2, startLR: .maxLR, endLR: .initialLR,
                      startMomentum: .baseMomentum, endMomentum: .maxMomentum, label: "back at the initial lr"),
                Phase(endStep: n - 1, startLR: .initialLR, endLR: .minLR,
                      startMomentum: .maxMomentum, endMomentum: .maxMomentum, label: "cycle ends"),
            ]
        } else {
            phases = [
                Phase(endStep: pctStart * n - 1, startLR: .initialLR, endLR: .maxLR,
                      startMomentum: .maxMomentum, endMomentum: .baseMomentum, label: "peak"),
                Phase(endStep: n - 1, startLR: .maxLR, endLR: .minLR,
                      startMomentum: .baseMomentum, endMomentum: .maxMomentum, label: "cycle ends"),
            ]
        }
        let written = pctStartIsFloat ? pythonRepr(pctStart) : String(Int(exactly: pctStart) ?? 0)
        try require(!(pctStart < 0 || pctStart > 1 || !pctStartIsFloat), "pct_start",
                    "Expected float between 0 and 1 pct_start, but got \(written)")
        try requireChoice(annealStrategy, in: AnnealStrategy.allCases.map(\.rawValue), "anneal_strategy",
                          "anneal_strategy must be one of 'cos' or 'linear', instead got \(annealStrategy)")
        self.annealStrategy = AnnealStrategy(rawValue: annealStrategy)!
        self.maxLR = maxLR
        self.totalStepsArgument = totalSteps
        self.epochs = epochs
        self.stepsPerEpoch = stepsPerEpoch
        self.pctStart = pctStart
        self.cycleMomentum = cycleMomentum
        self.baseMomentum = baseMomentum
        self.maxMomentum = maxMomentum
        self.divFactor = divFactor
        self.finalDivFactor = finalDivFactor
        self.threePhase = threePhase
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "max_lr": .of(maxLR), "total_steps": totalStepsArgument.map { .integer($0) } ?? .none,
            "epochs": epochs.map { .integer($0) } ?? .none, "steps_per_epoch": stepsPerEpoch.map { .integer($0) } ?? .none,
            "pct_start": .of(pctStart), "anneal_strategy": .string(annealStrategy.rawValue),
            "cycle_momentum": .boolean(cycleMomentum), "base_momentum": .of(baseMomentum),
            "max_momentum": .of(maxMomentum), "div_factor": .of(divFactor), "final_div_factor": .of(finalDivFactor),
            "three_phase": .boolean(threePhase),
        ])
    }

    public var cyclesMomentum: Bool { cycleMomentum }

    @discardableResult
    public mutating func attach(to group: inout ParamGroup) throws(InputError) -> [String] {
        let initial = try PythonArithmetic.divide(maxLR, divFactor, "OneCycleLR (div_factor=0)")
        group.initialLR = initial
        group.maxLR = maxLR
        group.minLR = try PythonArithmetic.divide(initial, finalDivFactor, "OneCycleLR (final_div_factor=0)")
        if cycleMomentum {
            try group.requireMomentum(for: Self.name)
            group.momentum = maxMomentum
            group.maxMomentum = maxMomentum
            group.baseMomentum = baseMomentum
        }
        return try attachBase(&group)
    }

    private func value(_ anchor: Anchor, in group: ParamGroup) -> Double {
        switch anchor {
        case .initialLR: group.initialLR ?? maxLR / divFactor
        case .maxLR: group.maxLR ?? maxLR
        case .minLR: group.minLR ?? maxLR / divFactor / finalDivFactor
        case .maxMomentum: group.maxMomentum ?? maxMomentum
        case .baseMomentum: group.baseMomentum ?? baseMomentum
        }
    }

    private func anneal(from start: Double, to end: Double, _ fraction: Double) -> Double {
        switch annealStrategy {
        case .cos: end + (start - end) / 2.0 * (cos(.pi * fraction) + 1)
        case .linear: (end - start) * fraction + start
        }
    }

    mutating func computeLR(_ group: inout ParamGroup) throws(InputError) -> Double {
        let step = progress.lastEpoch
        guard step <= totalSteps else {
            throw InputError("OneCycleLR: Tried to step \(step) times. The specified number of total steps is \(totalSteps)")
        }
        var startStep = 0.0
        for (index, phase) in phases.enumerated() {
            if Double(step) <= phase.endStep || index == phases.count - 1 {
                let fraction = try PythonArithmetic.divide(Double(step) - startStep, phase.endStep - startStep,
                                                           "OneCycleLR (a phase of length 0)")
                let lr = anneal(from: value(phase.startLR, in: group), to: value(phase.endLR, in: group), fraction)
                if cycleMomentum {
                    group.momentum = anneal(from: value(phase.startMomentum, in: group),
                                            to: value(phase.endMomentum, in: group), fraction)
                }
                return lr
            }
            startStep = phase.endStep
        }
        return group.lr
    }

    func labels(after group: ParamGroup) -> [String] {
        let step = Double(progress.lastEpoch)
        return phases.filter { $0.endStep >= 0 && $0.endStep.rounded(.down) == step }.map(\.label)
    }

    static let entry = Catalog<any LRScheduler>.Entry(
        name, summary: "1cycle: warm up to max_lr, then anneal far below the start (momentum inversely)",
        parameters: ParameterList([
            .init("max_lr", .number, nil, "peak lr"),
            .init("total_steps", .optionalInteger, ComponentValue.none, "steps in the cycle (or epochs × steps_per_epoch)"),
            .init("epochs", .optionalInteger, ComponentValue.none, "epochs, with steps_per_epoch"),
            .init("steps_per_epoch", .optionalInteger, ComponentValue.none, "steps per epoch, with epochs"),
            .init("pct_start", .number, .number(0.3), "fraction of the cycle spent warming up (a float)"),
            .init("anneal_strategy", .string, .string("cos"), "cos or linear"),
            .init("cycle_momentum", .boolean, .boolean(true), "cycle the momentum (or beta1) inversely to the lr"),
            .init("base_momentum", .number, .number(0.85), "momentum at the peak lr"),
            .init("max_momentum", .number, .number(0.95), "momentum at the start and the end"),
            .init("div_factor", .number, .number(25.0), "initial lr = max_lr / div_factor"),
            .init("final_div_factor", .number, .number(1e4), "final lr = initial lr / final_div_factor"),
            .init("three_phase", .boolean, .boolean(false), "come back to the initial lr before the final annealing"),
            lastEpochParameter,
        ])
    ) { a throws(InputError) in
        try requireFreshStart(a)
        var pctStartIsFloat = true
        if case .integer = a["pct_start"] { pctStartIsFloat = false }
        return try OneCycleLR(
            maxLR: a.double("max_lr"), totalSteps: a.optionalInt("total_steps"), epochs: a.optionalInt("epochs"),
            stepsPerEpoch: a.optionalInt("steps_per_epoch"), pctStart: a.double("pct_start"),
            pctStartIsFloat: pctStartIsFloat, annealStrategy: a.string("anneal_strategy"),
            cycleMomentum: a.bool("cycle_momentum"), baseMomentum: a.double("base_momentum"),
            maxMomentum: a.double("max_momentum"), divFactor: a.double("div_factor"),
            finalDivFactor: a.double("final_div_factor"), threePhase: a.bool("three_phase"))
    }
}
