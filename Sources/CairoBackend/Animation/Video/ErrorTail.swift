import Foundation
import Synchronization

/// The last 64 KiB a process writes to a pipe, read on a background thread until end of file.
final class ErrorTail: Sendable {
    private let bytes = Mutex<[UInt8]>([])
    private let done = DispatchSemaphore(value: 0)
    private static let limit = 1 << 16

    /// Starts draining `handle` (the read end of the process's standard error); the thread closes it at
    /// end of file.
    init(draining handle: FileHandle) {
        Thread.detachNewThread { [self] in
            // `read(upToCount:)` throws on a read error where `availableData` would trap.
            while let chunk = try? handle.read(upToCount: Self.limit), !chunk.isEmpty {
                bytes.withLock { tail in
                    tail.append(contentsOf: chunk)
                    if tail.count > Self.limit { tail.removeFirst(tail.count - Self.limit) }
                }
            }
            try? handle.close()
            done.signal()
        }
    }

    /// The last `count` non-empty lines, once the writer has closed the pipe (or after two seconds, should
    /// a grandchild have inherited it).
    func lastLines(_ count: Int) -> String {
        if done.wait(timeout: .now() + 2) == .success { done.signal() }
        let text = bytes.withLock { String(decoding: $0, as: UTF8.self) }
        return text.split(whereSeparator: \.isNewline).suffix(count).joined(separator: "\n")
    }
}
