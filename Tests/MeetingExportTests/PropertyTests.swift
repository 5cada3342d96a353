import Foundation
import Ink
import Testing
import MeetingModel
import MeetingExport
import TestProcessSupport

/// The shared deterministic generator (SplitMix64), so that failures reproduce.
typealias SplitMix = SplitMix64

enum Nasty {
    static let pieces = ["a", "Z", " ", "  ", ",", ";", "\"", "\\", "\n", "\r\n", "\r", "\t", "|", "*", "_", "[", "]", "<", ">",
                         "#", "-", "1.", "`", "~", "&amp;", "é", "日本", "🚀", "e\u{301}", "\u{200B}", ":", "=", "+", "!", "(", ")"]

    static func text(_ rng: inout SplitMix, maxPieces: Int = 12) -> String {
        let n = Int(rng.next() % UInt64(maxPieces + 1))
        return (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
    }
}

/// An RFC 4180 reader, independent of the writer, for round trips.
func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var field = "", record: [String] = []
    var inQuotes = false
    var scalars = Array(text.unicodeScalars)[...]
    while let c = scalars.popFirst() {
        if inQuotes {
            if c == "\"" {
                if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { inQuotes = false }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            inQuotes = true
        } else if c == "," {
            record.append(field); field = ""
        } else if c == "\r", scalars.first == "\n" {
            scalars.removeFirst()
            record.append(field); field = ""
            records.append(record); record = []
        } else {
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records
}

/// Reverses iCalendar TEXT escaping.
func unescapeICalText(_ value: String) -> String {
    var out = ""
    var it = value.unicodeScalars.makeIterator()
    while let c = it.next() {
        guard c == "\\" else { out.unicodeScalars.append(c); continue }
        switch it.next() {
        case "n", "N": out += "\n"
        case let other?: out.unicodeScalars.append(other)
        case nil: break
        }
    }
    return out
}

@Suite struct PropertyTests {
    @Test(arguments: 0..<40)
    func csvRoundTripsAnyText(seed: Int) {
        var rng = SplitMix(seed: UInt64(seed))
        let fields = (0..<10).map { _ in Nasty.text(&rng) }
        let parsed = parseCSV(CSV.row(fields) + CSV.row(["x"]))
        #expect(parsed == [fields, ["x"]])
    }

    @Test(arguments: 0..<40)
    func icsFoldsAndEscapesAnyText(seed: Int) throws {
        var rng = SplitMix(seed: UInt64(seed) &+ 1000)
        let topic = Nasty.text(&rng, maxPieces: 40)
        let action = Nasty.text(&rng, maxPieces: 60)
        let m = Meeting(title: Nasty.text(&rng), startDate: CalendarDate(year: 2026, month: 5, day: 4),
                        location: Nasty.text(&rng, maxPieces: 30),
                        participants: [Person(name: Nasty.text(&rng) + "x")],
                        agenda: [AgendaDay(day: 1, items: [AgendaItem(start: LocalTime(hour: 9, minute: 0), topic: topic,
                                                                      chairs: [Person(name: "Chair" + Nasty.text(&rng))])])],
                        actionItems: [ActionItem(text: action, status: .open)])
        let ics = ICalendarExporter().render(m)
        var bytes = Array(ics.utf8)
        // Every physical line: CRLF-terminated, at most 75 octets, valid UTF-8.
        var start = 0
        for i in 0..<bytes.count where bytes[i] == 10 {
            #expect(i > 0 && bytes[i - 1] == 13)
            let line = bytes[start..<max(start, i - 1)]
            #expect(line.count <= 75)
            #expect(String(validating: line, as: UTF8.self) != nil)
            start = i + 1
        }
        #expect(start == bytes.count)
        // Unfold, then each TEXT value unescapes to the original (controls other than newline dropped).
        var unfolded: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if i + 2 < bytes.count, bytes[i] == 13, bytes[i + 1] == 10, bytes[i + 2] == 32 { i += 3; continue }
            unfolded.append(bytes[i]); i += 1
        }
        bytes = unfolded
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        func value(_ name: String, after marker: String) -> String? {
            guard let from = lines.firstIndex(of: marker) else { return nil }
            return lines[from...].first { $0.hasPrefix(name + ":") }.map { String($0.dropFirst(name.count + 1)) }
        }
        func expected(_ s: String) -> String {
            var out = ""
            for u in s.unicodeScalars where u == "\n" || u == "\t" || !(u.value < 0x20 || u.value == 0x7F) {
                out.unicodeScalars.append(u == "\t" ? " " : u)
            }
            return out
        }
        #expect(value("SUMMARY", after: "BEGIN:VEVENT").map(unescapeICalText) == expected(topic.isEmpty ? "(untitled)" : topic))
        #expect(value("SUMMARY", after: "BEGIN:VTODO").map(unescapeICalText) == expected(action.isEmpty ? "(untitled action)" : action))
        if !(m.location ?? "").isEmpty {
            #expect(value("LOCATION", after: "BEGIN:VEVENT").map(unescapeICalText) == expected(m.location ?? ""))
        }
    }

    @Test(arguments: 0..<40)
    func markdownTextSurvivesInk(seed: Int) {
        var rng = SplitMix(seed: UInt64(seed) &+ 5000)
        // Words separated by metacharacters: after Ink, every word is still there and no markup appeared.
        let words = (0..<6).map { "w\(seed)x\($0)" }
        var text = ""
        for w in words { text += Nasty.text(&rng, maxPieces: 3).replacingOccurrences(of: "\n", with: " ") + w }
        let md = MarkdownExporter().render(Meeting(title: "T", decisions: [Decision(text: text)]))
        let html = MarkdownParser().html(from: md)
        for w in words { #expect(html.contains(w), "\(w) lost from \(md)") }
        for tag in ["<em>", "<strong>", "<code>", "<a ", "<h2>Decisions</h2><h", "<blockquote>", "<del>"] {
            #expect(!html.contains(tag), "markup \(tag) from \(md)")
        }
    }
}
