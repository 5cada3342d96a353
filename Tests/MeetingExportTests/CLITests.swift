import Foundation
import Testing
import TestProcessSupport
import MeetingModel
import MeetingExport

/// End-to-end tests of the built `meeting-notes` binary.
enum CLI {
    /// The binary, next to the test bundle's resources in the build folder.
    static let binary: URL? = {
        let candidates = [Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("meeting-notes"),
                          TestSupport.packageRoot.appendingPathComponent(".build/debug/meeting-notes")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static var available: Bool { binary != nil }

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> TestSupport.RunResult {
        try TestSupport.run(try #require(binary).path, arguments, stdin: stdin)
    }
}

@Suite(.enabled(if: CLI.available, "the meeting-notes binary is not built"))
struct CLITests {
    @Test func convertsMeetingJSONToEveryFormat() throws {
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("rich.json")
        try Data(MeetingJSON.encode(Sample.rich())).write(to: file)

        let md = try CLI.run(["convert", file.path, "--format", "markdown"])
        #expect(md.status == 0)
        #expect(md.stderr.isEmpty)
        #expect(md.stdout == MarkdownExporter().render(Sample.rich()))

        let out = dir.appendingPathComponent("rich.ics")
        let ics = try CLI.run(["convert", file.path, "--format", "ics", "--output", out.path])
        #expect(ics.status == 0 && ics.stdout.isEmpty)
        #expect(try String(decoding: Data(contentsOf: out), as: UTF8.self) == ICalendarExporter().render(Sample.rich()))

        let json = try CLI.run(["convert", "-"], stdin: Data(MeetingJSON.encode(Sample.rich())))
        #expect(json.status == 0, "\(json.stderr)")
        #expect(try MeetingJSON.decode(Array(json.stdout.utf8)).actionItems == Sample.rich().actionItems)

        // --time-zone applies to pages that name no zone.
        var floating = Sample.rich()
        floating.timeZone = nil
        let floatingFile = dir.appendingPathComponent("floating.json")
        try Data(MeetingJSON.encode(floating)).write(to: floatingFile)
        let zoned = try CLI.run(["convert", floatingFile.path, "-f", "ics", "--time-zone", "Europe/Paris"])
        #expect(zoned.stdout.contains("DTSTART;TZID=Europe/Paris:20261116T090000\r\n"))
        let kept = try CLI.run(["convert", file.path, "-f", "ics", "--time-zone", "Europe/Paris"])
        #expect(kept.stdout.contains("DTSTART;TZID=America/Los_Angeles:20261116T090000\r\n"))

        let linked = try CLI.run(["convert", file.path, "-f", "markdown", "--ticket-url", "https://jira.example.org/browse/"])
        #expect(linked.stdout.contains("(due 2026-11-25, [ING-7](https://jira.example.org/browse/ING-7), [OPS-3](https://jira.example.org/browse/OPS-3))"))
        let mailed = try CLI.run(["convert", file.path, "-f", "ics", "--email-domain", "example.org"])
        #expect(mailed.stdout.contains("ATTENDEE;ROLE=CHAIR;CN=Ada Quint:mailto:aquint@example.org\r\n"))

        let jsonl = try CLI.run(["convert", file.path, "-f", "jsonl"])
        #expect(jsonl.stdout.split(separator: "\n").count == 4)
    }

    @Test func unreadableInputIsOneLineAndExitOne() throws {
        let r = try CLI.run(["convert", "/nonexistent/notes.html"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("/nonexistent/notes.html: error: unreadable-file: cannot read file") == true)
    }

    @Test func usageErrorsExitTwo() throws {
        let badFormat = try CLI.run(["convert", "x.json", "--format", "pdf"])
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("pdf"))
        let badZone = try CLI.run(["convert", "x.json", "--time-zone", "Mars/Olympus"])
        #expect(badZone.status == 2)
        #expect(badZone.stderr.contains("unknown time zone 'Mars/Olympus'"))
        let badDate = try CLI.run(["actions", ".", "--due-before", "18 Nov"])
        #expect(badDate.status == 2)
        let badSource = try CLI.run(["convert", "x.json", "--from", "wiki"])
        #expect(badSource.status == 2)
        #expect(badSource.stderr.contains("unknown source 'wiki'; known sources: confluence-storage, confluence-html"))
        let badUsers = try CLI.run(["convert", "x.json", "--users", "/nonexistent/users.json"])
        #expect(badUsers.status == 2)
        #expect(badUsers.stderr.hasPrefix("meeting-notes: --users /nonexistent/users.json: cannot read file"))
        let noPaths = try CLI.run(["actions"])
        #expect(noPaths.status == 2)
    }

    @Test func convertNotesPagesThatAreNotMeetings() throws {
        let r = try CLI.run(["convert", "-", "-f", "markdown"], stdin: Data("Lunch menu\n\nSoup of the day: lentil.\n".utf8))
        #expect(r.status == 0)
        #expect(r.stderr == "meeting-notes: note: <stdin>: does not look like meeting notes (read as plain-text); converting anyway\n")
        #expect(r.stdout.hasPrefix("# "))
    }

    @Test func helpAndVersion() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Exit status:"))
        #expect(help.stdout.contains("actions"))
        #expect(help.stdout.contains("inspect"))
        let version = try CLI.run(["--version"])
        #expect(version.status == 0 && version.stdout == "0.1.0\n")
        let actionsHelp = try CLI.run(["actions", "--help"])
        #expect(actionsHelp.stdout.contains("--overdue-on <DATE>"))
    }

    @Test func actionsOverAGeneratedSpace() throws {
        let root = try GeneratedSpace.write()
        defer { try? FileManager.default.removeItem(at: root) }
        let space = root.appendingPathComponent("space").path

        let csv = try CLI.run(["actions", space, "--owner", "aquint", "--status", "open", "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 191)       // header + 190
        #expect(lines[1].hasPrefix("Weekly sync 0,2026-01-01,Day 1: Round table,Ada Quint,follow up on item 0,2026-01-11,open,ING-0,"))
        // Ten pages are not meetings: one note each on stderr, and no failure.
        let notes = csv.stderr.split(separator: "\n")
        #expect(notes.count == 10)
        #expect(notes.allSatisfy { $0.hasPrefix("meeting-notes: note: ") && $0.hasSuffix("skipped: not meeting notes (read as meeting-json)") })

        let overdue = try CLI.run(["actions", space, "--overdue-on", "2026-03-01", "--format", "jsonl"])
        #expect(overdue.stdout.split(separator: "\n").count == 47)

        let table = try CLI.run(["actions", space, "--ticket", "ING-7"])
        #expect(table.stdout.split(separator: "\n").count == 2)
        #expect(table.stdout == "DUE         STATUS  OWNERS     ACTION               MEETING        DATE\n" +
                "2026-01-18  open    Ada Quint  follow up on item 7  Weekly sync 7  2026-01-08\n")

        let people = try CLI.run(["people", space, "--format", "csv"])
        #expect(people.status == 0)
        #expect(people.stdout == "person,username,attended,chaired,open actions,done actions\r\n" +
                "Ada Quint,aquint,190,64,190,0\r\nBram Okafor,bokafor,190,63,0,190\r\nDana Ng,,190,63,190,0\r\n")

        // A missing path: the rest is reported, exit status 1.
        let partial = try CLI.run(["actions", space, root.appendingPathComponent("missing").path, "--format", "json"])
        #expect(partial.status == 1)
        #expect(partial.stderr.contains("missing: error: unreadable-file: no such file or folder"))
        let rows = try JSONSerialization.jsonObject(with: Data(partial.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 570)
    }

    @Test func inspectShowsSourceCountsAndDiagnostics() throws {
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("rich.json")
        try Data(MeetingJSON.encode(Sample.rich())).write(to: file)
        let r = try CLI.run(["inspect", file.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("source:      meeting-json (confidence 0.95)\n"))
        #expect(r.stdout.contains("  action items     4\n"))
        #expect(r.stdout.contains("  12:3: warning: PDF debris [plain-text.debris-row]\n"))
        #expect(r.stdout.contains("words only in diagnostics: 2\n  I zyxwv\n"))
        let json = try CLI.run(["inspect", file.path, "--format", "json"])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(obj["sourceIdentifier"] as? String == "meeting-json")
        #expect(obj["wordsOnlyInDiagnostics"] as? [String] == ["I", "zyxwv"])
        #expect((obj["counts"] as? [String: Int])?["actionItems"] == 4)
        #expect(((obj["diagnostics"] as? [[String: Any]])?.first?["line"]) as? Int == 12)
        #expect(((obj["ranking"] as? [[String: Any]])?.first?["identifier"]) as? String == "meeting-json")
    }
}

/// 200 generated plain-text pages, in the form people paste from Confluence (invented content).
enum GeneratedPlainText {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func written(_ d: CalendarDate) -> String { "\(d.day) \(months[d.month - 1]) \(d.year)" }

    static func isMeeting(_ i: Int) -> Bool { i % 10 != 9 }

    static func page(_ i: Int) -> String {
        guard isMeeting(i) else { return "Lunch menu \(i)\n\nSoup of the day: lentil.\nBread: rye.\n" }
        let date = Sample.date("2026-03-02").adding(days: i)
        return """
        ## Platform Team Sync \(i), \(date)

        ### Participants

        - Ada Quint
        - Bram Okafor (Remote)
        - Dana Ng

        ### Agenda

        Time\tTopic\tChair\tDiscussion Topics\tNotes and action Items
        09:00\tWelcome\tAda Quint\tConfirm agenda.\tAgreed.
        09:30\tIngest status \(i)\tBram Okafor\tLatest updates.\tAda Quint — write ingest plan \(i). \(written(date.adding(days: 7)))  Dana Ng — review schema \(i). \(written(date.adding(days: 30)))
        10:00\tBreak\t\t\t

        """
    }

    static func write() throws -> URL {
        let root = try TestSupport.temporaryFolder()
        for i in 0..<200 {
            let sub = root.appendingPathComponent("export/\(i % 4)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            try Data(page(i).utf8).write(to: sub.appendingPathComponent("sync-\(i).txt"))
        }
        return root
    }
}

@Suite(.enabled(if: CLI.available, "the meeting-notes binary is not built"))
struct CLIPlainTextTests {
    @Test func actionsAndPeopleOverTwoHundredPlainTextPages() throws {
        let root = try GeneratedPlainText.write()
        defer { try? FileManager.default.removeItem(at: root) }
        let export = root.appendingPathComponent("export").path

        let all = try CLI.run(["actions", export, "-f", "jsonl"])
        #expect(all.status == 0)
        #expect(all.stdout.split(separator: "\n").count == 360)
        #expect(all.stderr.split(separator: "\n").count == 20)   // one note per lunch menu
        #expect(all.stderr.split(separator: "\n").allSatisfy { $0.contains("skipped: not meeting notes (read as plain-text)") })

        let ada = try CLI.run(["actions", export, "--owner", "ada quint", "-f", "csv"])
        let rows = ada.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.dropFirst()
        #expect(rows.count == 180)
        // Sorted by due date: page 0's item (due 2026-03-09) comes first.
        #expect(rows.first?.hasPrefix("\"Platform Team Sync 0, 2026-03-02\",2026-03-02,Day 1: Ingest status 0,Ada Quint,write ingest plan 0,2026-03-09,") == true)

        // Due before 2026-03-20: Ada's items of pages 0...10 (less page 9) = 10; Dana's are due 30 days later.
        let due = try CLI.run(["actions", export, "--due-before", "2026-03-20", "-f", "jsonl"])
        #expect(due.stdout.split(separator: "\n").count == 10)

        let people = try CLI.run(["people", export, "-f", "csv"])
        #expect(people.stdout == "person,username,attended,chaired,open actions,done actions\r\n" +
                "Ada Quint,,180,180,180,0\r\nBram Okafor,,180,180,0,0\r\nDana Ng,,180,0,180,0\r\n")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: TestSupport.packageRoot.appendingPathComponent("../shared/corpus").path)))
    func actionsOverTheSharedCorpus() throws {
        let corpus = TestSupport.packageRoot.appendingPathComponent("../shared/corpus").standardizedFileURL.path
        let r = try CLI.run(["actions", corpus, "-f", "jsonl"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let demo = rows.filter { ($0["sourceFile"] as? String)?.hasSuffix("dlx-motive-power-demo-2021-07-27.html") == true }
        #expect(demo.count == 14)
        // The non-meeting control pages are skipped with a note, not failed.
        for control in ["pravesh-software-development-page.xml", "pravesh-developer-competencies-tables.xml",
                        "dlx-bulldozer-order-of-inspections.html"] {
            #expect(r.stderr.contains(control + ": skipped: not meeting notes"), "\(control)")
        }
    }
}
