// swift-meeting-notes · PlainTextImportTests

import Testing
import TestProcessSupport
import MeetingModel
@testable import PlainTextImport

/// The UTF-8 bullet splitter must agree with the Character-by-Character definition.
@Suite struct SplitBulletsTests {
    @Test("byte-level bullet splitting equals the Character path")
    func agreesWithCharacters() {
        let alphabet = ["•", "◦", "○", "▪", " ", "  ", "\t", "\r\n", "\u{A0}", "a", "Ana", "é", "e\u{301}", "\u{301}",
                        "—", "’", "x.", "•\u{301}"]
        var rng = SplitMix64(seed: 0xB011E7)
        func next() -> Int { rng.nextInt() }
        var splits = 0, byteLevel = 0
        for _ in 0..<5000 {
            let s = (0..<(next() % 10)).map { _ in alphabet[next() % alphabet.count] }.joined()
            let fast = CellText.splitBullets(s), reference = CellText.referenceSplitBullets(s)
            #expect(fast.map(\.0) == reference.map(\.0) && fast.map(\.1) == reference.map(\.1), "\(s.debugDescription)")
            if fast.count > 1 { splits += 1 }
            if s.utf8.contains(0xE2), CellText.splitBulletsUTF8(s) != nil { byteLevel += 1 }
        }
        #expect(splits > 30)       // the sample really splits
        #expect(byteLevel > 300)   // and really takes the byte path
        let cell = CellText.splitBullets("Intro • first item • second item")
        #expect(cell.map(\.0) == [false, true, true])
        #expect(cell.map(\.1) == ["Intro ", " first item ", " second item"])
    }
}

/// Byte shortcuts of the ticket cleaning must agree with their first definitions.
@Suite struct TicketShortcutTests {
    @Test("mayHoldTicket equals its first definition on random text")
    func mayHoldTicket() {
        let alphabet = ["-", "1", "-1", "S", "STATUS", "STATU", "G", "Getting", "Gettin", "i", "icket", "icke", "T", "Ticket", " ",
                        "é", "a", "DM-", "\u{2014}", "9"]
        var rng = SplitMix64(seed: 0x71C4_0001)
        var hits = 0
        for _ in 0..<20_000 {
            let s = (0..<(rng.nextInt() % 8)).map { _ in alphabet[rng.nextInt() % alphabet.count] }.joined()
            let fast = TicketInlines.mayHoldTicket(s)
            #expect(fast == TicketInlines.referenceMayHoldTicket(s), "\(s.debugDescription)")
            if fast { hits += 1 }
        }
        #expect(hits > 2000)
        #expect(TicketInlines.mayHoldTicket("see DM-22393"))
        #expect(!TicketInlines.mayHoldTicket("nothing here"))
    }
}

/// The agenda topic shortcut must give what reading the topic as a fragment gives.
@Suite struct TopicShortcutTests {
    @Test("a topic the shortcut accepts is what the fragment reader gives back")
    func plainTopics() {
        let alphabet = ["a", "Budget", " ", "  ", "\t", "<b>", "</b>", "<li>", "&amp;", "&", "*", "**", "•", "—", "\u{A0}",
                        "\u{3000}", "\u{1680}", "é", "e\u{301}", "\u{301}", "(", ")", "Lunch", "1", "’", "Торіс", "\u{600}", "x."]
        var rng = SplitMix64(seed: 0x70F1_0001)
        var accepted = 0
        for _ in 0..<20_000 {
            let s = (0..<(rng.nextInt() % 7)).map { _ in alphabet[rng.nextInt() % alphabet.count] }.joined()
            if let fast = AgendaAssembler.plainTopic(s) {
                accepted += 1
                #expect(fast == AgendaAssembler.referenceTopic(s), "\(s.debugDescription)")
            }
        }
        #expect(accepted > 2000)
        #expect(AgendaAssembler.plainTopic("Budget review") == "Budget review")
        #expect(AgendaAssembler.plainTopic("Budget  review") == nil)
        #expect(AgendaAssembler.plainTopic("<b>Budget</b>") == nil)
        #expect(AgendaAssembler.plainTopic("") == nil)
    }
}

/// The byte test for letters and numbers in a cell must agree with the Character definition.
@Suite struct CellLetterTests {
    @Test("hasLetterOrNumber equals Character.isLetter || isNumber over the Characters")
    func letters() {
        let alphabet = ["a", "Z", "5", " ", "•", "—", ".", "<", "\u{600}", "\u{301}", "é", "Ж", "٣", "\u{110BD}", "\u{D4E}", "-", "✓",
                        "\t", "\u{A0}", "½"]
        var rng = SplitMix64(seed: 0xCE11_0001)
        var without = 0
        for _ in 0..<20_000 {
            let s = (0..<(rng.nextInt() % 5)).map { _ in alphabet[rng.nextInt() % alphabet.count] }.joined()
            let fast = AgendaAssembler.hasLetterOrNumber(s)
            #expect(fast == AgendaAssembler.referenceHasLetterOrNumber(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
            if !fast { without += 1 }
        }
        #expect(without > 1000)
        #expect(!AgendaAssembler.hasLetterOrNumber("\u{600}a"))
        #expect(AgendaAssembler.hasLetterOrNumber("• a"))
    }
}

/// Tags read from bytes must act as the `String` tag reader says.
@Suite struct TagBytesTests {
    /// What the first fragment reader did with a tag: its `switch` over the name `tagName` gives.
    static func referenceAction(_ inner: String) -> HTMLFragment.TagAction? {
        let (closing, name) = HTMLFragment.tagName(inner[...])
        let kind: HTMLFragment.Kind?
        switch name {
        case "ul": kind = .ul
        case "ol": kind = .ol
        case "li": kind = .li
        case "b", "strong": kind = .b
        case "i", "em": kind = .i
        case "p", "div": kind = .p
        case "br": return name.isEmpty ? nil : (closing ? .ignore : .lineBreak)
        default: kind = nil
        }
        if name.isEmpty { return nil }
        guard let kind else { return .ignore }
        return closing ? .close(kind) : .open(kind)
    }

    @Test("asciiTag and action(closing:name:) equal tagName and the name switch")
    func tags() {
        let alphabet = ["/", " ", "\t", "\n", "u", "l", "o", "i", "b", "r", "p", "e", "m", "s", "t", "n", "g", "d", "v", "UL", "LI", "Br",
                        "STRONG", "strong", "div", "em", "x", "1", "=", "\"", "a", "é", "\u{A0}", "\u{301}", "Ж", "class=x", "-"]
        var rng = SplitMix64(seed: 0x7A65_0001)
        var known = 0
        for _ in 0..<30_000 {
            let inner = (0..<(rng.nextInt() % 5)).map { _ in alphabet[rng.nextInt() % alphabet.count] }.joined()
            var copy = inner
            let fast: HTMLFragment.TagAction? = copy.withUTF8 { u in
                if let (closing, name) = HTMLFragment.asciiTag(u) { return HTMLFragment.action(closing: closing, name: name) }
                let (closing, name) = HTMLFragment.tagName(inner[...])
                return HTMLFragment.action(closing: closing, name: Array(name.utf8))
            }
            let reference = Self.referenceAction(inner)
            #expect(fast == reference, "\(inner.debugDescription)")
            if case .open? = reference { known += 1 }
        }
        #expect(known > 500)
        #expect(HTMLFragment.parse("<UL><li>a</li></ul>").rich.blocks.count == 1)
    }
}

/// White-space runs replaced run by run must equal the scalar-by-scalar loop.
@Suite struct WhitespaceRunTests {
    @Test("collapsingWhitespaceRuns equals its first definition")
    func runs() {
        let alphabet = ["a", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{85}", "\u{1680}", "\u{2000}", "\u{2009}", "\u{200B}", "\u{2028}",
                        "\u{202F}", "\u{205F}", "\u{3000}", "\u{3001}", "é", "—", "’", "Ж", "👍", "\u{301}", "x", "\u{E1}"]
        var rng = SplitMix64(seed: 0x5ACE_0001)
        for _ in 0..<20_000 {
            var s = (0..<(rng.nextInt() % 10)).map { _ in alphabet[rng.nextInt() % alphabet.count] }.joined()
            let fast = s.withUTF8 { String.collapsingWhitespaceRuns($0) }
            let reference = s.withUTF8 { String.referenceCollapsingWhitespaceRuns($0) }
            #expect(fast == reference && Array(fast.utf8) == Array(reference.utf8), "\(s.debugDescription)")
        }
        #expect(" a \t b\u{3000}".replacingOccurrencesOfWhitespaceRuns() == " a b ")
    }
}

/// Entities decoded run by run must equal the byte-by-byte definition.
@Suite struct EntityRunTests {
    @Test("decodeEntities equals its first definition")
    func entities() {
        let alphabet = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#39;", "&nbsp;", "&ndash;", "&mdash;", "&#x2014;", "&#X41;", "&#65;",
                        "&#xD800;", "&#99999999;", "&bogus;", "&", ";", "&;", "&amp", "a", " ", "é", "—", "&&amp;", "&#x;", "&averyveryverylongname;"]
        var rng = SplitMix64(seed: 0xE471_0001)
        for _ in 0..<20_000 {
            let s = (0..<(rng.nextInt() % 8)).map { _ in alphabet[rng.nextInt() % alphabet.count] }.joined()
            let fast = HTMLFragment.decodeEntities(s)
            let reference = HTMLFragment.referenceDecodeEntities(s)
            #expect(Array(fast.utf8) == Array(reference.utf8), "\(s.debugDescription)")
        }
        #expect(HTMLFragment.decodeEntities("a &amp; b &mdash; c") == "a & b — c")
    }
}
