// swift-meeting-notes · PlainTextImport

/// One input line: its 1-based number and text (line end removed).
struct Line {
    let number: Int
    let text: Substring

    var isBlank: Bool {
        var other = false
        for b in text.utf8 where b != 32 && b != 9 && b != 13 { other = true; break }
        if !other { return true }
        return text.utf8.contains(0xC2) && text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
    }
    var hasTab: Bool { text.utf8.contains(9) }
    /// Leading spaces (a tab counts as 4).
    var indent: Int {
        var n = 0
        for c in text.utf8 { if c == 32 { n += 1 } else if c == 9 { n += 4 } else { break } }
        return n
    }
}

/// An Ink-style cursor over the lines of a page.
struct LineReader {
    let lines: [Line]
    private(set) var index = 0

    init(_ text: String) {
        var out: [Line] = []
        var n = 1
        for l in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            out.append(Line(number: n, text: Substring(l)))
            n += 1
        }
        if let last = out.last, last.text.isEmpty, out.count > 1 { out.removeLast() }
        lines = out
    }

    var isAtEnd: Bool { index >= lines.count }
    var current: Line? { index < lines.count ? lines[index] : nil }
    mutating func advance() { index += 1 }
    /// The next non-blank line at or after the cursor, without moving.
    func peekNonBlank(from start: Int? = nil) -> (Int, Line)? {
        var i = start ?? index
        while i < lines.count {
            if !lines[i].isBlank { return (i, lines[i]) }
            i += 1
        }
        return nil
    }
    mutating func move(to i: Int) { index = i }
}
