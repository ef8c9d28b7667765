import Simulation

/// A training run described in a spec: data, model, optimizer, schedule and the trainer's settings.
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
    /// The dataset component, such as `moons(n=300, noise=0.3, seed=1)`.
    public var dataset: String
    /// The model component, such as `mlp(hidden=[16, 16])`.
    public var model: String
    /// The optimizer component (a first-order optimizer).
    public var optimizer: String
    /// A learning-rate scheduler component, stepped every batch or every epoch.
    public var schedule: String?
    public var schedulePerEpoch: Bool
    public var validationFraction: Double
    public var epochs: Int
    /// Examples per mini-batch; `nil` for full batch.
    public var batchSize: Int?
    /// λ of the L2 penalty λ/2·‖θ‖² added to the loss (the optimizer's own `weight_decay` is separate).
    public var l2: Double
    public var earlyStopping: EarlyStopping?
    public var seed: UInt64

    static let keys = ["dataset", "model", "optimizer", "schedule", "schedule_every", "validation", "epochs", "batch_size", "l2",
                       "early_stopping", "seed"]

    /// Runs the training: splits the data, builds model, optimizer and schedule, and trains.
    ///
    /// - Throws: ``InputError`` for settings that do not fit together (a model that does not suit the data,
    ///   a scheduler that fails as PyTorch would).
    public func run() throws(InputError) -> (run: TrainingRun, train: Dataset, validation: Dataset) {
        let data = try Datasets.make(dataset)
        let split = try data.split(validationFraction: validationFraction, seed: seed)
        let model = try Models.make(self.model, for: data)
        guard var optimizer = try Optimizers.make(self.optimizer) as? any GradientOptimizer else {
            throw InputError("optimizer: L-BFGS needs a closure over the whole data; train with a first-order optimizer")
        }
        let trainer = try Trainer(epochs: epochs, batchSize: batchSize, seed: seed, l2Penalty: l2,
                                  schedulerInterval: schedulePerEpoch ? .epoch : .batch, earlyStopping: earlyStopping)
        let attached = try schedule.map { text throws(InputError) in try AttachedScheduler(try Schedules.make(text), optimizer: &optimizer) }
        let run = try trainer.train(model, on: split.train, validation: split.validation, optimizer: &optimizer, scheduler: attached)
        return (run, split.train, split.validation)
    }

    /// Reads the training keys of a panel.
    static func parse(_ object: YAMLObject) throws(SpecError) -> TrainingSpec {
        let dataset = try object.requiredString("dataset", what: "a training spec")
        let data: Dataset
        do { data = try Datasets.make(dataset) } catch { throw FigureSpec.component(error, key: "dataset", object) }
        let model = try object.string("model") ?? "mlp(hidden=[16, 16])"
        do { _ = try Models.make(model, for: data) } catch { throw FigureSpec.component(error, key: "model", object) }
        let optimizer = try object.string("optimizer") ?? "Adam(lr=0.01)"
        do { _ = try Optimizers.make(optimizer) } catch { throw FigureSpec.component(error, key: "optimizer", object) }
        let validation = try object.number("validation") ?? 0.3
        guard validation > 0, validation < 1 else {
            throw object.error(at: object["validation"], "'validation' must be the fraction of the data held out, between 0 and 1, got \(validation)")
        }
        let trainCount = data.count - Int((Double(data.count) * validation).rounded())
        var batchSize: Int?
        if let node = object["batch_size"], node.string?.lowercased() != "full" {
            batchSize = try object.integer("batch_size", in: 1...1_000_000)
            if let size = batchSize, size > trainCount {
                throw object.error(at: node, "'batch_size' \(size) is larger than the \(trainCount) training examples (use 'full' for full batch)")
            }
        }
        var stopping: EarlyStopping?
        if let node = object["early_stopping"] {
            let settings = try YAMLObject(node, file: object.file, what: "'early_stopping'")
            try settings.requireKeys(in: ["patience", "min_delta", "restore_best"], what: "'early_stopping'")
            guard let patienceNode = settings["patience"], let patience = Int(patienceNode.string ?? ""), patience >= 0 else {
                throw settings.error(at: settings["patience"], "'patience' must be a whole number ≥ 0 (epochs without improvement before stopping)")
            }
            let minDelta = try settings.number("min_delta") ?? 0, restore = try settings.bool("restore_best") ?? true
            do throws(InputError) {
                stopping = try EarlyStopping(patience: patience, minDelta: minDelta, restoreBest: restore)
            } catch { throw settings.error(at: nil, error.message) }
        }
        if let text = try object.string("schedule") {
            do { _ = try Schedules.make(text) } catch { throw FigureSpec.component(error, key: "schedule", object) }
        }
        let seed = try object.integer("seed", in: 0...Int(Int32.max)) ?? 0
        let spec = TrainingSpec(
            dataset: dataset, model: model, optimizer: optimizer, schedule: try object.string("schedule"),
            schedulePerEpoch: try object.choice("schedule_every", ["batch", "epoch"]) == "epoch", validationFraction: validation,
            epochs: try object.integer("epochs", in: 1...100_000) ?? 100, batchSize: batchSize, l2: try object.number("l2") ?? 0,
            earlyStopping: stopping, seed: UInt64(seed))
        guard spec.l2 >= 0 else { throw object.error(at: object["l2"], "'l2' must be ≥ 0, got \(spec.l2)") }
        return spec
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
