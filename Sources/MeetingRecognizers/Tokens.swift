// swift-meeting-notes · MeetingRecognizers

/// A word, number or punctuation mark of a string, with its range. Internal scanner for the recognisers.
struct Token {
    enum Kind { case number, word, punct }
    var kind: Kind
    var text: Substring
    var range: Range<String.Index>
    /// White space stands right before it.
    var spaced: Bool
    var number: Int? { kind == .number && text.count <= 9 ? Int(text) : nil }
    var lower: String { text.lowercased() }
}

enum Tokenizer {
    /// Splits into runs of letters/digits (plus inner apostrophes), and single other characters; white space dropped.
    static func tokens(_ s: Substring) -> [Token] {
        var out: [Token] = []
        var i = s.startIndex
        var spaced = true
        while i < s.endIndex {
            let c = s[i]
            if isSpaceChar(c) { spaced = true; i = s.index(after: i); continue }
            if c.isLetter || c.isNumber {
                let start = i
                var allDigits = true
                while i < s.endIndex {
                    let d = s[i]
                    if d.isLetter || d.isNumber {
                        if !(d.isASCII && d.isNumber) { allDigits = false }
                        i = s.index(after: i)
                    } else if d == "'" || d == "’", allDigits == false {
                        let n = s.index(after: i)
                        if n < s.endIndex, s[n].isLetter { i = n } else { break }
                    } else { break }
                }
                out.append(Token(kind: allDigits ? .number : .word, text: s[start..<i], range: start..<i, spaced: spaced))
            } else {
                let n = s.index(after: i)
                out.append(Token(kind: .punct, text: s[i..<n], range: i..<n, spaced: spaced))
                i = n
            }
            spaced = false
        }
        return out
    }
}


/// White space test with an ASCII fast path (Unicode properties only for non-ASCII).
@inline(__always) func isSpaceScalar(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    if v < 128 { return v == 32 || (v >= 9 && v <= 13) }
    return u.properties.isWhitespace
}

@inline(__always) func isSpaceChar(_ c: Character) -> Bool {
    if let a = c.asciiValue { return a == 32 || (a >= 9 && a <= 13) }
    return c.isWhitespace
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    var trimmedSub: SubSequence {
        var s = self[...]
        while let f = s.first, isSpaceChar(f) { s = s.dropFirst() }
        while let l = s.last, isSpaceChar(l) { s = s.dropLast() }
        return s
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    var trimmed: String { String(trimmedSub) }
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

extension String {
    /// Runs of white space collapsed to one space, trimmed.
    var collapsedSpaces: String {
        if ASCIIScan.isCollapsed(self) { return String(self) }   // nothing to collapse (the common case)
        var out = String.UnicodeScalarView()
        var pending = false
        var any = false
        for u in unicodeScalars {
            if isSpaceScalar(u) { pending = any; continue }
            if pending { out.append(" "); pending = false }
            out.append(u)
            any = true
        }
        return String(out)
    }
}
