/// The record of one optimizer descending one surface: the points it visited, their losses, the learning
/// rate of each step, and where it diverged.
///
/// `points[0]` is the start and `points[k]` the point after k steps; `losses[k]` is the (exact) loss at
/// `points[k]`; `lrs[k]` is the learning rate used by step k + 1, so there is one fewer than points.
/// A run stops when a point or its loss stops being finite: if that happens after step k, the arrays end at
/// `points[k − 1]` (k points) and `divergedAt` is k. Large but finite values are not a divergence.
public struct Trace: Sendable {
    public var points: [SIMD2<Double>]
    public var losses: [Double]
    public var lrs: [Double]
    /// The step at which the run left the finite numbers, or `nil` if all steps stayed finite.
    public var divergedAt: Int?
    /// When recorded, `state[k]` is the optimizer's state after step k + 1 (one entry per lr).
    public var state: [[StateEntry]]?
    /// For an averaging optimizer (ASGD), `averaged[k]` is its averaged point after step k + 1.
    public var averaged: [SIMD2<Double>]?

    /// A trace from recorded arrays (``run(surface:optimizer:start:steps:noise:recordState:)`` makes one by running).
    public init(points: [SIMD2<Double>] = [], losses: [Double] = [], lrs: [Double] = [], divergedAt: Int? = nil,
                state: [[StateEntry]]? = nil, averaged: [SIMD2<Double>]? = nil) {
        self.points = points
        self.losses = losses
        self.lrs = lrs
        self.divergedAt = divergedAt
        self.state = state
        self.averaged = averaged
    }

    /// Runs `optimizer` on `surface` for `steps` steps from `start`, as a PyTorch loop would:
    /// `loss = f(p); loss.backward(); optimizer.step()` for each step (`optimizer.step(closure)` for
    /// ``LBFGS``, whose closure may be evaluated several times per step).
    ///
    /// - Parameters:
    ///   - surface: the loss landscape.
    ///   - optimizer: the optimizer in its initial state; the run works on its own copy.
    ///   - start: the first point (the surface's documented start when `nil`).
    ///   - steps: the number of optimizer steps (≥ 0).
    ///   - noise: Gaussian noise added to every gradient evaluation, or `nil`.
    ///   - recordState: also record the optimizer's state after every step.
    ///
    /// A ``StochasticGradientSurface`` (such as `linreg(batch_size=8)`) supplies the gradients of every
    /// evaluation from a fresh ``GradientSampler`` of its own — mini-batch gradients — while the recorded losses
    /// stay exact; `noise`, if any, is added on top.
    public static func run(surface: some Surface, optimizer: some Optimizer, start: SIMD2<Double>? = nil, steps: Int,
                           noise: GradientNoise? = nil, recordState: Bool = false) -> Trace {
        // Without a schedule nothing can throw.
        (try? run(surface: surface, optimizer: optimizer, schedule: nil, start: start, steps: steps, noise: noise,
                  recordState: recordState)) ?? Trace()
    }

    /// The same run with a learning-rate schedule: the scheduler is attached to the optimizer first (which
    /// sets the lr of the first step) and steps once after each optimizer step; ``ReduceLROnPlateau`` is fed
    /// that step's loss (the loss before the update), as a PyTorch training loop would. `lrs` then records the
    /// scheduled learning rates.
    ///
    /// - Throws: ``InputError`` when the schedule does not suit the optimizer or fails as PyTorch would
    ///   (``OneCycleLR`` stepped past `total_steps`).
    public static func run(surface: some Surface, optimizer: some Optimizer, schedule: (any LRScheduler)?,
                           start: SIMD2<Double>? = nil, steps: Int, noise: GradientNoise? = nil,
                           recordState: Bool = false) throws(InputError) -> Trace {
        var optimizer = optimizer
        let attached = try schedule.map { scheduler throws(InputError) in try AttachedScheduler(scheduler, optimizer: &optimizer) }
        var recorder = Recorder(surface: surface, noise: noise, steps: max(0, steps), recordState: recordState, schedule: attached)
        guard recorder.begin(at: start ?? surface.start) else { return recorder.trace }
        if let gradientOptimizer = optimizer as? any GradientOptimizer {
            try recorder.runGradientSteps(gradientOptimizer)
        } else {
            try recorder.runClosureSteps(optimizer)
        }
        return recorder.trace
    }

    /// The point reached last (the last finite one for a diverged run).
    public var finalPoint: SIMD2<Double>? { points.last }

}

/// Runs the steps of a trace and records them, stopping at the first non-finite point or loss.
private struct Recorder<S: Surface> {
    let surface: S
    let noise: GradientNoise?
    let steps: Int
    let recordState: Bool
    var generator: SplitMix64?
    /// The mini-batch gradients of a stochastic surface, or `nil` for exact ones.
    var sampler: (any GradientSampler)?
    var trace = Trace()
    var point = SIMD2<Double>(0, 0)
    var schedule: AttachedScheduler?

    init(surface: S, noise: GradientNoise?, steps: Int, recordState: Bool, schedule: AttachedScheduler? = nil) {
        self.schedule = schedule
        self.surface = surface
        self.noise = noise
        self.steps = steps
        self.recordState = recordState
        self.generator = noise?.makeGenerator()
        self.sampler = (surface as? any StochasticGradientSurface)?.makeGradientSampler()
        trace.points.reserveCapacity(steps + 1)
        trace.losses.reserveCapacity(steps + 1)
        trace.lrs.reserveCapacity(steps)
        if recordState { trace.state = [] }
    }

    /// Records the start; false when its loss is not finite (a divergence at step 0).
    mutating func begin(at start: SIMD2<Double>) -> Bool {
        point = start
        let loss = surface.value(at: start)
        guard isFinite(start, loss) else {
            trace.divergedAt = 0
            return false
        }
        trace.points.append(start)
        trace.losses.append(loss)
        return true
    }

    /// ∇f at `p` (or the sampler's next mini-batch gradient there), plus the run's noise.
    @inline(__always)
    mutating func gradient(at p: SIMD2<Double>) -> SIMD2<Double> {
        var g = sampler != nil ? sampler!.gradient(at: p) : surface.gradient(at: p)
        if let sigma = noise?.sigma {
            g.x += sigma * generator!.nextGaussian()
            g.y += sigma * generator!.nextGaussian()
        }
        return g
    }

    mutating func runGradientSteps<O: GradientOptimizer>(_ optimizer: O) throws(InputError) {
        var optimizer = optimizer
        var parameters = [point.x, point.y]
        var buffer = [0.0, 0.0]
        for step in stride(from: 1, through: steps, by: 1) {
            let g = gradient(at: point)
            buffer[0] = g.x
            buffer[1] = g.y
            let lr = optimizer.lr, lossBefore = trace.losses[trace.losses.count - 1]
            optimizer.step(&parameters, gradient: buffer)
            guard record(step: step, parameters: parameters, lr: lr, optimizer: optimizer) else { return }
            try schedule?.step(optimizer: &optimizer, metric: lossBefore)
        }
    }

    mutating func runClosureSteps<O: Optimizer>(_ optimizer: O) throws(InputError) {
        var optimizer = optimizer
        var parameters = [point.x, point.y]
        for step in stride(from: 1, through: steps, by: 1) {
            let lr = optimizer.lr, lossBefore = trace.losses[trace.losses.count - 1]
            optimizer.step(&parameters) { at, gradient in
                let p = SIMD2(at[0], at[1])
                let g = self.gradient(at: p)
                gradient[0] = g.x
                gradient[1] = g.y
                return self.surface.value(at: p)
            }
            guard record(step: step, parameters: parameters, lr: lr, optimizer: optimizer) else { return }
            try schedule?.step(optimizer: &optimizer, metric: lossBefore)
        }
    }

    /// Records the point after `step`; false (and `divergedAt` set) when it or its loss is not finite.
    @inline(__always)
    mutating func record(step: Int, parameters: [Double], lr: Double, optimizer: some Optimizer) -> Bool {
        point = SIMD2(parameters[0], parameters[1])
        let loss = surface.value(at: point)
        guard isFinite(point, loss) else {
            trace.divergedAt = step
            return false
        }
        trace.points.append(point)
        trace.losses.append(loss)
        trace.lrs.append(lr)
        if recordState { trace.state!.append(optimizer.state) }
        if let averaged = optimizer.averagedParameters {
            if trace.averaged == nil { trace.averaged = [] }
            trace.averaged!.append(SIMD2(averaged[0], averaged[1]))
        }
        return true
    }

    @inline(__always)
    func isFinite(_ point: SIMD2<Double>, _ loss: Double) -> Bool {
        point.x.isFinite && point.y.isFinite && loss.isFinite
    }
}
