/// The trace as text: the JSON object and the CSV table that `descent trace` prints.
///
/// Numbers are written as the shortest decimal that reads back to the same Double, so nothing is lost.
extension Trace {
    /// One JSON object: `points`, `losses`, `lrs`, `diverged_at`; `averaged` for an averaging optimizer
    /// (ASGD); `state` when recorded.
    ///
    /// ```json
    /// {"points": [[-1.5, 2.5], ...], "losses": [...], "lrs": [...], "diverged_at": null}
    /// ```
    public func json() -> String {
        var out = "{\"points\": ["
        out += points.map { "[\(jsonNumber($0.x)), \(jsonNumber($0.y))]" }.joined(separator: ", ")
        out += "], \"losses\": [" + losses.map(jsonNumber).joined(separator: ", ")
        out += "], \"lrs\": [" + lrs.map(jsonNumber).joined(separator: ", ")
        out += "], \"diverged_at\": " + (divergedAt.map(String.init) ?? "null")
        if let averaged {
            out += ", \"averaged\": [" + averaged.map { "[\(jsonNumber($0.x)), \(jsonNumber($0.y))]" }.joined(separator: ", ") + "]"
        }
        if let state {
            out += ", \"state\": [" + state.map(Self.jsonObject).joined(separator: ", ") + "]"
        }
        return out + "}"
    }

    /// A CSV table with the header `step,x,y,loss,lr` and one row per point; the start's `lr` is empty.
    /// An averaging optimizer (ASGD) adds `averaged_x,averaged_y`.
    /// When state is recorded, each state vector adds columns `NAME_x,NAME_y` (`NAME_0`, `NAME_1`, ... for
    /// longer vectors) and each scalar other than the step count a column `NAME`; the start's cells are
    /// empty.
    public func csv() -> String {
        let columns = stateColumns()
        var lines = ["step,x,y,loss,lr" + (averaged == nil ? "" : ",averaged_x,averaged_y") + columns.map { "," + $0.header }.joined()]
        lines.reserveCapacity(points.count + 1)
        for (index, point) in points.enumerated() {
            var row = "\(index),\(number(point.x)),\(number(point.y)),\(number(losses[index])),"
            if index > 0 { row += number(lrs[index - 1]) }
            if let averaged {
                row += index > 0 ? ",\(number(averaged[index - 1].x)),\(number(averaged[index - 1].y))" : ",,"
            }
            if !columns.isEmpty {
                let entries = index > 0 ? state?[index - 1] ?? [] : []
                for column in columns {
                    row += ","
                    guard let entry = entries.first(where: { $0.name == column.name }) else { continue }
                    switch entry.value {
                    case .scalar(let value): row += number(value)
                    case .vector(let values): if column.index < values.count { row += number(values[column.index]) }
                    }
                }
            }
            lines.append(row)
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Helpers

    private static func jsonObject(_ entries: [StateEntry]) -> String {
        "{" + entries.map { entry in
            switch entry.value {
            case .scalar(let value): "\"\(entry.name)\": \(jsonNumber(value))"
            case .vector(let values): "\"\(entry.name)\": [" + values.map(jsonNumber).joined(separator: ", ") + "]"
            }
        }.joined(separator: ", ") + "}"
    }

    /// The CSV state columns, in the order entries first appear.
    private func stateColumns() -> [(name: String, index: Int, header: String)] {
        guard let state else { return [] }
        var columns: [(name: String, index: Int, header: String)] = []
        var seen = Set<String>()
        for entries in state {
            for entry in entries where entry.name != "step" && !seen.contains(entry.name) {
                seen.insert(entry.name)
                switch entry.value {
                case .scalar: columns.append((entry.name, 0, entry.name))
                case .vector(let values):
                    let suffixes = values.count == 2 ? ["x", "y"] : values.indices.map(String.init)
                    for (i, suffix) in suffixes.enumerated() { columns.append((entry.name, i, "\(entry.name)_\(suffix)")) }
                }
            }
        }
        return columns
    }
}

/// A Double as CSV text: the shortest round-trip decimal (`inf`, `nan` as Python writes them).
private func number(_ value: Double) -> String { pythonRepr(value) }

/// A Double as JSON: the shortest round-trip decimal, or `null` for a value JSON cannot hold. Points,
/// losses and learning rates are always finite; an optimizer buffer may overflow while the point stays finite.
private func jsonNumber(_ value: Double) -> String { value.isFinite ? pythonRepr(value) : "null" }
