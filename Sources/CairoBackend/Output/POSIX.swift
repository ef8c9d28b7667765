#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// POSIX calls under names of their own, for the types of this module that have methods called `write`,
// `close` or `cancel` of their own (inside them, the bare C names would mean the methods).

/// `write(2)`.
func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #elseif canImport(Musl)
    Musl.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}

/// `close(2)`.
func systemClose(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(descriptor)
    #elseif canImport(Musl)
    Musl.close(descriptor)
    #else
    Darwin.close(descriptor)
    #endif
}

/// `kill(2)`.
func systemKill(_ process: Int32, _ signal: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.kill(process, signal)
    #elseif canImport(Musl)
    Musl.kill(process, signal)
    #else
    Darwin.kill(process, signal)
    #endif
}
