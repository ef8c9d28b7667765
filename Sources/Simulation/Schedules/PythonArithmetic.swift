#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Python's arithmetic where it differs from Swift's, for the schedulers that must reproduce PyTorch's
/// Python code: floor division and modulo, `bisect_right`, and the `ZeroDivisionError`s that Python raises
/// where IEEE arithmetic would return an infinity or a NaN.
///
/// Each throwing helper takes `context`, the scheduler and argument to blame, for the message.
enum PythonArithmetic {
    /// `a / b` for floats; Python raises on a zero divisor.
    static func divide(_ a: Double, _ b: Double, _ context: @autoclosure () -> String) throws(InputError) -> Double {
        guard b != 0 else { throw zeroDivision(context(), "float division by zero") }
        return a / b
    }

    /// `a / b` for two Python ints (true division, correctly rounded for the magnitudes used here).
    static func divide(_ a: Int, _ b: Int, _ context: @autoclosure () -> String) throws(InputError) -> Double {
        guard b != 0 else { throw zeroDivision(context(), "division by zero") }
        return Double(a) / Double(b)
    }

    /// `a % b` for ints: the remainder has the divisor's sign (floor modulo).
    static func modulo(_ a: Int, _ b: Int, _ context: @autoclosure () -> String) throws(InputError) -> Int {
        guard b != 0 else { throw zeroDivision(context(), "integer modulo by zero") }
        let remainder = a % b
        return remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder
    }

    /// `a // b` for ints: the quotient rounded towards −∞.
    static func floorDivide(_ a: Int, _ b: Int, _ context: @autoclosure () -> String) throws(InputError) -> Int {
        guard b != 0 else { throw zeroDivision(context(), "integer division or modulo by zero") }
        let quotient = a / b
        return (a % b != 0) && ((a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    /// `base ** exponent` for floats: the C library's `pow`, as Python calls it, except that Python raises
    /// for zero to a negative power.
    static func power(_ base: Double, _ exponent: Double, _ context: @autoclosure () -> String) throws(InputError) -> Double {
        guard !(base == 0 && exponent < 0) else { throw zeroDivision(context(), "0.0 cannot be raised to a negative power") }
        return pow(base, exponent)
    }

    /// Python's `bisect.bisect_right(values, x)`: the index after the last element ≤ x, found by the same
    /// binary search (so an unsorted list gives the same answer as in Python).
    static func bisectRight(_ values: [Int], _ x: Int) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if x < values[middle] { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private static func zeroDivision(_ context: String, _ message: String) -> InputError {
        InputError("\(context): \(message) (PyTorch raises ZeroDivisionError here)")
    }
}
