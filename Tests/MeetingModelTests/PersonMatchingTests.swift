// swift-meeting-notes · MeetingModelTests

import Testing
import TestProcessSupport
@testable import MeetingModel

/// The allocation-free `isSamePerson`/`normalizedName` must answer exactly as their plain definitions.
@Suite struct PersonMatchingTests {
    static let names = [
        "Wil O'Mullane", "will o’mullane", "WIL  OMULLANE", " wil\tO`Mullane ", "Will O'Mullane", "Kian-Tat Lim",
        "kian-tat  lim\n", "Unknown User (gcomoretto)", "gcomoretto", "GComoretto", "G. Comoretto", "Chloé Marchetti",
        "CHLOÉ MARCHETTI", "Chloe\u{301} Marchetti", "Søren Lindqvist", "\u{212A}im", "kim", "Kim", "", " ", "'", "a b",
        "ab", "a\r\nb", "a\u{0B}b", "a\u{1F}b", "x\u{A0}y", "x y",
    ]

    @Test("normalizedName matches its plain definition")
    func normalizedName() {
        for n in Self.names {
            #expect(Person.normalizedName(n) == Person.referenceNormalizedName(n), "\(n.debugDescription)")
        }
    }

    @Test("non-ASCII fast path: taken for names like the pages' and equal to the plain definition")
    func nonASCIIFastPath() throws {
        #expect(NameMatching.normalizedLetters("Søren  PETROVIĆ") == "søren petrović")
        #expect(NameMatching.normalizedLetters("CHLOÉ\u{A0}d’Ávila") == "chloé dávila")
        #expect(NameMatching.normalizedLetters("ΣΩΚΡΑΤΗΣ") == nil)            // final sigma: plain definition
        #expect(NameMatching.normalizedLetters("İlker") == nil)               // "İ" lower-cases to two scalars
        #expect(NameMatching.normalizedLetters("Chloe\u{301}") == nil)       // combining mark
        #expect(NameMatching.normalizedLetters("a\u{AD}b") == nil)           // soft hyphen (a control cluster)
        // Every scalar of the blocks the fast path knows, alone and between letters, spaces and apostrophes.
        var scalars: [Unicode.Scalar] = []
        for v in Array(0x80..<0x600) + Array(0x1E00..<0x1F00) + Array(0x2000..<0x2030) + [0x205F, 0x3000, 0x1680] {
            if let s = Unicode.Scalar(UInt32(v)) { scalars.append(s) }
        }
        var fastTaken = 0
        for s in scalars {
            for n in ["\(s)", "A\(s)b", " \(s) ", "x'\(s)’Y", "\(s)\u{301}", "Z\(s)\r\n\(s)\(s)"] {
                if NameMatching.normalizedLetters(n) != nil { fastTaken += 1 }
                #expect(Person.normalizedName(n) == Person.referenceNormalizedName(n), "\(n.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        #expect(fastTaken > 3000)
    }

    @Test("random non-ASCII names: fast and plain definitions agree")
    func randomNonASCII() {
        var rng = SplitMix64(seed: 0xC0FFEE)
        func next() -> UInt64 { rng.next() }
        // Greek (with final sigma), Turkish dotted/dotless i, German ß and ẞ, combining marks, NBSP and other
        // spaces, apostrophes of several kinds, CR LF, Cyrillic, Vietnamese, ligatures, a zero-width joiner.
        let alphabet: [String] = ["a", "Z", " ", "\t", "\r", "\n", "'", "’", "`", "ʼ", "‘", "\u{A0}", "\u{2009}", "\u{3000}",
                                  "Σ", "σ", "ς", "Ω", "ά", "İ", "ı", "I", "i", "ß", "ẞ", "\u{301}", "\u{308}", "é", "É", "Ø",
                                  "ø", "Ć", "Ж", "ж", "Ễ", "ǅ", "ﬁ", "\u{200D}", "\u{AD}", "Ա", "ŉ", "Ÿ", "ſ", "µ", "-", "."]
        var fastTaken = 0
        for _ in 0..<20_000 {
            let n = (0..<Int(next() % 9)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }.joined()
            if NameMatching.normalizedLetters(n) != nil { fastTaken += 1 }
            #expect(Person.normalizedName(n) == Person.referenceNormalizedName(n), "\(n.unicodeScalars.map { String($0.value, radix: 16) })")
            let m = (0..<Int(next() % 5)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }.joined()
            let p = Person(name: n, username: next() % 3 == 0 ? m : nil), q = Person(name: m)
            #expect(p.isSamePerson(as: q) == p.referenceIsSamePerson(as: q))
            #expect(p.matchKeys.matches(q.matchKeys) == p.referenceIsSamePerson(as: q))
        }
        #expect(fastTaken > 2000)
    }

    @Test("isSamePerson matches its plain definition on names, aliases, usernames and keys")
    func isSamePerson() {
        var people: [Person] = Self.names.map { Person(name: $0) }
        people += [
            Person(name: "Unknown User (gcomoretto)", username: "gcomoretto", unresolved: true),
            Person(name: "G. Comoretto", username: "GComoretto"),
            Person(name: "Kim", username: "KIM"),
            Person(name: "Someone", username: "wil o'mullane"),
            Person(name: "Wil O'Mullane", aliases: ["Will O'Mullane", "W. O’Mullane"]),
            Person(name: "X", userKey: "8A7F"), Person(name: "Y", userKey: "8a7f"), Person(name: "X", userKey: "8a7e"),
            Person(name: "X", accountID: "1"), Person(name: "X", accountID: "2"),
            Person(name: "Chloé", username: "CHLOÉ"), Person(name: "chloé"),
        ]
        var matches = 0
        for a in people {
            for b in people {
                let fast = a.isSamePerson(as: b)
                #expect(fast == a.referenceIsSamePerson(as: b), "\(a) vs \(b)")
                #expect(a.matchKeys.matches(b.matchKeys) == fast, "keys: \(a) vs \(b)")
                if fast { matches += 1 }
            }
        }
        #expect(matches > people.count)   // the table has real matches beyond each person with itself
    }

    @Test("random ASCII names: fast and plain definitions agree")
    func randomASCII() {
        var rng = SplitMix64(seed: 0x5EED)
        func next() -> UInt64 { rng.next() }
        let alphabet = Array("aAbB '`\t\n\r.-".utf8)
        for _ in 0..<2000 {
            let a = String(decoding: (0..<Int(next() % 6)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }, as: UTF8.self)
            let b = String(decoding: (0..<Int(next() % 6)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }, as: UTF8.self)
            #expect(Person.normalizedName(a) == Person.referenceNormalizedName(a))
            let p = Person(name: a, username: next() % 3 == 0 ? b : nil), q = Person(name: b)
            #expect(p.isSamePerson(as: q) == p.referenceIsSamePerson(as: q), "\(a.debugDescription) vs \(b.debugDescription)")
            #expect(p.matchKeys.matches(q.matchKeys) == p.referenceIsSamePerson(as: q))
        }
    }
}

@Suite struct UserDirectoryLookupTests {
    @Test("lookup compares keys and usernames case-insensitively, ASCII or not")
    func lookup() {
        let dir = UserDirectory([
            "8a7f808a6e1c2b3d016e1c2b3d4e0001": DirectoryEntry(username: "ktl", displayName: "Kian-Tat Lim"),
            "ÉQUIPE-Key": DirectoryEntry(username: "Élise", displayName: "Élise Moreau"),
        ])
        #expect(dir.lookup("8A7F808A6E1C2B3D016E1C2B3D4E0001")?.displayName == "Kian-Tat Lim")
        #expect(dir.lookup("KTL")?.displayName == "Kian-Tat Lim")
        #expect(dir.lookup("équipe-key")?.displayName == "Élise Moreau")
        #expect(dir.lookup("élise")?.displayName == "Élise Moreau")
        #expect(dir.lookup("nobody") == nil)
    }
}

@Suite struct UserDirectoryIndexTests {
    @Test("the case-folded index follows edits to entries; equality looks at entries only")
    func followsEdits() {
        var dir = UserDirectory(["AbC": DirectoryEntry(username: "Zed", displayName: "Zed Zhou")])
        #expect(dir.lookup("abc")?.displayName == "Zed Zhou")
        #expect(dir.lookup("zed")?.displayName == "Zed Zhou")
        dir.entries["NEW"] = DirectoryEntry(username: "nu", displayName: "New Person")
        #expect(dir.lookup("new")?.displayName == "New Person")
        #expect(dir.lookup("NU")?.displayName == "New Person")
        dir.entries["AbC"] = nil
        #expect(dir.lookup("abc") == nil)
        #expect(dir.lookup("zed") == nil)
        #expect(UserDirectory(["k": DirectoryEntry(username: "u")]) == UserDirectory(["k": DirectoryEntry(username: "u")]))
    }
}
