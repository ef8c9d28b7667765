import Simulation

/// A polynomial fitted by ridge regression for several L2 penalties (`kind: l2-fits` and `kind: l2-sweep`):
/// the data split into training and validation, the polynomial's degree and the penalties λ.
public struct RidgeSpec: Sendable {
    /// The data, a one-feature regression set.
    public var dataset: Dataset
    /// The dataset as written, such as `sine(n=40, noise=0.25, seed=2)`, for descriptions.
    public var datasetName: String
    /// The fraction held out for validation.
    public var validation: Double
    /// The seed of the split.
    public var seed: UInt64
    public var degree: Int
    public var lambdas: [Double]
}
