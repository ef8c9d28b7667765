import ArgumentParser
import CairoBackend
import Descent
import Foundation
import Plotting
import Simulation
import Specs

/// `descent animate`: renders an animated spec frame by frame.
struct AnimateCommand: TextCommand {
    static let configuration = CommandConfiguration(
        commandName: "animate",
        abstract: "Render an animated spec as PNG frames, an APNG and (with ffmpeg) MP4, WebM or GIF.",
        discussion: """
        Writes OUT/frames/frame_00000.png, … and OUT/animation.apng, plus OUT/animation.mp4, .webm and .gif when \
        asked and ffmpeg is installed (without it they are skipped with a message; the rest is still written). \
        The spec's 'animation:' block says how steps map to frames (steps_per_frame or frames, hold_start, \
        hold_end, easing, fps, trail); a spec without one gets one step per frame. Frames are drawn and \
        compressed on --jobs threads; the files are the same for any number of jobs. See Docs/specs.md.

        Examples:
          descent animate Gallery/animations/race.yaml --out /tmp/race
          descent animate Gallery/animations/race.yaml --out /tmp/race --frames apng,mp4 --fps 24
        """
    )

    @Argument(help: ArgumentHelp("The spec file (YAML).", valueName: "spec"))
    var spec: String

    @OptionGroup var destination: OutputOptions

    @Option(help: ArgumentHelp("Comma-separated outputs (default: png,apng).", valueName: "outputs",
                               argumentType: AnimationOutput.self),
            transform: ValueList.parse)
    var frames = ValueList<AnimationOutput>([.png, .apng])

    @Option(parsing: .unconditional, help: ArgumentHelp("Frames per second (default: the spec's fps, else 30), 1 to 120.", valueName: "n"))
    var fps: Int?

    @OptionGroup var threads: JobsOptions

    @OptionGroup var drawing: DrawingOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("zlib level of the PNG frames and the APNG, 0 to 9.", valueName: "n"))
    var compression: Int = AnimationRenderer.defaultLevel

    func validate() throws {
        if let fps { guard (1...120).contains(fps) else { throw ValidationError("--fps must be between 1 and 120, got \(fps)") } }
        guard (0...9).contains(compression) else { throw ValidationError("--compression must be between 0 and 9, got \(compression)") }
    }

    func output() throws -> String {
        let outputs = frames.values
        let out = destination.out, scale = drawing.scale, transparent = drawing.transparent
        let themeOverride = drawing.theme

        let spec = try FigureSpec.parse(try readSpec(spec), file: spec)
        try SpecRendering.checkPixels(spec, scale: scale)
        let animation = try FigureAnimation(spec: spec, record: try spec.simulate(), theme: spec.resolvedTheme(themeOverride),
                                            transparent: transparent)
        let job = AnimationJob(animation, scale: scale, fps: fps)
        let ffmpeg = outputs.contains(where: \.needsFFmpeg) ? VideoEncoder.locateFFmpeg() : nil
        let folder = try OutputOptions.open(out, subfolders: ["frames"])
        defer { folder.release() }
        let report = try SpecRendering.locatingFont(spec) {
            try AnimationRenderer.render(job, outputs: outputs, directory: out, jobs: threads.count, level: compression, ffmpeg: ffmpeg)
        }
        return Self.summary(report)
    }

    /// What was written, one line per output, and a line per output skipped.
    static func summary(_ report: AnimationReport) -> String {
        var lines: [String] = []
        let frames = report.files.filter { $0.hasSuffix(".png") }
        if let first = frames.first, let last = frames.last {
            lines.append("wrote \(first) … \((last as NSString).lastPathComponent) (\(report.frameCount) frames, \(report.width)×\(report.height), \(megabytes(report.frameBytes)))")
        }
        for file in report.files where !file.hasSuffix(".png") {
            if file.hasSuffix(".apng"), let bytes = report.apngBytes {
                let share = report.frameBytes > 0 ? String(format: ", %.1f%% of the frames", 100 * Double(bytes) / Double(report.frameBytes)) : ""
                lines.append("wrote \(file) (\(report.apngFrames ?? report.frameCount) frames, \(megabytes(bytes))\(share))")
            } else {
                lines.append("wrote \(file)")
            }
        }
        for (output, reason) in report.skipped { lines.append("skipped \(output.rawValue): \(reason)") }
        return lines.joined(separator: "\n")
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.2f MB", Double(bytes) / 1_000_000) }
}
