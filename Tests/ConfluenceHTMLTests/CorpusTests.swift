// swift-meeting-notes · ConfluenceHTMLTests
//
// Real pages by others in ../shared/corpus (see its SOURCES.tsv); skipped when the corpus is absent.

import ConfluenceHTML
import Foundation
import MeetingModel
import Testing

@Suite(.enabled(if: corpusPresent)) struct CorpusTests {
    static let files = [
        "export-html/dlx-bulldozer-order-of-inspections.html", "export-html/dlx-camera-movement-meeting-2024-03-22.html",
        "export-html/dlx-he-demo-agenda-2021-06-22.html", "export-html/dlx-motive-power-demo-2021-02-18.html",
        "export-html/dlx-motive-power-demo-2021-07-27.html", "export-html/dlx-retrospective-te-f24-3.html",
        "export-html/dlx-usability-test-amb-june.html", "storage/alexmar-es-jira-board-columns-622632.xhtml",
        "storage/alexmar-es-jql-114-tables-590349.xhtml", "storage/pravesh-developer-competencies-tables.xml",
        "storage/pravesh-software-development-page.xml", "storage/sward-cn-tasklist-body-163859.xhtml",
    ]
    let registry = MeetingSourceRegistry([ConfluenceStorageSource(), ConfluenceHTMLSource(), ConfluenceRESTSource()])

    func load(_ file: String) throws -> ImportResult {
        let input = try SourceInput(contentsOf: corpusURL.appendingPathComponent(file))
        return try registry.importMeeting(from: input)
    }

    @Test("every corpus page imports without error and deterministically", arguments: files)
    func imports(file: String) throws {
        let a = try load(file)
        let b = try load(file)
        #expect(MeetingJSON.encode(a.meeting) == MeetingJSON.encode(b.meeting))
        #expect(a.sourceIdentifier == (file.hasPrefix("storage/") ? "confluence-storage" : "confluence-html"))
        #expect(!a.meeting.sections.isEmpty)
        #expect(!a.meeting.diagnostics.contains { $0.severity == .error })
    }

    @Test("non-meeting pages are not meetings", arguments: [
        "export-html/dlx-bulldozer-order-of-inspections.html", "export-html/dlx-camera-movement-meeting-2024-03-22.html",
        "storage/alexmar-es-jira-board-columns-622632.xhtml", "storage/alexmar-es-jql-114-tables-590349.xhtml",
        "storage/pravesh-developer-competencies-tables.xml", "storage/pravesh-software-development-page.xml",
        "storage/sward-cn-tasklist-body-163859.xhtml",
    ])
    func notMeetings(file: String) throws {
        #expect(try load(file).isMeeting == false)
    }

    @Test("meeting-notes export: date, participants without suffixes, agenda, tasks")
    func motivePower0218() throws {
        let r = try load("export-html/dlx-motive-power-demo-2021-02-18.html")
        let m = r.meeting
        #expect(r.isMeeting)
        #expect(m.title == "Motive Power Demo Agenda - 2021-02-18")
        #expect(m.page.space == "VARLab")
        #expect(m.page.author?.name == "Jacob Nelson")
        #expect(m.page.lastModifiedBy?.name == "David Inglis")
        #expect(m.page.lastModified == CalendarDate(year: 2021, month: 3, day: 12))
        #expect(m.startDate == CalendarDate(year: 2021, month: 2, day: 18))
        #expect(m.participants.map(\.name) == ["Jacob Nelson", "David Inglis", "William Werth", "Sarah Fischer", "Duane Cressman"])
        #expect(m.participants.allSatisfy { $0.accountID != nil && !$0.unresolved })
        #expect(m.agendaItems.count == 9)
        #expect(m.agendaItems.first?.topic == "Introduction")
        #expect(m.agendaItems.first?.chairs.map(\.name) == ["William Werth", "Sarah Fischer"])
        #expect(m.actionItems.count == 2)
        #expect(m.actionItems.allSatisfy { $0.status == .done && $0.section == "Action items" })
        #expect(m.actionItems.map(\.taskID) == ["15", "17"])
        #expect(m.diagnostics.filter { $0.code == "confluence.user-status" }.count == 5)
    }

    @Test("14 one-item task lists, checked state, Jira links, attachments box")
    func motivePower0727() throws {
        let m = try load("export-html/dlx-motive-power-demo-2021-07-27.html").meeting
        #expect(m.startDate == CalendarDate(year: 2021, month: 7, day: 27))
        #expect(m.actionItems.count == 14)
        #expect(m.actionItems.filter { $0.status == .done }.count == 12)
        #expect(m.actionItems.map(\.taskID) == (1...14).map(String.init) || Set(m.actionItems.compactMap(\.taskID)).count == 14)
        #expect(m.actionItems.contains { $0.tickets.contains("MP-305") })
        #expect(m.actionItems[0].text.hasPrefix("ABC fire extinguisher notepad needs to be updated wrt \"nozzle\" damage"))
        #expect(m.participants.map(\.name) == ["Stacey Dineen", "David Inglis", "Jacob Nelson", "Kevin Bell"])
        #expect(m.attachments.map(\.fileName) == ["image-20210727-143037.png"])
        #expect(m.attachments.first?.fileType == "image/png")
    }

    @Test("agenda with times, comma-separated presenters, free text before a time element")
    func heDemo() throws {
        let m = try load("export-html/dlx-he-demo-agenda-2021-06-22.html").meeting
        #expect(m.startDate == CalendarDate(year: 2021, month: 6, day: 22))
        #expect(m.participants.first?.name == "Paul Pacheco")
        #expect(m.participants.count == 6)
        #expect(m.agendaItems.map { $0.start?.description } == ["10:00", "10:05", "10:20"])
        #expect(m.agendaItems.map { $0.end?.description } == ["10:05", "10:20", nil])
        #expect(m.agendaItems[0].chairs.map(\.name) == ["Stacey Dineen", "Duane Cressman", "Andrew Gordon"])
    }

    @Test("Jira macros at scale: 197 issue keys, placeholder text removed")
    func bulldozer() throws {
        let m = try load("export-html/dlx-bulldozer-order-of-inspections.html").meeting
        let json = String(decoding: MeetingJSON.encode(m), as: UTF8.self)
        #expect(json.components(separatedBy: "\"type\" : \"ticket\"").count - 1 == 197)
        #expect(json.contains("DOZ-89"))
        #expect(!json.contains("Getting issue details"))
    }

    @Test("storage quirks: CDATA repair, DOCTYPE wrapper, CJK tasks, page links")
    func storageQuirks() throws {
        let jql = try load("storage/alexmar-es-jql-114-tables-590349.xhtml").meeting
        #expect(jql.diagnostics.contains { $0.code == "confluence.cdata-repaired" })
        #expect(jql.sections.first?.title == "Qué es la búsqueda avanzada en Jira Cloud?")
        let code = jql.sections.flatMap(\.content.blocks).compactMap { b -> String? in if case .code(_, let t) = b { t } else { nil } }
        #expect(code.contains("project = \"TEST\""))
        let pravesh = try load("storage/pravesh-software-development-page.xml").meeting
        #expect(pravesh.title == "Software Development")
        #expect(pravesh.page.space == "storage")
        #expect(pravesh.diagnostics.contains { $0.code == "confluence.doctype-ignored" })
        #expect(String(decoding: MeetingJSON.encode(pravesh), as: UTF8.self).contains("page:UML Diagrams"))
        let cn = try load("storage/sward-cn-tasklist-body-163859.xhtml").meeting
        #expect(cn.sections.map(\.title) == ["小石潭记", "岳阳楼记"])
        #expect(cn.actionItems.count == 4)
        #expect(cn.actionItems.allSatisfy { $0.status == .open && $0.owners.isEmpty })
        #expect(cn.actionItems[0].text.hasPrefix("庆历四年春，滕子京谪守巴陵郡。"))
        #expect(String(decoding: MeetingJSON.encode(cn), as: UTF8.self).contains("“"))   // &ldquo; resolved
        #expect(!cn.diagnostics.contains { $0.code == "confluence.unknown-entity" })
    }
}
