// `descent-fuzz`: the fuzz targets of FuzzHarness.
//
// Built by `make fuzz` with `-sanitize=fuzzer -DFUZZING`, it hands the target named by DESCENT_FUZZ_TARGET
// (component, expression, mathtext, spec) to libFuzzer, which mutates the inputs in the corpus folders given
// on the command line. Built plainly, it replays the files of those folders once through the target, so a
// corpus can be checked without libFuzzer.
import DescentFuzzing
import Foundation

let name = ProcessInfo.processInfo.environment["DESCENT_FUZZ_TARGET"] ?? ""
guard let target = FuzzHarness.Target(rawValue: name) else {
    FileHandle.standardError.write(Data("set DESCENT_FUZZ_TARGET to one of: \(FuzzHarness.Target.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
    exit(2)
}
nonisolated(unsafe) let chosen = target

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runDriver(&argc, &argv) { data, count in
    FuzzHarness.run(chosen, UnsafeRawBufferPointer(start: data, count: count))
    return 0
})
#else
var replayed = 0
for folder in CommandLine.arguments.dropFirst() {
    for file in (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? [] {
        guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(file)) else { continue }
        data.withUnsafeBytes { FuzzHarness.run(chosen, $0) }
        replayed += 1
    }
}
print("replayed \(replayed) inputs through \(chosen.rawValue)")
#endif
