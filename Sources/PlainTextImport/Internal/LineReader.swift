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

/// Lines of a page kept as byte ranges of its UTF-8 text (the caller's input bytes when they are the text as
/// they are): a ``Line``, with a `String` of its own, is made only when the line is read, and lives only as long
/// as its reader keeps it. So the page is never held a second time as one decoded `String` while the model
/// grows (on a 10 MB paste that copy was 10 MB of the import's peak). Lines that are not a range of the bytes
/// (the text after a "Date:" heading) are kept as strings of their own.
struct LineList: RandomAccessCollection {
    /// A line: its number and byte range, or (`start < 0`) the string `extras[-start - 1]`.
    struct Ref {
        var number: Int
        var start: Int
        var end: Int
    }

    /// The page's UTF-8 text.
    let bytes: [UInt8]
    private(set) var refs: [Ref] = []
    private(set) var extras: [String] = []

    init(bytes: [UInt8]) { self.bytes = bytes }

    var startIndex: Int { 0 }
    var endIndex: Int { refs.count }

    subscript(i: Int) -> Line {
        let r = refs[i]
        if r.start < 0 { return Line(number: r.number, text: extras[-r.start - 1][...]) }
        let s = bytes.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[r.start..<r.end]), as: UTF8.self)
        }
        return Line(number: r.number, text: s[...])
    }

    /// The same page with no lines.
    var emptied: LineList { LineList(bytes: bytes) }

    mutating func append(_ r: Ref) { refs.append(r) }

    /// Adds a line that is not a byte range of the page.
    mutating func append(number: Int, text: String) {
        extras.append(text)
        refs.append(Ref(number: number, start: -extras.count, end: 0))
    }

    /// Keeps only the lines where `keep` is true.
    func filtered(_ keep: (Line) -> Bool) -> LineList {
        var out = emptied
        for (k, r) in refs.enumerated() where keep(self[k]) {
            if r.start < 0 { out.append(number: r.number, text: extras[-r.start - 1]) } else { out.append(r) }
        }
        return out
    }

    /// The lines of `bytes[start...]` (UTF-8 with line ends normalised to LF): a line ends at each LF; a last
    /// empty line after a final LF is not one.
    static func split(_ bytes: [UInt8], from start: Int = 0) -> LineList {
        var list = LineList(bytes: bytes)
        bytes.withUnsafeBufferPointer { buf in
            var s = Swift.min(Swift.max(0, start), buf.count)
            var n = 1
            while let e = ASCIIScan.firstIndex(of: 10, in: buf, from: s) {
                list.refs.append(Ref(number: n, start: s, end: e))
                s = e + 1
                n += 1
            }
            list.refs.append(Ref(number: n, start: s, end: buf.count))
        }
        if let last = list.refs.last, last.start == last.end, list.refs.count > 1 { list.refs.removeLast() }
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
