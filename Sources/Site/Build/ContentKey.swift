/// A 64-bit FNV-1a hash of everything that decides some output's bytes, written as 16 hex digits: the key
/// that tells the builder an output is up to date.
///
/// FNV-1a: h₀ = 14695981039346656037; for each byte b, h ← (h ⊕ b) · 1099511628211 (mod 2⁶⁴). Parts are
/// separated by a 0xFF byte (which UTF-8 text never contains), so ("ab", "c") and ("a", "bc") differ. It is
/// not a cryptographic hash: it tells versions apart, it does not resist forgery.
struct ContentKey: Sendable, Equatable, CustomStringConvertible {
    private(set) var value: UInt64 = 14_695_981_039_346_656_037

    init() {}

    /// The key of `parts`, in order.
    init(_ parts: [String]) {
        for part in parts { add(part) }
    }

    mutating func add(_ part: String) {
        add(bytes: part.utf8)
        add(bytes: [0xFF])
    }

    mutating func add(bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 1_099_511_628_211
        }
    }

    var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
