import Foundation
import Testing
import MeetingModel
import MeetingExport
import MeetingNotes

/// A folder of 200 generated pages: 190 meetings (canonical JSON, three action items each) and 10
/// JSON pages that are not meetings, plus files that must be ignored.
enum GeneratedSpace {
    static let people = [Person(name: "Ada Quint", username: "aquint"), Person(name: "Bram Okafor", username: "bokafor"),
                         Person(name: "Dana Ng")]

    static func isMeeting(_ i: Int) -> Bool { i % 20 != 19 }

    static func meeting(_ i: Int) -> Meeting {
        let date = Sample.date("2026-01-01").adding(days: i)
        return Meeting(
            title: "Weekly sync \(i)", startDate: date, endDate: date,
            participants: people,
            agenda: [AgendaDay(day: 1, date: date, items: [AgendaItem(start: LocalTime(hour: 10, minute: 0), topic: "Round table",
                                                                     chairs: [people[i % 3]])])],
            actionItems: [
                ActionItem(owners: [people[0]], text: "follow up on item \(i)", due: date.adding(days: 10), status: .open,
                           tickets: ["ING-\(i)"], agendaItem: AgendaItemReference(day: 1, index: 0),
                           location: SourceLocation(line: 10 + i)),
                ActionItem(owners: [people[1]], text: "write notes \(i)", due: date.adding(days: 5), status: .done),
                ActionItem(owners: [people[2]], text: "think about \(i)", status: .unknown),
            ])
    }

    /// Writes the folder and returns its URL.
    static func write() throws -> URL {
        let root = try TestSupport.temporaryFolder()
        let fm = FileManager.default
        for i in 0..<200 {
            let sub = root.appendingPathComponent("space/\(i / 50)")
            try fm.createDirectory(at: sub, withIntermediateDirectories: true)
            let bytes: [UInt8] = isMeeting(i)
                ? MeetingJSON.encode(meeting(i))
                : Array(#"{"schemaVersion": 1, "title": "Space home \#(i)"}"#.utf8)
            try Data(bytes).write(to: sub.appendingPathComponent("page-\(i).json"))
        }
        // Ignored: another extension, and a hidden folder.
        try Data("not a page".utf8).write(to: root.appendingPathComponent("space/logo.png"))
        try fm.createDirectory(at: root.appendingPathComponent("space/.cache"), withIntermediateDirectories: true)
        try Data(MeetingJSON.encode(meeting(0))).write(to: root.appendingPathComponent("space/.cache/page-0.json"))
        return root
    }
}

@Suite struct MeetingBatchTests {
    @Test func reportsActionsOverTwoHundredPages() throws {
        let root = try GeneratedSpace.write()
        defer { try? FileManager.default.removeItem(at: root) }
        let batch = MeetingBatch(registry: .standard, width: 2)
        let space = root.appendingPathComponent("space").path
        #expect(batch.files(in: [space]).files.count == 200)

        let outcomes = batch.run(paths: [space]) { result, path in ActionRow.rows(of: result.meeting, sourceFile: path) }
        #expect(outcomes.count == 200)
        var skipped = 0
        var rows: [ActionRow] = []
        for o in outcomes {
            switch o.outcome {
            case .value(let r): rows += r
            case .skipped: skipped += 1
            case .failed(let e): Issue.record("unexpected failure: \(e)")
            }
        }
        #expect(skipped == 10)
        #expect(rows.count == 570)

        func count(_ filter: ActionFilter) -> Int { rows.filter(filter.matches).count }
        #expect(count(ActionFilter(owner: "aquint", status: .open)) == 190)
        #expect(count(ActionFilter(owner: "ADA QUINT", status: .done)) == 0)
        #expect(count(ActionFilter(status: .open)) == 380)
        #expect(count(ActionFilter(status: .done)) == 190)
        // Open and due before 1 March: "follow up" items of meetings 0...48, less the non-meetings 19 and 39.
        #expect(count(ActionFilter(overdueOn: Sample.date("2026-03-01"))) == 47)
        #expect(count(ActionFilter(dueBefore: Sample.date("2026-01-11"))) == 5)
        #expect(count(ActionFilter(ticket: "ing-7")) == 1)

        var report = ActionReport(rows: rows)
        report.sort()
        #expect(report.rows.first?.action.text == "write notes 0")
        #expect(report.rows.first?.action.due?.description == "2026-01-06")
        #expect(report.rows.suffix(190).allSatisfy { $0.action.due == nil })
        // Undated rows follow meeting date.
        #expect(report.rows.last?.action.text == "think about 198")   // 199 is not a meeting
        #expect(report.rows.first?.sourceFile?.hasSuffix("space/0/page-0.json") == true)
    }

    @Test func missingPathsFailAndUnknownFilesInFoldersAreSkipped() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("{\"not\": \"a meeting\"}".utf8).write(to: root.appendingPathComponent("other.json"))
        try Data().write(to: root.appendingPathComponent("empty.txt"))
        let batch = MeetingBatch(registry: MeetingSourceRegistry([MeetingJSONSource()]))
        let outcomes = batch.run(paths: [root.path, root.appendingPathComponent("nope.html").path]) { _, _ in 1 }
        #expect(outcomes.count == 3)
        var reasons: [String] = []
        var failures: [MeetingImportError] = []
        for o in outcomes {
            if case .skipped(let reason) = o.outcome { reasons.append(reason) }
            if case .failed(let e) = o.outcome { failures.append(e) }
        }
        #expect(reasons.sorted() == ["empty file", "not meeting notes (read as meeting-json)"])
        #expect(failures.map(\.code) == [.unreadableFile])
        #expect(failures.first?.description.hasSuffix("nope.html: error: unreadable-file: no such file or folder") == true)
    }
}

@Suite struct MeetingBatchFolderTests {
    @Test func strayFilesInFoldersAreSkippedAndExcludedFilesUnread() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let users = root.appendingPathComponent("users.json")
        try Data(#"{"8a7f": {"username": "aquint", "displayName": "Ada Quint"}}"#.utf8).write(to: users)
        try Data(#"{"settings": {"theme": "dark"}}"#.utf8).write(to: root.appendingPathComponent("settings.json"))
        var untitled = GeneratedSpace.meeting(3)
        untitled.title = ""
        try Data(MeetingJSON.encode(untitled)).write(to: root.appendingPathComponent("untitled-page.json"))

        var batch = MeetingBatch(registry: .standard)
        batch.excludedFiles = [MeetingBatch.standardized(users.path)]
        #expect(batch.files(in: [root.path]).files.map { ($0.path as NSString).lastPathComponent }
                == ["settings.json", "untitled-page.json"])
        let outcomes = batch.run(paths: [root.path]) { result, path in ActionRow.rows(of: result.meeting, sourceFile: path) }
        var skipped: [String] = []
        var rows: [ActionRow] = []
        for o in outcomes {
            switch o.outcome {
            case .skipped(let reason): skipped.append(reason)
            case .value(let r): rows += r
            case .failed(let e): Issue.record("unexpected failure \(e)")
            }
        }
        #expect(skipped.count == 1)
        #expect(skipped.first?.hasPrefix("not recognised as a page (confluence-rest-json guessed 0.20 and failed: ") == true)
        // A page without a title is reported under its file name.
        #expect(rows.map(\.meetingTitle) == ["untitled-page", "untitled-page", "untitled-page"])

        // Named directly, the same stray file is a failure.
        let direct = batch.run(paths: [root.appendingPathComponent("settings.json").path]) { _, _ in 0 }
        guard case .failed(let e)? = direct.first?.outcome else {
            Issue.record("expected a failure")
            return
        }
        #expect(e.code == .malformedMarkup)
    }
}
