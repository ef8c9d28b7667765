/// The catalog of learning-rate schedulers that components such as `CosineAnnealingLR(T_max=50)` name: every
/// scheduler of `torch.optim.lr_scheduler` that needs no Python callable, plus ``LambdaLR`` and
/// ``MultiplicativeLR`` with the callable written as a formula in `epoch`.
///
/// ```swift
/// let schedule = try Schedules.make("OneCycleLR(max_lr=0.1, total_steps=100)")
/// let run = try ScheduleRun.run(schedule, optimizer: Optimizers.make("SGD(lr=0.1, momentum=0.9)"), steps: 100)
/// ```
public enum Schedules {
    /// Every scheduler by PyTorch class name (matched case-insensitively).
    public static let catalog = Catalog<any LRScheduler>(kind: "schedule", entries: [
        LambdaLR.entry, MultiplicativeLR.entry, StepLR.entry, MultiStepLR.entry, ConstantLR.entry, LinearLR.entry,
        ExponentialLR.entry, PolynomialLR.entry, CosineAnnealingLR.entry, CosineAnnealingWarmRestarts.entry,
        CyclicLR.entry, OneCycleLR.entry, SequentialLR.entry, ChainedScheduler.entry, ReduceLROnPlateau.entry,
    ])

    /// Parses and builds a scheduler from its component text. Arguments that depend on the optimizer
    /// (`cycle_momentum`) are checked when it is attached.
    ///
    /// - Throws: ``InputError`` for a syntax error, an unknown scheduler or key (with the closest valid one) or
    ///   an argument PyTorch refuses, located in `text`.
    public static func make(_ text: String) throws(InputError) -> any LRScheduler {
        try catalog.make(text)
    }
}
