/// Limited-memory BFGS: quasi-Newton steps from a short history of gradient changes, with an optional
/// strong-Wolfe line search — `torch.optim.LBFGS` (Nocedal, 1980; Liu & Nocedal, 1989), following
/// PyTorch's algorithm and termination rules.
///
/// One ``step(_:closure:)`` is one PyTorch `optimizer.step(closure)`: up to `max_iter` iterations and
/// `max_eval` closure evaluations (default ⌊5·max_iter/4⌋). Each iteration, with g the gradient:
///
/// ```
/// s = t·d (last step),  y = g − g_prev;   if yᵀs > 10⁻¹⁰: remember (s, y), ρ = 1/yᵀs, γ = yᵀs / yᵀy
/// d = −H·g   by the two-loop recursion over the last `history_size` pairs, with H₀ = γ·I
///            (d = −g on the very first iteration)
/// t = min(1, 1/Σ|g|)·lr on the very first iteration, lr afterwards
/// θ ← θ + t·d   (t from the strong-Wolfe search when line_search_fn='strong_wolfe')
/// ```
///
/// A step returns without moving when max|g| ≤ `tolerance_grad` at its start; iterations stop early when
/// gᵀd > −`tolerance_change`, the move max|t·d| or the loss change falls below `tolerance_change`, or
/// max|g| ≤ `tolerance_grad`. Without a line search the last iteration does not re-evaluate the closure.
/// The line search may use the evaluations the step has left (`max_eval` minus those made so far), with
/// c₁ = 10⁻⁴ and c₂ = 0.9. The history, direction and step length persist across steps.
public struct LBFGS: Optimizer {
    public static let name = "LBFGS"

    /// The line searches PyTorch offers.
    public enum LineSearch: String, Sendable {
        case strongWolfe = "strong_wolfe"
    }

    public var lr: Double
    public let maxIter: Int
    public let maxEval: Int
    public let toleranceGrad: Double
    public let toleranceChange: Double
    public let historySize: Int
    public let lineSearch: LineSearch?

    // State carried between steps, under PyTorch's names where it has them.
    private var funcEvals = 0                 // "func_evals": closure calls so far
    private var iterationCount = 0            // "n_iter": iterations so far
    private var direction: [Double] = []      // "d"
    private var stepLength = 0.0              // "t"
    private var oldDirections: [[Double]] = []  // "old_dirs": the y vectors
    private var oldSteps: [[Double]] = []       // "old_stps": the s vectors
    private var rho: [Double] = []              // "ro": 1 / yᵀs
    private var hessianDiagonal = 1.0           // "H_diag": γ
    private var previousGradient: [Double] = [] // "prev_flat_grad"
    private var previousLoss = 0.0              // "prev_loss"
    private var lastEvaluations = 0             // closure calls made by the latest step

    /// - Parameters:
    ///   - maxEval: the evaluation budget per step; `nil` for ⌊5·maxIter/4⌋, as PyTorch.
    /// - Throws: ``InputError`` for a negative `lr` (PyTorch's message), a negative `max_iter` or `max_eval`,
    ///   a `history_size` below 1, or an unknown line search.
    public init(lr: Double = 1, maxIter: Int = 20, maxEval: Int? = nil, toleranceGrad: Double = 1e-7,
                toleranceChange: Double = 1e-9, historySize: Int = 100, lineSearch: LineSearch? = nil) throws(InputError) {
        try requireNonNegative(lr, "lr", "learning rate")
        try require(maxIter >= 0, "max_iter", "max_iter must be at least 0, got \(maxIter)")
        let maxEval = maxEval ?? (maxIter * 5).floorDivided(by: 4)
        try require(maxEval >= 0, "max_eval", "max_eval must be at least 0, got \(maxEval)")
        try require(historySize >= 1, "history_size", "history_size must be at least 1, got \(historySize)")
        self.lr = lr
        self.maxIter = maxIter
        self.maxEval = maxEval
        self.toleranceGrad = toleranceGrad
        self.toleranceChange = toleranceChange
        self.historySize = historySize
        self.lineSearch = lineSearch
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "lr": .of(lr), "max_iter": .integer(maxIter), "max_eval": .integer(maxEval),
            "tolerance_grad": .of(toleranceGrad), "tolerance_change": .of(toleranceChange),
            "history_size": .integer(historySize), "line_search_fn": lineSearch.map { .string($0.rawValue) } ?? .none,
        ])
    }

    /// `torch.optim.LBFGS` has no `foreach` switch.
    public var pytorchConstructor: String {
        "torch.optim.LBFGS(" + (["[p]"] + pythonKeywords(configuration)).joined(separator: ", ") + ")"
    }

    public mutating func step(_ parameters: inout [Double],
                              closure: (_ parameters: [Double], _ gradient: inout [Double]) -> Double) {
        var gradient = [Double](repeating: 0, count: parameters.count)
        var loss = closure(parameters, &gradient)
        var evaluations = 1
        funcEvals += 1
        defer { lastEvaluations = evaluations }
        if maxAbs(gradient) <= toleranceGrad { return }

        var iteration = 0
        while iteration < maxIter {
            iteration += 1
            iterationCount += 1

            // The direction: steepest descent at first, then the two-loop recursion.
            if iterationCount == 1 {
                direction = gradient.map { -$0 }
                oldDirections = []
                oldSteps = []
                rho = []
                hessianDiagonal = 1
            } else {
                updateHistory(gradient: gradient)
                direction = twoLoopDirection(gradient: gradient)
            }
            previousGradient = gradient
            previousLoss = loss

            // The step length.
            stepLength = iterationCount == 1 ? pythonMin(1, 1 / sumAbs(gradient)) * lr : lr
            let slope = dot(gradient, direction)
            if slope > -toleranceChange { break }

            var searchEvaluations = 0
            var optimal = false
            if lineSearch == .strongWolfe {
                let origin = parameters
                let search = StrongWolfeLineSearch(maxEvaluations: Swift.max(0, maxEval - evaluations))
                let direction = self.direction
                let result = search.search(evaluate: { t in
                    var trial = origin
                    for i in trial.indices { trial[i] = trial[i] + t * direction[i] }
                    var g = [Double](repeating: 0, count: trial.count)
                    let f = closure(trial, &g)
                    return (f, g)
                }, t: stepLength, direction: direction, loss: loss, gradient: gradient, slope: slope)
                (loss, gradient, stepLength, searchEvaluations) = (result.loss, result.gradient, result.t, result.evaluations)
                move(&parameters)
                optimal = maxAbs(gradient) <= toleranceGrad
            } else {
                move(&parameters)
                if iteration != maxIter {
                    loss = closure(parameters, &gradient)
                    optimal = maxAbs(gradient) <= toleranceGrad
                    searchEvaluations = 1
                }
            }
            evaluations += searchEvaluations
            funcEvals += searchEvaluations

            if iteration == maxIter || evaluations >= maxEval || optimal { break }
            if direction.reduce(0, { Swift.max($0, abs($1 * stepLength)) }) <= toleranceChange { break }
            if abs(loss - previousLoss) < toleranceChange { break }
        }
    }

    /// Stores the latest curvature pair (s, y) when yᵀs > 10⁻¹⁰, dropping the oldest beyond `history_size`.
    private mutating func updateHistory(gradient: [Double]) {
        var y = gradient
        var s = direction
        for i in y.indices {
            y[i] = gradient[i] - previousGradient[i]
            s[i] = direction[i] * stepLength
        }
        let ys = dot(y, s)
        guard ys > 1e-10 else { return }
        if oldDirections.count == historySize {
            oldDirections.removeFirst()
            oldSteps.removeFirst()
            rho.removeFirst()
        }
        oldDirections.append(y)
        oldSteps.append(s)
        rho.append(1.0 / ys)
        hessianDiagonal = ys / dot(y, y)
    }

    /// d = −H·g by the two-loop recursion over the stored pairs, with H₀ = γ·I.
    private func twoLoopDirection(gradient: [Double]) -> [Double] {
        let count = oldDirections.count
        var alpha = [Double](repeating: 0, count: count)
        var q = gradient.map { -$0 }
        for i in stride(from: count - 1, through: 0, by: -1) {
            alpha[i] = dot(oldSteps[i], q) * rho[i]
            for j in q.indices { q[j] = q[j] + (-alpha[i]) * oldDirections[i][j] }
        }
        var r = q.map { $0 * hessianDiagonal }
        for i in 0..<count {
            let beta = dot(oldDirections[i], r) * rho[i]
            for j in r.indices { r[j] = r[j] + (alpha[i] - beta) * oldSteps[i][j] }
        }
        return r
    }

    /// θ ← θ + t·d.
    private func move(_ parameters: inout [Double]) {
        for i in parameters.indices { parameters[i] = parameters[i] + stepLength * direction[i] }
    }

    public var state: [StateEntry] {
        guard funcEvals > 0 else { return [] }
        var entries = [StateEntry("func_evals", .scalar(Double(funcEvals))), StateEntry("n_iter", .scalar(Double(iterationCount))),
                       StateEntry("evaluations", .scalar(Double(lastEvaluations)))]
        guard !direction.isEmpty else { return entries }
        entries += [StateEntry("d", .vector(direction)), StateEntry("t", .scalar(stepLength)),
                    StateEntry("H_diag", .scalar(hessianDiagonal)), StateEntry("prev_flat_grad", .vector(previousGradient)),
                    StateEntry("prev_loss", .scalar(previousLoss)), StateEntry("history", .scalar(Double(oldDirections.count)))]
        return entries
    }

    static let entry = Catalog<any Optimizer>.Entry(
        name, summary: "limited-memory quasi-Newton steps, optionally with a strong-Wolfe line search",
        parameters: ParameterList([
            .init("lr", .number, .integer(1), "step length (the first trial step of the line search)"),
            .init("max_iter", .integer, .integer(20), "iterations per step"),
            .init("max_eval", .optionalInteger, ComponentValue.none, "closure evaluations per step (None: max_iter*5//4)"),
            .init("tolerance_grad", .number, .number(1e-7), "stop when max|g| falls to this"),
            .init("tolerance_change", .number, .number(1e-9), "stop when the step or the loss changes less"),
            .init("history_size", .integer, .integer(100), "curvature pairs remembered"),
            .init("line_search_fn", .optionalString, ComponentValue.none, "None (fixed step lr) or 'strong_wolfe'"),
        ])
    ) { a throws(InputError) in
        var lineSearch: LineSearch?
        if let name = a.optionalString("line_search_fn") {
            guard let known = LineSearch(rawValue: name) else {
                throw InputError("only 'strong_wolfe' is supported (line_search_fn='\(name)')", key: "line_search_fn")
            }
            lineSearch = known
        }
        return try LBFGS(lr: a.double("lr"), maxIter: a.int("max_iter"), maxEval: a.optionalInt("max_eval"),
                         toleranceGrad: a.double("tolerance_grad"), toleranceChange: a.double("tolerance_change"),
                         historySize: a.int("history_size"), lineSearch: lineSearch)
    }
}

/// max|vᵢ| (0 for an empty vector; NaN propagates).
private func maxAbs(_ v: [Double]) -> Double {
    var result = 0.0
    for x in v {
        if x.isNaN { return .nan }
        result = Swift.max(result, abs(x))
    }
    return result
}

/// Σ|vᵢ|, summed in order.
private func sumAbs(_ v: [Double]) -> Double {
    var sum = 0.0
    for x in v { sum += abs(x) }
    return sum
}

extension Int {
    /// Python's `//`: division rounded towards −∞.
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
