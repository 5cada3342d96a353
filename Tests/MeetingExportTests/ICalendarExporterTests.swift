import Foundation
import Testing
import MeetingModel
import MeetingExport

@Suite struct ICalendarExporterTests {
    let ics = ICalendarExporter().render(Sample.rich())

    @Test func matchesGoldenFile() throws {
        try TestSupport.checkGolden("rich-meeting.ics", ics)
    }

    @Test func isByteIdenticalRunToRun() {
        #expect(ICalendarExporter().render(Sample.rich()) == ics)
    }

    @Test func usesCRLFAndFoldsAt75OctetsWithoutSplittingUTF8() {
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.utf8.count <= 75, "too long: \(line)")
            #expect(!line.contains("\n"))
        }
        // Continuation lines exist (the long ünïcödé description) and each is valid UTF-8 by construction.
        #expect(lines.contains { $0.hasPrefix(" ") && $0.contains("ünïcödé") })
        // Unfolding gives back the logical line.
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:Naïve 🚀 ideas — 日本語 too\r\n"))
    }

    @Test func escapesText() {
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("LOCATION:Building 7\\, Room 3\\; Main campus\r\n"))
        #expect(unfolded.contains("SUMMARY:update the test plan\\, line 2\\nsecond line\r\n"))
    }

    @Test func placesItemsByTheDocumentedRule() throws {
        let p = ICalendarExporter().placements(for: Sample.rich())
        func at(_ day: Int, _ index: Int) -> ICalendarExporter.Placement? {
            p.first { $0.reference == AgendaItemReference(day: day, index: index) }
        }
        // 09:00 Welcome + untimed "Team news" share the gap until 09:45.
        #expect(at(1, 0)?.start?.description == "09:00" && at(1, 0)?.end?.description == "09:22")
        #expect(at(1, 1)?.start?.description == "09:22" && at(1, 1)?.end?.description == "09:45")
        // Ends at the next item's start; a written end wins.
        #expect(at(1, 2)?.end?.description == "10:30")
        #expect(at(1, 3)?.end?.description == "11:00")
        // The day's last item gets the default 30 minutes.
        #expect(at(1, 4)?.end?.description == "11:30")
        // Day 2 has no date of its own: start date + 1. An untimed item before any time is all-day.
        #expect(at(2, 0)?.date.description == "2026-11-17" && at(2, 0)?.start == nil)
        #expect(at(2, 1)?.start?.description == "13:00" && at(2, 1)?.end?.description == "13:30")
        #expect(p.count == 7)
    }

    @Test func undatedMeetingsGetNoEventsButStillTodos() {
        let m = Meeting(title: "x", agenda: [AgendaDay(day: 1, items: [AgendaItem(start: LocalTime(hour: 9, minute: 0), topic: "a")])],
                        actionItems: [ActionItem(text: "do", status: .open)])
        let out = ICalendarExporter().render(m)
        #expect(!out.contains("BEGIN:VEVENT"))
        #expect(out.contains("BEGIN:VTODO"))
        #expect(out.contains("DTSTAMP:19700101T000000Z"))
    }

    @Test func zoneGetsVTimeZoneFromFoundationTransitions() {
        #expect(ics.contains("DTSTART;TZID=America/Los_Angeles:20261116T090000\r\n"))
        #expect(ics.contains("BEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles\r\n"))
        // 2026: DST starts 8 March 02:00 PST, ends 1 November 02:00 PDT.
        #expect(ics.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0800\r\nTZOFFSETTO:-0700\r\n"))
        #expect(ics.contains("BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\nTZOFFSETFROM:-0700\r\nTZOFFSETTO:-0800\r\n"))
    }

    @Test func floatingTimesWithoutAZone() {
        var m = Sample.rich()
        m.timeZone = nil
        let out = ICalendarExporter().render(m)
        #expect(out.contains("DTSTART:20261116T090000\r\n"))
        #expect(!out.contains("VTIMEZONE"))
        #expect(!out.contains("TZID"))
    }

    @Test func uidsAreStableAndDependOnThePage() {
        var other = Sample.rich()
        other.title = "Another meeting"
        let uid = { (s: String) in s.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        #expect(uid(ics).count == 11)
        #expect(Set(uid(ics)).count == 11)
        #expect(Set(uid(ics)).isDisjoint(with: uid(ICalendarExporter().render(other))))
        #expect(StableHash.hex("") == "cbf29ce484222325")
        #expect(StableHash.hex("a") == "af63dc4c8601ec8c")
    }

    @Test func todosCarryDueStatusAndOwners() {
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DUE;VALUE=DATE:20261125\r\nSTATUS:COMPLETED\r\n"))
        #expect(unfolded.contains("ATTENDEE;ROLE=REQ-PARTICIPANT;CN=Bram Okafor:urn:x-meeting-notes:person:bokafor\r\n"))
        #expect(unfolded.contains("ATTENDEE;ROLE=CHAIR;CN=\"Unknown User (cdelacroix)\"") == false)
        #expect(unfolded.contains("ATTENDEE;ROLE=CHAIR;CN=Unknown User (cdelacroix):urn:x-meeting-notes:person:cdelacroix\r\n"))
        let mail = ICalendarExporter(options: .init(emailDomain: "example.org")).render(Sample.rich())
        #expect(mail.contains("CN=Ada Quint:mailto:aquint@example.org\r\n"))
    }

    @Test(.enabled(if: TestSupport.pythonWithICalendar, "needs python3 with the icalendar package"))
    func validatesWithPythonICalendar() throws {
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("rich.ics")
        try Data(ics.utf8).write(to: file)
        let r = try TestSupport.validate(["ics", file.path, "--events", "7", "--todos", "4"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let events = try #require(summary["events"] as? [[String: Any]])
        #expect(events.map { $0["summary"] as? String } == ["Welcome", "Team news", "Ingest status", "Break",
                                                             "Naïve 🚀 ideas — 日本語 too", "Planning", "Close-out"])
        #expect(events[2]["start"] as? String == "2026-11-16T09:45:00-08:00")
        #expect(events[2]["chairs"] as? [String] == ["Bram Okafor", "Unknown User (cdelacroix)"])
        #expect(events[2]["location"] as? String == "Building 7, Room 3; Main campus")
        #expect((events[4]["description"] as? String)?.contains(String(repeating: "ünïcödé ", count: 12).dropLast()) == true)
        #expect(events[5]["start"] as? String == "2026-11-17")
        let todos = try #require(summary["todos"] as? [[String: Any]])
        #expect(todos.map { $0["status"] as? String } == ["NEEDS-ACTION", "COMPLETED", "NEEDS-ACTION", "NEEDS-ACTION"])
        #expect(todos[2]["summary"] as? String == "update the test plan, line 2\nsecond line")
        #expect(todos[2]["owners"] as? [String] == ["Unknown User (cdelacroix)", "Dana Ng"])
        #expect(todos[3]["due"] as? String == "2026-11-20")
        #expect(summary["timezones"] as? [String] == ["America/Los_Angeles"])
    }
}
