// `make bench`: Descent's benchmarks, measured in one run on this machine and reported as medians.
//
// Simulation: Adam steps per second on Rosenbrock through the public API (`Trace.run`), recording the
// trajectory, losses and learning rates, on one core. DESIGN.md's target is at least 5 million.
// LBFGS: steps per second of LBFGS with the strong-Wolfe line search on Rosenbrock, one iteration per step
// (each step may evaluate the function several times), restarting from the start every 40 steps.
// Still: the last frame of the standard animation (Benchmarks/standard-animation.yaml) as a 1280×720 PNG, made
// the way `descent render` makes it: parse the spec, simulate the seven runs, build the figure, draw it with
// cairo and encode the PNG (in memory: the file write is left out, as in Benchmarks/mpl_still.py).
//
// Animation: the standard animation written as PNG frames the way `descent animate` writes them, on every
// core: wall time and CPU time per frame (all threads); zlib's CPU time to compress the same frames' pixels
// (packed RGB, compress2 at the level the frames use) for the ratio DESIGN.md bounds; the APNG's size as a
// fraction of the frames'; and the peak memory of `descent animate` writing 1000 frames at 1920×1080.
//
// Options: --quick (fewer steps and repeats), --spec PATH (default Benchmarks/standard-animation.yaml),
// --png PATH (also write one still there, outside the timing), --still-only (skip the simulation benchmarks),
// --animation-only (only the animation), --descent PATH (the `descent` binary for the memory run; default:
// next to this program).

import CPNG
import Descent
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Seconds on a monotonic clock.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Runs `body` `repeats` times after one warm-up and returns the median seconds.
func measure(repeats: Int, _ body: () -> Void) -> (median: Double, all: [Double]) {
    body()
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = now()
        body()
        times.append(now() - start)
    }
    return (median(times), times)
}

func formatted(_ value: Double, _ digits: Int = 2) -> String {
    var text = String(Int((value * pow(10, Double(digits))).rounded()))
    while text.count <= digits { text = "0" + text }
    text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
    return text
}

let arguments = Array(CommandLine.arguments.dropFirst())
let quick = arguments.contains("--quick")
let stillOnly = arguments.contains("--still-only")
let animationOnly = arguments.contains("--animation-only")

/// The value after `--name`, or nil.
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let steps = quick ? 200_000 : 2_000_000
let repeats = quick ? 3 : 7

print("Descent benchmarks (medians of \(repeats) runs after a warm-up; one thread)")
print("")

if !stillOnly && !animationOnly {
    let optimizers: [(String, any Optimizer)] = [
        ("Adam(lr=0.001)", try! Adam(lr: 1e-3)),
        ("SGD(lr=0.0002, momentum=0.9)", try! SGD(lr: 2e-4, momentum: 0.9)),
        ("RMSprop(lr=0.01)", try! RMSprop(lr: 0.01)),
    ]
    var adamRate = 0.0
    for (name, optimizer) in optimizers {
        var finalLoss = 0.0
        let (seconds, _) = measure(repeats: repeats) {
            let trace = Trace.run(surface: Rosenbrock(), optimizer: optimizer, steps: steps)
            finalLoss = trace.losses.last!
        }
        let rate = Double(steps) / seconds
        if name.hasPrefix("Adam") { adamRate = rate }
        print("simulation  \(name) on rosenbrock, \(steps) steps recorded: \(formatted(rate / 1e6)) M steps/s (final loss \(finalLoss))")
    }

    let lbfgsSteps = 40
    let lbfgsRuns = quick ? 200 : 2_000
    let lbfgs = try! LBFGS(maxIter: 1, maxEval: 10, historySize: 10, lineSearch: .strongWolfe)
    var evaluations = 0.0
    var lbfgsLoss = 0.0
    let (lbfgsSeconds, _) = measure(repeats: repeats) {
        evaluations = 0
        for _ in 0..<lbfgsRuns {
            let trace = Trace.run(surface: Rosenbrock(), optimizer: lbfgs, steps: lbfgsSteps, recordState: true)
            lbfgsLoss = trace.losses.last!
            if case .scalar(let count) = trace.state!.last!.first(where: { $0.name == "func_evals" })!.value { evaluations += count }
        }
    }
    let lbfgsRate = Double(lbfgsSteps * lbfgsRuns) / lbfgsSeconds
    print("simulation  LBFGS(max_iter=1, max_eval=10, history_size=10, line_search_fn='strong_wolfe') on rosenbrock, \(lbfgsRuns) runs of \(lbfgsSteps) steps: "
          + "\(formatted(lbfgsRate / 1e6, 3)) M steps/s, \(formatted(evaluations / lbfgsSeconds / 1e6, 3)) M evaluations/s (final loss \(lbfgsLoss))")

    // MLP training throughput: examples per second through the Trainer (forward, backward, Adam update).
    let moons = try! Datasets.make("moons(n=1000, noise=0.2, seed=1)")
    let mlp = try! Models.make("mlp(hidden=[32, 32], activation='tanh')", for: moons)
    let trainingEpochs = quick ? 3 : 20
    var lastLoss = 0.0
    let (trainingSeconds, _) = measure(repeats: repeats) {
        var optimizer = try! Adam(lr: 0.01)
        let trainer = try! Trainer(epochs: trainingEpochs, batchSize: 32, seed: 1)
        let run = try! trainer.train(mlp, on: moons, optimizer: &optimizer)
        lastLoss = run.epochs.last!.trainLoss
    }
    let examplesPerSecond = Double(trainingEpochs * moons.count) / trainingSeconds
    print("training    mlp(hidden=[32, 32], tanh) on moons(n=1000), Adam, batch 32, \(trainingEpochs) epochs: "
          + "\(formatted(examplesPerSecond / 1e3, 1)) k examples/s (final training loss \(lastLoss))")

    print("")
    let verdict = adamRate >= 5e6 ? "meets" : "MISSES"
    print("Adam steps per second on Rosenbrock: \(formatted(adamRate / 1e6)) M (target ≥ 5 M: \(verdict))")
}

// MARK: - Still of the standard animation

/// The spec's path: `--spec`, else Benchmarks/standard-animation.yaml from the working folder, else next to
/// this source file's folder.
func stillSpecPath() -> String {
    if let path = option("--spec") { return path }
    let local = "Benchmarks/standard-animation.yaml"
    if FileManager.default.fileExists(atPath: local) { return local }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("standard-animation.yaml").path
}

let specPath = stillSpecPath()
guard let specData = FileManager.default.contents(atPath: specPath), let specText = String(data: specData, encoding: .utf8) else {
    print("still: cannot read the spec '\(specPath)' (run from the package folder or pass --spec PATH)")
    exit(1)
}

/// Makes the still as `descent render` does, returning the PNG's bytes.
func renderStill() throws -> [UInt8] {
    let spec = try FigureSpec.parse(specText, file: specPath)
    let figure = try still(spec)
    let request = RenderRequest(format: .png, size: figure.size, background: nil, recipe: spec.text)
    return try FigureRenderer.render(request) { canvas in figure.draw(on: canvas, theme: .light) }
}

/// The figure `descent render` draws for `spec`: an animated spec's last frame.
func still(_ spec: FigureSpec) throws -> Figure {
    let record = try spec.simulate()
    return spec.animation == nil ? try spec.figure(record, theme: .light) : try FigureAnimation(spec: spec, record: record, theme: .light).lastFrame
}

if !animationOnly { do {
    var bytes: [UInt8] = []
    var failure: (any Error)?
    let (stillSeconds, stillTimes) = measure(repeats: repeats) {
        do { bytes = try renderStill() } catch { failure = error }
    }
    if let failure { throw failure }
    // For the record: how much of that is the simulation of the seven runs (already inside the median above).
    let spec = try FigureSpec.parse(specText, file: specPath)
    let (simulationSeconds, _) = measure(repeats: repeats) { _ = try! spec.simulate() }
    // Where the time goes: building the figure (parse, simulate, …), then drawing it on a recording canvas
    // (the marks' geometry — contours, paths, legend, text layout — without pixels); the rest of the median
    // is cairo's rasterization and the PNG encoding.
    let (figureSeconds, _) = measure(repeats: repeats) { _ = try! still(try! FigureSpec.parse(specText, file: specPath)) }
    let figure = try still(spec)
    let (recordSeconds, _) = measure(repeats: repeats) {
        figure.draw(on: RecordingCanvas(size: figure.size), theme: .light)
    }
    if let path = option("--png") {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
    let size = "\(Int(spec.width))×\(Int(spec.height))"
    let runs = stillTimes.sorted().map { formatted($0 * 1000, 1) }.joined(separator: ", ")
    if !stillOnly { print("") }
    print("still  \(specPath), \(size) PNG (parse + simulate \(spec.panels[0].runSet?.runs.count ?? 0) runs + draw + PNG encode, in memory): "
          + "median \(formatted(stillSeconds * 1000, 1)) ms (runs: \(runs) ms; \(bytes.count) bytes; "
          + "simulation alone \(formatted(simulationSeconds * 1000, 2)) ms)")
    print("still  breakdown (medians): parse + simulate + build the figure \(formatted(figureSeconds * 1000, 1)) ms, "
          + "draw on a recording canvas (geometry, no pixels) \(formatted(recordSeconds * 1000, 1)) ms, "
          + "so rasterize + PNG encode ≈ \(formatted(max(0, stillSeconds - figureSeconds - recordSeconds) * 1000, 1)) ms")
} catch {
    print("still: \(error)")
    exit(1)
}
}

// MARK: - Animation

/// CPU seconds of this process so far, all threads (user + system).
func processCPU() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
}

/// CPU seconds of the calling thread.
func threadCPU() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

if !stillOnly {
    do {
        let spec = try FigureSpec.parse(specText, file: specPath)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let level = AnimationRenderer.defaultLevel
        let folder = NSTemporaryDirectory() + "descent-bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        /// Parses, simulates and writes the frames, as `descent animate SPEC --frames png` does.
        func writeFrames(_ outputs: [AnimationOutput]) throws -> AnimationReport {
            let parsed = try FigureSpec.parse(specText, file: specPath)
            let animation = try FigureAnimation(spec: parsed, record: try parsed.simulate(), theme: .light)
            return try AnimationRenderer.render(AnimationJob(animation), outputs: outputs, directory: folder, jobs: cores, level: level, ffmpeg: nil)
        }
        var report = try writeFrames([.png])  // warm-up
        var walls: [Double] = [], cpus: [Double] = []
        for _ in 0..<(quick ? 1 : 3) {
            let (wall0, cpu0) = (now(), processCPU())
            report = try writeFrames([.png])
            walls.append(now() - wall0)
            cpus.append(processCPU() - cpu0)
        }
        let frames = report.frameCount
        // zlib alone on the same pixels: each frame drawn again (untimed), packed as RGB, compressed at the level used.
        let animation = try FigureAnimation(spec: spec, record: try spec.simulate(), theme: .light)
        let job = AnimationJob(animation)
        let background = try FrameRasterizer.frame(size: job.size, scale: 1) { job.background($0) }
        var zlibSeconds = 0.0
        var compressedBytes = 0
        var output = [UInt8](repeating: 0, count: Int(compressBound(UInt(background.width * background.height * 3))))
        for k in 0..<frames {
            var frame = background
            try FrameRasterizer.draw(over: &frame, size: job.size, scale: 1) { job.foreground(k, $0) }
            let rgb = FramePNG.rawRGB(frame)
            var size = UInt(output.count)
            let start = threadCPU()
            let status = compress2(&output, &size, rgb, UInt(rgb.count), Int32(level))
            zlibSeconds += threadCPU() - start
            guard status == Z_OK else { throw CocoaError(.featureUnsupported) }
            compressedBytes += Int(size)
        }
        let apng = try writeFrames([.png, .apng])
        let cpuPerFrame = median(cpus) / Double(frames), zlibPerFrame = zlibSeconds / Double(frames)
        print("")
        print("animation  \(specPath): \(frames) PNG frames \(report.width)×\(report.height), zlib level \(level), \(cores) threads")
        print("animation  Descent: median \(formatted(median(walls), 3)) s wall (runs: \(walls.sorted().map { formatted($0, 3) }.joined(separator: ", ")) s), "
              + "\(formatted(cpuPerFrame * 1000, 2)) ms CPU per frame")
        print("animation  zlib alone on the same pixels (RGB, compress2 level \(level)): \(formatted(zlibPerFrame * 1000, 2)) ms CPU per frame "
              + "(\(compressedBytes / frames) bytes per frame; the PNG frames average \(report.frameBytes / frames))")
        print("animation  CPU per frame ÷ zlib CPU per frame: \(formatted(cpuPerFrame / zlibPerFrame, 2)) (target ≤ 1.5)")
        let fraction = Double(apng.apngBytes ?? 0) / Double(max(1, apng.frameBytes))
        print("animation  APNG: \(apng.apngBytes ?? 0) bytes, \(apng.apngFrames ?? 0) frames, \(formatted(100 * fraction, 1))% of the PNG frames' \(apng.frameBytes) bytes (target ≤ 15%)")
        print("animation  wall: median \(formatted(median(walls), 3)) s")

        // Peak memory: `descent animate` on 1000 frames at 1920×1080, in a child process.
        let descent = option("--descent") ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("descent").path
        if FileManager.default.isExecutableFile(atPath: descent) {
            let memoryFrames = quick ? 200 : 1000
            var big = specText.replacingOccurrences(of: "steps: 300", with: "steps: \(memoryFrames)")
                .replacingOccurrences(of: "size: [1280, 720]", with: "size: [1920, 1080]")
            if !big.contains("size: [1920, 1080]") { big += "\nsize: [1920, 1080]\n" }
            let bigSpec = folder + "-big.yaml"
            try big.write(toFile: bigSpec, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: bigSpec); try? FileManager.default.removeItem(atPath: folder + "-big") }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: descent)
            process.arguments = ["animate", bigSpec, "--out", folder + "-big", "--frames", "png,apng"]
            process.standardOutput = FileHandle.nullDevice
            let start = now()
            try process.run()
            process.waitUntilExit()
            var usage = rusage()
            getrusage(RUSAGE_CHILDREN.rawValue, &usage)
            let peak = Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
            let status = process.terminationStatus == 0 ? "" : " (descent exited with status \(process.terminationStatus))"
            print("animation  peak memory of descent animate, \(memoryFrames) frames 1920×1080 PNG + APNG: \(formatted(peak, 1)) MB "
                  + "in \(formatted(now() - start, 1)) s (target < 200 MB)\(status)")
        } else {
            print("animation  peak memory: skipped (no descent binary at \(descent); build it with `swift build -c release --product descent`)")
        }
    } catch {
        print("animation: \(error)")
        exit(1)
    }
}
