import Foundation
import Testing
import MeetingModel
import MeetingExport
import TestProcessSupport

/// A rich, invented meeting used by the exporter tests (no text from real pages).
enum Sample {
    static let ada = Person(name: "Ada Quint", username: "aquint", attendance: .inPerson, aliases: ["Ada Q."])
    static let bram = Person(name: "Bram Okafor", username: "bokafor", attendance: .inPerson)
    static let cecile = Person(name: "Unknown User (cdelacroix)", username: "cdelacroix", unresolved: true,
                               attendance: .remote)
    static let dana = Person(name: "Dana Ng", attendance: .remote)
    static let eli = Person(name: "Élise Fournier-Martín", username: "efm", attendance: .inPerson)

    static func date(_ s: String) -> CalendarDate {
        CalendarDate(iso8601: s) ?? CalendarDate(daysSinceEpoch: 0)
    }

    static func time(_ s: String) -> LocalTime? { LocalTime(hhmm: s) }

    static func rich() -> Meeting {
        let notes: RichText = [
            .paragraph([.text("Status of the "), .emphasis(strong: true, [.text("ingest")]), .text(" pipeline; see "),
                        .link(target: "https://example.org/docs/ingest (v2)", [.text("the docs")]), .text(".")]),
            .list(ListBlock(items: [
                ListItem([.text("Blockers: schema | registry * stability")]),
                ListItem(blocks: [
                    .paragraph([.text("Options discussed "), .emphasis(strong: false, [.text("at length")]), .text(":")]),
                    .list(ListBlock(items: [
                        ListItem([.text("- shared schema for _friendly_ users")]),
                        ListItem([.text("1. backups "), .ticket(key: "ING-42")]),
                    ])),
                ]),
                ListItem([.mention(bram), .text(" reports on "), .date(date("2026-11-18"), text: "18 Nov 2026"),
                          .text(" "), .status(title: "IN PROGRESS", colour: "Yellow")]),
            ])),
            .table(TableBlock(rows: [
                [TableCell(content: RichText(plain: "Option"), isHeader: true),
                 TableCell(content: RichText(plain: "Cost | risk"), isHeader: true)],
                [TableCell(content: RichText(plain: "Cloud")),
                 TableCell(content: [.list(ListBlock(items: [ListItem([.text("high")]), ListItem([.text("low")])]))])],
            ])),
            .panel(PanelBlock(kind: "info", title: "Reminder",
                              content: RichText(plain: "# not a heading <b>not bold</b> [not a link]"))),
            .code(language: "sh", text: "make ingest ```\necho done"),
        ]
        return Meeting(
            title: "Platform Team Face-to-Face, 2026-11-16 to 17",
            startDate: date("2026-11-16"), endDate: date("2026-11-17"),
            timeZone: "America/Los_Angeles",
            location: "Building 7, Room 3; Main campus",
            sections: [
                Section(title: "Logistics", level: 3, content: RichText(plain: "Meet at 09:00, coffee provided.")),
                Section(title: "Goals", level: 4, content: [
                    .list(ListBlock(ordered: true, items: [ListItem([.text("Agree the ingest plan")]),
                                                           ListItem([.text("Review *all* open actions")])])),
                ]),
            ],
            participants: [ada, bram, cecile, dana, eli],
            agenda: [
                AgendaDay(day: 1, date: date("2026-11-16"), title: "Day 1: 2026-11-16", items: [
                    AgendaItem(start: time("09:00"), topic: "Welcome", chairs: [ada],
                               discussion: RichText(plain: "Confirm agenda. Review action items.")),
                    AgendaItem(topic: "Team news", chairs: [ada]),
                    AgendaItem(start: time("09:45"), topic: "Ingest status", chairs: [bram, cecile],
                               discussion: RichText(plain: "Latest updates; timeline, risks."), notes: notes),
                    AgendaItem(start: time("10:30"), end: time("11:00"), topic: "Break", kind: .break),
                    AgendaItem(start: time("11:00"), topic: "Naïve 🚀 ideas — 日本語 too", chairs: [eli],
                               notes: RichText(plain: "A long line to make folding happen: " +
                                               String(repeating: "ünïcödé ", count: 12))),
                ]),
                AgendaDay(day: 2, items: [
                    AgendaItem(topic: "Planning", chairs: [dana]),
                    AgendaItem(start: time("13:00"), topic: "Close-out"),
                ]),
            ],
            actionItems: [
                ActionItem(owners: [bram], text: "identify a design for shared registries, \"friendly\" users first",
                           due: date("2026-12-18"), status: .open, tickets: ["ING-42"],
                           agendaItem: AgendaItemReference(day: 1, index: 2), location: SourceLocation(line: 40, column: 5)),
                ActionItem(owners: [ada], text: "ensure the plan is followed", due: date("2026-11-25"), status: .done,
                           tickets: ["ING-7", "OPS-3"], agendaItem: AgendaItemReference(day: 1, index: 2),
                           location: SourceLocation(line: 41)),
                ActionItem(owners: [cecile, dana], text: "update the test plan, line 2\nsecond line", status: .open,
                           agendaItem: AgendaItemReference(day: 1, index: 4), location: SourceLocation(line: 55)),
                ActionItem(groups: ["the Architecture team"], text: "reach out to milestone owners", due: date("2026-11-20"),
                           status: .unknown, section: "Notes", location: SourceLocation(line: 70)),
            ],
            decisions: [Decision(text: "Adopt the *shared* schema", state: "decided")],
            attachments: [Attachment(fileName: "ingest_plan [v2].pdf", fileType: "PDF File", modified: date("2026-11-10"),
                                     modifiedBy: bram, comment: "Slides, day 1")],
            planningTopics: [PlanningTopic(topic: "Conda packages", requestedBy: [ada, eli],
                                           timeRequired: TimeRequired(minutes: 30), timeRequiredText: "30 mins",
                                           notes: RichText(plain: "What is the status?"))],
            taskSummary: "2 incomplete tasks.",
            page: PageMetadata(space: "PLAT", lastModified: date("2026-11-20"), source: "f2f.txt", format: "plain-text"),
            diagnostics: [Diagnostic(.warning, code: "plain-text.debris-row", "PDF debris", at: SourceLocation(line: 12, column: 3),
                                     text: "I . zyxwv Welcome")]
        )
    }
}

/// Paths and helpers for fixtures, golden files and external tools.
enum TestSupport {
    /// The package root, from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixturesSource = packageRoot.appendingPathComponent("Tests/MeetingExportTests/Fixtures")

    /// Compares `text` with the golden file `name` (from the bundle); records it into the source tree when
    /// missing or when `RECORD_GOLDEN=1`.
    static func checkGolden(_ name: String, _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        let bundled = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")
        if record || bundled == nil {
            try Data(text.utf8).write(to: fixturesSource.appendingPathComponent(name))
            return
        }
        let url = try #require(bundled)
        let expected = try String(decoding: Data(contentsOf: url), as: UTF8.self)
        #expect(text == expected, "golden \(name) differs; run with RECORD_GOLDEN=1 to update", sourceLocation: sourceLocation)
    }

    /// python3, when installed.
    static let python3: Bool = {
        guard let r = try? run("/usr/bin/env", ["python3", "-c", "import csv, json"]) else { return false }
        return r.status == 0
    }()

    /// python3 with the icalendar package, when installed.
    static let pythonWithICalendar: Bool = {
        guard let r = try? run("/usr/bin/env", ["python3", "-c", "import icalendar"]) else { return false }
        return r.status == 0
    }()

    typealias RunResult = ChildProcessResult

    /// Runs a program and collects its output.
    static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil,
                    currentDirectory: URL? = nil) throws -> RunResult {
        try ChildProcess.run(URL(fileURLWithPath: executable), arguments, stdin: stdin, currentDirectory: currentDirectory)
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("meeting-export-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Validates exported files with Scripts/validate-exports.py; returns its output.
    static func validate(_ arguments: [String]) throws -> RunResult {
        try run("/usr/bin/env", ["python3", packageRoot.appendingPathComponent("Scripts/validate-exports.py").path] + arguments)
    }
}
