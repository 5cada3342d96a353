import Foundation
import Testing
import MeetingModel
import MeetingRecognizers
@testable import PlainTextImport

/// Any bytes give a model or a typed error; never a crash or hang.
@Suite struct RobustnessTests {
    struct LCG {
        var state: UInt64
        mutating func next() -> UInt8 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    @Test func emptyAndBlankInputThrowTypedErrors() {
        for bytes in [[UInt8](), Array("  \n\t\r\n ".utf8), [0xEF, 0xBB, 0xBF]] {
            #expect(throws: MeetingImportError.self) { try Support.importBytes(bytes) }
            do { _ = try Support.importBytes(bytes) } catch { #expect(error.code == .emptyInput) }
        }
    }

    @Test func sizeLimitAndStrictDecoding() {
        let source = PlainTextSource(maximumInputBytes: 10)
        do {
            _ = try source.importMeeting(from: SourceInput(text: "Agenda\n09:00\tOpening\n"), options: ImportOptions())
            Issue.record("expected input-too-large")
        } catch { #expect(error.code == .inputTooLarge) }
        let bad: [UInt8] = Array("Agenda\n09:00\tOpen — ".utf8) + [0xC3, 0x28, 0x0A]
        do {
            _ = try Support.importBytes(bad, options: ImportOptions(strictness: .strict))
            Issue.record("expected undecodable-text")
        } catch {
            #expect(error.code == .undecodableText)
            #expect(error.location == SourceLocation(line: 2, column: 14))
        }
        let lenient = try? Support.importBytes(bad)
        #expect(lenient?.diagnostics.first?.code == "plain-text.invalid-utf8")
        #expect(lenient?.meeting.agendaItems.first?.topic == "Open — \u{FFFD}(")
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func randomBytes(_ seed: Int) {
        var rng = LCG(state: UInt64(seed) &* 0x9E3779B97F4A7C15)
        let bytes = (0..<40_000).map { _ in rng.next() }
        do {
            let r = try Support.importBytes(bytes)
            #expect(!r.diagnostics.isEmpty)
        } catch {
            #expect(!error.message.isEmpty)
        }
    }

    @Test func randomTextFromPageAlphabet() throws {
        // Random mixtures of the characters that matter to the parser.
        let alphabet: [String] = ["\t", "\n", " ", "  ", "09:00", "17:00", "—", " - ", "•", "<ul>", "<li>", "</li>", "</ul>", "<b>",
                                  "&amp;", "Day 2:", "2019-10-29", "Unknown User (", ")", "(", "Leanne Guy", "V", "✓", "DM-1",
                                  " - Getting issue details", "STATUS", "18 Nov 2019", "### ", "Agenda", "Participants",
                                  "Attached Documents", "File", "Pre-Meeting Planning", "Action items", "☐", "Ticket:", "and", "&", "/", "O "]
        var rng = LCG(state: 42)
        for _ in 0..<20 {
            var s = ""
            for _ in 0..<3000 { s += alphabet[Int(rng.next()) % alphabet.count] }
            do { _ = try Support.importBytes(Array(s.utf8)) } catch { #expect(error.code == .emptyInput) }
        }
    }

    @Test func pathologicalShapes() throws {
        let cases: [String] = [
            "Agenda\n09:00\tTopic\tChair\t" + String(repeating: "<ul><li>", count: 5_000) + "deep" + "\n",
            String(repeating: "a", count: 300_000),
            "Agenda\n" + String(repeating: "\t", count: 100_000) + "x\n",
            "Agenda\n10:30\tBreak (" + String(repeating: "\tlower (", count: 10_000) + "\n",
            "Participants\n" + String(repeating: "Ab", count: 50_000) + "\n",
            "Agenda\n09:00\tT\tC\tD\t" + String(repeating: "Ann Lee — x. Bob Ray — y. ", count: 3_000) + "\n",
            "Agenda\n" + String(repeating: "09:00\tSame time\n", count: 5_000),
            "Agenda\n" + String(repeating: "17:00\n", count: 5_000),
            String(repeating: "Unknown User (", count: 10_000),
            String(repeating: "&#", count: 100_000) + "<" + String(repeating: "x", count: 100_000),
        ]
        for c in cases {
            do { _ = try Support.importBytes(Array(c.utf8)) } catch { #expect(error.code == .emptyInput) }
        }
        let lines = try Support.importBytes(Array(("Agenda\n" + String(repeating: "17:00\n", count: 2000)).utf8)).meeting
        #expect(lines.agendaItems.count == 2000)
        #expect(lines.diagnostics.filter { $0.code == "plain-text.time-without-topic" }.count == 2000)
    }

    @Test func largePasteImports() throws {
        // Many copies of the variant: every copy's items land somewhere, linearly.
        let one = String(decoding: try Support.fixture("offsite-variant.txt"), as: UTF8.self)
        let big = String(repeating: one + "\n", count: 100)
        let m = try Support.importBytes(Array(big.utf8)).meeting
        #expect(m.actionItems.count == 13 * 100)
        #expect(m.agenda.count == 3 * 100)
    }
}

/// Sniffing.
@Suite struct ConfidenceTests {
    let s = PlainTextSource()

    @Test func plainTextScoresModerateHigh() {
        #expect(s.identifier == "plain-text")
        #expect(s.confidence(for: SourceInput(text: "Weekly sync\nAgenda\n", fileName: "notes.txt")) == 0.8)
        #expect(s.confidence(for: SourceInput(text: "# Notes", fileName: "notes.md")) == 0.8)
        #expect(s.confidence(for: SourceInput(text: "Weekly sync", mediaType: "text/plain; charset=utf-8")) == 0.8)
        #expect(s.confidence(for: SourceInput(text: "Weekly sync\nAgenda\n")) == 0.6)
    }

    @Test func markupAndJSONScoreLow() {
        #expect(s.confidence(for: SourceInput(text: "<html><body>x</body></html>")) == 0.05)
        #expect(s.confidence(for: SourceInput(text: "  <ac:structured-macro/>")) == 0.05)
        #expect(s.confidence(for: SourceInput(text: "{\"title\": 1}")) == 0.05)
        #expect(s.confidence(for: SourceInput(text: "Weekly", fileName: "page.html")) == 0.05)
        #expect(s.confidence(for: SourceInput(text: "Weekly", mediaType: "application/json")) == 0.05)
        #expect(s.confidence(for: SourceInput(bytes: [0x50, 0x4B, 0x03, 0x04, 0, 0, 0x14, 0, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48])) == 0.1)
    }

    /// Markup after some text: found in the input's shared lower-cased head, and in UTF-16 text (NUL bytes
    /// dropped) the same way; plain UTF-16 text without markup still reads as text.
    @Test func markupAfterTextInUTF8AndUTF16() {
        func utf16LE(_ text: String) -> [UInt8] {
            [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }
        #expect(s.confidence(for: SourceInput(text: "Weekly sync\n<!DOCTYPE html>\n<HTML>")) == 0.05)
        #expect(s.confidence(for: SourceInput(text: "Notes about <?XML version=\"1.0\"?>")) == 0.05)
        #expect(s.confidence(for: SourceInput(bytes: utf16LE("Weekly sync\n<HTML><body>x</body></HTML>"))) == 0.05)
        #expect(s.confidence(for: SourceInput(bytes: utf16LE("Weekly sync\n<AC:structured-macro/>"))) == 0.05)
        #expect(s.confidence(for: SourceInput(bytes: utf16LE("Weekly sync\nAgenda: budget, hiring and the move\n"))) == 0.6)
        #expect(s.confidence(for: SourceInput(text: "Weekly sync\nA < B and C > D\n")) == 0.6)
    }

    @Test func notAMeeting() throws {
        let r = try Support.importBytes(Array("Just some prose.\nAnother line of prose.\n".utf8))
        #expect(!r.isMeeting)
        #expect(r.meeting.title == "Just some prose.")
        #expect(r.meeting.sections.first?.content.plainText == "Another line of prose.")
        let registry = MeetingSourceRegistry([PlainTextSource()])
        #expect(registry.bestSource(for: SourceInput(text: "x", fileName: "a.txt"))?.identifier == "plain-text")
    }
}

/// HTML fragments inside cells become rich text.
@Suite struct CellTextTests {
    @Test func nestedListsAndEmphasis() throws {
        let r = CellText.convert("<ul> <li>One &amp; two</li> <li>Lunch ( <b>not</b> provided)<ul><li>inner</li></ul></li> </ul>")
        guard case .list(let list)? = r.rich.blocks.first else { Issue.record("no list"); return }
        #expect(list.items.count == 2)
        #expect(list.items[0].blocks == [.paragraph([.text("One & two")])])
        #expect(list.items[1].blocks.first == .paragraph([.text("Lunch ( "), .emphasis(strong: true, [.text("not")]), .text(" provided)")]))
        guard case .list(let inner)? = list.items[1].blocks.last else { Issue.record("no nested list"); return }
        #expect(inner.items.count == 1)
        #expect(r.fragments == ["One & two", "Lunch ( not provided)", "inner"])
    }

    @Test func strayListItemsAndUnclosedTags() {
        let r = CellText.convert("<ul><li>a</li></ul> <li>b</li>")
        #expect(r.rich.blocks.count == 2)
        #expect(r.fragments == ["a", "b"])
        let t = CellText.convert("x <ul><li>y")
        #expect(t.rich.plainText == "x\n- y")
        #expect(CellText.convert("a < b and c > d").rich.plainText == "a < b and c > d")
    }

    @Test func bulletRunsAndParagraphs() {
        let r = CellText.convert("Intro text.  • First point. • Second point.")
        #expect(r.rich.blocks.count == 2)
        #expect(r.fragments == ["Intro text.", "First point.", "Second point."])
        #expect(CellText.convert("One.   Two.").rich.blocks == [.paragraph([.text("One.")]), .paragraph([.text("Two.")])])
    }
}

/// Real Confluence pages by others (../shared/corpus): markup sniffs low, and reading it as text never fails badly.
@Suite struct CorpusSniffTests {
    static let corpus = Support.packageRoot.appendingPathComponent("../shared/corpus").standardizedFileURL
    static var present: Bool { FileManager.default.fileExists(atPath: corpus.path) }

    @Test(.enabled(if: CorpusSniffTests.present)) func markupPagesSniffLowAndStillImport() throws {
        var seen = 0
        for dir in ["storage", "export-html"] {
            let folder = Self.corpus.appendingPathComponent(dir)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let url = folder.appendingPathComponent(name)
                let input = try SourceInput(contentsOf: url)
                #expect(PlainTextSource().confidence(for: input) == 0.05, "\(name)")
                let r = try PlainTextSource().importMeeting(from: input, options: ImportOptions())
                #expect(r.sourceIdentifier == "plain-text")
                seen += 1
            }
        }
        #expect(seen >= 10)
    }
}
