import Foundation
import Simulation
import Testing

/// A JSON value from a reference file, with integers kept apart from floats.
enum JSONValue: Decodable, Sendable {
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case string(String)
    case array([JSONValue])
    case null

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .boolean(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else { self = .array(try container.decode([JSONValue].self)) }
    }

    /// The value in the component syntax (Python literals), so a case can be fed through the same parser
    /// a user's text goes through.
    var componentText: String {
        switch self {
        case .integer(let value): String(value)
        case .number(let value): "\(value)"
        case .boolean(let value): value ? "True" : "False"
        case .string(let value): "'\(value)'"
        case .array(let values): "(" + values.map(\.componentText).joined(separator: ", ") + ")"
        case .null: "None"
        }
    }
}

/// One optimizer trajectory recorded from PyTorch 2.15.0 in float64 (see Fixtures/README.md).
struct OptimizerCase: Decodable, Sendable, CustomTestStringConvertible {
    struct Sensitivity: Decodable, Sendable {
        var reliable_steps: Int
    }

    var id: String
    var function: String
    var formula: String
    var optimizer: String
    var hyperparams: [String: JSONValue]
    var start: [Double]
    var steps: Int
    var diverges: Bool
    var well_conditioned: Bool
    var sensitivity: Sensitivity
    var losses: [Double]
    var final_loss: Double
    var trajectory: [[Double]]
    /// ASGD only: the averaged parameter after each step.
    var ax: [[Double]]?

    var testDescription: String { id }

    /// The optimizer as a component, keys sorted so the text is stable.
    var optimizerComponent: String {
        let arguments = hyperparams.keys.sorted().map { "\($0)=\(hyperparams[$0]!.componentText)" }
        return "\(optimizer)(\(arguments.joined(separator: ", ")))"
    }

    /// How many leading steps must meet the tolerance: all for well-conditioned cases.
    var checkedSteps: Int { well_conditioned ? steps : sensitivity.reliable_steps }
}

struct ReferenceFile: Decodable {
    struct Function: Decodable {
        var formula: String
        var known_minima: [[Double]]
    }

    var torch_version: String
    var functions: [String: Function]
    var cases: [OptimizerCase]

    static func load(_ name: String) -> ReferenceFile {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            fatalError("missing fixture \(name).json")
        }
        do {
            return try JSONDecoder().decode(ReferenceFile.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read fixture \(name).json: \(error)")
        }
    }

    static let optimizers = load("optimizers")
    static let extra = load("optimizers-extra")
}

/// PyTorch's reference tolerance: |ours − ref| ≤ 1e-8·max(1, |ref|).
func closeToReference(_ ours: Double, _ reference: Double, tolerance: Double = 1e-8) -> Bool {
    abs(ours - reference) <= tolerance * max(1, abs(reference))
}

/// Relative closeness for independent derivations of the same quantity.
func isClose(_ a: Double, _ b: Double, relative: Double = 1e-12, absolute: Double = 1e-12) -> Bool {
    abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}
