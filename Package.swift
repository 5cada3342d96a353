// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "swift-meeting-notes",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "MeetingModel", targets: ["MeetingModel"]),
        .library(name: "MeetingRecognizers", targets: ["MeetingRecognizers"]),
        .library(name: "PlainTextImport", targets: ["PlainTextImport"]),
        .library(name: "ConfluenceHTML", targets: ["ConfluenceHTML"]),
        .library(name: "MeetingExport", targets: ["MeetingExport"]),
        .library(name: "MeetingNotes", targets: ["MeetingNotes"]),
        .library(name: "MeetingSourceTesting", targets: ["MeetingSourceTesting"]),
        .executable(name: "meeting-notes", targets: ["meeting-notes"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // The model and the plug-in protocol: Foundation only.
        .target(name: "MeetingModel"),
        // Recognisers both importers share: dates, times, people, tickets, action-item sentences, text decoding.
        .target(name: "MeetingRecognizers", dependencies: ["MeetingModel"]),
        // Importers.
        .target(name: "PlainTextImport", dependencies: ["MeetingModel", "MeetingRecognizers"]),
        .systemLibrary(name: "CMeetingLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .target(name: "ConfluenceHTML", dependencies: [
            "MeetingModel",
            "MeetingRecognizers",
            .target(name: "CMeetingLibXML2", condition: .when(platforms: [.linux, .android, .openbsd, .windows, .wasi])),
        ]),
        // What people do with the model.
        .target(name: "MeetingExport", dependencies: ["MeetingModel"]),
        .target(name: "MeetingNotes", dependencies: ["MeetingModel", "MeetingExport", "PlainTextImport", "ConfluenceHTML"]),
        .executableTarget(name: "meeting-notes", dependencies: [
            "MeetingNotes", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The conformance kit for third-party sources.
        .target(name: "MeetingSourceTesting", dependencies: ["MeetingModel"]),
        // Examples built on the library API.
        .executableTarget(name: "custom-source", dependencies: ["MeetingModel"], path: "Examples/custom-source"),
        .executableTarget(name: "overdue-actions", dependencies: ["MeetingNotes"], path: "Examples/overdue-actions"),
        .executableTarget(name: "agenda-to-calendar", dependencies: ["MeetingNotes"], path: "Examples/agenda-to-calendar"),
        // Speed checks of the importers live in the nested Benchmarks/ package (`meeting-notes-bench`).
        // Runs child processes for the test targets that run the CLI and the example programs.
        .target(name: "TestProcessSupport", path: "Tests/TestSupport/ChildProcess"),

        .testTarget(name: "MeetingModelTests", dependencies: ["MeetingModel", "TestProcessSupport"]),
        .testTarget(name: "MeetingRecognizersTests", dependencies: ["MeetingRecognizers", "MeetingModel", "TestProcessSupport"]),
        .testTarget(name: "PlainTextImportTests", dependencies: ["PlainTextImport", "MeetingRecognizers", "MeetingModel", "TestProcessSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "ConfluenceHTMLTests", dependencies: ["ConfluenceHTML", "MeetingModel", "TestProcessSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "MeetingExportTests", dependencies: [
            "MeetingExport", "MeetingNotes", "MeetingSourceTesting", "meeting-notes", "TestProcessSupport",
            .product(name: "Ink", package: "Ink"),
        ], resources: [.copy("Fixtures")]),
        .testTarget(name: "MeetingSourceTestingTests", dependencies: ["MeetingSourceTesting", "MeetingModel"]),
        .testTarget(name: "CrossFormTests", dependencies: ["PlainTextImport", "ConfluenceHTML", "MeetingModel"]),
        // README and DocC examples compiled and run; the Examples/ programs run on the example pages.
        .testTarget(name: "DocumentationTests", dependencies: [
            "MeetingNotes", "MeetingRecognizers", "overdue-actions", "agenda-to-calendar", "TestProcessSupport",
        ]),
        // Every built-in source through the conformance kit, with its fixtures as samples.
        .testTarget(name: "ConformanceTests", dependencies: ["MeetingNotes", "MeetingSourceTesting"]),

        // Safety on hostile input (Docs/Safety.md): the leak-loop / JSON-dump tool Scripts/safety.sh runs, and the suite.
        .executableTarget(name: "meeting-notes-safety", dependencies: ["MeetingNotes"], path: "Tools/meeting-notes-safety"),
        .testTarget(name: "HostileInputTests", dependencies: [
            "MeetingModel", "MeetingSourceTesting", "MeetingRecognizers", "ConfluenceHTML", "PlainTextImport",
            "MeetingExport", "MeetingNotes", "meeting-notes", "meeting-notes-safety",
        ], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
