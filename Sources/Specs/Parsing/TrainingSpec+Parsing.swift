import Simulation

extension TrainingSpec {
    static let keys = ["dataset", "model", "optimizer", "schedule", "schedule_every", "validation", "epochs", "batch_size", "l2",
                       "early_stopping", "seed"]

    /// Reads the training keys of a panel, building the dataset, model, optimizer and schedule.
    static func parse(_ object: YAMLObject) throws(SpecError) -> TrainingSpec {
        let datasetName = try object.requiredString("dataset", what: "a training spec")
        let data = try FigureSpec.component("dataset", object, datasetName, Datasets.make)
        let modelName = try object.string("model") ?? "mlp(hidden=[16, 16])"
        let model = try FigureSpec.component("model", object, modelName) { text throws(InputError) in try Models.make(text, for: data) }
        let optimizerName = try object.string("optimizer") ?? "Adam(lr=0.01)"
        let anyOptimizer = try FigureSpec.component("optimizer", object, optimizerName, Optimizers.make)
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
        let schedule = try object.string("schedule").map { text throws(SpecError) in try FigureSpec.component("schedule", object, text, Schedules.make) }
        guard let optimizer = anyOptimizer as? any GradientOptimizer else {
            throw object.error(at: object["optimizer"], "optimizer: L-BFGS needs a closure over the whole data; train with a first-order optimizer")
        }
        let seed = try object.integer("seed", in: 0...Int(Int32.max)) ?? 0
        let epochs = try object.integer("epochs", in: 1...Limits.epochs) ?? 100
        // The work of the whole run, checked now rather than discovered after minutes of training.
        do throws(InputError) {
            try Limits.checkTraining(examples: data.count, epochs: epochs, parameters: model.parameterCount)
        } catch {
            throw object.error(at: object["epochs"] ?? object["model"], error.message)
        }
        let l2 = try object.number("l2") ?? 0
        guard l2 >= 0 else { throw object.error(at: object["l2"], "'l2' must be ≥ 0, got \(l2)") }
        return TrainingSpec(
            dataset: data, model: model, optimizer: optimizer, schedule: schedule,
            scheduleInterval: try object.choice("schedule_every", Trainer.SchedulerInterval.self) ?? .batch,
            names: (datasetName, modelName, optimizerName), validationFraction: validation,
            epochs: epochs, batchSize: batchSize, l2: l2,
            earlyStopping: stopping, seed: UInt64(seed), location: object.location)
    }
}
