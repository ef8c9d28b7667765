extension BayesianOptimization {
    /// The targets the surrogate is fitted to: the values, with a non-finite one (a diverged run) replaced by
    /// the worst finite value, so that a blow-up reads as "bad" without wrecking the standardization.
    public static func finiteTargets(_ values: [Double]) -> [Double] {
        let worst = values.filter(\.isFinite).max() ?? 0
        return values.map { $0.isFinite ? $0 : worst }
    }

    /// The Gaussian process of a recorded surrogate: the kernel family and noise of these settings with the
    /// surrogate's fitted length scales and signal variance, conditioned on the trials it was fitted on
    /// (`inputs` in the unit cube, `values` as the objective returned them). It predicts exactly what the
    /// search predicted when it chose the trial that carries `surrogate`.
    ///
    /// - Throws: ``InputError`` when the points and the surrogate disagree in dimension, or two points coincide.
    public func posterior(inputs: [[Double]], values: [Double], surrogate: Surrogate) throws(InputError) -> GaussianProcess {
        let kernel = GaussianProcessKernel(family: kernel, lengthScales: surrogate.lengthScale, signalVariance: surrogate.signalVariance)
        return try GaussianProcess(kernel: kernel, noise: noise, inputs: inputs, targets: Self.finiteTargets(values))
    }
}
