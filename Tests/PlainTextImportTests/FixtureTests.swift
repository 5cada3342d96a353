import Foundation
import Testing
import MeetingModel
import MeetingRecognizers
@testable import PlainTextImport

/// The seed's damage patterns on a page of our own writing (always runs).
@Suite struct OffsiteVariantTests {
    let bytes: [UInt8]
    let m: Meeting

    init() throws {
        bytes = try Support.fixture("offsite-variant.txt")
        m = try Support.importBytes(bytes).meeting
    }

    @Test func titleDatesLocation() {
        #expect(m.title == "Orbital Systems Leadership Offsite, 2021-03-08 to 10")
        #expect(m.startDate?.description == "2021-03-08" && m.endDate?.description == "2021-03-10")
        #expect(m.location == "Harbour Conference Centre, 12 Quay Street, Portsmouth. (Room B, 2nd floor)")
        #expect(m.sections.map(\.title) == ["Logistics", "Date", "Venue", "Location", "Slides"])
    }

    @Test func participants() throws {
        #expect(m.participants.count == 12)
        #expect(m.participants.prefix(4).map(\.name) == ["Amara Okafor", "jdoe", "kchan", "Bruno Lindqvist"])
        #expect(m.participants.filter(\.unresolved).map(\.username) == ["jdoe", "kchan", "mpatel"])
        #expect(m.participants.first { $0.name == "Greta Holm" }?.attendance == .remote)
        #expect(m.participants.first { $0.name == "Hugo Alvarez" }?.aliases == ["Hugo Alvares"])
    }

    @Test func agenda() throws {
        #expect(m.agenda.map { $0.date?.description } == ["2021-03-08", "2021-03-09", "2021-03-10"])
        #expect(m.agenda.map(\.items.count) == [10, 7, 4])
        #expect(m.agenda[1].title == nil && m.agenda[2].title == "Day 3: 2021-03-10")
        let day1 = m.agenda[0].items
        #expect(day1.map(\.kind) == [.session, .session, .session, .break, .session, .meal, .session, .break, .session, .other])
        #expect(day1[3].topic == "Break (Coffee Provided) (E")
        #expect(day1[5].topic == "Lunch (not provided — Harbour C canteen, bring your per dier m)")
        #expect(day1[1].start == nil && day1[1].topic == "Portfolio news")
        #expect(day1[8].topic == "Panel discussion" && day1[8].chairs.map(\.name) == ["Greta Holm"])
        let (_, cost) = try #require(m.item(day: 2, at: "16:00"))
        #expect(cost.topic == "Cost model refresh")
        #expect(cost.chairs.map(\.name) == ["Bruno Lindqvist", "mpatel"])
        let (_, tooling) = try #require(m.item(day: 2, at: "11:00"))
        #expect(tooling.chairs.map(\.name) == ["Isla McAdams", "kchan"])
        let (_, close) = try #require(m.item(day: 2, at: "17:00"))
        #expect(close.topic == "Close [Adjourn to the harbour restaurant for dinner]")
        #expect(m.item(day: 2, topic: "Visit to the Museum")?.1.kind == .social)
        #expect(m.diagnostics.filter { $0.code == "plain-text.debris-row" }.map(\.text) == ["I .", "1 I"])
        #expect(m.diagnostics.contains { $0.code == "plain-text.debris-cell" && $0.text == "'" })
        let (_, welcome) = try #require(m.item(day: 1, at: "09:00"))
        #expect(welcome.end?.description == "09:30")
        #expect(welcome.discussion.blocks.count == 2)
    }

    @Test func releaseManagementHoldsThreeActions() throws {
        let (ref, item) = try #require(m.item(day: 2, at: "13:45"))
        #expect(item.topic == "Release Management")
        #expect(item.chairs.map(\.name) == ["Amara Okafor", "Greta Holm"])
        let actions = m.actionItems(in: ref)
        #expect(actions.count == 3)
        #expect(actions.map(\.tickets) == [["OPS-90"], [], ["OPS-91"]])
        #expect(actions[0].text == "publish the release calendar")
        let vault = actions[2]
        #expect(vault.status == .done && vault.owners.map(\.name) == ["Chiara Rossi"])
        #expect(vault.due?.description == "2021-04-26" && vault.text == "move signing keys into the vault")
        guard case .list(let canary)? = item.discussion.blocks.last else { Issue.record("no list"); return }
        #expect(canary.items.count == 2)
    }

    @Test func actionItems() throws {
        #expect(m.actionItems.count == 13)
        #expect(m.actionItems.filter { $0.status == .done }.count == 3)
        let rota = m.actionItems[0]
        #expect(rota.owners.map(\.name) == ["Dmitri Volkov"] && rota.due?.description == "2021-04-15")
        let quota = m.actionItems[1]
        #expect(quota.owners.map(\.name) == ["Amara Okafor", "Chiara Rossi"])
        #expect(quota.due?.description == "2021-04-12" && quota.tickets == ["OPS-501"])
        let hugo = try #require(m.actionItems.first { $0.tickets == ["OPS-77"] })
        #expect(hugo.owners.first?.name == "Hugo Alvarez" && hugo.owners.first?.aliases == ["Hugo Alvares"])
        let tier = try #require(m.actionItems.first { $0.tickets == ["OPS-80"] })
        #expect(tier.owners.map(\.name) == ["Farid Haddad", "kchan", "Chiara Rossi"] && tier.text == "decide the archive tier")
        #expect(m.actionItems.first { $0.tickets == ["OPS-81"] }?.due?.description == "2021-04-11")
        let gateway = try #require(m.actionItems.first { $0.groups == ["Security team"] })
        #expect(gateway.owners.map(\.username) == ["mpatel"] && gateway.agendaItem == AgendaItemReference(day: 2, index: 0))
        let finance = try #require(m.actionItems.first { $0.groups == ["the Finance team"] })
        #expect(finance.tickets == ["OPS-95"] && finance.agendaItem == AgendaItemReference(day: 2, index: 5))
        #expect(!m.actionItems.contains { $0.text.contains("Getting issue") || $0.text.contains("STATUS") })
    }

    @Test func attachmentsPlanningTasks() {
        #expect(m.attachments.map(\.fileName) == ["Telemetry Backlog.pdf", "ground plan v2.pptx", "harbour-group.jpg",
                                                 "Roadmap 2021.key", "release_calendar.pdf"])
        #expect(m.attachments.map { $0.fileType ?? "" } == ["PDF File", "Microsoft Powerpoint Presentation", "JPEG File", "File", "PDF File"])
        #expect(m.attachments[1].modifiedBy?.username == "jdoe" && m.attachments[1].modified?.description == "2021-03-08")
        #expect(m.attachments[4].comment == "Ops slides")
        #expect(m.taskSummary == "Looking good, no incomplete tasks.")
        #expect(m.planningTopics.map(\.topic) == ["Telemetry pipeline", "Ground station plans", "Data retention", "Roadmap", "Security review"])
        #expect(m.planningTopics.map { $0.timeRequired?.minutes } == [30, 45, 20, nil, nil])
        #expect(m.planningTopics[3].timeRequiredText == "Thu AM?")
        #expect(m.planningTopics[1].requestedBy.map(\.name) == ["Elena Marchetti", "Bruno Lindqvist"])
    }

    @Test func nothingLost() {
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(WordCoverage.coverage(input: text, meeting: m) >= 0.99)
        #expect(WordCoverage.missingWords(input: text, meeting: m).isEmpty)
    }

    @Test func withoutHeadingMarksOrContents() throws {
        let text = String(decoding: bytes, as: UTF8.self)
        // No "#" heading marks: the known titles alone start the sections.
        let bare = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                var l = Substring(line)
                if l.hasPrefix("#") { l = l.drop { $0 == "#" }.dropFirst() }
                return String(l)
            }.joined(separator: "\n")
        let b = try Support.importBytes(Array(bare.utf8)).meeting
        #expect(b.title == m.title)
        #expect(b.agenda == m.agenda)
        #expect(b.actionItems == m.actionItems)
        #expect(b.participants == m.participants)
        #expect(b.attachments == m.attachments && b.planningTopics == m.planningTopics)
        #expect(b.sections.map(\.title) == m.sections.map(\.title) && b.sections.allSatisfy { $0.level == 0 })
        // Without the contents block, day 2 (no heading) is dated the day after day 1.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeSubrange(2..<16)
        let c = try Support.importBytes(Array(lines.joined(separator: "\n").utf8)).meeting
        #expect(c.agenda.map { $0.date?.description } == ["2021-03-08", "2021-03-09", "2021-03-10"])
        #expect(!c.diagnostics.contains { $0.code == "plain-text.contents" })
        #expect(c.agendaItems.count == 21 && c.actionItems.count == 13)
    }

    /// The same page in other encodings and line ends reads the same.
    @Test(arguments: ["crlf", "cr", "bom", "utf16le", "utf16be", "utf16le-nobom"])
    func encodings(_ form: String) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        var b: [UInt8]
        switch form {
        case "crlf": b = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        case "cr": b = Array(text.replacingOccurrences(of: "\n", with: "\r").utf8)
        case "bom": b = [0xEF, 0xBB, 0xBF] + bytes
        case "utf16le": b = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "utf16be": b = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        default: b = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }
        let other = try Support.importBytes(b).meeting
        #expect(other.agenda == m.agenda)
        #expect(other.actionItems == m.actionItems)
        #expect(other.participants == m.participants)
        #expect(other.title == m.title)
    }
}

/// The classic Confluence "Meeting notes" layout without markdown.
@Suite struct ClassicLayoutTests {
    @Test func readsClassicLayout() throws {
        let bytes = try Support.fixture("classic-meeting-notes.txt")
        let r = try Support.importBytes(bytes)
        let m = r.meeting
        #expect(r.isMeeting)
        #expect(m.title == "Weekly Platform Sync")
        #expect(m.startDate?.description == "2019-11-18" && m.endDate == m.startDate)
        #expect(m.participants.map(\.name) == ["Priya Natarajan", "Tomás Ruiz", "lkowalski", "Wen Zhao"])
        #expect(m.sections.map(\.title) == ["Date", "Goals"])
        let items = m.agendaItems
        #expect(items.map(\.topic) == ["Incident review", "Q1 priorities", "Hiring"])
        #expect(items.map { $0.start?.description } == [nil, "09:00", "09:30"])
        #expect(items[1].chairs.map(\.name) == ["Tomás Ruiz", "Wen Zhao"])
        #expect(items[0].notes.plainText == "Two incidents this week; both resolved.")
        #expect(m.diagnostics.contains { $0.code == "plain-text.time-not-clock" && $0.text == "10 min" })
        #expect(m.actionItems.map(\.status) == [.open, .done, .open])
        #expect(m.actionItems.map(\.text) == ["write the incident summary", "circulate the Q1 list", "Update the on-call rota"])
        #expect(m.actionItems.map { $0.due?.description } == ["2019-11-25", "2019-11-20", nil])
        #expect(m.actionItems.allSatisfy { $0.section == "Action items" && $0.agendaItem == nil })
        #expect(WordCoverage.missingWords(input: String(decoding: bytes, as: UTF8.self), meeting: m).isEmpty)
    }

    @Test func windows1252WithDeclaredOrDetectedEncoding() throws {
        let text = String(decoding: try Support.fixture("classic-meeting-notes.txt"), as: UTF8.self)
            .replacingOccurrences(of: "☐", with: "[ ]").replacingOccurrences(of: "☑", with: "[x]")
        var cp: [UInt8] = []
        for u in text.unicodeScalars {
            switch u {
            case "—": cp.append(0x97)
            case "–": cp.append(0x96)
            default: if u.value < 256 { cp.append(UInt8(u.value)) } else { Issue.record("not in cp1252: \(u)") }
            }
        }
        for declared in [ImportOptions.TextEncoding.windows1252, nil] {
            let m = try Support.importBytes(cp, options: ImportOptions(declaredEncoding: declared)).meeting
            #expect(m.participants[1].name == "Tomás Ruiz")
            #expect(m.actionItems.map(\.status) == [.open, .done, .open])
            #expect(m.actionItems[0].owners.map(\.name) == ["Priya Natarajan"])
        }
    }
}

/// Columns by runs of spaces, no heading marks, numeric and yearless dates, "9h" times.
@Suite struct SpaceColumnsTests {
    @Test func readsSpaceSeparatedColumns() throws {
        let bytes = try Support.fixture("space-columns.txt")
        let m = try Support.importBytes(bytes).meeting
        #expect(m.title == "Design Review — 2019-11-18")
        #expect(m.participants.map(\.name) == ["Ana Silva", "Ben Okoro", "cdiaz"])
        let items = m.agendaItems
        #expect(items.map(\.topic) == ["Opening", "Interfaces", "Coffee break", "Risks"])
        #expect(items.map { $0.start?.description } == ["09:00", "09:30", "10:15", "10:30"])
        #expect(items.map(\.kind) == [.session, .session, .break, .session])
        #expect(items[3].chairs.map(\.name) == ["Ana Silva", "Ben Okoro"])
        #expect(m.actionItems.count == 3)
        #expect(m.actionItems[0].due?.description == "2019-11-25")   // "Nov 25": year from the title
        #expect(m.actionItems[1].due?.description == "2019-12-02")   // 02/12/2019, day first
        #expect(m.actionItems[2].due?.description == "2019-11-29" && m.actionItems[2].section == "Action items")
        #expect(WordCoverage.missingWords(input: String(decoding: bytes, as: UTF8.self), meeting: m).isEmpty)
    }

    @Test func declaredMonthFirstOrder() throws {
        let m = try Support.importBytes(try Support.fixture("space-columns.txt"),
                                        options: ImportOptions(numericDateOrder: .monthFirst)).meeting
        #expect(m.actionItems[1].due?.description == "2019-02-12")
    }

    @Test func referenceYearOption() throws {
        let text = "Agenda\nTime\tTopic\tChair\tNotes\n10:00\tPlanning\tAna Silva\tAna Silva — send the plan. Nov 18\n"
        let m = try Support.importBytes(Array(text.utf8), options: ImportOptions(referenceYear: 2024)).meeting
        #expect(m.actionItems.first?.due?.description == "2024-11-18")
    }
}

/// A Markdown page: "#" headings, "*" bullets, pipe tables, "[x]" tasks.
@Suite struct MarkdownNotesTests {
    @Test func readsMarkdownTablesAndTasks() throws {
        let bytes = try Support.fixture("markdown-notes.md")
        let m = try Support.importBytes(bytes, name: "markdown-notes.md").meeting
        #expect(m.title == "Cartography Guild Monthly — 2024-05-14")
        #expect(m.startDate?.description == "2024-05-14")
        #expect(m.participants.map(\.name) == ["Noor Haddad", "Pieter van Dijk", "sokafor"])
        #expect(m.participants[1].attendance == .remote)
        let items = m.agendaItems
        #expect(items.map(\.topic) == ["Tile server upgrade", "Style guide", "Coffee break"])
        #expect(items.map { $0.start?.description } == ["14:00", "14:30", "15:00"])
        #expect(items[1].chairs.map(\.name) == ["Noor Haddad", "sokafor"])
        #expect(items[2].kind == .break)
        #expect(m.decisions.map(\.text) == ["Adopt the new colour ramp for all base maps."])
        #expect(m.actionItems.count == 3)
        #expect(m.actionItems[0].agendaItem == AgendaItemReference(day: 1, index: 0))
        #expect(m.actionItems[0].due?.description == "2024-05-31")
        #expect(m.actionItems[1].status == .done && m.actionItems[1].owners.first?.name == "Pieter van Dijk")
        #expect(m.actionItems[2].status == .open && m.actionItems[2].owners.first?.username == "sokafor")
        #expect(!m.diagnostics.contains { $0.code == "plain-text.debris-cell" })
        #expect(WordCoverage.missingWords(input: String(decoding: bytes, as: UTF8.self), meeting: m).isEmpty)
    }
}

@Suite struct FreeSectionActionTests {
    @Test func actionSentencesInFreeSections() throws {
        let text = """
        Team retro

        Notes
        - Good sprint overall.
        - Lena Fischer — book the retro room. 3 Jun 2024
        - DOC-12 - Getting issue details
        - We may 2 times revisit this — later.
        """
        let m = try Support.importBytes(Array(text.utf8)).meeting
        #expect(m.actionItems.count == 1)
        let a = try #require(m.actionItems.first)
        #expect(a.owners.map(\.name) == ["Lena Fischer"] && a.section == "Notes" && a.agendaItem == nil)
        #expect(a.due?.description == "2024-06-03" && a.tickets == ["DOC-12"])
        #expect(a.location == SourceLocation(line: 5))
        #expect(try !Support.importBytes(Array("Just prose\nNotes\n- fine\n".utf8)).isMeeting)
    }
}

/// Spellings met in chairs and owners become participants' aliases, each once, in the order chairs, then
/// owners (recorded walking the model in place, without an array of every person met).
@Suite struct AliasRecordingTests {
    @Test func aliasesFromChairsAndOwners() throws {
        let m = try Support.importBytes(try Support.fixture("alias-spellings.txt")).meeting
        let aliases = Dictionary(uniqueKeysWithValues: m.participants.map { ($0.name, $0.aliases) })
        // Met twice (chair and owner) under one spelling: recorded once.
        #expect(aliases["Hugo Alvarez"] == ["Hugo Alvares"])
        #expect(aliases["Greta Holm"] == ["Greta Hollm"])
        // Two spellings: the chair's first, then the owner's.
        #expect(aliases["Marta Lindgren"] == ["Marta Lindgrem", "Marta Lingren"])
        #expect(m.agenda.flatMap(\.items).map { $0.chairs.map(\.name) }
                == [["Hugo Alvarez"], ["Greta Holm"], ["Marta Lindgren"], ["Greta Holm"]])
        #expect(m.actionItems.map { $0.owners.map(\.name) }
                == [["Greta Holm"], ["Hugo Alvarez"], ["Hugo Alvarez"], ["Greta Holm"], ["Marta Lindgren"], ["Marta Lindgren"]])
        #expect(m.actionItems.map { $0.owners.first?.aliases ?? [] }
                == [[], ["Hugo Alvares"], [], ["Greta Hollm"], [], ["Marta Lingren"]])
    }
}
