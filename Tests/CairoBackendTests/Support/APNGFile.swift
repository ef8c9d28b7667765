import CairoBackend
import CPNG

/// An animated PNG read back independently of `APNGWriter`, for the tests: the structure checked as the
/// APNG specification requires, then every frame decoded and composited onto a canvas the way a browser
/// plays the file.
///
/// Chunks and their CRCs come from `PNGFile` (a bit-by-bit CRC); inflating uses zlib's `uncompress`; the
/// row filters are undone by `unfilter` below. Nothing here calls the writer's code.
struct APNGFile {
    /// One frame's control chunk (fcTL) and its data, inflated.
    struct Frame {
        var sequence: UInt32
        var x: Int, y: Int, width: Int, height: Int
        var delayNumerator: Int, delayDenominator: Int
        var dispose: Int
        var blend: Int
        /// The frame's filtered rows as stored (IDAT or fdAT, concatenated and inflated).
        var raw: [UInt8]
        /// The data chunks' lengths (without fdAT sequence numbers).
        var chunkSizes: [Int]
    }

    /// The canvas after one frame and how long it is shown.
    struct Shown {
        /// Straight R,G,B,A, row by row.
        var rgba: [UInt8]
        var delayNumerator: Int
        var delayDenominator: Int
    }

    typealias Failure = PNGFile.Failure

    let file: PNGFile
    /// acTL's num_frames and num_plays.
    let frameCount: Int
    let plays: Int
    let frames: [Frame]
    /// Whether the first frame is the PNG's default image (its fcTL comes before IDAT).
    let defaultImageIsFirstFrame: Bool

    var width: Int { file.width }
    var height: Int { file.height }

    /// Parses and checks `bytes`: PNG structure and every CRC, IHDR (8-bit, colour type 2 or 6, not
    /// interlaced), acTL before the image data with a frame count equal to the number of fcTL chunks,
    /// sequence numbers 0, 1, 2, … over fcTL and fdAT chunks, frame rectangles inside the canvas, the first
    /// frame covering the canvas, and each frame's data inflating to exactly its rows.
    init(_ bytes: [UInt8]) throws {
        file = try PNGFile(bytes)
        let width = file.width, height = file.height
        let invalid = file.chunks.filter { !$0.crcIsValid }.map(\.type)
        guard invalid.isEmpty else { throw Failure(description: "invalid CRC in \(invalid)") }
        guard file.chunks.last?.type == "IEND", file.chunks.last?.data.isEmpty == true else {
            throw Failure(description: "the file does not end with IEND")
        }
        guard file.bitDepth == 8, file.colorType == 2 || file.colorType == 6, file.interlace == 0 else {
            throw Failure(description: "unsupported IHDR: depth \(file.bitDepth), colour type \(file.colorType)")
        }
        let types = file.chunks.map(\.type)
        guard let actlIndex = types.firstIndex(of: "acTL"), types.filter({ $0 == "acTL" }).count == 1,
              let idatIndex = types.firstIndex(of: "IDAT"), actlIndex < idatIndex else {
            throw Failure(description: "there must be one acTL, before IDAT (chunks: \(types))")
        }
        let actl = file.chunks[actlIndex].data
        guard actl.count == 8 else { throw Failure(description: "acTL has \(actl.count) bytes") }
        frameCount = Int(Self.uint32(actl, 0))
        plays = Int(Self.uint32(actl, 4))

        // Walk the chunks: each fcTL starts a frame whose data is the IDAT run that follows it (first frame
        // only) or the fdAT chunks that follow it.
        var frames: [Frame] = []
        var expectedSequence: UInt32 = 0
        var idatSeen = false, idatEnded = false, defaultIsFrame = false
        var compressed: [UInt8] = []
        func close(_ frames: inout [Frame]) {
            guard !frames.isEmpty, !compressed.isEmpty else { return }
            frames[frames.count - 1].raw = compressed
            compressed = []
        }
        for (index, chunk) in file.chunks.enumerated() {
            switch chunk.type {
            case "fcTL":
                guard chunk.data.count == 26 else { throw Failure(description: "fcTL has \(chunk.data.count) bytes") }
                let sequence = Self.uint32(chunk.data, 0)
                guard sequence == expectedSequence else {
                    throw Failure(description: "fcTL sequence \(sequence), expected \(expectedSequence)")
                }
                expectedSequence += 1
                close(&frames)
                if !idatSeen, frames.isEmpty { defaultIsFrame = true }
                let d = chunk.data
                let frame = Frame(sequence: sequence, x: Int(Self.uint32(d, 12)), y: Int(Self.uint32(d, 16)),
                                  width: Int(Self.uint32(d, 4)), height: Int(Self.uint32(d, 8)),
                                  delayNumerator: Int(d[20]) << 8 | Int(d[21]),
                                  delayDenominator: Int(d[22]) << 8 | Int(d[23]), dispose: Int(d[24]),
                                  blend: Int(d[25]), raw: [], chunkSizes: [])
                guard frame.width > 0, frame.height > 0, frame.x + frame.width <= width,
                      frame.y + frame.height <= height else {
                    throw Failure(description: "frame \(frames.count) at \(frame.x),\(frame.y) (\(frame.width)×\(frame.height)) "
                                  + "leaves the \(width)×\(height) canvas")
                }
                guard frame.dispose <= 2, frame.blend <= 1 else {
                    throw Failure(description: "frame \(frames.count): dispose \(frame.dispose), blend \(frame.blend)")
                }
                frames.append(frame)
            case "IDAT":
                guard !idatEnded else { throw Failure(description: "IDAT chunks are not consecutive") }
                idatSeen = true
                if defaultIsFrame, frames.count == 1 {
                    compressed += chunk.data
                    frames[0].chunkSizes.append(chunk.data.count)
                }
                if index + 1 < file.chunks.count, file.chunks[index + 1].type != "IDAT" { idatEnded = true }
            case "fdAT":
                guard chunk.data.count > 4 else { throw Failure(description: "empty fdAT") }
                let sequence = Self.uint32(chunk.data, 0)
                guard sequence == expectedSequence else {
                    throw Failure(description: "fdAT sequence \(sequence), expected \(expectedSequence)")
                }
                expectedSequence += 1
                guard idatSeen, !frames.isEmpty, !(defaultIsFrame && frames.count == 1) else {
                    throw Failure(description: "fdAT chunk without a frame to belong to")
                }
                compressed += chunk.data[4...]
                frames[frames.count - 1].chunkSizes.append(chunk.data.count - 4)
            default:
                break
            }
        }
        close(&frames)
        guard frameCount == frames.count, frameCount > 0 else {
            throw Failure(description: "acTL says \(frameCount) frames, the file has \(frames.count) fcTL chunks")
        }
        if defaultIsFrame {
            let first = frames[0]
            guard first.x == 0, first.y == 0, first.width == width, first.height == height else {
                throw Failure(description: "the first frame does not cover the canvas")
            }
        }
        // Inflate each frame's data to exactly its rows.
        let channels = file.channels
        for i in frames.indices {
            frames[i].raw = try Self.inflate(frames[i].raw, count: frames[i].height * (1 + frames[i].width * channels))
        }
        self.frames = frames
        defaultImageIsFirstFrame = defaultIsFrame
    }

    /// The canvas after each frame, composited as APNG specifies: the canvas starts fully transparent;
    /// each frame's rectangle replaces it (SOURCE) or is composited over it (OVER); afterwards the
    /// rectangle is kept (dispose NONE), cleared (BACKGROUND) or restored (PREVIOUS).
    func play() throws -> [Shown] {
        var canvas = [UInt8](repeating: 0, count: width * height * 4)
        var shown: [Shown] = []
        for (k, frame) in frames.enumerated() {
            let pixels = try unfilter(frame.raw, width: frame.width, height: frame.height, channels: file.channels)
            let saved = canvas
            for row in 0..<frame.height {
                for column in 0..<frame.width {
                    let s = (row * frame.width + column) * 4
                    let d = ((frame.y + row) * width + frame.x + column) * 4
                    let source = Array(pixels[s..<(s + 4)])
                    let result = frame.blend == 0 ? source : Self.over(source, Array(canvas[d..<(d + 4)]))
                    canvas.replaceSubrange(d..<(d + 4), with: result)
                }
            }
            shown.append(Shown(rgba: canvas, delayNumerator: frame.delayNumerator,
                               delayDenominator: frame.delayDenominator))
            // The first frame's PREVIOUS is treated as BACKGROUND.
            let dispose = k == 0 && frame.dispose == 2 ? 1 : frame.dispose
            if dispose == 1 {
                for row in 0..<frame.height {
                    let d = ((frame.y + row) * width + frame.x) * 4
                    canvas.replaceSubrange(d..<(d + 4 * frame.width), with: repeatElement(0, count: 4 * frame.width))
                }
            } else if dispose == 2 {
                canvas = saved
            }
        }
        return shown
    }

    /// Straight-alpha `source` composited over `destination` (both R,G,B,A), by the APNG specification's
    /// formula: with u = 255·αs and v = (255 − αs)·αd, each colour is (cs·u + cd·v) / (u + v) and the
    /// alpha (u + v) / 255, rounded. Exact for αs = 0 (the destination) and αs = 255 (the source).
    static func over(_ source: [UInt8], _ destination: [UInt8]) -> [UInt8] {
        let alpha = Int(source[3])
        if alpha == 255 { return source }
        if alpha == 0 { return destination }
        let u = 255 * alpha, v = (255 - alpha) * Int(destination[3]), total = u + v
        let colour = (0..<3).map { UInt8((Int(source[$0]) * u + Int(destination[$0]) * v + total / 2) / total) }
        return colour + [UInt8((total + 127) / 255)]
    }

    /// Inflates a zlib stream that must hold exactly `count` bytes.
    static func inflate(_ compressed: [UInt8], count: Int) throws -> [UInt8] {
        var size = UInt(count + 1)  // one spare byte, to notice a stream that is too long
        var out = [UInt8](repeating: 0, count: count + 1)
        let status = out.withUnsafeMutableBufferPointer { o in
            compressed.withUnsafeBufferPointer { c in uncompress(o.baseAddress, &size, c.baseAddress, UInt(c.count)) }
        }
        guard status == Z_OK, Int(size) == count else {
            throw Failure(description: "zlib status \(status), \(size) bytes where \(count) were expected")
        }
        return Array(out[0..<count])
    }

    private static func uint32(_ bytes: [UInt8], _ i: Int) -> UInt32 {
        UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
    }
}

/// Undoes PNG's row filters on `raw` (`height` rows, each a filter type byte and `width × channels`
/// bytes) and returns the pixels as R,G,B,A (alpha 255 when `channels` is 3).
func unfilter(_ raw: [UInt8], width: Int, height: Int, channels: Int) throws -> [UInt8] {
    let stride = width * channels
    guard raw.count == height * (stride + 1) else {
        throw PNGFile.Failure(description: "\(raw.count) bytes are not \(height) filtered rows of \(stride) bytes")
    }
    var previous = [UInt8](repeating: 0, count: stride)
    var result: [UInt8] = []
    result.reserveCapacity(width * height * 4)
    for y in 0..<height {
        let start = y * (stride + 1)
        let filter = raw[start]
        var row = Array(raw[(start + 1)...(start + stride)])
        for i in 0..<stride {
            let left = i >= channels ? Int(row[i - channels]) : 0
            let up = Int(previous[i])
            let upLeft = i >= channels ? Int(previous[i - channels]) : 0
            let prediction: Int
            switch filter {
            case 0: prediction = 0
            case 1: prediction = left
            case 2: prediction = up
            case 3: prediction = (left + up) / 2
            case 4:
                let p = left + up - upLeft
                let (pa, pb, pc) = (abs(p - left), abs(p - up), abs(p - upLeft))
                prediction = pa <= pb && pa <= pc ? left : (pb <= pc ? up : upLeft)
            default: throw PNGFile.Failure(description: "unknown filter \(filter) in row \(y)")
            }
            row[i] = UInt8(truncatingIfNeeded: Int(row[i]) + prediction)
        }
        for x in 0..<width {
            result += row[(x * channels)..<(x * channels + 3)]
            result.append(channels == 4 ? row[x * channels + 3] : 255)
        }
        previous = row
    }
    return result
}

// MARK: - Frames for the tests

/// The ARGB32 word `a<<24 | r<<16 | g<<8 | b` (components as given: premultiplied when a < 255).
func argbWord(a: Int, r: Int, g: Int, b: Int) -> UInt32 {
    UInt32(a) << 24 | UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
}

/// A reproducible pseudo-random generator (xorshift64*), so noisy test frames are the same every run.
struct TestRandom {
    var state: UInt64
    mutating func next() -> UInt32 {
        state ^= state >> 12; state ^= state << 25; state ^= state >> 27
        return UInt32(truncatingIfNeeded: (state &* 0x2545_F491_4F6C_DD1D) >> 32)
    }
}

/// The straight R,G,B,A bytes that a PNG of `frame` must decode to: each premultiplied component p of a
/// pixel with alpha a becomes ⌊(p·255 + ⌊a/2⌋) / a⌋ clamped to 255, and 0 when a is 0.
func straightRGBA(of frame: FrameImage) -> [UInt8] {
    frame.pixels.flatMap { word -> [UInt8] in
        let a = Int(word >> 24)
        let colour = [16, 8, 0].map { shift -> UInt8 in
            let p = Int((word >> UInt32(shift)) & 0xFF)
            return a == 0 ? 0 : UInt8(min(255, (p * 255 + a / 2) / a))
        }
        return colour + [UInt8(a)]
    }
}
