// swift-meeting-notes · PlainTextImportTests

import Testing
import TestProcessSupport
@testable import PlainTextImport

/// The byte reading of PDF debris rows must judge every row as the `Character` definition does.
@Suite struct DebrisBytesTests {
    @Test("asciiDebris (through isDebris) equals referenceIsDebris on random rows")
    func sameAnswer() {
        let pieces = ["I", " .", "1", "O", "ab", "abc", "x", ".", " ", "\t", "12:00", "é", "e\u{301}", "\u{600}a", "Ж", "\u{A0}",
                      "-", "1 I", "Topic", "\r\n", "", "C", "(E", "m)"]
        var rng = SplitMix64(seed: 0xDEB2_1501)
        var debris = 0, ascii = 0
        for _ in 0..<20_000 {
            let cells = (0..<(1 + rng.nextInt() % 4)).map { _ in
                (0..<(rng.nextInt() % 4)).map { _ in pieces[rng.nextInt() % pieces.count] }.joined()
            }
            let plain = AgendaAssembler.referenceIsDebris(cells)
            #expect(AgendaAssembler().isDebris(cells) == plain, "\(cells.debugDescription)")
            if let fast = AgendaAssembler.asciiDebris(cells) {
                ascii += 1
                #expect(fast == plain, "\(cells.debugDescription)")
            }
            if plain { debris += 1 }
        }
        #expect(debris > 1000)
        #expect(ascii > 5000)
        #expect(AgendaAssembler().isDebris(["I ."]))
        #expect(AgendaAssembler().isDebris(["1 I"]))
        #expect(!AgendaAssembler().isDebris(["abc"]))
        #expect(!AgendaAssembler().isDebris(["Close"]))
    }
}

/// The byte reading of attachment file names must split every row as the `Character` definition does.
@Suite struct FileNameBytesTests {
    @Test("splitFileName (ASCII fast path) equals referenceSplitFileName on random rows")
    func sameSplit() {
        let pieces = ["slides.pdf", "a.b", ".", ".x", ".pdf", "Plan", "v1.2", "x.p_f", "Q3.PPTX", "img.jpeg1", "notes.toolong",
                      " ", "  ", "SQuaRE", "by", "mbutler", "é.pdf", "a.ée", "x.\u{301}pdf", "\u{600}.pdf", "1.23", "a.b1",
                      "Oct 28, 2019", "\t", "..", "a..pdf"]
        var rng = SplitMix64(seed: 0xF11E_0001)
        var named = 0, ascii = 0
        for _ in 0..<20_000 {
            let s = (0..<(rng.nextInt() % 8)).map { _ in pieces[rng.nextInt() % pieces.count] }.joined(separator: rng.nextInt() % 3 == 0 ? "" : " ")
            let plain = PageParser.referenceSplitFileName(s)
            let fast = PageParser.splitFileName(s)
            #expect(fast.0 == plain.0 && fast.1 == plain.1, "\(s.debugDescription)")
            if PageParser.asciiSplitFileName(s) != nil { ascii += 1 }
            if plain.1 != nil { named += 1 }
        }
        #expect(ascii > 5000)
        #expect(named > 2000)
        let r = PageParser.splitFileName("Plan  v2.pdf   SQuaRE  slides")
        #expect(r.0 == "Plan v2.pdf" && r.1 == "SQuaRE slides")
        #expect(PageParser.splitFileName("Agenda v1.2 draft").1 == nil)
    }
}

/// Header-cell folding must give what the scalar-by-scalar definition gives.
@Suite struct HomoglyphFoldTests {
    @Test("homoglyphFolded equals referenceHomoglyphFolded, ASCII or not")
    func sameFold() {
        let pieces = ["Time", "TOPIC", "Торіс", "Chair", "Notes and action Items", "(Local!)", "ο", "Ж", "É", "e\u{301}", "\u{130}",
                      "\u{212A}", " ", "\t", "1", "ß", "Σ", "who"]
        var rng = SplitMix64(seed: 0x4011_F01D)
        for _ in 0..<10_000 {
            let s = (0..<(rng.nextInt() % 6)).map { _ in pieces[rng.nextInt() % pieces.count] }.joined()
            #expect(s.homoglyphFolded == s.referenceHomoglyphFolded, "\(s.debugDescription)")
        }
        #expect("Time (Local!)".homoglyphFolded == "time (local!)")
        #expect("Торіс".homoglyphFolded == "topic")
    }
}
