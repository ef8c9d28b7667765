import Descent
import Foundation
import Testing

/// The README's Swift example ("Using the library from Swift"), run as a user's program would run it.
///
/// The code between the `README: begin` and `README: end` markers below must be the README's code block line
/// for line (comments, blank lines and the `import` aside); ``theExampleIsTheReadmesCode()`` reads both files and
/// fails as soon as one changes without the other.
@Suite struct ReadmeExampleTests {}

extension ReadmeExampleTests {
    @Test func theReadmeExampleWorks() throws {
        // The example prints; here what it prints is kept and checked.
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        // README: begin
        let adam = try Adam(lr: 0.05)
        let trace = Trace.run(surface: Rosenbrock(), optimizer: adam, steps: 300)
        print(trace.points.last!, trace.losses.last!)

        let spec = try Surfaces.make("himmelblau(noise=1, seed=2)")
        let optimizer = try Optimizers.make("SGD(lr=0.01, momentum=0.9)")
        let noisy = Trace.run(surface: spec.surface, optimizer: optimizer, steps: 100, noise: spec.noise, recordState: true)
        print(noisy.json())

        var sgd = try SGD(lr: 0.1, momentum: 0.9)
        var weights = [0.5, -1.0, 2.0, 0.0]
        sgd.step(&weights, gradient: [0.1, 0.2, -0.3, 0.4])

        var lbfgs = try LBFGS(lineSearch: .strongWolfe)
        var point = [3.0, -2.0]
        lbfgs.step(&point) { p, gradient in
            gradient[0] = 2 * p[0]
            gradient[1] = 20 * p[1]
            return p[0] * p[0] + 10 * p[1] * p[1]
        }

        // Figures from specs: read once, simulate once, then draw, describe or export the record.
        let figureSpec = try FigureSpec.parse("""
            kind: loss
            surface: rosenbrock
            runs:
              - optimizer: Adam(lr=0.05)
            """, file: "loss.yaml")
        let record = try figureSpec.simulate()
        let figure = try figureSpec.figure(record, theme: .light)
        let description = try figureSpec.altText(record)
        let data = try record.json()
        // README: end

        #expect(trace.points.count == 301)
        #expect(trace.losses.last! < trace.losses.first!)
        #expect(printed.count == 2)
        #expect(printed.first == "\(trace.points.last!) \(trace.losses.last!)")
        #expect(printed.last?.hasPrefix("{\"points\": ") == true)
        #expect(noisy.state?.count == 100)
        #expect(weights == [0.5 - 0.1 * 0.1, -1.0 - 0.1 * 0.2, 2.0 + 0.1 * 0.3, 0.0 - 0.1 * 0.4])
        // PyTorch stops here too: the loss changes by less than tolerance_change (1e-9).
        #expect(abs(point[0]) < 1e-4 && abs(point[1]) < 1e-4)
        // The figure, its description and its data come from the one record.
        #expect(figure.panels.count == 1)
        #expect(description.contains("Loss against step for one run (Adam) on rosenbrock"))
        let decoded = try FigureRecord.decoder().decode(FigureRecord.self, from: data)
        #expect(decoded.panels[0].runs?[0].trace.losses == record.panels[0].runs?[0].trace.losses)
        #expect(decoded.panels[0].runs?[0].trace.points.count == 101)
    }

    @Test func theExampleIsTheReadmesCode() throws {
        let testFile = URL(fileURLWithPath: #filePath)
        let readme = testFile.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let readmeText = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(readmeText.range(of: "## Using the library from Swift\n"), "README.md has no such section")
        let opening = try #require(readmeText.range(of: "```swift\n", range: section.upperBound..<readmeText.endIndex))
        let closing = try #require(readmeText.range(of: "\n```", range: opening.upperBound..<readmeText.endIndex))
        let readmeCode = Self.codeLines(readmeText[opening.upperBound..<closing.lowerBound])

        let testText = try String(contentsOf: testFile, encoding: .utf8)
        let begin = try #require(testText.range(of: "// README: begin\n"))
        let end = try #require(testText.range(of: "// README: end", range: begin.upperBound..<testText.endIndex))
        let testCode = Self.codeLines(testText[begin.upperBound..<end.lowerBound])

        #expect(readmeCode.count > 10)
        #expect(testCode == readmeCode)
    }

    /// The lines of `code` that are code: trimmed, without blank lines, comments and imports.
    static func codeLines(_ code: Substring) -> [String] {
        code.split(separator: "\n").map { String($0.drop(while: \.isWhitespace)) }
            .filter { !$0.isEmpty && !$0.hasPrefix("//") && !$0.hasPrefix("import ") }
    }
}
