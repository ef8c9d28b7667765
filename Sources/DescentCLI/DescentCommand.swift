import ArgumentParser

/// The `descent` command: figures and animations for teaching machine-learning optimization.
public struct DescentCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "Simulate and draw optimizers on loss landscapes, exactly as PyTorch computes them.",
        discussion: """
        Components are written like Python calls: Adam(lr=0.01, betas=(0.9, 0.99)), rosenbrock(a=1, b=100),
        expr:0.5*(x^2 + 10*y^2). Run 'descent list' to see every surface and optimizer with its defaults.
        """,
        subcommands: [TraceCommand.self, ScheduleCommand.self, TrainCommand.self, RenderCommand.self, AnimateCommand.self, ListCommand.self]
    )

    public init() {}
}

/// A command whose whole result is text for standard output, so tests can run it in-process.
protocol TextCommand: ParsableCommand {
    func output() throws -> String
}

extension TextCommand {
    public func run() throws {
        print(try output())
    }
}
