/// A trace as a `Codable` value, with the same keys as `descent trace --format json`: `points` (pairs),
/// `losses`, `lrs`, `diverged_at`, and `averaged` and `state` when present. Each state entry is written
/// under its PyTorch name, a number or a list of numbers; entries decode in name order.
extension Trace: Codable {
    enum CodingKeys: String, CodingKey {
        case points, losses, lrs, averaged, state
        case divergedAt = "diverged_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(points: try container.decode([SIMD2<Double>].self, forKey: .points),
                  losses: try container.decode([Double].self, forKey: .losses),
                  lrs: try container.decode([Double].self, forKey: .lrs),
                  divergedAt: try container.decodeIfPresent(Int.self, forKey: .divergedAt),
                  state: try container.decodeIfPresent([StateStep].self, forKey: .state)?.map(\.entries),
                  averaged: try container.decodeIfPresent([SIMD2<Double>].self, forKey: .averaged))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(points, forKey: .points)
        try container.encode(losses, forKey: .losses)
        try container.encode(lrs, forKey: .lrs)
        // `diverged_at` is always written (null for a run that stayed finite), as `descent trace` does.
        try container.encode(divergedAt, forKey: .divergedAt)
        try container.encodeIfPresent(averaged, forKey: .averaged)
        try container.encodeIfPresent(state?.map(StateStep.init), forKey: .state)
    }
}

/// The optimizer's state after one step, coded as one object of named numbers and vectors.
private struct StateStep: Codable {
    var entries: [StateEntry]

    init(_ entries: [StateEntry]) { self.entries = entries }

    struct Name: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Name.self)
        entries = try container.allKeys.sorted { $0.stringValue < $1.stringValue }.map { key in
            if let value = try? container.decode(Double.self, forKey: key) { return StateEntry(key.stringValue, .scalar(value)) }
            return StateEntry(key.stringValue, .vector(try container.decode([Double].self, forKey: key)))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Name.self)
        for entry in entries {
            switch entry.value {
            case .scalar(let value): try container.encode(value, forKey: Name(stringValue: entry.name))
            case .vector(let values): try container.encode(values, forKey: Name(stringValue: entry.name))
            }
        }
    }
}
