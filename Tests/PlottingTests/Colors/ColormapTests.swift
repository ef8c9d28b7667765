import Plotting
import Testing

@Suite struct ColormapTests {}

extension ColormapTests {
    @Test func publishedTablesLoad() throws {
        for name in Colormap.names {
            let map = try Colormap.named(name)
            #expect(map.colors.count == 256, "\(name)")
        }
        let viridis = try Colormap.named("viridis")
        // The published first and last entries of viridis.
        #expect(abs(viridis.colors[0].red - 0.267004) < 1e-9 && abs(viridis.colors[0].blue - 0.329415) < 1e-9)
        #expect(viridis.color(at: 0) == viridis.colors[0])
        #expect(viridis.color(at: 1) == viridis.colors[255])
        #expect(viridis.color(at: 2) == viridis.colors[255])
        // Viridis rises in lightness from end to end.
        #expect(viridis.color(at: 0).luminance < viridis.color(at: 0.5).luminance)
        #expect(viridis.color(at: 0.5).luminance < viridis.color(at: 1).luminance)
        #expect(throws: PlottingError.self) { try Colormap.named("viridiss") }
        #expect(try Colormap.named("gray").name == "grey")
    }

    @Test func optimizersKeepTheirColours() {
        let a = Palette.colors(for: ["Adam", "SGD", "Mystery"])
        let b = Palette.colors(for: ["SGD", "Lion", "Adam", "Other"])
        #expect(a[0] == b[2])
        #expect(a[1] == b[0])
        #expect(Set(b).count == 4)
        #expect(Palette.fixedColor(for: "adamw") == Palette.orange)
    }

    @Test func normsMapTheRange() {
        let linear = ValueNorm.linear(2...6)
        #expect(linear.fraction(4) == 0.5)
        let log = ValueNorm.logarithmic(0...1000)
        #expect(abs(log.fraction(0)) < 1e-12)
        #expect(abs(log.fraction(1000) - 1) < 1e-12)
        #expect(log.fraction(1) > 0.45)  // the lowest thousandth of the range gets half the colours
        #expect(abs(log.value(at: log.fraction(37)) - 37) < 1e-9)
    }
}
