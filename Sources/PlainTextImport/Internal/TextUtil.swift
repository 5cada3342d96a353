// swift-meeting-notes · PlainTextImport

import MeetingRecognizers

extension String {
    /// Runs of white space collapsed to one space, trimmed.
    var collapsed: String { collapsedWhiteSpace(self) }

    /// Markdown emphasis marks ("**", "__") and heading marks removed, white space collapsed.
    var withoutMarkdown: String {
        // Without "#", "*" or "_" there is nothing to strip.
        if !utf8.contains(where: { $0 == 35 || $0 == 42 || $0 == 95 }) { return collapsed }
        var s = Substring(self)
        while s.first == "#" { s = s.dropFirst() }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            let n = s.index(after: i)
            if (c == "*" || c == "_"), n < s.endIndex, s[n] == c { i = s.index(after: n); continue }
            out.append(c)
            i = n
        }
        return out.collapsed
    }

    /// Folds Cyrillic and Greek look-alikes onto Latin letters and lower-cases ("Торіс" → "topic").
    var homoglyphFolded: String {
        var out = String.UnicodeScalarView()
        for u in self.lowercased().unicodeScalars {
            let v = u.value
            if v < 0x80 { out.append(u); continue }
            let f: Unicode.Scalar
            switch v {
            case 0x0430: f = "a"; case 0x0432: f = "b"; case 0x0441: f = "c"; case 0x0435: f = "e"
            case 0x043D: f = "h"; case 0x0456: f = "i"; case 0x0458: f = "j"; case 0x043A: f = "k"
            case 0x043C: f = "m"; case 0x043E: f = "o"; case 0x0440: f = "p"; case 0x0442: f = "t"
            case 0x0443: f = "y"; case 0x0445: f = "x"; case 0x0455: f = "s"; case 0x03BF: f = "o"
            case 0x03B1: f = "a"; case 0x03B5: f = "e"; case 0x03B9: f = "i"; case 0x03BA: f = "k"
            case 0x03C1: f = "p"; case 0x03C4: f = "t"; case 0x03C5: f = "u"; case 0x03BD: f = "v"
            default: f = u
            }
            out.append(f)
        }
        return String(out)
    }
}

/// A dictionary key that compares strings by their bytes (not by canonical equivalence), for memos whose
/// answers are computed from bytes.
struct TextKey: Hashable {
    let text: String
    init(_ text: String) { self.text = text }
    static func == (a: TextKey, b: TextKey) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
    func hash(into h: inout Hasher) {
        var copy = text
        copy.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

enum Cells {
    /// Splits a row on tabs, or (when it has none) on runs of two or more spaces.
    static func split(_ line: Substring, tabs: Bool) -> [String] {
        if !tabs, isPipeRow(line) {
            var t = Substring(line.trimmed)
            t = t.dropFirst()
            if t.hasSuffix("|") { t = t.dropLast() }
            return t.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmed }
        }
        if tabs {
            // Tab offsets from the contiguous bytes; cells are slices of the line (tabs are Character boundaries).
            let u = line.utf8
            var tabsAt: [Int] = []
            if u.withContiguousStorageIfAvailable({ (buf: UnsafeBufferPointer<UInt8>) -> Bool in for (k, b) in buf.enumerated() where b == 9 { tabsAt.append(k) }; return true }) == nil {
                return u.split(separator: 9, omittingEmptySubsequences: false).map { Substring($0).trimmed }
            }
            var cells: [String] = []
            cells.reserveCapacity(tabsAt.count + 1)
            var start = u.startIndex
            for k in tabsAt {
                let end = u.index(line.startIndex, offsetBy: k)
                cells.append(line[start..<end].trimmed)
                start = u.index(after: end)
            }
            cells.append(line[start..<u.endIndex].trimmed)
            return cells
        }
        var cells: [String] = []
        var current = ""
        var spaces = 0
        for c in line {
            if c == " " || c == "\u{A0}" {
                spaces += 1
                continue
            }
            if spaces >= 2 && !current.isEmpty { cells.append(current); current = "" } else if spaces == 1 && !current.isEmpty { current.append(" ") }
            spaces = 0
            current.append(c)
        }
        cells.append(current)
        return cells.map(\.trimmed)
    }

    /// A Markdown table row: "| a | b |".
    static func isPipeRow(_ line: Substring) -> Bool {
        var s = line.utf8.drop { $0 == 32 || $0 == 9 }
        guard s.first == 124 else { return false }   // "|"
        s = s.dropFirst()
        return s.contains(124)
    }

    /// A Markdown table separator row: "|---|:--:|".
    static func isPipeSeparator(_ line: Substring) -> Bool {
        isPipeRow(line) && line.utf8.allSatisfy { $0 == 124 || $0 == 45 || $0 == 58 || $0 == 32 || $0 == 9 }
    }

    /// Whether a line looks like a row of columns: a tab, or two or more runs of 2+ spaces between words.
    static func looksLikeRow(_ line: Substring) -> Bool {
        if line.hasByte(9) || isPipeRow(line) { return true }
        return split(line, tabs: false).filter { !$0.isEmpty }.count >= 2
    }
}

extension StringProtocol {
    /// Whether the UTF-8 bytes of `needle` occur in the text (no allocation, no Foundation).
    func has(_ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { n -> Bool in
            guard let first = n.first else { return true }
            let u = utf8
            var i = u.startIndex
            while i != u.endIndex {
                if u[i] == first {
                    var j = u.index(after: i)
                    var k = 1
                    while k < n.count, j != u.endIndex, u[j] == n[k] { j = u.index(after: j); k += 1 }
                    if k == n.count { return true }
                }
                i = u.index(after: i)
            }
            return false
        }
    }
}

extension StringProtocol {
    /// Whether the UTF-8 bytes contain `byte` (a tight loop over contiguous storage).
    @inline(__always)
    func hasByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }
}
