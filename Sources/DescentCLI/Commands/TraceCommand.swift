import ArgumentParser
import Simulation

/// `descent trace`: runs one optimizer on one surface and prints the trajectory.
struct TraceCommand: TextCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Run an optimizer on a surface and print its trajectory, losses and learning rates.",
        discussion: """
        JSON output is one object: "points" (the start, then the point after each step), "losses" (the loss \
        at each point), "lrs" (the learning rate of each step: one fewer than points) and "diverged_at" (null, \
        or the step at which a point or loss stopped being finite; the arrays then end at the last finite point). \
        --state adds "state": the optimizer's buffers after each step under PyTorch's names.

        CSV output has the header step,x,y,loss,lr and one row per point; the start's lr is empty.

        Examples:
          descent trace --surface rosenbrock --optimizer 'Adam(lr=0.05)' --steps 200
          descent trace --surface 'expr:0.5*(x^2 + 10*y^2)' --optimizer 'SGD(lr=0.1, momentum=0.9)' --start -8,3
        """
    )

    /// The most steps one trace may take; far more than any figure needs, small enough to print.
    static let maximumSteps = 1_000_000

    @Option(help: ArgumentHelp("The surface: a named component such as 'rosenbrock(a=1, b=100)', or 'expr:FORMULA'.",
                               valueName: "surface"))
    var surface: String

    @Option(help: ArgumentHelp("The optimizer, such as 'Adam(lr=0.01)' (PyTorch names, keys and defaults).",
                               valueName: "optimizer"))
    var optimizer: String

    @Option(parsing: .unconditional,
            help: ArgumentHelp("The start point (default: the surface's documented start).", valueName: "x,y"))
    var start: String?

    @Option(help: ArgumentHelp("A learning-rate scheduler stepped after each optimizer step, such as 'StepLR(step_size=30)'; ReduceLROnPlateau is fed each step's loss.",
                               valueName: "schedule"))
    var schedule: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The number of optimizer steps (1 to 1000000).", valueName: "n"))
    var steps: String = "100"

    @Flag(help: "Add the optimizer's state (momentum and moment buffers) after each step.")
    var state = false

    @Option(help: "How to print the numbers.")
    var format: DataFormat = .json

    @Option(help: ArgumentHelp("Instead of running, print a Python script that performs the same run with PyTorch and prints the same JSON.",
                               valueName: "pytorch"))
    var emit: EmitTarget?

    enum EmitTarget: String, ExpressibleByArgument, CaseIterable {
        case pytorch
    }

    func output() throws -> String {
        let stepCount = try Self.parseSteps(steps)
        let spec = try wrap("--surface") { () throws(InputError) in try Surfaces.make(surface) }
        let optimizer = try wrap("--optimizer") { () throws(InputError) in try Optimizers.make(self.optimizer) }
        let startPoint = try start.map { text throws(InputError) in try Self.parsePoint(text) } ?? spec.surface.start
        let scheduler = try schedule.map { text throws(InputError) in try prefixed("--schedule") { () throws(InputError) in try Schedules.make(text) } }
        if emit == .pytorch {
            guard format == .json else { throw InputError("--emit pytorch prints a script whose output is JSON; leave out --format csv") }
            return try PyTorchScript.make(surface: spec, optimizer: optimizer, schedule: scheduler, start: startPoint, steps: stepCount,
                                          recordState: state, command: commandLine(start: startPoint, steps: stepCount))
        }
        let trace = try prefixed("--schedule") { () throws(InputError) in
            try Trace.run(surface: spec.surface, optimizer: optimizer, schedule: scheduler, start: startPoint, steps: stepCount,
                          noise: spec.noise, recordState: state)
        }
        switch format {
        case .json: return trace.json()
        case .csv: return trace.csv()
        }
    }

    /// The command, quoted for a POSIX shell, as the script's header shows it.
    private func commandLine(start: SIMD2<Double>, steps: Int) -> String {
        func quoted(_ text: String) -> String {
            "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
        }
        return "descent trace --surface \(quoted(surface)) --optimizer \(quoted(optimizer)) --start=\(start.x),\(start.y) "
            + "--steps \(steps)" + (schedule.map { " --schedule \(quoted($0))" } ?? "") + (state ? " --state" : "") + " --emit pytorch"
    }

    /// Reads `--steps`: a whole number from 1 to ``maximumSteps``.
    static func parseSteps(_ text: String) throws(InputError) -> Int {
        guard let value = Int(text.trimmingSpaces) else {
            throw InputError("--steps: expected a whole number of steps, got '\(text)'")
        }
        guard value >= 1 else { throw InputError("--steps: must be at least 1, got \(value)") }
        guard value <= maximumSteps else {
            throw InputError("--steps: at most \(maximumSteps) steps, got \(value)")
        }
        return value
    }

    /// Reads `--start`: two finite numbers separated by a comma, such as `-1.5,2`.
    static func parsePoint(_ text: String) throws(InputError) -> SIMD2<Double> {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard parts.count == 2 else {
            throw InputError("--start: expected two numbers 'x,y' such as -1.5,2, got '\(text)'")
        }
        var values: [Double] = []
        for part in parts {
            guard let value = Double(part), value.isFinite, !part.lowercased().hasPrefix("0x") else {
                throw InputError("--start: '\(part)' is not a finite number (expected 'x,y' such as -1.5,2)")
            }
            values.append(value)
        }
        return SIMD2(values[0], values[1])
    }

    private func wrap<T>(_ option: String, _ body: () throws(InputError) -> T) throws(InputError) -> T {
        try prefixed(option, body)
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
