// swift-meeting-notes · PlainTextImport

import MeetingRecognizers

@inline(__always) func fastSpace(_ c: Character) -> Bool {
    if let a = c.asciiValue { return a == 32 || (a >= 9 && a <= 13) }
    return c.isWhitespace
}

@inline(__always) func fastSpace(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    if v < 128 { return v == 32 || (v >= 9 && v <= 13) }
    return u.properties.isWhitespace
}

extension StringProtocol {
    var trimmed: String {
        var s = self[...]
        while let f = s.first, fastSpace(f) { s = s.dropFirst() }
        while let l = s.last, fastSpace(l) { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    /// Runs of white space collapsed to one space, trimmed.
    var collapsed: String {
        if ASCIIScan.isCollapsed(self) { return self }   // nothing to collapse (the common case)
        var out = String.UnicodeScalarView()
        var pending = false
        var any = false
        for u in unicodeScalars {
            if fastSpace(u) { pending = any; continue }
            if pending { out.append(" "); pending = false }
            out.append(u)
            any = true
        }
        return String(out)
    }

    /// Markdown emphasis marks ("**", "__") and heading marks removed, white space collapsed.
    var withoutMarkdown: String {
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
        var out = ""
        for ch in self.lowercased() {
            switch ch {
            case "а": out.append("a"); case "в": out.append("b"); case "с": out.append("c"); case "е": out.append("e")
            case "н": out.append("h"); case "і": out.append("i"); case "ј": out.append("j"); case "к": out.append("k")
            case "м": out.append("m"); case "о": out.append("o"); case "р": out.append("p"); case "т": out.append("t")
            case "у": out.append("y"); case "х": out.append("x"); case "ѕ": out.append("s"); case "ο": out.append("o")
            case "α": out.append("a"); case "ε": out.append("e"); case "ι": out.append("i"); case "κ": out.append("k")
            case "ρ": out.append("p"); case "τ": out.append("t"); case "υ": out.append("u"); case "ν": out.append("v")
            default: out.append(ch)
            }
        }
        return out
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
        if tabs { return line.utf8.split(separator: 9, omittingEmptySubsequences: false).map { Substring($0).trimmed } }
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
        if line.utf8.contains(9) || isPipeRow(line) { return true }
        return split(line, tabs: false).filter { !$0.isEmpty }.count >= 2
    }
}

extension StringProtocol {
    /// The first range of `needle` (UTF-8 byte comparison, no Foundation), or `nil`.
    func firstRange(of needle: String) -> Range<Index>? {
        let n = Array(needle.utf8)
        guard let first = n.first else { return nil }
        let u = utf8
        var i = u.startIndex
        while i != u.endIndex {
            if u[i] == first {
                var j = i
                var k = 0
                while k < n.count, j != u.endIndex, u[j] == n[k] { j = u.index(after: j); k += 1 }
                if k == n.count { return i..<j }
            }
            i = u.index(after: i)
        }
        return nil
    }
}
