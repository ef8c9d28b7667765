import DescentCLI
import Foundation
import Plotting
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
        // Input the parser refuses points to the command's help; a bad spec or file names its own place.
        expectUsageErrors("render", [
            ([good, bad, "--out", out], "bad.yaml:3:10: surface: unknown surface 'boot' — did you mean 'booth'?", false),
            ([good, "--out", out, "--format", "png,pnf"], "'--format <formats>': unknown value 'pnf' — did you mean 'png'? (choose from png, svg, pdf, csv, json)", true),
            ([good, "--out", out, "--format", " , "], "give at least one of png, svg, pdf", true),
            ([good, "--out", out, "--theme", "drak"], "'--theme <theme>'. Please provide one of 'light', 'dark' or 'print'.", true),
            ([good, "--out", out, "--scale", "100"], "--scale must be between 0.25 and 8", true),
            ([folder + "/missing.yaml", "--out", out], "cannot read spec", false),
        ])
        // A bad spec stops the run before anything is written, good specs included.
        #expect(!FileManager.default.fileExists(atPath: out + "/good.png"))
    }

    @Test func formatsAreTakenOnceInTheOrderGiven() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.spec.write(toFile: folder + "/figure.yaml", atomically: true, encoding: .utf8)
        let result = descent("render", folder + "/figure.yaml", "--out", folder, "--format", "SVG, png,svg")
        #expect(result.status == 0, "\(result.errorOutput)")
        #expect(result.output.split(separator: "\n").map { String($0.suffix(4)) } == [".svg", ".png", ".txt"])
    }

    @Test func helpListsTheFormatsAndThemes() {
        let help = descent("render", "--help").output
        for format in ["png", "svg", "pdf"] { #expect(help.contains("        \(format) "), "\(format)") }
        #expect(help.contains("(values: \(Theme.all.map(\.name).joined(separator: ", ")))"))
    }

    /// A failure while working exits 1 without a pointer to --help, and leaves no figure behind.
    @Test func anUnwritableOutputIsAFailure() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.spec.write(toFile: folder + "/figure.yaml", atomically: true, encoding: .utf8)
        try #require(FileManager.default.createFile(atPath: folder + "/file", contents: Data("not a folder".utf8)))
        let intoAFile = descent("render", folder + "/figure.yaml", "--out", folder + "/file")
        #expect(intoAFile.status == CommandRunner.failureStatus)
        #expect(intoAFile.errorOutput == "error: cannot create output folder '\(folder)/file': a file of that name exists", "\(intoAFile.errorOutput)")
        #expect(!intoAFile.errorOutput.contains("--help"))
        // A folder where the PNG should go: the figure cannot be renamed into place.
        try FileManager.default.createDirectory(atPath: folder + "/out/figure.png", withIntermediateDirectories: true)
        let ontoAFolder = descent("render", folder + "/figure.yaml", "--out", folder + "/out")
        #expect(ontoAFolder.status == CommandRunner.failureStatus)
        #expect(ontoAFolder.errorOutput.contains("cannot write '\(folder)/out/figure.png'"), "\(ontoAFolder.errorOutput)")
        #expect(!ontoAFolder.errorOutput.contains("--help"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out") == ["figure.png"])
    }
}
