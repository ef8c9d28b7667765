/// A PNG decoded by `PNGFile`, with pixel access for the tests.
struct DecodedImage {
    let file: PNGFile
    let rgba: [UInt8]

    init(_ png: [UInt8]) throws {
        file = try PNGFile(png)
        rgba = try file.rgba()
    }

    var width: Int { file.width }
    var height: Int { file.height }

    /// Straight R, G, B, A of pixel (x, y).
    func pixel(_ x: Int, _ y: Int) -> [Int] {
        let i = (y * width + x) * 4
        return rgba[i..<(i + 4)].map(Int.init)
    }
}

/// Whether two pixels agree within `tolerance` in every channel.
func close(_ a: [Int], _ b: [Int], tolerance: Int = 1) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
}

/// A colour component in [0, 1] as an 8-bit value.
func byte(_ component: Double) -> Int { Int((component * 255).rounded()) }
