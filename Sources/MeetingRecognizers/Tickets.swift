// swift-meeting-notes · MeetingRecognizers


/// A Jira issue key found in text.
public struct TicketMatch: Sendable, Hashable {
    /// The key ("DM-22368").
    public var key: String
    /// The key's range in the searched string.
    public var range: Range<String.Index>
    /// The range of the key plus its Jira-macro residue ("Ticket:", " - Getting issue details...", "STATUS").
    public var fullRange: Range<String.Index>
    /// Whether ticket context was seen (residue or a "Ticket:" label), rather than only a known project key.
    public var inTicketContext: Bool
}

/// Finds Jira issue keys (`ABC-123`) and the residue a pasted Jira macro leaves
/// ("DM-22393 - Getting issue details...  STATUS", "Ticket: DM-22089").
///
/// A key counts as a ticket when it stands in ticket context (followed by the macro residue, or after
/// "Ticket:" / "Jira:" / "issue" / "now in"), or when its project is in ``knownProjectKeys``. Document handles
/// in prose ("LDM-692", "DMTN-091", "SQR-035") are not tickets unless one of those holds. When
/// ``knownProjectKeys`` is non-empty, keys of other projects are never tickets.
public struct TicketRecognizer: Sendable, Hashable {
    /// Jira project keys to accept; empty means any project, but then only in ticket context.
    public var knownProjectKeys: Set<String>

    /// Creates a recogniser.
    public init(knownProjectKeys: Set<String> = []) {
        self.knownProjectKeys = knownProjectKeys
    }

    /// Every `ABC-123`-shaped key in `text`, ticket or not.
    public static func keyCandidates(in text: Substring) -> [(key: String, range: Range<String.Index>)] {
        // Over the contiguous bytes; indices are made only for the keys found.
        Tokenizer.withBytes(text) { u -> [(key: String, range: Range<String.Index>)] in
            var out: [(String, Range<String.Index>)] = []
            let n = u.count
            var i = 0
            var previous: UInt8 = 32
            while i < n {
                let b = u[i]
                if b >= 65 && b <= 90 && !TimeRecognizer.isWordByte(previous) && previous != 45 {
                    var j = i + 1
                    while j < n, (u[j] >= 65 && u[j] <= 90) || (u[j] >= 48 && u[j] <= 57) { j += 1 }
                    if j - i >= 2, j < n, u[j] == 45 {
                        var k = j + 1
                        let digitsStart = k
                        while k < n, u[k] >= 48 && u[k] <= 57 { k += 1 }
                        let digitCount = k - digitsStart
                        if digitCount >= 1, digitCount <= 7, k == n || !TimeRecognizer.isWordByte(u[k]) && u[k] != 45 {
                            let r = text.utf8.index(text.startIndex, offsetBy: i)..<text.utf8.index(text.startIndex, offsetBy: k)
                            out.append((String(text[r]), r))
                            previous = 48
                            i = k
                            continue
                        }
                    }
                }
                previous = b
                i += 1
            }
            return out
        }
    }

    /// The project part of a key ("DM" of "DM-22368").
    public static func project(of key: String) -> String {
        String(key.prefix { $0 != "-" })
    }

    /// The tickets in `text`, with their residue ranges.
    public func tickets(in text: Substring) -> [TicketMatch] {
        var out: [TicketMatch] = []
        for (key, range) in TicketRecognizer.keyCandidates(in: text) {
            // The project matters only when projects are known (an empty set contains none).
            let known = !knownProjectKeys.isEmpty && knownProjectKeys.contains(TicketRecognizer.project(of: key))
            if !knownProjectKeys.isEmpty && !known { continue }
            let after = TicketRecognizer.residue(after: range.upperBound, in: text)
            let before = TicketRecognizer.label(before: range.lowerBound, in: text)
            let context = after > range.upperBound || before < range.lowerBound
            guard context || known else { continue }
            out.append(TicketMatch(key: key, range: range, fullRange: before..<after, inTicketContext: context))
        }
        return out
    }

    /// The tickets in `text`.
    public func tickets(in text: String) -> [TicketMatch] { tickets(in: text[...]) }

    /// `text` with every ticket key and its residue removed (spaces collapsed), and the keys found.
    public func extract(from text: String) -> (text: String, tickets: [String]) {
        let matches = tickets(in: text[...])
        var out = ""
        if matches.isEmpty {
            out = text   // what the loop below builds when nothing matched, without the copy
        } else {
            var cursor = text.startIndex
            for m in matches where m.fullRange.lowerBound >= cursor {
                out += text[cursor..<m.fullRange.lowerBound]
                out += " "
                cursor = m.fullRange.upperBound
            }
            out += text[cursor...]
        }
        var cleaned = TicketRecognizer.removingResidue(out).collapsedSpaces
        // " -" or " –" at the end needs its last byte, "-" (2D) or the last byte of "–" (93).
        while let last = cleaned.utf8.last, last == 0x2D || last == 0x93, cleaned.hasSuffix(" -") || cleaned.hasSuffix(" –") {
            cleaned = String(cleaned.dropLast(2))
        }
        return (cleaned, matches.map(\.key))
    }

    /// Whether `fragment` is nothing but Jira-macro residue ("STATUS", "Getting issue details...", "Ticket:").
    public static func isResidue(_ fragment: some StringProtocol) -> Bool {
        // Residue is short ("- Getting issue details...  STATUS").
        guard fragment.utf8.count <= 64 else { return false }
        let s = removingResidue(String(fragment)).trimmed
        return s.isEmpty && !fragment.trimmedSub.isEmpty
    }

    /// Removes free-standing residue words: "Getting issue details", "...", "STATUS", "Ticket:".
    public static func removingResidue(_ text: String) -> String {
        var out = text
        guard mayHoldResidue(text) else { return text }
        for needle in ["- Getting issue details...", "- Getting issue details…", "- Getting issue details",
                       "Getting issue details...", "Getting issue details…", "Getting issue details"] {
            out = out.replacingAll(needle, with: " ")
        }
        // "STATUS" as a whole word, and a "Ticket:" label with nothing after it.
        var words = out.spaceWords(omittingEmpty: false)
        words.removeAll { $0 == "STATUS" }
        out = words.joined(separator: " ")
        let t = out.trimmed
        if t.lowercased() == "ticket:" || t.lowercased() == "tickets:" { return "" }
        if t.hasSuffix(" Ticket:") { out = String(t.dropLast(8)) }
        return out
    }

    /// Whether `text` holds "Getting issue details", "STATUS" or "icket" (one pass over the bytes; equal to
    /// ``referenceMayHoldResidue(_:)``, three searches).
    static func mayHoldResidue(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { u -> Bool in
            let n = u.count
            @inline(__always) func at(_ k: Int, _ word: StaticString) -> Bool {
                word.withUTF8Buffer { w in
                    guard k + w.count <= n else { return false }
                    for j in 1..<w.count where u[k + j] != w[j] { return false }
                    return true
                }
            }
            var i = 0
            while i < n {
                switch u[i] {
                case 71: if at(i, "Getting issue details") { return true }   // G
                case 83: if at(i, "STATUS") { return true }                  // S
                case 105: if at(i, "icket") { return true }                  // i
                default: break
                }
                i += 1
            }
            return false
        }
    }

    /// The plain definition of ``mayHoldResidue(_:)``.
    static func referenceMayHoldResidue(_ text: String) -> Bool {
        text.firstRange(of: "Getting issue details") != nil || text.firstRange(of: "STATUS") != nil
            || text.firstRange(of: "icket") != nil
    }

    /// End of the residue following a key at `end` (returns `end` when there is none).
    static func residue(after end: String.Index, in text: Substring) -> String.Index {
        if let fast = asciiResidue(after: end, in: text) { return fast }
        return characterResidue(after: end, in: text)
    }

    /// ``residue(after:in:)`` over the bytes, when every byte it looks at is ASCII with ASCII after it (then
    /// bytes and Characters agree); `nil` otherwise, and the Character definition decides.
    static func asciiResidue(after end: String.Index, in text: Substring) -> String.Index? {
        let u = text.utf8
        let start = u.distance(from: u.startIndex, to: end)
        let result: Int?? = u.withContiguousStorageIfAvailable { b -> Int? in
            let n = b.count
            // A byte at `k` is a whole Character when it is ASCII and the byte after it is ASCII too.
            @inline(__always) func plain(_ k: Int) -> Bool { b[k] < 0x80 && (k + 1 == n || b[k + 1] < 0x80) }
            @inline(__always) func matches(_ k: Int, _ word: StaticString) -> Bool {
                word.withUTF8Buffer { w in
                    guard k + w.count <= n else { return false }
                    for j in 0..<w.count where b[k + j] != w[j] { return false }
                    return true
                }
            }
            var k = start
            var consumed = start
            var any = false
            while true {
                var t = k
                while t < n, b[t] == 32 || b[t] == 9 || b[t] == 10 {
                    guard plain(t) else { return nil }
                    t += 1
                }
                var c = t
                if c < n {
                    guard plain(c) else { return nil }
                    if b[c] == 45, c + 1 < n, b[c + 1] == 32 {
                        guard plain(c + 1) else { return nil }
                        c += 2
                        if c < n { guard plain(c) else { return nil } }
                    }
                }
                if matches(c, "Getting issue details") {
                    var e = c + 21
                    if e < n { guard plain(e) else { return nil } }
                    while e < n, b[e] == 46 {
                        e += 1
                        if e < n { guard plain(e) else { return nil } }
                    }
                    consumed = e; k = e; any = true; continue
                }
                if matches(c, "STATUS"), any || c == t {
                    let e = c + 6
                    if e < n { guard plain(e) else { return nil } }
                    if e == n || !(b[e] &- 65 < 26 || b[e] &- 97 < 26) {
                        consumed = e; k = e; any = true; continue
                    }
                }
                break
            }
            return any ? consumed : start
        }
        guard let r = result, let offset = r else { return nil }
        return u.index(u.startIndex, offsetBy: offset)
    }

    /// The Character definition of ``residue(after:in:)``.
    static func characterResidue(after end: String.Index, in text: Substring) -> String.Index {
        var rest = text[end...]
        var consumed = end
        var any = false
        while true {
            let trimmed = rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
            var candidate = trimmed
            if candidate.hasPrefix("- ") || candidate.hasPrefix("– ") { candidate = candidate.dropFirst(2) }
            if candidate.hasPrefix("Getting issue details") {
                var e = candidate.index(candidate.startIndex, offsetBy: 21)
                while e < candidate.endIndex, candidate[e] == "." || candidate[e] == "…" { e = candidate.index(after: e) }
                consumed = e; rest = text[e...]; any = true; continue
            }
            if candidate.hasPrefix("STATUS"), any || candidate.startIndex == trimmed.startIndex {
                let e = candidate.index(candidate.startIndex, offsetBy: 6)
                if e == candidate.endIndex || !candidate[e].isLetter {
                    consumed = e; rest = text[e...]; any = true; continue
                }
            }
            break
        }
        return any ? consumed : end
    }

    /// Start of a label ("Ticket:", "Jira:", "now in") before a key at `start` (returns `start` when none).
    static func label(before start: String.Index, in text: Substring) -> String.Index {
        // Over the contiguous bytes: offsets, and an index made only for the answer.
        let u = text.utf8
        let k = u.distance(from: u.startIndex, to: start)
        let found: Int?? = u.withContiguousStorageIfAvailable { b -> Int? in
            var end = k
            while end > 0, b[end - 1] == 32 || b[end - 1] == 9 || b[end - 1] == 10 { end -= 1 }
            @inline(__always) func endsWith(_ w: StaticString) -> Bool {
                w.withUTF8Buffer { w in
                    guard end >= w.count else { return false }
                    for j in 0..<w.count where b[end - w.count + j] != w[j] { return false }
                    return true
                }
            }
            for label: StaticString in ["Ticket:", "Tickets:", "ticket:", "Jira:", "JIRA:", "Issue:"] where endsWith(label) {
                return end - label.utf8CodeUnitCount
            }
            // Context words stay in the text: the answer is just after them (before the spaces).
            for phrase: StaticString in ["now in", "ticket", "Jira", "issue"] where endsWith(phrase) {
                let before = end - phrase.utf8CodeUnitCount
                if before == 0 || b[before - 1] == 32 { return end }
            }
            return nil
        }
        guard let found else { return referenceLabel(before: start, in: text) }
        guard let offset = found else { return start }
        return u.index(u.startIndex, offsetBy: offset)
    }

    /// The first definition of ``label(before:in:)``, on `Substring` views.
    static func referenceLabel(before start: String.Index, in text: Substring) -> String.Index {
        // Compared as bytes: the labels are ASCII, and only ASCII white space is skipped.
        let head = text[..<start]
        let u = head.utf8
        var end = u.endIndex
        while end > u.startIndex {
            let p = u.index(before: end)
            let b = u[p]
            if b == 32 || b == 9 || b == 10 { end = p } else { break }
        }
        let trimmed = head[..<end]
        let t = trimmed.utf8
        func endsWith(_ s: String) -> Bool {
            let n = s.utf8.count
            guard t.count >= n else { return false }
            return t[t.index(t.endIndex, offsetBy: -n)...].elementsEqual(s.utf8)
        }
        for label in ["Ticket:", "Tickets:", "ticket:", "Jira:", "JIRA:", "Issue:"] where endsWith(label) {
            return t.index(t.endIndex, offsetBy: -label.utf8.count)
        }
        // Context words stay in the text: the returned index is just after them (before the spaces).
        for phrase in ["now in", "ticket", "Jira", "issue"] where endsWith(" " + phrase) || t.elementsEqual(phrase.utf8) {
            return trimmed.endIndex
        }
        return start
    }
}

extension String {
    /// Every occurrence of `needle` replaced (linear scan).
    func replacingAll(_ needle: String, with replacement: String) -> String {
        guard !needle.isEmpty, let firstHit = firstRange(of: needle) else { return self }
        var out = ""
        out += self[..<firstHit.lowerBound]
        out += replacement
        var rest = self[firstHit.upperBound...]
        while let r = rest.firstRange(of: needle) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
