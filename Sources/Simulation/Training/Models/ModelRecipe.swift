/// A model as a component describes it, before it meets its data: the input width and whether the output is
/// a value or a logit come from the dataset it is made for.
public struct ModelRecipe: Sendable {
    /// The component's canonical name, such as `"mlp"`.
    public let name: String
    let build: @Sendable (Dataset) throws(InputError) -> any Model

    /// A recipe that builds its model for a dataset with `build`.
    public init(name: String, build: @escaping @Sendable (Dataset) throws(InputError) -> any Model) {
        self.name = name
        self.build = build
    }

    /// The model for `data`: as many inputs as it has features, scored as its task requires.
    ///
    /// - Throws: ``InputError`` when the model cannot fit such data (a polynomial on several features,
    ///   a linear regression on classes, a logistic regression on values).
    public func make(for data: Dataset) throws(InputError) -> any Model {
        try build(data)
    }
}
