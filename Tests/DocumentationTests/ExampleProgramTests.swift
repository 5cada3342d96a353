// The programs in Examples/ run on the example pages and print what they should.
import Foundation
import MeetingNotes
import Testing
import TestProcessSupport

@Suite("Example programs", .enabled(if: ExampleProgram.available, "the example programs are not built"))
struct ExampleProgramTests {
    @Test("overdue-actions lists the open items due before the day, from every form of the page, oldest first")
    func overdueActions() throws {
        let run = try ExampleProgram.run("overdue-actions", ["Examples/pages", "2024-03-26"])
        #expect(run.status == 1, "exit status 1 means something is overdue")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let items = lines.filter { $0.hasPrefix("2024-") }
        // Three forms of one page (HTML, storage format, text): the two items due before the 26th, three times.
        #expect(items.count == 6)
        #expect(items.prefix(3).allSatisfy {
            $0 == "2024-03-22  4 days late  Benedikt Strauss, Farah Haddad: agree the crew rotation with the harbour master"
        })
        #expect(items.dropFirst(3).allSatisfy { $0.hasPrefix("2024-03-25  1 day late  Dmitri Volkov: publish the calibration report") })
        // users.json in the folder resolved the storage format's user keys, and was not read as a page.
        #expect(!run.stdout.contains("8a7f808a"))
        #expect(!run.stdout.contains("users.json"))
        // The item done on the page (due 2024-03-15) is not overdue.
        #expect(!run.stdout.contains("send the draft agreement"))
        #expect(lines.last == "6 open action items overdue on 2024-03-26.")
    }

    @Test("overdue-actions: nothing overdue gives status 0; a bad date gives status 2")
    func overdueActionsStatuses() throws {
        let none = try ExampleProgram.run("overdue-actions", ["Examples/pages", "2024-03-01"])
        #expect(none.status == 0)
        #expect(none.stdout == "Nothing overdue on 2024-03-01.\n")
        let bad = try ExampleProgram.run("overdue-actions", ["Examples/pages", "2024-13-01"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("'2024-13-01' is not a YYYY-MM-DD date"))
    }

    @Test("agenda-to-calendar writes one event per agenda item and one to-do per action item")
    func agendaToCalendar() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-to-calendar-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let ics = dir.appendingPathComponent("workshop.ics")
        let run = try ExampleProgram.run("agenda-to-calendar", [
            "Examples/pages/harbour-survey-workshop-2024-03.storage.xhtml", ics.path,
            "--users", "Examples/pages/users.json", "--time-zone", "Europe/Oslo",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("(read as confluence-storage)"))
        #expect(run.stdout.contains("  2024-03-11 09:00–09:30  Welcome and goals"))
        #expect(run.stdout.contains("  2024-03-12 09:00–10:00  Budget review"))
        #expect(run.stdout.hasSuffix("5 action items as to-dos\n"))

        let calendar = try String(contentsOf: ics, encoding: .utf8)
        // The calendar is exactly what the library's exporter writes for the page.
        let users = try UserDirectory(json: Array(try Data(contentsOf: Repo.url("Examples/pages/users.json"))))
        let page = try SourceInput(contentsOf: Repo.url("Examples/pages/harbour-survey-workshop-2024-03.storage.xhtml"))
        let meeting = try MeetingSourceRegistry.standard.importMeeting(
            from: page, options: ImportOptions(userDirectory: users, defaultTimeZone: "Europe/Oslo")).meeting
        #expect(calendar == ICalendarExporter(options: .init(timeZone: "Europe/Oslo")).render(meeting))
        #expect(calendar.components(separatedBy: "BEGIN:VEVENT").count - 1 == 10)
        #expect(calendar.components(separatedBy: "BEGIN:VTODO").count - 1 == 5)
        #expect(calendar.contains("DTSTART;TZID=Europe/Oslo:20240311T090000"))
    }

    @Test("agenda-to-calendar: a missing page gives status 1, a missing argument status 2")
    func agendaToCalendarErrors() throws {
        let missing = try ExampleProgram.run("agenda-to-calendar", ["Examples/pages/no-such-page.html", "/dev/null"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no-such-page.html"))
        let usage = try ExampleProgram.run("agenda-to-calendar", ["Examples/pages/harbour-survey-workshop-2024-03.txt"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("usage: agenda-to-calendar PAGE OUTPUT.ics"))
    }

    @Test("each example program stays under 80 lines")
    func examplesAreShort() throws {
        for name in ["overdue-actions", "agenda-to-calendar", "custom-source"] {
            let lines = try Repo.text("Examples/\(name)/main.swift").split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count < 80 + 1, "\(name) has \(lines.count) lines")
        }
    }
}
