// swift-meeting-notes · MeetingRecognizers

import MeetingModel

/// A date (or date range) found in a string.
public struct DateMatch: Sendable, Hashable {
    /// The first (or only) day.
    public var start: CalendarDate
    /// The last day of a range ("28-30 October 2019"), `nil` for a single date.
    public var end: CalendarDate?
    /// Where the date stands in the searched string.
    public var range: Range<String.Index>
    /// Whether the year was written (false for "Nov 18", whose year came from context).
    public var hasYear: Bool

    /// Creates a match.
    public init(start: CalendarDate, end: CalendarDate? = nil, range: Range<String.Index>, hasYear: Bool = true) {
        self.start = start
        self.end = end
        self.range = range
        self.hasYear = hasYear
    }
}

/// Finds calendar dates in text: "18 Nov 2019", "18 Nov. 2019", "11. Nov. 2019", "Oct 28, 2019",
/// "2019-11-18", "18/11/2019" (order per `ImportOptions.NumericDateOrder`), "Nov 18" and "28 October"
/// (year from ``referenceYear``; the month must then be capitalised, so "5 may" in prose is no date), ranges
/// "28-30 October 2019", "24–27 February 2020", "2019-10-28 to 30".
///
/// Linear in the input: one tokenisation, then a fixed look-ahead per token.
public struct DateRecognizer: Sendable, Hashable {
    /// How to read 03/04/2019.
    public var numericOrder: ImportOptions.NumericDateOrder
    /// The year for dates written without one; such dates are not recognised when `nil`.
    public var referenceYear: Int?

    /// Creates a recogniser.
    public init(numericOrder: ImportOptions.NumericDateOrder = .dayFirst, referenceYear: Int? = nil) {
        self.numericOrder = numericOrder
        self.referenceYear = referenceYear
    }

    /// Creates a recogniser from import options.
    public init(options: ImportOptions) {
        self.init(numericOrder: options.numericDateOrder, referenceYear: options.referenceYear)
    }

    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    /// The month number of a month name or abbreviation ("Nov", "november"), else `nil`.
    public static func month(named name: some StringProtocol) -> Int? {
        // Month names are ASCII: three to nine bytes starting with one of their initials.
        let n = name.utf8.count
        guard n >= 3, n <= 9, let f = name.utf8.first else { return nil }
        switch f | 0x20 {
        case 97, 100, 102, 106, 109, 110, 111, 115: break   // a d f j m n o s
        default: return nil
        }
        if let fast = asciiMonth(named: name) { return fast == 0 ? nil : fast }
        guard name.count >= 3, name.count <= 9 else { return nil }
        return months[name.lowercased()]
    }

    /// ``month(named:)`` of an ASCII name from its bytes: the month, 0 for none, or `nil` when `name` is not
    /// ASCII (then `lowercased()` decides; "K" of U+212A KELVIN SIGN lower-cases to an ASCII letter).
    static func asciiMonth(named name: some StringProtocol) -> Int? {
        // Names of three to eight bytes are packed into an integer; "september" (nine) is compared on its own.
        var key: UInt64 = 0
        var n = 0
        var first: UInt8 = 0
        for b in name.utf8 {
            guard b < 0x80 else { return nil }
            let lower = b &- 65 < 26 ? b | 0x20 : b
            if n == 0 { first = lower }
            n += 1
            if n <= 9 { key = key << 8 | UInt64(lower) } else { return 0 }
        }
        if n == 9 { return first == 115 && key == september ? 9 : 0 }   // the shift dropped "s"
        return monthsByKey[key] ?? 0
    }

    /// The bytes of "eptember" packed as in ``asciiMonth(named:)``.
    static let september: UInt64 = "eptember".utf8.reduce(0) { $0 << 8 | UInt64($1) }

    /// ``months`` of three to eight bytes, keyed by the bytes of each name packed into an integer.
    static let monthsByKey: [UInt64: Int] = {
        var out: [UInt64: Int] = [:]
        for (name, m) in months where name.utf8.count <= 8 {
            out[name.utf8.reduce(0) { $0 << 8 | UInt64($1) }] = m
        }
        return out
    }()

    /// The plain definition of ``month(named:)``.
    static func referenceMonth(named name: some StringProtocol) -> Int? {
        let n = name.utf8.count
        guard n >= 3, n <= 9, let f = name.utf8.first else { return nil }
        switch f | 0x20 {
        case 97, 100, 102, 106, 109, 110, 111, 115: break   // a d f j m n o s
        default: return nil
        }
        guard name.count >= 3, name.count <= 9 else { return nil }
        return months[name.lowercased()]
    }

    /// Every date in `text`, in order, not overlapping.
    public func matches(in text: String) -> [DateMatch] {
        matches(in: text[...])
    }

    /// Every date in `text`, in order, not overlapping.
    public func matches(in text: Substring) -> [DateMatch] {
        // Every date form holds a number token, that is an ASCII digit.
        guard ASCIIScan.hasDigit(text) else { return [] }
        return Tokenizer.withBytes(text) { u in
            let t = Tokenizer.byteTokens(text, u)
            var out: [DateMatch] = []
            var i = 0
            while i < t.count {
                if let (m, next) = match(t, i, u, text) {
                    out.append(m)
                    i = next
                } else {
                    i += 1
                }
            }
            return out
        }
    }

    /// The plain definition of ``matches(in:)``: `Substring` tokens and ``referenceMatch(_:_:)``.
    func referenceMatches(in text: Substring) -> [DateMatch] {
        guard ASCIIScan.hasDigit(text) else { return [] }
        let t = Tokenizer.tokens(text)
        var out: [DateMatch] = []
        var i = 0
        while i < t.count {
            if let (m, next) = referenceMatch(t, i) {
                out.append(m)
                i = next
            } else {
                i += 1
            }
        }
        return out
    }

    /// The plain definition of ``parse(_:)``.
    func referenceParse(_ text: String) -> DateMatch? {
        var s = text.trimmedSub
        if s.hasSuffix(".") { s = s.dropLast() }
        let t = Tokenizer.tokens(s)
        guard !t.isEmpty, let (m, next) = referenceMatch(t, 0), next == t.count else { return nil }
        return m
    }

    /// The first date in `text`.
    public func firstDate(in text: String) -> DateMatch? { matches(in: text).first }
    /// The last date in `text`.
    public func lastDate(in text: String) -> DateMatch? { matches(in: text).last }

    /// The date when `text` is nothing but a date (surrounding white space and a final "." allowed).
    public func parse(_ text: String) -> DateMatch? {
        var s = text.trimmedSub
        if s.hasSuffix(".") { s = s.dropLast() }
        return Tokenizer.withBytes(s) { u in
            let t = Tokenizer.byteTokens(s, u)
            guard !t.isEmpty, let (m, next) = match(t, 0, u, s), next == t.count else { return nil }
            return m
        }
    }

    private func isDash(_ tok: Token) -> Bool {
        tok.kind == .punct && (tok.isText("-") || tok.isText("–") || tok.isText("—"))
    }

    private func yearValue(_ tok: Token) -> Int? {
        guard tok.kind == .number, tok.digitCount == 4, let y = tok.number, y >= 1900, y <= 2199 else { return nil }
        return y
    }

    /// The plain definition of ``match(_:_:_:_:)``: a date starting at token `i` of ``Tokenizer/tokens(_:)``.
    func referenceMatch(_ t: [Token], _ i: Int) -> (DateMatch, Int)? {
        let a = t[i]
        let n = t.count
        func tok(_ k: Int) -> Token? { k < n ? t[k] : nil }
        func punct(_ k: Int, _ p: StaticString) -> Bool { k < n && t[k].kind == .punct && t[k].isText(p) && !t[k].spaced }
        func range(_ from: Int, _ to: Int) -> Range<String.Index> { t[from].range.lowerBound..<t[to - 1].range.upperBound }
        // ISO 2019-11-18 (optionally "to 30" / "-30" after it).
        if let y = yearValue(a), punct(i + 1, "-"), let mt = tok(i + 2), mt.kind == .number, !mt.spaced, mt.digitCount == 2,
           punct(i + 3, "-"), let dt = tok(i + 4), dt.kind == .number, !dt.spaced, dt.digitCount == 2,
           let m = mt.number, let d = dt.number, let date = CalendarDate(year: y, month: m, day: d) {
            var next = i + 5
            var end: CalendarDate? = nil
            if let w = tok(next), (w.text.equalsLowercasedASCII("to") || isDash(w)), let e = tok(next + 1), e.kind == .number,
               e.digitCount <= 2, let ed = e.number, ed > d, let ec = CalendarDate(year: y, month: m, day: ed),
               !(tok(next + 2).map { $0.kind == .punct && $0.isText("-") && !$0.spaced } ?? false) {
                end = ec
                next += 2
            }
            return (DateMatch(start: date, end: end, range: range(i, next)), next)
        }
        // Numeric 18/11/2019 or 18.11.2019.
        if a.kind == .number, a.digitCount <= 2, let sep = tok(i + 1), sep.kind == .punct, !sep.spaced,
           sep.isText("/") || sep.isText("."), let b = tok(i + 2), b.kind == .number, !b.spaced, b.digitCount <= 2,
           punct(i + 3, sep.isText("/") ? "/" : "."), let c = tok(i + 4), c.kind == .number, !c.spaced,
           let x = a.number, let z = b.number {
            let year: Int?
            if let y = yearValue(c) { year = y } else if c.digitCount == 2, let y = c.number { year = 2000 + y } else { year = nil }
            if let year {
                let (d, m) = numericOrder == .dayFirst ? (x, z) : (z, x)
                if let date = CalendarDate(year: year, month: m, day: d) {
                    return (DateMatch(start: date, range: range(i, i + 5)), i + 5)
                }
            }
        }
        // Day-first: "18 Nov 2019", "11. Nov. 2019", "28-30 October 2019", "28 October".
        if a.kind == .number, a.digitCount <= 2, let d1 = a.number, d1 >= 1 {
            var k = i + 1
            var d2: Int? = nil
            if let dash = tok(k), isDash(dash), let b = tok(k + 1), b.kind == .number, b.digitCount <= 2, let v = b.number, v > d1 {
                d2 = v
                k += 2
            } else if punct(k, ".") {
                k += 1
            }
            if let mt = tok(k), mt.kind == .word, let m = DateRecognizer.month(named: mt.text) {
                k += 1
                if punct(k, ".") { k += 1 }
                if let yt = tok(k), let y = yearValue(yt) {
                    if let s = CalendarDate(year: y, month: m, day: d1) {
                        let e = d2.flatMap { CalendarDate(year: y, month: m, day: $0) }
                        if d2 == nil || e != nil { return (DateMatch(start: s, end: e, range: range(i, k + 1)), k + 1) }
                    }
                } else if let y = referenceYear, mt.text.count >= 3, mt.text.first?.isUppercase == true,
                          let s = CalendarDate(year: y, month: m, day: d1) {
                    // A trailing "." after an abbreviation belongs to the date only if we consumed it.
                    let e = d2.flatMap { CalendarDate(year: y, month: m, day: $0) }
                    if d2 == nil || e != nil { return (DateMatch(start: s, end: e, range: range(i, k), hasYear: false), k) }
                }
            }
        }
        // Month-first: "Oct 28, 2019", "Nov 18", "October 28-30, 2019".
        if a.kind == .word, let m = DateRecognizer.month(named: a.text) {
            var k = i + 1
            if punct(k, ".") { k += 1 }
            if let dt = tok(k), dt.kind == .number, dt.digitCount <= 2, let d1 = dt.number, d1 >= 1 {
                k += 1
                var d2: Int? = nil
                if let dash = tok(k), isDash(dash), let b = tok(k + 1), b.kind == .number, b.digitCount <= 2,
                   let v = b.number, v > d1 {
                    d2 = v
                    k += 2
                }
                var yk = k
                if punct(yk, ",") || (tok(yk).map { $0.kind == .punct && $0.isText(",") } ?? false) { yk += 1 }
                if let yt = tok(yk), let y = yearValue(yt) {
                    if let s = CalendarDate(year: y, month: m, day: d1) {
                        let e = d2.flatMap { CalendarDate(year: y, month: m, day: $0) }
                        return (DateMatch(start: s, end: e, range: range(i, yk + 1)), yk + 1)
                    }
                } else if let y = referenceYear, let s = CalendarDate(year: y, month: m, day: d1),
                          a.text.first?.isUppercase == true,
                          !(tok(k).map { $0.kind == .punct && $0.isText(":") && !$0.spaced } ?? false) {
                    let e = d2.flatMap { CalendarDate(year: y, month: m, day: $0) }
                    return (DateMatch(start: s, end: e, range: range(i, k), hasYear: false), k)
                }
            }
        }
        return nil
    }

    // MARK: - Byte tokens

    private func isDash(_ tok: ByteToken, _ u: UnsafeBufferPointer<UInt8>) -> Bool {
        tok.kind == .punct && (tok.isText("-", u) || tok.isText("–", u) || tok.isText("—", u))
    }

    private func yearValue(_ tok: ByteToken, _ u: UnsafeBufferPointer<UInt8>) -> Int? {
        guard tok.kind == .number, tok.end - tok.start == 4, let y = tok.number(u), y >= 1900, y <= 2199 else { return nil }
        return y
    }

    /// ``month(named:)`` of a word token: from its bytes when it is ASCII, else from its `Substring`.
    private func month(_ tok: ByteToken, _ u: UnsafeBufferPointer<UInt8>, _ s: Substring) -> Int? {
        let n = tok.end - tok.start
        guard n >= 3, n <= 9 else { return nil }
        switch u[tok.start] | 0x20 {
        case 97, 100, 102, 106, 109, 110, 111, 115: break   // a d f j m n o s
        default: return nil
        }
        var key: UInt64 = 0
        for k in tok.start..<tok.end {
            let b = u[k]
            guard b < 0x80 else { return DateRecognizer.month(named: tok.text(s)) }
            key = key << 8 | UInt64(b &- 65 < 26 ? b | 0x20 : b)
        }
        if n == 9 { return key == DateRecognizer.september && u[tok.start] | 0x20 == 115 ? 9 : nil }   // the shift dropped "s"
        return DateRecognizer.monthsByKey[key]
    }

    /// Whether the token's first `Character` is upper-case: an ASCII byte followed by an ASCII byte (or the
    /// token's end) is a whole `Character`, tested as a byte; anything else is tested as a `Character`.
    private func firstIsUppercase(_ tok: ByteToken, _ u: UnsafeBufferPointer<UInt8>, _ s: Substring) -> Bool {
        let b = u[tok.start]
        if b < 0x80, tok.start + 1 == tok.end || u[tok.start + 1] < 0x80 { return b &- 65 < 26 }
        return tok.text(s).first?.isUppercase == true
    }

    /// Matches a date starting at byte token `i` of `s` (whose bytes are `u`); returns it and the index after it.
    /// Same forms and results as ``referenceMatch(_:_:)``, read from bytes; a `String.Index` is made only for the
    /// match found.
    private func match(_ t: [ByteToken], _ i: Int, _ u: UnsafeBufferPointer<UInt8>, _ s: Substring) -> (DateMatch, Int)? {
        let a = t[i]
        let n = t.count
        func tok(_ k: Int) -> ByteToken? { k < n ? t[k] : nil }
        func punct(_ k: Int, _ p: StaticString) -> Bool { k < n && t[k].kind == .punct && t[k].isText(p, u) && !t[k].spaced }
        func range(_ from: Int, _ to: Int) -> Range<String.Index> {
            s.utf8.index(s.startIndex, offsetBy: t[from].start)..<s.utf8.index(s.startIndex, offsetBy: t[to - 1].end)
        }
        // ISO 2019-11-18 (optionally "to 30" / "-30" after it).
        if let y = yearValue(a, u), punct(i + 1, "-"), let mt = tok(i + 2), mt.kind == .number, !mt.spaced, mt.digitCount == 2,
           punct(i + 3, "-"), let dt = tok(i + 4), dt.kind == .number, !dt.spaced, dt.digitCount == 2,
           let m = mt.number(u), let d = dt.number(u), let date = CalendarDate(year: y, month: m, day: d) {
            var next = i + 5
            var end: CalendarDate? = nil
            if let w = tok(next), (w.isLowercasedASCII("to", u) || isDash(w, u)), let e = tok(next + 1), e.kind == .number,
               e.digitCount <= 2, let ed = e.number(u), ed > d, let ec = CalendarDate(year: y, month: m, day: ed),
               !(tok(next + 2).map { $0.kind == .punct && $0.isText("-", u) && !$0.spaced } ?? false) {
                end = ec
                next += 2
            }
            return (DateMatch(start: date, end: end, range: range(i, next)), next)
        }
        // Numeric 18/11/2019 or 18.11.2019.
        if a.kind == .number, a.digitCount <= 2, let sep = tok(i + 1), sep.kind == .punct, !sep.spaced,
           sep.isText("/", u) || sep.isText(".", u), let b = tok(i + 2), b.kind == .number, !b.spaced, b.digitCount <= 2,
           punct(i + 3, sep.isText("/", u) ? "/" : "."), let c = tok(i + 4), c.kind == .number, !c.spaced,
           let x = a.number(u), let z = b.number(u) {
            let year: Int?
            if let y = yearValue(c, u) { year = y } else if c.digitCount == 2, let y = c.number(u) { year = 2000 + y } else { year = nil }
            if let year {
                let (d, m) = numericOrder == .dayFirst ? (x, z) : (z, x)
                if let date = CalendarDate(year: year, month: m, day: d) {
                    return (DateMatch(start: date, range: range(i, i + 5)), i + 5)
                }
            }
        }
        // Day-first: "18 Nov 2019", "11. Nov. 2019", "28-30 October 2019", "28 October".
        if a.kind == .number, a.digitCount <= 2, let d1 = a.number(u), d1 >= 1 {
            var k = i + 1
            var d2: Int? = nil
            if let dash = tok(k), isDash(dash, u), let b = tok(k + 1), b.kind == .number, b.digitCount <= 2, let v = b.number(u), v > d1 {
                d2 = v
                k += 2
            } else if punct(k, ".") {
                k += 1
            }
            if let mt = tok(k), mt.kind == .word, let m = month(mt, u, s) {
                k += 1
                if punct(k, ".") { k += 1 }
                if let yt = tok(k), let y = yearValue(yt, u) {
                    if let st = CalendarDate(year: y, month: m, day: d1) {
                        let e = d2.flatMap { CalendarDate(year: y, month: m, day: $0) }
                        if d2 == nil || e != nil { return (DateMatch(start: st, end: e, range: range(i, k + 1)), k + 1) }
                    }
                } else if let y = referenceYear, firstIsUppercase(mt, u, s),
                          let st = CalendarDate(year: y, month: m, day: d1) {
                    // A month name has at least three Characters (``month(named:)``).
                    // A trailing "." after an abbreviation belongs to the date only if we consumed it.
                    let e = d2.flatMap { CalendarDate(year: y, month: m, day: $0) }
                    if d2 == nil || e != nil { return (DateMatch(start: st, end: e, range: range(i, k), hasYear: false), k) }
                }
            }
        }
        // Month-first: "Oct 28, 2019", "Nov 18", "October 28-30, 2019".
        if a.kind == .word, let m = month(a, u, s) {
            var k = i + 1
            if punct(k, ".") { k += 1 }
            if let dt = tok(k), dt.kind == .number, dt.digitCount <= 2, let d1 = dt.number(u), d1 >= 1 {
                k += 1
                var d2: Int? = nil
                if let dash = tok(k), isDash(dash, u), let b = tok(k + 1), b.kind == .number, b.digitCount <= 2,
                   let v = b.number(u), v > d1 {
                    d2 = v
                    k += 2
                }
                var yk = k
                if punct(yk, ",") || (tok(yk).map { $0.kind == .punct && $0.isText(",", u) } ?? false) { yk += 1 }
                if let yt = tok(yk), let y = yearValue(yt, u) {
                    if let st = CalendarDate(year: y, month: m, day: d1) {
                        let e = d2.flatMap { CalendarDate(year: y, month: m, day: $0) }
                        return (DateMatch(start: st, end: e, range: range(i, yk + 1)), yk + 1)
                    }
                } else if let y = referenceYear, let st = CalendarDate(year: y, month: m, day: d1),
                          firstIsUppercase(a, u, s),
                          !(tok(k).map { $0.kind == .punct && $0.isText(":", u) && !$0.spaced } ?? false) {
                    let e = d2.flatMap { CalendarDate(year: y, month: m, day: $0) }
                    return (DateMatch(start: st, end: e, range: range(i, k), hasYear: false), k)
                }
            }
        }
        return nil
    }
}
