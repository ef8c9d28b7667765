import Foundation

/// The Python interpreter to try: `$DESCENT_PYTHON`, else `python3`.
let pythonExecutable = ProcessInfo.processInfo.environment["DESCENT_PYTHON"] ?? "python3"

/// Runs `python` with `arguments` and standard input `input`; `nil` when it cannot be started.
func runPython(_ arguments: [String], input: String = "") -> (status: Int32, output: String)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [pythonExecutable] + arguments
    let stdin = Pipe(), stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try? stdin.fileHandleForWriting.close()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Whether `import torch` (and pytorch_optimizer, for Lion) works here.
let torchAvailable = runPython(["-c", "import torch"])?.status == 0
let pytorchOptimizerAvailable = torchAvailable && runPython(["-c", "import pytorch_optimizer"])?.status == 0
