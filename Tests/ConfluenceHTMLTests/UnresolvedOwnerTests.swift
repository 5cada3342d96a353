import ConfluenceHTML
import MeetingModel
import Testing

@Suite struct UnresolvedOwnerTests {
    @Test func proseActionsWithUnresolvedMentionsKeepTheirOwners() throws {
        let page = """
        <h3>Action items</h3>
        <ul><li><ac:link><ri:user ri:userkey="8a7f808a8c1d0e4f018c1d0e4f7a0002" /></ac:link> &amp; \
        <ac:link><ri:user ri:userkey="8a7f808a8c1d0e4f018c1d0e4f7a0005" /></ac:link> &mdash; agree the crew rotation. \
        <time datetime="2024-03-22" /></li></ul>
        """
        let m = try ConfluenceStorageSource().importMeeting(from: SourceInput(text: page), options: ImportOptions()).meeting
        let action = try #require(m.actionItems.first)
        #expect(m.actionItems.count == 1)
        #expect(action.owners.map { $0.userKey } == ["8a7f808a8c1d0e4f018c1d0e4f7a0002", "8a7f808a8c1d0e4f018c1d0e4f7a0005"])
        #expect(action.owners.allSatisfy { $0.unresolved })
        #expect(action.text.hasPrefix("agree the crew rotation"))
        #expect(action.due?.description == "2024-03-22")
    }
}
