#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small table of examples for training a model: one row of features and one target per example.
///
/// `inputs[i]` holds the `featureCount` features of example i and `targets[i]` its target — a real value
/// for ``Task/regression``, the class 0 or 1 for ``Task/binaryClassification``. Build one with a generator
/// (``linear(count:weight:bias:noise:seed:)``, ``moons(count:noise:seed:)``, …) or from a component with
/// ``Datasets``:
///
/// ```swift
/// let data = try Datasets.make("moons(n=200, noise=0.2, seed=1)")
/// let parts = try data.split(validationFraction: 0.2, testFraction: 0.2, seed: 7)
/// ```
public struct Dataset: Sendable, Equatable {
    /// What the targets are.
    public enum Task: String, Sendable, Equatable {
        /// A real-valued target, fitted with the mean squared error.
        case regression
        /// A class 0 or 1, fitted with binary cross-entropy.
        case binaryClassification
    }

    /// The features of each example; every row has ``featureCount`` entries.
    public var inputs: [[Double]]
    /// The target of each example (as many as rows in ``inputs``).
    public var targets: [Double]
    /// The number of features per example.
    public var featureCount: Int
    /// Whether the targets are values or classes.
    public var task: Task
    /// For a generated regression set, the noise-free function the targets were drawn around (nil otherwise,
    /// and for the examples of a subset it is kept).
    public var truth: Truth?

    /// The noise-free function behind a generated one-feature regression set.
    public enum Truth: Sendable, Equatable {
        /// y = c₀ + c₁x + … (coefficients in increasing powers).
        case polynomial([Double])
        /// y = sin(2πf·x).
        case sine(frequency: Double)

        /// The function's value at `x`.
        public func callAsFunction(_ x: Double) -> Double {
            switch self {
            case .polynomial(let coefficients): coefficients.reversed().reduce(0) { $0 * x + $1 }     // Horner's rule
            case .sine(let frequency): sin(2 * Double.pi * frequency * x)
            }
        }
    }

    /// A dataset of `inputs` and `targets`.
    ///
    /// - Precondition: `inputs` and `targets` have the same count and every row has `featureCount` entries.
    public init(inputs: [[Double]], targets: [Double], featureCount: Int, task: Task) {
        precondition(inputs.count == targets.count, "a dataset needs one target per row")
        precondition(inputs.allSatisfy { $0.count == featureCount }, "every row needs \(featureCount) features")
        self.inputs = inputs
        self.targets = targets
        self.featureCount = featureCount
        self.task = task
    }

    /// The number of examples.
    public var count: Int { targets.count }

    /// The examples at `indices`, in that order.
    public func subset(_ indices: some Sequence<Int>) -> Dataset {
        var rows: [[Double]] = [], values: [Double] = []
        for index in indices {
            rows.append(inputs[index])
            values.append(targets[index])
        }
        return Dataset(inputs: rows, targets: values, featureCount: featureCount, task: task)
    }

    /// How many examples have each class, as (class 0, class 1); for regression data it counts targets
    /// equal to 0 and 1, which means little.
    public var classCounts: (zeros: Int, ones: Int) {
        var zeros = 0, ones = 0
        for target in targets {
            if target == 0 { zeros += 1 } else if target == 1 { ones += 1 }
        }
        return (zeros, ones)
    }
}
