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
