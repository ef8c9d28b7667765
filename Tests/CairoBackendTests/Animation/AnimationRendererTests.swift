import CairoBackend
import Descent
import Foundation
import Plotting
import Specs
import Testing

/// `AnimationRenderer` end to end on a real animated spec: frames, APNG, determinism, and heads where the
/// trajectory says.
@Suite struct AnimationRendererTests {
    /// One Adam run on Booth's function, small and quick: 12 moving frames, 2 held at each end.
    static let spec = """
        kind: trajectories
        surface: booth
        start: [-8, 8]
        steps: 24
        view: {x: [-10, 10], y: [-10, 10]}
        size: [240, 180]
        legend: none
        contours: 6
        animation: {steps_per_frame: 2, hold_start: 2, hold_end: 2, trail: 6}
        runs:
          - optimizer: Adam(lr=1.2)
        """

    static func animation() throws -> FigureAnimation {
        let parsed = try FigureSpec.parse(spec, file: "booth.yaml")
        return try FigureAnimation(spec: parsed, record: try parsed.simulate(), theme: .light)
    }

    static func render(jobs: Int, outputs: [AnimationOutput] = [.png, .apng]) throws -> (folder: String, report: AnimationReport) {
        let folder = NSTemporaryDirectory() + "descent-animation-\(UUID().uuidString)"
        let report = try AnimationRenderer.render(AnimationJob(try animation()), outputs: outputs, directory: folder, jobs: jobs, ffmpeg: nil)
        return (folder, report)
    }

    /// The frame files in order.
    static func frames(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder + "/frames").sorted().map { folder + "/frames/" + $0 }
    }

    @Test func framesHaveTheCountSizeAndNames() throws {
        let (folder, report) = try Self.render(jobs: 2)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try Self.frames(in: folder)
        #expect(report.frameCount == 2 + 12 + 2)
        #expect(files.map { ($0 as NSString).lastPathComponent } == (0..<16).map { String(format: "frame_%05d.png", $0) })
        for file in files {
            let image = try DecodedImage(Array(FileManager.default.contents(atPath: file)!))
            #expect(image.width == 240 && image.height == 180)
        }
        // Nothing else is left in the folders: no temporary files.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["animation.apng", "frames"])
    }

    @Test func outputIsTheSameForAnyNumberOfJobs() throws {
        let one = try Self.render(jobs: 1), two = try Self.render(jobs: 2), three = try Self.render(jobs: 3)
        defer { for run in [one, two, three] { try? FileManager.default.removeItem(atPath: run.folder) } }
        for run in [two, three] {
            let a = try Self.frames(in: one.folder), b = try Self.frames(in: run.folder)
            #expect(a.count == b.count)
            for (x, y) in zip(a, b) { #expect(FileManager.default.contents(atPath: x) == FileManager.default.contents(atPath: y), "\(y)") }
            #expect(FileManager.default.contents(atPath: one.folder + "/animation.apng") == FileManager.default.contents(atPath: run.folder + "/animation.apng"))
        }
    }

    @Test func apngPlaysBackExactlyTheFrames() throws {
        let (folder, report) = try Self.render(jobs: 2)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let apng = try APNGFile(Array(FileManager.default.contents(atPath: folder + "/animation.apng")!))
        #expect(apng.width == 240 && apng.height == 180)
        #expect(apng.frameCount == apng.frames.count)
        #expect(report.apngFrames == apng.frameCount)
        // Repeated frames are merged into longer ones: of the 16, the second start hold repeats the first and
        // both end holds repeat the last moving frame (step 24).
        #expect(apng.frameCount == 16 - 1 - 2)
        let shown = try apng.play()
        // Expand the APNG's frames by their delays (1/30 s each frame) and compare with every PNG frame.
        var timeline: [[UInt8]] = []
        for frame in shown {
            #expect(frame.delayDenominator == 30)
            timeline += Array(repeating: frame.rgba, count: frame.delayNumerator)
        }
        let files = try Self.frames(in: folder)
        #expect(timeline.count == files.count)
        for (k, file) in files.enumerated() {
            let png = try DecodedImage(Array(FileManager.default.contents(atPath: file)!))
            #expect(timeline[k] == png.rgba, "frame \(k) differs")
        }
        // Delta frames store only what changed: after the first, every rectangle is smaller than the canvas.
        for frame in apng.frames.dropFirst() { #expect(frame.width * frame.height < 240 * 180) }
        let total = files.reduce(0) { $0 + (FileManager.default.contents(atPath: $1)?.count ?? 0) }
        #expect(report.apngBytes.map { $0 < total / 2 } == true)
    }

    @Test func theHeadIsDrawnWhereTheTrajectoryIs() throws {
        let (folder, _) = try Self.render(jobs: 2, outputs: [.png])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let animation = try Self.animation()
        let trace = try #require(try animation.spec.simulate().panels[0].runs?[0].trace)
        let color = Palette.colors(for: ["Adam"])[0]
        // The plot area, as the chart lays it out on a cairo canvas.
        var layout: Chart.Layout?
        _ = try FrameRasterizer.frame(size: animation.size, scale: 1) { canvas in
            let chart = animation.background.panels[0] as! Chart
            layout = chart.layout(in: animation.background.frame(ofPanel: 0), canvas: canvas, theme: .light)
        }
        let files = try Self.frames(in: folder)
        for frame in [5, 9, 15] {
            let step = animation.step(atFrame: frame)
            let head = try #require(layout).position(Point(trace.points[step].x, trace.points[step].y))
            let image = try DecodedImage(Array(FileManager.default.contents(atPath: files[frame])!))
            let pixel = image.pixel(Int(head.x), Int(head.y))
            #expect(close(pixel, [byte(color.red), byte(color.green), byte(color.blue), 255], tolerance: 8),
                    "frame \(frame), step \(step): \(pixel) at \(head)")
            // Where the head will be at the end, there is no head yet at frame 5.
            if frame == 5 {
                let end = try #require(layout).position(Point(trace.points[24].x, trace.points[24].y))
                #expect(!close(image.pixel(Int(end.x), Int(end.y)), pixel, tolerance: 8))
            }
        }
    }

    @Test func anUnwritableFolderIsAClearErrorAndLeavesNoFiles() throws {
        let folder = NSTemporaryDirectory() + "descent-animation-\(UUID().uuidString)"
        try "not a folder".write(toFile: folder, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: RenderError.self) {
            try AnimationRenderer.render(AnimationJob(try Self.animation()), outputs: [.png, .apng], directory: folder, jobs: 2, ffmpeg: nil)
        }
    }

    @Test func aFailureMidwayLeavesNoPartialOrTemporaryFiles() throws {
        let folder = NSTemporaryDirectory() + "descent-animation-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Frame 9 asks for a font that is not installed: drawing it fails.
        let job = AnimationJob(frameCount: 20, size: Size(64, 48), fps: 10, background: { canvas in
            canvas.fill(Path(rect: Rect(x: 0, y: 0, width: 64, height: 48)), color: .white)
        }, foreground: { k, canvas in
            canvas.fill(Path(rect: Rect(x: Double(k * 2), y: 10, width: 6, height: 6)), color: .black)
            if k == 9 { canvas.drawText("x", at: Point(5, 40), font: Font(family: "No Such Family 42", size: 10), color: .black) }
        })
        #expect(throws: MissingFontError.self) {
            try AnimationRenderer.render(job, outputs: [.png, .apng], directory: folder, jobs: 2, ffmpeg: nil)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder) + FileManager.default.contentsOfDirectory(atPath: folder + "/frames")
        #expect(!names.contains("animation.apng"))
        #expect(!names.contains { $0.contains(".tmp-") }, "\(names)")
        // Frames written before the failure are whole files.
        for name in names where name.hasSuffix(".png") {
            #expect(throws: Never.self) { try DecodedImage(Array(FileManager.default.contents(atPath: folder + "/frames/" + name)!)) }
        }
    }

    @Test func withoutFFmpegTheVideosAreSkippedAndTheRestIsWritten() throws {
        let (folder, report) = try Self.render(jobs: 2, outputs: [.png, .apng, .mp4, .gif])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(report.skipped.map(\.output) == [.mp4, .gif])
        #expect(report.skipped.allSatisfy { $0.reason.contains("apt-get install ffmpeg") })
        #expect(FileManager.default.fileExists(atPath: folder + "/animation.apng"))
        #expect(try Self.frames(in: folder).count == 16)
    }

    @Test func bandedFramePNGsDecodeToTheirPixels() throws {
        // A background of horizontal stripes and a frame that changes three rows only.
        var background = FrameImage(width: 50, height: 40, fill: 0xFF20_4060)
        for y in 0..<40 where y % 5 == 0 { for x in 0..<50 { background.pixels[y * 50 + x] = 0xFFE0_C0A0 } }
        let cache = try FramePNG.Background(background, level: 3, bandRows: 8)
        var frame = background
        for y in 17...19 { for x in 10..<30 { frame.pixels[y * 50 + x] = 0xFF00_FF00 } }
        for image in [background, frame] {
            let banded = try FramePNG.encode(image, over: cache), whole = try FramePNG.encode(image, level: 3)
            #expect(try DecodedImage(banded).rgba == DecodedImage(whole).rgba)
        }
        // A frame with transparency over an opaque background is still exact (encoded whole, as RGBA).
        var translucent = background
        translucent.pixels[0] = 0x8040_2010
        let decoded = try DecodedImage(try FramePNG.encode(translucent, over: cache))
        #expect(decoded.file.colorType == 6 && decoded.pixel(0, 0) == [128, 64, 32, 128])
    }
}
