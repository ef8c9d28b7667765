// swift-tools-version:6.0
//
// Descent: figures and animations for teaching machine-learning optimization.
//
// Data flows one way through the modules: spec → Simulation (numbers) → figure → canvas → files → site.
// This manifest grows a module at a time; see DESIGN.md in the project's shared notes and README.md.

import PackageDescription

let package = Package(
    name: "Descent",
    products: [
        // `import Descent` gives a Swift program the whole public API.
        .library(name: "Descent", targets: ["Descent"]),
        .executable(name: "descent", targets: ["DescentTool"]),
        .executable(name: "descent-fuzz", targets: ["DescentFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Pure Swift numerics: surfaces, expressions, optimizers, the component syntax, traces.
        .target(name: "Simulation"),
        // Run-time data files: the colormap tables (Assets/).
        .target(name: "DescentAssets", path: "Assets", exclude: ["README.md", "colormaps/README.md"],
                resources: [.copy("colormaps"), .copy("site")]),
        // Backend-neutral drawing: geometry, colours, scales, marks, axes, layout, the Canvas protocol.
        .target(name: "Plotting", dependencies: ["DescentAssets"]),
        // The C libraries, through pkg-config. Only CairoBackend imports them (and, for zlib, the benchmarks and
        // the CairoBackend tests).
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CFontconfig", pkgConfig: "fontconfig", providers: [.apt(["libfontconfig-dev"])]),
        // Draws figures with Cairo and writes PNG (through libpng), SVG and PDF.
        .target(name: "CairoBackend", dependencies: ["Plotting", "CCairo", "CPNG", "CFontconfig"]),
        // Figure specs in YAML and the recipes that turn them into figures.
        .target(name: "Specs", dependencies: ["Simulation", "Plotting", .product(name: "Yams", package: "Yams")]),
        // The gallery's static site: manifest, figures rendered once into every format, pages, shards.
        .target(name: "Site", dependencies: ["Specs", "Plotting", "CairoBackend", "Descent", "DescentAssets", "Simulation",
                                             .product(name: "Yams", package: "Yams")]),
        // Re-exports the public modules under one name.
        .target(name: "Descent", dependencies: ["Simulation", "Plotting", "Specs", "CairoBackend"]),
        // The command-line interface as a library, so tests can drive every command in-process.
        .target(
            name: "DescentCLI",
            dependencies: [
                "Descent", "Simulation", "Plotting", "Specs", "CairoBackend", "Site",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The `descent` executable: a few lines over DescentCLI. The target has its own name so that its
        // build folder never collides with the `Descent` library's on a case-insensitive file system.
        .executableTarget(name: "DescentTool", dependencies: ["DescentCLI"], path: "Sources/descent"),
        // What each fuzz target does with an input (`make fuzz`, and the tests that replay Fuzz/corpus/).
        .target(name: "DescentFuzzing", dependencies: ["Simulation", "Plotting", "Specs"]),
        // `make fuzz`: libFuzzer over the component, expression, math-text and spec parsers.
        .executableTarget(name: "DescentFuzz", dependencies: ["DescentFuzzing"], path: "Fuzz/DescentFuzz"),
        // A small program that uses the library as a user's program would (`make test` builds and runs it).
        .executableTarget(name: "TraceSummary", dependencies: ["Descent"], path: "Examples/TraceSummary"),
        // `make bench`: measures the simulation through the public API, and zlib alone (through CPNG) for the
        // animation's compression ratio.
        .executableTarget(name: "DescentBench", dependencies: ["Descent", "CPNG"], path: "Benchmarks/DescentBench"),

        .testTarget(
            name: "SimulationTests",
            dependencies: ["Simulation"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "DescentCLITests", dependencies: ["DescentCLI", "Simulation", "Plotting", "Specs"]),
        .testTarget(name: "DescentTests", dependencies: ["Descent"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"]),
        // CPNG: the tests inflate image data with zlib's `uncompress`, independently of libpng.
        .testTarget(name: "CairoBackendTests", dependencies: ["CairoBackend", "Plotting", "Specs", "Descent", "CPNG"]),
        .testTarget(name: "SpecsTests", dependencies: ["Specs", "Simulation", "Plotting", "DescentFuzzing"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Specs"]),
    ],
    swiftLanguageModes: [.v6]
)
