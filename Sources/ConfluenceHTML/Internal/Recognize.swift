// swift-meeting-notes · ConfluenceHTML
//
// Adapter between this importer and the shared recognisers. Everything here that is a text recogniser
// (dates, times, tickets, names) is meant to call Sources/MeetingRecognizers; until that target offers
// the call, a minimal stand-in lives here (see the report / Docs/ConfluenceImport.md).

internal import MeetingModel

enum Recognize {
    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    /// Tokens of letters or digits, with their character offsets.
    private static func tokens(_ text: String) -> [(String, Bool)] {
        var out: [(String, Bool)] = []
        var cur = ""
        var digits = false
        for ch in text {
            let isD = ch.isASCII && ch.isNumber
            let isL = ch.isLetter
            if isD || isL {
                if !cur.isEmpty && digits != isD { out.append((cur, digits)); cur = "" }
                digits = isD
                cur.append(ch)
            } else {
                if !cur.isEmpty { out.append((cur, digits)); cur = "" }
                if ch == "-" || ch == "/" || ch == "." || ch == "," { out.append((String(ch), false)) }
            }
        }
        if !cur.isEmpty { out.append((cur, digits)) }
        return out
    }

    /// The first calendar date written in `text`: ISO `2019-10-28`, `18 Nov 2019`, `Nov 18, 2019`,
    /// `28 October 2019`, `28-30 October 2019` (the first day), `15MAR2024`.
    static func firstDate(in text: String, referenceYear: Int? = nil) -> CalendarDate? {
        let t = tokens(text)
        var i = 0
        while i < t.count {
            let (s, d) = t[i]
            if d, s.count == 4, let y = Int(s), i + 4 < t.count, t[i + 1].0 == "-", t[i + 3].0 == "-",
               let m = Int(t[i + 2].0), let dd = Int(t[i + 4].0), let date = CalendarDate(year: y, month: m, day: dd) {
                return date
            }
            if d, s.count <= 2, let day = Int(s) {
                // 18 Nov 2019 / 28-30 October 2019 / 15MAR2024
                var j = i + 1
                if j + 1 < t.count, t[j].0 == "-", t[j + 1].1 { j += 2 }
                if j < t.count, let m = months[t[j].0.lowercased()] {
                    var k = j + 1
                    if k < t.count, t[k].0 == "," || t[k].0 == "." { k += 1 }
                    if k < t.count, t[k].1, t[k].0.count == 4, let y = Int(t[k].0), let date = CalendarDate(year: y, month: m, day: day) {
                        return date
                    }
                    if let y = referenceYear, let date = CalendarDate(year: y, month: m, day: day) { return date }
                }
            }
            if !d, let m = months[s.lowercased()], i + 1 < t.count, t[i + 1].1, let day = Int(t[i + 1].0), day <= 31 {
                var k = i + 2
                if k < t.count, t[k].0 == "," { k += 1 }
                if k < t.count, t[k].1, t[k].0.count == 4, let y = Int(t[k].0), let date = CalendarDate(year: y, month: m, day: day) {
                    return date
                }
            }
            i += 1
        }
        return nil
    }

    /// Start and end times written in an agenda cell: `09:00`, `9:00 AM`, `10 AM`, `10:00 - 10:30`, `14h30`.
    static func times(in text: String) -> (LocalTime?, LocalTime?) {
        var found: [LocalTime] = []
        let chars = Array(text.lowercased())
        var i = 0
        while i < chars.count, found.count < 2 {
            guard chars[i].isASCII, chars[i].isNumber, i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber) else { i += 1; continue }
            var j = i
            var h = 0
            while j < chars.count, j - i < 2, let v = chars[j].wholeNumberValue, chars[j].isASCII { h = h * 10 + v; j += 1 }
            var m = 0
            var hasMinutes = false
            if j + 2 < chars.count, chars[j] == ":" || chars[j] == "h" || chars[j] == ".", let a = chars[j + 1].wholeNumberValue, let b = chars[j + 2].wholeNumberValue {
                m = a * 10 + b
                hasMinutes = true
                j += 3
            }
            var k = j
            while k < chars.count, chars[k] == " " { k += 1 }
            var meridiem: Character?
            if k + 1 < chars.count, chars[k] == "a" || chars[k] == "p", chars[k + 1] == "m" || chars[k + 1] == "." {
                meridiem = chars[k]
                j = k + 2
            }
            if hasMinutes || meridiem != nil {
                var hour = h
                if meridiem == "p", hour < 12 { hour += 12 }
                if meridiem == "a", hour == 12 { hour = 0 }
                if let t = LocalTime(hour: hour, minute: m) { found.append(t) }
            }
            i = max(j, i + 1)
        }
        return (found.first, found.count > 1 ? found[1] : nil)
    }

    /// Jira issue keys (`DM-22368`) in text, in order, without duplicates.
    static func ticketKeys(in text: String, known: Set<String> = []) -> [String] {
        var keys: [String] = []
        let u = Array(text.utf8)
        var i = 0
        while i < u.count {
            let c = u[i]
            let isUpper = c >= 0x41 && c <= 0x5A
            if isUpper, i == 0 || !isWordByte(u[i - 1]) {
                var j = i
                while j < u.count, (u[j] >= 0x41 && u[j] <= 0x5A) || (u[j] >= 0x30 && u[j] <= 0x39) || u[j] == 0x5F { j += 1 }
                if j - i >= 2, j < u.count, u[j] == 0x2D {
                    var k = j + 1
                    while k < u.count, u[k] >= 0x30 && u[k] <= 0x39 { k += 1 }
                    if k > j + 1, k == u.count || !isWordByte(u[k]) {
                        let project = String(decoding: u[i..<j], as: UTF8.self)
                        let key = String(decoding: u[i..<k], as: UTF8.self)
                        if known.isEmpty || known.contains(project), !keys.contains(key) { keys.append(key) }
                    }
                    i = k
                    continue
                }
                i = j
                continue
            }
            i += 1
        }
        return keys
    }

    private static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x2D
    }

    /// Splits a cell of names: "Ana Ortiz & Ben Li", "A / B", "A, B and C".
    static func splitNames(_ text: String) -> [String] {
        var parts = [text]
        for sep in [" & ", " / ", ",", ";", " and ", " y ", " und ", "\n"] {
            parts = parts.flatMap { $0.components(separatedBy: sep) }
        }
        return parts.map { $0.trimmingSpacesAndNewlines() }.filter { !$0.isEmpty }
    }

    /// A person from a name as written: "Unknown User (npease)" is an unresolved account, "(Remote)" an attendance.
    static func person(_ raw: String) -> Person {
        var name = raw.trimmingSpacesAndNewlines()
        var attendance = Attendance.unknown
        for marker in ["(Remote)", "(remote)", "(Zoom)", "(online)"] where name.hasSuffix(marker) {
            name = String(name.dropLast(marker.count)).trimmingSpaces()
            attendance = .remote
        }
        if name.hasPrefix("Unknown User ("), name.hasSuffix(")") {
            let inner = String(name.dropFirst("Unknown User (".count).dropLast())
            return Person(name: inner, username: inner, unresolved: true, attendance: attendance)
        }
        return Person(name: name, attendance: attendance)
    }
}

extension String {
    func trimmingSpaces() -> String { trimmed(newlines: false) }
    func trimmingSpacesAndNewlines() -> String { trimmed(newlines: true) }
    private func trimmed(newlines nl: Bool) -> String {
        var s = Substring(self)
        func isTrim(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{A0}" || (nl && c.isNewline) }
        while let f = s.first, isTrim(f) { s = s.dropFirst() }
        while let l = s.last, isTrim(l) { s = s.dropLast() }
        return String(s)
    }

    /// Occurrence-splitting without Foundation.
    func components(separatedBy sep: String) -> [String] {
        guard !sep.isEmpty, self.contains(sep) else { return [self] }
        var out: [String] = []
        var rest = Substring(self)
        while let r = rest.firstRange(of: sep) {
            out.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        out.append(String(rest))
        return out
    }
}
