// swift-meeting-notes · PlainTextImportTests

import Foundation
import Testing
import TestProcessSupport
import MeetingModel
@testable import PlainTextImport
import MeetingRecognizers

/// Lines read in place from the bytes must be the lines of the decoded text, and the import the same.
@Suite struct LineListTests {
    static let pieces = ["a", " ", "\t", "\n", "\n\n", "é", "e\u{301}", "\u{600}a", "\u{A0}", "\u{2003}", "Ж", "—", "09:00", "\u{85}",
                         "Day 1", "## Agenda", "Date: 2019-10-28", "", "x\n", "\u{200B}", "\u{1F44D}", "\u{0B}", "\u{0C}", "\0"]

    @Test("LineList.split gives LineReader's numbers and texts on random texts")
    func sameLines() {
        var rng = SplitMix64(seed: 0x11AE_0001)
        for _ in 0..<10_000 {
            let text = (0..<(rng.nextInt() % 12)).map { _ in Self.pieces[rng.nextInt() % Self.pieces.count] }.joined()
            let reference = LineReader(text).lines
            let list = LineList.split(Array(text.utf8))
            #expect(list.count == reference.count, "\(text.debugDescription)")
            #expect(list.map(\.number) == Array(1...Swift.max(1, reference.count)))
            for (a, b) in zip(list, reference) {
                #expect(a.number == b.number && a.text == b.text && Array(a.text.utf8) == Array(b.text.utf8), "\(text.debugDescription)")
            }
            for i in list.indices { #expect(list.hasTab(at: i) == list[i].hasTab) }
            // From an offset (after a byte-order mark).
            let marked = LineList.split([0xEF, 0xBB, 0xBF] + Array(text.utf8), from: 3)
            #expect(marked.map { String($0.text) } == reference.map { String($0.text) })
        }
        #expect(LineList.split(Array("a\nb\n".utf8)).map { String($0.text) } == ["a", "b"])
        #expect(LineList.split([]).map { String($0.text) } == [""])
    }

    @Test("Sections: a head line kept as a string, then consecutive lines of the page")
    func sectionsOfLines() {
        let page = LineList.split(Array("one\n\nthree\nfour\n".utf8))
        #expect(page.map(\.number) == [1, 2, 3, 4])
        var section = page.emptied
        #expect(section.isEmpty)
        section.append(number: 1, text: "2019-10-28")
        #expect(section.map { String($0.text) } == ["2019-10-28"])
        for i in page.indices where i.number >= 2 && i.number <= 3 { section.append(i) }
        #expect(section.map(\.number) == [1, 2, 3])
        #expect(section.map { String($0.text) } == ["2019-10-28", "", "three"])
        var rest = page.emptied
        for i in page.indices where i.number == 4 { rest.append(i) }
        #expect(rest.map { String($0.text) } == ["four"])
        #expect(rest.first?.number == 4)
        // Random cuts of random pages: every part gives back its lines.
        var rng = SplitMix64(seed: 0x11AE_0003)
        for _ in 0..<2_000 {
            let text = (0..<(rng.nextInt() % 12)).map { _ in Self.pieces[rng.nextInt() % Self.pieces.count] }.joined()
            let whole = LineList.split(Array(text.utf8))
            let reference = LineReader(text).lines
            var parts: [LineList] = [whole.emptied]
            for i in whole.indices {
                if rng.nextInt() % 3 == 0 { parts.append(whole.emptied) }
                parts[parts.count - 1].append(i)
            }
            let joined = parts.flatMap { $0.map { ($0.number, String($0.text)) } }
            #expect(joined.map(\.0) == reference.map(\.number) && joined.map(\.1) == reference.map { String($0.text) })
        }
    }

    @Test("holdsNonWhiteSpace equals referenceHoldsNonWhiteSpace on random valid UTF-8")
    func nonWhiteSpace() {
        let pieces = [" ", "\t", "\n", "\u{0B}", "\u{0C}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}", "\u{2028}", "\u{301}", "\u{600}",
                      "a", "\0", "\u{7F}", "é", "\u{200B}", "\u{1680}"]
        var rng = SplitMix64(seed: 0x11AE_0002)
        var blank = 0
        for _ in 0..<20_000 {
            let bytes = Array((0..<(rng.nextInt() % 6)).map { _ in pieces[rng.nextInt() % pieces.count] }.joined().utf8)
            let start = bytes.isEmpty ? 0 : rng.nextInt() % 2
            // Only offsets at a scalar boundary are asked for (0, or 3 after a byte-order mark).
            let from = start == 1 && bytes.first.map({ $0 < 0x80 }) == true ? 1 : 0
            let plain = PlainTextSource.referenceHoldsNonWhiteSpace(bytes, from: from)
            #expect(PlainTextSource.holdsNonWhiteSpace(bytes, from: from) == plain, "\(bytes) from \(from)")
            if !plain { blank += 1 }
        }
        #expect(blank > 1_000)
        #expect(!PlainTextSource.holdsNonWhiteSpace(Array(" \u{A0}\t\n".utf8), from: 0))
        #expect(PlainTextSource.holdsNonWhiteSpace(Array("\u{600}a".utf8), from: 0))
    }

    @Test("A page read in place imports as the same page decoded first (byte-order mark, CRLF and UTF-16 copies)")
    func sameImport() throws {
        let page = """
        ## Team meeting 2021-03-04
        Date: 2021-03-04
        ### Participants
        - Ana Lima
        - Bo Chen (Remote)
        ### Agenda
        Time\tTopic\tChair\tDiscussion\tNotes
        09:00\tWelcome\tAna Lima\tIntro — ok\tBo Chen — send the slides. 12 Mar 2021  PROJ-12 - Getting issue details  STATUS
        09:30\tCoffee break\t\t\t
        ### Action items
        - [ ] Ana Lima — book the room. 5 Mar 2021
        """
        let source = PlainTextSource()
        func json(_ bytes: [UInt8], _ options: ImportOptions = ImportOptions()) throws -> String {
            let r = try source.importMeeting(from: SourceInput(bytes: bytes, fileName: "p.txt"), options: options)
            return String(decoding: MeetingJSON.encode(r.meeting), as: UTF8.self)
        }
        let utf8 = Array(page.utf8)
        #expect(TextDecoding.utf8TextStart(utf8) == 0)
        let inPlace = try json(utf8)
        #expect(inPlace.contains("Bo Chen") && inPlace.contains("PROJ-12"))
        // CRLF forces the decoded path; its text is the same after normalisation.
        #expect(try json(Array(page.replacingOccurrences(of: "\n", with: "\r\n").utf8)) == inPlace)
        #expect(try json([0xEF, 0xBB, 0xBF] + utf8) == inPlace)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in page.utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(try json(utf16) == inPlace)
        #expect(throws: MeetingImportError.self) { try json(Array(" \n\u{A0}\t".utf8)) }
    }
}

/// Shared diagnostic texts and topics: the same bytes give the same value, never a merely equal one.
@Suite struct SharedTextTests {
    @Test("share gives back a text with the same bytes, remembered up to the limit")
    func sameBytes() {
        var memo: [String: String] = [:]
        let composed = "Café and posters session", decomposed = "Cafe\u{301} and posters session"
        #expect(composed == decomposed)
        #expect(PageParser.share(composed, in: &memo) == composed)
        let back = PageParser.share(decomposed, in: &memo)
        #expect(Array(back.utf8) == Array(decomposed.utf8))
        #expect(Array(PageParser.share(composed, in: &memo).utf8) == Array(composed.utf8))
        #expect(memo.count == 1)
        // Short texts (stored inline) and long ones are not remembered.
        _ = PageParser.share("Lunch", in: &memo)
        _ = PageParser.share(String(repeating: "x", count: 300), in: &memo)
        #expect(memo.count == 1)
        for k in 0..<(PageParser.sharedTextLimit + 10) { _ = PageParser.share("topic number \(k) of the day", in: &memo) }
        #expect(memo.count <= PageParser.sharedTextLimit)
        var parser = PageParser(options: ImportOptions())
        #expect(parser.diagnosticCode("jira-residue") == "plain-text.jira-residue")
        #expect(parser.sharedTopic("Coffee break and posters") == "Coffee break and posters")
        #expect(parser.topics.count == 1)
    }
}

/// The time cell's written form is compared on bytes; it must answer as comparing with the description does.
@Suite struct TimeWrittenTests {
    @Test("isWritten equals text == description on random time cells")
    func sameAnswer() throws {
        let pieces = ["0", "9", "1", "2", "5", ":", ".", " ", "h", "\u{37E}", "é", "09:05", "9:05", "23:59", "00:00"]
        var rng = SplitMix64(seed: 0x71AE_0002)
        var equal = 0
        for _ in 0..<20_000 {
            let text = (0..<(rng.nextInt() % 5)).map { _ in pieces[rng.nextInt() % pieces.count] }.joined()
            guard let time = LocalTime(hour: rng.nextInt() % 24, minute: rng.nextInt() % 60) else { continue }
            let t = rng.nextInt() % 3 == 0 ? time : (TimeRecognizer.parse(text) ?? time)
            let plain = text == t.description
            #expect(AgendaAssembler.isWritten(t, as: text) == plain, "\(text.debugDescription) \(t)")
            if plain { equal += 1 }
        }
        #expect(equal > 500)
        let nine = try #require(LocalTime(hour: 9, minute: 5))
        #expect(AgendaAssembler.isWritten(nine, as: "09:05"))
        #expect(!AgendaAssembler.isWritten(nine, as: "9:05"))
    }
}

/// Agenda rows with tabs are cut from the page's bytes; they must give the cells of the line, and be taken only
/// for lines the line-by-line reading would take as rows.
@Suite struct TabRowTests {
    @Test("tabCells equals Cells.split(_:tabs: true); tabRow answers only for rows that are not blank, pipes or single cells")
    func sameCells() {
        let pieces = ["\t", "\t", " ", "  ", "a", "Topic", "09:00", "\u{A0}", "é", "e\u{301}", "\u{301}", "\u{600}", "|", "-", "\r", "\u{2003}",
                      "Ana Lee", "• x", "\u{200B}", "\u{0B}", "…", "—", "’", "\u{200D}", "\u{2028}", "\u{2029}", "Ā", "ɐ", "\u{2013}",
                      "\u{2027}", "\u{2010}", "\u{2030}", "Ω", "\u{1F44D}", "\u{FE0F}"]
        var rng = SplitMix64(seed: 0x7AB5_0001)
        var rows = 0
        for _ in 0..<60_000 {
            let text = (0..<(1 + rng.nextInt() % 8)).map { _ in pieces[rng.nextInt() % pieces.count] }.joined()
            guard text.utf8.contains(9) else { continue }
            let line = Line(number: 1, text: text[...])
            let bytes = Array(text.utf8)
            let cells = bytes.withUnsafeBufferPointer(Cells.tabCells)
            #expect(cells == Cells.split(line.text, tabs: true) && cells.map { Array($0.utf8) } == Cells.split(line.text, tabs: true).map { Array($0.utf8) },
                    "\(text.debugDescription)")
            if let row = bytes.withUnsafeBufferPointer(Cells.tabRow) {
                rows += 1
                #expect(row == cells)
                #expect(!line.isBlank && !Cells.isPipeSeparator(line.text) && cells.filter { !$0.isEmpty }.count >= 2, "\(text.debugDescription)")
            } else {
                // Left to the line-by-line reading: maybe blank, maybe a pipe row, or one cell.
                let first = line.text.utf8.drop(while: { $0 == 32 || $0 == 9 || $0 == 13 }).first
                #expect(first == nil || first == 0xC2 || line.text.utf8.drop(while: { $0 == 32 || $0 == 9 }).first == 124
                        || cells.filter { !$0.isEmpty }.count <= 1, "\(text.debugDescription)")
            }
        }
        #expect(rows > 6_000)
        #expect(Array("09:00\tBudget\t Ana Lee \t".utf8).withUnsafeBufferPointer(Cells.tabRow) == ["09:00", "Budget", "Ana Lee", ""])
        #expect(Array("\t\tDay 1\t".utf8).withUnsafeBufferPointer(Cells.tabRow) == nil)
        #expect(Array("• One \t Café …\t\u{2003}x\u{2003}".utf8).withUnsafeBufferPointer(Cells.tabCells) == ["• One", "Café …", "x"])
    }
}
