import ArgumentParser
import CairoBackend
import Foundation
import Site
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `descent site`: builds the gallery's static site.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Build the gallery's static site from a folder of specs and its gallery.yaml.",
        subcommands: [SiteBuildCommand.self, SiteAssembleCommand.self]
    )
}

/// The gallery folder and the site folder, shared by `site build` and `site assemble`.
struct SiteOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The gallery folder, holding gallery.yaml and the specs.", valueName: "gallery"))
    var gallery: String = "Gallery"

    @Option(help: ArgumentHelp("The site folder (default: GALLERY/site).", valueName: "dir"))
    var out: String?

    var site: String { out ?? (gallery as NSString).appendingPathComponent("site") }

    /// A builder for these folders, identified by this program's own bytes (a new build of Descent re-renders).
    func builder(jobs: Int, shard: Shard?, progress: Bool) -> SiteBuilder {
        SiteBuilder(gallery: gallery, out: site, jobs: jobs, shard: shard, buildID: Self.buildID,
                    progress: progress && isatty(2) != 0 ? ProgressBar.show : nil)
    }

    /// The key of this executable's bytes.
    static let buildID: String = SiteBuilder.buildID(ofExecutable: "/proc/self/exe")
}

/// `descent site build`.
struct SiteBuildCommand: TextCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render the figures whose specs changed and write the site's pages.",
        discussion: """
        Reads GALLERY/gallery.yaml (topics, takeaways) and every spec it lists, renders each figure once into \
        every format (PNG at 1x and 2x, light and dark, SVG, PDF, its data as CSV and JSON, an APNG for an \
        animation), and writes the pages. A figure whose spec and Descent are unchanged is skipped; every file \
        is written under a temporary name and renamed. With --shard i/n only this machine's share of the \
        figures is rendered into the shared site folder; 'descent site assemble' then writes the pages.

        Examples:
          descent site build Gallery --out Gallery/site
          descent site build Gallery --shard 2/3      # one task of a job array; then: descent site assemble Gallery
        """
    )

    @OptionGroup var folders: SiteOptions
    @OptionGroup var threads: JobsOptions

    @Option(help: ArgumentHelp("Render only share i of n (1 ≤ i ≤ n), for a job array; the pages are left to 'site assemble'.",
                               valueName: "i/n"), transform: { text in
        guard let shard = Shard(text) else { throw ValidationError("--shard must be i/n with 1 ≤ i ≤ n ≤ 1000, such as 2/3, got '\(text)'") }
        return shard
    })
    var shard: Shard?

    func output() throws -> String {
        let folder = try OutputOptions.open(folders.site, subfolders: ["figures", "topics", "assets", ".state"])
        defer { folder.release() }
        return try folders.builder(jobs: threads.count, shard: shard, progress: true).build().summary
    }
}

/// `descent site assemble`.
struct SiteAssembleCommand: TextCommand {
    static let configuration = CommandConfiguration(
        commandName: "assemble",
        abstract: "Write the site's pages once every shard has rendered its figures.",
        discussion: """
        Checks that every figure of GALLERY/gallery.yaml has been rendered from its current spec, removes the \
        files of figures that left the gallery, and writes the pages and assets.
        """
    )

    @OptionGroup var folders: SiteOptions

    func output() throws -> String {
        let folder = try OutputOptions.open(folders.site, subfolders: ["figures", "topics", "assets", ".state"])
        defer { folder.release() }
        return try folders.builder(jobs: 1, shard: nil, progress: false).assemble().summary
    }
}

/// A one-line progress bar on standard error: `[#######.........]  12/33  learning-rates`.
enum ProgressBar {
    @Sendable static func show(_ progress: SiteBuilder.Progress) {
        let width = 24
        let filled = progress.total > 0 ? progress.done * width / progress.total : width
        var line = "\r\u{1B}[K[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + "\(progress.done)/\(progress.total)"
        if let current = progress.current { line += "  \(current)" } else { line += "\r\u{1B}[K" }
        line.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
    }
}
