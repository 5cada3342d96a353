// Every built-in source passes the conformance kit (MeetingSourceTesting) with the pages of its own
// fixtures as samples: the example pages of Examples/pages, the plain-text importer's fixtures, the
// Confluence importers' fixtures, and canonical JSON made from the example page.
import Foundation
import MeetingNotes
import MeetingSourceTesting
import Testing

enum Samples {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func input(_ path: String) throws -> SourceInput {
        try SourceInput(contentsOf: root.appendingPathComponent(path))
    }

    /// The sample pages of each built-in source, by identifier.
    static func pages(for identifier: String) throws -> [SourceInput] {
        switch identifier {
        case "plain-text":
            return [
                try input("Examples/pages/harbour-survey-workshop-2024-03.txt"),
                try input("Tests/PlainTextImportTests/Fixtures/classic-meeting-notes.txt"),
                try input("Tests/PlainTextImportTests/Fixtures/space-columns.txt"),
            ]
        case "confluence-storage":
            return [
                try input("Examples/pages/harbour-survey-workshop-2024-03.storage.xhtml"),
                try input("Tests/ConfluenceHTMLTests/Fixtures/f2f-storage.xhtml"),
                try input("Tests/ConfluenceHTMLTests/Fixtures/cloud-storage.xhtml"),
            ]
        case "confluence-html":
            return [
                try input("Examples/pages/harbour-survey-workshop-2024-03.html"),
                try input("Tests/ConfluenceHTMLTests/Fixtures/f2f-export.html"),
                try input("Tests/ConfluenceHTMLTests/Fixtures/cloud-export.html"),
            ]
        case "confluence-rest-json":
            return [
                try input("Tests/ConfluenceHTMLTests/Fixtures/rest-v1.json"),
                try input("Tests/ConfluenceHTMLTests/Fixtures/rest-v2.json"),
            ]
        case "meeting-json":
            let page = try input("Examples/pages/harbour-survey-workshop-2024-03.html")
            let meeting = try MeetingSourceRegistry.standard.importMeeting(from: page).meeting
            return [SourceInput(bytes: MeetingJSON.encode(meeting), fileName: "harbour-survey-workshop-2024-03.json")]
        default:
            return []
        }
    }
}

@Suite("Built-in sources pass the conformance kit")
struct BuiltInSourceConformanceTests {
    @Test("the standard registry holds exactly the five built-in sources")
    func standardRegistry() {
        #expect(MeetingSourceRegistry.standard.sources.map(\.identifier)
                == ["confluence-storage", "confluence-html", "confluence-rest-json", "meeting-json", "plain-text"])
    }

    @Test("each sample is read by the source it is a sample of, as a meeting",
          arguments: ["plain-text", "confluence-storage", "confluence-html", "confluence-rest-json", "meeting-json"])
    func samplesAreSniffedCorrectly(_ identifier: String) throws {
        let pages = try Samples.pages(for: identifier)
        #expect(!pages.isEmpty)
        for page in pages {
            let result = try MeetingSourceRegistry.standard.importMeeting(from: page)
            #expect(result.sourceIdentifier == identifier, "\(page.fileName ?? "?")")
            #expect(result.isMeeting, "\(page.fileName ?? "?")")
        }
    }

    @Test("the source passes every conformance check on its samples and their damaged variants",
          arguments: ["plain-text", "confluence-storage", "confluence-html", "confluence-rest-json", "meeting-json"])
    func conformance(_ identifier: String) throws {
        let source = try #require(MeetingSourceRegistry.standard.source(identifier: identifier))
        let failures = SourceConformance(source: source, samples: try Samples.pages(for: identifier)).run()
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }
}
