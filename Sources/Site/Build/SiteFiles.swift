import CairoBackend
import Foundation

/// Writing the site's files: atomically (a temporary name, then a rename), and only when the bytes change.
enum SiteFiles {
    /// Writes `bytes` to `path` unless the file already holds exactly them. Returns whether it wrote.
    @discardableResult
    static func write(_ bytes: [UInt8], to path: String) throws -> Bool {
        if let existing = FileManager.default.contents(atPath: path), existing.count == bytes.count, Array(existing) == bytes { return false }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try AtomicFile.write(bytes, to: path, durable: false)
        return true
    }

    /// Removes the temporary files (`.NAME.tmp-…`) a killed build left in `folder` and its sub-folders.
    static func removeTemporaries(in folder: String) {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return }
        for case let file as String in walker {
            let name = (file as NSString).lastPathComponent
            if name.hasPrefix("."), name.contains(".tmp-") { try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(file)) }
        }
    }
}
