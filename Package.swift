// swift-tools-version:6.0
import PackageDescription

// Data flows one way: files -> model -> analysis -> view -> rendered bytes -> report/CLI.
// Each target has one job and imports only the ones to its left (see ../shared/STYLE.md).
let package = Package(
    name: "sharemap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sharemap", targets: ["sharemap"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        // Value types only: the register, its entities and typed indices. No I/O.
        .target(name: "SharemapModel"),
        // Reading and validating a register folder (CSV) and project briefs (YAML); diagnostics.
        .target(name: "SharemapData", dependencies: ["SharemapModel", "Yams"]),
        // Pure analyses over an indexed register: paths, reach, gaps, mismatches, brokers, search.
        .target(name: "SharemapAnalysis", dependencies: ["SharemapModel"]),
        // Interchange formats: GraphML, GEXF, JSON, Cypher and CSV exports; imports from JSON and spreadsheets.
        .target(name: "SharemapExport", dependencies: ["SharemapModel", "SharemapData", "SharemapAnalysis", "Yams"]),
        // The read-only web explorer (`sharemap serve`), on Hummingbird.
        .target(
            name: "SharemapServer",
            dependencies: [
                "SharemapModel", "SharemapData", "SharemapAnalysis", "SharemapGraphviz", "SharemapReport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The C library: libcgraph + libgvc from Debian's libgraphviz-dev.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // The one place that touches C: graph descriptions and a serialised, leak-free renderer.
        .target(name: "SharemapGraphviz", dependencies: ["CGraphviz"]),
        // Views (analysis result -> graph description), palettes, legends, HTML/Markdown reports.
        .target(name: "SharemapReport", dependencies: ["SharemapModel", "SharemapAnalysis", "SharemapGraphviz"]),
        // The command-line tool: one thin file per subcommand.
        .executableTarget(
            name: "sharemap",
            dependencies: [
                "SharemapModel", "SharemapData", "SharemapAnalysis", "SharemapGraphviz", "SharemapReport", "SharemapExport", "SharemapServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks (not tests): load, analyses and rendering on Data/ and on generated registers.
        .executableTarget(
            name: "sharemap-bench",
            dependencies: ["SharemapModel", "SharemapData", "SharemapAnalysis", "SharemapGraphviz", "SharemapReport"]
        ),
        .testTarget(name: "SharemapModelTests", dependencies: ["SharemapModel"]),
        .testTarget(
            name: "SharemapDataTests",
            dependencies: ["SharemapData", "SharemapModel"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "SharemapAnalysisTests", dependencies: ["SharemapAnalysis", "SharemapData", "SharemapModel"]),
        .testTarget(name: "SharemapGraphvizTests", dependencies: ["SharemapGraphviz"], exclude: ["Golden"]),
        .testTarget(
            name: "SharemapReportTests",
            dependencies: ["SharemapReport", "SharemapData", "SharemapAnalysis", "SharemapModel"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "SharemapExportTests", dependencies: ["SharemapExport", "SharemapData", "SharemapAnalysis", "SharemapModel"]),
        .testTarget(
            name: "SharemapServerTests",
            dependencies: [
                "SharemapServer", "SharemapData", "SharemapModel",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(name: "SharemapCLITests", dependencies: ["sharemap"], exclude: ["Golden"]),
    ]
)
