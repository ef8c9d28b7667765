#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cosine annealing with warm restarts (SGDR, Loshchilov & Hutter, 2017) —
/// `torch.optim.lr_scheduler.CosineAnnealingWarmRestarts`.
///
/// With η₀ the base lr, η_min = `eta_min`, T_cur the epochs since the last restart and T_i the length of
/// the current period (T₀ = `T_0`, multiplied by `T_mult` after each restart):
///
/// ```
/// η_e = η_min + (η₀ − η_min) · (1 + cos(π·T_cur / T_i)) / 2
/// ```
///
/// When T_cur reaches T_i the lr jumps back to η₀ (T_cur ← T_cur mod T_i, T_i ← T_i·T_mult). The lr is always
/// computed from the base lr, never from the current one. PyTorch requires T₀ ≥ 1 and an integer T_mult ≥ 1.
///
/// ```swift
/// let sgdr = try Schedules.make("CosineAnnealingWarmRestarts(T_0=10, T_mult=2)")
/// ```
public struct CosineAnnealingWarmRestarts: SchedulerCore {
    public static let name = "CosineAnnealingWarmRestarts"
    public let t0: Int
    public let tMult: Int
    public let etaMin: Double
    var progress = SchedulerProgress()
    /// `T_i`: the length of the current period.
    private(set) var tI: Int
    /// `T_cur`: epochs since the last restart.
    private(set) var tCur = -1
    private var restarted = false

    /// - Throws: ``InputError`` with PyTorch's message when `t0` < 1 or `tMult` < 1.
    public init(t0: Int, tMult: Int = 1, etaMin: Double = 0.0) throws(InputError) {
        try require(t0 > 0, "T_0", "Expected positive integer T_0, but got \(t0)")
        try require(tMult >= 1, "T_mult", "Expected integer T_mult >= 1, but got \(tMult)")
        self.t0 = t0
        self.tMult = tMult
        self.etaMin = etaMin
        self.tI = t0
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: ["T_0": .integer(t0), "T_mult": .integer(tMult), "eta_min": .of(etaMin)])
    }

    @discardableResult
    public mutating func attach(to group: inout ParamGroup) throws(InputError) -> [String] {
        tI = t0
        tCur = -1
        return try attachBase(&group)
    }

    mutating func computeLR(_ group: inout ParamGroup) throws(InputError) -> Double {
        etaMin + (progress.baseLR - etaMin) * (1 + cos(.pi * Double(tCur) / Double(tI))) / 2
    }

    /// PyTorch's own `step()`: the first call (epoch −1 → 0) starts the first period; later calls advance
    /// T_cur and restart when it reaches T_i. It does not count steps as the base class does.
    @discardableResult
    public mutating func step(_ group: inout ParamGroup, metric: Double?) throws(InputError) -> [String] {
        restarted = false
        if progress.lastEpoch < 0 {
            progress.lastEpoch = 0
            tI = t0
            tCur = 0
        } else {
            progress.lastEpoch += 1
            tCur += 1
            if tCur >= tI {
                tCur %= tI
                let (longer, overflow) = tI.multipliedReportingOverflow(by: tMult)
                tI = overflow ? .max : longer
                restarted = true
            }
        }
        group.lr = try computeLR(&group)
        return restarted ? ["restart"] : []
    }

    static let entry = Catalog<any LRScheduler>.Entry(
        name, summary: "cosine annealing restarted every T_i epochs (SGDR), T_i growing by T_mult",
        parameters: ParameterList([
            .init("T_0", .integer, nil, "epochs until the first restart"),
            .init("T_mult", .integer, .integer(1), "factor by which the period grows after each restart"),
            .init("eta_min", .number, .number(0.0), "lowest lr"),
            lastEpochParameter,
        ])
    ) { a throws(InputError) in
        try requireFreshStart(a)
        return try CosineAnnealingWarmRestarts(t0: a.int("T_0"), tMult: a.int("T_mult"), etaMin: a.double("eta_min"))
    }
}
