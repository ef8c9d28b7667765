/// Steps several schedulers on the same optimizer at every step, each scaling what the previous one left —
/// `torch.optim.lr_scheduler.ChainedScheduler`.
///
/// The children are attached in order, so their constructors compose (a ``ConstantLR`` scales the lr that an
/// earlier ``LinearLR`` already scaled), and every step calls each child's step in order. For the chainable
/// schedulers this gives
///
/// ```
/// η_e = η₀ · Π_k f_k(e)
/// ```
///
/// with f_k(e) the factor child k alone would apply at epoch e. ``ReduceLROnPlateau`` cannot be a child.
///
/// ```swift
/// let chained = try Schedules.make(
///     "ChainedScheduler(schedulers=[ConstantLR(factor=0.1, total_iters=2), ExponentialLR(gamma=0.9)])")
/// ```
public struct ChainedScheduler: SchedulerCore {
    public static let name = "ChainedScheduler"
    var children: [any SchedulerCore]
    var progress = SchedulerProgress()

    /// The schedulers in order.
    public var schedulers: [any LRScheduler] { children }

    /// - Throws: ``InputError`` with PyTorch's messages for no scheduler or a ``ReduceLROnPlateau`` among them.
    public init(schedulers: [any LRScheduler]) throws(InputError) {
        children = try compositeChildren(
            schedulers, of: Self.name,
            empty: "ChainedScheduler expects at least one scheduler to be chained, but got no scheduler.")
    }

    public var configuration: Component {
        Component(name: Self.name, keywords: ["schedulers": .list(children.map { .component($0.configuration) })])
    }

    public var cyclesMomentum: Bool { children.contains { $0.cyclesMomentum } }

    /// Attaches the children in order. PyTorch's ChainedScheduler takes no initial step of its own.
    @discardableResult
    public mutating func attach(to group: inout ParamGroup) throws(InputError) -> [String] {
        var labels: [String] = []
        for index in children.indices {
            labels += try children[index].attach(to: &group)
        }
        progress.lastEpoch = 0
        return labels
    }

    mutating func computeLR(_ group: inout ParamGroup) throws(InputError) -> Double { group.lr }

    /// Steps every child in order.
    @discardableResult
    public mutating func step(_ group: inout ParamGroup, metric: Double?) throws(InputError) -> [String] {
        progress.lastEpoch += 1
        var labels: [String] = []
        for index in children.indices {
            labels += try children[index].step(&group, metric: nil)
        }
        return labels
    }

    /// PyTorch has no closed form for ChainedScheduler (`NotImplementedError`), so it cannot be restarted at
    /// a milestone of an enclosing SequentialLR.
    ///
    /// - Throws: ``InputError`` always.
    public mutating func step(_ group: inout ParamGroup, epoch: Int) throws(InputError) {
        throw noClosedForm(Self.name)
    }

    mutating func undo() {
        for index in children.indices { children[index].undo() }
    }

    static let entry = Catalog<any LRScheduler>.Entry(
        name, summary: "step several schedulers at every step, each scaling what the previous one left",
        parameters: ParameterList([
            .init("schedulers", .components, nil, "the schedulers, such as [ConstantLR(...), ExponentialLR(...)]"),
        ])
    ) { a throws(InputError) in
        try ChainedScheduler(schedulers: try buildChildren(a))
    }
}
