import Foundation
import Testing
import MeetingModel
import MeetingExport
import MeetingNotes
import MeetingSourceTesting

@Suite struct MeetingJSONSourceTests {
    static func sample() -> Meeting {
        var m = Sample.rich()
        // Diagnostics of canonical JSON point into the page it was imported from, not into the JSON.
        m.diagnostics = []
        return m
    }

    @Test func passesTheConformanceKit() {
        let pretty = SourceInput(bytes: MeetingJSON.encode(Self.sample()), fileName: "rich.json")
        let compact = SourceInput(bytes: MeetingJSON.encode(Self.sample(), pretty: false))
        let failures = SourceConformance(source: MeetingJSONSource(), samples: [pretty, compact]).expectConformance()
        #expect(failures.isEmpty)
    }

    @Test func readsBackWhatItWrote() throws {
        let bytes = MeetingJSON.encode(Sample.rich())
        let r = try MeetingJSONSource().importMeeting(from: SourceInput(bytes: bytes, fileName: "x.json"), options: ImportOptions())
        #expect(r.meeting == Sample.rich())
        #expect(r.isMeeting)
        #expect(r.sourceIdentifier == "meeting-json")
    }

    @Test func sniffsSchemaVersionAtEitherEnd() {
        let s = MeetingJSONSource()
        #expect(s.confidence(for: SourceInput(bytes: MeetingJSON.encode(Sample.rich()))) == 0.95)   // > 4 KB, key near the end
        #expect(s.confidence(for: SourceInput(text: "\u{FEFF} {\"schemaVersion\": 1}")) == 0.95)
        #expect(s.confidence(for: SourceInput(text: "{\"type\": \"page\"}", fileName: "p.json")) == 0.2)
        #expect(s.confidence(for: SourceInput(text: "<html>schemaVersion</html>")) == 0)
        #expect(s.confidence(for: SourceInput(text: "")) == 0)
    }

    @Test func rejectsNewerSchemasWithTheFileName() {
        let e = #expect(throws: MeetingImportError.self) {
            try MeetingJSONSource().importMeeting(from: SourceInput(text: #"{"schemaVersion": 99}"#, fileName: "new.json"),
                                                  options: ImportOptions())
        }
        #expect(e?.code == .malformedMarkup)
        #expect(e?.file == "new.json" && e?.sourceIdentifier == "meeting-json")
    }

    @Test func standardRegistryHasEveryBuiltInSource() {
        let ids = MeetingSourceRegistry.standard.sources.map(\.identifier)
        #expect(ids == ["confluence-storage", "confluence-html", "confluence-rest-json", "meeting-json", "plain-text"])
        // Canonical JSON goes to the JSON source, not to the Confluence REST source.
        let best = MeetingSourceRegistry.standard.bestSource(for: SourceInput(bytes: MeetingJSON.encode(Sample.rich()),
                                                                             fileName: "m.json"))
        #expect(best?.identifier == "meeting-json")
    }

    @Test func meetingJSONLinesRoundTrip() throws {
        var second = Sample.rich()
        second.title = "Second"
        let text = MeetingJSONLines.render([Sample.rich(), second])
        #expect(text.split(separator: "\n").count == 2)
        #expect(try MeetingJSONLines.decode(text) == [Sample.rich(), second])
        let e = #expect(throws: MeetingImportError.self) { try MeetingJSONLines.decode(text + "{oops\n") }
        #expect(e?.location?.line == 3)
    }
}
