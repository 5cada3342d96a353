// swift-meeting-notes · MeetingRecognizersTests

import Testing
import TestProcessSupport
@testable import MeetingRecognizers

/// `Tokenizer.scan` reads common non-ASCII scalars from their bytes; it must agree with its `Character` path.
@Suite struct ScanFastPathTests {
    /// Every Character start of `s`, scanned both ways, must give the same class and end.
    static func agree(_ s: String) -> Bool {
        let sub = s[...]
        return Tokenizer.withBytes(sub) { u -> Bool in
            var k = 0
            while k < u.count {
                let fast = Tokenizer.scan(sub, u, k), plain = Tokenizer.characterScan(sub, u, k)
                if fast != plain { return false }
                k = plain.1
            }
            return true
        }
    }

    @Test("scan reads Latin letters and general punctuation from bytes as the Character path does")
    func scanAgrees() {
        let alphabet = ["a", " ", "é", "É", "ć", "ó", "ß", "×", "÷", "ȿ", "ɀ", "\u{301}", "\u{300}", "\u{200D}", "\u{2009}", "—", "–",
                        "’", "‘", "“", "•", "…", "‧", "\u{2028}", "\u{202F}", "\u{20D0}", "\u{20E3}", "™", "€", "\u{A0}", "\u{AD}",
                        "Ж", "\u{600}", "👍", "\u{FE0F}", "1", "²", "Ⅻ", "\r\n", "\t", "'", "x"]
        var rng = SplitMix64(seed: 0x5CA7_0001)
        var nonASCII = 0
        for _ in 0..<20_000 {
            let s = (0..<(rng.nextInt() % 8)).map { _ in alphabet[rng.nextInt() % alphabet.count] }.joined()
            #expect(Self.agree(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
            if s.utf8.contains(where: { $0 >= 0xC3 }) { nonASCII += 1 }
        }
        #expect(nonASCII > 10_000)
        // Every scalar of the two ranges, alone, before ASCII, before a combining mark and before another of them.
        var scalars: [Unicode.Scalar] = []
        for v in 0xC0...0x23F { if let c = Unicode.Scalar(UInt32(v)) { scalars.append(c) } }
        for v in 0x2010...0x2027 { if let c = Unicode.Scalar(UInt32(v)) { scalars.append(c) } }
        #expect(scalars.count == 0x180 + 0x18)
        for c in scalars {
            for tail in ["", "x", "\u{301}", "é", "—", "\u{200D}", "\u{20DD}", "™", "\u{2C00}"] {
                let s = String(Character(c)) + tail
                #expect(Self.agree(s), "\(String(c.value, radix: 16)) + \(tail.debugDescription)")
            }
        }
        #expect(Tokenizer.tokens("Wójcik’s 18 Nov — done"[...]).map { String($0.text) } == ["Wójcik’s", "18", "Nov", "—", "done"])
    }
}
