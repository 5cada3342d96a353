// swift-meeting-notes · PlainTextImportTests

import Testing
import TestProcessSupport
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
