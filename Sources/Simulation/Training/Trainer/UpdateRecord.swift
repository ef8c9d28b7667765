/// What a training run records for each optimizer update.
public struct UpdateRecord: Sendable, Equatable {
    /// The epoch the update belongs to (1-based).
    public var epoch: Int
    /// The mini-batch's objective before the update: its mean data loss plus λ/2·‖θ‖².
    public var loss: Double
    /// The learning rate the update used.
    public var lr: Double
    /// The number of examples in the mini-batch (the last of an epoch may be smaller).
    public var batchSize: Int
}
