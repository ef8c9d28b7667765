/// A share of the gallery's work: shard `index` of `count` (`--shard 2/3`).
///
/// Figures are dealt out by estimated cost, most expensive first, each to the shard with the least work so
/// far (ties to the lower shard; equal costs in name order), so every machine of a job array gets about the
/// same work and the split is the same on every machine.
public struct Shard: Sendable, Equatable {
    /// 1-based.
    public var index: Int
    public var count: Int

    /// Reads `i/n` with 1 ≤ i ≤ n ≤ 1000.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), (1...1000).contains(count), (1...count).contains(index) else {
            return nil
        }
        self.index = index
        self.count = count
    }

    /// The names of `costs` that fall to this shard.
    public func share(of costs: [(name: String, cost: Double)]) -> Set<String> {
        var loads = Array(repeating: 0.0, count: count)
        var mine = Set<String>()
        for item in costs.sorted(by: { $0.cost != $1.cost ? $0.cost > $1.cost : $0.name < $1.name }) {
            let shard = loads.indices.min { loads[$0] != loads[$1] ? loads[$0] < loads[$1] : $0 < $1 }!
            loads[shard] += item.cost
            if shard == index - 1 { mine.insert(item.name) }
        }
        return mine
    }
}
