import Foundation
import Simulation
import Testing

/// One scheduler as a reference case writes it: a class name and its keyword arguments, where
/// `schedulers` (SequentialLR, ChainedScheduler) holds nested schedulers.
struct ScheduleSpec: Decodable, Sendable {
    /// A keyword argument: a plain JSON value or a list of nested schedulers.
    enum Argument: Decodable, Sendable {
        case value(JSONValue)
        case schedulers([ScheduleSpec])

        init(from decoder: Decoder) throws {
            if let children = try? [ScheduleSpec](from: decoder) {
                self = .schedulers(children)
            } else {
                self = .value(try JSONValue(from: decoder))
            }
        }

        var componentText: String {
            switch self {
            case .value(.array(let values)): "[" + values.map(\.componentText).joined(separator: ", ") + "]"
            case .value(let value): value.componentText
            case .schedulers(let children): "[" + children.map(\.componentText).joined(separator: ", ") + "]"
            }
        }
    }

    var scheduler: String
    var params: [String: Argument]

    /// The scheduler in the component syntax a user writes, keys sorted so the text is stable:
    /// `SequentialLR(milestones=[5], schedulers=[LinearLR(start_factor=0.1, total_iters=5), ...])`.
    var componentText: String {
        let arguments = params.keys.sorted().map { "\($0)=\(params[$0]!.componentText)" }
        return "\(scheduler)(\(arguments.joined(separator: ", ")))"
    }
}

/// One learning-rate schedule recorded from PyTorch 2.15.0 in float64 (see Fixtures/README.md).
struct ScheduleCase: Decodable, Sendable, CustomTestStringConvertible {
    struct OptimizerSpec: Decodable, Sendable {
        var type: String
        var lr: Double
        var momentum: Double?
        var betas: [Double]?
    }

    var id: String
    var scheduler: String
    var params: [String: ScheduleSpec.Argument]
    var optimizer: OptimizerSpec
    var epochs: Int
    var lrs: [Double]
    var record_momentum: String?
    var momentums: [Double]?
    var metrics: [Double]?

    var testDescription: String { id }

    var schedulerComponent: String { ScheduleSpec(scheduler: scheduler, params: params).componentText }

    var optimizerComponent: String {
        var arguments = ["lr=\(optimizer.lr)"]
        if let momentum = optimizer.momentum { arguments.append("momentum=\(momentum)") }
        if let betas = optimizer.betas { arguments.append("betas=(\(betas.map { "\($0)" }.joined(separator: ", ")))") }
        return "\(optimizer.type)(\(arguments.joined(separator: ", ")))"
    }
}

struct ScheduleFile: Decodable {
    var torch_version: String
    var cases: [ScheduleCase]

    static let reference: ScheduleFile = {
        guard let url = Bundle.module.url(forResource: "schedules", withExtension: "json", subdirectory: "Fixtures") else {
            fatalError("missing fixture schedules.json")
        }
        do {
            return try JSONDecoder().decode(ScheduleFile.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read fixture schedules.json: \(error)")
        }
    }()
}

/// The schedules' reference tolerance: |ours − ref| ≤ 1e-15 + 1e-12·|ref|.
func closeToSchedule(_ ours: Double, _ reference: Double) -> Bool {
    abs(ours - reference) <= 1e-15 + 1e-12 * abs(reference)
}
