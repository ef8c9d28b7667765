import CairoBackend
import Plotting
import Specs

extension AnimationJob {
    /// The renderer's job for an animated spec: its background layer drawn once, then each frame's moving
    /// marks over it.
    ///
    /// - Parameters:
    ///   - animation: the simulated animation.
    ///   - scale: device pixels per layout unit.
    ///   - fps: frames per second; nil keeps the spec's.
    public init(_ animation: FigureAnimation, scale: Double = 1, fps: Int? = nil) {
        let theme = animation.theme
        self.init(frameCount: animation.frameCount, size: animation.size, scale: scale, fps: fps ?? animation.fps,
                  background: { animation.background.draw(on: $0, theme: theme, layer: .background) },
                  foreground: { k, canvas in animation.figure(atFrame: k).draw(on: canvas, theme: theme, layer: .foreground) })
    }
}
