// swift-meeting-notes · MeetingRecognizersTests

import Testing
import TestProcessSupport
@testable import MeetingRecognizers

/// The byte-level fast paths must agree with the `String` definitions they stand in for.
@Suite struct ASCIIScanTests {
    /// Collapsing as `collapsedSpaces` defines it, scalar by scalar.
    static func referenceCollapse(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pending = false, any = false
        for u in s.unicodeScalars {
            if u.properties.isWhitespace { pending = any; continue }
            if pending { out.append(" "); pending = false }
            out.append(u)
            any = true
        }
        return String(out)
    }

    static func randomStrings(_ count: Int, alphabet: [String]) -> [String] {
        var rng = SplitMix64(seed: 0x5EED_2024)
        func next() -> Int { rng.nextInt() }
        return (0..<count).map { _ in (0..<(next() % 8)).map { _ in alphabet[next() % alphabet.count] }.joined() }
    }

    /// Words as `ActionItemRecognizer.words` defines them: runs of `Character`s that are not white space.
    static func referenceWords(_ s: String) -> [String] {
        var out: [String] = [], current = ""
        for c in s {
            if isSpaceChar(c) { if !current.isEmpty { out.append(current); current = "" } } else { current.append(c) }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    @Test("words splits on white-space Characters, also next to Prepend scalars and combining marks")
    func wordsAgreeWithCharacters() {
        let alphabet = ["a", "B", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{2009}", "\u{3000}", "\u{85}", "’", "é",
                        "\u{301}", "—", "–", "\u{600}", "\u{110BD}", "\u{D4E}", "\u{200D}", "👍", "Ж", "-", "x"]
        var multiWord = 0
        for s in Self.randomStrings(5000, alphabet: alphabet) {
            let words = ActionItemRecognizer.words(s)
            #expect(words.map { String($0.text) } == Self.referenceWords(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(words.allSatisfy { s[$0.range] == $0.text })
            if words.count > 1 { multiWord += 1 }
        }
        #expect(multiWord > 500)
        // A space after a Prepend scalar joins its Character: one word, not two.
        #expect(ActionItemRecognizer.words("\u{600} x").map { String($0.text) } == ["\u{600} x"])
        #expect(ActionItemRecognizer.words("Chloé Haddad — go").map { String($0.text) } == ["Chloé", "Haddad", "—", "go"])
    }

    @Test("isCollapsed only when collapsing changes nothing")
    func isCollapsed() {
        let alphabet = ["a", "B", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{2009}", "\u{3000}", "\u{85}", "’", "é",
                        "e\u{301}", "—", "\u{1680}", "\u{205F}", "\u{200B}", "x"]
        var collapsedSeen = 0
        for s in Self.randomStrings(5000, alphabet: alphabet) {
            let reference = Self.referenceCollapse(s)
            if ASCIIScan.isCollapsed(s) {
                collapsedSeen += 1
                #expect(reference == s, "\(s.debugDescription)")
            }
            #expect(s.collapsedSpaces == reference, "\(s.debugDescription)")
        }
        #expect(collapsedSeen > 100)
        #expect(ASCIIScan.isCollapsed("Ana Ortiz — send the notes."))
        #expect(!ASCIIScan.isCollapsed(" Ana"))
        #expect(!ASCIIScan.isCollapsed("Ana  Ortiz"))
        #expect(!ASCIIScan.isCollapsed("Ana\u{A0}Ortiz"))
    }

    @Test("lower-cased bytes and byte search")
    func bytes() {
        #expect(ASCIIScan.lowercasedBytes("Lunch BREAK") == Array("lunch break".utf8))
        #expect(ASCIIScan.lowercasedBytes("Café") == nil)
        let b = Array("coffee break (refreshments)".utf8)
        #expect(ASCIIScan.contains(b, "refreshment"))
        #expect(!ASCIIScan.contains(b, "lunch"))
        #expect(ASCIIScan.hasPrefix(b, "coffee"))
        #expect(!ASCIIScan.hasPrefix(b, "break"))
        #expect(ASCIIScan.containsBytes("Getting issue details...", "issue"))
        #expect(!ASCIIScan.containsBytes("STATU", "STATUS"))
    }

    @Test("sniffing heads: byte search of the lower-cased head agrees with String lower-casing for ASCII keywords")
    func sniffingHeads() {
        let needles: [StaticString] = ["<html", "<!doctype html", "<ac:", "<ri:", "confluence", "main-content", "\"storage\"", "<?xml"]
        let pieces = ["<HTML>", "<!DOCTYPE Html>", "<AC:task>", "<ri:User/>", "ConFluence", "Main-Content", "\"STORAGE\"",
                      "<?XML ", "Chloé", "İstanbul", "ÀÉÎ", "Søren", "\u{FEFF}", "  \n\t", "\u{0}", "KELVIN\u{212A}", "<p>", "{", "x"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...8, using: &rng) { text += pieces.randomElement(using: &rng) ?? "" }
            let bytes = Array(text.utf8)
            let head = ASCIIScan.lowercasedHead(bytes[...])
            let reference = String(decoding: bytes, as: UTF8.self).lowercased()
            for needle in needles {
                let n = needle.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
                #expect(ASCIIScan.contains(head, needle) == reference.contains(n), "\(text.debugDescription) \(n)")
            }
            let trimmed = reference.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
            let byteTrimmed = ASCIIScan.droppingLeadingSpace(head)
            for prefix: StaticString in ["<", "{", "<p", "<!doctype html"] {
                let p = prefix.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
                #expect(ASCIIScan.hasPrefix(byteTrimmed, prefix) == trimmed.hasPrefix(p), "\(text.debugDescription) \(p)")
            }
        }
        #expect(ASCIIScan.lowercasedHead([0x3C, 0, 0x48, 0, 0x54, 0], droppingNUL: true) == Array("<ht".utf8))
    }
}
