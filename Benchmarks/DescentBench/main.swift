// `make bench`: Descent's benchmarks, measured in one run on this machine and reported as medians.
//
// Simulation: Adam steps per second on Rosenbrock through the public API (`Trace.run`), recording the
// trajectory, losses and learning rates, on one core. DESIGN.md's target is at least 5 million.
// LBFGS: steps per second of LBFGS with the strong-Wolfe line search on Rosenbrock, one iteration per step
// (each step may evaluate the function several times), restarting from the start every 40 steps.

import Descent
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Seconds on a monotonic clock.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Runs `body` `repeats` times after one warm-up and returns the median seconds.
func measure(repeats: Int, _ body: () -> Void) -> (median: Double, all: [Double]) {
    body()
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = now()
        body()
        times.append(now() - start)
    }
    return (median(times), times)
}

func formatted(_ value: Double, _ digits: Int = 2) -> String {
    var text = String(Int((value * pow(10, Double(digits))).rounded()))
    while text.count <= digits { text = "0" + text }
    text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
    return text
}

let arguments = CommandLine.arguments.dropFirst()
let quick = arguments.contains("--quick")
let steps = quick ? 200_000 : 2_000_000
let repeats = quick ? 3 : 7

print("Descent benchmarks (medians of \(repeats) runs after a warm-up; one thread)")
print("")

let optimizers: [(String, any Optimizer)] = [
    ("Adam(lr=0.001)", try! Adam(lr: 1e-3)),
    ("SGD(lr=0.0002, momentum=0.9)", try! SGD(lr: 2e-4, momentum: 0.9)),
    ("RMSprop(lr=0.01)", try! RMSprop(lr: 0.01)),
]
var adamRate = 0.0
for (name, optimizer) in optimizers {
    var finalLoss = 0.0
    let (seconds, _) = measure(repeats: repeats) {
        let trace = Trace.run(surface: Rosenbrock(), optimizer: optimizer, steps: steps)
        finalLoss = trace.losses.last!
    }
    let rate = Double(steps) / seconds
    if name.hasPrefix("Adam") { adamRate = rate }
    print("simulation  \(name) on rosenbrock, \(steps) steps recorded: \(formatted(rate / 1e6)) M steps/s (final loss \(finalLoss))")
}

let lbfgsSteps = 40
let lbfgsRuns = quick ? 200 : 2_000
let lbfgs = try! LBFGS(maxIter: 1, maxEval: 10, historySize: 10, lineSearch: .strongWolfe)
var evaluations = 0.0
var lbfgsLoss = 0.0
let (lbfgsSeconds, _) = measure(repeats: repeats) {
    evaluations = 0
    for _ in 0..<lbfgsRuns {
        let trace = Trace.run(surface: Rosenbrock(), optimizer: lbfgs, steps: lbfgsSteps, recordState: true)
        lbfgsLoss = trace.losses.last!
        if case .scalar(let count) = trace.state!.last!.first(where: { $0.name == "func_evals" })!.value { evaluations += count }
    }
}
let lbfgsRate = Double(lbfgsSteps * lbfgsRuns) / lbfgsSeconds
print("simulation  LBFGS(max_iter=1, max_eval=10, history_size=10, line_search_fn='strong_wolfe') on rosenbrock, \(lbfgsRuns) runs of \(lbfgsSteps) steps: "
      + "\(formatted(lbfgsRate / 1e6, 3)) M steps/s, \(formatted(evaluations / lbfgsSeconds / 1e6, 3)) M evaluations/s (final loss \(lbfgsLoss))")

print("")
let verdict = adamRate >= 5e6 ? "meets" : "MISSES"
print("Adam steps per second on Rosenbrock: \(formatted(adamRate / 1e6)) M (target ≥ 5 M: \(verdict))")
