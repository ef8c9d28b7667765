/// Early stopping: watches a loss once per epoch and says when it has stopped improving.
///
/// An epoch improves when its loss is below best − `minDelta`; it then becomes the best and the wait resets to
/// 0. Otherwise the wait grows by one, and training stops when it reaches `patience` — at the epoch
/// `bestEpoch + patience` when nothing improves after the best. Like PyTorch Lightning's `EarlyStopping`
/// (`mode='min'`); a NaN loss never improves. With `restoreBest`, the trainer hands back the parameters of
/// the best epoch rather than the last.
public struct EarlyStopping: Sendable, Equatable {
    /// How many epochs without improvement are tolerated (≥ 0; 0 stops at the first one).
    public var patience: Int
    /// How much lower than the best a loss must be to count as an improvement (≥ 0).
    public var minDelta: Double
    /// Whether to return the best epoch's parameters instead of the last ones.
    public var restoreBest: Bool

    /// The lowest loss so far (∞ before the first epoch).
    public private(set) var best = Double.infinity
    /// The epoch of ``best``; `nil` before any improvement.
    public private(set) var bestEpoch: Int?
    /// Epochs since the last improvement.
    public private(set) var wait = 0

    /// An early stopper.
    ///
    /// - Throws: ``InputError`` for a negative patience or min_delta.
    public init(patience: Int, minDelta: Double = 0, restoreBest: Bool = true) throws(InputError) {
        guard patience >= 0 else { throw InputError("patience must be ≥ 0, got \(patience)", key: "patience") }
        guard minDelta >= 0 else { throw InputError("min_delta must be ≥ 0, got \(minDelta)", key: "min_delta") }
        self.patience = patience
        self.minDelta = minDelta
        self.restoreBest = restoreBest
    }

    /// Feeds the loss of `epoch`.
    ///
    /// - Returns: whether `epoch` improved on the best (so its parameters are the ones to keep) and whether
    ///   training should stop after it.
    public mutating func update(epoch: Int, loss: Double) -> (improved: Bool, stop: Bool) {
        if loss < best - minDelta {
            best = loss
            bestEpoch = epoch
            wait = 0
            return (true, false)
        }
        wait += 1
        return (false, wait >= patience)
    }
}
