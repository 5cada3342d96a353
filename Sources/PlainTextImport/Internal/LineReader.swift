// swift-meeting-notes · PlainTextImport

import MeetingRecognizers

/// One input line: its 1-based number and text (line end removed).
struct Line {
    let number: Int
    let text: Substring

    var isBlank: Bool {
        var first: UInt8? = nil
        for b in text.utf8 where b != 32 && b != 9 && b != 13 { first = b; break }
        guard let first else { return true }
        // Only U+00A0 (0xC2 0xA0) can still make the line blank.
        if first != 0xC2 { return false }
        return text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
    }
    var hasTab: Bool { text.hasByte(9) }
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
        let u = text.utf8
        // Line starts from the contiguous bytes (one memchr-like pass), then O(1) index arithmetic.
        var ends: [Int] = []
        let found = u.withContiguousStorageIfAvailable { buf -> Bool in
            var k = 0
            while let e = ASCIIScan.firstIndex(of: 10, in: buf, from: k) { ends.append(e); k = e + 1 }
            return true
        }
        if found == nil {
            var k = 0
            for b in u { if b == 10 { ends.append(k) }; k += 1 }
        }
        out.reserveCapacity(ends.count + 1)
        var start = u.startIndex
        var n = 1
        for e in ends {
            let end = u.index(u.startIndex, offsetBy: e)
            out.append(Line(number: n, text: text[start..<end]))
            start = u.index(after: end)
            n += 1
        }
        out.append(Line(number: n, text: text[start..<u.endIndex]))
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
