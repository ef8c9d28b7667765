import CairoBackend
import Dispatch
import Plotting
import Synchronization
import Testing

/// The same request and drawing give the same bytes, again and again and from several threads at once.
@Suite struct DeterminismTests {}

extension DeterminismTests {
    private static func drawBoth(_ canvas: any Canvas) {
        SampleFigure.draw(canvas)
        SampleFigure.drawOther(canvas)
    }

    @Test(arguments: FigureFormat.allCases)
    func twoRendersAreByteIdentical(_ format: FigureFormat) throws {
        let first = try FigureRenderer.render(SampleFigure.request(format), draw: Self.drawBoth)
        let second = try FigureRenderer.render(SampleFigure.request(format), draw: Self.drawBoth)
        #expect(first == second)
        #expect(!first.isEmpty)
    }

    @Test func concurrentRendersMatchSequentialOnes() throws {
        let requests = FigureFormat.allCases.flatMap { [SampleFigure.request($0), SampleFigure.request($0, scale: 2)] }
        let expected = try requests.map { try FigureRenderer.render($0, draw: Self.drawBoth) }
        // Every request rendered several times on two threads at once, interleaved with other formats.
        let jobs = Array(repeating: Array(requests.indices), count: 3).flatMap { $0 }
        let results = Mutex<[Int: [[UInt8]]]>([:])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            for (n, index) in jobs.enumerated() where n % 2 == thread {
                do {
                    let bytes = try FigureRenderer.render(requests[index], draw: Self.drawBoth)
                    results.withLock { $0[index, default: []].append(bytes) }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        let rendered = results.withLock { $0 }
        for index in requests.indices {
            let copies = rendered[index] ?? []
            #expect(copies.count == 3)
            #expect(copies.allSatisfy { $0 == expected[index] }, "\(requests[index].format) at scale \(requests[index].scale)")
        }
    }

    @Test func encodersRunInParallel() throws {
        // Animation frames: one encoder, many threads, each frame different.
        let encoder = PNGEncoder(options: PNGOptions(compressionLevel: 3))
        @Sendable func frame(_ k: Int) -> [UInt32] {
            (0..<(64 * 32)).map { i in UInt32(128 + k) << 24 | UInt32((i + k) % 128) << 16 | UInt32(k) << 8 | UInt32(i % 97) }
        }
        let sequential = try (0..<8).map { k in
            try frame(k).withUnsafeBytes { try encoder.encode(premultipliedARGB32: $0, width: 64, height: 32, stride: 256) }
        }
        let parallel = Mutex<[Int: [UInt8]]>([:])
        DispatchQueue.concurrentPerform(iterations: 8) { k in
            let bytes = try? frame(k).withUnsafeBytes { try encoder.encode(premultipliedARGB32: $0, width: 64, height: 32, stride: 256) }
            parallel.withLock { $0[k] = bytes }
        }
        let frames = parallel.withLock { $0 }
        #expect((0..<8).allSatisfy { frames[$0] == sequential[$0] })
    }
}
