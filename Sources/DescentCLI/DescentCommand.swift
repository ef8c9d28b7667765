import ArgumentParser

/// The `descent` command: figures and animations for teaching machine-learning optimization.
public struct DescentCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "Simulate and draw optimizers on loss landscapes, exactly as PyTorch computes them.",
        discussion: """
        Components are written like Python calls: Adam(lr=0.01, betas=(0.9, 0.99)), rosenbrock(a=1, b=100), \
        expr:0.5*(x^2 + 10*y^2). Run 'descent list' to see every surface and optimizer with its defaults.

        Exit status: 0 on success; 1 when the work fails (a file or folder cannot be written, rendering or \
        encoding fails); 2 for a usage error: arguments the parser refuses, or bad input such as a malformed \
        spec or an unknown component. Errors go to standard error, starting with 'error: '.
        """,
        subcommands: [TraceCommand.self, ScheduleCommand.self, TrainCommand.self, RenderCommand.self, AnimateCommand.self, SearchCommand.self, SiteCommand.self, ListCommand.self]
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
