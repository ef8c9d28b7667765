import Plotting
import Testing

@Suite struct MathTextErrorTests {}

extension MathTextErrorTests {
    /// The error `MathText(source)` throws; fails the test when it throws none.
    func error(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> MathTextError? {
        do {
            _ = try MathText(source)
            Issue.record("no error for \(source)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownCommandSuggestsTheClosest() throws {
        let thrown = try #require(error("Adam: $\\thetta_t$"))
        #expect(thrown.kind == .unknownCommand("thetta", suggestion: "theta"))
        #expect(thrown.column == 8)
        #expect(thrown.description.contains("column 8"))
        #expect(thrown.description.contains("did you mean \\theta?"))
        #expect(error("$\\nabal f$")?.kind == .unknownCommand("nabal", suggestion: "nabla"))
        #expect(error("$\\qwertyuiop$")?.kind == .unknownCommand("qwertyuiop", suggestion: nil))
    }

    @Test(arguments: [
        ("Adam: $x", MathTextError.Kind.unclosedFormula, 7),
        ("${x$", .unclosedBrace, 2),
        ("$x}$", .unexpectedClosingBrace, 3),
        ("$\\frac{a}$", .missingArgument(command: "\\frac"), 2),
        ("$\\sqrt$", .missingArgument(command: "\\sqrt"), 2),
        ("$x^$", .missingArgument(command: "^"), 3),
        ("$x_{}_b$", .doubleScript("subscript"), 6),
        ("$x^a^b$", .doubleScript("superscript"), 5),
        ("$\\sqrt[3{x}$", .unclosedBracket, 7),
        ("$\\text{ab$", .unclosedBrace, 7),
        ("ab $x\\$", .unclosedFormula, 4),
        ("$\\left( x$", .unmatchedDelimiter("left"), 2),
        ("$x \\right)$", .unmatchedDelimiter("right"), 4),
        ("$\\left( {x \\right)}$", .unmatchedDelimiter("right"), 12),
        ("$\\left x \\right)$", .notADelimiter("x"), 8),
    ])
    func malformedMarkupNamesItsColumn(source: String, kind: MathTextError.Kind, column: Int) {
        let thrown = error(source)
        #expect(thrown?.kind == kind)
        #expect(thrown?.column == column)
    }

    @Test func deepNestingIsRefused() {
        let deep = "$" + String(repeating: "{", count: 200) + "x" + String(repeating: "}", count: 200) + "$"
        #expect(error(deep)?.kind == .nestedTooDeeply)
        let fine = "$" + String(repeating: "{", count: 10) + "x" + String(repeating: "}", count: 10) + "$"
        #expect((try? MathText(fine)) != nil)
    }

    @Test func drawLabelThrowsAndDrawsNothing() {
        let canvas = RecordingCanvas(size: Size(100, 100))
        #expect(throws: MathTextError.self) {
            try canvas.drawLabel("$\\alpah$", at: Point(0, 0), font: Font(size: 10), color: .black)
        }
        #expect(canvas.operations.isEmpty)
    }
}
