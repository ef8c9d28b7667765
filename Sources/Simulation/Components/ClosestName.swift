/// Finding the valid name a person most likely meant.

/// The candidate nearest to `name` by edit distance (case-insensitive), when it is near enough to be a
/// plausible typo: at most a third of the longer name's length, and at least one edit allowed.
///
/// - Returns: the candidate as spelled in `candidates`, or `nil` when none is close.
public func closestName(to name: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(name.lowercased())
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(candidate.lowercased()))
        let allowed = max(1, max(target.count, candidate.count) / 3)
        guard distance <= allowed else { continue }
        if best == nil || distance < best!.distance { best = (candidate, distance) }
    }
    return best?.name
}

/// " — did you mean 'X'?" when a close candidate exists, otherwise "".
func didYouMean(_ name: String, in candidates: some Sequence<String>) -> String {
    closestName(to: name, in: candidates).map { " — did you mean '\($0)'?" } ?? ""
}

/// Damerau–Levenshtein distance (optimal string alignment): insertions, deletions, substitutions and
/// swaps of two neighbouring characters each cost one.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], previous2[j - 2] + 1)
            }
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
}

/// A name from the input as an error message repeats it: whole up to 60 characters, else its first 60 and
/// how long it was, so that a runaway name cannot flood the terminal.
public func echoed(_ name: String, limit: Int = 60) -> String {
    name.count <= limit ? name : String(name.prefix(limit)) + "… (\(name.count) characters)"
}
