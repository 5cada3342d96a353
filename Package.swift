// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "swift-meeting-notes",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "MeetingModel", targets: ["MeetingModel"]),
        .library(name: "MeetingSourceTesting", targets: ["MeetingSourceTesting"]),
        .library(name: "MeetingRecognizers", targets: ["MeetingRecognizers"]),
        .library(name: "PlainTextImport", targets: ["PlainTextImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        .target(name: "MeetingModel"),
        .testTarget(name: "MeetingModelTests", dependencies: ["MeetingModel"]),
        .target(name: "MeetingSourceTesting", dependencies: ["MeetingModel"]),
        .testTarget(name: "MeetingSourceTestingTests", dependencies: ["MeetingSourceTesting", "MeetingModel"]),
        .executableTarget(name: "custom-source", dependencies: ["MeetingModel"], path: "Examples/custom-source"),
        .target(name: "MeetingRecognizers", dependencies: ["MeetingModel"]),
        .testTarget(name: "MeetingRecognizersTests", dependencies: ["MeetingRecognizers", "MeetingModel"]),
        .target(name: "PlainTextImport", dependencies: ["MeetingModel", "MeetingRecognizers"]),
        .testTarget(name: "PlainTextImportTests", dependencies: ["PlainTextImport", "MeetingRecognizers", "MeetingModel"],
                    resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
