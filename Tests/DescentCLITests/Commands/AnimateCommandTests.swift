import DescentCLI
import Foundation
import Testing

/// `descent animate`: what it writes and how it refuses bad input.
@Suite struct AnimateCommandTests {
    static let spec = """
        kind: trajectories
        surface: himmelblau
        start: [0, 0]
        steps: 9
        size: [160, 120]
        animation: {steps_per_frame: 3, hold_end: 1, fps: 10, trail: 4}
        runs:
          - optimizer: SGD(lr=0.01, momentum=0.9)
        """

    @Test func writesFramesAndAnAPNG() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.spec.write(toFile: folder + "/race.yaml", atomically: true, encoding: .utf8)
        let result = descent("animate", folder + "/race.yaml", "--out", folder + "/out", "--jobs", "2")
        #expect(result.status == 0, "\(result.errorOutput)")
        let frames = try FileManager.default.contentsOfDirectory(atPath: folder + "/out/frames").sorted()
        #expect(frames == ["frame_00000.png", "frame_00001.png", "frame_00002.png", "frame_00003.png"])  // 3 moving + 1 held
        #expect(result.output.contains("(4 frames, 160×120,"))
        #expect(result.output.contains("animation.apng ("))
        let apng = try #require(FileManager.default.contents(atPath: folder + "/out/animation.apng"))
        #expect(String(decoding: apng[37..<41], as: UTF8.self) == "acTL")  // right after IHDR
        // A second, shorter run in the same folder removes the frames it no longer has, and the temporary
        // files an interrupted run left behind.
        FileManager.default.createFile(atPath: folder + "/out/frames/.frame_00002.png.tmp-1-2", contents: Data([1, 2, 3]))
        try Self.spec.replacingOccurrences(of: "hold_end: 1", with: "hold_end: 0").write(toFile: folder + "/race.yaml", atomically: true, encoding: .utf8)
        #expect(descent("animate", folder + "/race.yaml", "--out", folder + "/out").status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out/frames").count == 3)
        // Only the APNG when asked.
        #expect(descent("animate", folder + "/race.yaml", "--out", folder + "/apng-only", "--frames", "apng").status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/apng-only") == ["animation.apng"])
    }

    @Test func badInputIsOneClearLineAndWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let good = folder + "/good.yaml", bad = folder + "/bad.yaml"
        try Self.spec.write(toFile: good, atomically: true, encoding: .utf8)
        try Self.spec.replacingOccurrences(of: "fps: 10", with: "fsp: 10").write(toFile: bad, atomically: true, encoding: .utf8)
        let out = folder + "/out"
        expectUsageErrors("animate", [
            ([bad, "--out", out], "bad.yaml:6:46: unknown key 'fsp' in 'animation' — did you mean 'fps'?", false),
            ([good, "--out", out, "--frames", "png,apgn"], "'--frames <outputs>': unknown value 'apgn' — did you mean 'apng'?", true),
            ([good, "--out", out, "--fps", "0"], "--fps must be between 1 and 120", true),
            ([good, "--out", out, "--jobs", "0"], "--jobs must be between 1 and 256", true),
            ([good, "--out", out, "--compression", "12"], "--compression must be between 0 and 9", true),
            ([good, "--out", out, "--theme", "drak"], "'--theme <theme>'. Please provide one of 'light', 'dark' or 'print'.", true),
            ([folder + "/missing.yaml", "--out", out], "cannot read spec", false),
        ])
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func anOutputFolderThatIsAFileIsAFailure() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.spec.write(toFile: folder + "/race.yaml", atomically: true, encoding: .utf8)
        try #require(FileManager.default.createFile(atPath: folder + "/file", contents: Data()))
        let result = descent("animate", folder + "/race.yaml", "--out", folder + "/file", "--frames", "apng")
        #expect(result.status == CommandRunner.failureStatus)
        #expect(result.errorOutput == "error: cannot create output folder '\(folder)/file': a file of that name exists", "\(result.errorOutput)")
        #expect(!result.errorOutput.contains("--help"))
    }
}
