import Foundation
import Testing
import TestProcessSupport
import MeetingModel
import MeetingExport

@Suite struct CSVTests {
    @Test func quotesPerRFC4180() {
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.field("cr\r") == "\"cr\r\"")
        #expect(CSV.row(["a", "b,c", ""]) == "a,\"b,c\",\r\n")
    }

    @Test func actionCSVMatchesGoldenFile() throws {
        let csv = ActionReport(meetings: [Sample.rich()]).csv()
        try TestSupport.checkGolden("rich-actions.csv", csv)
        #expect(csv.hasPrefix("meeting,date,agenda item,owners,text,due,status,tickets,source file,line\r\n"))
    }

    @Test(.enabled(if: TestSupport.python3, "needs python3"))
    func validatesWithPythonCSV() throws {
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("actions.csv")
        try Data(ActionReport(meetings: [Sample.rich()]).csv().utf8).write(to: file)
        let r = try TestSupport.validate(["csv", file.path, "--rows", "4"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rows = try #require(summary["rows"] as? [[String: String]])
        // Sorted by due date, undated last.
        #expect(rows.map { $0["due"] } == ["2026-11-20", "2026-11-25", "2026-12-18", ""])
        #expect(rows[2]["text"] == "identify a design for shared registries, \"friendly\" users first")
        #expect(rows[3]["text"] == "update the test plan, line 2\nsecond line")
        #expect(rows[3]["owners"] == "Unknown User (cdelacroix); Dana Ng")
        #expect(rows[1]["tickets"] == "ING-7 OPS-3")
        #expect(rows[1]["agenda item"] == "Day 1: Ingest status")
        #expect(rows[1]["source file"] == "f2f.txt" && rows[1]["line"] == "41")
    }
}

@Suite struct ActionFilterTests {
    let rows = ActionRow.rows(of: Sample.rich())

    @Test func matchesOwnersByNameAliasUsernameOrGroup() {
        let f = { (name: String) in rows.filter(ActionFilter(owner: name).matches).map(\.action.text) }
        #expect(f("ada quint") == ["ensure the plan is followed"])
        #expect(f("Ada Q.") == ["ensure the plan is followed"])
        #expect(f("@bokafor") == f("BOKAFOR"))
        #expect(f("BOKAFOR") == ["identify a design for shared registries, \"friendly\" users first"])
        #expect(f("cdelacroix") == ["update the test plan, line 2\nsecond line"])
        #expect(f("The Architecture  Team") == ["reach out to milestone owners"])
        #expect(f("Quint").isEmpty)
    }

    @Test func filtersByStatusDueOverdueAndTicket() {
        #expect(rows.filter(ActionFilter(status: .open).matches).count == 3)   // unknown counts as open
        #expect(rows.filter(ActionFilter(status: .done).matches).count == 1)
        #expect(rows.filter(ActionFilter(dueBefore: Sample.date("2026-11-25")).matches).map(\.action.due) == [Sample.date("2026-11-20")])
        // Overdue: not done and due before the day; the done item due 11-25 is not overdue.
        #expect(rows.filter(ActionFilter(overdueOn: Sample.date("2026-12-01")).matches).map(\.action.text) == ["reach out to milestone owners"])
        #expect(rows.filter(ActionFilter(ticket: "ops-3").matches).count == 1)
        #expect(rows.filter(ActionFilter(status: .open, ticket: "OPS-3").matches).isEmpty)
    }

    @Test func sortsByDueThenMeetingDate() {
        var early = Sample.rich()
        early.title = "Earlier"
        early.startDate = Sample.date("2026-01-05")
        let report = ActionReport(meetings: [Sample.rich(), early])
        #expect(report.rows.count == 8)
        #expect(report.rows.map { $0.action.due?.description ?? "-" } ==
                ["2026-11-20", "2026-11-20", "2026-11-25", "2026-11-25", "2026-12-18", "2026-12-18", "-", "-"])
        #expect(report.rows.prefix(2).map(\.meetingTitle) == ["Earlier", Sample.rich().title])
    }

    @Test func jsonAndJSONLinesAreDeterministicAndFlat() throws {
        let report = ActionReport(meetings: [Sample.rich()])
        let lines = report.jsonLines().split(separator: "\n")
        #expect(lines.count == 4)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["meeting"] as? String == Sample.rich().title)
        #expect(first["meetingDate"] as? String == "2026-11-16")
        #expect(first["status"] as? String == "unknown")
        #expect(first["groups"] as? [String] == ["the Architecture team"])
        #expect(report.json() == ActionReport(meetings: [Sample.rich()]).json())
        let back = try JSONDecoder().decode([ActionRow].self, from: Data(report.json().utf8))
        #expect(back.map(\.action.text) == report.rows.map(\.action.text))
        #expect(back.map(\.sourceFile) == report.rows.map(\.sourceFile))
    }

    @Test func tableIsAligned() {
        let table = ActionReport(meetings: [Sample.rich()]).table(maxTextWidth: 20)
        let lines = table.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("DUE         STATUS   OWNERS"))
        let statusColumn = lines[0].range(of: "STATUS").map { lines[0].distance(from: lines[0].startIndex, to: $0.lowerBound) }
        #expect(statusColumn == 12)
        #expect(lines[1].hasPrefix("2026-11-20  unknown  the Architecture team"))
        #expect(lines[3].contains("identify a design f…"))
    }
}

@Suite struct PeopleReportTests {
    @Test func mergesPeopleAcrossMeetings() throws {
        var second = Sample.rich()
        // The same people under other spellings and identifiers.
        second.participants = [Person(name: "ada q.", attendance: .remote),
                               Person(name: "Cécile Delacroix", username: "cdelacroix")]
        second.agenda = []
        second.actionItems = [ActionItem(owners: [Person(name: "Cécile Delacroix", username: "cdelacroix")], text: "x",
                                         status: .done)]
        let report = PeopleReport(meetings: [Sample.rich(), second])
        let byName = Dictionary(uniqueKeysWithValues: report.sorted().map { ($0.person.name, $0) })
        let ada = try #require(byName["Ada Quint"])
        #expect(ada.attended == 2 && ada.chaired == 2 && ada.openActions == 0 && ada.doneActions == 1)
        let cecile = try #require(byName["Cécile Delacroix"])   // the resolved name replaces "Unknown User (…)"
        #expect(cecile.person.aliases == ["Unknown User (cdelacroix)"])
        #expect(cecile.attended == 2 && cecile.chaired == 1 && cecile.openActions == 1 && cecile.doneActions == 1)
        #expect(byName["Dana Ng"]?.chaired == 1)
        #expect(report.tallies.count == 5)
        #expect(report.csv().hasPrefix("person,username,attended,chaired,open actions,done actions\r\nAda Quint,aquint,2,2,0,1\r\n"))
    }
}

@Suite struct InspectionTests {
    @Test func countsAndFindsWordsOnlyInDiagnostics() {
        let r = InspectionReport(result: ImportResult(meeting: Sample.rich(), sourceIdentifier: "plain-text", isMeeting: true),
                                 ranking: [.init(identifier: "plain-text", confidence: 0.8), .init(identifier: "meeting-json", confidence: 0)])
        #expect(r.counts.days == 2 && r.counts.agendaItems == 7 && r.counts.actionItems == 4 && r.counts.participants == 5)
        #expect(r.counts.sections == 2 && r.counts.attachments == 1 && r.counts.planningTopics == 1 && r.counts.decisions == 1)
        // "Welcome" is an agenda topic; "I" (alone) and "zyxwv" stand nowhere else in the model.
        #expect(r.wordsOnlyInDiagnostics == ["I", "zyxwv"])
        let text = r.render()
        #expect(text.contains("source:      plain-text (confidence 0.80)\n"))
        #expect(text.contains("  12:3: warning: PDF debris [plain-text.debris-row]\n      text: I . zyxwv Welcome\n"))
        #expect(text.contains("  agenda items     7\n"))
        #expect(text.contains("words only in diagnostics: 2\n  I zyxwv\n"))
    }
}

@Suite struct TextTableTests {
    @Test func alignsWideCharactersByDisplayWidth() {
        var a = Sample.rich()
        a.actionItems = [ActionItem(owners: [Person(name: "山田太郎")], text: "日本語のタスク", status: .open),
                         ActionItem(owners: [Person(name: "Bob")], text: "plain", status: .done)]
        let lines = ActionReport(meetings: [a]).table().split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        // "STATUS" column holds "open"/"done"; the ACTION column starts at the same display column in each row.
        #expect(lines[1].hasPrefix("-    open    山田太郎  日本語のタスク  "))
        #expect(lines[2].hasPrefix("-    done    Bob       plain           "))
    }
}
