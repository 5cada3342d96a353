// swift-meeting-notes · MeetingRecognizersTests

import Testing
import MeetingModel
import TestProcessSupport
@testable import MeetingRecognizers

/// The date reader on byte-offset tokens must find the same dates as its `Substring`-token definition.
@Suite struct DateByteTokenTests {
    static let pieces = DateFastPathTests.alphabet + ["18", "11", "28", "30", "31", "2020", "1899", "12345", "Oct.", "Nov.",
                                                      "October", "Mai", "Mär", "\u{212A}ov", "Ñov", "Áug", "A\u{301}ug", "’",
                                                      "'", "o'clock", " to ", "To", "x2019", "Feb", "FEB", "29", "02"]

    @Test("byteTokens gives the tokens of tokens(_:) with their byte offsets")
    func sameTokens() {
        var rng = SplitMix64(seed: 0xDA7E_B701)
        for _ in 0..<5000 {
            let s = (0..<(rng.nextInt() % 14)).map { _ in Self.pieces[rng.nextInt() % Self.pieces.count] }.joined()
            let sub = s[...]
            let plain = Tokenizer.tokens(sub)
            let bytes = Tokenizer.withBytes(sub) { Tokenizer.byteTokens(sub, $0) }
            #expect(plain.count == bytes.count, "\(s.debugDescription)")
            for (p, b) in zip(plain, bytes) {
                #expect(p.kind == b.kind && p.spaced == b.spaced && b.text(sub) == p.text, "\(s.debugDescription)")
                #expect(p.range.lowerBound == sub.utf8.index(sub.startIndex, offsetBy: b.start))
                Tokenizer.withBytes(sub) { u in
                    #expect(b.number(u) == p.number)
                    #expect(b.isLowercasedASCII("to", u) == p.text.equalsLowercasedASCII("to"))
                    for mark: StaticString in ["-", "–", "—", "/", ".", ",", ":"] { #expect(b.isText(mark, u) == p.isText(mark)) }
                }
            }
        }
    }

    @Test("matches(in:) and parse(_:) on byte tokens equal their Substring-token definitions")
    func sameDates() {
        var rng = SplitMix64(seed: 0xDA7E_B702)
        var found = 0, undated = 0
        let recognizers = [DateRecognizer(), DateRecognizer(referenceYear: 2019),
                           DateRecognizer(numericOrder: .monthFirst, referenceYear: 2021)]
        for _ in 0..<20_000 {
            // Pieces glued or one space apart, so that whole dates ("18 Nov 2019", "Oct 28, 2019") form often.
            let s = (0..<(rng.nextInt() % 14)).map { _ in
                Self.pieces[rng.nextInt() % Self.pieces.count] + (rng.nextInt() % 2 == 0 ? " " : "")
            }.joined()
            // Also a slice that does not start at the string's start.
            let inner = s.isEmpty ? s[...] : s.dropFirst()
            for r in recognizers {
                let fast = r.matches(in: s[...])
                #expect(fast == r.referenceMatches(in: s[...]), "\(s.debugDescription)")
                #expect(r.matches(in: inner) == r.referenceMatches(in: inner), "\(s.debugDescription)")
                #expect(r.parse(s) == r.referenceParse(s), "\(s.debugDescription)")
                found += fast.count
                undated += fast.filter { !$0.hasYear }.count
            }
        }
        #expect(found > 2000)
        #expect(undated > 200)
        let d = DateRecognizer(referenceYear: 2019)
        #expect(d.parse(" 11. Nov. 2019. ")?.start == CalendarDate(year: 2019, month: 11, day: 11))
        #expect(d.lastDate(in: "Kian — fix — Oct 28, 2019 and 2019-10-28 to 30")?.end == CalendarDate(year: 2019, month: 10, day: 30))
        #expect(d.firstDate(in: "SEPTEMBER 3")?.start == CalendarDate(year: 2019, month: 9, day: 3))
        #expect(d.firstDate(in: "3 september") == nil)
    }
}

/// Word splits on bytes must equal the `Character` split they replace.
@Suite struct SpaceWordsTests {
    @Test("spaceWords equals split(separator: \" \") with and without empty words")
    func sameWords() {
        let pieces = [" ", "  ", "a", "Team", "the", "\u{301}", " \u{301}", "\u{600}", "\u{600} ", "\r\n", "\r", "\n", "é",
                      "e\u{301}", "STATUS", "\u{A0}", "\t", "\u{200D}", "DM-SST", "Ticket:", "", "x y", "Pérez", "Élodie",
                      "\u{903}", "\u{FE0F}", "😀", "\u{1F1E6}", "ß"]
        var rng = SplitMix64(seed: 0x5BAC_E001)
        var nonASCII = 0
        for _ in 0..<20_000 {
            let s = (0..<(rng.nextInt() % 10)).map { _ in pieces[rng.nextInt() % pieces.count] }.joined()
            if !ASCIIScan.isASCII(s) { nonASCII += 1 }
            for omit in [true, false] {
                let fast = s.spaceWords(omittingEmpty: omit)
                let plain = s.referenceSpaceWords(omittingEmpty: omit)
                #expect(fast == plain, "\(s.debugDescription)")
                #expect(fast.map(\.startIndex) == plain.map(\.startIndex), "\(s.debugDescription)")
            }
        }
        #expect(nonASCII > 5000)
        #expect("  Kian  Lim ".spaceWords() == ["Kian", "Lim"])
        #expect("Ana Pérez  Élodie".spaceWords() == ["Ana", "Pérez", "Élodie"])
        #expect("a \u{301}b".spaceWords() == ["a \u{301}b"])
        #expect("a  b ".spaceWords(omittingEmpty: false) == ["a", "", "b", ""])
        #expect(PersonRecognizer.isGroup("the DM team"))
        #expect(!PersonRecognizer.isGroup("Leanne Guy"))
        #expect(PersonRecognizer.looksLikeName("Wil O'Mullane"))
    }
}

/// Collapsing white space straight into the string's storage must give what the array-then-decode definition gives.
@Suite struct CollapseInPlaceTests {
    @Test("collapsingWhiteSpace equals referenceCollapsingWhiteSpace on random texts")
    func sameCollapse() {
        let pieces = [" ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{2003}", "\u{3000}", "\u{1680}", "\u{85}", "\u{2028}", "a", "Kian",
                      "é", "e\u{301}", "—", "\u{2013}", "\u{E2}\u{80}", "✓", "\u{200B}", "x y", "😀", ""]
        var rng = SplitMix64(seed: 0xC011_A95E)
        var changed = 0
        for _ in 0..<20_000 {
            let s = (0..<(rng.nextInt() % 12)).map { _ in pieces[rng.nextInt() % pieces.count] }.joined()
            var copy = s
            let (fast, plain) = copy.withUTF8 { (collapsingWhiteSpace($0), referenceCollapsingWhiteSpace($0)) }
            #expect(fast == plain && Array(fast.utf8) == Array(plain.utf8), "\(s.debugDescription)")
            if fast != s { changed += 1 }
            #expect(collapsedWhiteSpace(s) == plain, "\(s.debugDescription)")
        }
        #expect(changed > 5000)
        #expect(collapsedWhiteSpace("  Kian \u{A0}\t Lim  ") == "Kian Lim")
    }
}
