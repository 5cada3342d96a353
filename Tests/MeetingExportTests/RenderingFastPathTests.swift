import Foundation
import Testing
import TestProcessSupport
import MeetingModel
@testable import MeetingExport

/// The byte paths `meeting-notes actions` renders rows with give what the `String`/`Character` definitions give.
@Suite struct RenderingFastPathTests {
    /// Pieces of text: simple ones (ASCII, Latin-1, Latin Extended, the punctuation of U+2010…U+205E) and the
    /// ones that must take the `Character` path (combining marks, joiners, controls, newlines, wide and emoji
    /// characters, a prepended mark, the invisible and separator characters next to the simple punctuation).
    static let pieces = ["a", "Z", "7", " ", "  ", ",", "\"", "~", "é", "Ø", "ß", "ÿ", "ł", "Ž", "ə", "ˈ", "\u{A0}",
                         "\u{AD}", "—", "–", "’", "“", "…", "•", "‰", "′", "‼", "⁉", "‽", "⁞",
                         "e\u{301}", "\u{300}", "\u{36F}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{2028}",
                         "\u{2029}", "\u{202A}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{7F}", "\u{85}", "\u{9F}",
                         "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{0}", "中", "한", "\u{1100}\u{1161}", "ｱ", "🙂",
                         "👍🏽", "🇫🇷", "\u{2764}\u{FE0F}", "#\u{FE0F}\u{20E3}", "\u{600}", "\u{600} ", "Chloé", "Søren",
                         "Petrović", "O’Mullane"]

    static func randomText(_ rng: inout SplitMix64) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 0...14, using: &rng) { s += pieces.randomElement(using: &rng) ?? "" }
        return s
    }

    /// The CSV field as it was written before the byte path (Foundation's replacingOccurrences).
    static func referenceField(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x22 || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    @Test func csvFieldsAndRowsMatchTheStringDefinition() {
        var rng = SplitMix64(seed: 0xC5F1E1D)
        for _ in 0..<3_000 {
            let fields = (0..<Int.random(in: 1...5, using: &rng)).map { _ in RenderingFastPathTests.randomText(&rng) }
            for f in fields {
                #expect(Array(CSV.field(f).utf8) == Array(RenderingFastPathTests.referenceField(f).utf8), "\(f.debugDescription)")
            }
            let reference = fields.map(RenderingFastPathTests.referenceField).joined(separator: ",") + "\r\n"
            var bytes: [UInt8] = []
            CSV.appendRow(fields, to: &bytes)
            #expect(bytes == Array(reference.utf8))
            #expect(Array(CSV.row(fields).utf8) == bytes)
        }
        // Foundation matches whole characters: a quote extended by a combining mark is not doubled.
        #expect(CSV.field("say \"hé\"\u{301}") == "\"say \"\"hé\"\u{301}\"")
        #expect(CSV.field("Chloé \"Søren\" O’Mullane") == "\"Chloé \"\"Søren\"\" O’Mullane\"")
    }

    @Test("appendCSVRecord writes CSV.appendRow(csvFields) byte for byte, on 3,000 random rows")
    func csvRecordMatchesTheFieldDefinition() {
        var rng = SplitMix64(seed: 0xC5F2)
        func text() -> String { RenderingFastPathTests.randomText(&rng) }
        func date() -> CalendarDate? {
            Bool.random(using: &rng) ? nil : CalendarDate(year: Int.random(in: 1...9999, using: &rng),
                                                          month: Int.random(in: 1...12, using: &rng),
                                                          day: Int.random(in: 1...28, using: &rng))
        }
        for _ in 0..<3_000 {
            let owners = (0..<Int.random(in: 0...3, using: &rng)).map { _ in Person(name: text()) }
            let groups = (0..<Int.random(in: 0...2, using: &rng)).map { _ in text() }
            let tickets = (0..<Int.random(in: 0...3, using: &rng)).map { _ in text() }
            var action = ActionItem(owners: owners, groups: groups, text: text(), due: date(),
                                    status: ActionStatus.allCases.randomElement(using: &rng) ?? .open, tickets: tickets)
            if Bool.random(using: &rng) { action.location = SourceLocation(line: Int.random(in: 1...100_000, using: &rng)) }
            let row = ActionRow(meetingTitle: text(), meetingDate: date(), sourceFile: Bool.random(using: &rng) ? nil : text(),
                                agendaItem: Bool.random(using: &rng) ? nil : text(), action: action, ordinal: 0)
            var reference: [UInt8] = []
            CSV.appendRow(ActionReport.csvFields(row), to: &reference)
            var fast: [UInt8] = []
            ActionReport.appendCSVRecord(row, to: &fast)
            #expect(fast == reference, "\(String(decoding: reference, as: UTF8.self).debugDescription)")
            #expect(RenderedActionRow(row, format: .csv).payload == reference)
        }
        var date: [UInt8] = []
        ActionReport.appendDate(CalendarDate(year: 7, month: 3, day: 9), to: &date)
        #expect(String(decoding: date, as: UTF8.self) == "0007-03-09")
    }

    @Test func simpleWidthIsTheCharacterWidthOrNil() {
        #expect(TextTable.simpleWidth("Søren O’Mullane — notes…") == 24)
        #expect(TextTable.simpleWidth("e\u{301}") == nil)
        #expect(TextTable.simpleWidth("a\u{200D}b") == nil)
        #expect(TextTable.simpleWidth("line\u{2028}break") == nil)
        #expect(TextTable.simpleWidth("tab\there") == nil)
        #expect(TextTable.simpleWidth("中") == nil)
        #expect(TextTable.simpleWidth("") == 0)
        var rng = SplitMix64(seed: 0x7AB1E)
        var simple = 0
        for _ in 0..<5_000 {
            let s = RenderingFastPathTests.randomText(&rng)
            if let w = TextTable.simpleWidth(s) {
                simple += 1
                #expect(w == s.count, "\(s.debugDescription)")
            }
            #expect(TextTable.displayWidth(s) == TextTable.displayWidthByCharacters(s), "\(s.debugDescription)")
        }
        #expect(simple > 200)
    }

    @Test func clippingMatchesTheCharacterDefinition() {
        var rng = SplitMix64(seed: 0xC11B)
        for _ in 0..<4_000 {
            let s = RenderingFastPathTests.randomText(&rng)
            for width in [0, 1, 2, 3, 5, 8, 13, 30] {
                let fast = TextTable.clip(s, width), slow = TextTable.clipByCharacters(s, width)
                #expect(Array(fast.utf8) == Array(slow.utf8), "\(s.debugDescription) at \(width)")
            }
        }
        #expect(TextTable.clip("Søren — the long title", 8) == "Søren —…")
        #expect(TextTable.clip("short", 8) == "short")
    }

    @Test func tableLinesFromBytesMatchTheStringLines() {
        var rng = SplitMix64(seed: 0x7AB1E2)
        for _ in 0..<3_000 {
            let cells = (0..<6).map { _ in RenderingFastPathTests.randomText(&rng) }
            let widths = cells.map { TextTable.displayWidthByCharacters($0) + Int.random(in: 0...4, using: &rng) }
            var bytes: [UInt8] = [0x41]
            TextTable.appendLine(cells.map { Array($0.utf8)[...] }, widths: widths, to: &bytes)
            #expect(bytes == [0x41] + Array(TextTable.line(cells, widths: widths).utf8), "\(cells)")
        }
        var bytes: [UInt8] = []
        TextTable.appendLine(["ab", "c  ", ""].map { Array($0.utf8)[...] }, widths: [3, 4, 1], to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "ab   c\n")
    }

    @Test func filesAreReadAsSourceInputReadsThem() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SplitMix64(seed: 0xF11E)
        for size in [1, 2, 4095, 4096, 4097, 70_000, 1 << 20] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let url = dir.appendingPathComponent("page-\(size).html")
            try Data(bytes).write(to: url)
            let read = try #require(MeetingBatch.readRegularFile(url.path))
            #expect(read == bytes)
            #expect(read == (try SourceInput(contentsOf: url)).bytes)
        }
        let empty = dir.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        #expect(MeetingBatch.readRegularFile(empty.path) == [])
        #expect(MeetingBatch.readRegularFile(dir.path) == nil)
        #expect(MeetingBatch.readRegularFile(dir.appendingPathComponent("missing.txt").path) == nil)
    }
}

/// The folder walk compares only files named like an excluded file, or symbolic links, with the excluded files.
@Suite struct FolderWalkExclusionTests {
    @Test("the readdir listing equals FileManager's enumerator (hidden entries' descendants skipped) on a tree with links, hidden and nested folders")
    func folderListingMatchesTheEnumerator() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("list-\(UUID().uuidString)")
        let space = root.appendingPathComponent("space")
        defer { try? fm.removeItem(at: root) }
        for dir in ["a/b/c", "a/.hidden/inner", ".top/x", "d.md/e", "empty", "other/deep/deeper"] {
            try fm.createDirectory(at: space.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        for file in ["p.html", "a/q.txt", "a/b/r.md", "a/b/c/s.json", "a/.hidden/t.txt", "a/.hidden/inner/u.txt", ".top/x/v.txt",
                     ".w.txt", "d.md/e/f.xhtml", "other/deep/deeper/g.htm", "Chloé – notes.txt", "no-extension"] {
            try Data("x".utf8).write(to: space.appendingPathComponent(file))
        }
        try fm.createSymbolicLink(atPath: space.appendingPathComponent("link-to-a").path, withDestinationPath: space.appendingPathComponent("a").path)
        try fm.createSymbolicLink(atPath: space.appendingPathComponent("a/b/loop").path, withDestinationPath: space.path)
        try fm.createSymbolicLink(atPath: space.appendingPathComponent("link.txt").path, withDestinationPath: space.appendingPathComponent("p.html").path)
        try fm.createSymbolicLink(atPath: space.appendingPathComponent("broken.txt").path, withDestinationPath: "/nonexistent/x")
        // The plain definition: FileManager's enumerator, not entering entries whose name starts with ".".
        var expected: [String] = []
        let walker = try #require(fm.enumerator(atPath: space.path))
        while let rel = walker.nextObject() as? String {
            expected.append(rel)
            if (rel.split(separator: "/").last ?? "").hasPrefix(".") { walker.skipDescendants() }
        }
        let listed = MeetingBatch.relativeEntries(below: space.path)
        #expect(listed.sorted() == expected.sorted())
        #expect(listed.contains("a/b/c/s.json") && listed.contains("link-to-a") && !listed.contains("link-to-a/q.txt"))
        #expect(!listed.contains("a/.hidden/t.txt") && listed.contains("a/.hidden"))
        #expect(MeetingBatch(registry: MeetingSourceRegistry()).files(in: [space.path]).files.count == 8)
    }

    @Test func excludedFilesAreFoundByNameAndThroughLinks() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("walk-\(UUID().uuidString)")
        let space = root.appendingPathComponent("space")
        let nested = space.appendingPathComponent("nested")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let users = space.appendingPathComponent("users.json")
        try Data("{}".utf8).write(to: users)
        // Another file with the same name is not the excluded one.
        try Data("{}".utf8).write(to: nested.appendingPathComponent("users.json"))
        try Data("page".utf8).write(to: nested.appendingPathComponent("page.txt"))
        // A link under another name to the excluded file is excluded; a link to a page is kept, a link to a
        // folder is not a file.
        try FileManager.default.createSymbolicLink(atPath: space.appendingPathComponent("people.json").path,
                                                   withDestinationPath: users.path)
        try FileManager.default.createSymbolicLink(atPath: space.appendingPathComponent("linked.txt").path,
                                                   withDestinationPath: nested.appendingPathComponent("page.txt").path)
        try FileManager.default.createSymbolicLink(atPath: space.appendingPathComponent("folder.md").path,
                                                   withDestinationPath: nested.path)
        var batch = MeetingBatch(registry: MeetingSourceRegistry())
        batch.excludedFiles = [MeetingBatch.standardized(users.path)]
        let names = batch.files(in: [space.path]).files.map { String($0.path.dropFirst(space.path.count + 1)) }
        #expect(names == ["linked.txt", "nested/page.txt", "nested/users.json"])
        batch.excludedFiles = []
        #expect(batch.files(in: [space.path]).files.count == 5)
    }
}
