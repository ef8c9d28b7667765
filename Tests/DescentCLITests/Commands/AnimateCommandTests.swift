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
        let cases: [([String], String)] = [
            ([bad, "--out", out], "bad.yaml:6:46: unknown key 'fsp' in 'animation' — did you mean 'fps'?"),
            ([good, "--out", out, "--frames", "apgn"], "--frames: unknown output 'apgn' — did you mean 'apng'?"),
            ([good, "--out", out, "--fps", "0"], "--fps must be between 1 and 120"),
            ([good, "--out", out, "--jobs", "0"], "--jobs must be between 1 and 256"),
            ([good, "--out", out, "--compression", "12"], "--compression must be between 0 and 9"),
            ([good, "--out", out, "--theme", "drak"], "--theme: unknown theme 'drak' — did you mean 'dark'?"),
            ([folder + "/missing.yaml", "--out", out], "cannot read spec"),
        ]
        for (arguments, message) in cases {
            let result = CommandRunner.run(["animate"] + arguments)
            #expect(result.status == CommandRunner.usageStatus, "\(arguments)")
            #expect(result.errorOutput.hasPrefix("error: "), "\(result.errorOutput)")
            #expect(result.errorOutput.contains(message), "\(result.errorOutput)")
            #expect(result.errorOutput.split(separator: "\n").count == 1)
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
