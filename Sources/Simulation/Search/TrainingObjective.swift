/// The real objective of hyperparameter search: train a model with the trial's optimizer and score it on
/// held-out data.
///
/// The data is split once (``Dataset/split(validationFraction:testFraction:seed:)`` with `seed`); every trial
/// trains the same model from the same initial weights and in the same batch order (all drawn from `seed`), so
/// two trials differ only in their hyperparameters. The optimizer is a template over the space's names, such
/// as `AdamW(lr={lr}, weight_decay={wd})`, filled per trial; the budget is the number of epochs. The value is
/// the validation loss after the last epoch — or, for a run that diverges, the validation loss before
/// training (a run that blows up is worth no more than not training), with the trial marked as diverged.
public struct TrainingObjective: Sendable {
    public var train: Dataset
    public var validation: Dataset
    public var model: any Model
    /// The optimizer template, such as `AdamW(lr={lr}, weight_decay={wd})`.
    public var optimizer: String
    /// Examples per mini-batch; `nil` for full batch.
    public var batchSize: Int?
    public var seed: UInt64
    /// The components as written, for descriptions.
    public var names: (dataset: String, model: String)

    /// Splits `dataset` with `seed`.
    ///
    /// - Throws: ``InputError`` when the split leaves no training or no validation example, or the batch is
    ///   larger than the training part.
    public init(dataset: Dataset, validationFraction: Double, model: any Model, optimizer: String, batchSize: Int?, seed: UInt64,
                names: (dataset: String, model: String)) throws(InputError) {
        let split = try dataset.split(validationFraction: validationFraction, seed: seed)
        guard split.validation.count > 0 else {
            throw InputError("a validation fraction of \(validationFraction) leaves no validation example out of \(dataset.count)", key: "validation")
        }
        if let batchSize, batchSize > split.train.count {
            throw InputError("batch_size \(batchSize) is larger than the \(split.train.count) training examples", key: "batch_size")
        }
        self.train = split.train
        self.validation = split.validation
        self.model = model
        self.optimizer = optimizer
        self.batchSize = batchSize
        self.seed = seed
        self.names = names
    }

    /// Trains with the filled-in optimizer `text` for `epochs`, returning the validation loss and whether the
    /// run diverged; `nil` when `text` does not build a first-order optimizer.
    public func evaluate(optimizer text: String, epochs: Int) -> (value: Double, diverged: Bool)? {
        guard var optimizer = (try? Optimizers.make(text)) as? any GradientOptimizer,
              var trainer = try? Trainer(epochs: epochs, batchSize: batchSize, seed: seed) else { return nil }
        trainer.recordsEveryEpoch = false
        guard let run = try? trainer.train(model, on: train, validation: validation, optimizer: &optimizer) else { return nil }
        let final = run.diverged ? run.epochs.first?.validationLoss : run.epochs.last?.validationLoss
        return (final ?? .infinity, run.diverged)
    }

    /// Checks that `text` builds a first-order optimizer.
    static func check(optimizer text: String) throws(InputError) {
        guard try Optimizers.make(text) is any GradientOptimizer else {
            throw InputError("L-BFGS needs a closure over the whole data; a training objective takes a first-order optimizer", key: "optimizer")
        }
    }
}
