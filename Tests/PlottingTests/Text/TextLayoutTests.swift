import Plotting
import Testing

@Suite struct TextLayoutTests {}

extension TextLayout.Shape {
    /// The bounds of the path's points (control points included).
    var pointBounds: (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        var points: [Point] = []
        for element in path.elements {
            switch element {
            case .move(let p), .line(let p): points.append(p)
            case .curve(let a, let b, let p): points += [a, b, p]
            case .close: break
            }
        }
        return (points.map(\.x).min() ?? 0, points.map(\.y).min() ?? 0, points.map(\.x).max() ?? 0, points.map(\.y).max() ?? 0)
    }
}

// MARK: - Fractions, radicals, accents

extension TextLayoutTests {
    @Test func fractionStacksNumeratorOverRuleOverDenominator() throws {
        let result = try typeset("$\\frac{a}{bcd}$")
        let a = try result.run("a")
        let bcd = try result.run("bcd")
        let rule = try #require(result.shapes.first)
        #expect(result.shapes.count == 1 && rule.paint == .fill)
        let bounds = rule.pointBounds
        #expect(a.offset.y < bounds.minY)
        #expect(bcd.offset.y > bounds.maxY)
        // The denominator's top (x-height at 14 units) clears the rule too.
        #expect(bcd.offset.y - 0.55 * 14 > bounds.maxY)
        // The rule is as wide as the wider part, and both parts are centred on it.
        #expect(isNear(bounds.maxX - bounds.minX, max(a.metrics.width, bcd.metrics.width)))
        let middle = (bounds.minX + bounds.maxX) / 2
        #expect(isNear(a.offset.x + a.metrics.width / 2, middle))
        #expect(isNear(bcd.offset.x + bcd.metrics.width / 2, middle))
        // The rule sits on the math axis, 0.32 em above the baseline.
        let ruleCenter = -(bounds.minY + bounds.maxY) / 2
        #expect(isNear(ruleCenter, 6.4))
        #expect(isNear(a.font.size, 14) && isNear(bcd.font.size, 14))
        #expect(result.width >= bounds.maxX - bounds.minX)
    }

    @Test func displayFractionKeepsFullSize() throws {
        let result = try typeset("$\\dfrac{a}{b}$")
        #expect(isNear(try result.run("a").font.size, 20))
    }

    @Test func squareRootStrokesASignSpanningTheRadicand() throws {
        let result = try typeset("$\\sqrt{xy}$")
        let radicand = try result.run("xy")
        let sign = try #require(result.shapes.first)
        guard case .stroke(let width) = sign.paint else {
            Issue.record("the radical is not stroked")
            return
        }
        #expect(width > 0)
        let bounds = sign.pointBounds
        #expect(bounds.minX < radicand.offset.x)
        #expect(bounds.maxX > radicand.offset.x + radicand.metrics.width)
        // The bar is above the radicand's ink and the foot at or below its baseline.
        #expect(bounds.minY < radicand.offset.y - 0.55 * 20)
        #expect(bounds.maxY >= radicand.offset.y)
        #expect(result.width > radicand.offset.x + radicand.metrics.width)
    }

    @Test func rootIndexIsSmallAndLeftOfTheBar() throws {
        let result = try typeset("$\\sqrt[3]{x}$")
        let three = try result.run("3")
        let x = try result.run("x")
        #expect(isNear(three.font.size, 10))
        #expect(three.offset.x < x.offset.x && three.offset.y < 0)
    }

    @Test func leftRightDelimitersGrowAroundTallContent() throws {
        let plain = try typeset("$(x)$").run("(")
        #expect(isNear(plain.font.size, 20))
        let result = try typeset("$\\left( \\dfrac{a}{b} \\right)$")
        let open = try result.run("(")
        let close = try result.run(")")
        #expect(open.font.size > 25 && isNear(open.font.size, close.font.size))
        // Moved down so that its centre stays on the axis.
        #expect(open.offset.y > 0)
        #expect(close.offset.x > (try result.run("a")).offset.x)
        // `.` leaves out a delimiter.
        #expect(try typeset("$\\left. x \\right|$").runs.map(\.text) == ["x", "|"])
    }

    @Test(arguments: ["hat", "bar", "tilde", "vec", "dot", "ddot", "overline"])
    func accentsSitAboveTheirBase(accent: String) throws {
        let result = try typeset("$\\\(accent){m}$")
        let m = try result.run("m")
        #expect(result.shapes.isEmpty == false)
        for shape in result.shapes {
            let bounds = shape.pointBounds
            // Entirely above the letter's x-height…
            #expect(bounds.maxY < m.offset.y - 0.55 * 20)
            // …and over the letter horizontally.
            let center = (bounds.minX + bounds.maxX) / 2
            #expect(center > m.offset.x && center < m.offset.x + m.metrics.width)
        }
        #expect(result.ascent >= -(result.shapes.map { $0.pointBounds.minY }.min() ?? 0))
    }

    @Test func tallerBasesGetHigherAccents() throws {
        let low = try #require(try typeset("$\\hat{m}$").shapes.first).pointBounds.maxY
        let high = try #require(try typeset("$\\hat{b}$").shapes.first).pointBounds.maxY
        #expect(high < low)
    }
}

// MARK: - Drawing, anchors, rotation

extension TextLayoutTests {
    @Test func drawPassesEveryRunAndShapeToTheCanvas() throws {
        let canvas = RecordingCanvas(size: Size(200, 100))
        let result = try MathText("Adam: $\\theta_{t+1} = \\theta_t - \\eta \\hat{m}_t / (\\sqrt{\\hat{v}_t} + \\epsilon)$")
            .layout(font: Font(size: 12), on: canvas)
        result.draw(on: canvas, at: Point(10, 50), color: .black)
        #expect(canvas.texts == result.runs.map(\.text))
        let strokes = canvas.operations.filter { if case .stroke = $0 { true } else { false } }
        #expect(strokes.count == result.shapes.count)
        #expect(canvas.texts.first == "Adam: ")
        // Far fewer runs than characters: neighbours in one font were merged.
        #expect(result.runs.count < 20)
    }

    @Test func rotatedDrawingRotatesOffsetsAndPaths() throws {
        let source = try MathText("$\\sqrt{x}^2$")
        let canvas = RecordingCanvas(size: Size(200, 200))
        let result = source.layout(font: Font(size: 20), on: canvas)
        let origin = Point(100, 100)
        let angle = Double.pi / 2
        result.draw(on: canvas, at: origin, color: .black, angle: angle)
        var drawn: [(String, Point, Double)] = []
        var stroked: [Path] = []
        for operation in canvas.operations {
            if case .text(let text, let point, _, _, let a) = operation { drawn.append((text, point, a)) }
            if case .stroke(let path, _) = operation { stroked.append(path) }
        }
        #expect(drawn.count == result.runs.count)
        for (run, (text, point, a)) in zip(result.runs, drawn) {
            #expect(text == run.text && a == angle)
            // A quarter turn clockwise (y down) takes (dx, dy) to (−dy, dx).
            #expect(isNear(point.x, origin.x - run.offset.y, tolerance: 1e-12))
            #expect(isNear(point.y, origin.y + run.offset.x, tolerance: 1e-12))
        }
        let two = try result.run("2")
        let drawnTwo = try #require(drawn.first { $0.0 == "2" })
        #expect(drawnTwo.1.x > origin.x && two.offset.y < 0)
        let original = try #require(result.shapes.first?.path.elements.first)
        let turned = try #require(stroked.first?.elements.first)
        guard case .move(let p) = original, case .move(let q) = turned else {
            Issue.record("paths do not start with a move")
            return
        }
        #expect(isNear(q.x, origin.x - p.y, tolerance: 1e-12) && isNear(q.y, origin.y + p.x, tolerance: 1e-12))
    }

    /// "Title" at 10 units on the recording canvas: 30 wide, ascent 7.6, descent 2.4, placed at (100, 50).
    @Test(arguments: [
        (TextAnchor.baselineLeft, 100.0, 50.0), (.topLeft, 100, 57.6), (.center, 85, 52.6), (.middleRight, 70, 52.6),
        (.bottomCenter, 85, 47.6), (.baselineRight, 70, 50), (.topRight, 70, 57.6), (.bottomLeft, 100, 47.6),
    ] as [(TextAnchor, Double, Double)])
    func anchorsPlaceTheBoxOnThePoint(anchor: TextAnchor, x: Double, y: Double) throws {
        let canvas = RecordingCanvas(size: Size(200, 100))
        try canvas.drawLabel("Title", at: Point(100, 50), font: Font(size: 10), color: .black, anchor: anchor)
        guard case .text(let text, let origin, _, _, _)? = canvas.operations.first else {
            Issue.record("nothing drawn")
            return
        }
        #expect(text == "Title")
        #expect(isNear(origin.x, x) && isNear(origin.y, y))
    }

    @Test func rotatedCentredLabelIsCentredOnThePoint() throws {
        // A y-axis title: turned a quarter anticlockwise, centred on its point.
        let canvas = RecordingCanvas(size: Size(200, 200))
        try canvas.drawLabel("Loss", at: Point(20, 100), font: Font(size: 10), color: .black, anchor: .center,
                             angle: -Double.pi / 2)
        guard case .text(_, let origin, _, _, let angle)? = canvas.operations.first else {
            Issue.record("nothing drawn")
            return
        }
        #expect(angle == -Double.pi / 2)
        // The text runs upwards from below the point, by half its width.
        // Half of "Loss" (24 units) below the point; (ascent − descent) / 2 = 2.6 to its right.
        #expect(isNear(origin.y, 112, tolerance: 1e-12))
        #expect(isNear(origin.x, 22.6, tolerance: 1e-12))
    }

    @Test func frameAndMeasureLabelAgreeWithTheLayout() throws {
        let canvas = RecordingCanvas(size: Size(200, 100))
        let font = Font(size: 10)
        #expect(try canvas.measureLabel("Step", font: font) == canvas.measure("Step", font: font))
        let metrics = try canvas.measureLabel("$\\frac{1}{2}$", font: font)
        let laid = try MathText("$\\frac{1}{2}$").layout(font: font, on: canvas)
        #expect(metrics == laid.metrics)
        let frame = laid.frame(placing: .topCenter, at: Point(50, 10))
        #expect(isNear(frame.minY, 10) && isNear(frame.center.x, 50))
        #expect(isNear(frame.height, laid.ascent + laid.descent))
    }

    @Test func ascentAndDescentCoverScriptsAndShapes() throws {
        let plain = try typeset("x")
        let scripted = try typeset("$x_t^2$")
        #expect(scripted.ascent > plain.ascent)
        #expect(scripted.descent > plain.descent)
        let fraction = try typeset("$\\frac{a}{b}$")
        for run in fraction.runs {
            #expect(-run.offset.y + run.metrics.ascent <= fraction.ascent + 1e-9)
            #expect(run.offset.y + run.metrics.descent <= fraction.descent + 1e-9)
        }
    }
}
