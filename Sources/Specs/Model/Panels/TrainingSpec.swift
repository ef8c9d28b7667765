import Simulation

/// A training run described in a spec (`kind: training-curves`): data, model, optimizer, schedule and the
/// trainer's settings, each built and checked when the spec is read.
///
/// ```yaml
/// kind: training-curves
/// dataset: moons(n=300, noise=0.3, seed=1)
/// validation: 0.3
/// model: mlp(hidden=[64, 64], activation='tanh')
/// optimizer: Adam(lr=0.01)
/// epochs: 300
/// batch_size: 32
/// early_stopping: {patience: 20, min_delta: 0, restore_best: true}
/// seed: 1
/// ```
public struct TrainingSpec: Sendable {
    /// The data, before the split.
    public var dataset: Dataset
    /// The model, shaped for the data (its initial weights come from the seed when training starts).
    public var model: any Model
    /// A first-order optimizer in its initial state.
    public var optimizer: any GradientOptimizer
    /// A learning-rate scheduler (not yet attached), stepped every batch or every epoch.
    public var schedule: (any LRScheduler)?
    public var scheduleInterval: Trainer.SchedulerInterval
    /// The components as written, such as `moons(n=300, noise=0.3, seed=1)`, for descriptions.
    public var names: (dataset: String, model: String, optimizer: String)
    public var validationFraction: Double
    public var epochs: Int
    /// Examples per mini-batch; `nil` for full batch.
    public var batchSize: Int?
    /// λ of the L2 penalty λ/2·‖θ‖² added to the loss (the optimizer's own `weight_decay` is separate).
    public var l2: Double
    public var earlyStopping: EarlyStopping?
    public var seed: UInt64
    /// Where the training is written, for messages about it.
    public var location: SpecLocation?

    /// Runs the training: splits the data, attaches the schedule to a fresh copy of the optimizer, and trains.
    ///
    /// - Throws: ``InputError`` when a setting fails as PyTorch would (a scheduler that does not suit the
    ///   optimizer or runs out of steps).
    public func run() throws(InputError) -> (run: TrainingRun, train: Dataset, validation: Dataset) {
        let split = try dataset.split(validationFraction: validationFraction, seed: seed)
        var optimizer = self.optimizer
        let trainer = try Trainer(epochs: epochs, batchSize: batchSize, seed: seed, l2Penalty: l2,
                                  schedulerInterval: scheduleInterval, earlyStopping: earlyStopping)
        let attached = try schedule.map { scheduler throws(InputError) in try AttachedScheduler(scheduler, optimizer: &optimizer) }
        let run = try trainer.train(model, on: split.train, validation: split.validation, optimizer: &optimizer, scheduler: attached)
        return (run, split.train, split.validation)
    }
}

extension TrainingRun {
    /// The per-epoch records as one JSON object: `epochs` (epoch, train_loss, validation_loss, train_accuracy,
    /// validation_accuracy, lr, grad_norm, updates), `best_epoch`, `stop_epoch`, `restored_best`, `diverged`.
    public func json() -> String {
        func number(_ value: Double?) -> String { value.map { $0.isFinite ? pythonRepr($0) : "null" } ?? "null" }
        let records = epochs.map { e in
            "{\"epoch\": \(e.epoch), \"train_loss\": \(number(e.trainLoss)), \"validation_loss\": \(number(e.validationLoss)), "
                + "\"train_accuracy\": \(number(e.trainAccuracy)), \"validation_accuracy\": \(number(e.validationAccuracy)), "
                + "\"lr\": \(number(e.lr)), \"grad_norm\": \(number(e.gradientNorm)), \"updates\": \(e.updates)}"
        }
        return "{\"epochs\": [" + records.joined(separator: ", ") + "], \"best_epoch\": " + (bestEpoch.map(String.init) ?? "null")
            + ", \"stop_epoch\": " + (stopEpoch.map(String.init) ?? "null") + ", \"restored_best\": \(restoredBest)"
            + ", \"diverged\": \(diverged)}"
    }

    /// The per-epoch records as CSV: `epoch,train_loss,validation_loss,train_accuracy,validation_accuracy,lr,grad_norm,updates`.
    public func csv() -> String {
        func number(_ value: Double?) -> String { value.map(pythonRepr) ?? "" }
        return (["epoch,train_loss,validation_loss,train_accuracy,validation_accuracy,lr,grad_norm,updates"] + epochs.map { e in
            "\(e.epoch),\(number(e.trainLoss)),\(number(e.validationLoss)),\(number(e.trainAccuracy)),\(number(e.validationAccuracy)),"
                + "\(number(e.lr)),\(number(e.gradientNorm)),\(e.updates)"
        }).joined(separator: "\n")
    }
}
