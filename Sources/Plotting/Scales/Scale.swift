#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A map from data values to positions along an axis, and the ticks that label it.
public struct Scale: Sendable, Equatable {
    /// How values are spaced along the axis.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Equal differences take equal lengths.
        case linear
        /// Equal ratios take equal lengths (log₁₀); the domain must be positive.
        case log
    }

    public var kind: Kind
    /// The data interval shown, low to high.
    public var domain: ClosedRange<Double>
    /// The positions the domain's ends map to (for a y axis in page coordinates, `range` runs from the
    /// bottom to the top, so its lower bound is the larger number: give it as `(from, to)`).
    public var from: Double
    public var to: Double

    /// A scale mapping `domain` onto positions `from`…`to`.
    public init(_ kind: Kind = .linear, domain: ClosedRange<Double>, from: Double = 0, to: Double = 1) {
        self.kind = kind
        self.domain = domain
        self.from = from
        self.to = to
    }

    /// The value's position: from + (to − from)·t with t = (v − lo)/(hi − lo), or the same in log₁₀ v.
    public func position(_ value: Double) -> Double {
        from + (to - from) * fraction(value)
    }

    /// Where `value` falls in the domain, 0 at the low end and 1 at the high end (may lie outside [0, 1]).
    public func fraction(_ value: Double) -> Double {
        switch kind {
        case .linear:
            let span = domain.upperBound - domain.lowerBound
            return span == 0 ? 0.5 : (value - domain.lowerBound) / span
        case .log:
            let lo = log10(domain.lowerBound), hi = log10(domain.upperBound)
            return hi == lo ? 0.5 : (log10(value) - lo) / (hi - lo)
        }
    }

    /// The value at `position` (the inverse of ``position(_:)``).
    public func value(at position: Double) -> Double {
        let t = to == from ? 0 : (position - from) / (to - from)
        switch kind {
        case .linear: return domain.lowerBound + t * (domain.upperBound - domain.lowerBound)
        case .log:
            let lo = log10(domain.lowerBound), hi = log10(domain.upperBound)
            return pow(10, lo + t * (hi - lo))
        }
    }

    /// Major ticks with labels, about `target` of them for a linear axis (see ``Ticks``).
    public func ticks(target: Int = 6) -> [Tick] {
        switch kind {
        case .linear: Ticks.linear(domain, target: target)
        case .log: Ticks.log(domain)
        }
    }

    /// Unlabelled minor ticks: 2…9 × each decade on a log axis; none on a linear one.
    public func minorTicks() -> [Double] {
        kind == .log ? Ticks.logMinor(domain) : []
    }
}

/// A tick: where it goes and what it says.
public struct Tick: Sendable, Equatable {
    public var value: Double
    public var label: String

    /// A tick at `value` labelled `label`.
    public init(_ value: Double, _ label: String) {
        self.value = value
        self.label = label
    }
}
