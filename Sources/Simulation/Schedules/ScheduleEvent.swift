/// A point of a schedule worth marking in a figure: the step whose lr is the first after the boundary, and
/// a short label ("warm-up ends", "restart", "→ CosineAnnealingLR", "plateau: lr × 0.1").
public struct ScheduleEvent: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The number of scheduler steps after which the event shows: `lrs[step]` is the first lr after it.
    public var step: Int
    public var label: String

    /// An event at `step` called `label`.
    public init(step: Int, label: String) {
        self.step = step
        self.label = label
    }

    public var description: String { "\(step): \(label)" }
}
