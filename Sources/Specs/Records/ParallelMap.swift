import Dispatch

/// `body(0) … body(count − 1)` on every core, the results in order: the same array as a serial map for any
/// number of threads, since each item is computed on its own.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let results = ResultSlots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { k in results.store(body(k), at: k) }
    return results.values
}

/// Slots that concurrent workers fill, each at its own index: a buffer allocated once, so that no worker
/// copies or reallocates storage another is writing to.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<T?>

    init(_ count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) { slots[index] = value }

    var values: [T] { slots.map { $0! } }
}
