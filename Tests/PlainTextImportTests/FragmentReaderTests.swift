// swift-meeting-notes · PlainTextImportTests

import Testing
import TestProcessSupport
import MeetingModel
import MeetingRecognizers
@testable import PlainTextImport

/// The one-pass fragment reader and the cell shortcuts must give what their first definitions give.
@Suite struct FragmentReaderTests {
    static let pieces = ["<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>", "<b>", "</b>", "<strong>", "</i>", "<em>", "<i>", "<p>", "</p>",
                         "<div>", "</div>", "<br>", "<br/>", "</br>", "<span class=x>", "< 3", "<>", "<a", ">", "&amp;", "&mdash;", "&#x2022;",
                         " ", "  ", "\t", "\n", "\u{A0}", " • ", "•", "**", "text", "Ana Lee — send it. 18 Nov 2019", "DM-123", "STATUS",
                         "é", "e\u{301}", "—", "’", "\u{600}", "\u{2009}", "x."]

    static func random(_ rng: inout SplitMix64, _ alphabet: [String], _ max: Int) -> String {
        (0..<(rng.nextInt() % max)).map { _ in alphabet[rng.nextInt() % alphabet.count] }.joined()
    }

    @Test("parse builds the blocks and fragments the Node tree gave, on random tag soup")
    func readerAgrees() {
        var rng = SplitMix64(seed: 0xF4A6_0001)
        var lists = 0, emphasis = 0
        for _ in 0..<20_000 {
            let s = Self.random(&rng, Self.pieces, 14)
            let fast = HTMLFragment.parse(s), reference = HTMLFragment.referenceParse(s)
            #expect(fast.rich == reference.rich && fast.fragments == reference.fragments, "\(s.debugDescription)")
            if fast.rich.blocks.contains(where: { if case .list = $0 { return true }; return false }) { lists += 1 }
            if s.contains("<b>") && fast.rich.blocks.contains(where: { if case .paragraph(let i) = $0 { return i.count > 1 }; return false }) { emphasis += 1 }
        }
        #expect(lists > 3000)
        #expect(emphasis > 100)
        // Deep nesting is flattened the same way.
        let deep = String(repeating: "<ul><li>a", count: 30) + String(repeating: "</li></ul>", count: 30)
        #expect(HTMLFragment.parse(deep).rich == HTMLFragment.referenceParse(deep).rich)
        let r = HTMLFragment.parse("<ul> <li>One <b>two</b></li><li>Three<ul><li>Four</li></ul></li></ul>")
        #expect(r.fragments == ["One two", "Three", "Four"])
        #expect(HTMLFragment.parse("").rich.blocks.isEmpty)
    }

    @Test("simpleParagraph equals trim then CellText.plain, or declines")
    func simpleParagraphAgrees() {
        let alphabet = [" ", "  ", "a", "Ana", ".", "*", "**", "\t", "\n", "\u{A0}", "\u{85}", "\u{2009}", "\u{2028}", "\u{205F}", "\u{3000}",
                        "\u{1680}", "•", "◦", "○", "▪", "—", "’", "é", "e\u{301}", "\u{301}", "\u{600}", "Ж", "👍", "x"]
        var rng = SplitMix64(seed: 0x5117_0001)
        var decided = 0
        for _ in 0..<20_000 {
            let s = Self.random(&rng, alphabet, 8)
            guard let simple = HTMLFragment.simpleParagraph(s) else { continue }
            decided += 1
            let trimmed = HTMLFragment.trim([.text(s)])
            var blocks: [Block] = [], fragments: [String] = []
            if !trimmed.isEmpty {
                let r = CellText.plain(Inline.plainText(trimmed))
                blocks = r.rich.blocks
                fragments = r.fragments
            }
            #expect(blocks == simple.map { [.paragraph([.text($0)])] } ?? [], "\(s.debugDescription)")
            #expect(fragments == simple.map { [$0] } ?? [], "\(s.debugDescription)")
        }
        #expect(decided > 3000)
        #expect(HTMLFragment.simpleParagraph(" Slides ") == .some("Slides"))
        #expect(HTMLFragment.simpleParagraph("a\tb") == nil)
    }

    @Test("plain read from bytes equals the first definition (String pieces), bullets and blanks included")
    func plainAgrees() {
        let alphabet = ["•", "◦", "○", "▪", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{85}", "\u{2009}", "\u{3000}", "a", "Ana Lee",
                        "é", "e\u{301}", "\u{301}", "\u{600}", "—", "’", "x.", "**", "•\u{301}", "©"]
        var rng = SplitMix64(seed: 0x9A1A_0001)
        var lists = 0, byteLevel = 0
        for _ in 0..<20_000 {
            let s = Self.random(&rng, alphabet, 10)
            let fast = CellText.plain(s), reference = CellText.referencePlain(s)
            #expect(fast.rich == reference.rich && fast.fragments == reference.fragments, "\(s.debugDescription)")
            if fast.rich.blocks.contains(where: { if case .list = $0 { return true }; return false }) { lists += 1 }
            var copy = s
            if copy.withUTF8({ CellText.plainUTF8($0) }) != nil { byteLevel += 1 }
        }
        #expect(lists > 1000)
        #expect(byteLevel > 10_000)
        #expect(CellText.plain("Intro • one •  two").fragments == ["Intro", "one", "two"])
    }

    @Test("looksLikeHTML (all \"<\" then all \"&\") equals the byte-by-byte definition")
    func looksLikeHTMLAgrees() {
        let alphabet = ["<", ">", "</", "<a", "<A", "<1", "< ", "&", ";", "&amp;", "&#3", "#", "a", "1", " ", "é", "&aVeryLongEntityName;", "x"]
        var rng = SplitMix64(seed: 0x4711_0001)
        var yes = 0
        for _ in 0..<20_000 {
            var s = Self.random(&rng, alphabet, 10)
            let fast = s.withUTF8 { CellText.looksLikeHTML($0) }, reference = s.withUTF8 { CellText.referenceLooksLikeHTML($0) }
            #expect(fast == reference, "\(s.debugDescription)")
            if fast { yes += 1 }
        }
        #expect(yes > 3000)
    }

    @Test("scanText equals mayHoldTicket and the white-space-only test it stands in for")
    func scanTextAgrees() {
        let alphabet = ["-", "1", "-1", "S", "STATUS", "G", "Getting", "icket", " ", "\t", "\r\n", "\u{A0}", "\u{3000}", "\u{301}",
                        "\u{600}", "é", "a", "DM-", "—"]
        var rng = SplitMix64(seed: 0x5CA7_0002)
        for _ in 0..<20_000 {
            let s = Self.random(&rng, alphabet, 6)
            let (ticket, word) = TicketInlines.scanText(s)
            #expect(ticket == TicketInlines.mayHoldTicket(s), "\(s.debugDescription)")
            // A word byte means the text is not white space alone.
            if !ticket && word { #expect(!s.trimmedSub.isEmpty, "\(s.debugDescription)") }
        }
        #expect(TicketInlines.scanText(" \t ") == (false, false))
        #expect(TicketInlines.scanText("\u{600} ").word == false)
    }
}

/// Cleaning keeps clean lists and list items as they are; it must give what rebuilding every item gives.
@Suite struct CleanListTests {
    @Test("TicketInlines.clean equals referenceClean (blocks and removed residue) on random cells; unchanged exactly when isClean")
    func cleanAgrees() {
        let pieces = FragmentReaderTests.pieces + ["DM-22089 - Getting issue details", " STATUS ", "Ticket:", "PROJ-1", "<li>STATUS</li>",
                                                   "<li> </li>", "<li>DM-7 - Getting issue details... STATUS</li>"]
        let tickets = TicketRecognizer()
        var rng = SplitMix64(seed: 0xC1EA_0001)
        var changed = 0, removedAny = 0
        for _ in 0..<20_000 {
            let s = FragmentReaderTests.random(&rng, pieces, 16)
            let blocks = CellText.convert(s).rich.blocks
            var removedFast: [String] = [], removedReference: [String] = []
            let fast = TicketInlines.clean(blocks, tickets, &removedFast)
            let reference = TicketInlines.referenceClean(blocks, tickets, &removedReference)
            #expect(fast == reference && removedFast == removedReference, "\(s.debugDescription)")
            let whole = TicketInlines.clean(RichText(blocks), tickets), wholeReference = TicketInlines.referenceClean(RichText(blocks), tickets)
            #expect(whole.0 == wholeReference.0 && whole.1 == wholeReference.1, "\(s.debugDescription)")
            #expect((TicketInlines.cleanedIfChanged(blocks, tickets, &removedFast) == nil) == TicketInlines.isClean(blocks), "\(s.debugDescription)")
            if fast != blocks { changed += 1 }
            if !removedFast.isEmpty { removedAny += 1 }
        }
        #expect(changed > 2_000)
        #expect(removedAny > 1_000)
        var removed: [String] = []
        let cleaned = TicketInlines.clean(CellText.convert("<ul><li>Keep me</li><li>DM-22089 - Getting issue details STATUS</li></ul>").rich.blocks,
                                          tickets, &removed)
        #expect(cleaned == [.list(ListBlock(items: [ListItem([.text("Keep me")]), ListItem([.ticket(key: "DM-22089")])]))])
        #expect(removed == ["- Getting issue details STATUS"])
    }
}
