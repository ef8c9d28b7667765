/// Runs several schedulers one after the other, switching at milestone epochs —
/// `torch.optim.lr_scheduler.SequentialLR`; the usual way to write "linear warm-up, then cosine".
///
/// With milestones m₁ < m₂ < … and children S₀, S₁, …, epoch e is driven by child k = (number of milestones
/// ≤ e), which restarts at its own epoch 0 when its milestone is reached:
///
/// ```
/// η_e = S_k at epoch e − m_k   (m₀ = 0), computed from the base lr
/// ```
///
/// Attaching reproduces PyTorch's construction exactly: the children are attached to the group in order
/// (each constructor runs, so they all share the first one's `initial_lr`), the lr is reset to `initial_lr`,
/// every child's initial step is taken back, and the child for epoch 0 takes its initial step again. At a
/// milestone the new child is restarted with its closed form at epoch 0 (``LRScheduler/step(_:epoch:)``);
/// otherwise the current child steps as usual. ``ReduceLROnPlateau`` cannot be a child.
///
/// ```swift
/// let warmupCosine = try Schedules.make(
///     "SequentialLR(schedulers=[LinearLR(start_factor=0.1, total_iters=5), CosineAnnealingLR(T_max=95)], milestones=[5])")
/// ```
public struct SequentialLR: SchedulerCore {
    public static let name = "SequentialLR"
    var children: [any SchedulerCore]
    /// The milestones as given (PyTorch does not sort them; neither does this).
    public let milestones: [Int]
    var progress = SchedulerProgress()

    /// The schedulers in order.
    public var schedulers: [any LRScheduler] { children }

    /// - Throws: ``InputError`` with PyTorch's messages for no scheduler, a ``ReduceLROnPlateau`` among them,
    ///   or a number of milestones other than one fewer than the schedulers.
    public init(schedulers: [any LRScheduler], milestones: [Int]) throws(InputError) {
        children = try compositeChildren(schedulers, of: Self.name,
                                         empty: "SequentialLR expects at least one scheduler, but got no scheduler.")
        try require(milestones.count == schedulers.count - 1, "milestones",
                    "Sequential Schedulers expects number of schedulers provided to be one more than the number of "
                        + "milestone points, but got number of schedulers \(schedulers.count) and the number of "
                        + "milestones to be equal to \(milestones.count)")
        self.milestones = milestones
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: [
            "schedulers": .list(children.map { .component($0.configuration) }),
            "milestones": .list(milestones.map { .integer($0) }),
        ])
    }

    public var cyclesMomentum: Bool { children.contains { $0.cyclesMomentum } }

    @discardableResult
    public mutating func attach(to group: inout ParamGroup) throws(InputError) -> [String] {
        for index in children.indices {
            try children[index].attach(to: &group)
        }
        progress.lastEpoch = 0
        if let initial = group.initialLR { group.lr = initial }
        undo()
        let first = PythonArithmetic.bisectRight(milestones, 0)
        return try children[first].initialStep(&group)
    }

    mutating func computeLR(_ group: inout ParamGroup) throws(InputError) -> Double { group.lr }

    /// PyTorch's `SequentialLR.step()`: the next epoch, driven by the child whose milestone it is past.
    @discardableResult
    public mutating func step(_ group: inout ParamGroup, metric: Double?) throws(InputError) -> [String] {
        progress.lastEpoch += 1
        let epoch = progress.lastEpoch
        let index = PythonArithmetic.bisectRight(milestones, epoch)
        if index > 0 && milestones[index - 1] == epoch {
            try children[index].step(&group, epoch: 0)
            return ["→ \(children[index].name)"]
        }
        return try children[index].step(&group, metric: nil)
    }

    /// PyTorch has no closed form for SequentialLR (`NotImplementedError`), so it cannot be restarted at a
    /// milestone of an enclosing SequentialLR.
    ///
    /// - Throws: ``InputError`` always.
    public mutating func step(_ group: inout ParamGroup, epoch: Int) throws(InputError) {
        throw noClosedForm(Self.name)
    }

    mutating func undo() {
        for index in children.indices { children[index].undo() }
    }

    static let entry = Catalog<any LRScheduler>.Entry(
        name, summary: "run schedulers one after the other, switching at milestone epochs",
        parameters: ParameterList([
            .init("schedulers", .components, nil, "the schedulers in order, such as [LinearLR(...), CosineAnnealingLR(...)]"),
            .init("milestones", .integers, nil, "the epochs at which the next scheduler takes over"),
            lastEpochParameter,
        ])
    ) { a throws(InputError) in
        try requireFreshStart(a)
        return try SequentialLR(schedulers: try buildChildren(a), milestones: a.ints("milestones"))
    }
}

// MARK: - Shared by the composites

/// The children of a composite as the machinery it drives, after PyTorch's checks.
func compositeChildren(_ schedulers: [any LRScheduler], of composite: String,
                       empty: String) throws(InputError) -> [any SchedulerCore] {
    try require(!schedulers.isEmpty, "schedulers", empty)
    var children: [any SchedulerCore] = []
    for (index, scheduler) in schedulers.enumerated() {
        try require(!(scheduler is ReduceLROnPlateau), "schedulers",
                    "\(composite) does not support `ReduceLROnPlateau` scheduler as it requires additional kwargs to be "
                        + "specified when calling `step`, but got one at index \(index) in the given schedulers sequence.")
        guard let child = scheduler as? any SchedulerCore else {
            throw InputError("\(composite): the scheduler at index \(index) (\(scheduler.name)) is not one Descent can compose",
                             key: "schedulers")
        }
        children.append(child)
    }
    return children
}

/// Builds the `schedulers` argument of a composite through the catalog (so nested composites work).
func buildChildren(_ arguments: Arguments) throws(InputError) -> [any LRScheduler] {
    var children: [any LRScheduler] = []
    for value in arguments["schedulers"].elements ?? [] {
        guard case .component(let component) = value else { continue }
        children.append(try Schedules.catalog.make(component))
    }
    return children
}

/// The error for `_update_lr(epoch)` on a composite, which PyTorch answers with `NotImplementedError`.
func noClosedForm(_ composite: String) -> InputError {
    InputError("\(composite) cannot restart at a milestone of an enclosing SequentialLR: it has no closed form "
               + "(PyTorch raises NotImplementedError)")
}
