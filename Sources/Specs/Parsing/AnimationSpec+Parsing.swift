extension AnimationSpec {
    /// The keys of the `animation:` block.
    static let keys = ["frames", "steps_per_frame", "hold_start", "hold_end", "easing", "fps", "trail"]

    /// Reads the `animation:` block (nil when the spec has none).
    static func parse(_ object: YAMLObject) throws(SpecError) -> AnimationSpec? {
        guard let node = object["animation"] else { return nil }
        let block = try YAMLObject(node, file: object.file, what: "'animation'")
        try block.requireKeys(in: AnimationSpec.keys, what: "'animation'")
        if block["frames"] != nil && block["steps_per_frame"] != nil {
            throw block.error(at: block["steps_per_frame"], "give 'frames' or 'steps_per_frame' in 'animation', not both")
        }
        var animation = AnimationSpec()
        animation.frames = try block.integer("frames", in: 1...100_000)
        animation.stepsPerFrame = try block.integer("steps_per_frame", in: 1...100_000) ?? 1
        animation.holdStart = try block.integer("hold_start", in: 0...10_000) ?? 0
        animation.holdEnd = try block.integer("hold_end", in: 0...10_000) ?? 0
        animation.easing = try block.choice("easing", Easing.self) ?? .linear
        animation.fps = try block.integer("fps", in: 1...120) ?? 30
        animation.trail = try block.integer("trail", in: 0...100_000) ?? 0
        return animation
    }
}
