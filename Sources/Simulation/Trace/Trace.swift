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

    public init(points: [SIMD2<Double>] = [], losses: [Double] = [], lrs: [Double] = [], divergedAt: Int? = nil,
                state: [[StateEntry]]? = nil) {
        self.points = points
        self.losses = losses
        self.lrs = lrs
        self.divergedAt = divergedAt
        self.state = state
    }

    /// Runs `optimizer` on `surface` for `steps` steps from `start`, as a PyTorch loop would:
    /// `loss = f(p); loss.backward(); optimizer.step()` for each step.
    ///
    /// - Parameters:
    ///   - surface: the loss landscape.
    ///   - optimizer: the optimizer in its initial state; the run works on its own copy.
    ///   - start: the first point (the surface's documented start when `nil`).
    ///   - steps: the number of optimizer steps (≥ 0).
    ///   - noise: Gaussian noise added to each gradient, or `nil`.
    ///   - recordState: also record the optimizer's state after every step.
    public static func run(surface: some Surface, optimizer: some Optimizer, start: SIMD2<Double>? = nil, steps: Int,
                           noise: GradientNoise? = nil, recordState: Bool = false) -> Trace {
        var optimizer = optimizer
        var generator = noise?.makeGenerator()
        let steps = max(0, steps)
        var trace = Trace()
        trace.points.reserveCapacity(steps + 1)
        trace.losses.reserveCapacity(steps + 1)
        trace.lrs.reserveCapacity(steps)
        if recordState { trace.state = [] }

        var point = start ?? surface.start
        var loss = surface.value(at: point)
        guard isFinite(point, loss) else {
            trace.divergedAt = 0
            return trace
        }
        trace.points.append(point)
        trace.losses.append(loss)
        var parameters = [point.x, point.y]
        var gradient = [0.0, 0.0]
        for step in stride(from: 1, through: steps, by: 1) {
            var g = surface.gradient(at: point)
            if let sigma = noise?.sigma {
                g.x += sigma * generator!.nextGaussian()
                g.y += sigma * generator!.nextGaussian()
            }
            gradient[0] = g.x
            gradient[1] = g.y
            let lr = optimizer.lr
            optimizer.step(&parameters, gradient: gradient)
            point = SIMD2(parameters[0], parameters[1])
            loss = surface.value(at: point)
            guard isFinite(point, loss) else {
                trace.divergedAt = step
                break
            }
            trace.points.append(point)
            trace.losses.append(loss)
            trace.lrs.append(lr)
            if recordState { trace.state!.append(optimizer.state) }
        }
        return trace
    }

    /// The point reached last (the last finite one for a diverged run).
    public var finalPoint: SIMD2<Double>? { points.last }

    @inline(__always)
    private static func isFinite(_ point: SIMD2<Double>, _ loss: Double) -> Bool {
        point.x.isFinite && point.y.isFinite && loss.isFinite
    }
}
