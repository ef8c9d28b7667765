import DescentCLI
import Foundation
import Simulation
import Testing

/// `descent trace --emit pytorch`: the script's structure always, and its output where PyTorch is installed.
@Suite struct EmitPyTorchTests {}

extension EmitPyTorchTests {
    static let cases: [(surface: String, optimizer: String, extra: [String])] = [
        ("rosenbrock", "Adam(lr=0.05, amsgrad=True)", []),
        ("beale", "SGD(lr=0.001, momentum=0.9, nesterov=True, weight_decay=0.01)", ["--start", "-1,1.5"]),
        ("himmelblau(noise=0.5, seed=4)", "RMSprop(lr=0.01, centered=True, momentum=0.5)", ["--state"]),
        ("expr:sin(x)*cos(y) + 0.1*(x^2 + y^2) - max(x, y)", "AdamW(lr=0.05)", []),
        ("booth", "Adagrad(lr=0.5, lr_decay=0.01)", []),
        ("matyas", "Adadelta(lr=5.0)", []),
        ("six_hump_camel", "NAdam(lr=0.02, decoupled_weight_decay=True, weight_decay=0.1)", ["--state"]),
        ("quadratic", "RAdam(lr=0.05)", []),
        ("rastrigin", "Adamax(lr=0.01)", ["--state"]),
        ("quadratic", "ASGD(lr=0.04, t0=5)", ["--state"]),
        ("saddle", "Rprop(lr=0.05, step_sizes=(1e-05, 2.0))", ["--state"]),
        ("rosenbrock", "LBFGS(history_size=5, line_search_fn='strong_wolfe')", ["--steps", "6", "--state"]),
        ("beale", "LBFGS(lr=0.25, max_iter=4, history_size=6)", ["--steps", "15", "--state"]),
        ("booth", "Lion(lr=0.03, betas=(0.9, 0.98))", []),
    ]

    /// The script for one case, and what `descent trace` itself prints for it.
    static func outputs(_ testCase: (surface: String, optimizer: String, extra: [String])) -> (script: String, trace: String) {
        let arguments = ["trace", "--surface", testCase.surface, "--optimizer", testCase.optimizer]
            + (testCase.extra.contains("--steps") ? [] : ["--steps", "40"]) + testCase.extra
        return (CommandRunner.run(arguments + ["--emit", "pytorch"]).output, CommandRunner.run(arguments).output)
    }

    @Test(arguments: cases.indices)
    func scriptStructure(_ index: Int) throws {
        let testCase = Self.cases[index]
        let (script, _) = Self.outputs(testCase)
        let optimizer = try Optimizers.make(testCase.optimizer)
        #expect(script.hasPrefix("#!/usr/bin/env python3\n"))
        #expect(script.contains("torch.set_default_dtype(torch.float64)"))
        #expect(script.contains("optimizer = \(optimizer.pytorchConstructor)\n"))
        #expect(script.contains("optimizer.step(closure)"))
        #expect(script.contains("print(json.dumps(result))"))
        let surface = try Surfaces.make(testCase.surface)
        #expect(script.contains("    return \(try Expression(surface.surface.formula).python)\n"))
        #expect(script.contains("noise = GradientNoise(") == (surface.noise != nil))
        #expect(script.contains("import pytorch_optimizer") == testCase.optimizer.hasPrefix("Lion"))
        #expect(script.contains("result['state'] = states") == testCase.extra.contains("--state"))
        if type(of: optimizer).name != "LBFGS" && type(of: optimizer).name != "Lion" {
            #expect(optimizer.pytorchConstructor.hasSuffix("foreach=False)"))
        }
    }

    @Test func constructorsUsePyTorchsKeywords() throws {
        #expect(try Optimizers.make("Adam(lr=0.01)").pytorchConstructor
            == "torch.optim.Adam([p], lr=0.01, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.0, amsgrad=False, maximize=False, decoupled_weight_decay=False, foreach=False)")
        #expect(try Optimizers.make("AdamW").pytorchConstructor
            == "torch.optim.AdamW([p], lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.01, amsgrad=False, maximize=False, foreach=False)")
        #expect(try Optimizers.make("LBFGS(line_search_fn='strong_wolfe')").pytorchConstructor
            == "torch.optim.LBFGS([p], lr=1.0, max_iter=20, max_eval=25, tolerance_grad=1e-07, tolerance_change=1e-09, history_size=100, line_search_fn='strong_wolfe')")
        #expect(try Optimizers.make("Lion").pytorchConstructor
            == "pytorch_optimizer.Lion([p], lr=0.0001, betas=(0.9, 0.99), weight_decay=0.0, weight_decouple=True, fixed_decay=False, maximize=False)")
    }

    @Test func expressionsBecomePythonWithTheSameOrder() throws {
        #expect(try Expression("-x^2 + 2^3^2 - (x - y) - x/(y*2) + x^-2").python == "-x**2 + 2**3**2 - (x - y) - x/(y*2) + x**-2")
        #expect(try Expression("(-x)^2 + (x + y)*y + x*(y/2)").python == "(-x)**2 + (x + y)*y + x*(y/2)")
        #expect(try Expression("sin(x) + cos(2*pi) + min(x, 1) + abs(-3) + e").python
            == "torch.sin(x) + math.cos(2*math.pi) + torch.minimum(torch.as_tensor(x), torch.as_tensor(1)) + abs(-3) + math.e")
        #expect(try Expression("a + (b + c)".replacingOccurrences(of: "a", with: "x").replacingOccurrences(of: "b", with: "y")
            .replacingOccurrences(of: "c", with: "x")).python == "x + (y + x)")
    }

    @Test func csvCannotBeEmitted() {
        let result = descent("trace", "--surface", "booth", "--optimizer", "SGD", "--emit", "pytorch", "--format", "csv")
        #expect(result.status == CommandRunner.usageStatus)
        #expect(result.errorOutput.contains("--emit pytorch"))
    }

    /// Where PyTorch is installed: the script's JSON must match `descent trace` within the reference tolerance.
    @Test(.enabled(if: torchAvailable, "PyTorch is not installed for \(pythonExecutable)"), arguments: cases.indices)
    func scriptReproducesTheTrace(_ index: Int) throws {
        let testCase = Self.cases[index]
        if testCase.optimizer.hasPrefix("Lion") && !pytorchOptimizerAvailable { return }
        let (script, trace) = Self.outputs(testCase)
        let run = try #require(runPython(["-"], input: script))
        try #require(run.status == 0, "the script failed")
        let ours = try JSONSerialization.jsonObject(with: Data(trace.utf8)) as? [String: Any]
        let theirs = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        #expect(Set(ours?.keys ?? [:].keys) == Set(theirs?.keys ?? [:].keys))
        let ourPoints = try TraceJSON(trace).points, theirPoints = try TraceJSON(run.output).points
        try #require(ourPoints.count == theirPoints.count)
        for (a, b) in zip(ourPoints, theirPoints) {
            #expect(abs(a[0] - b[0]) <= 1e-8 * max(1, abs(b[0])) && abs(a[1] - b[1]) <= 1e-8 * max(1, abs(b[1])), "\(a) vs \(b)")
        }
        if let ourState = ours?["state"] as? [[String: Any]], let theirState = theirs?["state"] as? [[String: Any]] {
            #expect(ourState.map { Set($0.keys) } == theirState.map { Set($0.keys) })
        }
    }
}

extension EmitPyTorchTests {
    /// A line break inside a component once ended the `# Made by:` comment and put the rest of the command
    /// into the script as code.
    @Test func controlCharactersStayInsideTheHeaderComments() throws {
        let result = CommandRunner.run(["trace", "--surface", "expr:x^2 +\n y^2", "--optimizer", "Adam(lr=0.1,\nbetas=(0.9, 0.999))\u{2028}",
                                        "--steps", "3", "--emit", "pytorch"])
        #expect(result.status == 0, "\(result.errorOutput)")
        let header = result.output.components(separatedBy: "\n").prefix { !$0.hasPrefix("import ") }
        for line in header where !line.isEmpty { #expect(line.hasPrefix("#"), "a header line is code: \(line)") }
        #expect(result.output.contains("Adam(lr=0.1,\\nbetas=(0.9, 0.999))\\u{2028}"))
        // Python compiles it (without running it, so PyTorch is not needed); no Python at all is a failure here.
        let compiled = runPython(["-c", "import sys; compile(sys.stdin.read(), 'script.py', 'exec'); print('ok')"], input: result.output)
        #expect(compiled?.output == "ok\n", "\(String(describing: compiled))")
    }

    /// A formula nested thousands deep is accepted for tracing, but Python cannot compile it: refused with
    /// a message instead of a script that raises RecursionError.
    @Test func aFormulaTooDeepForPythonIsRefused() {
        let formula = "expr:" + Array(repeating: "x", count: 4_990).joined(separator: "+")
        #expect(CommandRunner.run(["trace", "--surface", formula, "--optimizer", "SGD(lr=0.001)", "--steps", "2"]).status == 0)
        let result = CommandRunner.run(["trace", "--surface", formula, "--optimizer", "SGD(lr=0.001)", "--steps", "2", "--emit", "pytorch"])
        #expect(result.status == CommandRunner.usageStatus)
        #expect(result.errorOutput.contains("the formula nests 4990 operations deep; Python compiles at most about 200"), "\(result.errorOutput)")
        #expect(result.output.isEmpty)
    }
}
