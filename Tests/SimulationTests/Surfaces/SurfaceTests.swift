import Simulation
import Testing

/// Named surfaces: hand-derived gradients against dual-number gradients of their own formulas, formulas
/// against the reference file, minima against the gradient.
@Suite struct SurfaceTests {}

extension SurfaceTests {
    static let names = ["rosenbrock", "rosenbrock(a=2, b=5)", "beale", "himmelblau", "booth", "rastrigin", "rastrigin(A=3)",
                        "ackley", "ackley(a=10, b=0.5, c=3)", "goldstein_price", "styblinski_tang", "six_hump_camel",
                        "matyas", "quadratic", "quadratic(condition_number=50)", "saddle"]

    /// A grid of points across the surface's view, away from exact grid lines.
    static func samplePoints(_ surface: any Surface) -> [SIMD2<Double>] {
        var points: [SIMD2<Double>] = []
        for i in 0..<7 {
            for j in 0..<7 {
                let u = (Double(i) + 0.37) / 7, v = (Double(j) + 0.61) / 7
                points.append(SIMD2(surface.view.x.lowerBound + u * (surface.view.x.upperBound - surface.view.x.lowerBound),
                                    surface.view.y.lowerBound + v * (surface.view.y.upperBound - surface.view.y.lowerBound)))
            }
        }
        return points + [surface.start]
    }

    @Test(arguments: names)
    func gradientMatchesDualNumbersOfTheFormula(_ name: String) throws {
        let surface = try Surfaces.make(name).surface
        let formula = try Expression(surface.formula)
        for p in Self.samplePoints(surface) {
            let (value, gradient) = formula.valueAndGradient(x: p.x, y: p.y)
            let scale = max(1, abs(value))
            #expect(isClose(surface.value(at: p), value, relative: 1e-12, absolute: 1e-12 * scale), "value at \(p)")
            let ours = surface.gradient(at: p)
            let size = max(1, abs(gradient.x), abs(gradient.y))
            #expect(abs(ours.x - gradient.x) <= 1e-11 * size, "∂x at \(p): \(ours.x) vs \(gradient.x)")
            #expect(abs(ours.y - gradient.y) <= 1e-11 * size, "∂y at \(p): \(ours.y) vs \(gradient.y)")
        }
    }

    @Test(arguments: names)
    func minimaAreStationaryAndInsideTheView(_ name: String) throws {
        let surface = try Surfaces.make(name).surface
        for minimum in surface.minima {
            let g = surface.gradient(at: minimum)
            #expect(abs(g.x) < 1e-4 && abs(g.y) < 1e-4, "gradient \(g) at \(minimum)")
            #expect(surface.view.x.contains(minimum.x) && surface.view.y.contains(minimum.y))
        }
        #expect(surface.view.x.contains(surface.start.x) && surface.view.y.contains(surface.start.y))
    }

    @Test func formulasMatchTheReferenceFile() throws {
        for (name, function) in ReferenceFile.optimizers.functions {
            let surface = try Surfaces.make(name).surface
            #expect(surface.formula == function.formula, "\(name)")
            for (minimum, expected) in zip(surface.minima, function.known_minima) {
                #expect(abs(minimum.x - expected[0]) < 1e-5 && abs(minimum.y - expected[1]) < 1e-5, "\(name)")
            }
            #expect(surface.minima.count == function.known_minima.count, "\(name)")
        }
    }

    @Test func knownValues() throws {
        #expect(Rosenbrock().value(at: SIMD2(1, 1)) == 0)
        #expect(Beale().value(at: SIMD2(3, 0.5)) == 0)
        #expect(Booth().value(at: SIMD2(1, 3)) == 0)
        #expect(isClose(GoldsteinPrice().value(at: SIMD2(0, -1)), 3))
        #expect(abs(Ackley().value(at: SIMD2(0, 0))) < 1e-15)
        #expect(Rastrigin().value(at: SIMD2(0, 0)) == 0)
        #expect(isClose(StyblinskiTang().value(at: SIMD2(-2.903534027771178, -2.903534027771178)), -78.33233140754282, relative: 1e-12))
        #expect(isClose(SixHumpCamel().value(at: SIMD2(0.08984201368301331, -0.7126564032704135)), -1.031628453489877, relative: 1e-12))
        #expect(Ackley().gradient(at: SIMD2(0, 0)) == SIMD2(0, 0))
    }

    @Test func surfaceNamesParseBackToTheSameSurface() throws {
        for entry in Surfaces.catalog.entries where entry.name != "expr" {
            let surface = try Surfaces.make(entry.name).surface
            #expect(try Surfaces.make(surface.name).surface.formula == surface.formula)
        }
        #expect(try Surfaces.make("Six_Hump_Camel").surface.name == "six_hump_camel")
        #expect(try Surfaces.make("sixhumpcamel").surface.name == "six_hump_camel")
        #expect(try Surfaces.make("GoldsteinPrice").surface.name == "goldstein_price")
        let error = #expect(throws: InputError.self) { try Surfaces.make("sixhumpcamle") }
        #expect(error?.message == "unknown surface 'sixhumpcamle' — did you mean 'six_hump_camel'?")
    }

    @Test func unknownSurfaceSuggestsTheClosest() {
        let error = #expect(throws: InputError.self) { try Surfaces.make("rosenbrok") }
        #expect(error?.message == "unknown surface 'rosenbrok' — did you mean 'rosenbrock'?")
    }

    @Test func expressionSurfaces() throws {
        let spec = try Surfaces.make("expr:0.5*(x^2 + 10*y^2)")
        #expect(spec.noise == nil)
        #expect(spec.surface.name == "expr:0.5*(x^2 + 10*y^2)")
        #expect(spec.surface.gradient(at: SIMD2(2, 3)) == SIMD2(2, 30))
        let long = try Surfaces.make("expr('x^2 + y^2', start=(1, 2), view=(-3, 3, -2, 4), noise=0.5, seed=9)")
        #expect(long.surface.start == SIMD2(1, 2))
        #expect(long.surface.view == ViewWindow(x: -3...3, y: -2...4))
        #expect(long.noise == GradientNoise(sigma: 0.5, seed: 9))
    }

    @Test func expressionSyntaxErrorsPointIntoTheWholeText() {
        let error = #expect(throws: InputError.self) { try Surfaces.make("expr:x^2 + * y") }
        #expect(error?.column == 12)
        #expect(error?.description.hasSuffix("expr:x^2 + * y\n             ^") == true)
    }

    @Test func badSurfaceValues() {
        #expect(throws: InputError.self) { try Surfaces.make("quadratic(condition_number=-1)") }
        #expect(throws: InputError.self) { try Surfaces.make("rosenbrock(noise=-1)") }
        #expect(throws: InputError.self) { try Surfaces.make("rosenbrock(b='steep')") }
        #expect(throws: InputError.self) { try Surfaces.make("beale(a=1)") }
        let error = #expect(throws: InputError.self) { try Surfaces.make("booth(1, 2, 3)") }
        #expect(error?.message == "booth takes at most 2 positional arguments (noise, seed)")
        #expect(throws: InputError.self) { try Surfaces.make("expr('x^2', view=(1, 0, 0, 1))") }
    }
}
