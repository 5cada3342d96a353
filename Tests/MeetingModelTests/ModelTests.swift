import Foundation
import Testing
@testable import MeetingModel

@Suite struct CalendarDateTests {
    @Test func parsesAndPrintsISO() throws {
        let d = try #require(CalendarDate(iso8601: "2019-11-18"))
        #expect(d.year == 2019 && d.month == 11 && d.day == 18)
        #expect(d.description == "2019-11-18")
        #expect(CalendarDate(iso8601: "2019-02-29") == nil)
        #expect(CalendarDate(iso8601: "2020-02-29") != nil)
        #expect(CalendarDate(iso8601: "2019-11-1") == nil)
    }

    @Test func epochArithmeticRoundTrips() throws {
        let d = try #require(CalendarDate(year: 2019, month: 10, day: 28))
        #expect(CalendarDate(daysSinceEpoch: d.daysSinceEpoch) == d)
        #expect(d.adding(days: 4).description == "2019-11-01")
        #expect(d.isoWeekday == 1)   // a Monday
        #expect(CalendarDate(daysSinceEpoch: 0).description == "1970-01-01")
    }

    @Test func localTimeClampsAndPrints() throws {
        let t = try #require(LocalTime(hour: 9, minute: 5))
        #expect(t.description == "09:05")
        #expect(t.adding(minutes: 60 * 20).description == "23:59")
        #expect(LocalTime(hour: 24, minute: 0) == nil)
    }
}

@Suite struct PersonTests {
    @Test func matchesByIdentifierNameOrAlias() {
        let wil = Person(name: "Wil O'Mullane", aliases: ["Will O'Mullane"])
        #expect(wil.isSamePerson(as: Person(name: "will o’mullane")))
        #expect(!wil.isSamePerson(as: Person(name: "Kian-Tat Lim")))
        let a = Person(name: "Unknown User (gcomoretto)", username: "gcomoretto", unresolved: true)
        #expect(a.isSamePerson(as: Person(name: "G. Comoretto", username: "GComoretto")))
        #expect(!Person(name: "X", accountID: "1").isSamePerson(as: Person(name: "X", accountID: "2")))
    }
}

@Suite struct JSONContractTests {
    static func sample() -> Meeting {
        let ktl = Person(name: "Kian-Tat Lim", username: "ktl", attendance: .inPerson)
        let d = CalendarDate(year: 2019, month: 11, day: 25)
        return Meeting(
            title: "Leadership meeting",
            startDate: CalendarDate(year: 2019, month: 10, day: 28),
            endDate: CalendarDate(year: 2019, month: 10, day: 30),
            timeZone: "America/Los_Angeles",
            location: "Room 3",
            sections: [Section(title: "Logistics", level: 3, content: RichText(plain: "Bring slides."),
                               location: SourceLocation(line: 4))],
            participants: [ktl, Person(name: "Unknown User (npease)", username: "npease", unresolved: true,
                                       attendance: .remote)],
            agenda: [AgendaDay(day: 1, date: CalendarDate(year: 2019, month: 10, day: 28), items: [
                AgendaItem(start: LocalTime(hour: 9, minute: 0), end: LocalTime(hour: 9, minute: 30), topic: "Welcome",
                           chairs: [ktl],
                           notes: [.list(ListBlock(items: [ListItem([.text("Agenda "), .emphasis(strong: true, [.text("confirmed")])]),
                                                          ListItem(blocks: [.paragraph([.ticket(key: "DM-1")]),
                                                                            .list(ListBlock(ordered: true, items: [ListItem([.mention(ktl)])]))])]))]),
                AgendaItem(topic: "Lunch", kind: .meal),
            ])],
            actionItems: [
                ActionItem(owners: [ktl], text: "ensure A&A follows the plan", due: d, status: .done,
                           tickets: ["DM-22368"], agendaItem: AgendaItemReference(day: 1, index: 0),
                           location: SourceLocation(line: 12, column: 3)),
                ActionItem(groups: ["the DM-SST"], text: "reach out", status: .unknown, section: "Notes"),
            ],
            decisions: [Decision(text: "Adopt SQR-035", state: "decided")],
            attachments: [Attachment(fileName: "slides.pdf", fileType: "PDF File", modified: d,
                                     modifiedBy: Person(name: "mbutler", username: "mbutler"), comment: "SQuaRE slides")],
            planningTopics: [PlanningTopic(topic: "Conda", requestedBy: [ktl], timeRequired: TimeRequired(minutes: 30),
                                           timeRequiredText: "30 mins", notes: RichText(plain: "status?"))],
            taskSummary: "Looking good, no incomplete tasks.",
            page: PageMetadata(space: "DM", labels: ["f2f"], format: "plain-text"),
            diagnostics: [Diagnostic(.warning, code: "plain-text.debris-row", "PDF debris", at: SourceLocation(line: 3, column: 1), text: "I .")]
        )
    }

    @Test func roundTripsToAnEqualMeeting() throws {
        let m = Self.sample()
        let bytes = MeetingJSON.encode(m)
        let back = try MeetingJSON.decode(bytes)
        #expect(back == m)
        #expect(MeetingJSON.encode(back) == bytes)
    }

    @Test func writesTheContractKeys() throws {
        let bytes = MeetingJSON.encode(Self.sample())
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        for key in ["schemaVersion", "title", "startDate", "endDate", "timeZone", "location", "sections", "participants",
                    "agenda", "actionItems", "attachments", "planningTopics", "diagnostics"] {
            #expect(obj[key] != nil, "missing \(key)")
        }
        #expect(obj["schemaVersion"] as? Int == 1)
        #expect(obj["startDate"] as? String == "2019-10-28")
        let agenda = try #require(obj["agenda"] as? [[String: Any]])
        let items = try #require(agenda.first?["items"] as? [[String: Any]])
        #expect(items[0]["start"] as? String == "09:00")
        #expect(items[1]["start"] is NSNull)
        #expect((items[0]["actionItems"] as? [Any])?.count == 1)
        #expect((items[1]["actionItems"] as? [Any])?.count == 0)
        let actions = try #require(obj["actionItems"] as? [[String: Any]])
        #expect((actions[0]["agendaItem"] as? [String: Int]) == ["day": 1, "index": 0])
        #expect(actions[1]["agendaItem"] is NSNull)
        #expect(actions[0]["due"] as? String == "2019-11-25")
        let person = try #require((obj["participants"] as? [[String: Any]])?.last)
        #expect(person["name"] as? String == "Unknown User (npease)")
        #expect(person["username"] as? String == "npease")
        #expect(person["unresolved"] as? Bool == true)
        #expect(person["attendance"] as? String == "remote")
        let planning = try #require((obj["planningTopics"] as? [[String: Any]])?.first)
        #expect((planning["timeRequired"] as? [String: Int]) == ["minutes": 30])
        let diag = try #require((obj["diagnostics"] as? [[String: Any]])?.first)
        #expect(diag["line"] as? Int == 3 && diag["column"] as? Int == 1 && diag["severity"] as? String == "warning")
    }

    @Test func rejectsNewerSchemaAndGarbage() {
        #expect(throws: MeetingImportError.self) { try MeetingJSON.decode(Array(#"{"schemaVersion": 99}"#.utf8)) }
        let e = #expect(throws: MeetingImportError.self) { try MeetingJSON.decode(Array("nope".utf8)) }
        #expect(e?.code == .malformedMarkup)
    }

    @Test func plainTextRendersNestedLists() {
        let m = Self.sample()
        #expect(m.agenda[0].items[0].notes.plainText == "- Agenda confirmed\n- DM-1\n  - Kian-Tat Lim")
    }
}

struct ToySource: MeetingSource {
    var identifier: String { "toy" }
    func confidence(for input: SourceInput) -> Double {
        input.bytes.starts(with: Array("TOY\n".utf8)) ? 0.9 : (input.fileExtension == "toy" ? 0.5 : 0)
    }
    func importMeeting(from input: SourceInput, options: ImportOptions) throws(MeetingImportError) -> ImportResult {
        guard let text = String(validating: input.bytes, as: UTF8.self) else {
            throw MeetingImportError(.undecodableText, "not UTF-8", at: SourceLocation(line: 1))
        }
        let lines = text.split(separator: "\n").dropFirst()
        guard let title = lines.first else { throw MeetingImportError(.emptyInput, "no title line") }
        return ImportResult(meeting: Meeting(title: String(title)), sourceIdentifier: identifier, isMeeting: true)
    }
}

struct AlwaysSource: MeetingSource {
    var identifier: String { "always" }
    func confidence(for input: SourceInput) -> Double { 0.1 }
    func importMeeting(from input: SourceInput, options: ImportOptions) throws(MeetingImportError) -> ImportResult {
        ImportResult(meeting: Meeting(title: "fallback"), sourceIdentifier: identifier, isMeeting: false)
    }
}

@Suite struct RegistryTests {
    @Test func picksTheMostConfidentSource() throws {
        var registry = MeetingSourceRegistry([AlwaysSource()])
        registry.register(ToySource())
        let r = try registry.importMeeting(from: SourceInput(text: "TOY\nStand-up\n"))
        #expect(r.sourceIdentifier == "toy")
        #expect(r.meeting.title == "Stand-up")
        #expect(try registry.importMeeting(from: SourceInput(text: "other")).sourceIdentifier == "always")
        #expect(registry.rank(SourceInput(text: "x", fileName: "a.toy")).first?.source.identifier == "toy")
    }

    @Test func reportsUnsupportedAndSourceErrorsWithFile() {
        let empty = MeetingSourceRegistry()
        let e1 = #expect(throws: MeetingImportError.self) {
            try empty.importMeeting(from: SourceInput(text: "x", fileName: "a.txt"))
        }
        #expect(e1?.code == .unsupportedFormat)
        #expect(e1?.description == "a.txt: error: unsupported-format: no registered source recognises this input")
        let toy = MeetingSourceRegistry([ToySource()])
        let e2 = #expect(throws: MeetingImportError.self) {
            try toy.importMeeting(from: SourceInput(bytes: [0x54, 0x4F, 0x59, 0x0A, 0xFF], fileName: "b.toy"))
        }
        #expect(e2?.description == "b.toy:1:1: error: [toy] undecodable-text: not UTF-8")
        let e3 = #expect(throws: MeetingImportError.self) {
            try toy.importMeeting(from: SourceInput(text: "x"), using: "nope")
        }
        #expect(e3?.code == .unsupportedFormat)
    }

    @Test func registeringTheSameIdentifierReplaces() {
        var registry = MeetingSourceRegistry([ToySource()])
        registry.register(ToySource())
        #expect(registry.sources.count == 1)
    }

    @Test func userDirectoryReadsItsFileForm() throws {
        let json = #"{"8a7f808a6e1c2b3d016e1c2b3d4e0001": {"username": "ktl", "displayName": "Kian-Tat Lim"}}"#
        let dir = try UserDirectory(json: Array(json.utf8))
        #expect(dir.lookup("8A7F808A6E1C2B3D016E1C2B3D4E0001")?.displayName == "Kian-Tat Lim")
        #expect(dir.lookup("ktl")?.displayName == "Kian-Tat Lim")
        #expect(throws: MeetingImportError.self) { try UserDirectory(json: Array("[1]".utf8)) }
    }
}
