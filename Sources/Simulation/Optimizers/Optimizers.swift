/// The catalog of optimizers that components such as `Adam(lr=0.01)` name.
///
/// ```swift
/// var optimizer = try Optimizers.catalog.make("SGD(lr=0.1, momentum=0.9)")
/// ```
public enum Optimizers {
    /// Every optimizer by PyTorch class name (matched case-insensitively).
    public static let catalog = Catalog<any Optimizer>(kind: "optimizer", entries: [
        SGD.entry, Adagrad.entry, Adadelta.entry, RMSprop.entry, Adam.entry, AdamW.entry, NAdam.entry, RAdam.entry,
        Adamax.entry, ASGD.entry, Rprop.entry, LBFGS.entry, Lion.entry,
    ])

    /// Parses and builds an optimizer from its component text.
    public static func make(_ text: String) throws(InputError) -> any Optimizer {
        try catalog.make(text)
    }
}
