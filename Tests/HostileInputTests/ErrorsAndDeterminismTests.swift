// swift-meeting-notes · HostileInputTests
//
// Errors: every public throwing API throws `MeetingImportError` with a stable code, a message and a
// location (line/column, or at least the file); the CLI prints one line on stderr and exits non-zero.
// Partial results: one bad table does not cost the rest of the page.
// Determinism: the same bytes give byte-identical JSON in separate processes (each with its own hash
// seed) and under TZ=Pacific/Kiritimati LANG=tr_TR.UTF-8.

import Foundation
import MeetingModel
import MeetingNotes
import Testing

/// Codes the library documents; a thrown error must use one of them.
let stableCodes: Set<String> = ["empty-input", "undecodable-text", "malformed-markup", "unsupported-format",
                                "input-too-large", "unreadable-file", "invalid-option"]

func expectTyped(_ error: MeetingImportError, code: MeetingImportError.Code, file: String? = nil, line: Int? = nil,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    #expect(stableCodes.contains(error.code.rawValue), "\(error)", sourceLocation: sourceLocation)
    #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
    #expect(!error.description.contains("\n"), "description is not one line: \(error)", sourceLocation: sourceLocation)
    if let file { #expect(error.file == file, "\(error)", sourceLocation: sourceLocation) }
    if let line { #expect(error.location?.line == line, "\(error)", sourceLocation: sourceLocation) }
    #expect(error.location != nil || error.file != nil, "no location and no file: \(error)", sourceLocation: sourceLocation)
}

@Suite("Typed errors")
struct TypedErrorTests {
    @Test("every source: empty input through the registry is empty-input naming the file and the source",
          arguments: MeetingSourceRegistry.standard.sources.map(\.identifier))
    func emptyInput(_ identifier: String) throws {
        let e = #expect(throws: MeetingImportError.self) {
            try MeetingSourceRegistry.standard.importMeeting(from: SourceInput(bytes: [], fileName: "empty.page"),
                                                             using: identifier)
        }
        let error = try #require(e)
        #expect(error.sourceIdentifier == identifier)
        #expect(error.file == "empty.page")
        #expect(!error.message.isEmpty && stableCodes.contains(error.code.rawValue), "\(error)")
    }

    // Strict HTML throws on damaged markup only (see ConfluenceHTMLSource.importMeeting); here an end tag closing nothing.
    @Test("strict markup errors carry the line of the first error",
          arguments: ["confluence-storage", "confluence-rest-json", "confluence-html"])
    func strictMarkup(_ identifier: String) throws {
        let page = "<p>fine</p>\n<p>fine too</p>\n<p>broken </b></i> mismatched</p>\n"
        let bytes = identifier == "confluence-rest-json" ? Hostile.restEnvelope(storage: page) : Array(page.utf8)
        let e = #expect(throws: MeetingImportError.self) {
            try BuiltIn.source(identifier).importMeeting(from: SourceInput(bytes: bytes, fileName: "strict.page"),
                                                         options: ImportOptions(strictness: .strict))
        }
        // In the REST envelope the line is the body's line.
        expectTyped(try #require(e), code: .malformedMarkup, file: "strict.page", line: 3)
    }

    @Test("strict HTML: damaged markup throws malformed-markup at the first damage", arguments: [
        // An end tag that closes nothing open (line 3, column 15: libxml2 reports the position after the tag).
        ("<html><body>\n<p>fine</p>\n<p>broken </b> text</p>\n</body></html>\n", 3, 15),
        // An attribute value never closed: the start tag cannot end.
        ("<html><body>\n<p>ok</p>\n<ul>\n<li class=\"x>never closed\n", 5, 1),
        // A character reference outside Unicode's allowed range.
        ("<html><body>\n<h3>Notes</h3>\n<p>zero &#0; here</p>\n</body></html>\n", 3, 13),
        // A mismatched end tag after benign HTML5 (which alone never throws).
        ("<html><body><section><time datetime=\"2025-01-02\">2 Jan</time></section>\n<p><b>bold</i> end</p>\n</body></html>", 2, 15),
    ])
    func strictHTMLDamage(_ page: String, _ line: Int, _ column: Int) throws {
        let e = #expect(throws: MeetingImportError.self) {
            try BuiltIn.html.importMeeting(from: SourceInput(text: page, fileName: "damaged.html"),
                                           options: ImportOptions(strictness: .strict))
        }
        let error = try #require(e)
        expectTyped(error, code: .malformedMarkup, file: "damaged.html", line: line)
        #expect(error.location?.column == column, "\(error)")
        #expect(error.message.hasPrefix("damaged HTML: "), "\(error)")
        #expect(error.sourceIdentifier == "confluence-html")
        // Lenient mode reads the same page, listing the damage as a diagnostic at the same place.
        let lenient = try BuiltIn.html.importMeeting(from: SourceInput(text: page, fileName: "damaged.html"), options: ImportOptions())
        #expect(lenient.meeting.diagnostics.contains { $0.location == error.location }, "\(lenient.meeting.diagnostics)")
    }

    @Test("strict HTML: unknown HTML5 tags, a misplaced <body> and '&' without ';' are not damage")
    func strictHTMLBenign() throws {
        let page = """
            <!DOCTYPE html><html><body><main><article><p>Date <time datetime="2025-03-04">4 Mar 2025</time></p>
            <custom-widget>kept</custom-widget><p><a href="/x?a=1&b=2">link</a> R&D</p><body><p>after</p></article></main>
            </body></html>
            """
        let strict = try BuiltIn.html.importMeeting(from: SourceInput(text: page, fileName: "benign.html"),
                                                    options: ImportOptions(strictness: .strict))
        let lenient = try BuiltIn.html.importMeeting(from: SourceInput(text: page, fileName: "benign.html"), options: ImportOptions())
        #expect(strict.meeting == lenient.meeting)
        let json = String(decoding: MeetingJSON.encode(strict.meeting), as: UTF8.self)
        #expect(json.contains("kept") && json.contains("R&D") && json.contains("after"), "\(json)")
    }

    @Test("strict HTML: every clean export page imports in strict mode as in lenient mode; the messy one throws",
          arguments: Fixtures.allPages.filter { $0.sourceIdentifier == "confluence-html" })
    func strictHTMLFixtures(_ page: FixturePage) throws {
        let lenient = try page.source.importMeeting(from: page.input, options: ImportOptions())
        if page.isClean {
            let strict = try page.source.importMeeting(from: page.input, options: ImportOptions(strictness: .strict))
            #expect(strict.meeting == lenient.meeting, "\(page.name)")
        } else {
            // messy/board-review.html: "Unexpected end tag : td" on line 20.
            let e = #expect(throws: MeetingImportError.self) {
                try page.source.importMeeting(from: page.input, options: ImportOptions(strictness: .strict))
            }
            expectTyped(try #require(e), code: .malformedMarkup, line: 20)
        }
    }

    @Test("strict plain text: undecodable bytes carry their line and column")
    func strictPlainText() throws {
        // Valid multi-byte characters make the bytes UTF-8 with damage, not Windows-1252.
        let bytes = Array("## Café meeting\n\nok line – fine\nbad ".utf8) + [0xFF, 0xFE, 0x41] + Array(" end\n".utf8)
        let e = #expect(throws: MeetingImportError.self) {
            try BuiltIn.plainText.importMeeting(from: SourceInput(bytes: bytes, fileName: "bad.txt"),
                                                options: ImportOptions(strictness: .strict))
        }
        let error = try #require(e)
        expectTyped(error, code: .undecodableText, file: "bad.txt", line: 4)
        #expect(error.location?.column == 5)
    }

    @Test("a REST envelope without a body is malformed-markup")
    func restWithoutBody() throws {
        let e = #expect(throws: MeetingImportError.self) {
            try BuiltIn.rest.importMeeting(from: SourceInput(text: "{\"type\":\"page\",\"title\":\"x\"}", fileName: "p.json"),
                                           options: ImportOptions())
        }
        expectTyped(try #require(e), code: .malformedMarkup, file: "p.json")
    }

    @Test("malformed meeting JSON is malformed-markup with the line of the damage")
    func malformedMeetingJSON() throws {
        let e = #expect(throws: MeetingImportError.self) {
            try BuiltIn.meetingJSON.importMeeting(from: SourceInput(text: "{\"schemaVersion\": 1,\n\"title\": \n,}", fileName: "m.json"),
                                                  options: ImportOptions())
        }
        let error = try #require(e)
        expectTyped(error, code: .malformedMarkup, file: "m.json", line: 3)
        #expect(error.location?.column == 1, "\(error)")
        #expect(error.sourceIdentifier == "meeting-json")
    }

    /// Decodes `json` and returns the error it must throw.
    func meetingJSONError(_ json: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> MeetingImportError {
        let e = #expect(throws: MeetingImportError.self, sourceLocation: sourceLocation) { try MeetingJSON.decode(Array(json.utf8)) }
        let error = try #require(e, sourceLocation: sourceLocation)
        #expect(error.code == .malformedMarkup, sourceLocation: sourceLocation)
        #expect(!error.description.contains("\n"), "\(error)", sourceLocation: sourceLocation)
        return error
    }

    @Test("meeting JSON syntax error: the parser's byte offset as line and column (columns in scalars)")
    func meetingJSONSyntaxError() throws {
        // The parser stops at the stray "2": line 3, column 19 (byte 20 of the line: "Café" is 5 bytes, 4 scalars).
        let error = try meetingJSONError("{\"schemaVersion\": 1,\n\"title\": \"x\",\n\"labels\": [\"Café\" 2]}")
        #expect(error.location == MeetingModel.SourceLocation(line: 3, column: 19), "\(error)")
        #expect(error.message.contains("invalid JSON"), "\(error)")
        // Unterminated input: the end of the input.
        let eof = try meetingJSONError("{\"schemaVersion\": 1,\n  \"title\": \"open")
        #expect(eof.location == MeetingModel.SourceLocation(line: 2, column: 17), "\(eof)")
    }

    @Test("meeting JSON with a value of the wrong type: located at that value, however deep")
    func meetingJSONWrongType() throws {
        let json = """
            {
              "schemaVersion": 1,
              "title": "Weekly",
              "attachments": [
                {"fileName": "a.pdf"},
                {"fileName": "b.pdf", "modifiedBy": {"name": 7}}
              ]
            }
            """
        let error = try meetingJSONError(json)
        #expect(error.location == MeetingModel.SourceLocation(line: 6, column: 50), "\(error)")
        #expect(error.message.contains("attachments[1].modifiedBy.name"), "\(error)")
        // A rejected value (a newer schema) is located at the value too.
        let newer = try meetingJSONError("{\n  \"title\": \"x\",\n  \"schemaVersion\": 99\n}")
        #expect(newer.location == MeetingModel.SourceLocation(line: 3, column: 20), "\(newer)")
    }

    @Test("meeting JSON with a missing key: located at the object that lacks it")
    func meetingJSONMissingKey() throws {
        let json = "{\"schemaVersion\": 1, \"attachments\": [\n  {\"fileName\": \"a.pdf\"},\n  {\"fileType\": \"PDF File\"}\n]}"
        let error = try meetingJSONError(json)
        #expect(error.location == MeetingModel.SourceLocation(line: 3, column: 3), "\(error)")
        #expect(error.message.contains("\"fileName\"") && error.message.contains("attachments[1]"), "\(error)")
    }

    @Test("JSON Lines of meetings: a bad line is malformed-markup at that line")
    func jsonLines() throws {
        let good = String(decoding: MeetingJSON.encode(Meeting(title: "ok"), pretty: false), as: UTF8.self)
        let e = #expect(throws: MeetingImportError.self) {
            try MeetingJSONLines.decode(good + "\n" + good + "\n{\"schemaVersion\": 1, broken\n")
        }
        let error = try #require(e)
        #expect(error.code == .malformedMarkup && !error.message.isEmpty)
        // Line 3 of the text; the column within that line where "broken" stands.
        #expect(error.location == MeetingModel.SourceLocation(line: 3, column: 22), "\(error)")
        // A wrong type on line 2 is located within line 2.
        let typed = #expect(throws: MeetingImportError.self) {
            try MeetingJSONLines.decode(good + "\n{\"schemaVersion\": 1, \"title\": [true]}\n")
        }
        #expect(try #require(typed).location == MeetingModel.SourceLocation(line: 2, column: 31), "\(String(describing: typed))")
    }

    @Test("unreadable files and bad user directories")
    func filesAndOptions() throws {
        let missing = #expect(throws: MeetingImportError.self) {
            try SourceInput(contentsOf: URL(fileURLWithPath: "/nonexistent/page.html"))
        }
        expectTyped(try #require(missing), code: .unreadableFile, file: "/nonexistent/page.html")
        let directory = #expect(throws: MeetingImportError.self) {
            try UserDirectory(json: Array("[1,2]".utf8), file: "users.json")
        }
        expectTyped(try #require(directory), code: .invalidOption, file: "users.json")
    }

    @Test("oversized input is input-too-large, not a crash or a hang")
    func oversized() throws {
        let e = #expect(throws: MeetingImportError.self) {
            try PlainTextSource(maximumInputBytes: 1024).importMeeting(
                from: SourceInput(bytes: [UInt8](repeating: 0x61, count: 4096), fileName: "big.txt"), options: ImportOptions())
        }
        expectTyped(try #require(e), code: .inputTooLarge, file: "big.txt")
    }
}

@Suite("Partial results")
struct PartialResultTests {
    static let pages: [(String, String)] = [
        ("confluence-storage", """
            <h3>Participants</h3>
            <ul><li>Ana Silva</li><li>Ben Okoro</li></ul>
            <h3>Agenda</h3>
            <table><tbody><tr><th>Time</th><th>Topic</th></tr>
            <tr><td>09:00</td><td>Kick-off</td></tr></tbody></table>
            <h3>Broken</h3>
            <table><tr><td rowspan="-4" colspan="x">cell <b>one<td>cell two</tr></tbody><td>orphan tablecell</table></td>
            <h3>Action items</h3>
            <ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Ana Silva to send the minutes</ac:task-body></ac:task></ac:task-list>
            """),
        ("confluence-html", """
            <html><body><h3>Participants</h3>
            <ul><li>Ana Silva</li><li>Ben Okoro</li></ul>
            <h3>Agenda</h3>
            <table><tbody><tr><th>Time</th><th>Topic</th></tr>
            <tr><td>09:00</td><td>Kick-off</td></tr></tbody></table>
            <h3>Broken</h3>
            <table><td rowspan="-4" colspan="x">cell <b>one<td>cell two</tr></tbody><td>orphan tablecell</table></td>
            <h3>Action items</h3>
            <ul class="inline-task-list"><li data-inline-task-id="1">Ana Silva to send the minutes</li></ul>
            </body></html>
            """),
        ("plain-text", """
            ## Weekly sync, 2025-03-04

            ### Participants

            - Ana Silva
            - Ben Okoro

            ### Agenda

            Time\tTopic\tChair\tNotes
            09:00\tKick-off\tAna Silva\tStarted on time
            \t\t\t\t\t\t\t\t\tcell one\t\tcell two
            orphan tablecell \t\t\u{1}
            10:00\tWrap-up\tBen Okoro\tDone

            ### Action items

            - Ana Silva — send the minutes. 7 Mar 2025
            """),
    ]

    @Test("a page with one bad table still yields everything else, with a diagnostic", arguments: 0..<3)
    func oneBadTable(_ index: Int) throws {
        let (identifier, page) = Self.pages[index]
        let r = try #require(importPage(BuiltIn.source(identifier), page, fileName: "partial").result)
        let m = r.meeting
        #expect(m.participants.map(\.name).contains("Ana Silva"), "\(m.participants)")
        #expect(m.participants.map(\.name).contains("Ben Okoro"))
        #expect(m.agendaItems.map(\.topic).contains("Kick-off"), "\(m.agendaItems.map(\.topic))")
        #expect(m.actionItems.contains { $0.text.contains("send the minutes") }, "\(m.actionItems)")
        let json = String(decoding: MeetingJSON.encode(m), as: UTF8.self)
        for word in ["cell", "one", "two", "orphan", "tablecell"] {
            #expect(json.contains(word), "'\(word)' from the bad table was lost")
        }
        #expect(!m.diagnostics.isEmpty, "the bad table left no diagnostic")
        #expect(m.diagnostics.allSatisfy { $0.location != nil }, "\(m.diagnostics)")
    }
}

@Suite("Determinism")
struct DeterminismTests {
    static let hostileEnvironment: [String: String] = {
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = "Pacific/Kiritimati"
        env["LANG"] = "tr_TR.UTF-8"
        env["LC_ALL"] = "tr_TR.UTF-8"
        env.removeValue(forKey: "SWIFT_DETERMINISTIC_HASHING")
        return env
    }()

    static var normalEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = "UTC"
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "LC_ALL")
        env.removeValue(forKey: "SWIFT_DETERMINISTIC_HASHING")
        return env
    }

    @Test("the same bytes give the same JSON in separate processes and under TZ=Pacific/Kiritimati LANG=tr_TR",
          .enabled(if: Built.tool != nil, "meeting-notes-safety is not built"), arguments: Fixtures.allPages)
    func acrossProcessesAndLocales(_ page: FixturePage) throws {
        let tool = try #require(Built.tool).path
        let inProcess = MeetingJSON.encode(try page.source.importMeeting(from: page.input, options: ImportOptions()).meeting)
        var outputs: [[UInt8]] = []
        for env in [Self.normalEnvironment, Self.hostileEnvironment, Self.normalEnvironment] {
            let r = try runProcess(tool, ["json", page.sourceIdentifier, page.url.path], environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(r.stdout)
        }
        #expect(outputs[0] == outputs[1], "\(page.name): TZ/LANG changed the JSON")
        #expect(outputs[0] == outputs[2], "\(page.name): two runs differ")
        // The tool's JSON is the in-process JSON (it names the file by its path; we by its name).
        let normalize: ([UInt8]) -> String = {
            String(decoding: $0, as: UTF8.self).replacingOccurrences(of: page.url.path, with: page.url.lastPathComponent)
                .trimmingCharacters(in: .newlines)
        }
        #expect(normalize(outputs[0]) == normalize(inProcess), "\(page.name): the tool and the library differ")
    }

    @Test("the CLI's JSON, Markdown and iCalendar are byte-identical under TZ=Pacific/Kiritimati LANG=tr_TR",
          .enabled(if: Built.cli != nil, "meeting-notes is not built"), arguments: ["json", "markdown", "ics"])
    func cliAcrossLocales(_ format: String) throws {
        let cli = try #require(Built.cli).path
        for page in Fixtures.own {
            let a = try runProcess(cli, ["convert", page.url.path, "--format", format], environment: Self.normalEnvironment)
            let b = try runProcess(cli, ["convert", page.url.path, "--format", format], environment: Self.hostileEnvironment)
            #expect(a.status == 0 && b.status == 0, "\(page.name): \(a.stderr) \(b.stderr)")
            #expect(!a.stdout.isEmpty)
            #expect(a.stdout == b.stdout, "\(page.name) as \(format) depends on TZ/LANG")
        }
    }
}

@Suite("CLI errors")
struct CLIErrorTests {
    @Test("a bad input is one line on stderr naming the file, and exit status 1",
          .enabled(if: Built.cli != nil, "meeting-notes is not built"),
          arguments: [("empty.txt", [UInt8]()), ("nobody.json", Array("{\"type\":\"page\"}".utf8)),
                      ("spaces.html", Array("   \n\n  ".utf8))])
    func oneLine(_ name: String, _ bytes: [UInt8]) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        let r = try runProcess(try #require(Built.cli).path, ["convert", file.path, "--format", "json"])
        #expect(r.status == 1, "status \(r.status): \(r.stderr)")
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(lines.first?.hasPrefix(file.path) == true, "\(r.stderr)")
        #expect(lines.first?.contains("error:") == true)
        #expect(stableCodes.contains { lines.first?.contains($0) == true }, "\(r.stderr)")
    }
}
