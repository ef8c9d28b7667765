/// A short, runnable Python script that performs the same run as ``Trace/run(surface:optimizer:start:steps:noise:recordState:)``
/// with PyTorch in float64 and prints the same JSON, so that anyone who doubts a figure can check it.
///
/// The script writes the surface as a torch expression, starts from the same point, builds the optimizer
/// with the same resolved hyperparameters (`torch.optim`, or `pytorch_optimizer.Lion`), calls
/// `optimizer.step(closure)` once per step, and adds the same seeded gradient noise (SplitMix64 and
/// Box–Muller, written out in Python). It prints `points`, `losses`, `lrs` and `diverged_at`, plus
/// `averaged` for ASGD and `state` when asked, with Python's shortest round-trip floats.
public enum PyTorchScript {
    /// - Parameters:
    ///   - surface: the surface and its gradient noise.
    ///   - optimizer: the optimizer in its initial state.
    ///   - start: the start point.
    ///   - steps: the number of steps.
    ///   - recordState: also print the optimizer's state after each step.
    ///   - command: the command line that produced the script, quoted in its header.
    /// - Throws: ``InputError`` when the surface's formula cannot be read (never for built-in surfaces).
    ///   - schedule: a learning-rate scheduler stepped after each optimizer step (fed the step's loss when it is
    ///     ReduceLROnPlateau), or `nil`.
    public static func make(surface: SurfaceSpec, optimizer: any Optimizer, schedule: (any LRScheduler)? = nil,
                            start: SIMD2<Double>, steps: Int, recordState: Bool = false, command: String? = nil) throws(InputError) -> String {
        let expression = try Expression(surface.surface.formula)
        guard expression.depth <= Expression.pythonDepthLimit else {
            throw InputError("the formula nests \(expression.depth) operations deep; Python compiles at most about \(Expression.pythonDepthLimit) "
                             + "(deeper ones raise RecursionError), so no script is written: shorten the formula")
        }
        let name = type(of: optimizer).name
        let isLion = optimizer.pytorchConstructor.hasPrefix("pytorch_optimizer.")
        var lines: [String] = []
        func add(_ text: String = "") { lines.append(text) }

        add("#!/usr/bin/env python3")
        add("# Reproduces a Descent trace with PyTorch in float64 and prints the same JSON as `descent trace`.")
        if let command { add("# Made by: \(commentSafe(command))") }
        add("# Surface: \(commentSafe(surface.name))")
        add("# Needs: pip install torch" + (isLion ? " pytorch-optimizer==4.1.0" : ""))
        add("import json")
        add("import math")
        add()
        add("import torch")
        if isLion { add("import pytorch_optimizer") }
        add()
        add("torch.set_default_dtype(torch.float64)")
        add()
        add()
        add("def f(x, y):")
        add("    return \(expression.python)")
        add()
        add()
        if let noise = surface.noise {
            add("class GradientNoise:")
            add("    \"\"\"Descent's gradient noise: SplitMix64 uniforms turned into normals by Box-Muller.\"\"\"")
            add()
            add("    def __init__(self, sigma, seed):")
            add("        self.sigma, self.state, self.spare = sigma, seed % 2**64, None")
            add()
            add("    def uniform(self):")
            add("        self.state = (self.state + 0x9E3779B97F4A7C15) % 2**64")
            add("        z = self.state")
            add("        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) % 2**64")
            add("        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) % 2**64")
            add("        return ((z ^ (z >> 31)) >> 11) * 2.0**-53")
            add()
            add("    def normal(self):")
            add("        if self.spare is not None:")
            add("            value, self.spare = self.spare, None")
            add("            return value")
            add("        u1 = 1.0 - self.uniform()")
            add("        u2 = self.uniform()")
            add("        radius = math.sqrt(-2.0 * math.log(u1))")
            add("        angle = 2.0 * math.pi * u2")
            add("        self.spare = radius * math.sin(angle)")
            add("        return radius * math.cos(angle)")
            add()
            add()
            add("noise = GradientNoise(\(pythonRepr(noise.sigma)), \(noise.seed))")
        }
        add("p = torch.tensor([\(pythonRepr(start.x)), \(pythonRepr(start.y))], requires_grad=True)")
        add("optimizer = \(optimizer.pytorchConstructor)")
        if let schedule {
            var counter = 0
            let expression = try schedulerPython(schedule.configuration, lines: &lines, counter: &counter)
            add("scheduler = \(expression)")
        }
        add("steps = \(steps)")
        add()
        add()
        add("def closure():")
        add("    optimizer.zero_grad()")
        add("    loss = f(p[0], p[1])")
        add("    loss.backward()")
        if surface.noise != nil {
            add("    with torch.no_grad():")
            add("        p.grad[0] += noise.sigma * noise.normal()")
            add("        p.grad[1] += noise.sigma * noise.normal()")
        }
        add("    return loss")
        add()
        add()
        add("def loss_at_p():")
        add("    with torch.no_grad():")
        add("        return f(p[0], p[1]).item()")
        add()
        add()
        if recordState {
            add("def number(value):")
            add("    value = float(value)")
            add("    return value if math.isfinite(value) else None")
            add()
            add()
            add("def state_now(evaluations):")
            add("    entries = {}")
            add("    for key, value in optimizer.state[p].items():")
            add("        if torch.is_tensor(value):")
            add("            entries[key] = number(value) if value.numel() == 1 else [number(v) for v in value.tolist()]")
            add("        elif isinstance(value, (int, float)):")
            add("            entries[key] = number(value)")
            if name == "LBFGS" {
                add("    entries['evaluations'] = float(evaluations)")
                add("    entries['history'] = float(len(optimizer.state[p].get('old_dirs', [])))")
            }
            add("    return entries")
            add()
            add()
        }
        add("start_loss = loss_at_p()")
        add("if math.isfinite(start_loss) and all(math.isfinite(v) for v in p.tolist()):")
        add("    points, losses, lrs, diverged_at = [p.tolist()], [start_loss], [], None")
        add("else:")
        add("    points, losses, lrs, diverged_at, steps = [], [], [], 0, 0")
        if name == "ASGD" { add("averaged = []") }
        if recordState { add("states = []") }
        add("for step in range(1, steps + 1):")
        add("    lr = optimizer.param_groups[0]['lr']")
        if recordState && name == "LBFGS" { add("    evaluations_before = optimizer.state[p].get('func_evals', 0)") }
        if let schedule {
            add("    loss_before = float(optimizer.step(closure))")
            add(schedule.needsMetric ? "    scheduler.step(loss_before)" : "    scheduler.step()")
        } else {
            add("    optimizer.step(closure)")
        }
        add("    point, loss = p.tolist(), loss_at_p()")
        add("    if not (math.isfinite(loss) and all(math.isfinite(v) for v in point)):")
        add("        diverged_at = step")
        add("        break")
        add("    points.append(point)")
        add("    losses.append(loss)")
        add("    lrs.append(lr)")
        if name == "ASGD" { add("    averaged.append(optimizer.state[p]['ax'].tolist())") }
        if recordState {
            add(name == "LBFGS" ? "    states.append(state_now(optimizer.state[p]['func_evals'] - evaluations_before))"
                                : "    states.append(state_now(1))")
        }
        add()
        add("result = {'points': points, 'losses': losses, 'lrs': lrs, 'diverged_at': diverged_at}")
        if name == "ASGD" { add("if averaged:\n    result['averaged'] = averaged") }
        if recordState { add("result['state'] = states") }
        add("print(json.dumps(result))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Python that builds the scheduler `component` on `optimizer`, as `torch.optim.lr_scheduler.NAME(...)`.
    /// Child schedulers (SequentialLR, ChainedScheduler) are built first, in order, into variables, as PyTorch
    /// requires; a formula in `epoch` becomes a lambda.
    static func schedulerPython(_ component: Component, lines: inout [String], counter: inout Int) throws(InputError) -> String {
        var keywords: [String] = []
        for argument in component.arguments {
            guard let key = argument.key else { continue }
            switch argument.value {
            case .list(let items) where items.allSatisfy({ if case .component = $0 { true } else { false } }):
                var names: [String] = []
                for item in items {
                    guard case .component(let child) = item else { continue }
                    let expression = try schedulerPython(child, lines: &lines, counter: &counter)
                    let name = "scheduler_\(counter)"
                    counter += 1
                    lines.append("\(name) = \(expression)")
                    names.append(name)
                }
                keywords.append("\(key)=[\(names.joined(separator: ", "))]")
            case .string(let formula) where key == "lr_lambda":
                keywords.append("lr_lambda=lambda epoch: \(try Expression(formula, variables: ("epoch", nil)).pythonScalar(variable: "epoch"))")
            default:
                keywords.append("\(key)=\(argument.value)")
            }
        }
        // ChainedScheduler takes the optimizer as a keyword after its schedulers; the others take it first.
        let name = component.name
        if name == "ChainedScheduler" {
            return "torch.optim.lr_scheduler.ChainedScheduler(\((keywords + ["optimizer=optimizer"]).joined(separator: ", ")))"
        }
        return "torch.optim.lr_scheduler.\(name)(\((["optimizer"] + keywords).joined(separator: ", ")))"
    }

    /// `text` made safe inside a `#` comment: line breaks and other control characters (which would end the
    /// comment and turn the rest into code) written as `\n`, `\r` or `\u{…}`.
    static func commentSafe(_ text: String) -> String {
        var safe = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": safe += "\\n"
            case "\r": safe += "\\r"
            case "\t": safe += " "
            default:
                if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .lineSeparator
                    || scalar.properties.generalCategory == .paragraphSeparator {
                    safe += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    safe.unicodeScalars.append(scalar)
                }
            }
        }
        return safe
    }
}
