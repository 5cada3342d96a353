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
            if c.isWhitespace { spaced = true; i = s.index(after: i); continue }
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

extension StringProtocol {
    /// The text without leading and trailing white space.
    var trimmedSub: SubSequence {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    var trimmed: String { String(trimmedSub) }
}

extension String {
    /// Runs of white space collapsed to one space, trimmed.
    var collapsedSpaces: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var pending = false
        for c in self {
            if c.isWhitespace { pending = !out.isEmpty; continue }
            if pending { out.append(" "); pending = false }
            out.append(c)
        }
        return out
    }
}
