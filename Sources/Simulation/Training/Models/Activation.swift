#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The nonlinearity between the layers of an ``MLP``.
public enum Activation: String, Sendable, Equatable, CaseIterable {
    /// tanh(a), with derivative 1 − tanh²(a).
    case tanh
    /// max(a, 0), with derivative 1 for a > 0 and 0 otherwise (PyTorch's choice at a = 0).
    case relu

    /// The activation applied to `a`.
    @inline(__always)
    public func callAsFunction(_ a: Double) -> Double {
        switch self {
        case .tanh: libmTanh(a)
        case .relu: max(a, 0)
        }
    }

    /// The derivative at the pre-activation `a`, given the activation's value `h` there.
    @inline(__always)
    func derivative(preActivation a: Double, value h: Double) -> Double {
        switch self {
        case .tanh: 1 - h * h
        case .relu: a > 0 ? 1 : 0
        }
    }
}

/// The C library's tanh (the enum case shadows the name inside ``Activation``).
@inline(__always)
private func libmTanh(_ x: Double) -> Double { tanh(x) }
