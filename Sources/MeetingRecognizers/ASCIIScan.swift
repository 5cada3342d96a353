// swift-meeting-notes · MeetingRecognizers

/// Byte-level helpers for hot paths. They are exact for ASCII text; callers fall back to `String` APIs
/// (Unicode case mapping, canonical equivalence) when the text is not ASCII.
public enum ASCIIScan {
    /// Whether `s` holds an ASCII digit (0–9).
    @inlinable
    public static func hasDigit(_ s: some StringProtocol) -> Bool {
        if let r = s.utf8.withContiguousStorageIfAvailable({ $0.contains { $0 &- 48 < 10 } }) { return r }
        return s.utf8.contains { $0 &- 48 < 10 }
    }

    /// The offset of the first `byte` in `u` at or after `start`, or `nil`: eight bytes at a time (a word holds
    /// `byte` when `x ^ repeated(byte)` has a zero byte), then byte by byte inside the word that holds it.
    public static func firstIndex(of byte: UInt8, in u: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = u.count
        var i = max(0, start)
        if let base = u.baseAddress {
            let raw = UnsafeRawPointer(base)
            let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
            while i + 8 <= n {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ pattern
                if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
        }
        while i < n {
            if u[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// Whether two strings have the same UTF-8 bytes (not canonical equivalence, which `==` tests).
    public static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var x = a, y = b
        return x.withUTF8 { p in y.withUTF8 { q in equalBytes(p, q) } }
    }

    /// Whether two byte buffers hold the same bytes, compared eight at a time.
    package static func equalBytes(_ p: UnsafeBufferPointer<UInt8>, _ q: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        guard n == q.count else { return false }
        guard n > 0, let a = p.baseAddress, let b = q.baseAddress else { return true }
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) {
                return false
            }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// Whether every byte of `s` is ASCII.
    @inlinable
    public static func isASCII(_ s: some StringProtocol) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `s` lower-cased as bytes when it is all ASCII (then equal to `Array(s.lowercased().utf8)`), else `nil`.
    @inlinable
    public static func lowercasedBytes(_ s: some StringProtocol) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            guard b < 0x80 else { return nil }
            out.append(b &- 0x41 < 26 ? b | 0x20 : b)
        }
        return out
    }

    /// `bytes` with ASCII letters lower-cased and every other byte kept, optionally without NUL bytes (so that
    /// UTF-16 text of ASCII letters reads as its letters): a head in which ASCII keywords are found without
    /// regard to case by ``contains(_:_:)`` and ``hasPrefix(_:_:)-(ArraySlice<UInt8>,_)``, without decoding or Unicode case mapping.
    /// For ASCII needles the answers equal `String(decoding: bytes, as: UTF8.self).lowercased().contains(needle)`.
    public static func lowercasedHead(_ bytes: ArraySlice<UInt8>, droppingNUL: Bool = false) -> [UInt8] {
        // Written into the array's storage through pointers: every source sniffs every file of a batch, and
        // appending byte by byte cost ≈ 23 instructions a byte.
        bytes.withUnsafeBufferPointer { src in
            [UInt8](unsafeUninitializedCapacity: src.count) { dst, count in
                var k = 0
                if droppingNUL {
                    for b in src where b != 0 {
                        dst[k] = b &- 0x41 < 26 ? b | 0x20 : b
                        k += 1
                    }
                } else {
                    for b in src {
                        dst[k] = b &- 0x41 < 26 ? b | 0x20 : b
                        k += 1
                    }
                }
                count = k
            }
        }
    }

    /// `head` without leading white space (space, tab, CR, LF) and UTF-8 byte-order marks.
    public static func droppingLeadingSpace(_ head: [UInt8]) -> ArraySlice<UInt8> {
        var i = 0
        while i < head.count {
            let b = head[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
            if b == 0xEF, i + 2 < head.count, head[i + 1] == 0xBB, head[i + 2] == 0xBF { i += 3; continue }
            break
        }
        return head[i...]
    }

    /// Whether the bytes of `needle` occur in `haystack`.
    @inlinable
    public static func contains(_ haystack: [UInt8], _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { n in
            haystack.withUnsafeBufferPointer { h in find(h, n, from: 0) != nil }
        }
    }

    /// Whether `haystack` starts with the bytes of `needle`.
    @inlinable
    public static func hasPrefix(_ haystack: ArraySlice<UInt8>, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { n in haystack.count >= n.count && haystack.prefix(n.count).elementsEqual(n) }
    }

    /// Whether `haystack` starts with the bytes of `needle`.
    @inlinable
    public static func hasPrefix(_ haystack: [UInt8], _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { n in
            haystack.count >= n.count && haystack.withUnsafeBufferPointer { h in
                UnsafeBufferPointer(rebasing: h[0..<n.count]).elementsEqual(n)
            }
        }
    }

    /// Whether the UTF-8 bytes of `needle` occur in `s` (byte comparison: for ASCII needles in ASCII text this
    /// is `s.contains(needle)`).
    @inlinable
    public static func containsBytes(_ s: some StringProtocol, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { n in
            if let r = s.utf8.withContiguousStorageIfAvailable({ find($0, n, from: 0) != nil }) { return r }
            let copy = Array(s.utf8)
            return copy.withUnsafeBufferPointer { find($0, n, from: 0) != nil }
        }
    }

    /// The offset of the first occurrence of `needle` in `haystack` at or after `from`.
    @inlinable
    public static func find(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>,
                            from: Int) -> Int? {
        let n = needle.count
        guard n > 0 else { return from <= haystack.count ? from : nil }
        guard haystack.count >= n else { return nil }
        let first = needle[0]
        var i = from
        let last = haystack.count - n
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < n && haystack[i + j] == needle[j] { j += 1 }
                if j == n { return i }
            }
            i += 1
        }
        return nil
    }

    /// Whether white space in `s` is already collapsed: no white space at either end, none but single
    /// U+0020 spaces inside. Then collapsing it (runs of Unicode white space to one space, ends trimmed)
    /// gives `s` back unchanged.
    public static func isCollapsed(_ s: some StringProtocol) -> Bool {
        s.utf8.withContiguousStorageIfAvailable(isCollapsed(bytes:)) ?? false
    }

    /// ``isCollapsed(_:)`` of the UTF-8 bytes `u`.
    package static func isCollapsed(bytes u: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousSpace = true   // white space at the start is not collapsed
        do {
            let n = u.count
            var i = 0
            while i < n {
                let b = u[i]
                // Printable ASCII (the usual byte) first, with one test.
                if b &- 0x21 < 0x5F {
                    previousSpace = false
                    i += 1
                    continue
                }
                if b < 0x80 {
                    if b == 0x20 {
                        if previousSpace { return false }
                        previousSpace = true
                    } else if b >= 9 && b <= 13 {
                        return false
                    } else {
                        previousSpace = false
                    }
                    i += 1
                    continue
                }
                // Non-ASCII white space: U+0085, U+00A0 (C2 ..), U+1680 (E1 9A 80), U+2000–200A, 2028, 2029,
                // 202F, 205F (E2 80/81 ..), U+3000 (E3 80 80).
                let b1: UInt8 = i + 1 < n ? u[i + 1] : 0, b2: UInt8 = i + 2 < n ? u[i + 2] : 0
                let space = (b == 0xC2 && (b1 == 0x85 || b1 == 0xA0))
                    || (b == 0xE1 && b1 == 0x9A && b2 == 0x80)
                    || (b == 0xE2 && b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF))
                    || (b == 0xE2 && b1 == 0x81 && b2 == 0x9F)
                    || (b == 0xE3 && b1 == 0x80 && b2 == 0x80)
                if space { return false }
                previousSpace = false
                i += 1
            }
            return !(previousSpace && n > 0)
        }
    }
}

/// A dictionary key that compares strings by their UTF-8 bytes (not by canonical equivalence), for memos whose
/// answers are computed from bytes: a memo must never answer for another spelling.
package struct ByteKey: Hashable {
    /// The text.
    package let text: String
    /// A key for `text`.
    package init(_ text: String) { self.text = text }
    package static func == (a: ByteKey, b: ByteKey) -> Bool { ASCIIScan.sameBytes(a.text, b.text) }
    package func hash(into h: inout Hasher) {
        var copy = text
        copy.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
