import Foundation

/// The JSON of `descent trace`, decoded exactly (JSONDecoder reads Doubles without loss).
struct TraceJSON: Decodable {
    var points: [[Double]]
    var losses: [Double]
    var lrs: [Double]
    var diverged_at: Int?

    init(_ text: String) throws {
        self = try JSONDecoder().decode(TraceJSON.self, from: Data(text.utf8))
    }
}

/// The JSON of `descent schedule`, read exactly.
struct ScheduleJSON: Decodable {
    var lrs: [Double]
    var momentum: [Double]?
}
