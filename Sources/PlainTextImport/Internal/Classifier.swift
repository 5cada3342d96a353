// swift-meeting-notes · PlainTextImport

import MeetingModel
import MeetingRecognizers

/// What a section heading announces.
enum SectionKind {
    case participants, agenda, attachments, taskReport, summary, planning, actionItems, decisions, location, date, generic
}

/// Classifies lines: headings (markdown marks or known titles), bullets, day headings.
enum LineClassifier {
    static let knownHeadings: [String: SectionKind] = [
        "logistics": .generic, "date": .date, "dates": .date, "date and time": .date, "when": .date,
        "accommodation": .generic, "location": .location, "venue": .location, "where": .location,
        "bluejeans": .generic, "zoom": .generic, "slides": .generic, "video conference": .generic, "dial-in": .generic,
        "participants": .participants, "attendees": .participants, "attendance": .participants, "present": .participants,
        "agenda": .agenda, "discussion items": .agenda, "discussion topics": .agenda, "schedule": .agenda,
        "attached documents": .attachments, "attachments": .attachments, "files": .attachments,
        "action item summary": .summary, "task report": .taskReport,
        "pre-meeting planning": .planning, "premeeting planning": .planning, "planning": .planning, "proposed topics": .planning,
        "action items": .actionItems, "actions": .actionItems, "action points": .actionItems, "next steps": .actionItems,
        "decisions": .decisions, "goals": .generic, "notes": .generic, "background": .generic, "minutes": .generic,
    ]

    static func kind(ofTitle title: String) -> SectionKind {
        knownHeadings[title.lowercased().trimmed] ?? .generic
    }

    /// A heading: markdown "#" marks, or a short known title on its own line ("Attendees", "**Agenda**", "Goals:").
    /// Returns level (markdown count, 0 for a bare title), title, and inline content after "Title:".
    static func heading(_ line: Line) -> (level: Int, title: String, rest: String?)? {
        if line.hasTab { return nil }
        let t = line.text.trimmedSub
        guard !t.isEmpty else { return nil }
        if t.hasPrefix("#") {
            let hashes = t.prefix { $0 == "#" }.count
            let after = t.dropFirst(hashes)
            guard hashes <= 6, after.first == " " else { return nil }
            let title = String(after).withoutMarkdown
            return title.isEmpty ? nil : (hashes, title, nil)
        }
        // A bare title must start the line (an indented "Attached Documents" is a contents entry).
        guard line.indent <= 1 else { return nil }
        // Long lines are content, unless they open with a short "Label:".
        if t.utf8.count > 60, !t.utf8.prefix(40).contains(58) { return nil }
        var bare = String(t).withoutMarkdown
        if bare.hasSuffix(":") { bare.removeLast() }
        // Known titles are at most 23 ASCII letters; lower-casing never shortens a string below one scalar per
        // scalar, so a longer `bare` (more than 4 × 23 bytes) cannot be one.
        if bare.utf8.count <= 92, knownHeadings[bare.lowercased()] != nil { return (0, bare, nil) }
        // "Date: 18 Nov 2019", "Attendees: A, B", "Location: Room 5".
        if let colon = t.firstIndex(of: ":") {
            let label = String(t[..<colon]).withoutMarkdown
            let k = knownHeadings[label.lowercased()]
            if k == .date || k == .participants || k == .location {
                let rest = String(t[t.index(after: colon)...]).trimmed
                if !rest.isEmpty { return (0, label, rest) }
            }
        }
        return nil
    }

    static let bulletGlyphs: Set<Character> = ["-", "*", "•", "○", "◦", "▪", "–", "·", "o"]

    /// A bulleted line: its text without the glyph. "O " counts only when `inList`.
    static func bullet(_ text: Substring, inList: Bool) -> String? {
        let t = text.trimmed
        guard let f = t.first else { return nil }
        let rest = t.dropFirst()
        if bulletGlyphs.contains(f), f != "o", rest.first == " " || rest.isEmpty { return rest.trimmed }
        if f == "O", inList, rest.first == " " { return rest.trimmed }
        // "1." / "1)" numbering.
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let after = t.dropFirst(digits.count)
            if after.hasPrefix(". ") || after.hasPrefix(") ") { return after.dropFirst(2).trimmed }
        }
        return nil
    }

    /// Strips any leading bullet glyphs (including a stray "O") and white space.
    static func strippingGlyphs(_ text: Substring) -> String {
        var t = Substring(text.trimmed)
        while let f = t.first, bulletGlyphs.contains(f) || f == "O", t.dropFirst().first == " " { t = t.dropFirst(2) }
        return t.trimmed
    }

    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// "Day 2: 2019-10-29", "O Day 1: 2019-10-28", "Day 3", "Monday, 18 Nov 2019".
    static func dayHeading(_ text: Substring, dates: DateRecognizer) -> (day: Int?, date: CalendarDate?, title: String)? {
        let t = strippingGlyphs(text)
        guard !t.isEmpty, t.count <= 60 else { return nil }
        let words = t.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "," || $0 == "-" || $0 == "–" })
        guard let first = words.first else { return nil }
        if first.lowercased() == "day", words.count >= 2, let n = Int(words[1]), n >= 1, n <= 60 {
            let m = dates.firstDate(in: t)
            // Nothing but "Day N" and a date.
            var rest = t
            if let m { rest = String(t[..<m.range.lowerBound]) + String(t[m.range.upperBound...]) }
            let leftover = rest.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).count
            guard leftover <= 3 else { return nil }
            return (n, m?.start, t)
        }
        if weekdays.contains(first.lowercased()), let m = dates.firstDate(in: t) {
            let before = t[..<m.range.lowerBound].split(whereSeparator: { !$0.isLetter }).count
            let after = t[m.range.upperBound...].trimmed
            if before <= 1, after.isEmpty { return (nil, m.start, t) }
        }
        return nil
    }
}
