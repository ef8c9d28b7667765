#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DescentCLI
import Foundation
import Testing

/// Inputs a hostile or careless user gives: each gets one line that names the file, line and column where
/// there is one, and the real cause (issue 17).
@Suite struct HostileInputTests {
    static let spec = "kind: loss\nsurface: booth\nsteps: 5\nruns: [{optimizer: SGD(lr=0.01)}]\n"
}

extension HostileInputTests {
    @Test func specPathsThatAreNotFilesSayWhat() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/pipe.yaml", 0o644) == 0)
        for (path, reason) in [(folder, "it is a folder, not a spec file"),
                               (folder + "/pipe.yaml", "it is not a regular file (a FIFO, device or socket)"),
                               (folder + "/missing.yaml", "no such file"),
                               ("/dev/null", "it is not a regular file")] {
            let result = descent("render", path, "--out", folder + "/out")
            #expect(result.status == CommandRunner.usageStatus)
            #expect(result.errorOutput.hasPrefix("error: cannot read spec '\(path)': \(reason)"), "\(result.errorOutput)")
            #expect(!result.errorOutput.contains("UTF-8"))
        }
        // Not UTF-8 is still said, when it is the cause.
        try Data([0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: folder + "/binary.yaml"))
        #expect(descent("render", folder + "/binary.yaml", "--out", folder + "/out").errorOutput.contains("it is not UTF-8 text"))
    }

    @Test(arguments: [["--patience", "-1"], ["--l2", "-1"], ["--seed", "-1"], ["--min-delta", "-0.5"], ["--epochs", "-3"]])
    func negativeNumbersAreValuesInBothForms(_ flag: [String]) {
        for arguments in [flag, [flag[0] + "=" + flag[1]]] {
            let result = CommandRunner.run(["train", "--dataset", "moons(n=40)", "--epochs", "2"] + arguments)
            #expect(result.status == CommandRunner.usageStatus)
            #expect(!result.errorOutput.contains("Missing value"), "\(arguments): \(result.errorOutput)")
            #expect(result.errorOutput.contains(flag[0]), "\(arguments): \(result.errorOutput)")
        }
    }

    @Test func aDuplicateKeyPointsAtTheSecond() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "kind: loss\nsurface: booth\nsteps: 5\nruns: [{optimizer: SGD}]\nsteps: 6\n".write(toFile: folder + "/dup.yaml", atomically: true, encoding: .utf8)
        let result = descent("render", folder + "/dup.yaml", "--out", folder + "/out")
        #expect(result.errorOutput == "error: \(folder)/dup.yaml:5:1: 'steps' is given twice in one mapping (first at line 3); keep one", "\(result.errorOutput)")
        // In a flow mapping, on the same line.
        try "kind: loss\nsurface: booth\nruns: [{optimizer: SGD, optimizer: Adam}]\n".write(toFile: folder + "/flow.yaml", atomically: true, encoding: .utf8)
        #expect(descent("render", folder + "/flow.yaml", "--out", folder + "/out").errorOutput.contains("flow.yaml:3:25: 'optimizer' is given twice"))
    }

    @Test func aComplexKeyAndTheValidKeysAreListedOnce() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "kind: loss\n? [a, b]\n: 1\nruns: [{optimizer: SGD}]\n".write(toFile: folder + "/complex.yaml", atomically: true, encoding: .utf8)
        let result = descent("render", folder + "/complex.yaml", "--out", folder + "/out")
        #expect(result.errorOutput.hasPrefix("error: \(folder)/complex.yaml:2:3: a key must be a word, not a list or mapping"), "\(result.errorOutput)")
        let listed = result.errorOutput.components(separatedBy: "valid keys: ").last?.dropLast().components(separatedBy: ", ") ?? []
        #expect(listed.count > 10 && Set(listed).count == listed.count, "\(listed)")
    }

    @Test func aRunawayNameIsEchoedShortened() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = String(repeating: "z", count: 10_000)
        try "kind: loss\nsurface: \(name)\nruns: [{optimizer: SGD}]\n".write(toFile: folder + "/long.yaml", atomically: true, encoding: .utf8)
        let result = descent("render", folder + "/long.yaml", "--out", folder + "/out")
        #expect(result.status == CommandRunner.usageStatus)
        #expect(result.errorOutput.count < 1_000, "\(result.errorOutput.count) characters")
        #expect(result.errorOutput.contains("(10000 characters)"))
    }
}

extension HostileInputTests {
    /// Sizes that would allocate terabytes or train for days are refused when read, naming the parameter.
    @Test(arguments: [
        ("linreg(n=1e14)", "n = 100000000000000 is more examples than Descent accepts (at most 100000)"),
        ("mlp_slice(hidden=[1e9])", "a hidden layer of 1000000000 units is wider than Descent accepts (at most 4096)"),
        ("mlp_slice(epochs=1e14)", "100000000000000 epochs is more than Descent accepts (at most 100000)"),
        ("mlp_slice(hidden=[8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8])", "hidden has 17 layers; Descent accepts at most 16"),
        ("mlp_slice(dataset='moons(n=5000)', hidden=[1000, 1000], epochs=100000)", "more than Descent's budget of 100 × 10⁹"),
    ])
    func oversizedSurfacesAreRefusedWhenRead(_ surface: String, _ message: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "kind: trajectories\nsurface: \"\(surface)\"\nsteps: 3\nruns: [{optimizer: SGD}]\n".write(toFile: folder + "/big.yaml", atomically: true, encoding: .utf8)
        let started = Date()
        let result = descent("render", folder + "/big.yaml", "--out", folder + "/out")
        #expect(result.status == CommandRunner.usageStatus)
        #expect(result.errorOutput.hasPrefix("error: \(folder)/big.yaml:2:"), "\(result.errorOutput)")
        #expect(result.errorOutput.contains(message), "\(result.errorOutput)")
        #expect(Date().timeIntervalSince(started) < 30)   // refused, not attempted
    }

    @Test func oversizedTrainingIsRefusedWhenRead() {
        for (arguments, message) in [(["--dataset", "moons(n=1e14)"], "n = 100000000000000 is more examples"),
                                     (["--dataset", "moons(n=200)", "--model", "mlp(hidden=[100000, 100000])"], "a hidden layer of 100000 units"),
                                     (["--dataset", "moons(n=5000)", "--model", "mlp(hidden=[1000, 1000])", "--epochs", "10000"], "more than Descent's budget")] {
            let result = CommandRunner.run(["train"] + arguments)
            #expect(result.status == CommandRunner.usageStatus)
            #expect(result.errorOutput.contains(message), "\(result.errorOutput)")
        }
    }
}

extension HostileInputTests {
    @Test func errorsFoundWhileDrawingNameTheSpecLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "kind: loss\nsurface: booth\nfont: {family: No Such Family Anywhere}\nruns: [{optimizer: SGD}]\n".write(toFile: folder + "/font.yaml", atomically: true, encoding: .utf8)
        let font = descent("render", folder + "/font.yaml", "--out", folder + "/out")
        #expect(font.status == CommandRunner.usageStatus)
        #expect(font.errorOutput.hasPrefix("error: \(folder)/font.yaml:3:1: font 'No Such Family Anywhere' is not installed"), "\(font.errorOutput)")
        try "kind: loss\nsurface: booth\nsize: [8000, 8000]\nruns: [{optimizer: SGD}]\n".write(toFile: folder + "/big.yaml", atomically: true, encoding: .utf8)
        for command in ["render", "animate"] {
            let big = descent(command, folder + "/big.yaml", "--out", folder + "/out", "--scale", "8")
            #expect(big.status == CommandRunner.usageStatus)
            #expect(big.errorOutput.hasPrefix("error: \(folder)/big.yaml:3:1: size 8000 × 8000 at scale 8.0 makes an image of 64000 × 64000 pixels"),
                    "\(big.errorOutput)")
        }
        try "kind: training-curves\ndataset: moons(n=50)\noptimizer: LBFGS\nepochs: 3\n".write(toFile: folder + "/lbfgs.yaml", atomically: true, encoding: .utf8)
        #expect(descent("render", folder + "/lbfgs.yaml", "--out", folder + "/out").errorOutput.hasPrefix("error: \(folder)/lbfgs.yaml:3:12: optimizer: L-BFGS"))
    }

    @Test func controlCharactersInTrainFlagsNameTheFlag() {
        let result = CommandRunner.run(["train", "--dataset", "moons(n=50)\u{1}"])
        #expect(result.status == CommandRunner.usageStatus)
        #expect(result.errorOutput == "error: --dataset has a control character (U+0001) at character 12; remove it", "\(result.errorOutput)")
        #expect(!result.errorOutput.contains("YAML"))
        // A line break is only a space to a component.
        let broken = CommandRunner.run(["train", "--dataset", "moons(n=40,\n seed=1)", "--model", "mlp(hidden=[4,\n4])", "--epochs", "2"])
        #expect(broken.status == 0, "\(broken.errorOutput)")
    }
}

extension HostileInputTests {
    /// Found by the hostile sweep: 100 000 trials × 1 000 seeds ran for hours. Now refused when read.
    @Test func searchesBeyondTheWorkBudgetAreRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (spec, message) in [
            ("kind: search-convergence\nobjective: {expr: x}\nspace: {x: uniform(0,1)}\ntrials: 100000\nseeds: 1000\nsamplers: [random()]\n",
             "the search would evaluate its objective 100000000 times"),
            ("kind: search\nobjective: {expr: x}\nspace: {x: uniform(0,1)}\ntrials: 5000\nsampler: bo(initial=5)\n",
             "at most 1000 trials, got 5000"),
            ("kind: search\nobjective: {trace: {surface: rosenbrock, optimizer: 'SGD(lr={lr})'}}\nspace: {lr: loguniform(1e-4, 1)}\ntrials: 100000\nbudget: 1000000\n",
             "steps; Descent accepts at most 1 × 10⁹"),
        ] {
            try spec.write(toFile: folder + "/search.yaml", atomically: true, encoding: .utf8)
            let result = descent("render", folder + "/search.yaml", "--out", folder + "/out")
            #expect(result.status == CommandRunner.usageStatus)
            #expect(result.errorOutput.contains(message), "\(result.errorOutput)")
            #expect(result.errorOutput.contains("search.yaml:"), "\(result.errorOutput)")
        }
    }
}

extension HostileInputTests {
    /// Found by the second hostile sweep: a trap, a 5 000-character error and a two-minute hang.
    @Test func theSecondSweepsFindsStayFixed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func run(_ spec: String) throws -> CommandRunner.Result {
            try spec.write(toFile: folder + "/case.yaml", atomically: true, encoding: .utf8)
            return descent("render", folder + "/case.yaml", "--out", folder + "/out")
        }
        // Rates near the largest Double: the padded axis overflowed into an unordered range (a trap).
        let huge = try run("kind: schedules\nsteps: 10\nschedules: ['OneCycleLR(max_lr=1e308, total_steps=10, div_factor=1e-308)']\n")
        #expect(huge.status == 0 || huge.status == CommandRunner.usageStatus, "\(huge.errorOutput)")
        // An annotation beyond the page is left out, not an error echoing its whole text.
        let far = try run("kind: loss\nsurface: booth\nannotations: [{text: '\(String(repeating: "a", count: 5_000))', at: [1e308, -1e308], offset: [1e308, 1e308]}]\nruns: [{optimizer: SGD}]\n")
        #expect(far.status == 0, "\(far.errorOutput.prefix(300))")
        // A data surface too large for its steps and heatmap is refused when read.
        let slow = try run("kind: trajectories\nsurface: 'linreg(n=100000, batch_size=1)'\nsteps: 100000\nruns: [{optimizer: 'SGD(lr=0.01)'}]\n")
        #expect(slow.status == CommandRunner.usageStatus)
        #expect(slow.errorOutput.contains("case.yaml:2:10: a data surface of 100000 examples"), "\(slow.errorOutput)")
    }
}

extension HostileInputTests {
    /// The issue's own list of specs that trapped in tick labels, colour bars and 3-D axes: each now renders
    /// (or is refused with a message) in this process, where a trap would end the test run.
    @Test func theTickLabelTrapsOfTheIssueRender() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases = [
            "kind: loss\nsurface: saddle\nsteps: 140\nruns: [{optimizer: SGD(lr=0.1)}]\n",
            "kind: loss\nsurface: quadratic\nsteps: 200\ny_scale: linear\nruns: [{optimizer: SGD(lr=5)}]\n",
            "kind: trajectories\nsurface: quadratic\nview: {x: [0, 1e19], y: [0, 1]}\nsteps: 5\nruns: [{optimizer: SGD(lr=0.1)}]\n",
            "kind: trajectories\nsurface: quadratic\nview: {x: [0, 1e-320], y: [0, 1]}\nsteps: 5\nruns: [{optimizer: SGD(lr=0.1)}]\n",
            "kind: schedules\nsteps: 50\noptimizer: SGD(lr=1e300)\nschedules: ['StepLR(step_size=10, gamma=0.5)']\n",
            "kind: gradient-field\nsurface: 'expr:1e300*(x^2+y^2)'\n",
            "kind: trajectories\nsurface: 'expr:1e300*(x^2+y^2)'\nsteps: 5\nruns: [{optimizer: SGD(lr=0.1)}]\n",
            "kind: surface3d\nsurface: 'expr:1e300*(x^2+y^2)'\nsteps: 3\nruns: [{optimizer: SGD(lr=1e-303)}]\n",
            "kind: l2-sweep\ndataset: sine(n=20, noise=0.3, seed=4)\nvalidation: 0.5\ndegree: 3\nlambdas: [1e300, 1e301]\n",
        ]
        for (k, spec) in cases.enumerated() {
            try spec.write(toFile: folder + "/case\(k).yaml", atomically: true, encoding: .utf8)
            let result = descent("render", folder + "/case\(k).yaml", "--out", folder + "/out")
            #expect(result.status == 0, "case \(k): \(result.errorOutput)")
        }
        let animated = descent("animate", folder + "/case0.yaml", "--out", folder + "/anim", "--frames", "apng")
        #expect(animated.status == 0, "\(animated.errorOutput)")
    }
}
