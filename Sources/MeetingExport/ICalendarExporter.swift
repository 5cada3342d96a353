// swift-meeting-notes · MeetingExport

import Foundation
public import MeetingModel

/// Renders a ``Meeting`` as an iCalendar (RFC 5545) calendar: one `VEVENT` per placed agenda item and
/// one `VTODO` per action item.
///
/// **Times.** Agenda times are wall-clock times in the meeting's zone. When ``Meeting/timeZone`` (or
/// ``Options/timeZone``) names a zone Foundation knows, times carry `TZID=` and the calendar holds a
/// `VTIMEZONE` built from Foundation's transitions for the years concerned; otherwise they are floating
/// local times.
///
/// **Placing items** (see ``placements(for:)``): a day's date is ``AgendaDay/date``, else the meeting's
/// start date plus the day number minus one; items of a day with no date get no event. An item with a
/// start time ends at its ``AgendaItem/end``, else at the next timed item's start, else after
/// ``Options/defaultDuration`` minutes (clamped to 23:59). Untimed items that follow a timed item share
/// the time until the next timed item in equal parts with it (or the time after its written end), or
/// follow it in ``Options/defaultDuration`` steps when no timed item comes later. (An end that reaches
/// the next timed item's start, as importers fill it in, does not count as leaving room.) Untimed items before
/// the day's first time, and items of days without any time, become all-day events.
///
/// **Determinism.** Output is byte-identical run to run: UIDs are FNV-1a hashes of the page title, start
/// date, day, index and topic (or action text), and `DTSTAMP` is derived from the page's last-modified,
/// created or start date at 00:00 UTC (1970-01-01 when none is known), never from the clock.
public struct ICalendarExporter: Sendable {
    /// Settings.
    public struct Options: Sendable, Hashable {
        /// Length of an item whose end is unknown, in minutes.
        public var defaultDuration: Int
        /// Overrides the meeting's ``Meeting/timeZone``.
        public var timeZone: String?
        /// When set, people with a username get `mailto:username@domain` addresses; others get a
        /// `urn:x-meeting-notes:person:` URI built from their name.
        public var emailDomain: String?
        /// Emit one `VTODO` per action item.
        public var includeTodos: Bool
        /// The `PRODID`.
        public var productID: String

        /// Creates options.
        public init(defaultDuration: Int = 30, timeZone: String? = nil, emailDomain: String? = nil,
                    includeTodos: Bool = true, productID: String = "-//swift-meeting-notes//MeetingExport//EN") {
            self.defaultDuration = defaultDuration
            self.timeZone = timeZone
            self.emailDomain = emailDomain
            self.includeTodos = includeTodos
            self.productID = productID
        }
    }

    /// Where an agenda item lands in the calendar.
    public struct Placement: Sendable, Hashable {
        /// The item.
        public var reference: AgendaItemReference
        /// The day.
        public var date: CalendarDate
        /// Start time; `nil` for an all-day event.
        public var start: LocalTime?
        /// End time (same day); `nil` for an all-day event.
        public var end: LocalTime?
    }

    /// The options in use.
    public var options: Options

    /// Creates an exporter.
    public init(options: Options = Options()) { self.options = options }

    /// Where each agenda item is placed (items of undated days are left out), in agenda order.
    public func placements(for meeting: Meeting) -> [Placement] {
        var out: [Placement] = []
        let step = max(1, options.defaultDuration)
        let lastMinute = 23 * 60 + 59
        for day in meeting.agenda {
            guard let date = day.date ?? meeting.startDate.map({ $0.adding(days: day.day - 1) }) else { continue }
            let items = day.items
            var i = 0
            while i < items.count {
                let ref = AgendaItemReference(day: day.day, index: i)
                guard let start = items[i].start else {
                    out.append(Placement(reference: ref, date: date, start: nil, end: nil))   // before any time
                    i += 1
                    continue
                }
                // The run: this timed item plus the untimed items after it.
                var j = i + 1
                while j < items.count, items[j].start == nil { j += 1 }
                let nextStart = j < items.count ? items[j].start : nil
                let untimed = j - i - 1
                let s = start.minutesSinceMidnight
                if untimed == 0 {
                    var e = items[i].end?.minutesSinceMidnight ?? nextStart?.minutesSinceMidnight ?? (s + step)
                    if e <= s { e = s + step }
                    out.append(Placement(reference: ref, date: date, start: start, end: minute(min(e, lastMinute), from: start)))
                } else {
                    // Share the gap until the next timed item (or default steps when there is none).
                    var cursor: Int
                    var slots: [(Int, Int)] = []
                    // A written end that leaves room before the next timed item bounds the timed item; an end
                    // that reaches the next start (importers fill `end` from it) is shared like no end at all.
                    if let written = items[i].end?.minutesSinceMidnight, written > s,
                       written < (nextStart?.minutesSinceMidnight ?? Int.max) {
                        slots.append((s, written))
                        cursor = written
                        let limit = nextStart?.minutesSinceMidnight ?? (written + untimed * step)
                        let share = max(1, (limit - written) / untimed)
                        for k in 0..<untimed {
                            let a = cursor, b = k == untimed - 1 ? max(limit, a + 1) : a + share
                            slots.append((a, b)); cursor = b
                        }
                    } else {
                        let limit = nextStart?.minutesSinceMidnight ?? (s + (untimed + 1) * step)
                        let share = max(1, (limit - s) / (untimed + 1))
                        cursor = s
                        for k in 0...untimed {
                            let a = cursor, b = k == untimed ? max(limit, a + 1) : a + share
                            slots.append((a, b)); cursor = b
                        }
                    }
                    for (k, slot) in slots.enumerated() {
                        let a = min(slot.0, lastMinute - 1), b = min(max(slot.1, a + 1), lastMinute)
                        out.append(Placement(reference: AgendaItemReference(day: day.day, index: i + k), date: date,
                                             start: minute(a, from: start), end: minute(b, from: start)))
                    }
                }
                i = j
            }
        }
        return out
    }

    /// The calendar as text with CRLF line ends and lines folded at 75 octets.
    public func render(_ meeting: Meeting) -> String {
        var w = ICalendarWriter()
        let zoneID = options.timeZone ?? meeting.timeZone
        let zone = zoneID.flatMap { TimeZone(identifier: $0) }
        let placements = placements(for: meeting)
        let stamp = (meeting.page.lastModified ?? meeting.page.created ?? meeting.startDate
            ?? CalendarDate(daysSinceEpoch: 0)).compact + "T000000Z"
        let uidBase = meeting.title + "\u{1F}" + (meeting.startDate?.description ?? "")

        w.line("BEGIN:VCALENDAR")
        w.line("VERSION:2.0")
        w.line("PRODID:" + ICalendarWriter.text(options.productID))
        w.line("CALSCALE:GREGORIAN")
        if !meeting.title.isEmpty { w.line("X-WR-CALNAME:" + ICalendarWriter.text(meeting.title)) }
        if let zone, let zoneID {
            w.line("X-WR-TIMEZONE:" + zoneID)
            let timed = placements.filter { $0.start != nil }.map(\.date.year)
            if let lo = timed.min(), let hi = timed.max() {
                VTimeZoneBuilder(zone: zone, identifier: zoneID).write(years: lo...hi, into: &w)
            }
        }

        var eventUIDs: [AgendaItemReference: String] = [:]
        let actionsByItem = Dictionary(grouping: meeting.actionItems.filter { $0.agendaItem != nil }) {
            $0.agendaItem ?? AgendaItemReference(day: 0, index: 0)
        }
        for p in placements {
            guard let item = meeting.agendaItem(p.reference) else { continue }
            let uid = StableHash.hex(uidBase + "\u{1F}\(p.reference.day)\u{1F}\(p.reference.index)\u{1F}" + item.topic)
                + "-d\(p.reference.day)i\(p.reference.index + 1)@swift-meeting-notes"
            eventUIDs[p.reference] = uid
            w.line("BEGIN:VEVENT")
            w.line("UID:" + uid)
            w.line("DTSTAMP:" + stamp)
            if let start = p.start, let end = p.end {
                w.line(dateTimeProperty("DTSTART", p.date, start, zone: zone, zoneID: zoneID))
                w.line(dateTimeProperty("DTEND", p.date, end, zone: zone, zoneID: zoneID))
            } else {
                w.line("DTSTART;VALUE=DATE:" + p.date.compact)
                w.line("DTEND;VALUE=DATE:" + p.date.adding(days: 1).compact)
            }
            w.line("SUMMARY:" + ICalendarWriter.text(item.topic.isEmpty ? "(untitled)" : item.topic))
            if let loc = meeting.location, !loc.isEmpty { w.line("LOCATION:" + ICalendarWriter.text(loc)) }
            let description = eventDescription(item, actions: actionsByItem[p.reference] ?? [])
            if !description.isEmpty { w.line("DESCRIPTION:" + ICalendarWriter.text(description)) }
            w.line("CATEGORIES:" + item.kind.rawValue.uppercased())
            if item.kind != .session { w.line("TRANSP:TRANSPARENT") }
            if let organizer = item.chairs.first {
                w.line("ORGANIZER" + cn(organizer) + ":" + address(organizer))
            }
            for chair in item.chairs {
                w.line("ATTENDEE;ROLE=CHAIR" + cn(chair) + ":" + address(chair))
            }
            for person in meeting.participants where !item.chairs.contains(where: { $0.isSamePerson(as: person) }) {
                w.line("ATTENDEE;ROLE=REQ-PARTICIPANT" + cn(person) + ":" + address(person))
            }
            w.line("END:VEVENT")
        }

        if options.includeTodos {
            for (index, action) in meeting.actionItems.enumerated() {
                w.line("BEGIN:VTODO")
                w.line("UID:" + StableHash.hex(uidBase + "\u{1F}action\u{1F}\(index)\u{1F}" + action.text)
                       + "-a\(index + 1)@swift-meeting-notes")
                w.line("DTSTAMP:" + stamp)
                w.line("SUMMARY:" + ICalendarWriter.text(action.text.isEmpty ? "(untitled action)" : action.text))
                if let due = action.due { w.line("DUE;VALUE=DATE:" + due.compact) }
                w.line("STATUS:" + (action.status == .done ? "COMPLETED" : "NEEDS-ACTION"))
                var desc: [String] = []
                if !action.groups.isEmpty { desc.append("Owners: " + action.groups.joined(separator: ", ")) }
                if !action.tickets.isEmpty { desc.append("Tickets: " + action.tickets.joined(separator: ", ")) }
                if action.status == .unknown { desc.append("Status not stated on the page.") }
                if let ref = action.agendaItem, let item = meeting.agendaItem(ref) {
                    desc.append("Agenda item: Day \(ref.day), " + item.topic)
                } else if let section = action.section {
                    desc.append("Section: " + section)
                }
                if !desc.isEmpty { w.line("DESCRIPTION:" + ICalendarWriter.text(desc.joined(separator: "\n"))) }
                if !action.tickets.isEmpty {
                    w.line("CATEGORIES:" + action.tickets.map(ICalendarWriter.text).joined(separator: ","))
                }
                for owner in action.owners {
                    w.line("ATTENDEE;ROLE=REQ-PARTICIPANT" + cn(owner) + ":" + address(owner))
                }
                if let ref = action.agendaItem, let uid = eventUIDs[ref] { w.line("RELATED-TO:" + uid) }
                w.line("END:VTODO")
            }
        }
        w.line("END:VCALENDAR")
        return w.text
    }

    private func dateTimeProperty(_ name: String, _ date: CalendarDate, _ time: LocalTime,
                                  zone: TimeZone?, zoneID: String?) -> String {
        let value = date.compact + "T" + pad2(time.hour) + pad2(time.minute) + "00"
        if zone != nil, let zoneID { return name + ";TZID=" + ICalendarWriter.parameter(zoneID) + ":" + value }
        return name + ":" + value
    }

    private func eventDescription(_ item: AgendaItem, actions: [ActionItem]) -> String {
        var parts: [String] = []
        if !item.chairs.isEmpty { parts.append("Chairs: " + item.chairs.map(\.name).joined(separator: ", ")) }
        if !item.discussion.isEmpty { parts.append("Discussion:\n" + item.discussion.plainText) }
        if !item.notes.isEmpty { parts.append("Notes:\n" + item.notes.plainText) }
        if !actions.isEmpty {
            parts.append("Action items:\n" + actions.map { a in
                let owners = (a.owners.map(\.name) + a.groups).joined(separator: ", ")
                return "- " + (a.status == .done ? "[x] " : "[ ] ") + (owners.isEmpty ? "" : owners + ": ") + a.text
                    + (a.due.map { " (due \($0))" } ?? "")
            }.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }

    private func cn(_ person: Person) -> String {
        ";CN=" + ICalendarWriter.parameter(person.name)
    }

    private func address(_ person: Person) -> String {
        if let domain = options.emailDomain, let user = person.username, !user.isEmpty {
            return "mailto:" + user + "@" + domain
        }
        let key = person.username ?? Person.normalizedName(person.name)
        var encoded = ""
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + hex2(byte)
            }
        }
        return "urn:x-meeting-notes:person:" + encoded
    }

    /// The time `total` minutes after midnight, expressed from a known time (clamped to the day).
    private func minute(_ total: Int, from anchor: LocalTime) -> LocalTime {
        anchor.adding(minutes: total - anchor.minutesSinceMidnight)
    }
}

/// Builds a `VTIMEZONE` from Foundation's time-zone transitions.
struct VTimeZoneBuilder {
    let zone: TimeZone
    let identifier: String

    func write(years: ClosedRange<Int>, into w: inout ICalendarWriter) {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(secondsFromGMT: 0) ?? utc.timeZone
        guard let from = utc.date(from: DateComponents(year: years.lowerBound, month: 1, day: 1)),
              let to = utc.date(from: DateComponents(year: years.upperBound + 1, month: 1, day: 1)) else { return }
        w.line("BEGIN:VTIMEZONE")
        w.line("TZID:" + ICalendarWriter.text(identifier))
        // The observance in force at the start of the range.
        let offset0 = zone.secondsFromGMT(for: from)
        let kind0 = zone.isDaylightSavingTime(for: from) ? "DAYLIGHT" : "STANDARD"
        component(kind0, start: "\(pad4(years.lowerBound))0101T000000", from: offset0, to: offset0,
                  into: &w)
        var cursor = from
        var guardCount = 0
        while let t = zone.nextDaylightSavingTimeTransition(after: cursor), t < to, guardCount < 64 {
            guardCount += 1
            let before = zone.secondsFromGMT(for: t.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: t)
            // DTSTART is the local time of the onset, in the offset in force before it.
            let local = t.addingTimeInterval(TimeInterval(before))
            let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: local)
            let start = pad4(c.year ?? 1970) + pad2(c.month ?? 1) + pad2(c.day ?? 1) + "T"
                + pad2(c.hour ?? 0) + pad2(c.minute ?? 0) + pad2(c.second ?? 0)
            component(zone.isDaylightSavingTime(for: t) ? "DAYLIGHT" : "STANDARD", start: start, from: before, to: after,
                      into: &w)
            cursor = t
        }
        w.line("END:VTIMEZONE")
    }

    /// One observance. No `TZNAME`: Foundation's abbreviations differ by platform ("PST" or "GMT-8"),
    /// and the output must not; clients name zones by `TZID`.
    private func component(_ kind: String, start: String, from: Int, to: Int, into w: inout ICalendarWriter) {
        w.line("BEGIN:" + kind)
        w.line("DTSTART:" + start)
        w.line("TZOFFSETFROM:" + offset(from))
        w.line("TZOFFSETTO:" + offset(to))
        w.line("END:" + kind)
    }

    private func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let s = abs(seconds)
        let hhmm = pad2(s / 3600) + pad2((s % 3600) / 60)
        return sign + hhmm + (s % 60 == 0 ? "" : pad2(s % 60))
    }
}

/// Accumulates content lines: folded at 75 octets without splitting UTF-8 sequences, CRLF-terminated.
struct ICalendarWriter {
    private(set) var text = ""

    mutating func line(_ content: String) {
        // Fold between Unicode scalars (never inside a UTF-8 sequence); a long grapheme cluster may be split,
        // which unfolding joins back exactly.
        var count = 0
        var limit = 75
        var current = String.UnicodeScalarView()
        for scalar in content.unicodeScalars {
            let size = UTF8.width(scalar)
            if count + size > limit {
                text.unicodeScalars.append(contentsOf: current)
                text += "\r\n "
                current = String.UnicodeScalarView()
                count = 0
                limit = 74          // the leading space takes one octet of the 75
            }
            current.append(scalar)
            count += size
        }
        text.unicodeScalars.append(contentsOf: current)
        text += "\r\n"
    }

    /// TEXT value escaping: backslash, semicolon, comma, newline (CR dropped, other controls removed).
    static func text(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            case "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A parameter value: quoted when it holds `:`, `;` or `,`; `"` and controls removed.
    static func parameter(_ value: String) -> String {
        var clean = ""
        var needsQuotes = false
        for scalar in value.unicodeScalars {
            if scalar == "\"" { clean += "'"; continue }
            if scalar.value < 0x20 || scalar.value == 0x7F { clean += " "; continue }
            if scalar == ":" || scalar == ";" || scalar == "," { needsQuotes = true }
            clean.unicodeScalars.append(scalar)
        }
        return needsQuotes ? "\"" + clean + "\"" : clean
    }
}

/// A deterministic 64-bit FNV-1a hash (Swift's `Hasher` is seeded per process, so it is not used).
public enum StableHash {
    /// FNV-1a over the UTF-8 bytes of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The hash as 16 lower-case hex digits.
    public static func hex(_ text: String) -> String {
        let h = fnv1a64(text)
        var out = ""
        for shift in stride(from: 56, through: 0, by: -8) { out += hex2(UInt8((h >> UInt64(shift)) & 0xFF)) }
        return out
    }
}

func hex2(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
}

func pad2(_ v: Int) -> String { v < 10 && v >= 0 ? "0\(v)" : "\(v)" }
func pad4(_ v: Int) -> String {
    let s = String(v)
    return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
}

extension CalendarDate {
    /// `YYYYMMDD`.
    var compact: String { pad4(year) + pad2(month) + pad2(day) }
}
