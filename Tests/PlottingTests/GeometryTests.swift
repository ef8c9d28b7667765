import Plotting
import Testing

@Suite struct GeometryTests {}

extension GeometryTests {
    @Test func rectangles() {
        let rect = Rect(x: 10, y: 20, width: 100, height: 50)
        #expect(rect.maxX == 110 && rect.maxY == 70)
        #expect(rect.inset(by: 5) == Rect(x: 15, y: 25, width: 90, height: 40))
        #expect(rect.contains(Point(50, 40)) && !rect.contains(Point(5, 40)))
        #expect(rect.intersects(Rect(x: 100, y: 60, width: 20, height: 20)))
        #expect(!rect.intersects(Rect(x: 110, y: 20, width: 5, height: 5)))
    }

    @Test func circleStartsAndEndsOnTheCircle() {
        let path = Path(circleAt: Point(0, 0), radius: 2)
        #expect(path.elements.first == .move(Point(2, 0)))
        #expect(path.elements.last == .close)
        #expect(path.elements.count == 6)
    }

    @Test func rasterImagesStoreStraightRGBA() {
        var image = RasterImage(width: 3, height: 2, color: .white)
        image.set(2, 1, Color(hex: 0x336699, alpha: 0.5))
        #expect(image.pixels[(1 * 3 + 2) * 4 ..< (1 * 3 + 2) * 4 + 4] == [0x33, 0x66, 0x99, 128])
        #expect(image.color(0, 0) == .white)
    }
}
