/// The bracket arithmetic of Hyperband (Li, Jamieson, DeSalvo, Rostamizadeh & Talwalkar, 2018, Algorithm 1),
/// in integers where the paper's quantities are integers.
///
/// With maximum resource R per configuration and halving rate η ≥ 2:
///
/// - s_max is the largest s with η^s ≤ R — found by multiplying, never as ⌊log R / log η⌋ (log 243 / log 3
///   is 4.999…);
/// - B = (s_max + 1)·R;
/// - bracket s ∈ {s_max, …, 0} starts n = ⌈(B/R)·η^s/(s + 1)⌉ = ⌈(s_max + 1)·η^s/(s + 1)⌉ configurations at
///   resource r = R·η^−s;
/// - its rung i ∈ {0, …, s} runs n_i = ⌊n·η^−i⌋ configurations at r_i = r·η^i (⌈r_i⌉ whole steps) and keeps
///   the best ⌊n_i/η⌋.
///
/// For R = 81, η = 3 the brackets are the paper's table: 81×1, 27×3, 9×9, 3×27, 1×81; 34×3, 11×9, 3×27,
/// 1×81; 15×9, 5×27, 1×81; 8×27, 2×81; 5×81. A single bracket is successive halving.
public struct Hyperband: Sendable, Equatable {
    /// One rung: how many configurations run, and with what resource (possibly fractional, R·η^(i−s)).
    public struct Rung: Sendable, Equatable {
        public var count: Int
        public var resource: Double
        /// The whole steps the rung runs: ⌈r_i⌉ = ⌈R·η^i / η^s⌉, computed in integers (R on the last rung).
        public var budget: Int
    }

    /// One bracket of successive halving.
    public struct Bracket: Sendable, Equatable {
        public var s: Int
        public var rungs: [Rung]
    }

    public let maxResource: Int
    public let eta: Int

    /// Hyperband for maximum resource `R` ≥ 1 and rate `eta` ≥ 2.
    ///
    /// - Throws: ``InputError`` for R < 1 or η < 2.
    public init(maxResource: Int, eta: Int = 3) throws(InputError) {
        guard maxResource >= 1 else { throw InputError("R must be at least 1, got \(maxResource)", key: "R") }
        guard eta >= 2 else { throw InputError("eta must be at least 2, got \(eta)", key: "eta") }
        self.maxResource = maxResource
        self.eta = eta
    }

    /// The largest s with η^s ≤ R.
    public var sMax: Int {
        var s = 0, power = 1
        while power <= maxResource / eta {
            power *= eta
            s += 1
        }
        return s
    }

    /// The brackets, from s_max down to 0.
    public var brackets: [Bracket] {
        let sMax = self.sMax
        return (0...sMax).reversed().map(bracket)
    }

    /// Bracket s (0 ≤ s ≤ s_max).
    public func bracket(_ s: Int) -> Bracket {
        let sMax = self.sMax
        let etaToS = Self.power(eta, s)
        // n = ⌈(s_max + 1)·η^s / (s + 1)⌉, exactly, in integers.
        let n = ((sMax + 1) * etaToS + s) / (s + 1)
        let rungs = (0...s).map { i in
            // r_i = R·η^i / η^s with one division of exact integers: correctly rounded, so exactly R (or any
            // whole r_i) where (R/η^s)·η^i can land a rounding above it (R = 29, η = 3 gave 29.000000000000004,
            // which is 30 steps).
            let numerator = maxResource * Self.power(eta, i)
            return Rung(count: n / Self.power(eta, i), resource: Double(numerator) / Double(etaToS),
                        budget: (numerator + etaToS - 1) / etaToS)
        }
        return Bracket(s: s, rungs: rungs)
    }

    /// bⁿ for small non-negative n.
    static func power(_ base: Int, _ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { product, _ in product * base }
    }
}
