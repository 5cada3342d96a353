import Foundation
import Testing
import TestProcessSupport
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

    @Test func foldsLongGraphemeClustersBetweenScalars() {
        let zalgo = "e" + String(repeating: "\u{0301}", count: 60)   // one Character, 121 octets
        let m = Meeting(title: "t", actionItems: [ActionItem(text: zalgo, status: .open)])
        let out = ICalendarExporter().render(m)
        for line in out.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        // Unfold on bytes: a fold may sit between a base letter and its combining marks.
        var bytes = Array(out.utf8), unfolded: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if i + 2 < bytes.count, bytes[i] == 13, bytes[i + 1] == 10, bytes[i + 2] == 32 { i += 3; continue }
            unfolded.append(bytes[i]); i += 1
        }
        bytes = Array(("SUMMARY:" + zalgo + "\r\n").utf8)
        #expect(String(decoding: unfolded, as: UTF8.self).utf8.elementsEqual(unfolded))
        #expect(unfolded.firstRange(of: bytes) != nil)
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

    @Test func untimedItemsShareTheGapAfterAnEndThatLeavesRoom() {
        let t = { (s: String) in LocalTime(hhmm: s) }
        let day = AgendaDay(day: 1, date: Sample.date("2026-03-02"), items: [
            // The importer filled the end from the next timed start: the untimed item shares 09:00-09:45.
            AgendaItem(start: t("09:00"), end: t("09:45"), topic: "Welcome"),
            AgendaItem(topic: "News"),
            // A written end that leaves room: the untimed items split 10:15-11:00.
            AgendaItem(start: t("09:45"), end: t("10:15"), topic: "Status"),
            AgendaItem(topic: "A"),
            AgendaItem(topic: "B"),
            AgendaItem(start: t("11:00"), topic: "Close"),
            AgendaItem(topic: "Drinks"),
        ])
        let p = ICalendarExporter().placements(for: Meeting(title: "t", agenda: [day]))
        let spans = p.map { "\($0.start?.description ?? "-")-\($0.end?.description ?? "-")" }
        #expect(spans == ["09:00-09:22", "09:22-09:45", "09:45-10:15", "10:15-10:37", "10:37-11:00",
                          "11:00-11:30", "11:30-12:00"])
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

    @Test func vTimeZoneCoversEveryYearOfTheMeeting() {
        // A southern-hemisphere meeting across New Year: daylight time at the start, transitions in both years.
        let m = Meeting(title: "NYE", startDate: Sample.date("2026-12-31"), endDate: Sample.date("2027-01-01"),
                        timeZone: "Australia/Sydney",
                        agenda: [AgendaDay(day: 1, items: [AgendaItem(start: LocalTime(hour: 9, minute: 0), topic: "a")]),
                                 AgendaDay(day: 2, items: [AgendaItem(start: LocalTime(hour: 9, minute: 0), topic: "b")])])
        let out = ICalendarExporter().render(m)
        let zone = out.components(separatedBy: "BEGIN:VTIMEZONE\r\n")[1].components(separatedBy: "END:VTIMEZONE")[0]
        #expect(zone.hasPrefix("TZID:Australia/Sydney\r\nBEGIN:DAYLIGHT\r\nDTSTART:20260101T000000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1100\r\n"))
        #expect(zone.contains("BEGIN:STANDARD\r\nDTSTART:20260405T030000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1000\r\n"))
        #expect(zone.contains("BEGIN:DAYLIGHT\r\nDTSTART:20261004T020000\r\nTZOFFSETFROM:+1000\r\nTZOFFSETTO:+1100\r\n"))
        #expect(zone.contains("DTSTART:20270404T030000"))
        #expect(zone.contains("DTSTART:20271003T020000"))
        #expect(zone.components(separatedBy: "BEGIN:").count - 1 == 5)
        #expect(out.contains("DTSTART;TZID=Australia/Sydney:20270101T090000\r\n"))
        // No daylight saving: one observance.
        var tokyo = m
        tokyo.timeZone = "Asia/Tokyo"
        let t = ICalendarExporter().render(tokyo)
        #expect(t.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\nBEGIN:STANDARD\r\nDTSTART:20260101T000000\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"))
        // An unknown zone falls back to floating times.
        var nowhere = m
        nowhere.timeZone = "Mars/Olympus"
        #expect(ICalendarExporter().render(nowhere).contains("DTSTART:20261231T090000\r\n"))
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
