import DescentCLI
import Foundation
import Testing

/// `descent render`: files appear complete under their final names, and bad input is one clear line.
@Suite struct RenderCommandTests {}

extension RenderCommandTests {
    static let spec = """
        kind: trajectories
        title: 'Test $\\theta_t$'
        surface: booth
        steps: 20
        size: [320, 240]
        runs:
          - optimizer: Adam(lr=0.5)
          - optimizer: SGD(lr=0.05, momentum=0.9)
        """

    @Test func rendersEveryFormatAtomically() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let specPath = folder + "/figure.yaml"
        try Self.spec.write(toFile: specPath, atomically: true, encoding: .utf8)
        let out = folder + "/out/nested"
        let result = descent("render", specPath, "--out", out, "--format", "png,svg,pdf", "--scale", "2", "--theme", "dark")
        #expect(result.status == 0, "\(result.errorOutput)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["figure.alt.txt", "figure.pdf", "figure.png", "figure.svg"])
        let alt = try String(contentsOfFile: out + "/figure.alt.txt", encoding: .utf8)
        #expect(alt.hasPrefix("Test θ_t.") || alt.contains("booth"))
        let png = try #require(FileManager.default.contents(atPath: out + "/figure.png"))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR width and height: the spec's size times the scale.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 640 && height == 480)
        let pdf = try #require(FileManager.default.contents(atPath: out + "/figure.pdf"))
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        let svg = try String(contentsOfFile: out + "/figure.svg", encoding: .utf8)
        #expect(svg.contains("<metadata>") && svg.contains("kind: trajectories"))
        // Rendering again gives the same bytes.
        _ = descent("render", specPath, "--out", out, "--format", "png,svg,pdf", "--scale", "2", "--theme", "dark")
        #expect(FileManager.default.contents(atPath: out + "/figure.png") == png)
        #expect(FileManager.default.contents(atPath: out + "/figure.pdf") == pdf)
    }

    @Test func badInputIsOneClearLineAndWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let good = folder + "/good.yaml", bad = folder + "/bad.yaml"
        try Self.spec.write(toFile: good, atomically: true, encoding: .utf8)
        try Self.spec.replacingOccurrences(of: "surface: booth", with: "surface: boot").write(toFile: bad, atomically: true, encoding: .utf8)
        let out = folder + "/out"
        let cases: [([String], String)] = [
            ([good, bad, "--out", out], "bad.yaml:3:10: surface: unknown surface 'boot' — did you mean 'booth'?"),
            ([good, "--out", out, "--format", "jpg"], "--format: unknown format 'jpg'"),
            ([good, "--out", out, "--theme", "drak"], "--theme: unknown theme 'drak' — did you mean 'dark'?"),
            ([good, "--out", out, "--scale", "100"], "--scale must be between 0.25 and 8"),
            ([folder + "/missing.yaml", "--out", out], "cannot read spec"),
        ]
        for (arguments, message) in cases {
            let result = CommandRunner.run(["render"] + arguments)
            #expect(result.status == CommandRunner.usageStatus, "\(arguments)")
            #expect(result.errorOutput.hasPrefix("error: "), "\(result.errorOutput)")
            #expect(result.errorOutput.contains(message), "\(result.errorOutput)")
            #expect(result.errorOutput.split(separator: "\n").count == 1)
        }
        // A bad spec stops the run before anything is written, good specs included.
        #expect(!FileManager.default.fileExists(atPath: out + "/good.png"))
    }
}
