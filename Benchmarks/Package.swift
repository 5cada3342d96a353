// swift-tools-version: 6.0
// Benchmarks for swift-meeting-notes: a nested package so that the root package's `swift build`/`swift test`
// never build it. Run it with `Scripts/bench.sh` (release build).
import PackageDescription

let package = Package(
    name: "swift-meeting-notes-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "swift-meeting-notes", path: ".."),
    ],
    targets: [
        .systemLibrary(name: "CBenchLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CBenchSupport"),
        .executableTarget(
            name: "meeting-notes-bench",
            dependencies: [
                .product(name: "MeetingModel", package: "swift-meeting-notes"),
                .product(name: "ConfluenceHTML", package: "swift-meeting-notes"),
                .product(name: "PlainTextImport", package: "swift-meeting-notes"),
                "CBenchSupport",
                .target(name: "CBenchLibXML2", condition: .when(platforms: [.linux, .android, .openbsd])),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system && target.name != "CBenchSupport" {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
