import Foundation
import Plotting
import Simulation
import Specs
import Testing

/// The record of a figure: the numbers behind every mark, as JSON and CSV, and the one thing every output
/// reads.
@Suite struct FigureRecordTests {}

extension FigureRecordTests {
    /// Every spec of the gallery (stills and animations), by path.
    static let gallery: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Gallery")
        let folders = [root, root.appendingPathComponent("animations")]
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") && $0 != "gallery.yaml" }.sorted()
                .map { folder.appendingPathComponent($0).path }
        }
    }()

    @Test func theGalleryIsFound() {
        #expect(Self.gallery.count >= 30)
    }

    /// The data export of each gallery figure decodes to a record that encodes to the same bytes, draws the
    /// same figure and describes it in the same words.
    @Test(arguments: gallery)
    func galleryRecordsRoundTrip(_ path: String) throws {
        let spec = try FigureSpec.parse(try String(contentsOfFile: path, encoding: .utf8), file: path)
        let record = try spec.simulate()
        let json = try record.json()
        let decoded = try FigureRecord.decoder().decode(FigureRecord.self, from: json)
        #expect(try decoded.json() == json)
        #expect(decoded.csv() == record.csv())
        #expect(try spec.altText(decoded) == (try spec.altText(record)))
    }

    /// A figure drawn from a decoded record is the one drawn from the record itself, operation for operation.
    @Test func aDecodedRecordDrawsTheSameFigure() throws {
        let spec = try FigureSpec.parse("""
            kind: panels
            surface: booth
            steps: 25
            size: [400, 300]
            runs:
              - optimizer: SGD(lr=0.02, momentum=0.9)
                schedule: StepLR(step_size=10, gamma=0.5)
              - optimizer: Adam(lr=0.4)
            panels:
              - kind: loss
              - kind: state-overlay
                overlay: step-size
              - kind: schedules
                schedules:
                  - CosineAnnealingLR(T_max=25)
              - kind: l2-sweep
                lambdas: [0.001, 0.1, 10]
            """, file: "four.yaml")
        let record = try spec.simulate()
        let decoded = try FigureRecord.decoder().decode(FigureRecord.self, from: try record.json())
        let original = RecordingCanvas(size: Size(spec.width, spec.height)), copy = RecordingCanvas(size: Size(spec.width, spec.height))
        try spec.figure(record, theme: .light).draw(on: original, theme: .light)
        try spec.figure(decoded, theme: .light).draw(on: copy, theme: .light)
        #expect(original.operations.count > 50)
        #expect(original.operations == copy.operations)
    }

    @Test func csvHasOneRowPerPointAndQuotesLabels() throws {
        let spec = try FigureSpec.parse("""
            kind: panels
            surface: booth
            steps: 4
            runs:
              - optimizer: Adam(lr=0.5)
                label: 'Adam, fast'
            panels:
              - kind: loss
              - kind: schedules
                schedules:
                  - StepLR(step_size=2, gamma=0.5)
            """, file: "x.yaml")
        let record = try spec.simulate()
        let lines = record.csv().split(separator: "\n").map(String.init)
        #expect(lines[0] == "panel,kind,series,step,x,y,loss,lr")
        #expect(lines[1].hasPrefix("1,loss,\"Adam, fast\",0,"))
        #expect(lines.filter { $0.hasPrefix("1,loss,") }.count == 5)
        // The schedule's rows fill its own columns; the runs' columns stay empty.
        let schedule = lines.filter { $0.hasPrefix("2,schedules,") }
        #expect(schedule.count == 4)
        #expect(schedule[2] == "2,schedules,StepLR,2,,,,0.05")
    }

    @Test func nonFiniteStateSurvivesTheRoundTrip() throws {
        let trace = Trace(points: [SIMD2(0, 0)], losses: [1], lrs: [], divergedAt: 1,
                          state: [[StateEntry("exp_avg_sq", .vector([.infinity, 1])), StateEntry("step", .scalar(1))]])
        let record = FigureRecord(panels: [PanelRecord(kind: .loss, runs: [RunRecord(label: "a", optimizer: "Adam()", trace: trace)])])
        let json = try record.json()
        #expect(String(decoding: json, as: UTF8.self).contains("\"Infinity\""))
        let decoded = try FigureRecord.decoder().decode(FigureRecord.self, from: json)
        #expect(decoded.panels[0].runs?[0].trace.state?[0].vector("exp_avg_sq") == [.infinity, 1])
        #expect(decoded.panels[0].runs?[0].trace.divergedAt == 1)
    }
}
