// The `descent` command: everything lives in DescentCLI so tests can run it in-process.
import DescentCLI

CommandRunner.main()
