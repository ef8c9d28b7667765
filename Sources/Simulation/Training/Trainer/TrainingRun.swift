/// The result of ``Trainer/train(_:on:validation:optimizer:scheduler:initialParameters:)``: the curves, the
/// parameters, and where the run stopped and why.
public struct TrainingRun: Sendable, Equatable {
    /// One record per epoch, from epoch 0 (before training) to the last finished epoch.
    public var epochs: [EpochRecord]
    /// One record per optimizer update, in order.
    public var updates: [UpdateRecord]
    /// The parameters handed back: the best epoch's with early stopping and `restoreBest`, otherwise the last
    /// finite ones.
    public var parameters: [Double]
    /// The epoch with the lowest monitored loss (validation loss when there is validation data, otherwise
    /// training loss), counting epochs 1 onwards; `nil` when no epoch finished.
    public var bestEpoch: Int?
    /// The epoch after which early stopping ended the run; `nil` when it ran all its epochs or diverged.
    public var stopEpoch: Int?
    /// Whether ``parameters`` are the best epoch's rather than the last epoch's.
    public var restoredBest: Bool
    /// When a loss became non-finite: the number of updates recorded before it (the arrays end at the last
    /// finite values). `nil` for a run that did not diverge; a run whose numbers grow large but stay finite
    /// has not diverged.
    public var divergedAtUpdate: Int?

    /// Whether the run stopped because a loss became non-finite.
    public var diverged: Bool { divergedAtUpdate != nil }
}
