import Foundation
import Specs
import Testing
@testable import DescentCLI

/// One render of a spec into many files: one simulation, every output from the same record.
@Suite struct SpecRenderingTests {}

extension SpecRenderingTests {
    static let spec = """
        kind: trajectories
        title: Two runs
        surface: booth
        steps: 30
        runs:
          - optimizer: SGD(lr=0.02, momentum=0.9)
          - optimizer: Adam(lr=0.3)
        """

    /// A simulation stand-in that counts its calls and hands back the real record.
    final class CountingSimulator: @unchecked Sendable {
        private(set) var calls = 0
        func simulate(_ spec: FigureSpec) throws(SpecError) -> FigureRecord {
            calls += 1
            return try spec.simulate()
        }
    }

    @Test func everyFormatComesFromOneSimulation() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = try FigureSpec.parse(Self.spec, file: "two.yaml")
        let counter = CountingSimulator()
        let written = try SpecRendering.write(spec, name: "two", outputs: RenderOutputs([.png, .svg, .pdf, .csv, .json]), into: folder,
                                              scale: 1, theme: nil, transparent: false, simulate: counter.simulate)
        #expect(counter.calls == 1)
        #expect(written.map { ($0 as NSString).lastPathComponent } == ["two.png", "two.svg", "two.pdf", "two.csv", "two.json", "two.alt.txt"])

        // The data, the alt text and the picture tell the same story: the record's last points.
        let json = try #require(FileManager.default.contents(atPath: folder + "/two.json"))
        let record = try FigureRecord.decoder().decode(FigureRecord.self, from: json)
        let runs = try #require(record.panels.first?.runs)
        #expect(runs.map(\.label) == ["Momentum", "Adam"])
        #expect(runs.allSatisfy { $0.trace.points.count == 31 })
        let alt = try String(contentsOfFile: folder + "/two.alt.txt", encoding: .utf8)
        let end = runs[1].trace.points[30]
        #expect(alt.contains("Adam ends after 30 steps"))
        #expect(alt.contains(String(format: "%.2f", end.x).prefix(3)))
        let csv = try String(contentsOfFile: folder + "/two.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "panel,kind,series,step,x,y,loss,lr")
        #expect(lines.count == 1 + 2 * 31)
        // The last CSV row is Adam's last point, with its exact coordinates.
        let last = lines.last!.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(last[0] == "1" && last[1] == "trajectories" && last[2] == "Adam" && last[3] == "30")
        #expect(Double(last[4]) == end.x && Double(last[5]) == end.y)
        let png = try #require(FileManager.default.contents(atPath: folder + "/two.png"))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test func dataAloneNeedsNoDrawing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = descent("render", Self.writeSpec(Self.spec, in: folder), "--out", folder, "--format", "json")
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/two.json"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/two.png"))
        #expect(FileManager.default.fileExists(atPath: folder + "/two.alt.txt"))
    }

    /// A spec whose simulation fails stops the render with a message naming the spec, and nothing is
    /// written for it: no figure stands in for the one it describes.
    @Test func aFailingSimulationWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 10 epochs of 5 batches need 50 scheduler steps; OneCycleLR allows 20, and fails on the 21st as PyTorch does.
        let text = """
            kind: training-curves
            dataset: moons(n=60, noise=0.2, seed=1)
            optimizer: SGD(lr=0.1)
            epochs: 10
            batch_size: 10
            schedule: OneCycleLR(max_lr=0.1, total_steps=20)
            """
        let path = Self.writeSpec(text, in: folder, name: "short")
        let out = folder + "/out"
        let result = descent("render", path, "--out", out, "--format", "png,csv")
        #expect(result.status == 2)
        #expect(result.errorOutput.hasPrefix("error: \(path):1:1: training: "), "\(result.errorOutput)")
        #expect(result.errorOutput.contains("Tried to step"), "\(result.errorOutput)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).isEmpty)
    }

    static func writeSpec(_ text: String, in folder: String, name: String = "two") -> String {
        let path = folder + "/\(name).yaml"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }
}
