#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cycles the learning rate between `base_lr` and `max_lr` along triangles, and the momentum the other way —
/// `torch.optim.lr_scheduler.CyclicLR` (cyclical learning rates, Smith, 2017).
///
/// With u = `step_size_up`, d = `step_size_down` (u when `None`), e the epoch (a batch, in practice):
///
/// ```
/// cycle = ⌊1 + e/(u + d)⌋,   x = 1 + e/(u + d) − cycle               (position in the cycle, 0 ≤ x < 1)
/// h     = x / r  if x ≤ r,   else (x − 1)/(r − 1),   r = u/(u + d)     (0 → 1 → 0 along the triangle)
/// η_e   = base_lr + (max_lr − base_lr) · h · s
/// m_e   = max_momentum − (max_momentum − base_momentum) · h · s       (with cycle_momentum)
/// ```
///
/// where the scale s is 1 for `mode='triangular'`, 1/2^(cycle−1) for `'triangular2'` (the amplitude halves
/// every cycle) and γ^e for `'exp_range'`. As in PyTorch, `scale_mode` is set by the mode (cycle for the
/// triangles, iterations for exp_range), so the value passed has no effect; a custom `scale_fn` needs a
/// Python callable and is not available.
///
/// Attaching sets the lr to `base_lr` and, with `cycle_momentum=True` (the default), the momentum (SGD,
/// RMSprop) or β₁ (Adam family) to `max_momentum`; an optimizer with neither is refused, as in PyTorch.
///
/// ```swift
/// let clr = try Schedules.make("CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=20, mode='triangular2')")
/// ```
public struct CyclicLR: SchedulerCore {
    /// The amplitude policy: PyTorch's `mode`.
    public enum Mode: String, Sendable, CaseIterable {
        /// Constant amplitude.
        case triangular
        /// The amplitude halves every cycle.
        case triangular2
        /// The amplitude shrinks by γ every step.
        case expRange = "exp_range"
    }

    public static let name = "CyclicLR"
    public let baseLR: Double
    public let maxLR: Double
    public let stepSizeUp: Int
    /// `step_size_down` as given (`nil`: the same as `stepSizeUp`).
    public let stepSizeDown: Int?
    public let mode: Mode
    public let gamma: Double
    /// `scale_mode` as given; the mode decides the one used.
    public let scaleMode: String
    public let cycleMomentum: Bool
    public let baseMomentum: Double
    public let maxMomentum: Double
    var progress = SchedulerProgress()
    private let totalSize: Double
    private let stepRatio: Double

    /// - Throws: ``InputError`` with PyTorch's messages for a cycle of length 0 or an unknown mode.
    public init(baseLR: Double, maxLR: Double, stepSizeUp: Int = 2000, stepSizeDown: Int? = nil,
                mode: String = "triangular", gamma: Double = 1.0, scaleMode: String = "cycle",
                cycleMomentum: Bool = true, baseMomentum: Double = 0.8, maxMomentum: Double = 0.9) throws(InputError) {
        let up = Double(stepSizeUp)
        totalSize = up + Double(stepSizeDown ?? stepSizeUp)
        stepRatio = try PythonArithmetic.divide(up, totalSize, "CyclicLR (step_size_up + step_size_down = 0)")
        try requireChoice(mode, in: Mode.allCases.map(\.rawValue), "mode", "mode is invalid and scale_fn is None")
        self.mode = Mode(rawValue: mode)!
        self.baseLR = baseLR
        self.maxLR = maxLR
        self.stepSizeUp = stepSizeUp
        self.stepSizeDown = stepSizeDown
        self.gamma = gamma
        self.scaleMode = scaleMode
        self.cycleMomentum = cycleMomentum
        self.baseMomentum = baseMomentum
        self.maxMomentum = maxMomentum
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "base_lr": .of(baseLR), "max_lr": .of(maxLR), "step_size_up": .integer(stepSizeUp),
            "step_size_down": stepSizeDown.map { .integer($0) } ?? .none, "mode": .string(mode.rawValue),
            "gamma": .of(gamma), "scale_mode": .string(scaleMode), "cycle_momentum": .boolean(cycleMomentum),
            "base_momentum": .of(baseMomentum), "max_momentum": .of(maxMomentum),
        ])
    }

    public var cyclesMomentum: Bool { cycleMomentum }

    @discardableResult
    public mutating func attach(to group: inout ParamGroup) throws(InputError) -> [String] {
        group.lr = baseLR
        if cycleMomentum {
            try group.requireMomentum(for: Self.name)
            group.momentum = maxMomentum
            group.maxMomentum = maxMomentum
            group.baseMomentum = baseMomentum
        }
        // PyTorch's base constructor runs the initial step with base_lrs taken from `initial_lr` (which an
        // earlier scheduler on the group may have set), and only then replaces them with `base_lr`.
        let labels = try attachBase(&group)
        progress.baseLR = baseLR
        return labels
    }

    /// The amplitude scale s for the cycle number or the epoch.
    private func scale(cycle: Double, epoch: Int) -> Double {
        switch mode {
        case .triangular: 1.0
        case .triangular2: 1 / pow(2.0, cycle - 1)
        case .expRange: pow(gamma, Double(epoch))
        }
    }

    mutating func computeLR(_ group: inout ParamGroup) throws(InputError) -> Double {
        let epoch = progress.lastEpoch
        let position = Double(epoch) / totalSize
        let cycle = (1 + position).rounded(.down)
        let x = 1.0 + position - cycle
        let height: Double
        if x <= stepRatio {
            height = try PythonArithmetic.divide(x, stepRatio, "CyclicLR (step_size_up=0)")
        } else {
            height = try PythonArithmetic.divide(x - 1, stepRatio - 1, "CyclicLR (step_size_down=0)")
        }
        let s = scale(cycle: cycle, epoch: epoch)
        let lr = progress.baseLR + (maxLR - progress.baseLR) * height * s
        if cycleMomentum {
            group.momentum = maxMomentum - (maxMomentum - baseMomentum) * height * s
        }
        return lr
    }

    func labels(after group: ParamGroup) -> [String] {
        let epoch = progress.lastEpoch
        let up = stepSizeUp
        let total = up + (stepSizeDown ?? up)
        guard epoch > 0, total > 0 else { return [] }
        let position = epoch % total
        if position == up { return ["peak"] }
        if position == 0 { return ["cycle starts"] }
        return []
    }

    static let entry = Catalog<any LRScheduler>.Entry(
        name, summary: "cycle the lr between base_lr and max_lr along triangles (and the momentum inversely)",
        parameters: ParameterList([
            .init("base_lr", .number, nil, "lower lr of the cycle"),
            .init("max_lr", .number, nil, "upper lr of the cycle"),
            .init("step_size_up", .integer, .integer(2000), "steps from base_lr up to max_lr"),
            .init("step_size_down", .optionalInteger, ComponentValue.none, "steps back down (None: step_size_up)"),
            .init("mode", .string, .string("triangular"), "triangular, triangular2 (halve each cycle) or exp_range"),
            .init("gamma", .number, .number(1.0), "exp_range: amplitude factor per step"),
            .init("scale_fn", .optionalString, ComponentValue.none, "a Python callable in PyTorch; only None here",
                  isListed: false),
            .init("scale_mode", .string, .string("cycle"), "set by the mode (cycle or iterations)"),
            .init("cycle_momentum", .boolean, .boolean(true), "cycle the momentum (or beta1) inversely to the lr"),
            .init("base_momentum", .number, .number(0.8), "momentum at the peak lr"),
            .init("max_momentum", .number, .number(0.9), "momentum at base_lr"),
            lastEpochParameter,
        ])
    ) { a throws(InputError) in
        try requireFreshStart(a)
        try require(a.optionalString("scale_fn") == nil, "scale_fn",
                    "scale_fn takes a Python callable, which a component cannot hold; choose a mode instead")
        return try CyclicLR(
            baseLR: a.double("base_lr"), maxLR: a.double("max_lr"), stepSizeUp: a.int("step_size_up"),
            stepSizeDown: a.optionalInt("step_size_down"), mode: a.string("mode"), gamma: a.double("gamma"),
            scaleMode: a.string("scale_mode"), cycleMomentum: a.bool("cycle_momentum"),
            baseMomentum: a.double("base_momentum"), maxMomentum: a.double("max_momentum"))
    }
}
