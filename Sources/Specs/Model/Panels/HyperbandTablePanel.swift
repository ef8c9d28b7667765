import Simulation

/// Hyperband's brackets as a table (`kind: hyperband-table`): one column per bracket s (s_max … 0), one
/// row per rung i with n_i × ⌈r_i⌉ (configurations × steps each), and the steps each bracket spends. With an
/// objective (its own or the figure's) the search is run too, and a last row gives each bracket's best
/// value, the lowest in bold.
///
/// Only `sampler` (and `budget`, R's default) is needed:
///
/// ```yaml
/// kind: hyperband-table
/// sampler: hyperband(R=81, eta=3)
/// ```
public struct HyperbandTablePanel: Sendable {
    /// `hyperband(...)` or `successive_halving(...)`.
    public var sampler: Search.Sampler
    /// The bracket arithmetic for the sampler's R and η.
    public var hyperband: Hyperband
    /// The brackets tabulated, s_max first (s_max alone for successive halving).
    public var brackets: [Int]
    /// The search, when the panel has an objective: its trials give each bracket's best value.
    public var search: Search?

    /// The table of `sampler`'s brackets, with the best values of `search` when given.
    ///
    /// - Throws: ``InputError`` when the sampler is not Hyperband or successive halving.
    public init(sampler: Search.Sampler, search: Search? = nil) throws(InputError) {
        guard let schedule = sampler.halving else {
            throw InputError("a hyperband-table needs sampler: hyperband(R=..., eta=...) or successive_halving(R=..., eta=...)", key: "sampler")
        }
        self.sampler = sampler
        self.hyperband = schedule.hyperband
        self.brackets = schedule.brackets
        self.search = search
    }
}
