// swift-meeting-notes · HostileInputTests
//
// Hostile XML/HTML: each input gives a meeting or a typed error, touches no file and no network, and
// keeps the text that follows the attack. Inputs that would be quadratic are large enough that a
// regression makes this suite visibly slow (Scripts/safety.sh prints its time); there are no timed assertions.

import Foundation
import MeetingModel
import Testing

/// The sources that read markup, plus the REST envelope (which carries storage markup) and plain text
/// (which must treat markup as text).
enum MarkupReader: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case storage = "confluence-storage"
    case html = "confluence-html"
    case rest = "confluence-rest-json"
    case plainText = "plain-text"

    var testDescription: String { rawValue }

    /// Wraps a markup body the way this reader takes it.
    func bytes(_ body: [UInt8]) -> [UInt8] {
        switch self {
        case .rest: return Hostile.restEnvelope(storage: String(decoding: body, as: UTF8.self))
        default: return body
        }
    }

    var fileName: String {
        switch self {
        case .storage: return "hostile.xhtml"
        case .html: return "hostile.html"
        case .rest: return "hostile.json"
        case .plainText: return "hostile.txt"
        }
    }

    func run(_ body: [UInt8]) -> Outcome {
        importPage(BuiltIn.source(rawValue), bytes(body), fileName: fileName)
    }

    func run(_ body: String) -> Outcome { run(Array(body.utf8)) }
}

/// An attack that references an outside resource.
enum Reference: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case externalEntityFile, externalEntityHTTP, parameterEntity, externalDTD, publicDTD, xinclude,
         processingInstruction, htmlReferences

    var testDescription: String { rawValue }
}

@Suite("Hostile markup")
struct HostileMarkupTests {
    // MARK: No file, no network

    @Test("external references never read the file or open a connection",
          arguments: Reference.allCases, MarkupReader.allCases)
    func externalReferences(_ attack: Reference, _ reader: MarkupReader) throws {
        let text = try MarkerFile { $0 }
        let dtd = try MarkerFile(extension: "dtd") { "<!ENTITY fromdtd \"\($0)\">\n<!ENTITY xxe \"\($0)\">" }
        let xml = try MarkerFile(extension: "xml") { "<p>\($0)</p>" }
        defer { text.remove(); dtd.remove(); xml.remove() }
        let listener = try #require(LoopbackListener())
        let page: String
        switch attack {
        case .externalEntityFile: page = Hostile.externalEntity(text.fileURL)
        case .externalEntityHTTP: page = Hostile.externalEntity(listener.url())
        case .parameterEntity: page = Hostile.parameterEntity(dtd.fileURL)
        case .externalDTD: page = Hostile.externalDTD(dtd.fileURL)
        case .publicDTD: page = Hostile.publicDTD(listener.url("xhtml1-strict.dtd"))
        case .xinclude: page = Hostile.xinclude(xml.fileURL)
        case .processingInstruction: page = Hostile.processingInstructions(xml.fileURL)
        case .htmlReferences: page = Hostile.htmlReferences(text.path)
        }
        // The same attacks again with a plain path and with the loopback listener, for good measure.
        let variants = [page,
                        page.replacingOccurrences(of: text.fileURL, with: text.path)
                            .replacingOccurrences(of: xml.fileURL, with: xml.path),
                        page.replacingOccurrences(of: text.fileURL, with: listener.url("a"))
                            .replacingOccurrences(of: xml.fileURL, with: listener.url("b"))
                            .replacingOccurrences(of: dtd.fileURL, with: listener.url("c"))]
        for variant in variants {
            let outcome = reader.run(variant)
            expectModelOrTypedError(outcome, lines: lineCount(Array(variant.utf8)), "\(attack) via \(reader)")
            let visible = outcome.visibleText
            for marker in [text.marker, dtd.marker, xml.marker] {
                #expect(!visible.contains(marker), "\(attack) via \(reader) read a file: \(outcome.summary)")
            }
        }
        #expect(listener.pendingConnections() == 0, "\(attack) via \(reader) opened a network connection")
    }

    @Test("a page naming a local file keeps its own words", arguments: MarkupReader.allCases)
    func externalEntityPageKeepsText(_ reader: MarkupReader) throws {
        let file = try MarkerFile { $0 }
        defer { file.remove() }
        let outcome = reader.run(Hostile.externalEntity(file.fileURL))
        let r = try #require(outcome.result, "\(outcome.summary)")
        let json = String(decoding: MeetingJSON.encode(r.meeting), as: UTF8.self)
        #expect(json.contains("before") && json.contains("after"))
        #expect(!json.contains(file.marker))
    }

    // MARK: Entity expansion

    @Test("billion laughs is not expanded", arguments: MarkupReader.allCases)
    func billionLaughs(_ reader: MarkupReader) throws {
        let page = Hostile.billionLaughs()
        let outcome = reader.run(page)
        expectModelOrTypedError(outcome, lines: lineCount(Array(page.utf8)))
        let visible = outcome.visibleText
        #expect(visible.utf8.count < 64 * 1024, "output of \(visible.utf8.count) bytes: entities expanded?")
        #expect(!visible.contains(String(repeating: "lol", count: 20)))
        if outcome.result != nil { #expect(visible.contains("tailword")) }
    }

    @Test("quadratic blow-up is not expanded", arguments: MarkupReader.allCases)
    func quadraticBlowup(_ reader: MarkupReader) throws {
        let page = Hostile.quadraticBlowup()
        let outcome = reader.run(page)
        expectModelOrTypedError(outcome, lines: lineCount(page))
        // The 64 KB entity text may be kept once (it is page text), never 20,000 times.
        #expect(outcome.visibleText.utf8.count < 4 << 20, "output of \(outcome.visibleText.utf8.count) bytes")
        if outcome.result != nil { #expect(outcome.visibleText.contains("tailword")) }
    }

    // MARK: Shape and size

    static let deepShapes: [(open: String, close: String)] = [
        ("<div>", "</div>"), ("<ul><li>", "</li></ul>"), ("<span>", "</span>"), ("<blockquote>", "</blockquote>"),
        ("<table><tbody><tr><td>", "</td></tr></tbody></table>"),
        ("<ac:structured-macro ac:name=\"panel\"><ac:rich-text-body>", "</ac:rich-text-body></ac:structured-macro>"),
    ]

    @Test("100,000-deep nesting gives a meeting or an error and keeps the text after it",
          arguments: [MarkupReader.storage, .html, .rest], 0..<deepShapes.count)
    func deepNesting(_ reader: MarkupReader, _ shape: Int) throws {
        let (open, close) = Self.deepShapes[shape]
        for closed in [true, false] {
            let page = Hostile.nested(open: open, close: close, depth: 100_000, closed: closed)
            let outcome = reader.run(page)
            expectModelOrTypedError(outcome, lines: lineCount(page), "\(open) closed: \(closed)")
            if outcome.result != nil {
                let visible = outcome.visibleText
                #expect(visible.contains("deepword"), "\(open) closed: \(closed): the innermost text was lost")
                #expect(visible.contains("tailword"), "\(open) closed: \(closed): the text after the nesting was lost")
            }
        }
    }

    @Test("a 1 MB attribute value", arguments: [MarkupReader.storage, .html, .rest])
    func hugeAttribute(_ reader: MarkupReader) throws {
        for element in ["p", "ac:structured-macro", "a"] {
            let page = Hostile.hugeAttribute(element: element)
            let outcome = reader.run(page)
            expectModelOrTypedError(outcome, lines: 1)
            let r = try #require(outcome.result, "\(element): \(outcome.summary)")
            let json = String(decoding: MeetingJSON.encode(r.meeting), as: UTF8.self)
            #expect(json.contains("carrier") && json.contains("tailword"), "\(element): text next to the attribute was lost")
        }
    }

    @Test("1,000,000 table cells", arguments: [MarkupReader.storage, .html, .plainText])
    func millionCells(_ reader: MarkupReader) throws {
        let page = reader == .plainText ? Hostile.millionCellTextTable() : Hostile.millionCellTable()
        // Over libxml2's 4 MB feed step at either size, so the parse crosses chunk boundaries.
        if reader != .plainText { #expect(page.count > 4 << 20, "\(page.count) bytes") }
        let outcome = reader.run(page)
        expectModelOrTypedError(outcome, lines: lineCount(page))
        let r = try #require(outcome.result, "\(outcome.summary)")
        #expect(String(decoding: MeetingJSON.encode(r.meeting), as: UTF8.self).contains("tailword"))
    }

    @Test("unclosed tags everywhere", arguments: [MarkupReader.storage, .html, .rest])
    func unclosedEverywhere(_ reader: MarkupReader) throws {
        let page = Hostile.unclosedEverywhere()
        let outcome = reader.run(page)
        expectModelOrTypedError(outcome, lines: 1)
        let r = try #require(outcome.result, "\(outcome.summary)")
        let json = String(decoding: MeetingJSON.encode(r.meeting), as: UTF8.self)
        #expect(json.contains("unclosed") && json.contains("tailword"))
    }

    @Test("NUL bytes", arguments: MarkupReader.allCases)
    func nulBytes(_ reader: MarkupReader) throws {
        let page = Hostile.nulBytes()
        let outcome = reader.run(page)
        expectModelOrTypedError(outcome, lines: lineCount(page))
        let r = try #require(outcome.result, "\(outcome.summary)")
        let json = String(decoding: MeetingJSON.encode(r.meeting), as: UTF8.self)
        for word in ["before", "tagnul", "attrnul", "tailword"] {
            #expect(json.contains(word), "'\(word)' was lost")
        }
    }

    @Test("a CDATA section, a comment and an attribute that never end", arguments: [MarkupReader.storage, .html, .rest])
    func neverEnding(_ reader: MarkupReader) throws {
        for (name, page) in [("cdata", Hostile.unterminatedCDATA()), ("comment", Hostile.unterminatedComment()),
                             ("attribute", Hostile.unterminatedAttribute())] {
            let outcome = reader.run(page)
            expectModelOrTypedError(outcome, lines: 1, "\(name)")
            if let r = outcome.result {
                let json = String(decoding: MeetingJSON.encode(r.meeting), as: UTF8.self)
                #expect(json.contains("before"), "\(name): the text before was lost")
            }
        }
    }

    @Test("character references outside Unicode", arguments: MarkupReader.allCases)
    func badCharacterReferences(_ reader: MarkupReader) throws {
        let outcome = reader.run(Hostile.badCharacterReferences)
        expectModelOrTypedError(outcome, lines: 1)
        let r = try #require(outcome.result, "\(outcome.summary)")
        let json = String(decoding: MeetingJSON.encode(r.meeting), as: UTF8.self)
        #expect(json.contains("refs") && json.contains("tailword"))
    }

    @Test("JSON nested 100,000 deep", arguments: ["confluence-rest-json", "meeting-json"])
    func deepJSON(_ identifier: String) throws {
        var page = Hostile.deepJSON()
        if identifier == "meeting-json" { page = Array("{\"schemaVersion\":1,\"x\":".utf8) + page + [UInt8(ascii: "}")] }
        let outcome = importPage(BuiltIn.source(identifier), page, fileName: "deep.json")
        expectModelOrTypedError(outcome, lines: 1)
    }

    // MARK: Plain text

    @Test("plain text: a 4 MB line, deep indentation, 20,000 action items")
    func plainTextShapes() throws {
        for (name, page) in [("long line", Hostile.longLine()), ("deep indent", Hostile.deepIndent()),
                             ("many actions", Hostile.manyActions(count: Hostile.actionCount))] {
            let outcome = importPage(BuiltIn.plainText, page, fileName: "hostile.txt")
            expectModelOrTypedError(outcome, lines: lineCount(page), "\(name)")
            #expect(outcome.result != nil, "\(name): \(outcome.summary)")
        }
        let actions = try #require(importPage(BuiltIn.plainText, Hostile.manyActions(count: Hostile.actionCount),
                                              fileName: "a.txt").result)
        #expect(actions.meeting.actionItems.count == Hostile.actionCount)
    }

    // MARK: Script and style

    @Test("script and style text is not content, yet the page around it is kept", arguments: [MarkupReader.html])
    func scriptAndStyle(_ reader: MarkupReader) throws {
        let page = "<html><head><style>p { color: red }</style><script>var secret = 'scriptword';</script></head>"
            + "<body><p>visible body</p><script>document.write('<p>injected</p>')</script><p>tailword</p></body></html>"
        let r = try #require(reader.run(page).result)
        let json = String(decoding: MeetingJSON.encode(r.meeting), as: UTF8.self)
        #expect(json.contains("visible body") && json.contains("tailword"))
    }
}
