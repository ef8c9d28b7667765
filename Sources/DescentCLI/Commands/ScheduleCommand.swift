import ArgumentParser
import Simulation

/// `descent schedule`: the learning rate (and cycled momentum) a scheduler produces, step by step.
struct ScheduleCommand: TextCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Print the learning rate a PyTorch scheduler gives after 0, 1, …, N−1 steps.",
        discussion: """
        JSON output is {"lrs": [...]} (the lr after 0, 1, …, N−1 scheduler steps, the first being the lr right \\
        after the scheduler was built), plus "momentum" (SGD's momentum, or beta1 for Adam-family optimizers) \\
        when the scheduler cycles it. CSV output has the header step,lr (and momentum).

        Examples:
          descent schedule 'CosineAnnealingLR(T_max=50, eta_min=0.001)' --steps 120
          descent schedule 'OneCycleLR(max_lr=0.1, total_steps=100)' --optimizer 'SGD(lr=0.1, momentum=0.9)' --steps 100
          descent schedule 'ReduceLROnPlateau(patience=2)' --steps 6 --metrics 1,0.9,0.9,0.9,0.9,0.9
        """
    )

    @Argument(help: ArgumentHelp("The scheduler, such as 'StepLR(step_size=30, gamma=0.1)' (PyTorch names, keys and defaults).",
                                 valueName: "schedule"))
    var schedule: String

    @Option(help: ArgumentHelp("The optimizer whose lr (and momentum) the scheduler drives.", valueName: "optimizer"))
    var optimizer: String = "SGD(lr=0.1)"

    @Option(parsing: .unconditional, help: ArgumentHelp("How many values to print (1 to 1000000).", valueName: "n"))
    var steps: String = "100"

    @Option(parsing: .unconditional,
            help: ArgumentHelp("ReduceLROnPlateau: the metric passed to each step, comma-separated (at least N values).",
                               valueName: "v1,v2,..."))
    var metrics: String?

    @Option(help: "How to print the numbers.")
    var format: DataFormat = .json

    func output() throws -> String {
        let stepCount = try TraceCommand.parseSteps(steps)
        let scheduler = try prefixed("schedule") { () throws(InputError) in try Schedules.make(schedule) }
        let optimizer = try prefixed("--optimizer") { () throws(InputError) in try Optimizers.make(self.optimizer) }
        let values = try metrics.map { text throws(InputError) in try Self.parseNumbers(text, option: "--metrics") }
        let run = try prefixed(scheduler.name) { () throws(InputError) in
            try ScheduleRun.run(scheduler, optimizer: optimizer, steps: stepCount, metrics: values)
        }
        switch format {
        case .json: return run.json()
        case .csv: return run.csv()
        }
    }

    /// Reads a comma-separated list of finite numbers.
    static func parseNumbers(_ text: String, option: String) throws(InputError) -> [Double] {
        var values: [Double] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false).map({ String($0).trimmingSpaces }) {
            guard let value = Double(part), value.isFinite else {
                throw InputError("\(option): '\(part)' is not a finite number (expected a comma-separated list such as 1.0,0.9,0.85)")
            }
            values.append(value)
        }
        return values
    }
}

/// Runs `body`, putting `prefix: ` in front of any error it throws that has none yet.
func prefixed<T>(_ prefix: String, _ body: () throws(InputError) -> T) throws(InputError) -> T {
    do {
        return try body()
    } catch {
        throw error.message.hasPrefix(prefix) ? error : error.prefixed(prefix)
    }
}
