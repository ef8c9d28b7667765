import Testing

/// The suites for `Sources/Simulation/Training` (datasets, models, the trainer), grouped so that
/// `swift test --filter Training` runs them all.
@Suite enum Training {}
