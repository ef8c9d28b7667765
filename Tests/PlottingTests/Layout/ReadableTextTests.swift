import Plotting
import Testing

/// Math markup read as plain Unicode, for captions and alt text.
@Suite struct ReadableTextTests {}

extension ReadableTextTests {
    @Test func markupBecomesPlainUnicode() throws {
        #expect(try MathText("Adam: $\\hat{m}_t / (\\sqrt{\\hat{v}_t} + \\epsilon)$").readable == "Adam: mt / (√vt + ϵ)")
        let update = try MathText("$\\theta_{t+1} = \\theta_t - \\eta \\nabla J$").readable
        #expect(update == "θt+1 = θt − η ∇ J", "got \(update.unicodeScalars.map { String($0.value, radix: 16) })")
        #expect(try MathText("plain text, no math").readable == "plain text, no math")
        #expect(try MathText("cost \\$5").readable == "cost $5")
    }
}
