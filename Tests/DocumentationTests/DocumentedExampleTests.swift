// The code shown in README.md and in the DocC articles, compiled and run here. Each snippet sits between
// `// <name>: begin` and `// <name>: end` markers, and a test checks that the document shows exactly
// those lines, so the documentation cannot drift from code that builds and works.
import Foundation
import MeetingNotes
import MeetingRecognizers
import Testing
import TestProcessSupport

/// Collects what the snippets print.
final class Printed: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ items: [Any], separator: String) {
        lock.withLock { storage.append(items.map { "\($0)" }.joined(separator: separator)) }
    }
    var lines: [String] { lock.withLock { storage } }
}

@Suite("Documented examples")
struct DocumentedExampleTests {
    // MARK: README.md, "Using the library"

    static func readmeExample() throws -> [String] {
        let printed = Printed()
        func print(_ items: Any..., separator: String = " ") { printed.append(items, separator: separator) }
        try Repo.inRoot {
            // README: begin
            let input = try SourceInput(contentsOf: URL(fileURLWithPath: "Examples/pages/harbour-survey-workshop-2024-03.html"))
            let meeting = try MeetingSourceRegistry.standard.importMeeting(from: input).meeting
            print(meeting.title)
            for action in meeting.actionItems where action.status != .done {
                let owners = action.owners.map(\.name).joined(separator: ", ")
                print("[ ] \(owners): \(action.text)", action.due.map { "(due \($0))" } ?? "")
            }
            // README: end
        }
        return printed.lines
    }

    @Test("the README example is in README.md as compiled here")
    func readmeShowsTheCompiledExample() throws {
        let snippet = try Repo.snippet("README")
        let blocks = try Repo.codeBlocks("README.md")
        let shown = try #require(blocks.first { $0.contains("import MeetingNotes") })
        #expect(shown == ["import Foundation", "import MeetingNotes", ""] + snippet)
        #expect(shown.count <= 12, "the README example should stay about ten lines")
    }

    @Test("the README example prints the page's title and its open action items, as the README shows")
    func readmeExampleOutput() throws {
        let lines = try Self.readmeExample()
        #expect(lines == [
            "Harbour Survey Steering Group Workshop, 2024-03-11 to 12",
            "[ ] Dmitri Volkov: publish the calibration report on the wiki (due 2024-03-25)",
            "[ ] Benedikt Strauss, Farah Haddad: agree the crew rotation with the harbour master (due 2024-03-22)",
            "[ ] Amara Okafor: circulate the revised budget (due 2024-03-29)",
            "[ ] epark: estimate the archive size (due 2024-04-05)",
        ])
        let shownOutput = try Repo.codeBlocks("README.md", language: "").first { $0.first?.hasPrefix("Harbour Survey") == true }
        #expect(shownOutput == lines)
    }

    // MARK: MeetingNotes.docc, "Getting started"

    static let gettingStarted = "Sources/MeetingNotes/MeetingNotes.docc/GettingStarted.md"

    static func gettingStartedExample() throws -> [String] {
        let printed = Printed()
        func print(_ items: Any..., separator: String = " ") { printed.append(items, separator: separator) }
        try Repo.inRoot {
            // GettingStarted: begin
            let input = try SourceInput(contentsOf: URL(fileURLWithPath: "Examples/pages/harbour-survey-workshop-2024-03.html"))
            let meeting = try MeetingSourceRegistry.standard.importMeeting(from: input).meeting
            print(meeting.title)
            for day in meeting.agenda {
                print("Day \(day.day)", day.date?.description ?? "")
                for item in day.items { print("  \(item.start?.description ?? "--:--")  \(item.topic)") }
            }
            for action in meeting.actionItems where action.status != .done {
                print("[ ] \(action.owners.map(\.name).joined(separator: ", ")): \(action.text)", action.due?.description ?? "")
            }
            // GettingStarted: end
        }
        return printed.lines
    }

    @Test("Getting started shows the code compiled here, in at most ten lines after the imports")
    func gettingStartedShowsTheCompiledExample() throws {
        let snippet = try Repo.snippet("GettingStarted")
        let shown = try #require(try Repo.codeBlocks(Self.gettingStarted).first { $0.contains("import MeetingNotes") })
        #expect(shown == ["import Foundation", "import MeetingNotes", ""] + snippet)
        #expect(snippet.count <= 10)
    }

    @Test("Getting started prints the agenda and open action items its output block shows")
    func gettingStartedOutput() throws {
        let lines = try Self.gettingStartedExample()
        #expect(lines.first == "Harbour Survey Steering Group Workshop, 2024-03-11 to 12")
        #expect(lines.contains("Day 1 2024-03-11"))
        #expect(lines.contains("  09:00  Welcome and goals"))
        #expect(lines.contains("  09:30  Sonar calibration results"))
        #expect(lines.contains("Day 2 2024-03-12"))
        #expect(lines.contains("  09:00  Budget review"))
        #expect(lines.contains("[ ] Dmitri Volkov: publish the calibration report on the wiki 2024-03-25"))
        #expect(!lines.contains { $0.contains("send the draft agreement to legal") }, "a done item is listed")
        // Every line of the article's output block (except the "…" elisions) is printed, in that order.
        let shown = try #require(try Repo.codeBlocks(Self.gettingStarted, language: "").first {
            $0.first?.hasPrefix("Harbour Survey") == true
        })
        var rest = lines[...]
        for line in shown where line.trimmingCharacters(in: .whitespaces) != "…" {
            let found = try #require(rest.firstIndex(of: line), "the article shows '\(line)', which is not printed in order")
            rest = rest[(found + 1)...]
        }
    }

    @Test("Getting started's other snippets: options with a user directory, exporters, JSON round trip")
    func gettingStartedOtherSnippets() throws {
        let article = try Repo.text(Self.gettingStarted)
        for line in [
            #"let options = ImportOptions(userDirectory: try UserDirectory(json: users.bytes), defaultTimeZone: "Europe/Oslo")"#,
            "let result = try MeetingSourceRegistry.standard.importMeeting(from: input, options: options)",
            "let minutes = MarkdownExporter().render(meeting)",
            "let calendar = ICalendarExporter().render(meeting)",
            "let json = MeetingJSON.encode(meeting)",
        ] {
            #expect(article.contains(line), "the article no longer shows: \(line)")
        }
        try Repo.inRoot {
            let input = try SourceInput(contentsOf: URL(fileURLWithPath: "Examples/pages/harbour-survey-workshop-2024-03.storage.xhtml"))
            let users = try SourceInput(contentsOf: URL(fileURLWithPath: "Examples/pages/users.json"))
            let options = ImportOptions(userDirectory: try UserDirectory(json: users.bytes), defaultTimeZone: "Europe/Oslo")
            let result = try MeetingSourceRegistry.standard.importMeeting(from: input, options: options)
            let meeting = result.meeting
            #expect(result.sourceIdentifier == "confluence-storage")
            #expect(meeting.participants.contains { $0.name == "Amara Okafor" && !$0.unresolved })
            let minutes = MarkdownExporter().render(meeting)
            let calendar = ICalendarExporter().render(meeting)
            let json = MeetingJSON.encode(meeting)
            #expect(minutes.contains("Welcome and goals"))
            #expect(calendar.contains("DTSTART;TZID=Europe/Oslo:20240311T090000"))
            #expect(try MeetingJSON.decode(json) == meeting)

            let text = try SourceInput(contentsOf: URL(fileURLWithPath: "Examples/pages/harbour-survey-workshop-2024-03.txt"))
            #expect(try MeetingSourceRegistry.standard.importMeeting(from: text, using: "plain-text").sourceIdentifier == "plain-text")
        }
    }

    // MARK: PlainTextImport.docc

    @Test("the PlainTextImport landing page example reads participants and a due date")
    func plainTextLandingExample() throws {
        let input = SourceInput(text: """
            Harbour Survey Planning, 2024-03-12
            Participants: Ana Ruiz, Tom Okafor (Remote)
            Action items
            Tom Okafor — circulate the tide-gauge plan. 19 Mar 2024
            """, fileName: "planning.txt")
        let meeting = try PlainTextSource().importMeeting(from: input, options: ImportOptions()).meeting
        #expect(meeting.participants.map(\.name) == ["Ana Ruiz", "Tom Okafor"])
        #expect(meeting.participants.last?.attendance == .remote)
        #expect(meeting.actionItems.first?.due?.description ?? "" == "2024-03-19")
        #expect(meeting.actionItems.first?.text == "circulate the tide-gauge plan")
        let article = try Repo.text("Sources/PlainTextImport/PlainTextImport.docc/PlainTextImport.md")
        #expect(article.contains("Tom Okafor — circulate the tide-gauge plan. 19 Mar 2024"))
        #expect(article.contains(#"print(meeting.participants.map(\.name))        // ["Ana Ruiz", "Tom Okafor"]"#))
        #expect(article.contains(#"print(meeting.actionItems.first?.due?.description ?? "")    // 2024-03-19"#))
    }

    // MARK: MeetingRecognizers.docc

    @Test("the MeetingRecognizers landing page example recognises owner, text and due date")
    func recognizersLandingExample() throws {
        let found = try #require(ActionItemRecognizer().recognize("Ana Ruiz — book the room. 18 Nov 2019"))
        #expect(found.owners.map(\.name) == ["Ana Ruiz"])
        #expect(found.text == "book the room")
        #expect(found.due?.description == "2019-11-18")
    }

    // MARK: ConfluenceHTML.docc, "Importing Confluence pages"

    @Test("the user directory resolves known keys; an unknown key stays an unresolved person named by the key")
    func userDirectoryAsDocumented() throws {
        let page = SourceInput(text: """
            <h2>Attendees</h2>
            <ul><li><ac:link><ri:user ri:userkey="8a7f808a8c1d0e4f018c1d0e4f7a9999"/></ac:link></li>
            <li><ac:link><ri:user ri:userkey="8a7f808a8c1d0e4f018c1d0e4f7a0001"/></ac:link></li></ul>
            """, fileName: "attendees.xhtml")
        let users = try UserDirectory(json: Array("""
            {"8a7f808a8c1d0e4f018c1d0e4f7a0001": {"username": "aokafor", "displayName": "Amara Okafor"}}
            """.utf8))
        let meeting = try ConfluenceStorageSource().importMeeting(from: page, options: ImportOptions(userDirectory: users)).meeting
        #expect(meeting.participants.contains { $0.name == "Amara Okafor" && $0.username == "aokafor" && !$0.unresolved })
        let unknown = try #require(meeting.participants.first { $0.unresolved })
        #expect(unknown.name == "8a7f808a8c1d0e4f018c1d0e4f7a9999")
        #expect(unknown.userKey == "8a7f808a8c1d0e4f018c1d0e4f7a9999")
    }

    @Test("a macro handler given in options replaces the unknown-macro warning with its content")
    func confluenceMacroHandlerExample() throws {
        let page = SourceInput(text: """
            <h2>Goals</h2>
            <ac:structured-macro ac:name="roadmap"><ac:parameter ac:name="title">Survey 2025</ac:parameter></ac:structured-macro>
            """, fileName: "roadmap.xhtml")
        let plain = try ConfluenceStorageSource().importMeeting(from: page, options: ImportOptions())
        #expect(plain.meeting.diagnostics.contains { $0.code == "confluence.dynamic-macro" || $0.code == "confluence.unknown-macro" })

        let roadmap = ConfluenceMacroHandler(name: "roadmap") { macro, draft in
            draft.blocks = [.paragraph([.text("Roadmap: " + (macro.parameters["title"] ?? ""))])]
        }
        let source = ConfluenceStorageSource(options: ConfluenceImportOptions(macroHandlers: [roadmap]))
        var registry = MeetingSourceRegistry.standard
        registry.register(source)
        let result = try registry.importMeeting(from: page)
        #expect(result.sourceIdentifier == "confluence-storage")
        let text = result.meeting.sections.map(\.content.plainText).joined(separator: "\n")
        #expect(text.contains("Roadmap: Survey 2025"))
        #expect(!result.meeting.diagnostics.contains { $0.code == "confluence.dynamic-macro" })
    }
}
