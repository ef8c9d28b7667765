import Simulation

/// Hyperband's learning curves (`kind: hyperband`): for one bracket (or every bracket the sampler runs), the
/// value of each configuration against its budget on a log axis, one polyline per configuration through its
/// rungs; configurations stopped at a rung end in a ✕, the ones that reach the bracket's last rung are drawn
/// bold, the best one starred, and each rung's budget is a labelled rule. The axes come from the whole
/// search, so that the panels of one figure, one bracket each, share them.
///
/// ```yaml
/// kind: hyperband
/// objective: {trace: {surface: "quadratic(condition_number=20)", optimizer: "SGD(lr={lr}, momentum={momentum})"}}
/// space: {lr: loguniform(1e-3, 0.1), momentum: uniform(0, 0.95)}
/// sampler: hyperband(R=81, eta=3)     # or successive_halving(R=81, eta=3)
/// bracket: 4                          # s_max … 0; without it, every bracket
/// ```
public struct HyperbandPanel: Sendable {
    /// The search, whose sampler is `hyperband(...)` or `successive_halving(...)`.
    public var search: Search
    /// The bracket s drawn; nil draws every bracket the sampler runs.
    public var bracket: Int?
    /// The y scale the spec asks for; nil takes log when the values are positive and span more than two
    /// decades.
    public var yScale: AxisScale?

    /// A panel of `search`'s brackets, or of bracket `bracket` alone.
    ///
    /// - Throws: ``InputError`` when the sampler is not Hyperband or successive halving, or the search does
    ///   not run bracket `bracket`.
    public init(search: Search, bracket: Int? = nil, yScale: AxisScale? = nil) throws(InputError) {
        guard let schedule = search.sampler.halving else {
            throw InputError("a hyperband figure needs sampler: hyperband(R=..., eta=...) or successive_halving(R=..., eta=...)", key: "sampler")
        }
        if let bracket, !schedule.brackets.contains(bracket) {
            throw InputError(Self.bracketChoices(schedule, got: bracket), key: "bracket")
        }
        self.search = search
        self.bracket = bracket
        self.yScale = yScale
    }

    /// Hyperband's arithmetic for the search's R and η.
    public var hyperband: Hyperband { search.sampler.halving!.hyperband }

    /// The brackets drawn, s_max first.
    public var brackets: [Hyperband.Bracket] {
        let schedule = search.sampler.halving!
        return (bracket.map { [$0] } ?? schedule.brackets).map(schedule.hyperband.bracket)
    }

    /// "bracket must be …" for a bracket the search does not run.
    static func bracketChoices(_ schedule: (hyperband: Hyperband, brackets: [Int]), got bracket: Int) -> String {
        let (R, eta) = (schedule.hyperband.maxResource, schedule.hyperband.eta)
        if schedule.brackets.count == 1 {
            return "successive halving with R=\(R), eta=\(eta) runs only bracket \(schedule.brackets[0]), not \(bracket)"
        }
        return "bracket must be between 0 and \(schedule.hyperband.sMax) (s_max for R=\(R), eta=\(eta)), got \(bracket)"
    }
}

extension Search.Sampler {
    /// For Hyperband and successive halving: the bracket arithmetic and the brackets run, s_max first (s_max
    /// alone for successive halving); nil for the other samplers.
    public var halving: (hyperband: Hyperband, brackets: [Int])? {
        switch self {
        case .hyperband(let R, let eta):
            guard let hyperband = try? Hyperband(maxResource: R, eta: eta) else { return nil }
            return (hyperband, Array((0...hyperband.sMax).reversed()))
        case .successiveHalving(let R, let eta):
            guard let hyperband = try? Hyperband(maxResource: R, eta: eta) else { return nil }
            return (hyperband, [hyperband.sMax])
        default:
            return nil
        }
    }
}
