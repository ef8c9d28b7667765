/// The run as text: the JSON object and the CSV table that `descent schedule` prints.
extension ScheduleRun {
    /// One JSON object, `{"lrs": [...]}` plus `"momentum": [...]` when the momentum is cycled. Numbers are the
    /// shortest decimals that read back to the same Double; a non-finite value is written `null`.
    public func json() -> String {
        var out = "{\"lrs\": [" + lrs.map(Self.jsonNumber).joined(separator: ", ") + "]"
        if let momentum {
            out += ", \"momentum\": [" + momentum.map(Self.jsonNumber).joined(separator: ", ") + "]"
        }
        return out + "}"
    }

    /// A CSV table with the header `step,lr` (plus `momentum` when the momentum is cycled) and one row per step.
    public func csv() -> String {
        var lines = ["step,lr" + (momentum == nil ? "" : ",momentum")]
        for (index, lr) in lrs.enumerated() {
            var row = "\(index),\(pythonRepr(lr))"
            if let momentum { row += ",\(pythonRepr(momentum[index]))" }
            lines.append(row)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func jsonNumber(_ value: Double) -> String { value.isFinite ? pythonRepr(value) : "null" }
}
