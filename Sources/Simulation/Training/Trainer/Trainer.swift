/// Trains a ``Model`` with any ``GradientOptimizer`` by mini-batch gradient descent, as a PyTorch training
/// loop over a `DataLoader` does, and records the curves the teaching figures draw.
///
/// Each epoch shuffles the training examples (a fresh seeded permutation per epoch, from one `SplitMix64`
/// seeded with ``seed``) and walks them in batches of ``batchSize``; the last, smaller batch is kept, as
/// `DataLoader(drop_last=False)` does, so an epoch has ⌈n/B⌉ updates. Each update minimises the mini-batch
/// objective
///
///     J(θ) = (1/|B|) Σ_{i∈B} ℓ(f(xᵢ; θ), yᵢ) + λ/2·‖θ‖²,   ∇J = ∇L_B + λθ,
///
/// with λ = ``l2Penalty`` applied to every parameter, biases included (as PyTorch's `weight_decay` in SGD is).
/// An attached scheduler steps after every update (``SchedulerInterval/batch``, fed the mini-batch objective
/// as its metric) or after every epoch (``SchedulerInterval/epoch``, fed the monitored loss).
///
/// After each epoch the run records the training loss, accuracy and gradient norm over the whole training set,
/// the validation loss and accuracy, and feeds the monitored loss (validation loss when there is validation
/// data, otherwise training loss) to ``earlyStopping``. A non-finite loss or gradient stops the run and marks
/// it diverged; that is a result, not an error.
///
/// ```swift
/// let parts = try Datasets.make("moons(n=300, noise=0.25, seed=1)").split(validationFraction: 0.3, seed: 2)
/// let model = try Models.make("mlp(hidden=[16, 16])", for: parts.train)
/// var sgd = try SGD(lr: 0.1, momentum: 0.9)
/// let trainer = try Trainer(epochs: 200, batchSize: 32, seed: 3, earlyStopping: EarlyStopping(patience: 10))
/// let run = try trainer.train(model, on: parts.train, validation: parts.validation, optimizer: &sgd)
/// ```
public struct Trainer: Sendable {
    /// When an attached scheduler steps.
    public enum SchedulerInterval: String, Sendable, Equatable, CaseIterable {
        /// After every optimizer update (PyTorch Lightning's `interval='step'`).
        case batch
        /// After every epoch (`interval='epoch'`).
        case epoch
    }

    /// The number of passes over the training data (≥ 0).
    public var epochs: Int
    /// Examples per update (≥ 1); `nil` uses the whole training set (full-batch gradient descent).
    public var batchSize: Int?
    /// Whether each epoch visits the examples in a fresh random order (otherwise in their stored order).
    public var shuffle: Bool
    /// Seeds the shuffling; the same seed gives the same run, to the bit.
    public var seed: UInt64
    /// λ of the L2 penalty λ/2·‖θ‖² added to the training objective (≥ 0).
    public var l2Penalty: Double
    /// When an attached scheduler steps.
    public var schedulerInterval: SchedulerInterval
    /// Early stopping on the monitored loss, or `nil` to run every epoch.
    public var earlyStopping: EarlyStopping?
    /// Whether every epoch ends with an ``EpochRecord`` (the losses over the whole training and validation
    /// sets). When false, only epoch 0 and the last epoch are evaluated — unless early stopping or a scheduler
    /// stepped per epoch needs the monitored loss every epoch. A search that only wants the final validation
    /// loss saves most of its time this way; the updates are the same either way.
    public var recordsEveryEpoch = true

    /// A trainer.
    ///
    /// - Throws: ``InputError`` for negative epochs, a batch size below 1 or a negative or non-finite λ.
    public init(epochs: Int, batchSize: Int? = nil, shuffle: Bool = true, seed: UInt64 = 0, l2Penalty: Double = 0,
                schedulerInterval: SchedulerInterval = .batch, earlyStopping: EarlyStopping? = nil) throws(InputError) {
        guard epochs >= 0 else { throw InputError("epochs must be ≥ 0, got \(epochs)", key: "epochs") }
        if let batchSize, batchSize < 1 { throw InputError("batch_size must be at least 1, got \(batchSize)", key: "batch_size") }
        guard l2Penalty >= 0, l2Penalty.isFinite else {
            throw InputError("the L2 penalty must be a finite number ≥ 0, got \(l2Penalty)", key: "weight_decay")
        }
        self.epochs = epochs
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.seed = seed
        self.l2Penalty = l2Penalty
        self.schedulerInterval = schedulerInterval
        self.earlyStopping = earlyStopping
    }

    /// Trains `model` on `train`, watching `validation`.
    ///
    /// - Parameters:
    ///   - model: the model; its inputs must match the data's features.
    ///   - train: the examples the optimizer sees (not empty).
    ///   - validation: the examples early stopping watches; `nil` or empty to watch the training loss.
    ///   - optimizer: a fresh optimizer (or one whose state should carry on); its lr may be changed by `scheduler`.
    ///   - scheduler: a scheduler already attached to `optimizer`, or `nil`.
    ///   - initialParameters: the starting θ; `nil` draws ``Model/initialParameters(seed:)`` with ``seed``.
    /// - Returns: the records and the parameters (see ``TrainingRun``).
    /// - Throws: ``InputError`` when the data does not suit the model or the scheduler refuses a step
    ///   (``OneCycleLR`` past its `total_steps`).
    public func train<O: GradientOptimizer>(_ model: some Model, on train: Dataset, validation: Dataset? = nil,
                                            optimizer: inout O, scheduler: AttachedScheduler? = nil,
                                            initialParameters: [Double]? = nil) throws(InputError) -> TrainingRun {
        guard train.count > 0 else { throw InputError("the training set is empty") }
        for data in [train] + (validation.map { [$0] } ?? []) where data.featureCount != model.featureCount {
            throw InputError("\(model.configuration) takes \(model.featureCount) features, the data has \(data.featureCount)")
        }
        var theta = initialParameters ?? model.initialParameters(seed: seed)
        guard theta.count == model.parameterCount else {
            throw InputError("\(model.configuration) has \(model.parameterCount) parameters, \(theta.count) were given")
        }
        let validation = validation.flatMap { $0.count > 0 ? $0 : nil }
        let size = min(batchSize ?? train.count, train.count)
        var scheduler = scheduler
        var stopper = earlyStopping
        var generator = SplitMix64(seed: seed)

        var run = TrainingRun(epochs: [], updates: [], parameters: theta, bestEpoch: nil, stopEpoch: nil,
                              restoredBest: false, divergedAtUpdate: nil)
        var bestParameters: [Double]?
        var bestMonitored = Double.infinity

        guard let start = evaluate(model, theta, epoch: 0, lr: optimizer.lr, updates: 0, train: train, validation: validation) else {
            run.divergedAtUpdate = 0
            return run
        }
        run.epochs.append(start)

        epochLoop: for epoch in stride(from: 1, through: epochs, by: 1) {
            let order = shuffle ? seededPermutation(train.count, generator: &generator) : Array(0..<train.count)
            let epochLR = optimizer.lr
            for first in stride(from: 0, to: train.count, by: size) {
                let batch = train.subset(order[first..<min(first + size, train.count)])
                var (loss, gradient) = model.lossAndGradient(parameters: theta, inputs: batch.inputs, targets: batch.targets)
                if l2Penalty != 0 {
                    loss += l2Penalty / 2 * squaredNorm(theta)
                    for k in gradient.indices { gradient[k] += l2Penalty * theta[k] }
                }
                guard loss.isFinite, gradient.allSatisfy({ $0.isFinite }) else {
                    run.divergedAtUpdate = run.updates.count
                    break epochLoop
                }
                run.updates.append(UpdateRecord(epoch: epoch, loss: loss, lr: optimizer.lr, batchSize: batch.count))
                let previous = theta
                optimizer.step(&theta, gradient: gradient)
                if !theta.allSatisfy({ $0.isFinite }) {
                    theta = previous
                    run.divergedAtUpdate = run.updates.count
                    break epochLoop
                }
                if schedulerInterval == .batch { try scheduler?.step(optimizer: &optimizer, metric: loss) }
            }
            let needsMonitor = stopper != nil || (scheduler != nil && schedulerInterval == .epoch)
            if !recordsEveryEpoch && !needsMonitor && epoch < epochs { continue }
            guard let record = evaluate(model, theta, epoch: epoch, lr: epochLR, updates: run.updates.count,
                                        train: train, validation: validation) else {
                run.divergedAtUpdate = run.updates.count
                break
            }
            run.epochs.append(record)
            let monitored = record.validationLoss ?? record.trainLoss
            if monitored < bestMonitored {
                bestMonitored = monitored
                run.bestEpoch = epoch
            }
            if schedulerInterval == .epoch { try scheduler?.step(optimizer: &optimizer, metric: monitored) }
            if stopper != nil {
                let (improved, stop) = stopper!.update(epoch: epoch, loss: monitored)
                if improved { bestParameters = theta }
                if stop {
                    run.stopEpoch = epoch
                    break
                }
            }
        }

        run.parameters = theta
        if let stopper {
            run.bestEpoch = stopper.bestEpoch
            if stopper.restoreBest, let bestParameters {
                run.parameters = bestParameters
                run.restoredBest = true
            }
        }
        return run
    }

    /// The end-of-epoch record, or `nil` when a loss or the gradient is not finite.
    private func evaluate(_ model: some Model, _ theta: [Double], epoch: Int, lr: Double, updates: Int,
                          train: Dataset, validation: Dataset?) -> EpochRecord? {
        var (trainLoss, gradient) = model.lossAndGradient(parameters: theta, inputs: train.inputs, targets: train.targets)
        for k in gradient.indices { gradient[k] += l2Penalty * theta[k] }
        let gradientNorm = euclideanNorm(gradient)
        let validationLoss = validation.map { model.loss(parameters: theta, on: $0) }
        guard trainLoss.isFinite, gradientNorm.isFinite, validationLoss?.isFinite ?? true else { return nil }
        return EpochRecord(epoch: epoch, trainLoss: trainLoss, validationLoss: validationLoss,
                           trainAccuracy: model.accuracy(parameters: theta, on: train),
                           validationAccuracy: validation.flatMap { model.accuracy(parameters: theta, on: $0) },
                           lr: lr, gradientNorm: gradientNorm, updates: updates)
    }
}

/// ‖v‖₂, scaled by the largest |vᵢ| so that a large but finite vector does not overflow.
private func euclideanNorm(_ v: [Double]) -> Double {
    let largest = v.reduce(0) { max($0, abs($1)) }
    guard largest > 0, largest.isFinite else { return largest }
    var total = 0.0
    for x in v { total += (x / largest) * (x / largest) }
    return largest * total.squareRoot()
}

/// ‖v‖₂², summed in order.
private func squaredNorm(_ v: [Double]) -> Double {
    var total = 0.0
    for x in v { total += x * x }
    return total
}
