/// A uniformly random permutation of `0..<count` drawn from `generator` by the Fisher–Yates shuffle.
///
/// For i = count−1 down to 1, swap position i with a position j drawn uniformly from 0…i. Each j comes from
/// ``seededIndex(below:generator:)``, which uses only integer arithmetic, so a seed gives the same
/// permutation on every platform (unlike `shuffle(using:)`, whose algorithm the standard library may change).
func seededPermutation(_ count: Int, generator: inout SplitMix64) -> [Int] {
    var order = Array(0..<count)
    var i = count - 1
    while i > 0 {
        let j = seededIndex(below: i + 1, generator: &generator)
        order.swapAt(i, j)
        i -= 1
    }
    return order
}

/// A uniform integer in 0..<bound (bound > 0) by rejection: draws 64 bits until they fall below the largest
/// multiple of `bound`, then takes the remainder, so no value is favoured.
func seededIndex(below bound: Int, generator: inout SplitMix64) -> Int {
    precondition(bound > 0)
    let range = UInt64(bound)
    let limit = UInt64.max - (UInt64.max % range + 1) % range    // values ≤ limit: a whole number of ranges
    while true {
        let bits = generator.next()
        if bits <= limit { return Int(bits % range) }
    }
}
