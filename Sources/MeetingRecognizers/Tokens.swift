// swift-meeting-notes · MeetingRecognizers

/// A word, number or punctuation mark of a string, with its range. Internal scanner for the recognisers.
struct Token {
    enum Kind { case number, word, punct }
    var kind: Kind
    var text: Substring
    var range: Range<String.Index>
    /// White space stands right before it.
    var spaced: Bool
    /// The value of a number token of at most nine digits. A number token is ASCII digits only (see
    /// ``Tokenizer/tokens(_:)``), so its length in bytes is its length in `Character`s, and its value is read
    /// from the bytes; ``referenceNumber`` is the plain definition.
    var number: Int? {
        guard kind == .number else { return nil }
        let u = text.utf8
        guard u.count <= 9 else { return nil }
        var v = 0
        for b in u {
            guard b &- 48 < 10 else { return Int(text) }   // never for a number token; the definition decides
            v = v * 10 + Int(b &- 48)
        }
        return u.isEmpty ? nil : v
    }
    /// The plain definition of ``number``.
    var referenceNumber: Int? { kind == .number && text.count <= 9 ? Int(text) : nil }
    var lower: String { text.lowercased() }
    /// The length in `Character`s of a number token (ASCII digits: its length in bytes).
    var digitCount: Int { kind == .number ? text.utf8.count : text.count }
    /// Whether the token's text is exactly `p`. Compared as bytes: the marks the date reader asks about
    /// ("-", "–", "—", "/", ".", ",", ":") have no other canonically equivalent spelling, so this equals `text == p`.
    @inline(__always)
    func isText(_ p: StaticString) -> Bool {
        p.withUTF8Buffer { b in text.utf8.elementsEqual(b) }
    }
}

/// A token of ``Tokenizer/byteTokens(_:_:)``: the same split as ``Token`` with the token's byte offsets in
/// its string instead of a `Substring` and a range (no index computation, no retained string per token).
struct ByteToken {
    var kind: Token.Kind
    /// Whether white space stands right before it.
    var spaced: Bool
    /// Byte offsets of the token in the tokenised string.
    var start: Int
    var end: Int

    /// The token's text, for the rare non-ASCII look-ups.
    func text(_ s: Substring) -> Substring {
        s[s.utf8.index(s.startIndex, offsetBy: start)..<s.utf8.index(s.startIndex, offsetBy: end)]
    }
    /// ``Token/number`` from the bytes: the value of a number token of at most nine digits.
    @inline(__always)
    func number(_ u: UnsafeBufferPointer<UInt8>) -> Int? {
        guard kind == .number, end - start <= 9, end > start else { return nil }
        var v = 0
        for k in start..<end {
            let b = u[k]
            guard b &- 48 < 10 else { return Int(String(decoding: UnsafeBufferPointer(rebasing: u[start..<end]), as: UTF8.self)) }
            v = v * 10 + Int(b &- 48)
        }
        return v
    }
    /// ``Token/digitCount`` of a number token (ASCII digits: its length in bytes). Only asked of number tokens.
    var digitCount: Int { end - start }
    /// ``Token/isText(_:)`` from the bytes.
    @inline(__always)
    func isText(_ p: StaticString, _ u: UnsafeBufferPointer<UInt8>) -> Bool {
        p.withUTF8Buffer { b in
            guard b.count == end - start else { return false }
            for k in 0..<b.count where u[start + k] != b[k] { return false }
            return true
        }
    }
    /// `equalsLowercasedASCII` of the token's text, from the bytes.
    @inline(__always)
    func isLowercasedASCII(_ lower: StaticString, _ u: UnsafeBufferPointer<UInt8>) -> Bool {
        lower.withUTF8Buffer { l in
            guard l.count == end - start else { return false }
            for k in 0..<l.count {
                let b = u[start + k]
                if (b &- 65 < 26 ? b | 0x20 : b) != l[k] { return false }
            }
            return true
        }
    }
}

enum Tokenizer {
    /// The class of the Character at an index, for the scanners.
    enum Class { case space, digit, letter, otherNumber, apostrophe, other }

    /// The class of an ASCII byte that stands alone as a Character (the next byte is ASCII too).
    @inline(__always)
    static func asciiClass(_ b: UInt8) -> Class {
        if b >= 48 && b <= 57 { return .digit }
        if (b | 0x20) >= 97 && (b | 0x20) <= 122 { return .letter }
        if b == 32 || (b >= 9 && b <= 13) { return .space }
        if b == 39 { return .apostrophe }
        return .other
    }

    /// The class of the Character at `i` and the index after it. ASCII followed by ASCII (the usual case) is
    /// read from the UTF-8 bytes; anything else goes through `Character` so grapheme clusters stay whole.
    @inline(__always)
    static func scan(_ s: Substring, _ i: String.Index) -> (Class, String.Index) {
        let u = s.utf8
        let b = u[i]
        if b < 0x80 {
            let n = u.index(after: i)
            if n == u.endIndex || u[n] < 0x80 {
                // "\r\n" is one Character; both halves are white space, so stepping bytes changes nothing.
                return (asciiClass(b), n)
            }
        }
        let c = s[i]
        let n = s.index(after: i)
        if isSpaceChar(c) { return (.space, n) }
        if c.isLetter { return (.letter, n) }
        if c.isNumber { return (c.isASCII ? .digit : .otherNumber, n) }
        if c == "'" || c == "’" { return (.apostrophe, n) }
        return (.other, n)
    }

    /// The class of the Character starting at byte offset `k` of `s` (whose bytes are `u`), and the offset after it.
    @inline(__always)
    static func scan(_ s: Substring, _ u: UnsafeBufferPointer<UInt8>, _ k: Int) -> (Class, Int) {
        let b = u[k]
        if b < 0x80, k + 1 == u.count || u[k + 1] < 0x80 {
            return (asciiClass(b), k + 1)
        }
        if b < 0x80 {
            // ASCII before a non-ASCII scalar that extends nothing is a Character of its own.
            if b != 13, startsCharacter(u, k + 1) { return (asciiClass(b), k + 1) }
        } else if b >= 0xC3, let known = commonScalarClass(u, k) {
            return known
        }
        return characterScan(s, u, k)
    }

    /// ``scan(_:_:_:)`` through `Character` alone (its plain definition, and its path for what the bytes do not decide).
    static func characterScan(_ s: Substring, _ u: UnsafeBufferPointer<UInt8>, _ k: Int) -> (Class, Int) {
        let b = u[k]
        if b < 0x80, k + 1 == u.count || u[k + 1] < 0x80 {
            return (asciiClass(b), k + 1)
        }
        let i = s.utf8.index(s.startIndex, offsetBy: k)
        let (cls, n) = scan(s, i)
        return (cls, k + s.utf8.distance(from: i, to: n))
    }

    /// The class and end of the `Character` at byte `k` when it is one scalar of the common non-ASCII letters and
    /// marks, read from the bytes: U+00C0–U+023F (Latin letters, but × and ÷), U+2010–U+2027 (dashes, quotes,
    /// bullets, the ellipsis; U+2019 is an apostrophe), U+2190–U+245F, U+2500–U+2775 and U+2794–U+27BF (symbols
    /// such as arrows, shapes and check marks; not the enclosed or dingbat numbers and letters), followed by ASCII, the end, or a scalar that starts a
    /// `Character` of its own (U+0080–U+02FF, U+2010–U+20CF, U+2100–U+2BFF: no Extend, SpacingMark or ZWJ, and the
    /// scalars themselves are no Prepend). `nil` for anything else.
    @inline(__always)
    static func commonScalarClass(_ u: UnsafeBufferPointer<UInt8>, _ k: Int) -> (Class, Int)? {
        let n = u.count
        let b = u[k]
        let cls: Class
        let e: Int
        if b >= 0xC3 && b <= 0xC8 {
            guard k + 1 < n, u[k + 1] & 0xC0 == 0x80 else { return nil }
            cls = b == 0xC3 && (u[k + 1] == 0x97 || u[k + 1] == 0xB7) ? .other : .letter
            e = k + 2
        } else if b == 0xE2 {
            guard k + 2 < n, u[k + 1] & 0xC0 == 0x80, u[k + 2] & 0xC0 == 0x80 else { return nil }
            let v = 0x2000 | UInt32(u[k + 1] & 0x3F) << 6 | UInt32(u[k + 2] & 0x3F)
            if v >= 0x2010 && v <= 0x2027 {
                cls = v == 0x2019 ? .apostrophe : .other
            } else if (v >= 0x2190 && v <= 0x245F) || (v >= 0x2500 && v <= 0x2775) || (v >= 0x2794 && v <= 0x27BF) {
                cls = .other   // arrows, operators, technical, shapes, symbols, dingbats: no letters, numbers or space
            } else {
                return nil
            }
            e = k + 3
        } else {
            return nil
        }
        if e < n, u[e] >= 0x80 { return startsCharacter(u, e) ? (cls, e) : nil }
        return (cls, e)
    }

    /// Whether the non-ASCII scalar at byte `e` starts a `Character` whatever stands before it (that is not a
    /// Prepend scalar): U+0080–U+02FF, U+2010–U+20CF or U+2100–U+2BFF (no Extend, SpacingMark or ZWJ there).
    @inline(__always)
    static func startsCharacter(_ u: UnsafeBufferPointer<UInt8>, _ e: Int) -> Bool {
        let n = u.count
        guard e < n else { return false }
        let c = u[e]
        if c >= 0xC2 && c <= 0xCB { return true }
        guard c == 0xE2, e + 2 < n else { return false }
        let c1 = u[e + 1], c2 = u[e + 2]
        return (c1 == 0x80 && c2 >= 0x90) || c1 == 0x81 || c1 == 0x82 || (c1 == 0x83 && c2 < 0x90) || (c1 >= 0x84 && c1 <= 0xAF)
    }

    /// Runs `body` over the UTF-8 bytes of `s` (copying only when they are not contiguous).
    @inline(__always)
    static func withBytes<R>(_ s: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(s.utf8).withUnsafeBufferPointer(body)
    }

    /// ``tokens(_:)`` as byte offsets: the same tokens, kinds and spacing, read from `u`, the bytes of `s`.
    static func byteTokens(_ s: Substring, _ u: UnsafeBufferPointer<UInt8>) -> [ByteToken] {
        var out: [ByteToken] = []
        var k = 0
        var spaced = true
        let n = u.count
        out.reserveCapacity(n / 4 + 4)
        while k < n {
            let (cls, next) = scan(s, u, k)
            if cls == .space { spaced = true; k = next; continue }
            if cls == .letter || cls == .digit || cls == .otherNumber {
                let start = k
                var allDigits = true
                while k < n {
                    let (d, nk) = scan(s, u, k)
                    if d == .letter || d == .digit || d == .otherNumber {
                        if d != .digit { allDigits = false }
                        k = nk
                    } else if d == .apostrophe, allDigits == false {
                        if nk < n, scan(s, u, nk).0 == .letter { k = nk } else { break }
                    } else { break }
                }
                out.append(ByteToken(kind: allDigits ? .number : .word, spaced: spaced, start: start, end: k))
            } else {
                out.append(ByteToken(kind: .punct, spaced: spaced, start: k, end: next))
                k = next
            }
            spaced = false
        }
        return out
    }

    /// Splits into runs of letters/digits (plus inner apostrophes), and single other characters; white space dropped.
    /// The tokens of ``byteTokens(_:_:)`` with their text and range in `s`.
    static func tokens(_ s: Substring) -> [Token] {
        withBytes(s) { u in
            @inline(__always) func index(_ o: Int) -> String.Index { s.utf8.index(s.startIndex, offsetBy: o) }
            return byteTokens(s, u).map { t in
                let r = index(t.start)..<index(t.end)
                return Token(kind: t.kind, text: s[r], range: r, spaced: t.spaced)
            }
        }
    }
}


/// White space test with an ASCII fast path (Unicode properties only for non-ASCII).
@inline(__always) package func isSpaceScalar(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    if v < 128 { return v == 32 || (v >= 9 && v <= 13) }
    return u.properties.isWhitespace
}

@inline(__always) package func isSpaceChar(_ c: Character) -> Bool {
    if let a = c.asciiValue { return a == 32 || (a >= 9 && a <= 13) }
    return c.isWhitespace
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    package var trimmedSub: SubSequence {
        var s = self[...]
        while let f = s.first, isSpaceChar(f) { s = s.dropFirst() }
        while let l = s.last, isSpaceChar(l) { s = s.dropLast() }
        return s
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    package var trimmed: String { String(trimmedSub) }
}

extension Substring {
    /// The text without leading and trailing white space (ASCII fast path; `Character` rules otherwise).
    package var trimmedSub: Substring {
        let u = utf8
        // Over contiguous bytes: offsets of the first and last bytes that are not ASCII white space.
        if let (lo, hi) = u.withContiguousStorageIfAvailable({ b -> (Int, Int) in
            var lo = 0, hi = b.count
            while lo < hi, b[lo] == 32 || (b[lo] >= 9 && b[lo] <= 13) { lo += 1 }
            while hi > lo, b[hi - 1] == 32 || (b[hi - 1] >= 9 && b[hi - 1] <= 13) { hi -= 1 }
            // Both cuts stand next to ASCII (or nothing is left): they are Character boundaries.
            if lo == hi || (b[lo] < 0x80 && b[hi - 1] < 0x80) { return (lo, hi) }
            return (-1, -1)
        }), lo >= 0 {
            if lo == 0 && hi == u.count { return self }
            let l = u.index(u.startIndex, offsetBy: lo)
            if lo == hi { return self[l..<l] }
            return self[l..<u.index(l, offsetBy: hi - lo)]
        }
        var lo = u.startIndex, hi = u.endIndex
        while lo < hi, u[lo] == 32 || (u[lo] >= 9 && u[lo] <= 13) { lo = u.index(after: lo) }
        while hi > lo {
            let p = u.index(before: hi)
            if u[p] == 32 || (u[p] >= 9 && u[p] <= 13) { hi = p } else { break }
        }
        if lo == hi { return self[hi..<hi] }
        // The cuts are Character boundaries when ASCII stands next to them.
        if u[lo] < 0x80, u[u.index(before: hi)] < 0x80 { return self[lo..<hi] }
        var s = self
        while let f = s.first, isSpaceChar(f) { s = s.dropFirst() }
        while let l = s.last, isSpaceChar(l) { s = s.dropLast() }
        return s
    }
    /// The text without leading and trailing white space.
    package var trimmed: String { String(trimmedSub) }
}

extension String {
    /// The text without leading and trailing white space.
    package var trimmedSub: Substring { self[...].trimmedSub }
    /// The text without leading and trailing white space.
    package var trimmed: String {
        let t = self[...].trimmedSub
        return t.startIndex == startIndex && t.endIndex == endIndex ? self : String(t)
    }
}

extension StringProtocol {
    /// The first range of `needle` (UTF-8 byte comparison, no Foundation), or `nil`.
    package func firstRange(of needle: String) -> Range<Index>? {
        let n = needle.utf8
        guard let first = n.first else { return nil }
        let u = utf8
        // Over contiguous bytes (the usual case): a byte search, then indices for the hit only.
        if let k = u.withContiguousStorageIfAvailable({ h -> Int in
            var needleCopy = needle
            return needleCopy.withUTF8 { ASCIIScan.find(h, $0, from: 0) } ?? -1
        }) {
            guard k >= 0 else { return nil }
            let lo = u.index(u.startIndex, offsetBy: k)
            return lo..<u.index(lo, offsetBy: n.count)
        }
        var i = u.startIndex
        while i != u.endIndex {
            if u[i] == first {
                var j = u.index(after: i)
                var k = n.index(after: n.startIndex)
                while k != n.endIndex, j != u.endIndex, u[j] == n[k] { j = u.index(after: j); k = n.index(after: k) }
                if k == n.endIndex { return i..<j }
            }
            i = u.index(after: i)
        }
        return nil
    }
}

extension String {
    /// Runs of white space collapsed to one space, trimmed (one UTF-8 pass; `self` when nothing changes).
    package var collapsedSpaces: String { collapsedWhiteSpace(self) }
}

/// Runs of white space (Unicode White_Space) collapsed to one space, ends trimmed. One UTF-8 pass;
/// returns the input itself when nothing changes.
package func collapsedWhiteSpace<S: StringProtocol>(_ s: S) -> String {
    // Already collapsed (also when it holds non-ASCII letters): the text itself.
    if ASCIIScan.isCollapsed(s) { return String(s) }
    // Contiguous bytes (the usual case) are read in place; other strings are copied once.
    if let r = s.utf8.withContiguousStorageIfAvailable({ collapsingWhiteSpace($0) }) { return r }
    return Array(s.utf8).withUnsafeBufferPointer { collapsingWhiteSpace($0) }
}

/// ``collapsedWhiteSpace(_:)`` of the UTF-8 bytes `u` (valid UTF-8, whole scalars).
package func collapsedWhiteSpace(bytes u: UnsafeBufferPointer<UInt8>) -> String {
    // ASCII white space at the ends is dropped by collapsing; when what lies between is collapsed already, it is
    // the answer, made with one copy.
    var lo = 0, hi = u.count
    while lo < hi, u[lo] == 32 || (u[lo] >= 9 && u[lo] <= 13) { lo += 1 }
    while hi > lo, u[hi - 1] == 32 || (u[hi - 1] >= 9 && u[hi - 1] <= 13) { hi -= 1 }
    let inner = UnsafeBufferPointer(rebasing: u[lo..<hi])
    if ASCIIScan.isCollapsed(bytes: inner) { return String(decoding: inner, as: UTF8.self) }
    return collapsingWhiteSpace(u)
}

/// The loop of ``collapsedWhiteSpace(_:)`` over UTF-8 bytes, copying runs of non-space bytes at once, straight
/// into the new string's storage (the result is never longer than `u`): one allocation, no byte array between.
/// With `keepingEnds` a run of white space at either end becomes one space too instead of being dropped.
/// ``referenceCollapsingWhiteSpace(_:)`` is the first definition (an array, then `String(decoding:)`).
package func collapsingWhiteSpace(_ u: UnsafeBufferPointer<UInt8>, keepingEnds: Bool = false) -> String {
    let end = u.count
    return String(unsafeUninitializedCapacity: end) { out in
        guard let ob = out.baseAddress, let ib = u.baseAddress else { return 0 }
        var w = 0
        var pending = false   // trimming: a space is owed before the next text; keeping ends: inside a run
        var i = 0
        while i < end {
            let b = u[i]
            var len = 1
            var space = false
            if b < 0x80 { space = b == 32 || (b >= 9 && b <= 13) } else { (space, len) = whiteSpaceScalar(u, i) }
            if space {
                if !keepingEnds {
                    pending = w > 0
                } else if !pending {
                    ob[w] = 32; w += 1; pending = true
                }
                i += len
                continue
            }
            if pending && !keepingEnds { ob[w] = 32; w += 1 }
            pending = false
            var e = min(end, i + len)
            while e < end {
                let c = u[e]
                if c &- 0x21 < 0x5F { e += 1; continue }   // printable ASCII, the usual byte, with one test
                if c == 32 || (c >= 9 && c <= 13) || c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 { break }
                e += 1
            }
            (ob + w).update(from: ib + i, count: e - i)
            w += e - i
            i = e
        }
        return w
    }
}

/// The first definition of ``collapsingWhiteSpace(_:)``.
package func referenceCollapsingWhiteSpace(_ u: UnsafeBufferPointer<UInt8>) -> String {
    let end = u.count
    var out: [UInt8] = []
    out.reserveCapacity(end)
    var pending = false
    var i = 0
    while i < end {
        let b = u[i]
        var len = 1
        var space = false
        if b < 0x80 { space = b == 32 || (b >= 9 && b <= 13) } else { (space, len) = whiteSpaceScalar(u, i) }
        if space {
            pending = !out.isEmpty
            i += len
            continue
        }
        if pending { out.append(32); pending = false }
        var e = min(end, i + len)
        while e < end {
            let c = u[e]
            if c &- 0x21 < 0x5F { e += 1; continue }
            if c == 32 || (c >= 9 && c <= 13) || c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 { break }
            e += 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: u[i..<e]))
        i = e
    }
    return String(decoding: out, as: UTF8.self)
}

/// Whether the non-ASCII scalar starting at `i` is white space (Unicode White_Space), and its UTF-8 length.
@inline(__always)
package func whiteSpaceScalar<U: Collection>(_ u: U, _ i: U.Index) -> (Bool, Int) where U.Element == UInt8 {
    let b = u[i]
    let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
    guard b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 else { return (false, len) }
    var it = u.index(after: i)
    guard it < u.endIndex else { return (false, len) }
    let b1 = u[it]
    if b == 0xC2 { return (b1 == 0x85 || b1 == 0xA0, len) }
    it = u.index(after: it)
    guard it < u.endIndex else { return (false, len) }
    let b2 = u[it]
    switch b {
    case 0xE1: return (b1 == 0x9A && b2 == 0x80, len)
    case 0xE2:
        if b1 == 0x80 { return (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF, len) }
        return (b1 == 0x81 && b2 == 0x9F, len)
    default: return (b1 == 0x80 && b2 == 0x80, len)
    }
}

extension StringProtocol {
    /// Case-insensitive ASCII equality with a lower-case ASCII literal, without allocating.
    @inline(__always)
    func equalsLowercasedASCII(_ lower: StaticString) -> Bool {
        let n = lower.utf8CodeUnitCount
        guard utf8.count == n else { return false }
        return lower.withUTF8Buffer { l in
            var k = 0
            for b in utf8 {
                let f = (b >= 65 && b <= 90) ? b | 0x20 : b
                if f != l[k] { return false }
                k += 1
            }
            return true
        }
    }
}

extension String {
    /// `split(separator: " ", omittingEmptySubsequences: omittingEmpty)`, cut on bytes when every byte 32 has an
    /// ASCII byte (or the text's end) on both sides: then it is a whole `Character` " " (no Prepend scalar before it,
    /// no Extend, ZWJ or SpacingMark scalar after it can join it), so non-ASCII names ("Ana Pérez") are cut on bytes
    /// too; the `Character` split otherwise. ``referenceSpaceWords(omittingEmpty:)`` is the plain definition.
    package func spaceWords(omittingEmpty: Bool = true) -> [Substring] {
        var copy = self
        let cuts: [Int]? = copy.withUTF8 { u -> [Int]? in
            var cuts: [Int] = []
            let n = u.count
            for k in 0..<n where u[k] == 32 {
                if k > 0 && u[k - 1] >= 0x80 || k + 1 < n && u[k + 1] >= 0x80 { return nil }
                cuts.append(k)
            }
            return cuts
        }
        guard let cuts else { return split(separator: " ", omittingEmptySubsequences: omittingEmpty) }
        var out: [Substring] = []
        out.reserveCapacity(cuts.count + 1)
        let u = utf8
        var start = 0
        for c in cuts + [u.count] {
            if c > start || !omittingEmpty {
                out.append(self[u.index(startIndex, offsetBy: start)..<u.index(startIndex, offsetBy: c)])
            }
            start = c + 1
        }
        return out
    }

    /// The plain definition of ``spaceWords(omittingEmpty:)``.
    package func referenceSpaceWords(omittingEmpty: Bool = true) -> [Substring] {
        split(separator: " ", omittingEmptySubsequences: omittingEmpty)
    }
}
