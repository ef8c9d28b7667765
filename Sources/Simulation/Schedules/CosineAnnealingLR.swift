#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Anneals the learning rate along a cosine from the base lr down to `eta_min` over `T_max` epochs —
/// `torch.optim.lr_scheduler.CosineAnnealingLR` (the annealing of SGDR, Loshchilov & Hutter, 2017, without
/// the restarts).
///
/// With η₀ the base lr, η_min = `eta_min` and T = `T_max`:
///
/// ```
/// η_e = η_min + (η₀ − η_min) · (1 + cos(π·e / T)) / 2
/// ```
///
/// The curve does not stop at T: it keeps following the cosine, so the lr climbs back to η₀ at 2T
/// (use ``CosineAnnealingWarmRestarts`` for restarts, or a ``SequentialLR`` to hold the end value).
/// As in PyTorch, a step computes the next lr from the current one,
/// `η_e = η_min + (η_{e−1} − η_min) · (1 + cos(π·e/T)) / (1 + cos(π·(e−1)/T))`, except at the bottom of the
/// curve (e − 1 − T a multiple of 2T), where the ratio is 0/0 and PyTorch adds
/// (η₀ − η_min)·(1 − cos(π/T))/2 instead; so it composes in a ``ChainedScheduler``. ``step(_:epoch:)`` uses the
/// closed form.
///
/// ```swift
/// let cosine = try Schedules.make("CosineAnnealingLR(T_max=100, eta_min=1e-4)")
/// ```
public struct CosineAnnealingLR: SchedulerCore {
    public static let name = "CosineAnnealingLR"
    public let tMax: Int
    public let etaMin: Double
    var progress = SchedulerProgress()

    /// A cosine from the base lr to `etaMin` over `tMax` epochs (and back up over the next `tMax`).
    public init(tMax: Int, etaMin: Double = 0.0) {
        self.tMax = tMax
        self.etaMin = etaMin
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: ["T_max": .integer(tMax), "eta_min": .of(etaMin)])
    }

    @discardableResult
    public mutating func attach(to group: inout ParamGroup) throws(InputError) -> [String] {
        try attachBase(&group)
    }

    private var context: String { "CosineAnnealingLR (T_max=\(tMax))" }

    mutating func computeLR(_ group: inout ParamGroup) throws(InputError) -> Double {
        let epoch = progress.lastEpoch
        let period = Double(tMax)
        if progress.isInitial { return group.lr }
        if progress.stepCount == 1 && epoch > 0 {
            let angle = try PythonArithmetic.divide(Double(epoch) * .pi, period, context)
            return etaMin + (progress.baseLR - etaMin) * (1 + cos(angle)) / 2
        }
        if try PythonArithmetic.modulo(epoch - 1 - tMax, 2 * tMax, context) == 0 {
            let step = try PythonArithmetic.divide(.pi, period, context)
            return group.lr + (progress.baseLR - etaMin) * (1 - cos(step)) / 2
        }
        let now = 1 + cos(try PythonArithmetic.divide(.pi * Double(epoch), period, context))
        let before = 1 + cos(try PythonArithmetic.divide(.pi * Double(epoch - 1), period, context))
        return (try PythonArithmetic.divide(now, before, context)) * (group.lr - etaMin) + etaMin
    }

    func closedFormLR() throws(InputError) -> Double? {
        let angle = try PythonArithmetic.divide(.pi * Double(progress.lastEpoch), Double(tMax), context)
        return etaMin + (progress.baseLR - etaMin) * (1 + cos(angle)) / 2
    }

    func labels(after group: ParamGroup) -> [String] {
        let epoch = progress.lastEpoch
        guard epoch > 0, tMax > 0, epoch % tMax == 0 else { return [] }
        return [(epoch / tMax) % 2 == 1 ? "eta_min reached" : "back at the base lr"]
    }

    static let entry = Catalog<any LRScheduler>.Entry(
        name, summary: "cosine from the base lr down to eta_min over T_max epochs (then back up)",
        parameters: ParameterList([
            .init("T_max", .integer, nil, "epochs from the base lr to eta_min"),
            .init("eta_min", .number, .number(0.0), "lowest lr"),
            lastEpochParameter,
        ])
    ) { a throws(InputError) in
        try requireFreshStart(a)
        return CosineAnnealingLR(tMax: a.int("T_max"), etaMin: a.double("eta_min"))
    }
}
