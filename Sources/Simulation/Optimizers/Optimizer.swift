/// An optimizer that updates a flat vector of parameters to lower a loss, exactly as the PyTorch class of
/// the same name does in float64.
///
/// Every conforming type uses PyTorch's class name, hyperparameter names, defaults and argument checks,
/// follows PyTorch's single-tensor (`foreach=False`) code path operation by operation, and keeps its state
/// (step counters, moment buffers, curvature history) between steps the way `optimizer.state` does. The
/// parameter vector may have any length; its length is fixed by the first step.
///
/// A step is PyTorch's `optimizer.step(closure)`: `closure(parameters, &gradient)` returns the loss at
/// `parameters` and writes its gradient. First-order optimizers (``GradientOptimizer``) call it once at the
/// current parameters; ``LBFGS`` may call it several times at trial points.
public protocol Optimizer: Sendable {
    /// PyTorch's class name, such as `"Adam"`.
    static var name: String { get }

    /// The learning rate the next step uses (`param_groups[0]['lr']`); a schedule changes it between steps.
    var lr: Double { get set }

    /// The optimizer written as a component with every hyperparameter resolved, in PyTorch's constructor
    /// order: `Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, ...)`. Parsing it gives the same optimizer.
    var configuration: Component { get }

    /// Python that constructs the same optimizer over a parameter tensor `p`, such as
    /// `torch.optim.Adam([p], lr=0.001, ..., foreach=False)`.
    var pytorchConstructor: String { get }

    /// One `optimizer.step(closure)`: updates `parameters` in place.
    ///
    /// - Parameter closure: evaluates the loss at the parameters it is given and writes the gradient there.
    mutating func step(_ parameters: inout [Double], closure: (_ parameters: [Double], _ gradient: inout [Double]) -> Double)

    /// The state carried between steps under PyTorch's names (`momentum_buffer`, `exp_avg`, ...),
    /// as it stands after the latest step; empty before the first.
    var state: [StateEntry] { get }

    /// The averaged iterate of an averaging optimizer (ASGD's `ax`), or `nil`.
    var averagedParameters: [Double]? { get }

    /// The momentum a schedule may cycle (CyclicLR, OneCycleLR): `momentum` for SGD and RMSprop, β₁ of
    /// `betas` for the Adam family and Lion; `nil` for optimizers that have neither. Setting it changes the
    /// next steps, as writing `param_groups[0]['momentum']` or `['betas']` does in PyTorch.
    var scheduledMomentum: Double? { get set }

    /// Whether ``scheduledMomentum`` is β₁ (PyTorch records it as `betas[0]`) rather than `momentum`.
    var momentumIsBeta1: Bool { get }
}

extension Optimizer {
    public var averagedParameters: [Double]? { nil }

    public var scheduledMomentum: Double? {
        get { nil }
        set {}
    }

    public var momentumIsBeta1: Bool { false }

    /// `torch.optim.NAME([p], key=value, ..., foreach=False)` built from ``configuration``.
    public var pytorchConstructor: String {
        "torch.optim.\(Self.name)(" + (["[p]"] + pythonKeywords(configuration) + ["foreach=False"]).joined(separator: ", ") + ")"
    }
}

/// An optimizer whose step needs only the gradient at the current parameters — every optimizer except
/// ``LBFGS``. Its `step(_:closure:)` evaluates the closure once and calls ``step(_:gradient:)``.
public protocol GradientOptimizer: Optimizer {
    /// Updates `parameters` in place given the gradient of the loss at them (same length).
    mutating func step(_ parameters: inout [Double], gradient: [Double])
}

extension GradientOptimizer {
    public mutating func step(_ parameters: inout [Double],
                              closure: (_ parameters: [Double], _ gradient: inout [Double]) -> Double) {
        var gradient = [Double](repeating: 0, count: parameters.count)
        _ = closure(parameters, &gradient)
        step(&parameters, gradient: gradient)
    }
}

/// The arguments of a component as Python keywords: `lr=0.01`, `betas=(0.9, 0.999)`.
func pythonKeywords(_ component: Component) -> [String] {
    component.arguments.map { argument in argument.key.map { "\($0)=\(argument.value)" } ?? "\(argument.value)" }
}

/// One named entry of an optimizer's state, as `optimizer.state[p][name]` holds it in PyTorch.
public struct StateEntry: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        /// A per-coordinate buffer, as long as the parameter vector.
        case vector([Double])
        /// A single number, such as the step count.
        case scalar(Double)
    }

    public var name: String
    public var value: Value

    /// The entry `name` with `value`.
    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == StateEntry {
    /// The per-coordinate buffer called `name` (such as `"momentum_buffer"`), if the state has one.
    public func vector(_ name: String) -> [Double]? {
        for entry in self where entry.name == name {
            if case .vector(let values) = entry.value { return values }
        }
        return nil
    }

    /// The number called `name` (such as `"step"` or `"func_evals"`), if the state has one.
    public func scalar(_ name: String) -> Double? {
        for entry in self where entry.name == name {
            if case .scalar(let value) = entry.value { return value }
        }
        return nil
    }
}

// MARK: - Helpers shared by the optimizers

/// PyTorch's `torch.lerp(start, end, weight)` for one element: `start + weight·(end − start)`, computed from
/// the nearer end so that weight 1 gives `end` exactly (`end − (end − start)·(1 − weight)` when |weight| ≥ ½).
@inline(__always)
func lerp(_ start: Double, _ end: Double, _ weight: Double) -> Double {
    abs(weight) < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight)
}

/// Throws PyTorch's `ValueError` text when `condition` fails, attributed to `key`.
@inline(__always)
func require(_ condition: Bool, _ key: String, _ message: @autoclosure () -> String) throws(InputError) {
    if !condition { throw InputError(message(), key: key) }
}

/// PyTorch's check that a hyperparameter is not negative (`if not 0.0 <= value: raise ValueError(...)`).
/// NaN fails it, as in Python.
@inline(__always)
func requireNonNegative(_ value: Double, _ key: String, _ label: String) throws(InputError) {
    try require(0 <= value, key, "Invalid \(label): \(pythonRepr(value))")
}

/// PyTorch's checks shared by Adam, AdamW, NAdam and RAdam, in its order: `lr` and `eps` not negative,
/// each beta in [0, 1), `weight_decay` not negative.
func requireAdamStyle(lr: Double, eps: Double, betas: (Double, Double), weightDecay: Double) throws(InputError) {
    try requireNonNegative(lr, "lr", "learning rate")
    try requireNonNegative(eps, "eps", "epsilon value")
    try require(0 <= betas.0 && betas.0 < 1, "betas", "Invalid beta parameter at index 0: \(pythonRepr(betas.0))")
    try require(0 <= betas.1 && betas.1 < 1, "betas", "Invalid beta parameter at index 1: \(pythonRepr(betas.1))")
    try requireNonNegative(weightDecay, "weight_decay", "weight_decay value")
}

/// Weight decay as the Adam family applies it to one coordinate: decoupled, θ ← θ·(1 − ηλ); otherwise L2,
/// g ← g + λθ. Nothing when λ = 0.
@inline(__always)
func applyWeightDecay(_ parameter: inout Double, _ gradient: inout Double, lr: Double, weightDecay: Double,
                      decoupled: Bool) {
    guard weightDecay != 0 else { return }
    if decoupled {
        parameter = parameter * (1 - lr * weightDecay)
    } else {
        gradient = gradient + weightDecay * parameter
    }
}

extension ComponentValue {
    /// A Double hyperparameter as a component value.
    static func of(_ value: Double) -> ComponentValue { .number(value) }
    /// A pair of Doubles as a tuple.
    static func of(_ pair: (Double, Double)) -> ComponentValue { .tuple([.number(pair.0), .number(pair.1)]) }
}

/// The PyTorch switches that choose an implementation (`foreach`, `fused`, `capturable`, `differentiable`)
/// and do not change the numbers in float64. They are accepted so that a PyTorch call can be pasted as it
/// is; they have no effect here.
func implementationSwitches(_ names: [String]) -> [ParameterList.Parameter] {
    names.map { name in
        switch name {
        case "foreach", "fused":
            ParameterList.Parameter(name, .optionalBoolean, ComponentValue.none, "PyTorch kernel choice; no effect here",
                                    isListed: false)
        default:
            ParameterList.Parameter(name, .boolean, .boolean(false), "PyTorch implementation switch; no effect here",
                                    isListed: false)
        }
    }
}
