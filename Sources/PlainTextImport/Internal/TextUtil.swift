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
    /// ASCII text has nothing to fold: its lower-cased copy, without appending scalar by scalar.
    var homoglyphFolded: String {
        ASCIIScan.isASCII(self) ? lowercased() : referenceHomoglyphFolded
    }

    /// The plain definition of ``homoglyphFolded``.
    var referenceHomoglyphFolded: String {
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

/// Whether a run of bytes is a grapheme cluster of its own, judged from its neighbours: the scalar before it
/// must not be a Prepend character and the scalar after it must not extend a cluster (combining marks, ZWJ,
/// spacing marks). Conservative: only ASCII and scalars from blocks without such characters count as safe.
enum GraphemeSafety {
    /// Whether bytes `k ..< k + width` of `b` form a Character of their own.
    @inline(__always)
    static func standsAlone(_ b: UnsafeBufferPointer<UInt8>, _ k: Int, _ width: Int) -> Bool {
        if k > 0, b[k - 1] >= 0x80, !safeBefore(b, k) { return false }
        let e = k + width
        if e < b.count, b[e] >= 0x80, !safeAfter(b, e) { return false }
        return true
    }

    /// The scalar ending just before byte `k` (not ASCII) is no Prepend character: below U+0600, or in
    /// U+2000–U+2BFF (punctuation, arrows, symbols, dingbats).
    static func safeBefore(_ b: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        var p = k - 1
        var steps = 0
        while p > 0, b[p] & 0xC0 == 0x80, steps < 3 { p -= 1; steps += 1 }
        guard let v = scalar(b, p) else { return false }
        return v < 0x0600 || (v >= 0x2000 && v < 0x2C00)
    }

    /// The scalar starting at byte `e` (not ASCII) extends no cluster: U+0080–U+02FF (Latin letters, before
    /// the combining diacritics), U+2010–U+20CF (after ZWNJ/ZWJ, before the combining marks for symbols), or
    /// U+2100–U+2BFF.
    static func safeAfter(_ b: UnsafeBufferPointer<UInt8>, _ e: Int) -> Bool {
        guard let v = scalar(b, e) else { return false }
        return (v >= 0x80 && v < 0x300) || (v >= 0x2010 && v < 0x20D0) || (v >= 0x2100 && v < 0x2C00)
    }

    /// The scalar value of the (valid) UTF-8 sequence starting at `p`.
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ p: Int) -> UInt32? {
        let c0 = UInt32(b[p])
        if c0 < 0x80 { return c0 }
        if c0 >= 0xC0 && c0 < 0xE0, p + 1 < b.count { return (c0 & 0x1F) << 6 | UInt32(b[p + 1] & 0x3F) }
        if c0 >= 0xE0 && c0 < 0xF0, p + 2 < b.count {
            return (c0 & 0x0F) << 12 | UInt32(b[p + 1] & 0x3F) << 6 | UInt32(b[p + 2] & 0x3F)
        }
        return nil
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
            if u.withContiguousStorageIfAvailable({ (buf: UnsafeBufferPointer<UInt8>) -> Bool in
                var k = 0
                while let t = ASCIIScan.firstIndex(of: 9, in: buf, from: k) { tabsAt.append(t); k = t + 1 }
                return true
            }) == nil {
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
        if let cells = splitOnSpaceRunsUTF8(line) { return cells }
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

    /// The cells of a line with a tab, from its UTF-8 bytes, when the line is surely a row of two or more non-empty
    /// cells: not blank (``Line/isBlank``), not a Markdown pipe row, two or more cells not empty. `nil` otherwise (the
    /// line is then read as a `Line`). The cells are ``tabCells(_:)``.
    static func tabRow(_ u: UnsafeBufferPointer<UInt8>) -> [String]? {
        // The first byte that is not a space or tab: a "|" may start a pipe row, none or U+00A0 may leave it blank.
        var k = 0
        while k < u.count, u[k] == 32 || u[k] == 9 { k += 1 }
        if k < u.count, u[k] == 124 { return nil }
        while k < u.count, u[k] == 32 || u[k] == 9 || u[k] == 13 { k += 1 }
        guard k < u.count, u[k] != 0xC2 else { return nil }
        let cells = tabCells(u)
        var nonEmpty = 0
        for c in cells where !c.isEmpty { nonEmpty += 1 }
        return nonEmpty >= 2 ? cells : nil
    }

    /// ``split(_:tabs:)`` of a line with tabs, from its UTF-8 bytes: each cell trimmed on its bytes and made into a
    /// `String` once (a tab is a `Character` boundary, so a cell's `Character`s are those of the line).
    static func tabCells(_ u: UnsafeBufferPointer<UInt8>) -> [String] {
        var cells: [String] = []
        var start = 0
        while true {
            let end = ASCIIScan.firstIndex(of: 9, in: u, from: start) ?? u.count
            let c = UnsafeBufferPointer(rebasing: u[start..<end])
            var lo = 0, hi = c.count
            while lo < hi, c[lo] == 32 || (c[lo] >= 9 && c[lo] <= 13) { lo += 1 }
            while hi > lo, c[hi - 1] == 32 || (c[hi - 1] >= 9 && c[hi - 1] <= 13) { hi -= 1 }
            if lo == hi {
                cells.append("")
            } else if (c[lo] < 0x80 || startsPlainScalar(c, lo)) && (c[hi - 1] < 0x80 || endsPlainScalar(c, hi)) {
                cells.append(String(decoding: UnsafeBufferPointer(rebasing: c[lo..<hi]), as: UTF8.self))
            } else {
                cells.append(String(decoding: c, as: UTF8.self).trimmed)
            }
            if end >= u.count { break }
            start = end + 1
        }
        return cells
    }

    /// Whether a scalar that is neither white space nor joins the `Character` before it starts at `k` of `c`: a
    /// Latin letter U+00C0–U+027F (lead bytes 0xC3–0xC9) or punctuation U+2010–U+2027 (dashes, quotes, "•", "…").
    /// A cut before it, after ASCII white space or at the start, is where trimming by `Character`s stops too.
    @inline(__always) static func startsPlainScalar(_ c: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        let b = c[k]
        if b >= 0xC3 && b <= 0xC9 { return k + 1 < c.count && c[k + 1] & 0xC0 == 0x80 }
        return b == 0xE2 && k + 2 < c.count && c[k + 1] == 0x80 && c[k + 2] >= 0x90 && c[k + 2] <= 0xA7
    }

    /// Whether such a scalar (``startsPlainScalar(_:_:)``) ends at `end` of `c`: the `Character` it ends starts with
    /// it or with a Prepend scalar, neither of which is white space, so trimming by `Character`s stops after it.
    @inline(__always) static func endsPlainScalar(_ c: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        if end >= 2, c[end - 1] & 0xC0 == 0x80, c[end - 2] >= 0xC3, c[end - 2] <= 0xC9 { return true }
        return end >= 3 && c[end - 3] == 0xE2 && c[end - 2] == 0x80 && c[end - 1] >= 0x90 && c[end - 1] <= 0xA7
    }

    /// The space-run split of ``split(_:tabs:)`` over bytes, or `nil` (use the Character loop) when a space
    /// or no-break space stands next to a character that could join it into a larger grapheme cluster.
    static func splitOnSpaceRunsUTF8(_ line: Substring) -> [String]? {
        line.utf8.withContiguousStorageIfAvailable { b -> [String]? in
            let n = b.count
            var cells: [String] = []
            var current: [UInt8] = []
            var spaces = 0
            var k = 0
            while k < n {
                let c = b[k]
                var width = 0
                if c == 32 { width = 1 } else if c == 0xC2, k + 1 < n, b[k + 1] == 0xA0 { width = 2 }
                if width > 0 {
                    guard GraphemeSafety.standsAlone(b, k, width) else { return nil }
                    spaces += 1
                    k += width
                    continue
                }
                if spaces >= 2 && !current.isEmpty {
                    cells.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                } else if spaces == 1 && !current.isEmpty {
                    current.append(32)
                }
                spaces = 0
                var e = k + 1
                while e < n, b[e] != 32, b[e] != 0xC2 { e += 1 }
                current.append(contentsOf: UnsafeBufferPointer(rebasing: b[k..<e]))
                k = e
            }
            cells.append(String(decoding: current, as: UTF8.self))
            return cells.map(\.trimmed)
        } ?? nil
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
