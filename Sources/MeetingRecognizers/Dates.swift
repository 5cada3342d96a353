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
        let t = Tokenizer.tokens(text)
        var out: [DateMatch] = []
        var i = 0
        while i < t.count {
            if let (m, next) = match(t, i) {
                out.append(m)
                i = next
            } else {
                i += 1
            }
        }
        return out
    }

    /// The first date in `text`.
    public func firstDate(in text: String) -> DateMatch? { matches(in: text).first }
    /// The last date in `text`.
    public func lastDate(in text: String) -> DateMatch? { matches(in: text).last }

    /// The date when `text` is nothing but a date (surrounding white space and a final "." allowed).
    public func parse(_ text: String) -> DateMatch? {
        var s = text.trimmedSub
        if s.hasSuffix(".") { s = s.dropLast() }
        let t = Tokenizer.tokens(s)
        guard !t.isEmpty, let (m, next) = match(t, 0), next == t.count else { return nil }
        return m
    }

    private func isDash(_ tok: Token) -> Bool {
        tok.kind == .punct && (tok.isText("-") || tok.isText("–") || tok.isText("—"))
    }

    private func yearValue(_ tok: Token) -> Int? {
        guard tok.kind == .number, tok.digitCount == 4, let y = tok.number, y >= 1900, y <= 2199 else { return nil }
        return y
    }

    /// Matches a date starting at token `i`; returns it and the index after it.
    private func match(_ t: [Token], _ i: Int) -> (DateMatch, Int)? {
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
}
