import Simulation
import Testing

/// The component syntax: Python literals, nesting, and errors that say where.
@Suite struct ComponentParserTests {}

extension ComponentParserTests {
    @Test func literals() throws {
        let component = try Component.parse(
            "Thing(a=1, b=-2.5e-3, c=True, d=false, e=None, f='text', g=\"q\", h=(0.9, 0.999), i=[30, 60], j=(1,), k=(2), l=+.5, m=-inf)")
        let values = component.arguments.map(\.value)
        #expect(values == [
            .integer(1), .number(-2.5e-3), .boolean(true), .boolean(false), .none, .string("text"), .string("q"),
            .tuple([.number(0.9), .number(0.999)]), .list([.integer(30), .integer(60)]), .tuple([.integer(1)]),
            .integer(2), .number(0.5), .number(-.infinity),
        ])
        #expect(component.arguments.map(\.key) == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"])
    }

    @Test func nestedComponentsAndBareNames() throws {
        let component = try Component.parse(
            "SequentialLR(schedulers=[LinearLR(start_factor=0.1, total_iters=5), CosineAnnealingLR(T_max=95)], milestones=[5])")
        guard case .list(let children) = component.arguments[0].value, case .component(let first) = children[0] else {
            Issue.record("expected a list of components")
            return
        }
        #expect(first.name == "LinearLR")
        #expect(first.arguments[1].value == .integer(5))
        #expect(try Component.parse("Adam").arguments.isEmpty)
        #expect(try Component.parse("  Adam ( ) ").name == "Adam")
    }

    @Test func absurdNestingIsRefusedNotACrash() {
        #expect(throws: InputError.self) { try Component.parse("A(x=" + String(repeating: "[", count: 100_000) + ")") }
        #expect(throws: InputError.self) { try Component.parse("A(x='" + String(repeating: "a", count: 20_000) + "')") }
    }

    @Test func descriptionRoundTrips() throws {
        let text = "Adam(lr=0.01, betas=(0.9, 0.99), amsgrad=True, name='x', milestones=[1, 2], t=(3,))"
        #expect(try Component.parse(text).description == text)
    }

    @Test(arguments: [
        ("Adam(lr=0.1", 12, "expected ')' to close the arguments of 'Adam'"),
        ("Adam(lr=)", 9, "expected a value"),
        ("Adam(lr=0.1 betas=(0.9, 0.99))", 13, "expected ',' or ')' in the arguments of 'Adam'"),
        ("Adam(betas=(0.9, 0.99)", 23, "expected ')' to close the arguments of 'Adam'"),
        ("Adam(betas=(0.9, 0.99)", 23, "expected ')'"),
        ("Adam(lr=0.1))", 13, "unexpected ')' after the component"),
        ("Adam(lr=1e)", 11, "expected the digits of an exponent"),
        ("Adam(lr=0.1x)", 12, "unexpected 'x' after a number"),
        ("Adam(name='abc)", 11, "unterminated string"),
        ("", 1, "expected a name"),
        ("(lr=1)", 1, "expected a name"),
        ("Adam(lr==1)", 9, "use a single '='"),
        ("SGD(milestones=[1, 2)", 21, "expected ',' or ']'"),
    ])
    func syntaxErrors(_ text: String, _ column: Int, _ message: String) {
        let error = #expect(throws: InputError.self) { try Component.parse(text) }
        #expect(error?.column == column, "\(text): \(error?.message ?? "")")
        #expect(error?.message.hasPrefix(message) == true, "\(text): \(error?.message ?? "")")
    }
}
