import Simulation
import Testing

/// Surfaces made from data: linear regression over (w, b) with mini-batch gradients, and a filter-normalised
/// slice of a trained MLP's loss.
@Suite struct DataSurfaceTests {}

// MARK: - Helpers

extension DataSurfaceTests {
    /// The central difference of `surface` at `p` along each axis.
    static func finiteDifference(_ surface: some Surface, at p: SIMD2<Double>, step h: Double = 1e-5) -> SIMD2<Double> {
        let dx = (surface.value(at: p + SIMD2(h, 0)) - surface.value(at: p - SIMD2(h, 0))) / (2 * h)
        let dy = (surface.value(at: p + SIMD2(0, h)) - surface.value(at: p - SIMD2(0, h))) / (2 * h)
        return SIMD2(dx, dy)
    }

    static func expectClose(_ a: SIMD2<Double>, _ b: SIMD2<Double>, relative: Double, _ what: String) {
        let scale = max(1e-3, abs(b.x), abs(b.y))
        #expect(abs(a.x - b.x) <= relative * scale && abs(a.y - b.y) <= relative * scale, "\(what): \(a) vs \(b)")
    }

    /// Σ ‖pₖ₊₁ − pₖ‖ over a trace.
    static func pathLength(_ trace: Trace) -> Double {
        zip(trace.points, trace.points.dropFirst()).reduce(0) { total, pair in
            let d = pair.1 - pair.0
            return total + (d.x * d.x + d.y * d.y).squareRoot()
        }
    }
}

// MARK: - linreg

extension DataSurfaceTests {
    @Test(arguments: [SIMD2<Double>(-2, 3), SIMD2(0.3, -0.7), SIMD2(4.1, 1.9)])
    func linearRegressionGradientMatchesFiniteDifferences(_ p: SIMD2<Double>) throws {
        let surface = try LinearRegressionSurface()
        Self.expectClose(surface.gradient(at: p), Self.finiteDifference(surface, at: p), relative: 1e-8, "∇L at \(p)")
    }

    @Test func linearRegressionMinimumIsTheStationaryLeastSquaresFit() throws {
        let surface = try LinearRegressionSurface()
        let minimum = try #require(surface.minima.first)
        let g = surface.gradient(at: minimum)
        #expect(abs(g.x) < 1e-12 && abs(g.y) < 1e-12, "∇L at the minimum: \(g)")
        // Close to the true line, and lower than its neighbours.
        #expect(abs(minimum.x - 2) < 0.3 && abs(minimum.y + 1) < 0.2, "\(minimum)")
        for offset in [SIMD2<Double>(1e-3, 0), SIMD2(0, 1e-3), SIMD2(-1e-3, 1e-3)] {
            #expect(surface.value(at: minimum + offset) > surface.value(at: minimum))
        }
        #expect(surface.view.x.contains(surface.start.x) && surface.view.y.contains(surface.start.y))
        #expect(surface.formula == "mean((w*x + b - y)^2) over 200 points")
    }

    @Test(arguments: [1, 8, 50])
    func miniBatchGradientsAverageToTheFullGradientOverAnEpoch(_ batchSize: Int) throws {
        let surface = try LinearRegressionSurface(batchSize: batchSize)
        var sampler = surface.makeMiniBatches()
        let p = SIMD2<Double>(-0.4, 1.3)
        let batches = surface.count / batchSize
        for epoch in 0..<3 {
            var sum = SIMD2<Double>(0, 0)
            for _ in 0..<batches { sum += sampler.gradient(at: p) }
            Self.expectClose(sum / Double(batches), surface.gradient(at: p), relative: 1e-12, "epoch \(epoch), B = \(batchSize)")
        }
    }

    @Test func lastPartialBatchIsKeptAndEpochsReshuffle() throws {
        let surface = try LinearRegressionSurface(count: 10, batchSize: 4)
        var sampler = surface.makeMiniBatches()
        let first = [sampler.nextBatch(), sampler.nextBatch(), sampler.nextBatch()]
        #expect(first.map(\.count) == [4, 4, 2])
        #expect(Set(first.flatMap { $0 }) == Set(0..<10))
        let second = [sampler.nextBatch(), sampler.nextBatch(), sampler.nextBatch()]
        #expect(Set(second.flatMap { $0 }) == Set(0..<10))
        #expect(first.flatMap { $0 } != second.flatMap { $0 }, "a new permutation every epoch")
    }

    @Test func singleExampleBatchesAreNoisierThanTheFullBatch() throws {
        let sgd = try SGD(lr: 0.05)
        let full = Trace.run(surface: try LinearRegressionSurface(batchSize: 200), optimizer: sgd, steps: 300)
        let single = Trace.run(surface: try LinearRegressionSurface(batchSize: 1), optimizer: sgd, steps: 300)
        let fullLength = Self.pathLength(full), singleLength = Self.pathLength(single)
        // Full batch walks almost straight to the fit; single examples zig-zag.
        #expect(singleLength > 1.3 * fullLength, "path length \(singleLength) vs \(fullLength)")
        // Full-batch GD never increases the loss of a convex quadratic at this lr; SGD often does.
        let fullRises = zip(full.losses, full.losses.dropFirst()).filter { $1 > $0 }.count
        let singleRises = zip(single.losses, single.losses.dropFirst()).filter { $1 > $0 }.count
        #expect(fullRises == 0)
        #expect(singleRises > 30, "\(singleRises) rises")
        // Both end near the fit.
        let minimum = try LinearRegressionSurface().solution
        for trace in [full, single] {
            let end = try #require(trace.finalPoint)
            #expect(abs(end.x - minimum.x) < 0.5 && abs(end.y - minimum.y) < 0.5, "\(end) vs \(minimum)")
        }
    }

    @Test func sameSeedGivesTheSameTraceAndAnotherSeedAnother() throws {
        let adam = try Adam(lr: 0.1)
        let a = Trace.run(surface: try Surfaces.make("linreg(batch_size=4)").surface, optimizer: adam, steps: 100)
        let b = Trace.run(surface: try Surfaces.make("linreg(batch_size=4)").surface, optimizer: adam, steps: 100)
        let c = Trace.run(surface: try Surfaces.make("linreg(batch_size=4, seed=2)").surface, optimizer: adam, steps: 100)
        #expect(a.points == b.points && a.losses == b.losses)
        #expect(a.points != c.points)
    }

    @Test func closureOptimizersAlsoSeeMiniBatches() throws {
        let surface = try Surfaces.make("linreg(batch_size=1)").surface
        let exact = try Surfaces.make("linreg(batch_size=200)").surface
        let lbfgs = try LBFGS(lr: 0.5)
        let noisy = Trace.run(surface: surface, optimizer: lbfgs, steps: 5)
        let clean = Trace.run(surface: exact, optimizer: lbfgs, steps: 5)
        #expect(noisy.points != clean.points)
    }
}

// MARK: - Catalog

extension DataSurfaceTests {
    @Test func catalogBuildsAndNamesRoundTrip() throws {
        let spec = try Surfaces.make("linreg(batch_size=1)")
        #expect(spec.noise == nil)
        #expect(spec.surface.name == "linreg(n=200, noise=0.5, seed=1, batch_size=1, weight=2, bias=-1)")
        #expect(try Surfaces.make(spec.surface.name).surface.minima == spec.surface.minima)
        let slice = try Surfaces.make("mlp_slice(epochs=20)").surface
        #expect(slice.name == "mlp_slice(dataset='moons(seed=1)', hidden=[16, 16], activation='tanh', epochs=20, seed=1)")
        #expect(try Surfaces.make(slice.name).surface.value(at: SIMD2(0.3, 0.2)) == slice.value(at: SIMD2(0.3, 0.2)))
    }

    @Test(arguments: [
        ("linreg(batch_size=0)", "batch_size must be between 1 and n = 200, got 0"),
        ("linreg(batch_size=201)", "batch_size must be between 1 and n = 200, got 201"),
        ("linreg(n=0)", "n must be a positive number of examples"),
        ("linreg(noise=-1)", "noise must be a finite number ≥ 0"),
        ("linreg(batchsize=4)", "batch_size"),
        ("linreq", "did you mean 'linreg'?"),
        ("mlp_slcie", "did you mean 'mlp_slice'?"),
        ("mlp_slice(activation='tahn')", "did you mean 'tanh'?"),
        ("mlp_slice(dataset='mons')", "did you mean 'moons'?"),
        ("mlp_slice(hidden=[16, 0])", "at least one unit"),
        ("mlp_slice(epochs=-1)", "epochs must be ≥ 0"),
    ])
    func clearErrors(_ text: String, _ expected: String) {
        let error = #expect(throws: InputError.self) { try Surfaces.make(text) }
        #expect(error?.description.contains(expected) == true, "\(text): \(error?.description ?? "no error")")
    }
}

// MARK: - mlp_slice

extension DataSurfaceTests {
    static let slice = Result { try MLPSliceSurface() }

    @Test func sliceOriginIsTheTrainedLoss() throws {
        let surface = try Self.slice.get()
        #expect(surface.value(at: SIMD2(0, 0)) == surface.model.loss(parameters: surface.trained, on: surface.data))
        #expect(surface.trainedLoss < 0.2, "training fitted the moons: \(surface.trainedLoss)")
        #expect(surface.value(at: SIMD2(0.8, -0.6)) > surface.trainedLoss)
        #expect(surface.view == .square(1) && surface.minima == [SIMD2(0, 0)])
    }

    @Test(arguments: [SIMD2<Double>(0, 0), SIMD2(0.8, -0.6), SIMD2(-0.35, 0.5)])
    func sliceGradientMatchesFiniteDifferences(_ p: SIMD2<Double>) throws {
        let surface = try Self.slice.get()
        Self.expectClose(surface.gradient(at: p), Self.finiteDifference(surface, at: p), relative: 1e-6, "∇f at \(p)")
    }

    @Test func directionsAreFilterNormalised() throws {
        let surface = try Self.slice.get()
        // Layer 1 of mlp(hidden=[16, 16]) on two features: 16 rows of 2 weights, then 16 biases.
        for d in [surface.directions.first, surface.directions.second] {
            for row in 0..<16 {
                let range = (2 * row)..<(2 * row + 2)
                let norm = range.map { d[$0] * d[$0] }.reduce(0, +).squareRoot()
                let target = range.map { surface.trained[$0] * surface.trained[$0] }.reduce(0, +).squareRoot()
                #expect(isClose(norm, target, relative: 1e-12), "row \(row)")
            }
            #expect(d[32..<48].allSatisfy { $0 == 0 }, "biases are zero")
        }
    }
}
