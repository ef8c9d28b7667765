// An example of Descent as a library: trace two optimizers on Rosenbrock's valley and compare them.
//
//   swift run TraceSummary
//
// A program of your own depends on the package's `Descent` product and writes the same code.

import Descent

let surface = Rosenbrock()
let runs: [(label: String, optimizer: any Optimizer)] = [
    ("SGD with momentum", try SGD(lr: 2e-4, momentum: 0.9)),
    ("Adam", try Adam(lr: 0.05)),
]

print("Descending \(surface.name) from \(surface.start.x), \(surface.start.y); minimum at (1, 1)")
print("f = \(surface.formula)")
print("")
for (label, optimizer) in runs {
    let trace = Trace.run(surface: surface, optimizer: optimizer, steps: 300)
    let end = trace.points.last!
    let best = trace.losses.enumerated().min { $0.element < $1.element }!
    let distance = ((end.x - 1) * (end.x - 1) + (end.y - 1) * (end.y - 1)).squareRoot()
    print("\(label): \(optimizer.configuration)")
    print("  after \(trace.points.count - 1) steps: (\(end.x), \(end.y)), loss \(trace.losses.last!), \(distance) from the minimum")
    print("  lowest loss \(best.element) at step \(best.offset)")
}
