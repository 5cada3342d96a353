import ConfluenceHTML
import MeetingModel
import Testing

@Suite struct TitleFallbackTests {
    let source = ConfluenceStorageSource()

    @Test func aLoneOpeningHeadingIsTheTitle() throws {
        let page = "<h2>Ops review, 2024-05-02</h2><h3>Notes</h3><p>All good.</p><h3>Actions</h3><p>None.</p>"
        let m = try source.importMeeting(from: SourceInput(text: page, fileName: "x/ops.xml"), options: ImportOptions()).meeting
        #expect(m.title == "Ops review, 2024-05-02")
        #expect(m.sections.map(\.title) == ["Notes", "Actions"])
    }

    @Test func theFirstOfSeveralSectionsIsNotTheTitle() throws {
        let page = "<h2>Goals</h2><h3>Short term</h3><p>Ship.</p><h2>Notes</h2><p>All good.</p>"
        let m = try source.importMeeting(from: SourceInput(text: page, fileName: "pages/weekly-sync.storage.xhtml"),
                                         options: ImportOptions()).meeting
        #expect(m.title == "weekly-sync")
        #expect(m.sections.first?.title == "Goals")
    }
}
