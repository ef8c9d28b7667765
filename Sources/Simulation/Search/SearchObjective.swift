#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a trial costs and returns: a value to minimize for a point of the search space, given a budget
/// (the resource Hyperband allocates: optimizer steps or training epochs).
public enum SearchObjective: Sendable {
    /// An optimizer, written as a template over the space's names (`Adam(lr={lr})`), run on a surface for
    /// `budget` steps; the value is the final loss, or its log10 with `logValue`. A run that diverges is
    /// worth its last finite loss, and is marked.
    case trace(surface: SurfaceSpec, optimizer: String, start: SIMD2<Double>?, logValue: Bool)
    /// A model trained with an optimizer template for `budget` epochs; the value is the validation loss
    /// (``TrainingObjective``).
    case training(TrainingObjective)
    /// A formula of (at most two of) the space's names, such as `(lr - 0.3)^2`; the budget is ignored.
    case expression(Expression)

    /// Checks the objective against `space`: every template name is a dimension, the optimizer builds at the
    /// centre of the space, an expression names at most two dimensions.
    public static func expression(_ text: String, space: SearchSpace) throws(InputError) -> SearchObjective {
        let names = space.dimensions.map(\.name)
        guard names.count <= 2 else {
            throw InputError("an expression objective takes at most two dimensions; this space has \(names.count)")
        }
        return .expression(try Expression(text, variables: (names[0], names.count > 1 ? names[1] : nil)))
    }

    /// Checks a trace objective's template once, at the centre of the space.
    public func check(_ space: SearchSpace) throws(InputError) {
        let centre = Array(repeating: 0.5, count: space.dimensions.count)
        switch self {
        case .trace(_, let optimizer, _, _): _ = try Optimizers.make(try space.fill(optimizer, at: centre))
        case .training(let training): try TrainingObjective.check(optimizer: try space.fill(training.optimizer, at: centre))
        case .expression: break
        }
    }

    /// The value at `unit` with `budget`, and whether the run diverged.
    public func evaluate(_ space: SearchSpace, unit: [Double], budget: Int) -> (value: Double, diverged: Bool) {
        switch self {
        case .trace(let surface, let template, let start, let logValue):
            // The template was checked at the centre; every point of the space fills it the same way.
            guard let text = try? space.fill(template, at: unit), let optimizer = try? Optimizers.make(text) else { return (.infinity, true) }
            let trace = Trace.run(surface: surface.surface, optimizer: optimizer, start: start, steps: budget, noise: surface.noise)
            let loss = trace.losses.last ?? .infinity
            return (logValue ? log10(loss) : loss, trace.divergedAt != nil)
        case .training(let training):
            guard let text = try? space.fill(training.optimizer, at: unit),
                  let result = training.evaluate(optimizer: text, epochs: budget) else { return (.infinity, true) }
            return result
        case .expression(let expression):
            let values = space.values(at: unit).map { $0.asDouble ?? .nan }
            return (expression.value(x: values[0], y: values.count > 1 ? values[1] : 0), false)
        }
    }
}
