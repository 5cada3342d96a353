// swift-meeting-notes · MeetingRecognizersTests

import Testing
import TestProcessSupport
import MeetingModel
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
                        "Ж", "\u{600}", "👍", "\u{FE0F}", "1", "²", "Ⅻ", "\r\n", "\t", "'", "x", "✓", "✔", "☐", "☑", "✅", "❶", "Ⓐ", "①",
                        "→", "▪", "○", "\u{2764}"]
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
        // Around the symbol ranges too (U+2180–U+27FF), their edges included.
        for v in 0x2180...0x27FF { if let c = Unicode.Scalar(UInt32(v)) { scalars.append(c) } }
        #expect(scalars.count == 0x180 + 0x18 + 0x680)
        for c in scalars {
            for tail in ["", "x", "\u{301}", "é", "—", "\u{200D}", "\u{20DD}", "™", "\u{2C00}"] {
                let s = String(Character(c)) + tail
                #expect(Self.agree(s), "\(String(c.value, radix: 16)) + \(tail.debugDescription)")
                // An ASCII letter or mark before it.
                #expect(Self.agree("x" + s) && Self.agree("-" + s), "x/- + \(String(c.value, radix: 16)) + \(tail.debugDescription)")
            }
        }
        #expect(Tokenizer.tokens("Wójcik’s 18 Nov — done"[...]).map { String($0.text) } == ["Wójcik’s", "18", "Nov", "—", "done"])
    }
}

/// Byte shortcuts of the ticket and action readers must give what their plain definitions give.
@Suite struct TicketByteTests {
    static let alphabet = ["Ticket:", "Tickets:", "ticket:", "Jira:", "JIRA:", "Issue:", "now in", "ticket", "Jira", "issue", " ", "  ", "\t",
                           "\n", "x", "é", "\u{301}", "\u{600}", "DM-123", "ABC-9", "-", "—", "see", "Ticket"]

    @Test("label(before:) read from bytes equals its first definition")
    func labelAgrees() {
        var rng = SplitMix64(seed: 0x1ABE_0001)
        var labelled = 0
        for _ in 0..<20_000 {
            let head = (0..<(rng.nextInt() % 6)).map { _ in Self.alphabet[rng.nextInt() % Self.alphabet.count] }.joined()
            let text = head + "DM-42 rest"
            let sub = text[...]
            guard let r = sub.firstRange(of: "DM-42") else { continue }
            let fast = TicketRecognizer.label(before: r.lowerBound, in: sub)
            let reference = TicketRecognizer.referenceLabel(before: r.lowerBound, in: sub)
            #expect(sub.utf8.distance(from: sub.startIndex, to: fast) == sub.utf8.distance(from: sub.startIndex, to: reference),
                    "\(text.debugDescription)")
            if fast < r.lowerBound { labelled += 1 }
        }
        #expect(labelled > 3000)
        let t = "see Ticket: DM-1"[...]
        #expect(t[TicketRecognizer.label(before: t.index(t.startIndex, offsetBy: 12), in: t)...] == "Ticket: DM-1")
    }

    @Test("suffix and prefix tests of ASCII marks need the mark's byte at that end")
    func markBytes() {
        let alphabet = [".", "..", ",", ":", " Ticket:", "Ticket:", " -", " –", "-", "–", "to ", "t", "o", " ", "\u{301}", "\u{600}", "e", "\u{20DD}"]
        var rng = SplitMix64(seed: 0x3A4C_0001)
        var hits = 0
        for _ in 0..<20_000 {
            let s = (0..<(rng.nextInt() % 6)).map { _ in alphabet[rng.nextInt() % alphabet.count] }.joined()
            let last = s.utf8.last, first = s.utf8.first
            for (suffix, byte) in [(" Ticket:", UInt8(58)), (".", 46), (",", 44), (" -", 0x2D), (" –", 0x93)] where s.hasSuffix(suffix) {
                #expect(last == byte, "\(s.debugDescription) \(suffix)")
                hits += 1
            }
            if s.hasPrefix("to ") { #expect(first == 116, "\(s.debugDescription)") }
        }
        #expect(hits > 5000)
    }

    @Test("valid UTF-8 decodes as decodeUTF8 decodes it; invalid bytes still take the repairing path")
    func decodeOnce() {
        let samples: [[UInt8]] = [Array("Ana — é\n".utf8), Array("plain".utf8), [0x41, 0xFF, 0x42], [0xC3, 0x28], Array("x\r\ny".utf8), []]
        for bytes in samples {
            let d = TextDecoding.decode(bytes)
            if TextDecoding.isValidUTF8(bytes) {
                let reference = TextDecoding.decodeUTF8(bytes[...], code: "text")
                #expect(d.text == TextDecoding.normalizeLineEnds(reference.text) && d.diagnostics == reference.diagnostics)
                #expect(d.encoding == .utf8)
            }
        }
        #expect(TextDecoding.decode(Array("Ana — é".utf8)).text == "Ana — é")
        // validUTF8String: the text exactly when the bytes are valid, on random bytes and byte soups.
        var rng = SplitMix64(seed: 0xDEC0_0001)
        let pieces: [[UInt8]] = [[0x41], [0x20], [0xC3, 0xA9], [0xE2, 0x80, 0x94], [0xF0, 0x9F, 0x91, 0x8D], [0xFF], [0xC3], [0x80],
                                 [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBD], [0xC0, 0xAF], Array("0123456789".utf8)]
        var valid = 0
        for _ in 0..<5_000 {
            let bytes = (0..<(rng.nextInt() % 12)).flatMap { _ in pieces[rng.nextInt() % pieces.count] }
            let fast = TextDecoding.validUTF8String(bytes)
            #expect((fast != nil) == TextDecoding.isValidUTF8(bytes), "\(bytes)")
            if let fast { #expect(Array(fast.utf8) == bytes); valid += 1 }
        }
        #expect(valid > 500)
    }
}

/// The owner-word role must agree with its first definition.
@Suite struct RoleShortcutTests {
    @Test("role equals its first definition on random words")
    func roleAgrees() {
        let alphabet = ["a", "A", "de", "De", "van", "della", "team", "Team", "x", "é", "É", "\u{301}", "\u{600}", "-", "'", "’", ",", ".",
                        "(", ")", "&", "and", "the", "V", "✓", "[x]", "User", "Ж", "1", "MacDonald", "le", "LA"]
        var rng = SplitMix64(seed: 0x201E_0001)
        var names = 0
        for _ in 0..<20_000 {
            let w = (0..<(1 + rng.nextInt() % 3)).map { _ in alphabet[rng.nextInt() % alphabet.count] }.joined()
            let previous: Substring? = rng.nextInt() % 3 == 0 ? "User" : nil
            let fast = ActionItemRecognizer.role(w[...], previous: previous)
            #expect(fast == ActionItemRecognizer.referenceRole(w[...], previous: previous), "\(w.debugDescription)")
            if fast == .name { names += 1 }
        }
        #expect(names > 2000)
    }
}

/// Collapsing read from a byte slice must equal collapsing the `String`.
@Suite struct CollapseBytesTests {
    @Test("collapsedWhiteSpace(bytes:) equals collapsedWhiteSpace of the String")
    func collapseAgrees() {
        let alphabet = ["a", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{85}", "\u{2009}", "\u{3000}", "\u{1680}", "é", "e\u{301}", "—", "x"]
        var rng = SplitMix64(seed: 0xC011_0001)
        for _ in 0..<20_000 {
            var s = (0..<(rng.nextInt() % 8)).map { _ in alphabet[rng.nextInt() % alphabet.count] }.joined()
            let fast = s.withUTF8 { collapsedWhiteSpace(bytes: $0) }
            #expect(Array(fast.utf8) == Array(collapsedWhiteSpace(s).utf8), "\(s.debugDescription)")
        }
        var t = "  one  two \u{A0}"
        #expect(t.withUTF8 { collapsedWhiteSpace(bytes: $0) } == "one two")
    }
}

/// Owner phrases copied as one run must equal the words joined one by one.
@Suite struct JoinedRunTests {
    @Test("WordList.joined equals its first definition")
    func joinedAgrees() {
        let alphabet = ["Ana", "Lee", " ", "  ", "\t", "\u{A0}", "\u{2009}", "é", "e\u{301}", "\u{600} ", "—", "&", "x", "\n"]
        var rng = SplitMix64(seed: 0x101E_0001)
        var runs = 0
        for _ in 0..<20_000 {
            let s = (0..<(rng.nextInt() % 9)).map { _ in alphabet[rng.nextInt() % alphabet.count] }.joined()
            let words = ActionItemRecognizer.wordList(s)
            guard words.count > 0 else { continue }
            let a = rng.nextInt() % words.count
            let b = a + 1 + rng.nextInt() % (words.count - a)
            let fast = words.joined(a..<b), reference = words.referenceJoined(a..<b)
            #expect(Array(fast.utf8) == Array(reference.utf8), "\(s.debugDescription) \(a)..<\(b)")
            if b - a > 1 { runs += 1 }
        }
        #expect(runs > 1500)
    }
}

/// The walk back over an owner phrase, read from bytes, must agree with the `Substring` walk.
@Suite struct OwnerWalkTests {
    static let pieces = ["Ana", "Lee", "van", "de", "DE", "della", "team", "Team", "the", "The", "and", "AND", "at", "least", "&", "/", "+", ",",
                         "Unknown", "User", "(x)", "(abc)", "V", "[x]", "[X]", "(/)", "[]", "✓", "—", "-", "--", "x.", "Lee,", "ok)", "O'Neil",
                         "Jean-Luc", "é", "Émile", "Chloé", "e\u{301}", "a1", "2019", "to", "do", "it:", "so;", "Kian-Tat", "mac", "tea"]

    @Test("asciiRole equals role on ASCII words")
    func asciiRoleAgrees() {
        var rng = SplitMix64(seed: 0xA5C1_0001)
        var checked = 0
        for _ in 0..<20_000 {
            let w = (0..<(1 + rng.nextInt() % 2)).map { _ in Self.pieces[rng.nextInt() % Self.pieces.count] }.joined()
            guard w.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
            let previousIsUser = rng.nextInt() % 3 == 0
            var copy = w
            let fast = copy.withUTF8 { ActionItemRecognizer.asciiRole($0, previousIsUser: previousIsUser) }
            #expect(fast == ActionItemRecognizer.role(w[...], previous: previousIsUser ? "User" : "Ana"), "\(w.debugDescription)")
            checked += 1
        }
        #expect(checked > 10_000)
        var empty = ""
        #expect(empty.withUTF8 { ActionItemRecognizer.asciiRole($0, previousIsUser: false) } == .stop)
    }

    @Test("ownerStart from bytes equals the Substring walk before every dash")
    func ownerStartAgrees() {
        var rng = SplitMix64(seed: 0xA5C1_0002)
        var phrases = 0
        for _ in 0..<10_000 {
            let s = (0..<(rng.nextInt() % 20)).map { _ in Self.pieces[rng.nextInt() % Self.pieces.count] }.joined(separator: " ")
            let words = ActionItemRecognizer.wordList(s)
            for dash in 0..<words.count where words.spans[dash].isDash {
                let fast = words.ownerStart(before: dash), reference = ActionItemRecognizer.referenceOwnerStart(words, before: dash)
                #expect(fast == reference, "\(s.debugDescription) dash \(dash)")
                if reference < dash { phrases += 1 }
            }
        }
        #expect(phrases > 2000)
    }

    @Test("forwardStop from bytes equals the Substring walk of the \"A and B to …\" form")
    func forwardStopAgrees() {
        var rng = SplitMix64(seed: 0xA5C1_0003)
        var stops = 0
        for _ in 0..<10_000 {
            let s = (0..<(rng.nextInt() % 12)).map { _ in Self.pieces[rng.nextInt() % Self.pieces.count] }.joined(separator: " ")
            let words = ActionItemRecognizer.wordList(s)
            for start in 0..<min(2, words.count) {
                let fast = words.forwardStop(from: start), reference = ActionItemRecognizer.referenceForwardStop(words, from: start)
                #expect(fast == .some(reference), "\(s.debugDescription) from \(start)")
                if let r = reference, r < words.count, words[r].text == "to" { stops += 1 }
            }
        }
        #expect(stops > 300)
    }
}

/// Byte equality eight bytes at a time must equal element-by-element equality.
@Suite struct EqualBytesTests {
    @Test("equalBytes and sameBytes equal elementsEqual on random byte strings of every length up to 40")
    func equalBytesAgrees() {
        var rng = SplitMix64(seed: 0xE9B7_0001)
        var equal = 0
        for _ in 0..<20_000 {
            let n = rng.nextInt() % 41
            let a = (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.nextInt() % 3 == 0 ? 0xC3 : 97 + rng.nextInt() % 2) }
            var b = a
            if !b.isEmpty, rng.nextInt() % 2 == 0 { b[rng.nextInt() % b.count] ^= 1 }
            if rng.nextInt() % 7 == 0 { b.append(97) }
            let fast = a.withUnsafeBufferPointer { p in b.withUnsafeBufferPointer { q in ASCIIScan.equalBytes(p, q) } }
            #expect(fast == a.elementsEqual(b))
            if fast { equal += 1 }
            let s = String(decoding: a, as: UTF8.self), t = String(decoding: b, as: UTF8.self)
            #expect(ASCIIScan.sameBytes(s, t) == Array(s.utf8).elementsEqual(Array(t.utf8)))
        }
        #expect(equal > 3000)
    }
}
