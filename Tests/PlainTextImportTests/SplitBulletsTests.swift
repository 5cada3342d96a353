// swift-meeting-notes · PlainTextImportTests

import Testing
@testable import PlainTextImport

/// The UTF-8 bullet splitter must agree with the Character-by-Character definition.
@Suite struct SplitBulletsTests {
    @Test("byte-level bullet splitting equals the Character path")
    func agreesWithCharacters() {
        let alphabet = ["•", "◦", "○", "▪", " ", "  ", "\t", "\r\n", "\u{A0}", "a", "Ana", "é", "e\u{301}", "\u{301}",
                        "—", "’", "x.", "•\u{301}"]
        var state: UInt64 = 0xB011E7
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
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
