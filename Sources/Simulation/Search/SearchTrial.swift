/// One evaluation of a search: a configuration (its id, values and unit-cube coordinates), the budget it ran
/// with, and what it scored. Under successive halving and Hyperband the same id comes back at larger budgets.
public struct SearchTrial: Sendable, Equatable, Codable {
    public var id: Int
    /// The values by dimension name, in Python's spelling (`0.01`, `3`, `'relu'`); JSON writes the numeric
    /// ones as numbers.
    public var params: [String: String]
    public var unit: [Double]
    public var budget: Int
    /// Hyperband's bracket s and rung i.
    public var bracket: Int?
    public var rung: Int?
    public var value: Double
    public var diverged: Bool
    /// The smallest value of this and every earlier trial.
    public var bestSoFar: Double
    /// For a trial Bayesian optimization chose: the surrogate fitted on the earlier trials, at this point.
    public var surrogate: BayesianOptimization.Surrogate?

    enum CodingKeys: String, CodingKey {
        case id, params, unit, budget, bracket, rung, value, diverged, surrogate
        case bestSoFar = "best_so_far"
    }

    /// A parameter's value in JSON: a number for numeric values (integers as integers), a string otherwise.
    private enum Param: Codable {
        case integer(Int), number(Double), text(String)

        init(_ text: String) {
            if let value = Int(text) { self = .integer(value) } else if let value = Double(text), value.isFinite { self = .number(value) } else { self = .text(text) }
        }

        var text: String {
            switch self {
            case .integer(let value): String(value)
            case .number(let value): pythonRepr(value)
            case .text(let value): value
            }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Int.self) { self = .integer(value) }
            else if let value = try? container.decode(Double.self) { self = .number(value) }
            else { self = .text(try container.decode(String.self)) }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .integer(let value): try container.encode(value)
            case .number(let value): try container.encode(value)
            case .text(let value): try container.encode(value)
            }
        }
    }

    public init(id: Int, params: [String: String], unit: [Double], budget: Int, bracket: Int? = nil, rung: Int? = nil, value: Double,
                diverged: Bool, bestSoFar: Double, surrogate: BayesianOptimization.Surrogate? = nil) {
        self.id = id
        self.params = params
        self.unit = unit
        self.budget = budget
        self.bracket = bracket
        self.rung = rung
        self.value = value
        self.diverged = diverged
        self.bestSoFar = bestSoFar
        self.surrogate = surrogate
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        params = try container.decode([String: Param].self, forKey: .params).mapValues(\.text)
        unit = try container.decode([Double].self, forKey: .unit)
        budget = try container.decode(Int.self, forKey: .budget)
        bracket = try container.decodeIfPresent(Int.self, forKey: .bracket)
        rung = try container.decodeIfPresent(Int.self, forKey: .rung)
        value = try container.decode(Double.self, forKey: .value)
        diverged = try container.decode(Bool.self, forKey: .diverged)
        bestSoFar = try container.decode(Double.self, forKey: .bestSoFar)
        surrogate = try container.decodeIfPresent(BayesianOptimization.Surrogate.self, forKey: .surrogate)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(params.mapValues(Param.init), forKey: .params)
        try container.encode(unit, forKey: .unit)
        try container.encode(budget, forKey: .budget)
        try container.encodeIfPresent(bracket, forKey: .bracket)
        try container.encodeIfPresent(rung, forKey: .rung)
        try container.encode(value, forKey: .value)
        try container.encode(diverged, forKey: .diverged)
        try container.encode(bestSoFar, forKey: .bestSoFar)
        try container.encodeIfPresent(surrogate, forKey: .surrogate)
    }
}
