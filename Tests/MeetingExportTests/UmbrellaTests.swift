import Foundation
import Testing
import MeetingNotes   // alone: the model, the exporters and the importers are re-exported

@Suite struct UmbrellaTests {
    @Test func oneImportGivesModelExportersAndImporters() throws {
        let text = "## Sync, 2026-03-02\n\n### Participants\n\n- Ada Quint\n- Dana Ng\n"
        let result = try MeetingSourceRegistry.standard.importMeeting(from: SourceInput(text: text, fileName: "sync.txt"))
        #expect(result.sourceIdentifier == PlainTextSource().identifier)
        #expect(result.meeting.participants.map(\.name) == ["Ada Quint", "Dana Ng"])
        #expect(MarkdownExporter().render(result.meeting).contains("## Participants\n\n- Ada Quint\n- Dana Ng\n"))
        #expect(ConfluenceStorageSource().identifier == "confluence-storage")
        #expect(ConfluenceHTMLSource().identifier == "confluence-html")
        #expect(ConfluenceRESTSource().identifier == "confluence-rest-json")
        #expect(MeetingJSON.schemaVersion == 1)
    }
}
