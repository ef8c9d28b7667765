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

        The same settings can be given as flags instead of a spec (--dataset is then required).

        Examples:
          descent train Gallery/early-stopping.yaml --format csv
          descent train --dataset 'moons(n=200, noise=0.3, seed=1)' --model 'mlp(hidden=[32])' --epochs 200 --batch-size 16 --patience 20
        """
    )

    @Argument(help: ArgumentHelp("A training spec (YAML, kind: training-curves); or give the settings as flags.", valueName: "spec"))
    var spec: String?

    @Option(help: "How to print the numbers.")
    var format: DataFormat = .json

    @Option(help: ArgumentHelp("The dataset, such as 'moons(n=300, noise=0.3, seed=1)' (instead of a spec).", valueName: "component"))
    var dataset: String?
    @Option(help: ArgumentHelp("The model, such as 'mlp(hidden=[16, 16])' (default) or 'linear()'.", valueName: "component"))
    var model: String?
    @Option(help: ArgumentHelp("A first-order optimizer, such as 'Adam(lr=0.01)' (default).", valueName: "component"))
    var optimizer: String?
    @Option(help: ArgumentHelp("A learning-rate scheduler, such as 'StepLR(step_size=100)'.", valueName: "component"))
    var schedule: String?
    @Option(name: .customLong("schedule-every"), help: "Step the scheduler every 'batch' (default) or 'epoch'.")
    var scheduleEvery: String?
    @Option(parsing: .unconditional, help: "The fraction of the data held out for validation (default 0.3).")
    var validation: Double?
    @Option(parsing: .unconditional, help: "Epochs to train (default 100).")
    var epochs: Int?
    @Option(name: .customLong("batch-size"), parsing: .unconditional, help: "Examples per update, or 'full' (default).")
    var batchSize: String?
    @Option(parsing: .unconditional, help: "λ of the penalty λ/2·‖θ‖² added to the loss (default 0).")
    var l2: Double?
    @Option(parsing: .unconditional, help: "Early stopping: epochs without improvement before stopping.")
    var patience: Int?
    @Option(name: .customLong("min-delta"), parsing: .unconditional, help: "Early stopping: the least decrease that counts as improvement (default 0).")
    var minDelta: Double?
    @Flag(name: .customLong("no-restore-best"), help: "Early stopping: keep the last weights instead of restoring the best.")
    var noRestoreBest = false
    @Option(parsing: .unconditional, help: "Seed of initialisation, split and shuffling (default 0).")
    var seed: Int?

    /// The settings given as flags, as (spec key, flag, YAML value).
    private var flagSettings: [(key: String, flag: String, value: String)] {
        func quoted(_ text: String) -> String {
            // Line breaks and tabs are spaces to a component; other control characters are refused in specText().
            let oneLine = text.replacingOccurrences(of: "\r\n", with: " ").map { "\n\r\t".contains($0) ? " " : String($0) }.joined()
            return "\"" + oneLine.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var settings: [(String, String, String)] = []
        if let dataset { settings.append(("dataset", "--dataset", quoted(dataset))) }
        if let model { settings.append(("model", "--model", quoted(model))) }
        if let optimizer { settings.append(("optimizer", "--optimizer", quoted(optimizer))) }
        if let schedule { settings.append(("schedule", "--schedule", quoted(schedule))) }
        if let scheduleEvery { settings.append(("schedule_every", "--schedule-every", quoted(scheduleEvery))) }
        if let validation { settings.append(("validation", "--validation", pythonRepr(validation))) }
        if let epochs { settings.append(("epochs", "--epochs", "\(epochs)")) }
        if let batchSize { settings.append(("batch_size", "--batch-size", quoted(batchSize))) }
        if let l2 { settings.append(("l2", "--l2", pythonRepr(l2))) }
        if let patience {
            settings.append(("early_stopping", "--patience",
                             "{patience: \(patience), min_delta: \(pythonRepr(minDelta ?? 0)), restore_best: \(!noRestoreBest)}"))
        }
        if let seed { settings.append(("seed", "--seed", "\(seed)")) }
        return settings
    }

    /// The spec file's text, or a spec written from the flags (named "command line" in errors).
    private func specText() throws -> (text: String, file: String) {
        let settings = flagSettings
        if patience == nil, minDelta != nil || noRestoreBest {
            throw InputError("--min-delta and --no-restore-best set up early stopping: give --patience too")
        }
        guard let spec else {
            guard !settings.isEmpty else { throw InputError("give a training spec, or the settings as flags: --dataset 'moons(n=300)' --epochs 100 ...") }
            guard dataset != nil else { throw InputError("training from flags needs --dataset, such as --dataset 'moons(n=300, noise=0.3, seed=1)'") }
            // The flags become YAML the user never wrote: a character YAML refuses is reported against the flag.
            for (flag, value) in [("--dataset", dataset), ("--model", model), ("--optimizer", optimizer), ("--schedule", schedule),
                                  ("--schedule-every", scheduleEvery), ("--batch-size", batchSize)] {
                guard let value, let bad = value.unicodeScalars.firstIndex(where: { $0.properties.generalCategory == .control && !"\n\r\t".unicodeScalars.contains($0) })
                else { continue }
                let position = value.unicodeScalars.distance(from: value.unicodeScalars.startIndex, to: bad) + 1
                let code = String(value.unicodeScalars[bad].value, radix: 16, uppercase: true)
                throw InputError("\(flag) has a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)) at character \(position); "
                                 + "remove it")
            }
            let text = (["kind: training-curves"] + settings.map { "\($0.key): \($0.value)" }).joined(separator: "\n") + "\n"
            return (text, "command line")
        }
        guard settings.isEmpty else {
            throw InputError("give either a spec or flags, not both (the spec '\(spec)' already sets the training; edit it or drop \(settings[0].flag))")
        }
        return (try readSpec(spec), spec)
    }

    /// A spec error about a key written from the flags, reworded to name the flag.
    private func flagMessage(_ message: String) -> String {
        let pairs = flagSettings.map { ($0.key, $0.flag) } + [("patience", "--patience"), ("min_delta", "--min-delta")]
        var message = message
        for (key, flag) in pairs {
            message = message.replacingOccurrences(of: "'\(key)'", with: flag)
            if message.hasPrefix("\(key): ") { message = flag + message.dropFirst(key.count) }
        }
        return message
    }

    func output() throws -> String {
        let (text, file) = try specText()
        let parsed: FigureSpec
        do {
            parsed = try FigureSpec.parse(text, file: file)
        } catch {
            guard file == "command line" else { throw error }
            throw InputError(flagMessage(error.message))
        }
        guard let training = parsed.panels.lazy.compactMap({ panel -> TrainingSpec? in
            if case .trainingCurves(let training) = panel.content { training } else { nil }
        }).first else {
            throw InputError("\(file): not a training spec — write 'kind: training-curves' with a dataset, model and optimizer")
        }
        let run = try training.run().run
        switch format {
        case .json: return run.json()
        case .csv: return run.csv()
        }
    }
}
