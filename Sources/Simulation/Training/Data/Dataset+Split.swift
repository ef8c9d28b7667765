extension Dataset {
    /// Cuts the dataset into train, validation and test parts after a seeded shuffle.
    ///
    /// The parts hold ⌊n·validationFraction⌉ and ⌊n·testFraction⌉ examples (rounded to the nearest, halves
    /// away from zero) for validation and test, and the rest for training; every example lands in exactly
    /// one part. The shuffle is ``seededPermutation(_:generator:)`` with `SplitMix64(seed:)`, so a seed gives
    /// the same parts on every platform. Classes are not stratified.
    ///
    /// - Parameters:
    ///   - validationFraction: the share of examples for validation, in [0, 1).
    ///   - testFraction: the share for testing, in [0, 1); the two together must leave at least one
    ///     training example.
    ///   - seed: the shuffle's seed.
    /// - Returns: the three parts, each in shuffled order.
    /// - Throws: ``InputError`` for a fraction outside [0, 1) or an empty training part.
    public func split(validationFraction: Double, testFraction: Double = 0, seed: UInt64) throws(InputError) -> DatasetSplit {
        guard validationFraction >= 0, validationFraction < 1 else {
            throw InputError("validation fraction must be in [0, 1), got \(validationFraction)", key: "validation_fraction")
        }
        guard testFraction >= 0, testFraction < 1 else {
            throw InputError("test fraction must be in [0, 1), got \(testFraction)", key: "test_fraction")
        }
        let validationCount = Int((Double(count) * validationFraction).rounded())
        let testCount = Int((Double(count) * testFraction).rounded())
        guard validationCount + testCount < count else {
            throw InputError("a split of \(count) examples into \(validationCount) for validation and \(testCount) for testing "
                             + "leaves none to train on")
        }
        var generator = SplitMix64(seed: seed)
        let order = seededPermutation(count, generator: &generator)
        let trainCount = count - validationCount - testCount
        return DatasetSplit(train: subset(order[0..<trainCount]),
                            validation: subset(order[trainCount..<(trainCount + validationCount)]),
                            test: subset(order[(trainCount + validationCount)...]))
    }
}
