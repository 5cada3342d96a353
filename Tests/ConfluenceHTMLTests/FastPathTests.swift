// swift-meeting-notes · ConfluenceHTMLTests
//
// The importer's fast paths against the plain definitions they replace (internal API, hence @testable).

@testable import ConfluenceHTML
import MeetingRecognizers
import MeetingModel
import Testing
import TestProcessSupport

@Suite struct FastPathTests {
    @Test("heading keys of ASCII text on bytes equal the Character definition, for every ASCII byte pair")
    func asciiHeadingKeys() {
        var samples = ["Date", "  Action   Items: ", "Date & Time", "Pre-meeting_planning", "Day 2 / 2019-10-29",
                       "Notes\r\nand action items", "ATTENDEES\t(12)", "", " ", "__//__", "Q&A - 5 min."]
        for a in 0..<128 {
            for b in 0..<128 {
                samples.append(String(decoding: [UInt8(a), UInt8(b), 0x41, UInt8(a)], as: UTF8.self))
            }
        }
        for s in samples {
            let fast = HeadingRole.asciiNormalizedKey(s)
            #expect(fast == HeadingRole.characterNormalizedKey(s), "\(Array(s.utf8))")
        }
        #expect(HeadingRole.asciiNormalizedKey("Action Items:") == "action items")
        #expect(HeadingRole.asciiNormalizedKey("Café") == nil)
        #expect(HeadingRole.normalizedKey("Orden del Día") == "orden del día")
    }

    @Test("the tree's children, first children and text runs, stored without per-node child links")
    func treeLinks() throws {
        let html = Array("<html><body><p>a<b>b</b>c<i>d<u>e</u></i></p><ul><li>x</li><li>y<br>z</li></ul>tail</body></html>".utf8)
        let tree = LibXML.parseHTML(html, fileName: nil).tree
        let body = try #require(tree.first(below: tree.root, named: "body"))
        let described = { (n: Int) -> String in tree.isText(n) ? "'" + tree.string(Int(tree.nodes[n].start), tree.end(n)) + "'" : tree.name(n) }
        #expect(Array(tree.children(body)).map(described) == ["p", "ul", "'tail'"])
        let p = try #require(tree.first(below: body, named: "p"))
        #expect(Array(tree.children(p)).map(described) == ["'a'", "b", "'c'", "i"])
        let i = try #require(tree.first(below: p, named: "i"))
        #expect(Array(tree.children(i)).map(described) == ["'d'", "u"])
        let items = tree.all(below: body, where: { tree.name($0) == "li" })
        #expect(items.count == 2)
        #expect(Array(tree.children(items[1])).map(described) == ["'y'", "br", "'z'"])
        #expect(tree.firstChild(try #require(tree.first(below: body, named: "br"))) == -1)
        #expect(tree.textContent(body) == "abcde x y ztail")   // a space before p, li, br (not after ul)
        // Text split across libxml2 callbacks is one node.
        let long = Array(("<p>" + String(repeating: "word &amp; ", count: 2000) + "</p>").utf8)
        let t = LibXML.parseHTML(long, fileName: nil).tree
        let para = try #require(t.first(below: t.root, named: "p"))
        #expect(Array(t.children(para)).count == 1)
    }
}

/// `MatchIndex` must answer exactly as the linear scans it replaces (`keys.firstIndex { $0.matches(k) }`).
@Suite struct MatchIndexTests {
    @Test("firstIndex(matching:) equals the linear firstIndex on random people with shared names, usernames and ids")
    func equalsLinearScan() {
        var rng = SplitMix64(seed: 0x1DEA)
        func next() -> UInt64 { rng.next() }
        let names = ["Chloé Nakamura", "chloe nakamura", "CHLOÉ NAKAMURA", "Chloe\u{301} Nakamura", "Søren Petrović", "cnakamura",
                     "Wil O'Mullane", "Will O'Mullane", "spetrovic", "Kim", "kim"]
        let ids = ["a1", "a2", "A1"]
        func person() -> Person {
            Person(name: names[Int(next() % UInt64(names.count))],
                   username: next() % 3 == 0 ? names[Int(next() % UInt64(names.count))] : nil,
                   accountID: next() % 4 == 0 ? ids[Int(next() % 3)] : nil,
                   userKey: next() % 4 == 0 ? ids[Int(next() % 3)] : nil,
                   aliases: next() % 4 == 0 ? [names[Int(next() % UInt64(names.count))]] : [])
        }
        var found = 0
        for _ in 0..<300 {
            // Short lists are scanned, long ones (past `MatchIndex.linearLimit`) hashed: both are covered.
            // Keys folded to ids by one table; the linear scan is the model's own `MatchKeys.matches`.
            let table = PersonKeyTable()
            let people = (0..<Int(next() % 80)).map { _ in person() }
            let index = MatchIndex(people.map(table.keys))
            for _ in 0..<20 {
                let p = person()
                let linear = people.firstIndex { $0.matchKeys.matches(p.matchKeys) }
                #expect(index.firstIndex(matching: table.keys(p)) == linear)
                if linear != nil { found += 1 }
            }
        }
        #expect(found > 1000)
    }
}

/// Sniffing searches every file's head: the word-at-a-time search must answer as the plain byte-by-byte one.
@Suite struct SniffFastPathTests {
    /// The plain definition: does `needle` occur in `haystack` at some position.
    static func plainContains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        for i in 0...(haystack.count - needle.count) where Array(haystack[i..<(i + needle.count)]) == needle { return true }
        return false
    }

    @Test("Sniff.contains equals the plain search on 3,000 random heads, matches at every offset and the tail")
    func containsEqualsPlainSearch() {
        var rng = SplitMix64(seed: 0x5A1FF)
        func next() -> UInt64 { rng.next() }
        let needles: [StaticString] = ["<ac:", "<ri:", "<html", "<!doctype html", "confluence", "main-content", "\"body\"", "{", "<"]
        let alphabet = Array("<ac:ri!html doctype{}\"body<<<".utf8) + [0x00, 0x80, 0xFF, 0x3C]
        var found = 0
        for round in 0..<3_000 {
            let length = Int(next() % 64)
            var head = (0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
            if round % 3 == 0 {   // plant a needle at a random offset, the end included
                let n = needles[Int(next() % UInt64(needles.count))]
                let bytes = n.withUTF8Buffer { Array($0) }
                let at = Int(next() % UInt64(head.count + 1))
                head.insert(contentsOf: bytes, at: at)
            }
            for n in needles {
                let bytes = n.withUTF8Buffer { Array($0) }
                let fast = Sniff.contains(head, n)
                #expect(fast == Self.plainContains(head, bytes), "\(head) \(bytes)")
                if fast { found += 1 }
            }
        }
        #expect(found > 1_000)
        #expect(Sniff.contains(Array("0123456789abcdef<html".utf8), "<html"))
        #expect(!Sniff.contains(Array("0123456789abcdef<htm".utf8), "<html"))
        #expect(Sniff.contains(Array("<html".utf8), "<html"))
        #expect(!Sniff.contains([], "<"))
    }
}

extension SniffFastPathTests {
    @Test("Sniff.tags finds exactly the tags the plain search finds, on 3,000 random heads")
    func tagsEqualPlainSearch() {
        var rng = SplitMix64(seed: 0x7A65)
        func next() -> UInt64 { rng.next() }
        let pieces = ["<ac:", "<ri:", "<html", "<!doctype html", "<a", "<r", "<h", "<!", "<htm", "<!doctype htm", "x", " ", "<<"]
        var seen = 0
        for _ in 0..<3_000 {
            var head: [UInt8] = []
            for _ in 0..<Int(next() % 8) { head += Array(pieces[Int(next() % UInt64(pieces.count))].utf8) }
            let tags = Sniff.tags(head)
            #expect(tags.contains(.ac) == Self.plainContains(head, Array("<ac:".utf8)), "\(head)")
            #expect(tags.contains(.ri) == Self.plainContains(head, Array("<ri:".utf8)), "\(head)")
            #expect(tags.contains(.html) == Self.plainContains(head, Array("<html".utf8)), "\(head)")
            #expect(tags.contains(.doctypeHTML) == Self.plainContains(head, Array("<!doctype html".utf8)), "\(head)")
            if !tags.isEmpty { seen += 1 }
        }
        #expect(seen > 1_000)
    }
}

/// The converter appends blocks and inlines where they go; `block(_:)` and `inlines(_:)` keep the plain
/// definitions (one array per node). Every node of the storage and HTML fixtures must give the same content.
@Suite struct AppendingConverterTests {
    static func converters() throws -> [Converter] {
        var out: [Converter] = []
        for name in ["f2f-storage.xhtml", "cloud-storage.xhtml", "blueprint-storage.xhtml"] {
            let prepared = StoragePreparation.prepare(try Fixture.bytes(name))
            let tree = LibXML.parseXML(prepared.output, fileName: name).tree
            out.append(Converter(tree: tree, dialect: .storage, options: Fixture.options, handlers: ConfluenceImportOptions().handlerTable))
        }
        for name in ["f2f-export.html", "cloud-export.html", "blueprint-export.html"] {
            let tree = LibXML.parseHTML(try Fixture.bytes(name), fileName: name).tree
            out.append(Converter(tree: tree, dialect: .html, options: Fixture.options, handlers: ConfluenceImportOptions().handlerTable))
        }
        return out
    }

    @Test("appendBlock, appendBlocks, appendInlines and appendInlineChildren equal block, blocks, inlines and inlineChildren on every node of six fixture pages")
    func appendingEqualsPlain() throws {
        var checked = 0
        for base in try Self.converters() {
            for n in 0..<base.tree.nodes.count {
                var a = base, b = base
                let seed: [Block] = [.paragraph([.text("before")])]
                var appended = seed
                a.appendBlock(n, to: &appended)
                #expect(appended == seed + b.block(n), "node \(n)")
                #expect(a.tasks.count == b.tasks.count && a.draft.meeting.diagnostics == b.draft.meeting.diagnostics)
                a = base; b = base
                var blocks = seed
                a.appendBlocks(of: n, to: &blocks)
                #expect(blocks == seed + b.blocks(of: n), "node \(n)")
                a = base; b = base
                let start: [Inline] = [.text("x")]
                var inl = start
                a.appendInlines(n, to: &inl)
                #expect(inl == start + b.inlines(n), "node \(n)")
                a = base; b = base
                var children = start
                a.appendInlineChildren(n, to: &children)
                #expect(children == start + b.inlineChildren(n), "node \(n)")
                checked += 1
            }
        }
        #expect(checked > 500)
    }
}

/// Lines without an action mark's first byte skip the participants' recogniser: it must find nothing in them.
@Suite struct ActionSentenceShortcutTests {
    @Test("mayHoldActionSentence is false only for text in which the recogniser (knowing participants) finds no action")
    func shortcutNeverHidesAnAction() {
        let people = [Person(name: "Ana Ortiz", username: "aortiz"), Person(name: "Søren Berg"), Person(name: "Kian Lim")]
        let recognizer = ActionItemRecognizer(options: ImportOptions(), participants: people)
        let pieces = ["Ana Ortiz", " ", "—", "–", " - ", "-", "--", " to ", "to", " and ", "Søren Berg", "Kian Lim",
                      "review the plan", "18 Nov 2019", "DM-22393", ".", ",", "Unknown User (x)", "\u{2000}", "tomorrow",
                      " top ", "Looking good, no incomplete tasks", ":", "✓", "V "]
        var state: UInt64 = 0xAC7
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var skipped = 0, kept = 0
        for _ in 0..<4_000 {
            let text = (0..<(next() % 7)).map { _ in pieces[next() % pieces.count] }.joined()
            if MeetingBuilder.mayHoldActionSentence(text) {
                kept += 1
            } else {
                skipped += 1
                #expect(recognizer.recognizeAll(in: text).isEmpty, "\(text)")
                #expect(recognizer.recognize(text) == nil, "\(text)")
            }
        }
        #expect(skipped > 500 && kept > 500)
        #expect(MeetingBuilder.mayHoldActionSentence("Ana Ortiz — review the plan"))
        #expect(MeetingBuilder.mayHoldActionSentence("Ana Ortiz to review the plan by 18 Nov 2019"))
        #expect(!MeetingBuilder.mayHoldActionSentence("Looking good, no incomplete tasks."))
    }
}

extension FastPathTests {
    @Test("the synonym dictionary answers as the scan of the synonym lists in order, for every word and other keys")
    func synonymIndexEqualsScan() {
        var keys = HeadingRole.synonyms.flatMap { $0.1 }
        keys += ["", "day 1", "notes", "Date", "date ", "action", "participant", "attendees list", "orden del dia",
                 "orden del di\u{301}a", "when?", "who"]
        for key in keys {
            #expect(HeadingRole.synonymIndex[key] == HeadingRole.scannedSynonym(key), "\(key)")
        }
        #expect(HeadingRole.synonymIndex["orden del di\u{301}a"] == .agenda)   // canonically equal to "día"
        #expect(HeadingRole.classify("Task report", referenceYear: nil) == .actionItems)
        #expect(HeadingRole.classify("Something else", referenceYear: nil) == .other)
    }
}

extension MatchIndexTests {
    /// The plain definition of `Pipeline.mergePeople`: `a`, then each person of `b` that matches no one kept so far.
    static func plainMerge(_ a: [Person], _ b: [Person]) -> [Person] {
        var out = a
        for p in b where !out.contains(where: { $0.matchKeys.matches(p.matchKeys) }) { out.append(p) }
        return out
    }

    @Test("mergePeople equals the plain merge, also when a list is merged into itself (the shortcut)")
    func mergeEqualsPlainMerge() {
        let pool = [Person(name: "Ana Ortiz", username: "aortiz"), Person(name: "ana  ortiz"), Person(name: "Søren Berg"),
                    Person(name: "Kian Lim", userKey: "8A7F00"), Person(name: "K. Lim", userKey: "8a7f00"),
                    Person(name: "Lena Fischer", accountID: "557058:1"), Person(name: "Lena Fischer", accountID: "557058:2"),
                    Person(name: "x", username: "Ana Ortiz"), Person(name: "Chloé Martin", aliases: ["Chloe Martin"]),
                    Person(name: "Chloe Martin")]
        var state: UInt64 = 0x3E96
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<500 {
            let a = (0..<(next() % 6)).map { _ in pool[next() % pool.count] }
            let b = next() % 3 == 0 ? a : (0..<(next() % 6)).map { _ in pool[next() % pool.count] }
            #expect(Pipeline.mergePeople(a, b, cache: MeetingBuilder.NameCache()) == Self.plainMerge(a, b), "\(a) \(b)")
        }
    }
}

/// Storage preparation copies runs eight bytes at a time, counting newlines in each word.
@Suite struct PreparationFastPathTests {
    @Test("bytes(equalTo:in:) marks exactly the equal bytes, for every byte value at every position")
    func byteMaskIsExact() {
        for target in [UInt8(0x0A), 0x26, 0x3C, 0x3F, 0x21, 0x00, 0x80, 0xFF] {
            for v in 0...255 {
                for position in 0..<8 {
                    var bytes = [UInt8](repeating: target &+ 1, count: 8)
                    bytes[position] = UInt8(v)
                    bytes[(position + 3) % 8] = target   // another equal byte elsewhere, for carries
                    let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
                    let mask = StoragePreparation.bytes(equalTo: target, in: word)
                    let expected = (0..<8).reduce(UInt64(0)) { $0 | (bytes[$1] == target ? UInt64(0x80) << (8 * $1) : 0) }
                    #expect(mask == expected, "target \(target) value \(v) at \(position)")
                }
            }
        }
    }

    @Test("unknown entities are located at their line and column, wherever newlines, tags, '<!' and '&' fall")
    func entityLocationsFollowNewlines() {
        var state: UInt64 = 0x9E9
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let pieces = ["a", "bc", "<p>", "</p>", "\n", "\n\n", " ", "&amp;", "<!-- x -->", "&bogus;", "é", "?", "!", "12345678"]
        for _ in 0..<400 {
            var text: [UInt8] = []
            var expected: [MeetingModel.SourceLocation] = []
            var line = 1, lineStart = 0
            for _ in 0..<(next() % 40) {
                let piece = pieces[next() % pieces.count]
                if piece == "&bogus;" { expected.append(MeetingModel.SourceLocation(line: line, column: text.count - lineStart + 1)) }
                for b in piece.utf8 {
                    text.append(b)
                    if b == 0x0A { line += 1; lineStart = text.count }
                }
            }
            let found = StoragePreparation.prepare(text).diagnostics.filter { $0.code == "confluence.unknown-entity" }
            #expect(found.map(\.location) == Array(expected.prefix(20)).map { Optional($0) }, "\(String(decoding: text, as: UTF8.self).debugDescription)")
        }
    }
}

/// The name cache's folded keys (ids of one `PersonKeyTable`) must match exactly as the model's `MatchKeys`.
@Suite struct PersonKeyTableTests {
    @Test("FoldedKeys.matches equals MatchKeys.matches on 20,000 random pairs; one entry per distinct person")
    func foldedKeysEqualMatchKeys() {
        var rng = SplitMix64(seed: 0xF01D)
        func next() -> Int { Int(truncatingIfNeeded: rng.next() >> 1) }
        let names = ["Chloé Nakamura", "chloe nakamura", "CHLOÉ  NAKAMURA", "Chloe\u{301} Nakamura", "Søren Petrović",
                     "\u{212A}im", "Kim;`", "\u{212A}im\u{37E}\u{1FEF}", "A\u{30A}sa", "\u{C5}sa", "\u{212B}sa",
                     "cnakamura", "Wil O'Mullane", "Will O’Mullane", "wil omullane", "spetrovic", "Kim", "kim", "K i m",
                     "Ana Ortiz", "ana\tortiz", "aortiz", "AOrtiz", ""]
        let ids = ["a1", "a2", "A1", "8A7F00", "8a7f00"]
        func pick(_ list: [String]) -> String { list[next() % list.count] }
        func person() -> Person {
            Person(name: pick(names), username: next() % 3 == 0 ? pick(names) : nil,
                   accountID: next() % 4 == 0 ? pick(ids) : nil, userKey: next() % 4 == 0 ? pick(ids) : nil,
                   unresolved: next() % 5 == 0, attendance: next() % 4 == 0 ? .remote : .unknown,
                   aliases: next() % 4 == 0 ? (0..<(1 + next() % 2)).map { _ in pick(names) } : [])
        }
        let table = PersonKeyTable()
        let pool = (0..<400).map { _ in person() }
        var matched = 0
        for _ in 0..<20_000 {
            let p = pool[next() % pool.count], q = pool[next() % pool.count]
            let plain = p.matchKeys.matches(q.matchKeys)
            #expect(table.keys(p).matches(table.keys(q)) == plain, "\(p) vs \(q)")
            if plain { matched += 1 }
        }
        #expect(matched > 2_000)
        // Entries: equal people share one, different people never do.
        for p in pool {
            let e = table.entry(p)
            #expect(table.people[e] == p)
            #expect(table.entry(p) == e)
        }
        #expect(table.people.count == Set(pool).count)
        #expect(table.keys(Person(name: " Ana  ORTIZ ")) == table.keys(Person(name: "ana ortiz")))
        #expect(table.keys(Person(name: "Ana Ortiz", userKey: "8A7F00")).userKey == table.keys(Person(name: "x", userKey: "8a7f00")).userKey)
    }

    @Test("each thread keeps its table across imports until it outgrows its limits")
    func threadTable() {
        let t = PersonKeyTable.forCurrentThread()
        _ = t.entry(Person(name: "Lena Fischer"))
        #expect(PersonKeyTable.forCurrentThread() === t)
        for i in 0...PersonKeyTable.personLimit { _ = t.entry(Person(name: "Person \(i)")) }
        #expect(t.isOverLimit)
        let fresh = PersonKeyTable.forCurrentThread()
        #expect(fresh !== t)
        #expect(fresh.people.isEmpty)
        #expect(PersonKeyTable.forCurrentThread() === fresh)
    }
}

/// User links are made once per distinct link and shared: each must equal the plain definition's person, byte
/// for byte (canonically equal but different names, empty and absent attributes, suffixes kept apart).
@Suite struct MentionMemoTests {
    static func randomLinks(html: Bool, seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        func next() -> Int { Int(truncatingIfNeeded: rng.next() >> 1) }
        let names = ["Ana Ortiz", "Chloé Haddad", "Chloe\u{301} Haddad", "Kian (Unlicensed)", "Kian (Deactivated)",
                     "Unknown User (jdoe)", "", "x"]
        let values = ["", "aortiz", "AOrtiz", "8a7f808a1b8e247b523ae0bdaee06792", "557058:1", "jdoe", "chaddad"]
        func attribute(_ name: String) -> String {
            next() % 3 == 0 ? "" : " \(name)=\"\(values[next() % values.count])\""
        }
        var page = html ? "<html><body><p>" : "<p>"
        for _ in 0..<400 {
            let name = names[next() % names.count]
            if html {
                page += "<a class=\"confluence-userlink\"\(attribute("data-username"))\(attribute("data-account-id"))>\(name)</a> "
            } else {
                let body = next() % 2 == 0 ? "" : "<ac:plain-text-link-body><![CDATA[\(name)]]></ac:plain-text-link-body>"
                page += "<ac:link><ri:user\(attribute("ri:username"))\(attribute("ri:userkey"))\(attribute("ri:account-id")) />\(body)</ac:link> "
            }
        }
        page += html ? "</p></body></html>" : "</p>"
        return Array(page.utf8)
    }

    @Test("storageMention and htmlMention equal .mention(storagePerson) and .mention(htmlPerson) on 400 random links each")
    func sharedMentionsEqualPlain() throws {
        let storage = LibXML.parseXML(StoragePreparation.prepare(Self.randomLinks(html: false, seed: 0xA11CE)).output, fileName: nil).tree
        let memo = Converter(tree: storage, dialect: .storage, options: Fixture.options, handlers: ConfluenceImportOptions().handlerTable)
        let plain = memo
        let displays = ["", "Ana Ortiz", "Chloé Haddad", "Chloe\u{301} Haddad", "x"]
        var seen = 0
        for n in storage.nodes.indices where storage.name(n) == "ri:user" {
            let display = displays[(n * 7) % displays.count]
            let shared = memo.storageMention(n, display: display)
            let expected = Inline.mention(plain.storagePerson(n, display: display))
            #expect(shared == expected)
            if case .mention(let a) = shared, case .mention(let b) = expected {
                #expect(Array(a.name.utf8) == Array(b.name.utf8) && a.username.map { Array($0.utf8) } == b.username.map { Array($0.utf8) })
            }
            seen += 1
        }
        #expect(seen == 400)
        let html = LibXML.parseHTML(Self.randomLinks(html: true, seed: 0xB0B), fileName: nil).tree
        var a = Converter(tree: html, dialect: .html, options: Fixture.options, handlers: ConfluenceImportOptions().handlerTable)
        var b = a
        seen = 0
        for n in html.nodes.indices where html.name(n) == "a" {
            let shared = a.htmlMention(n)
            let expected = Inline.mention(b.htmlPerson(n))
            #expect(shared == expected)
            if case .mention(let x) = shared, case .mention(let y) = expected {
                #expect(Array(x.name.utf8) == Array(y.name.utf8))
            }
            seen += 1
        }
        #expect(seen == 400)
        #expect(a.draft.meeting.diagnostics == b.draft.meeting.diagnostics)
        #expect(!a.draft.meeting.diagnostics.isEmpty)
    }
}

/// Shared texts: `TextMemo.text` must equal `collapseWhitespace` on every run, byte for byte.
@Suite struct TextMemoTests {
    @Test("TextMemo.text equals collapseWhitespace on 20,000 random runs (spaces, NBSP, ZWSP, invalid UTF-8, repeats)")
    func sharedTextEqualsCollapse() {
        var rng = SplitMix64(seed: 0x7E47)
        func next() -> Int { Int(truncatingIfNeeded: rng.next() >> 1) }
        let pieces: [[UInt8]] = [Array("share the processing backlog".utf8), [0x20], [0x20, 0x20], [0x0A], [0x09],
                                 [0xC2, 0xA0], [0xE2, 0x80, 0x8B], Array("é".utf8), Array("e\u{301}".utf8), [0xFF],
                                 [0xC3], Array("Budget review.".utf8), Array("x".utf8), [0x0D, 0x0A]]
        let memo = TextMemo()
        var runs: [[UInt8]] = []
        var shared = 0
        for round in 0..<20_000 {
            let run: [UInt8]
            if round % 3 == 0, !runs.isEmpty {
                run = runs[next() % runs.count]   // a repeat
            } else {
                run = (0..<(next() % 12)).flatMap { _ in pieces[next() % pieces.count] }
                runs.append(run)
            }
            for trim in [false, true] {
                let fast = memo.text(run[...], trim: trim)
                let plain = collapseWhitespace(run[...], trim: trim)
                #expect(Array(fast.utf8) == Array(plain.utf8), "\(run) trim \(trim)")
            }
            // A slice not starting at 0 (runs are slices of the tree's text buffer).
            let padded = [0x41] + run
            #expect(Array(memo.text(padded[1...], trim: false).utf8) == Array(collapseWhitespace(padded[1...], trim: false).utf8))
        }
        // Repeats of clean runs are one string: the memo keeps one per distinct run.
        let clean = Array("share the processing backlog.".utf8)
        let a = memo.text(clean[...], trim: false), b = memo.text(clean[...], trim: true)
        #expect(a == b)
        shared = memo.count
        #expect(shared > 100 && shared < runs.count)
        #expect(!memo.isOverLimit)
    }
}
