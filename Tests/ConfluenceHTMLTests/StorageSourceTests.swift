// swift-meeting-notes · ConfluenceHTMLTests

import ConfluenceHTML
import Foundation
import MeetingModel
import Testing

@Suite struct ConfluenceStorageSourceTests {
    let source = ConfluenceStorageSource()

    func f2f() throws -> ImportResult {
        var options = Fixture.options
        options.knownProjectKeys = ["DP"]
        return try source.importMeeting(from: try Fixture.input("f2f-storage.xhtml"), options: options)
    }

    @Test("multi-day meeting: dates, days and agenda rows with row spans")
    func agenda() throws {
        let r = try f2f()
        let m = r.meeting
        #expect(r.isMeeting)
        #expect(r.sourceIdentifier == "confluence-storage")
        #expect(m.startDate == CalendarDate(year: 2024, month: 3, day: 11))
        #expect(m.endDate == CalendarDate(year: 2024, month: 3, day: 13))
        #expect(m.timeZone == nil)
        var zoned = Fixture.options
        zoned.defaultTimeZone = "Europe/Berlin"
        #expect(try source.importMeeting(from: try Fixture.input("f2f-storage.xhtml"), options: zoned).meeting.timeZone == "Europe/Berlin")
        #expect(m.agenda.map(\.day) == [1, 2, 3])
        #expect(m.agenda.map { $0.date?.description } == ["2024-03-11", "2024-03-12", "2024-03-13"])
        #expect(m.agenda.map(\.items.count) == [6, 3, 2])
        #expect(m.agenda[2].title == "Day 3: 2024-03-13")   // a spanning table row, not a heading
        let day1 = m.agenda[0].items
        #expect(day1.map(\.topic) == ["Welcome", "Project news", "Storage roadmap", "Coffee break", "Ingest pipeline",
                                      "Lunch (provided)"])
        #expect(day1.map(\.kind) == [.session, .session, .session, .break, .session, .meal])
        // rowspan=2 chair applies to both rows; the spanned time only to the first.
        #expect(day1[0].chairs.map(\.name) == ["Ana Ortiz"])
        #expect(day1[1].chairs.map(\.username) == ["aortiz"])
        #expect(day1[0].start?.description == "09:00")
        #expect(day1[1].start == nil)
        #expect(day1[2].start?.description == "10:00")
        #expect(day1[2].end?.description == "10:30")   // the next row's start
        #expect(day1[2].chairs.map(\.name) == ["Bruno Keller", "Lena Fischer"])
        #expect(day1[2].chairs.first?.userKey == "8a7f808a6c1d2e3f016c1d2e3f4a0001")
        #expect(m.agenda[1].items[0].start?.description == "09:00")
        #expect(m.agenda[1].items[0].end?.description == "09:45")
        #expect(m.agenda[1].items.map(\.kind) == [.session, .social, .other])
        #expect(m.agenda[2].items[0].chairs.map(\.name) == ["Ana Ortiz", "Chen Wei"])
        #expect(m.agenda[2].items[0].chairs[1].accountID == "557058:1b2c3d4e-aaaa-bbbb-cccc-000000000003")
    }

    @Test("rich text in cells: nested lists, emphasis, status, expand, links")
    func richCells() throws {
        let m = try f2f().meeting
        let roadmap = m.agenda[0].items[2]
        guard case .list(let list)? = roadmap.discussion.blocks.first else {
            Issue.record("discussion is not a list: \(roadmap.discussion)")
            return
        }
        #expect(list.items.count == 2)
        guard case .list(let nested)? = list.items[0].blocks.last else {
            Issue.record("no nested list")
            return
        }
        #expect(nested.items.first?.blocks.first?.plainText == "Cold archive on tape")
        #expect(list.items[1].blocks.first == .paragraph([.link(target: "attachment:storage-roadmap.pdf", [.text("Slides")])]))
        #expect(roadmap.notes.plainText.contains("AGREED"))
        var statuses: [Inline] = []
        for b in roadmap.notes.blocks { if case .list(let l) = b { for i in l.items { if case .paragraph(let inl)? = i.blocks.first { statuses += inl.filter { if case .status = $0 { true } else { false } } } } } }
        #expect(statuses == [.status(title: "AGREED", colour: "Green")])
        #expect(m.agenda[0].items[1].notes.blocks == [.paragraph([.text("Budget approved for "),
                                                                  .emphasis(strong: true, [.text("two")]), .text(" more years.")])])
        guard case .panel(let expand)? = m.agenda[0].items[4].discussion.blocks.first else {
            Issue.record("no expand panel")
            return
        }
        #expect(expand.kind == "expand")
        #expect(expand.title == "Background")
        #expect(expand.content.blocks == [.paragraph([.text("Throughput doubled since "), .emphasis(strong: false, [.text("January")]), .text(".")])])
    }

    @Test("participants: user directory, unresolved keys kept, remote attendance")
    func participants() throws {
        let p = try f2f().meeting.participants
        #expect(p.map(\.name) == ["Ana Ortiz", "Bruno Keller", "Chen Wei", "8a7f808a6c1d2e3f016c1d2e3f4a0009",
                                  "Lena Fischer", "Dmitri Volkov"])
        #expect(p[1].username == "bkeller")
        #expect(p[1].userKey == "8a7f808a6c1d2e3f016c1d2e3f4a0001")
        #expect(p[2].username == "cwei")
        #expect(p[3].unresolved)
        #expect(p[3].userKey == "8a7f808a6c1d2e3f016c1d2e3f4a0009")
        #expect(p.filter(\.unresolved).count == 1)
        #expect(!p.contains { $0.name.contains("Unknown") })
        #expect(p[5].attendance == .remote)
    }

    @Test("action items: tasks and prose lines, with owners, due dates, status, tickets and agenda item")
    func actionItems() throws {
        let a = try f2f().meeting.actionItems
        #expect(a.count == 5)
        #expect(a.map(\.text) == ["publish the storage roadmap draft.", "review the retention policy",
                                  "benchmark the new parser", "confirm the fibre contract.", "circulate the minutes"])
        #expect(a.map { $0.owners.map(\.name) } == [["Bruno Keller"], ["Ana Ortiz"], ["8a7f808a6c1d2e3f016c1d2e3f4a0009"],
                                                    ["Lena Fischer"], ["Lena Fischer"]])
        #expect(a[0].owners[0].username == "bkeller")   // prose owner resolved to the participant
        #expect(a.map { $0.due?.description } == ["2024-03-25", "2024-04-01", "2024-03-20", "2024-04-02", "2024-03-15"])
        #expect(a.map(\.status) == [.open, .open, .done, .open, .open])
        #expect(a.map(\.tickets) == [[], ["DP-101"], ["DP-117"], [], []])
        #expect(a.map(\.agendaItem) == [AgendaItemReference(day: 1, index: 2), AgendaItemReference(day: 1, index: 2),
                                        AgendaItemReference(day: 1, index: 4), AgendaItemReference(day: 2, index: 0), nil])
        #expect(a.map(\.taskID) == [nil, "11", "12", nil, "21"])
        #expect(a[4].section == "Action items")
        #expect(a[2].owners[0].unresolved)
    }

    @Test("entities, CJK, panels, emoticons; toc and placeholders are not content")
    func contentFidelity() throws {
        let m = try f2f().meeting
        let location = try #require(m.sections.first { $0.title == "Location" })
        let text = location.content.plainText
        #expect(text.contains("Hotel München Nord, room «Zugspitze» — 2nd floor © venue. 会议室 北楼"))
        #expect(text.contains("Slides\nPlease upload slides before your session 🙂"))
        guard case .panel(let info)? = location.content.blocks.last else {
            Issue.record("no info panel")
            return
        }
        #expect(info.kind == "info")
        let json = String(decoding: MeetingJSON.encode(m), as: UTF8.self)
        #expect(!json.contains("Add people who attend"))
        #expect(!json.contains("maxLevel"))
        #expect(m.sections.map(\.title) == ["Logistics", "Date", "Location", "Participants", "Agenda", "Attached Documents",
                                            "Action items", "Task report", "Pre-Meeting Planning"])
        #expect(m.location == "Hotel München Nord, room «Zugspitze» — 2nd floor © venue. 会议室 北楼")
        #expect(m.sections.first { $0.title == "Date" }?.content.blocks.first?.plainText
                == "11–13 March 2024. The meeting starts at 09:00 on 2024-03-11.")
    }

    @Test("pre-meeting planning table")
    func planning() throws {
        let t = try f2f().meeting.planningTopics
        #expect(t.map(\.topic) == ["Storage roadmap", "Networks", "Next cycle"])
        #expect(t.map { $0.requestedBy.map(\.name) } == [["Bruno Keller"], ["Dmitri Volkov"], ["Ana Ortiz"]])
        #expect(t.map { $0.timeRequired?.minutes } == [30, 45, nil])
        #expect(t[2].timeRequiredText == "Wed AM?")
        #expect(t[2].notes.blocks == [.paragraph([.text("See "), .link(target: "https://example.org/plan", [.text("the plan")]),
                                                  .text(" and "), .link(target: "page:DP:Cycle Plan", [.text("Cycle Plan")]), .text(".")])])
    }

    @Test("unknown macro: diagnostic with name and location, body kept")
    func unknownMacro() throws {
        let m = try f2f().meeting
        let d = try #require(m.diagnostics.first { $0.code == "confluence.unknown-macro" })
        #expect(d.message.contains("roadmap-planner"))
        #expect(d.location?.line == 56)
        #expect(d.location?.column == 5)
        #expect(d.text == "source=xyz\nQ2: search, Q3: sharing")
        #expect(m.agenda[2].items[0].notes.plainText == "Q2: search, Q3: sharing")
    }

    @Test("macro handlers are a plug-in table: add one, replace a built-in")
    func macroPlugins() throws {
        let roadmap = ConfluenceMacroHandler(name: "roadmap-planner") { macro, draft in
            draft.blocks = [.paragraph([.text("Roadmap from \(macro.parameters["source"] ?? "?")")])]
        }
        let status = ConfluenceMacroHandler(name: "status") { macro, draft in
            draft.inlines = [.text("[\(macro.parameters["title"] ?? "")]")]
        }
        let custom = ConfluenceStorageSource(options: ConfluenceImportOptions(macroHandlers: [roadmap, status]))
        let m = try custom.importMeeting(from: try Fixture.input("f2f-storage.xhtml"), options: Fixture.options).meeting
        #expect(!m.diagnostics.contains { $0.code == "confluence.unknown-macro" })
        #expect(m.agenda[2].items[0].notes.plainText == "Roadmap from xyz")
        #expect(m.agenda[0].items[2].notes.plainText.contains("status [AGREED]"))
        #expect(ConfluenceMacroHandler.builtIn.contains { $0.name == "jira" })
    }

    @Test("classic meeting-notes blueprint")
    func blueprint() throws {
        let r = try source.importMeeting(from: try Fixture.input("blueprint-storage.xhtml"), options: Fixture.options)
        let m = r.meeting
        #expect(r.isMeeting)
        #expect(m.startDate == CalendarDate(year: 2023, month: 9, day: 14))
        #expect(m.participants.map(\.name) == ["Bruno Keller", "Lena Fischer", "ff00ff00ff00ff00ff00ff00ff00ff00"])
        #expect(m.participants.map(\.unresolved) == [false, false, true])
        #expect(m.sections.first { $0.title == "Goals" }?.content.plainText == "- Agree the Q4 release scope")
        #expect(m.agendaItems.map(\.topic) == ["Release scope", "Open bugs"])
        #expect(m.agendaItems[0].notes.plainText == "Search ships; sharing slips to Q1. AT RISK\nDuration: 10 min")
        #expect(m.agendaItems[1].notes.blocks.contains(.code(language: "jql", text: "project = REL AND priority = Blocker")))
        #expect(m.agendaItems[1].notes.blocks.first == .paragraph([.text("Three blockers: "), .ticket(key: "REL-7"), .text(", "), .ticket(key: "REL-9")]))
        #expect(m.agendaItems[1].chairs.first?.unresolved == true)
        let a = m.actionItems
        #expect(a.map(\.text) == ["update the release notes", "Book the demo room", "order the projector cable"])
        #expect(a.map(\.status) == [.open, .done, .open])
        #expect(a.map { $0.owners.first?.name } == ["Bruno Keller", nil, "ff00ff00ff00ff00ff00ff00ff00ff00"])
        #expect(a[0].due == CalendarDate(year: 2023, month: 9, day: 21))
        #expect(a.map(\.taskID) == ["1", "2", "3"])
        // The nested task list stays nested in the section content.
        let section = try #require(m.sections.first { $0.title == "Action items" })
        guard case .list(let tasks)? = section.content.blocks.first else {
            Issue.record("no task list")
            return
        }
        #expect(tasks.items.map(\.checked) == [false, true])
        #expect(tasks.items[1].blocks.count == 2)
        #expect(!String(decoding: MeetingJSON.encode(m), as: UTF8.self).contains("Type your task here"))
    }

    @Test("Cloud page: page properties, emoji headings, decisions")
    func cloud() throws {
        let r = try source.importMeeting(from: try Fixture.input("cloud-storage.xhtml"), options: Fixture.options)
        let m = r.meeting
        #expect(r.isMeeting)
        #expect(m.startDate == CalendarDate(year: 2025, month: 2, day: 3))
        #expect(m.participants.map(\.name) == ["Chen Wei", "712020:99999999-8888-7777-6666-555555555555", "Sam Hale"])
        #expect(m.participants[1].unresolved)
        #expect(m.participants[1].accountID == "712020:99999999-8888-7777-6666-555555555555")
        #expect(m.sections.map(\.title) == ["", "Goals", "Discussion topics", "Action items", "Decisions"])
        #expect(m.decisions.map(\.text) == ["Rotate weekly, handover on Mondays", "Two people on call at weekends"])
        #expect(m.decisions.map(\.state) == ["decided", "decided"])
        #expect(m.agendaItems.map(\.topic) == ["Rota options"])
        #expect(m.agendaItems[0].chairs.map(\.name) == ["Chen Wei"])
        #expect(m.actionItems.map(\.text) == ["draft the rota.", "set up the pager schedule"])
        #expect(m.actionItems.map { $0.owners.map(\.name) } == [["Sam Hale"], ["712020:99999999-8888-7777-6666-555555555555"]])
        #expect(m.actionItems[0].due == CalendarDate(year: 2025, month: 2, day: 14))
        #expect(m.actionItems[0].agendaItem == AgendaItemReference(day: 1, index: 0))
        #expect(m.actionItems[1].taskID == "31")
    }

    @Test("an Action | Owner | Due date table gives one action item per row")
    func actionTable() throws {
        let page = """
            <h2>Action plan</h2>
            <table><tbody>
            <tr><th><p>Action</p></th><th><p>Owner</p></th><th><p>Due date</p></th></tr>
            <tr><td><p>Renew the certificates <ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">OPS-12</ac:parameter></ac:structured-macro></p></td>
            <td><p><ac:link><ri:user ri:username="lfischer" /></ac:link></p></td><td><p><time datetime="2025-03-01" /></p></td></tr>
            <tr><td><p>Write the runbook</p></td><td><p>Sam Hale</p></td><td><p>7 Mar 2025</p></td></tr>
            <tr><td><p></p></td><td><p></p></td><td><p></p></td></tr>
            </tbody></table>
            """
        let m = try source.importMeeting(from: SourceInput(text: page), options: Fixture.options).meeting
        #expect(m.actionItems.map(\.text) == ["Renew the certificates", "Write the runbook"])
        #expect(m.actionItems.map { $0.owners.map(\.name) } == [["Lena Fischer"], ["Sam Hale"]])
        #expect(m.actionItems.map { $0.due?.description } == ["2025-03-01", "2025-03-07"])
        #expect(m.actionItems[0].tickets == ["OPS-12"])
        #expect(m.actionItems.allSatisfy { $0.section == "Action plan" && $0.status == .unknown })
        #expect(m.actionItems.map { $0.location?.line } == [4, 6])
        guard case .table(let t)? = m.sections.first?.content.blocks.first else {
            Issue.record("the table is not kept")
            return
        }
        #expect(t.rows.count == 4)
    }
}
