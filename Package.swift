// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "swift-meeting-notes",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "MeetingModel", targets: ["MeetingModel"]),
        .library(name: "MeetingRecognizers", targets: ["MeetingRecognizers"]),
    ],
    dependencies: [],
    targets: [
        .target(name: "MeetingModel"),
        .testTarget(name: "MeetingModelTests", dependencies: ["MeetingModel"]),
        .target(name: "MeetingRecognizers", dependencies: ["MeetingModel"]),
        .testTarget(name: "MeetingRecognizersTests", dependencies: ["MeetingRecognizers", "MeetingModel"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
