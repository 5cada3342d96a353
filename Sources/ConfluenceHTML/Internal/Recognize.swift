// swift-meeting-notes · ConfluenceHTML
//
// Adapter between this importer and the shared recognisers in Sources/MeetingRecognizers: every text
// recogniser (dates, times, tickets, names, action-item sentences) is theirs; this file only adapts calls.

internal import MeetingModel
internal import MeetingRecognizers

enum Recognize {
    static func dates(_ referenceYear: Int?, _ order: ImportOptions.NumericDateOrder = .dayFirst) -> DateRecognizer {
        DateRecognizer(numericOrder: order, referenceYear: referenceYear)
    }

    /// The first calendar date written in `text` (``DateRecognizer``).
    static func firstDate(in text: String, referenceYear: Int? = nil,
                          order: ImportOptions.NumericDateOrder = .dayFirst) -> CalendarDate? {
        dates(referenceYear, order).firstDate(in: text)?.start
    }

    /// Start and end times written in an agenda cell (``TimeRecognizer``): "09:00", "9:00 AM – 10:00 AM".
    static func times(in text: String) -> (LocalTime?, LocalTime?) {
        if let r = TimeRecognizer.parseRange(text) { return (r.start, r.end) }
        if let (t, rest) = TimeRecognizer.leadingTime(in: Substring(text.trimmingSpacesAndNewlines())) {
            // "09:00 - 09:45 (tbc)" and similar: a second time after a dash.
            let tail = rest.drop { $0 == " " || $0 == "-" || $0 == "–" || $0 == "—" }
            return (t, TimeRecognizer.leadingTime(in: tail)?.time)
        }
        return (nil, nil)
    }

    /// Jira keys in ticket context or of known projects (``TicketRecognizer``).
    static func ticketKeys(in text: String, known: Set<String> = []) -> [String] {
        var keys: [String] = []
        for m in TicketRecognizer(knownProjectKeys: known).tickets(in: text) where !keys.contains(m.key) { keys.append(m.key) }
        return keys
    }

    /// Every `ABC-123`-shaped key (for `/browse/KEY` links, which are tickets by construction).
    static func keyCandidates(in text: String) -> [String] {
        TicketRecognizer.keyCandidates(in: text[...]).map(\.key)
    }

    /// Splits a cell of names: "Ana Ortiz & Ben Li", "A / B", "A, B and C" (``PersonRecognizer``).
    static func splitNames(_ text: String) -> [String] {
        PersonRecognizer.splitNameList(text).map { $0.trimmingSpacesAndNewlines() }.filter { !$0.isEmpty }
    }

    /// A person from a name as written: "Unknown User (npease)" is an unresolved account, "(Remote)" an attendance.
    static func person(_ raw: String) -> Person {
        PersonRecognizer.person(from: raw) ?? Person(name: raw.trimmingSpacesAndNewlines())
    }

    static func isGroup(_ text: String) -> Bool { PersonRecognizer.isGroup(text) }

    static func looksLikeName(_ text: String) -> Bool { PersonRecognizer.looksLikeName(text) && !PersonRecognizer.isGroup(text) }
}

extension String {
    func trimmingSpaces() -> String { trimmed(newlines: false) }
    func trimmingSpacesAndNewlines() -> String { trimmed(newlines: true) }
    private func trimmed(newlines nl: Bool) -> String {
        // Nothing to trim when both ends are ASCII bytes that are not white space (an ASCII scalar starts the
        // first Character and ends the last one, which then cannot be a space or newline).
        if let f = utf8.first, let l = utf8.last, f < 0x80, l < 0x80, !Self.isTrimByte(f, nl), !Self.isTrimByte(l, nl) {
            return self
        }
        var s = Substring(self)
        func isTrim(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{A0}" || (nl && c.isNewline) }
        while let f = s.first, isTrim(f) { s.removeFirstCharacter() }
        while let l = s.last, isTrim(l) { s.removeLastCharacter() }
        return String(s)
    }

    private static func isTrimByte(_ b: UInt8, _ nl: Bool) -> Bool {
        b == 0x20 || b == 0x09 || (nl && b >= 0x0A && b <= 0x0D)
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

extension Substring {
    /// Drops the first `Character` in O(1) (`dropFirst()` may measure the whole string).
    mutating func removeFirstCharacter() { self = self[index(after: startIndex)...] }
    /// Drops the last `Character` in O(1) (`dropLast()` may measure the whole string).
    mutating func removeLastCharacter() { self = self[..<index(before: endIndex)] }
}
