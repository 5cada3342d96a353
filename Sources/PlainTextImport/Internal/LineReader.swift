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

/// Consecutive lines of a page, read from its UTF-8 text (the caller's input bytes when they are the text as they
/// are): the list is a byte range and the number of its first line; a ``Line``, with a `String` of its own, is made
/// only when the line is read, and lives only as long as its reader keeps it. So the page is never held a second
/// time as one decoded `String`, nor as an array of lines, while the model grows (on a 10 MB paste the decoded copy
/// was 10 MB of the import's peak, the line arrays 1.5 MB). A section may start with a line that is not a range of
/// the bytes (the text after a "Date:" heading), kept as a string of its own.
struct LineList: Collection {
    /// A line's place: its byte range and number (`start == -1` for the line kept as a string).
    struct Index: Comparable {
        var start: Int
        var end: Int
        var number: Int
        static func < (a: Index, b: Index) -> Bool { a.start < b.start }
        static func == (a: Index, b: Index) -> Bool { a.start == b.start }
    }

    /// The page's UTF-8 text.
    let bytes: [UInt8]
    /// The line before the byte lines, kept as a string.
    private(set) var head: (number: Int, text: String)? = nil
    /// Whether the list has byte lines: from `lower` to `upper` (the end of the last one), the first numbered `firstNumber`.
    private(set) var hasLines = false
    private(set) var lower = 0
    private(set) var upper = 0
    private(set) var firstNumber = 1

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Where the line that starts at `start` ends: its LF, or `upper`.
    private func lineEnd(_ start: Int) -> Int {
        bytes.withUnsafeBufferPointer { b in Swift.min(ASCIIScan.firstIndex(of: 10, in: b, from: start) ?? b.count, upper) }
    }

    var startIndex: Index {
        if let head { return Index(start: -1, end: -1, number: head.number) }
        return hasLines ? Index(start: lower, end: lineEnd(lower), number: firstNumber) : endIndex
    }
    var endIndex: Index { Index(start: Int.max, end: Int.max, number: 0) }

    func index(after i: Index) -> Index {
        if i.start < 0 { return hasLines ? Index(start: lower, end: lineEnd(lower), number: firstNumber) : endIndex }
        guard i.end < upper else { return endIndex }
        return Index(start: i.end + 1, end: lineEnd(i.end + 1), number: i.number + 1)
    }

    subscript(i: Index) -> Line {
        if i.start < 0, let head { return Line(number: head.number, text: head.text[...]) }
        let s = bytes.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[i.start..<i.end]), as: UTF8.self)
        }
        return Line(number: i.number, text: s[...])
    }

    /// Whether the line at `i` holds a tab (``Line/hasTab``), read from the bytes without making the line.
    func hasTab(at i: Index) -> Bool {
        if i.start < 0 { return head?.text.hasByte(9) ?? false }
        return bytes.withUnsafeBufferPointer { b in
            ASCIIScan.firstIndex(of: 9, in: UnsafeBufferPointer(rebasing: b[i.start..<i.end]), from: 0) != nil
        }
    }

    /// `body` of the bytes of the line at `i`, or `nil` for the line kept as a string.
    func withBytes<R>(at i: Index, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        if i.start < 0 { return nil }
        return bytes.withUnsafeBufferPointer { b in body(UnsafeBufferPointer(rebasing: b[i.start..<i.end])) }
    }

    /// The same page with no lines.
    var emptied: LineList { LineList(bytes: bytes) }

    /// Adds the line at `i` of a list of the same page; it must be the line after the last one added.
    mutating func append(_ i: Index) {
        if i.start < 0 { return }
        if !hasLines {
            hasLines = true
            lower = i.start
            firstNumber = i.number
        }
        upper = i.end
    }

    /// Adds, before any other, a line that is not a byte range of the page.
    mutating func append(number: Int, text: String) {
        head = (number, text)
    }

    /// The lines of `bytes[start...]` (UTF-8 with line ends normalised to LF): a line ends at each LF; a last
    /// empty line after a final LF is not one.
    static func split(_ bytes: [UInt8], from start: Int = 0) -> LineList {
        var list = LineList(bytes: bytes)
        list.hasLines = true
        list.lower = Swift.min(Swift.max(0, start), bytes.count)
        list.upper = bytes.count
        if bytes.count > list.lower, bytes[bytes.count - 1] == 10 { list.upper = bytes.count - 1 }
        return list
    }
}

/// An Ink-style cursor over the lines of a page.
struct LineReader {
    let lines: [Line]
    private(set) var index = 0

    /// The plain definition of the line split (``LineList/split(_:from:)`` gives the same numbers and texts).
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
