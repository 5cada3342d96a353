// swift-meeting-notes · MeetingRecognizersTests

import Testing
import MeetingModel
import TestProcessSupport
@testable import MeetingRecognizers

/// The date reader's byte-level token tests must agree with the `String` definitions they replaced.
@Suite struct DateFastPathTests {
    static let alphabet = ["1", "2", "9", "0", "19", "2019", "-", "–", "—", "/", ".", ",", ":", ";", " ", "\t", "\r\n",
                           "Nov", "nov", "NOV", "sept", "September", "SEPTEMBER", "aeptember", "may", "May", "to", "TO",
                           "Mär", "\u{212A}", "e\u{301}", "1\u{301}", "-\u{301}", "\u{37E}", "\u{FF11}", "٣", "x", "Oct",
                           "\u{0}", "jan\u{0}", "dec", "december", "Decemberx", "ju", "jun", "june", "july", "\u{A0}"]

    @Test("month(named:) from bytes equals the lowercased() dictionary look-up")
    func months() {
        var rng = SplitMix64(seed: 0xDA7E_0001)
        var found = 0
        let letters = ["a", "b", "c", "d", "e", "f", "g", "j", "l", "m", "n", "o", "p", "r", "s", "t", "u", "v", "y",
                       "A", "N", "S", "\u{212A}", "é", "\u{301}", "\u{0}", "ſ"]
        var names = DateRecognizer.months.keys.flatMap { [$0, $0.uppercased(), $0.prefix(1).uppercased() + $0.dropFirst(), $0 + "x", "x" + $0, String($0.dropFirst())] }
        names += ["", "a", "se", "aeptember", "seeptember", "Septembers", "SEPTEMBER", "\u{212A}", "no\u{301}v"]
        for _ in 0..<20_000 {
            names.append((0..<(rng.nextInt() % 11)).map { _ in letters[rng.nextInt() % letters.count] }.joined())
        }
        for name in names {
            let fast = DateRecognizer.month(named: name)
            #expect(fast == DateRecognizer.referenceMonth(named: name), "\(name.debugDescription)")
            #expect(DateRecognizer.month(named: name[...]) == DateRecognizer.referenceMonth(named: name[...]))
            if fast != nil { found += 1 }
        }
        #expect(found > 60)
        #expect(DateRecognizer.month(named: "September") == 9)
        #expect(DateRecognizer.month(named: "aeptember") == nil)
        #expect(DateRecognizer.month(named: "Sept") == 9)
        #expect(DateRecognizer.month(named: "Mayo") == nil)
    }

    @Test("token numbers, digit counts and marks read from bytes equal their String definitions")
    func tokens() {
        var rng = SplitMix64(seed: 0xDA7E_0002)
        var numbers = 0
        for _ in 0..<5000 {
            let s = (0..<(rng.nextInt() % 12)).map { _ in Self.alphabet[rng.nextInt() % Self.alphabet.count] }.joined()
            for t in Tokenizer.tokens(s[...]) {
                #expect(t.number == t.referenceNumber, "\(s.debugDescription)")
                if t.kind == .number {
                    numbers += 1
                    #expect(t.digitCount == t.text.count)
                }
                for mark: StaticString in ["-", "–", "—", "/", ".", ",", ":"] {
                    #expect(t.isText(mark) == (t.text == mark.description), "\(s.debugDescription)")
                }
                #expect(t.text.equalsLowercasedASCII("to") == (t.lower == "to"))
            }
        }
        #expect(numbers > 500)
    }

    @Test("dates found in random text are unchanged (known answers)")
    func knownDates() {
        let d = DateRecognizer(referenceYear: 2019)
        #expect(d.lastDate(in: "Leanne — do it. 11. Nov. 2019")?.start == CalendarDate(year: 2019, month: 11, day: 11))
        #expect(d.firstDate(in: "2019-10-28 to 30")?.end == CalendarDate(year: 2019, month: 10, day: 30))
        #expect(d.firstDate(in: "18/11/2019")?.start == CalendarDate(year: 2019, month: 11, day: 18))
        #expect(d.firstDate(in: "Oct 28, 2019")?.start == CalendarDate(year: 2019, month: 10, day: 28))
        #expect(d.firstDate(in: "24–27 February 2020")?.end == CalendarDate(year: 2020, month: 2, day: 27))
        #expect(d.firstDate(in: "September 3")?.start == CalendarDate(year: 2019, month: 9, day: 3))
        #expect(d.firstDate(in: "aeptember 3") == nil)
        #expect(d.firstDate(in: "1\u{301} Nov 2019")?.start == nil)
    }
}

/// The action-item recogniser's shortcuts must agree with the definitions they stand in for.
@Suite struct ActionShortcutTests {
    @Test("mayHoldAction over bytes equals the four-byte-window definition")
    func mayHoldAction() {
        let alphabet = ["-", "--", " ", "t", "o", "to", " to ", "\u{2014}", "\u{2013}", "\u{2000}", "\u{2012}", "\u{E2}", "a", "T",
                        "\t", "x", "é", "\u{80}", "-1"]
        var rng = SplitMix64(seed: 0xAC71_0001)
        var hits = 0
        for _ in 0..<20_000 {
            var s = (0..<(rng.nextInt() % 9)).map { _ in alphabet[rng.nextInt() % alphabet.count] }.joined()
            let fast = s.withUTF8 { ActionItemRecognizer.mayHoldAction($0) }
            let reference = s.withUTF8 { ActionItemRecognizer.referenceMayHoldAction($0) }
            #expect(fast == reference, "\(s.debugDescription)")
            if fast { hits += 1 }
        }
        #expect(hits > 2000)
        #expect(ActionItemRecognizer.mayHoldAction("Ana to send"))
        #expect(!ActionItemRecognizer.mayHoldAction("Ana tox"))
        #expect(!ActionItemRecognizer.mayHoldAction("- start"))
    }

    @Test("one ASCII word is never an owner phrase, whatever it holds")
    func oneWordPhrases() {
        let r = ActionItemRecognizer(participants: [Person(name: "Ana Ortiz"), Person(name: "DM")])
        let alphabet = ["A", "B", "z", "DM", "-", "&", "/", ",", "+", "(", ")", "the", "The", "team", "Team", "SST", "1", "'",
                        "Unknown", "User", "and", "at", "least", ".", "Ana", "Ortiz", "x"]
        var rng = SplitMix64(seed: 0xAC71_0002)
        var words = ["DM-22393", "DATA-11094", "DM-SST", "the", "TheTeam", "Unknown", "Ana&Ortiz", "A/B", "(x)", "team", "ALL"]
        for _ in 0..<5000 { words.append((0..<(1 + rng.nextInt() % 5)).map { _ in alphabet[rng.nextInt() % alphabet.count] }.joined()) }
        for w in words {
            #expect(ActionItemRecognizer.isOneASCIIWord(w))
            #expect(r.fullParseOwnerParts(w) == nil, "\(w)")
            #expect(r.parseOwnerParts(w) == nil)
        }
        #expect(!ActionItemRecognizer.isOneASCIIWord("Ana Ortiz"))
        #expect(!ActionItemRecognizer.isOneASCIIWord("Chloé"))
        #expect(r.parseOwnerParts("Ana Ortiz")?.people.map(\.name) == ["Ana Ortiz"])
        #expect(r.recognizeAll(in: "DM-22393 - Getting issue details STATUS").isEmpty)
        #expect(r.recognizeAll(in: "Ana Ortiz — send the notes. 18 Nov 2019").first?.owners.map(\.name) == ["Ana Ortiz"])
    }
}

/// The word-at-a-time byte search must find what a byte loop finds.
@Suite struct ByteSearchTests {
    @Test("firstIndex(of:in:from:) equals a byte loop")
    func firstIndex() {
        var rng = SplitMix64(seed: 0xB17E_0001)
        for _ in 0..<5000 {
            let n = rng.nextInt() % 40
            let bytes: [UInt8] = (0..<n).map { _ in [10, 13, 0, 0x8A, 0x0D, 0x0A, 97, 0xFF, 9][rng.nextInt() % 9] }
            let start = n == 0 ? 0 : rng.nextInt() % (n + 1)
            for target: UInt8 in [10, 13, 0, 0xFF, 0x80] {
                let expected = bytes.indices.first { $0 >= start && bytes[$0] == target }
                #expect(bytes.withUnsafeBufferPointer { ASCIIScan.firstIndex(of: target, in: $0, from: start) } == expected)
            }
        }
        #expect(Array("abcdefghij\nk".utf8).withUnsafeBufferPointer { ASCIIScan.firstIndex(of: 10, in: $0, from: 0) } == 10)
    }
}

/// The one-pass residue test must agree with the three searches it replaced.
@Suite struct ResidueShortcutTests {
    @Test("mayHoldResidue equals three firstRange searches")
    func residue() {
        let alphabet = ["Getting issue details", "Getting issue detail", "Getting", " ", "STATUS", "STATU", "S", "icket", "icke",
                        "Ticket:", "i", "G", "é", "x", "…", "DM-1"]
        var rng = SplitMix64(seed: 0x4E51_0001)
        var hits = 0
        for _ in 0..<20_000 {
            let s = (0..<(rng.nextInt() % 6)).map { _ in alphabet[rng.nextInt() % alphabet.count] }.joined()
            let fast = TicketRecognizer.mayHoldResidue(s)
            #expect(fast == TicketRecognizer.referenceMayHoldResidue(s), "\(s.debugDescription)")
            if fast { hits += 1 }
        }
        #expect(hits > 2000)
        #expect(TicketRecognizer.removingResidue("DM-1 - Getting issue details... STATUS").trimmed == "DM-1")
    }
}
