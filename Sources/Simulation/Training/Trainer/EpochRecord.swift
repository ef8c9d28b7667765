/// What a training run records at the end of each epoch (epoch 0 is the state before training).
public struct EpochRecord: Sendable, Equatable, Codable {
    /// The epoch: 0 before training, then 1, 2, …
    public var epoch: Int
    /// The data loss (without the L2 penalty) over the whole training set at the end of the epoch.
    public var trainLoss: Double
    /// The data loss over the validation set, when there is one.
    public var validationLoss: Double?
    /// The training accuracy of a classifier (`nil` for regression).
    public var trainAccuracy: Double?
    /// The validation accuracy of a classifier, when there is validation data.
    public var validationAccuracy: Double?
    /// The learning rate of the epoch's first update (for epoch 0, the lr the first update will use).
    public var lr: Double
    /// ‖∇(L + λ/2·‖θ‖²)‖₂ over the whole training set at the end of the epoch.
    public var gradientNorm: Double
    /// Optimizer updates taken so far.
    public var updates: Int

    /// The keys of the `Codable` form, as `descent train --format json` prints them.
    enum CodingKeys: String, CodingKey {
        case epoch, lr, updates
        case trainLoss = "train_loss"
        case validationLoss = "validation_loss"
        case trainAccuracy = "train_accuracy"
        case validationAccuracy = "validation_accuracy"
        case gradientNorm = "grad_norm"
    }
}
