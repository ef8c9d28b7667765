import Foundation
import Simulation

/// The text of the spec file at `path`, or one clear line saying why it cannot be read.
func readSpec(_ path: String) throws(InputError) -> String {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        throw InputError("cannot read spec '\(path)'" + (FileManager.default.fileExists(atPath: path) ? " (not UTF-8 text)" : " (no such file)"))
    }
    return text
}
