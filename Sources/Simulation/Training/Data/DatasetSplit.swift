/// A dataset cut into three disjoint parts: one to train on, one to choose hyperparameters and stop
/// early with, one to report the final score on.
public struct DatasetSplit: Sendable, Equatable {
    /// The examples the optimizer sees.
    public var train: Dataset
    /// The examples early stopping and hyperparameter search watch.
    public var validation: Dataset
    /// The examples held out until the end.
    public var test: Dataset

    /// The three parts.
    public init(train: Dataset, validation: Dataset, test: Dataset) {
        self.train = train
        self.validation = validation
        self.test = test
    }
}
