// swift-meeting-notes · MeetingRecognizers

import MeetingModel

/// Measures "nothing lost": which words of an input appear in the strings of a model.
///
/// Words are runs of letters and digits, compared case-insensitively as a multiset-free set; the
/// coverage is the share of the input's distinct words found among the model's words.
public enum WordCoverage {
    /// The distinct lower-cased words (letter/digit runs of length ≥ 2) of `text`. Markup is not words:
    /// HTML tags (`<li>`, `</ul>`) and entities (`&amp;`) are skipped.
    public static func words(in text: String) -> Set<String> {
        var out = Set<String>()
        var current = ""
        let chars = Array(text.lowercased())
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            i += 1
            if ch == "<", i < chars.count, chars[i].isLetter || chars[i] == "/" {
                var j = i
                while j < chars.count, j - i < 40, chars[j] != ">", chars[j] != "<" { j += 1 }
                if j < chars.count, chars[j] == ">" { i = j + 1; if current.count >= 2 { out.insert(current) }; current = ""; continue }
            }
            if ch == "&", i < chars.count, chars[i].isLetter || chars[i] == "#" {
                var j = i
                while j < chars.count, j - i < 10, chars[j].isLetter || chars[j].isNumber || chars[j] == "#" { j += 1 }
                if j < chars.count, chars[j] == ";" { i = j + 1; if current.count >= 2 { out.insert(current) }; current = ""; continue }
            }
            if ch.isLetter || ch.isNumber { current.append(ch) } else {
                if current.count >= 2 { out.insert(current) }
                current = ""
            }
        }
        if current.count >= 2 { out.insert(current) }
        return out
    }

    /// Every string of a meeting: title, dates and times, sections, people, agenda cells, action items, attachments,
    /// planning topics, task summary and diagnostics (message and text).
    public static func strings(of meeting: Meeting) -> [String] {
        var s: [String] = [meeting.title, meeting.location ?? "", meeting.taskSummary ?? "",
                           meeting.startDate?.description ?? "", meeting.endDate?.description ?? ""]
        func person(_ p: Person) { s.append(p.name); s.append(p.username ?? ""); s += p.aliases
            if p.unresolved { s.append("Unknown User") }
            if p.attendance == .remote { s.append("Remote") } }
        for sec in meeting.sections { s.append(sec.title); s.append(sec.content.plainText) }
        meeting.participants.forEach(person)
        for day in meeting.agenda {
            s.append(day.title ?? "")
            s.append(day.date?.description ?? "")
            for item in day.items {
                s.append(item.start?.description ?? ""); s.append(item.end?.description ?? "")
                s.append(item.topic); s.append(item.discussion.plainText); s.append(item.notes.plainText)
                item.chairs.forEach(person)
            }
        }
        for a in meeting.actionItems { s.append(a.text); s.append(a.due?.description ?? ""); s += a.groups; s += a.tickets; a.owners.forEach(person) }
        for d in meeting.decisions { s.append(d.text) }
        for a in meeting.attachments {
            s.append(a.fileName); s.append(a.fileType ?? ""); s.append(a.comment ?? "")
            s.append(a.mediaType ?? ""); s.append(a.modifiedText ?? "")
            if let m = a.modifiedBy { person(m) }
        }
        for t in meeting.planningTopics {
            s.append(t.topic); s.append(t.timeRequiredText ?? ""); s.append(t.notes.plainText)
            t.requestedBy.forEach(person)
        }
        for d in meeting.diagnostics { s.append(d.text ?? "") }
        return s
    }

    /// The input's words that appear nowhere in the meeting.
    public static func missingWords(input: String, meeting: Meeting) -> Set<String> {
        var found = Set<String>()
        for s in strings(of: meeting) { found.formUnion(words(in: s)) }
        return words(in: input).subtracting(found)
    }

    /// Share of the input's distinct words found in the meeting, 0...1 (1 for an input without words).
    public static func coverage(input: String, meeting: Meeting) -> Double {
        let all = words(in: input)
        guard !all.isEmpty else { return 1 }
        return 1 - Double(missingWords(input: input, meeting: meeting).count) / Double(all.count)
    }
}
