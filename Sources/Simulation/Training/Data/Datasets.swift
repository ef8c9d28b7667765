/// The catalog of datasets that components such as `moons(n=200, noise=0.2, seed=1)` name.
///
/// Every dataset takes `n` (the number of examples, > 0) and `seed` (the generator's seed, ≥ 0); the rest
/// are its shape and noise. The same component always gives the same numbers.
///
/// ```swift
/// let data = try Datasets.make("sine(n=30, noise=0.3, seed=4)")
/// ```
public enum Datasets {
    /// Every dataset generator by name (matched case-insensitively).
    public static let catalog = Catalog<Dataset>(kind: "dataset", entries: [
        entry("linear", summary: "y = weight·x + bias + noise·ε, x uniform in [−1, 1)", [
            .init("weight", .number, .integer(2), "slope w"),
            .init("bias", .number, .integer(1), "intercept b"),
            .init("noise", .number, .number(0.1), "standard deviation of the Gaussian noise"),
        ]) { a, n, seed throws(InputError) in
            try .linear(count: n, weight: a.double("weight"), bias: a.double("bias"), noise: a.double("noise"), seed: seed)
        },
        entry("polynomial", summary: "y = c₀ + c₁x + … + noise·ε, x uniform in [−1, 1)", [
            .init("coefficients", .numbers, .list([0, 1, 0, -2].map(ComponentValue.integer)), "c₀, c₁, … in increasing powers"),
            .init("noise", .number, .number(0.1), "standard deviation of the Gaussian noise"),
        ]) { a, n, seed throws(InputError) in
            try .polynomial(count: n, coefficients: a.doubles("coefficients"), noise: a.double("noise"), seed: seed)
        },
        entry("sine", summary: "y = sin(2π·frequency·x) + noise·ε, x uniform in [0, 1)", [
            .init("frequency", .number, .integer(1), "periods over [0, 1)"),
            .init("noise", .number, .number(0.2), "standard deviation of the Gaussian noise"),
        ]) { a, n, seed throws(InputError) in
            try .sine(count: n, frequency: a.double("frequency"), noise: a.double("noise"), seed: seed)
        },
        entry("moons", summary: "two interleaving half circles (two classes), as scikit-learn's make_moons", [
            .init("noise", .number, .number(0.2), "standard deviation of the Gaussian noise"),
        ]) { a, n, seed throws(InputError) in
            try .moons(count: n, noise: a.double("noise"), seed: seed)
        },
        entry("spirals", summary: "two interleaved spirals (two classes)", [
            .init("turns", .number, .number(1.5), "turns of each arm"),
            .init("noise", .number, .number(0.05), "standard deviation of the Gaussian noise"),
        ]) { a, n, seed throws(InputError) in
            try .spirals(count: n, turns: a.double("turns"), noise: a.double("noise"), seed: seed)
        },
        entry("blobs", summary: "two Gaussian clouds (two classes)", [
            .init("separation", .number, .integer(3), "distance between the centres"),
            .init("cluster_std", .number, .integer(1), "standard deviation of each cloud"),
        ]) { a, n, seed throws(InputError) in
            try .blobs(count: n, separation: a.double("separation"), spread: a.double("cluster_std"), seed: seed)
        },
    ])

    /// Parses and builds a dataset from its component text, such as `moons(n=200, noise=0.2, seed=1)`.
    ///
    /// - Throws: ``InputError`` for an unknown dataset (naming the closest), an unknown key, n ≤ 0, a
    ///   negative seed or noise.
    public static func make(_ text: String) throws(InputError) -> Dataset {
        try catalog.make(text)
    }

    /// An entry whose parameters are `n`, then `extra`, then `seed`; `build` gets n and the seed checked.
    private static func entry(_ name: String, summary: String, _ extra: [ParameterList.Parameter],
                              build: @escaping @Sendable (Arguments, Int, UInt64) throws(InputError) -> Dataset) -> Catalog<Dataset>.Entry {
        let parameters = [ParameterList.Parameter("n", .integer, .integer(200), "number of examples")] + extra
            + [ParameterList.Parameter("seed", .integer, .integer(0), "seed of the random generator")]
        return Catalog<Dataset>.Entry(name, summary: summary, parameters: ParameterList(parameters)) { a throws(InputError) in
            let n = a.int("n"), seed = a.int("seed")
            guard n > 0 else { throw a.invalid("n", "n must be a positive number of examples, got \(n)") }
            try Limits.checkExamples(n)
            guard seed >= 0 else { throw a.invalid("seed", "seed must be ≥ 0, got \(seed)") }
            return try build(a, n, UInt64(seed))
        }
    }
}
