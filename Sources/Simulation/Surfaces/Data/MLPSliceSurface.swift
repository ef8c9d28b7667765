/// A 2-D slice of a small MLP's training loss through trained weights θ*, along two random
/// filter-normalised directions (Li, Xu, Taylor, Studer & Goldstein, "Visualizing the Loss Landscape of
/// Neural Nets", 2018):
///
///     f(α, β) = L(θ* + α·d₁ + β·d₂),   ∇f = (d₁·∇L, d₂·∇L),
///
/// with ∇L from the model's backpropagation, so the gradient is exact. θ* comes from training the MLP
/// with ``Adam`` (lr 0.01, full batch) for `epochs` updates from ``MLP/initialParameters(seed:)``. Each direction is
/// drawn standard normal, then every filter — for a fully connected layer, the row of weights into one
/// unit — is rescaled to the norm of the same row of θ*, and the biases are set to zero, so that a unit
/// step moves every unit by as much as its own weights.
///
/// (0, 0) is θ*, the minimum a figure marks; the view is [−1, 1]².
public struct MLPSliceSurface: Surface {
    public let model: MLP
    public let data: Dataset
    /// The component of the dataset, such as `moons(seed=1)`.
    public let dataset: String
    public let epochs: Int
    public let seed: UInt64
    /// θ*, the trained weights.
    public let trained: [Double]
    /// d₁ and d₂.
    public let directions: (first: [Double], second: [Double])
    public let start: SIMD2<Double>

    /// Trains `mlp(hidden, activation)` on `dataset` and draws the two directions, all seeded by `seed`.
    ///
    /// - Parameters:
    ///   - dataset: a dataset component (``Datasets``); a bare name such as `moons` gets `seed=seed`.
    ///   - hidden: the hidden layer widths (each ≥ 1).
    ///   - epochs: full-batch Adam updates (≥ 0).
    /// - Throws: ``InputError`` for an unknown dataset or a bad size.
    public init(dataset: String = "moons", hidden: [Int] = [16, 16], activation: Activation = .tanh, epochs: Int = 300,
                seed: UInt64 = 1, start: SIMD2<Double> = SIMD2(0.8, -0.6)) throws(InputError) {
        if let bad = hidden.first(where: { $0 < 1 }) {
            throw InputError("every hidden layer needs at least one unit, got \(bad)", key: "hidden")
        }
        let component = dataset.contains("(") ? dataset : "\(dataset)(seed=\(seed))"
        let data: Dataset
        do throws(InputError) {
            data = try Datasets.make(component)
        } catch {
            throw InputError("dataset: \(error.message)", key: "dataset")
        }
        try Limits.checkHidden(hidden)
        let model = MLP(featureCount: data.featureCount, hidden: hidden, activation: activation,
                        objective: data.task == .regression ? .meanSquaredError : .binaryCrossEntropyWithLogits)
        try Limits.checkTraining(examples: data.count, epochs: epochs, parameters: model.parameterCount)
        // Full-batch Adam written out rather than through ``Trainer``: the Trainer's per-epoch records (a
        // second gradient pass and an accuracy pass) tripled the cost, and construction must stay near 1 s in
        // a debug build. Full batch, the updates are the Trainer's without shuffling.
        var adam = try Adam(lr: 0.01)
        var theta = model.initialParameters(seed: seed)
        for _ in 0..<epochs {
            let gradient = model.lossAndGradient(parameters: theta, inputs: data.inputs, targets: data.targets).gradient
            guard gradient.allSatisfy(\.isFinite) else { break }
            adam.step(&theta, gradient: gradient)
        }
        self.model = model
        self.data = data
        self.dataset = component
        self.epochs = epochs
        self.seed = seed
        self.start = start
        trained = theta
        var generator = SplitMix64(seed: seed ^ 0xA076_1D64_78BD_642F)
        let widths = [data.featureCount] + hidden + [1]
        let first = filterNormalizedDirection(like: theta, widths: widths, generator: &generator)
        let second = filterNormalizedDirection(like: theta, widths: widths, generator: &generator)
        directions = (first, second)
    }

    public var name: String {
        "mlp_slice(dataset='\(dataset)', hidden=[\(model.hidden.map(String.init).joined(separator: ", "))], "
            + "activation='\(model.activation.rawValue)', epochs=\(epochs), seed=\(seed))"
    }

    public var isCostly: Bool { true }
    public var axisNames: (x: String, y: String) { ("\\alpha", "\\beta") }
    public var formula: String {
        "L(θ* + x·d1 + y·d2) for \(model.configuration) on \(dataset)"
    }

    public var view: ViewWindow { .square(1) }

    public var minima: [SIMD2<Double>] { [SIMD2(0, 0)] }

    /// The training loss at θ*.
    public var trainedLoss: Double { model.loss(parameters: trained, on: data) }

    /// θ* + α·d₁ + β·d₂.
    public func parameters(at point: SIMD2<Double>) -> [Double] {
        var theta = trained
        for k in theta.indices { theta[k] += point.x * directions.first[k] + point.y * directions.second[k] }
        return theta
    }

    public func value(at point: SIMD2<Double>) -> Double {
        model.loss(parameters: parameters(at: point), on: data)
    }

    public func gradient(at point: SIMD2<Double>) -> SIMD2<Double> {
        let g = model.lossAndGradient(parameters: parameters(at: point), inputs: data.inputs, targets: data.targets).gradient
        var result = SIMD2<Double>(0, 0)
        for k in g.indices {
            result.x += directions.first[k] * g[k]
            result.y += directions.second[k] * g[k]
        }
        return result
    }
}

/// A direction in θ-space laid out as `theta` (each layer's `out × in` weights row-major, then its bias):
/// standard normal, each weight row scaled to the norm of the same row of `theta`, biases zero.
private func filterNormalizedDirection(like theta: [Double], widths: [Int], generator: inout SplitMix64) -> [Double] {
    var direction = [Double](repeating: 0, count: theta.count)
    var offset = 0
    for l in 1..<widths.count {
        let inWidth = widths[l - 1], outWidth = widths[l]
        for o in 0..<outWidth {
            let row = (offset + o * inWidth)..<(offset + (o + 1) * inWidth)
            var drawnNorm = 0.0, targetNorm = 0.0
            for k in row {
                direction[k] = generator.nextGaussian()
                drawnNorm += direction[k] * direction[k]
                targetNorm += theta[k] * theta[k]
            }
            let scale = drawnNorm > 0 ? (targetNorm / drawnNorm).squareRoot() : 0
            for k in row { direction[k] *= scale }
        }
        offset += outWidth * inWidth + outWidth     // the biases stay zero
    }
    return direction
}
