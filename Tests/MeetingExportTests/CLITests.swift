import Foundation
import Testing
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
    }
}
