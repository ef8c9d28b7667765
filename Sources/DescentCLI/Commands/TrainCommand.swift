import ArgumentParser
import Foundation
import Simulation
import Specs

/// `descent train`: runs the training described in a spec and prints its per-epoch records.
struct TrainCommand: TextCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a model as a spec describes and print the records of every epoch.",
        discussion: """
        The spec is a `kind: training-curves` YAML file (see Docs/specs.md): dataset, model, optimizer, schedule, \\
        epochs, batch size, L2 penalty, early stopping and seed. The same spec prints the same bytes every time.

        JSON output: {"epochs": [{"epoch", "train_loss", "validation_loss", "train_accuracy", "validation_accuracy", \\
        "lr", "grad_norm", "updates"}, ...], "best_epoch", "stop_epoch", "restored_best", "diverged"}; epoch 0 is \\
        before training. CSV output has one row per epoch.

        Example:
          descent train Gallery/early-stopping.yaml --format csv
        """
    )

    @Argument(help: ArgumentHelp("A training spec (YAML, kind: training-curves).", valueName: "spec"))
    var spec: String

    @Option(help: "Output format: json or csv.")
    var format: OutputFormat = .json

    func output() throws -> String {
        guard let data = FileManager.default.contents(atPath: spec), let text = String(data: data, encoding: .utf8) else {
            throw InputError("cannot read spec '\(spec)'" + (FileManager.default.fileExists(atPath: spec) ? " (not UTF-8 text)" : " (no such file)"))
        }
        let parsed = try FigureSpec.parse(text, file: spec)
        guard let training = parsed.panels.compactMap(\.training).first else {
            throw InputError("\(spec): not a training spec — write 'kind: training-curves' with a dataset, model and optimizer")
        }
        let run = try training.run().run
        switch format {
        case .json: return run.json()
        case .csv: return run.csv()
        }
    }
}
