import Foundation
@testable import Site

/// A small gallery in a temporary folder: three cheap specs (one swept, one animated) and a manifest.
struct TestGallery {
    let root: String
    var gallery: String { root + "/Gallery" }
    var site: String { root + "/site" }

    static let specs: [String: String] = [
        "loss": """
            kind: loss
            title: Loss & friends on Booth
            size: [320, 240]
            surface: booth
            steps: 20
            runs:
              - optimizer: Adam(lr=0.5)
              - optimizer: SGD(lr=0.02)
            """,
        "slider": """
            kind: trajectories
            title: 'lr = {lr}'
            size: [300, 220]
            surface: booth
            steps: 15
            contours: 4
            sweep: {param: lr, values: [0.01, 0.05], label: learning rate}
            runs:
              - optimizer: SGD(lr={lr})
            """,
        "animations/moving": """
            kind: schedules
            title: A moving schedule
            size: [300, 200]
            steps: 8
            schedules:
              - StepLR(step_size=3, gamma=0.5)
            animation: {fps: 4}
            """,
    ]

    static let manifest = """
        title: Test gallery
        intro: A gallery for tests. It has two topics.
        topics:
          - slug: first
            title: First <topic>
            intro: Losses "quoted" & sliders.
            tags: [alpha, beta]
            figures: [loss, slider]
          - slug: second
            title: Second
            intro: Moving things.
            tags: [beta]
            figures: [animations/moving]
        takeaways:
          - text: Everything is drawn from specs.
            figures: [loss, animations/moving]
        """

    init() throws {
        root = NSTemporaryDirectory() + "descent-site-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/Gallery/animations", withIntermediateDirectories: true)
        for (name, text) in Self.specs { try write(text, to: "Gallery/\(name).yaml") }
        try write(Self.manifest, to: "Gallery/gallery.yaml")
    }

    func write(_ text: String, to relative: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + relative))
    }

    func builder(jobs: Int = 2, shard: Shard? = nil, out: String? = nil, buildID: String = "test") -> SiteBuilder {
        SiteBuilder(gallery: gallery, out: out ?? site, jobs: jobs, shard: shard, buildID: buildID)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Every file under `folder` with its bytes, by relative path.
    static func tree(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return files }
        for case let file as String in walker {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + file
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[file] = FileManager.default.contents(atPath: path)
            }
        }
        return files
    }

    func page(_ relative: String) throws -> String { try String(contentsOfFile: site + "/" + relative, encoding: .utf8) }
}
