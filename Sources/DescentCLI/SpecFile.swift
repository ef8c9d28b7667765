#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Simulation

/// The largest spec file read (specs are a few kilobytes; this keeps a stray multi-gigabyte file out of memory).
let maximumSpecBytes = 4 << 20

/// The text of the spec file at `path`, or one clear line saying why it cannot be read: no such file, a
/// folder, a FIFO, device or socket (which could block or never end), permission denied, too large, or not
/// UTF-8 text.
func readSpec(_ path: String) throws(InputError) -> String {
    var info = stat()
    guard stat(path, &info) == 0 else {
        let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno)).lowercased()
        throw InputError("cannot read spec '\(path)': \(reason)")
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw InputError("cannot read spec '\(path)': it is a folder, not a spec file")
    default: throw InputError("cannot read spec '\(path)': it is not a regular file (a FIFO, device or socket)")
    }
    guard Int(info.st_size) <= maximumSpecBytes else {
        throw InputError("cannot read spec '\(path)': it is \(info.st_size) bytes, more than the \(maximumSpecBytes >> 20) MB a spec may be")
    }
    guard access(path, R_OK) == 0 else { throw InputError("cannot read spec '\(path)': \(String(cString: strerror(errno)).lowercased())") }
    guard let data = FileManager.default.contents(atPath: path) else { throw InputError("cannot read spec '\(path)': reading failed") }
    guard let text = String(data: data, encoding: .utf8) else { throw InputError("cannot read spec '\(path)': it is not UTF-8 text") }
    return text
}
