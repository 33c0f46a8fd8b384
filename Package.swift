// swift-tools-version:6.0
import PackageDescription

/// stimgen: McCollough-effect and illusion stimuli, timed adaptation sessions, session
/// analysis, and a convnet that sees the very same stimuli. Module layering (an arrow only
/// ever points down) is described in docs/ARCHITECTURE.md.
let package = Package(
    name: "stimgen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "stimgen", targets: ["stimgen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.28.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // System-library shims.
        .systemLibrary(name: "CSDL2", path: "Sources/CSDL2"),
        .systemLibrary(name: "CPNG", path: "Sources/CPNG"),
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        // The stimulus engine's row loops, compiled for AVX2 and the baseline and chosen at load time.
        .target(name: "CPixelKernels"),
        // NeuralKit's matrix kernels, compiled for AVX2 and the baseline and chosen at load time.
        .target(name: "CNeuralKernels"),

        // Pure, deterministic modules.
        .target(name: "StimulusKit", dependencies: ["CPNG", "CPixelKernels", .product(name: "Yams", package: "Yams")]),
        .target(name: "ProtocolKit", dependencies: ["StimulusKit", .product(name: "Yams", package: "Yams")]),
        .target(name: "NeuralKit", dependencies: [
            "StimulusKit", "CBLAS", "CNeuralKernels", .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        ]),

        // Storage, presentation, analysis.
        .target(name: "SessionStore", dependencies: [
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Presenter", dependencies: ["StimulusKit", "ProtocolKit", "SessionStore", "CSDL2"]),
        .target(name: "Analysis", dependencies: ["SessionStore", "NeuralKit", "StimulusKit", "ProtocolKit"]),

        // The command line only.
        .executableTarget(name: "stimgen", dependencies: [
            "StimulusKit", "ProtocolKit", "SessionStore", "Presenter", "NeuralKit", "Analysis",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "StimulusKitTests", dependencies: ["StimulusKit", "CPixelKernels"]),
        .testTarget(name: "ProtocolKitTests", dependencies: ["ProtocolKit"]),
        .testTarget(name: "SessionStoreTests", dependencies: ["SessionStore"]),
        .testTarget(name: "PresenterTests", dependencies: ["Presenter"]),
        .testTarget(name: "NeuralKitTests", dependencies: ["NeuralKit", "CNeuralKernels"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CLITests", dependencies: ["stimgen"]),
    ],
    swiftLanguageModes: [.v6]
)
