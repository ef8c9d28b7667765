/// A surface together with the noise a run adds to its gradients — what a surface component such as
/// `rosenbrock(noise=0.5, seed=3)` describes.
public struct SurfaceSpec: Sendable {
    public var surface: any Surface
    /// Gaussian noise added to every gradient, or `nil` for exact gradients.
    public var noise: GradientNoise?

    /// A surface with exact gradients, or with `noise` added to them.
    public init(_ surface: any Surface, noise: GradientNoise? = nil) {
        self.surface = surface
        self.noise = noise
    }

    /// The component that describes this spec.
    public var name: String {
        guard let noise else { return surface.name }
        let base = surface.name
        let extra = "noise=\(pythonRepr(noise.sigma)), seed=\(noise.seed)"
        if base.hasPrefix("expr:") { return "expr('\(surface.formula)', \(extra))" }
        if base.hasSuffix(")") { return String(base.dropLast()) + ", \(extra))" }
        return "\(base)(\(extra))"
    }
}

/// The catalog of named surfaces, and the parser of surface components.
///
/// ```swift
/// let spec = try Surfaces.make("rosenbrock(a=1, b=100)")
/// let ravine = try Surfaces.make("expr:0.5*(x^2 + 10*y^2)")
/// let noisy = try Surfaces.make("himmelblau(noise=2, seed=7)")
/// ```
///
/// Every surface takes `noise=σ` (the standard deviation of Gaussian noise added to each coordinate of each
/// gradient; the loss stays exact) and `seed=S`. `expr:FORMULA` is short for `expr('FORMULA')`; the long
/// form also takes `noise`, `seed`, `start=(x, y)` and `view=(xmin, xmax, ymin, ymax)`.
///
/// Two surfaces come from data, and there `noise` and `seed` describe the data instead:
/// `linreg(n=200, noise=0.5, seed=1, batch_size=8, weight=2, bias=-1)` (linear regression over (w, b), whose
/// descents see mini-batch gradients; ``LinearRegressionSurface``) and
/// `mlp_slice(dataset='moons', hidden=[16, 16], activation='tanh', epochs=300, seed=1)` (a slice of a trained
/// MLP's loss; ``MLPSliceSurface``).
public enum Surfaces {
    public static let catalog = Catalog<SurfaceSpec>(kind: "surface", entries: [
        entry("rosenbrock", "Rosenbrock's banana valley", [
            .init("a", .number, .integer(1), "the minimum is at (a, a²)"),
            .init("b", .number, .integer(100), "steepness of the valley walls"),
        ]) { a in Rosenbrock(a: a.double("a"), b: a.double("b")) },
        entry("beale", "plateaus and steep walls; minimum at (3, 0.5)") { _ in Beale() },
        entry("himmelblau", "four minima of equal depth") { _ in Himmelblau() },
        entry("booth", "a tilted quadratic bowl; minimum at (1, 3)") { _ in Booth() },
        entry("rastrigin", "a bowl covered in a grid of local minima", [
            .init("A", .number, .integer(10), "depth of the ripples"),
        ]) { a in Rastrigin(amplitude: a.double("A")) },
        entry("ackley", "a flat dimpled plain around one deep funnel", [
            .init("a", .number, .integer(20), "depth of the funnel"),
            .init("b", .number, .number(0.2), "width of the funnel"),
            .init("c", .number, .number(2 * .pi), "frequency of the dimples"),
        ]) { a in Ackley(a: a.double("a"), b: a.double("b"), c: a.double("c")) },
        entry("goldstein_price", "several local minima; global minimum 3 at (0, −1)") { _ in GoldsteinPrice() },
        entry("styblinski_tang", "two wells per coordinate; global minimum near (−2.90, −2.90)") { _ in StyblinskiTang() },
        entry("six_hump_camel", "six local minima, two global") { _ in SixHumpCamel() },
        entry("matyas", "a shallow diagonal bowl") { _ in Matyas() },
        entry("quadratic", "the ill-conditioned bowl ½(x² + κy²): a ravine", [
            .init("condition_number", .number, .integer(10), "κ, ratio of the curvatures"),
        ], check: { a throws(InputError) in
            try require(a.double("condition_number") > 0, "condition_number", "condition_number must be positive")
        }) { a in Quadratic(conditionNumber: a.double("condition_number")) },
        entry("saddle", "x² − y²: a saddle point at the origin") { _ in Saddle() },
        linearRegressionEntry,
        mlpSliceEntry,
        expressionEntry,
    ])

    /// Parses and builds a surface: a named component or `expr:FORMULA`.
    ///
    /// - Throws: ``InputError`` for a syntax error (with its column), an unknown surface (with the closest
    ///   name), an unknown key or a bad value.
    public static func make(_ text: String) throws(InputError) -> SurfaceSpec {
        let trimmed = text.drop(while: \.isWhitespace)
        if trimmed.lowercased().hasPrefix("expr:") {
            let formula = String(trimmed.dropFirst(5))
            do {
                return SurfaceSpec(try ExpressionSurface(formula))
            } catch {
                // Point at the column in the whole text, not in the formula.
                let offset = text.count - formula.count
                throw InputError(error.message, source: text, column: error.column.map { $0 + offset })
            }
        }
        return try catalog.make(text)
    }

    // MARK: - Entries

    private static let noiseParameters: [ParameterList.Parameter] = [
        .init("noise", .number, .integer(0), "σ of Gaussian noise added to each gradient coordinate"),
        .init("seed", .integer, .integer(0), "seed of the gradient noise"),
    ]

    private static func noise(_ a: Arguments) throws(InputError) -> GradientNoise? {
        let sigma = a.double("noise")
        try require(sigma >= 0 && sigma.isFinite, "noise", "noise must be a finite standard deviation ≥ 0, got \(pythonRepr(sigma))")
        return sigma == 0 ? nil : GradientNoise(sigma: sigma, seed: UInt64(bitPattern: Int64(a.int("seed"))))
    }

    private static func entry(
        _ name: String, _ summary: String, _ parameters: [ParameterList.Parameter] = [],
        check: @escaping @Sendable (Arguments) throws(InputError) -> Void = { _ in },
        make: @escaping @Sendable (Arguments) -> any Surface
    ) -> Catalog<SurfaceSpec>.Entry {
        Catalog.Entry(name, aliases: name.contains("_") ? [name.replacingOccurrences(of: "_", with: "")] : [],
                      summary: summary, parameters: ParameterList(parameters + noiseParameters)) { a throws(InputError) in
            for parameter in parameters where parameter.kind == .number {
                try require(a.double(parameter.name).isFinite, parameter.name, "\(parameter.name) must be a finite number")
            }
            try check(a)
            return SurfaceSpec(make(a), noise: try noise(a))
        }
    }

    private static let linearRegressionEntry = Catalog<SurfaceSpec>.Entry(
        "linreg", aliases: ["linear_regression"],
        summary: "linear regression's MSE over (w, b); descents see mini-batch gradients",
        parameters: ParameterList([
            .init("n", .integer, .integer(200), "number of examples"),
            .init("noise", .number, .number(0.5), "σ of the Gaussian noise on the targets"),
            .init("seed", .integer, .integer(1), "seed of the data and of the per-epoch shuffles"),
            .init("batch_size", .integer, .integer(8), "examples per gradient, 1…n (n: full batch)"),
            .init("weight", .number, .integer(2), "slope of the true line"),
            .init("bias", .number, .integer(-1), "intercept of the true line"),
            .init("shuffle_seed", .optionalInteger, ComponentValue.none, "seed of the mini-batch shuffles (default: seed)"),
        ])
    ) { a throws(InputError) in
        let n = a.int("n"), seed = a.int("seed"), batchSize = a.int("batch_size")
        let shuffleSeed = a.optionalInt("shuffle_seed")
        try require((shuffleSeed ?? 0) >= 0, "shuffle_seed", "shuffle_seed must be ≥ 0")
        try require(n > 0, "n", "n must be a positive number of examples, got \(n)")
        try Limits.checkExamples(n)
        try require(seed >= 0, "seed", "seed must be ≥ 0, got \(seed)")
        try require(batchSize >= 1 && batchSize <= n, "batch_size",
                    "batch_size must be between 1 and n = \(n), got \(batchSize)")
        return SurfaceSpec(try LinearRegressionSurface(count: n, noise: a.double("noise"), seed: UInt64(seed), batchSize: batchSize,
                                                       weight: a.double("weight"), bias: a.double("bias"),
                                                       shuffleSeed: shuffleSeed.map { UInt64($0) }))
    }

    private static let mlpSliceEntry = Catalog<SurfaceSpec>.Entry(
        "mlp_slice", aliases: ["mlpslice"],
        summary: "a trained MLP's loss along two filter-normalised random directions (Li et al., 2018)",
        parameters: ParameterList([
            .init("dataset", .string, .string("moons"), "dataset component, such as 'moons' or 'spirals(n=200)'"),
            .init("hidden", .integers, .list([.integer(16), .integer(16)]), "widths of the hidden layers"),
            .init("activation", .string, .string("tanh"), "'tanh' or 'relu'"),
            .init("epochs", .integer, .integer(300), "full-batch Adam epochs that train θ*"),
            .init("seed", .integer, .integer(1), "seed of the data, the training and the directions"),
        ])
    ) { a throws(InputError) in
        let seed = a.int("seed"), epochs = a.int("epochs"), hidden = a.ints("hidden")
        try require(seed >= 0, "seed", "seed must be ≥ 0, got \(seed)")
        try require(epochs >= 0, "epochs", "epochs must be ≥ 0, got \(epochs)")
        try require(!hidden.isEmpty, "hidden", "hidden must list at least one layer width")
        let name = a.string("activation")
        guard let activation = Activation(rawValue: name.lowercased()) else {
            let known = Activation.allCases.map(\.rawValue)
            throw a.invalid("activation", "unknown activation '\(name)'\(didYouMean(name, in: known)) (known: \(known.joined(separator: ", ")))")
        }
        return SurfaceSpec(try MLPSliceSurface(dataset: a.string("dataset"), hidden: hidden, activation: activation,
                                               epochs: epochs, seed: UInt64(seed)))
    }

    private static let expressionEntry = Catalog<SurfaceSpec>.Entry(
        "expr", summary: "a surface given by a formula in x and y",
        parameters: ParameterList([
            .init("formula", .string, nil, "the formula, such as '0.5*(x^2 + 10*y^2)'"),
        ] + noiseParameters + [
            .init("start", .pair, .tuple([.number(-4), .number(3)]), "start point (x, y)"),
            .init("view", .numbers, .tuple([.number(-5), .number(5), .number(-5), .number(5)]), "view (xmin, xmax, ymin, ymax)"),
        ])
    ) { a throws(InputError) in
        let view = a.doubles("view")
        try require(view.count == 4 && view.allSatisfy(\.isFinite) && view[0] < view[1] && view[2] < view[3], "view",
                    "view must be (xmin, xmax, ymin, ymax) with xmin < xmax and ymin < ymax")
        let start = a.pair("start")
        try require(start.0.isFinite && start.1.isFinite, "start", "start must be two finite numbers")
        let surface: ExpressionSurface
        do throws(InputError) {
            surface = try ExpressionSurface(a.string("formula"), view: ViewWindow(x: view[0]...view[1], y: view[2]...view[3]),
                                            start: SIMD2(start.0, start.1))
        } catch {
            throw InputError("formula: \(error.message)" + (error.column.map { " (column \($0) of the formula)" } ?? ""), key: "formula")
        }
        return SurfaceSpec(surface, noise: try noise(a))
    }
}
