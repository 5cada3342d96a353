// swift-meeting-notes · ConfluenceHTMLTests

import ConfluenceHTML
import Foundation
import MeetingModel
import Testing

@Suite struct RobustnessTests {
    let storage = ConfluenceStorageSource()
    let html = ConfluenceHTMLSource()
    let rest = ConfluenceRESTSource()

    func importStorage(_ text: String, options: ImportOptions = ImportOptions()) throws -> Meeting {
        try storage.importMeeting(from: SourceInput(text: text, fileName: "page.xhtml"), options: options).meeting
    }

    @Test("a <page> wrapper with a DOCTYPE to a missing DTD")
    func pageWrapper() throws {
        let m = try importStorage("""
            <?xml version="1.0" standalone="no"?>
            <!DOCTYPE page SYSTEM "../../page.dtd">
            <page xmlns:ac="http://www.atlassian.com/schema/confluence/4/ac/" xmlns:ri="http://www.atlassian.com/schema/confluence/4/ri/">
              <space>ENG</space><title>Weekly sync</title>
              <body><h2>Notes</h2><p>Hello&nbsp;world</p></body>
            </page>
            """)
        #expect(m.title == "Weekly sync")
        #expect(m.startDate == nil)
        #expect(m.page.space == "ENG")
        #expect(m.sections.map(\.title) == ["Notes"])
        #expect(m.sections[0].content.plainText == "Hello world")
        let d = try #require(m.diagnostics.first { $0.code == "confluence.doctype-ignored" })
        #expect(d.location?.line == 2)
        #expect(d.text == "<!DOCTYPE page SYSTEM \"../../page.dtd\">")
    }

    @Test("the title's date or range dates a page without a Date section")
    func titleDate() throws {
        let one = try importStorage("<page><title>2024-05-02 Team sync</title><body><h2>Notes</h2><p>x</p></body></page>")
        #expect(one.startDate == CalendarDate(year: 2024, month: 5, day: 2))
        #expect(one.endDate == CalendarDate(year: 2024, month: 5, day: 2))
        let range = try importStorage("<page><title>Leadership F2F, 28-30 October 2019</title><body><p>x</p></body></page>")
        #expect(range.startDate == CalendarDate(year: 2019, month: 10, day: 28))
        #expect(range.endDate == CalendarDate(year: 2019, month: 10, day: 30))
    }

    @Test("']] >' CDATA ends written by the Cloud exporter are repaired")
    func brokenCDATA() throws {
        let m = try importStorage("""
            <ac:structured-macro ac:name="code"><ac:parameter ac:name="language">sql</ac:parameter><ac:plain-text-body><![CDATA[x = "]] >" AND y = 1]] ></ac:plain-text-body></ac:structured-macro><p>after</p>
            """)
        #expect(m.sections.first?.content.blocks == [.code(language: "sql", text: "x = \"]] >\" AND y = 1"), .paragraph([.text("after")])])
        #expect(m.diagnostics.contains { $0.code == "confluence.cdata-repaired" })
    }

    @Test("the document cannot define entities: no external entity, no expansion bomb")
    func entitiesAreNotDefinable() throws {
        let m = try importStorage("""
            <!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <p>&xxe; &b; &hellip; &uuml;&bogus;</p>
            """)
        let text = m.sections.first?.content.plainText ?? ""
        #expect(!text.contains("root:"))
        #expect(!text.contains("aaaaaaaaaa"))
        #expect(text == "&xxe; &b; … ü&bogus;")
        #expect(m.diagnostics.filter { $0.code == "confluence.unknown-entity" }.map(\.text) == ["&xxe;", "&b;", "&bogus;"])
        #expect(m.diagnostics.first { $0.code == "confluence.unknown-entity" }?.location?.line == 2)
    }

    @Test("every HTML 4 named entity resolves", arguments: [("&eacute;", "é"), ("&mdash;", "—"), ("&euro;", "€"), ("&thetasym;", "ϑ"), ("&rarr;", "→"), ("&nbsp;", " ")])
    func namedEntities(entity: String, expected: String) throws {
        let m = try importStorage("<p>x\(entity)y</p>")
        #expect(m.sections.first?.content.plainText == "x\(expected)y")
    }

    @Test("markup errors recover with located diagnostics; strict mode throws")
    func recovery() throws {
        let broken = "<p>one</p>\n<p><strong>two</p>\n<table><tr><td>cell</table><p>three"
        let m = try importStorage(broken)
        #expect(m.sections.first?.content.plainText.contains("three") == true)
        let markup = m.diagnostics.filter { $0.code == "confluence.storage-markup" }
        #expect(!markup.isEmpty)
        #expect(markup.allSatisfy { ($0.location?.line ?? 0) >= 1 && ($0.location?.line ?? 0) <= 3 })
        let e = #expect(throws: MeetingImportError.self) {
            try storage.importMeeting(from: SourceInput(text: broken), options: ImportOptions(strictness: .strict))
        }
        #expect(e?.code == .malformedMarkup)
        #expect(e?.diagnostics.isEmpty == false)
    }

    @Test("where libxml2's XML recovery gives up, the lenient re-read keeps the rest of the page")
    func lenientReread() throws {
        let m = try importStorage("<p>if a < b then</p>\n<p>after <ac:link><ri:user ri:username=\"aortiz\"/></ac:link></p>")
        let text = m.sections.first?.content.plainText ?? ""
        #expect(text.contains("after aortiz"))
        #expect(text.contains("then"))
    }

    @Test("legacy ac:macro and default parameters read like structured macros")
    func legacyMacro() throws {
        let m = try importStorage("""
            <ac:macro ac:name="info"><ac:parameter ac:name="title">Old style</ac:parameter><ac:rich-text-body><p>legacy body</p></ac:rich-text-body></ac:macro>
            <p><ac:macro ac:name="status"><ac:default-parameter>DONE</ac:default-parameter></ac:macro></p>
            """)
        #expect(m.sections.first?.content.blocks == [
            .panel(PanelBlock(kind: "info", title: "Old style", content: RichText([.paragraph([.text("legacy body")])]))),
            .paragraph([.status(title: "DONE", colour: nil)]),
        ])
    }

    @Test("a REST envelope with only a rendered body is read as HTML")
    func restViewBody() throws {
        let html = String(decoding: try Fixture.bytes("blueprint-export.html"), as: UTF8.self)
        let envelope: [String: Any] = ["id": "77", "type": "page", "title": "View body", "space": ["key": "REL"],
                                       "body": ["view": ["value": html, "representation": "view"]]]
        let data = try JSONSerialization.data(withJSONObject: envelope)
        let r = try rest.importMeeting(from: SourceInput(bytes: [UInt8](data)), options: Fixture.options)
        #expect(r.meeting.title == "View body")
        #expect(r.meeting.page.space == "REL")
        #expect(r.meeting.actionItems.count == 3)
        #expect(r.meeting.agendaItems.map(\.topic) == ["Release scope", "Open bugs"])
    }

    @Test("a list item holding only a date completes the action item before it")
    func absorbedDate() throws {
        let m = try importStorage("""
            <h2>Action items</h2>
            <ul><li>Ana Ortiz — consider a shared schema.</li><li><time datetime="2019-12-18" /></li><li>Plain remark</li></ul>
            """)
        #expect(m.actionItems.map(\.text) == ["consider a shared schema."])
        #expect(m.actionItems.first?.due == CalendarDate(year: 2019, month: 12, day: 18))
        #expect(m.actionItems.first?.owners.map(\.name) == ["Ana Ortiz"])
    }

    @Test("UTF-16 and Windows-1252 storage bodies are decoded before parsing")
    func encodings() throws {
        let text = "<h2>Teilnehmer</h2><p>Jürgen Groß — café &amp; “quotes”</p>"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in text.utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let a = try storage.importMeeting(from: SourceInput(bytes: utf16), options: ImportOptions()).meeting
        #expect(a.sections.first?.content.plainText == "Jürgen Groß — café & “quotes”")
        let cp1252: [UInt8] = Array("<p>J".utf8) + [0xFC] + Array("rgen ".utf8) + [0x93, 0x71, 0x94] + Array("</p>".utf8)
        let b = try storage.importMeeting(from: SourceInput(bytes: cp1252), options: ImportOptions()).meeting
        #expect(b.sections.first?.content.plainText == "Jürgen “q”")
    }

    @Test("empty input is a typed error for every source")
    func empty() {
        for source in [storage, html, rest] as [any MeetingSource] {
            let e = #expect(throws: MeetingImportError.self) {
                try source.importMeeting(from: SourceInput(text: "  \n"), options: ImportOptions())
            }
            #expect(e?.code == .emptyInput)
            #expect(e?.sourceIdentifier == source.identifier)
        }
    }

    @Test("truncated and garbage inputs never crash")
    func garbage() throws {
        let full = try Fixture.bytes("f2f-storage.xhtml")
        for cut in stride(from: 1, to: full.count, by: max(1, full.count / 37)) {
            let input = SourceInput(bytes: Array(full.prefix(cut)))
            _ = try? storage.importMeeting(from: input, options: Fixture.options)
            _ = try? html.importMeeting(from: input, options: Fixture.options)
        }
        var seed: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<20 {
            var bytes: [UInt8] = []
            for _ in 0..<2000 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(truncatingIfNeeded: seed >> 33))
            }
            bytes.insert(contentsOf: Array("<ac:task-list><ac:task><table><tr><td rowspan=\"99999\">".utf8), at: 0)
            let input = SourceInput(bytes: bytes)
            _ = try? storage.importMeeting(from: input, options: ImportOptions())
            _ = try? html.importMeeting(from: input, options: ImportOptions())
            #expect(throws: MeetingImportError.self) { try rest.importMeeting(from: input, options: ImportOptions()) }
        }
    }

    @Test("very deep nesting is flattened, text kept")
    func deepNesting() throws {
        let depth = 3000
        let text = String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth)
        let m = try html.importMeeting(from: SourceInput(text: "<html><body>" + text + "</body></html>"), options: ImportOptions()).meeting
        #expect(m.sections.first?.content.plainText == "deep text")
        #expect(m.diagnostics.contains { $0.code == "confluence.nesting-flattened" })
    }

    @Test("confidence sniffs the three forms")
    func confidence() throws {
        let storageInput = try Fixture.input("f2f-storage.xhtml")
        let htmlInput = try Fixture.input("f2f-export.html")
        let restInput = try Fixture.input("rest-v1.json")
        #expect(storage.confidence(for: storageInput) > 0.9)
        #expect(html.confidence(for: storageInput) < 0.3)
        #expect(rest.confidence(for: storageInput) == 0)
        #expect(html.confidence(for: htmlInput) > 0.9)
        #expect(storage.confidence(for: htmlInput) < 0.5)
        #expect(rest.confidence(for: restInput) > 0.9)
        #expect(storage.confidence(for: restInput) == 0)
        #expect(html.confidence(for: restInput) == 0)
        #expect(html.confidence(for: SourceInput(text: "<p>hi</p>", fileName: "notes.html")) >= 0.6)
        #expect(storage.confidence(for: SourceInput(text: "plain text notes")) == 0)
        let registry = MeetingSourceRegistry([storage, html, rest])
        #expect(registry.bestSource(for: storageInput)?.identifier == "confluence-storage")
        #expect(registry.bestSource(for: htmlInput)?.identifier == "confluence-html")
        #expect(registry.bestSource(for: restInput)?.identifier == "confluence-rest-json")
    }

    @Test("deterministic: the same input gives the same JSON")
    func deterministic() throws {
        for name in ["f2f-storage.xhtml", "f2f-export.html", "rest-v1.json"] {
            let input = try Fixture.input(name)
            let registry = MeetingSourceRegistry([storage, html, rest])
            let a = try registry.importMeeting(from: input, options: Fixture.options).meeting
            let b = try registry.importMeeting(from: input, options: Fixture.options).meeting
            #expect(MeetingJSON.encode(a) == MeetingJSON.encode(b))
            #expect(try MeetingJSON.decode(MeetingJSON.encode(a)) == a)
        }
    }
}

@Suite struct ConcurrencyTests {
    @Test("many pages imported at once from several threads give the sequential results")
    func concurrentImports() async throws {
        let names = ["f2f-storage.xhtml", "f2f-export.html", "blueprint-storage.xhtml", "blueprint-export.html",
                     "cloud-storage.xhtml", "cloud-export.html", "rest-v1.json", "rest-v2.json"]
        let registry = MeetingSourceRegistry([ConfluenceStorageSource(), ConfluenceHTMLSource(), ConfluenceRESTSource()])
        var inputs: [SourceInput] = []
        var expected: [[UInt8]] = []
        for n in names {
            let input = try Fixture.input(n)
            inputs.append(input)
            expected.append(MeetingJSON.encode(try registry.importMeeting(from: input, options: Fixture.options).meeting))
        }
        // Broken inputs too, so libxml2 error reporting runs concurrently.
        inputs.append(SourceInput(text: "<p><strong>broken</p><table><td>x", fileName: "broken.xhtml"))
        expected.append(MeetingJSON.encode(try registry.importMeeting(from: inputs.last!, options: Fixture.options).meeting))
        let results = await withTaskGroup(of: (Int, [UInt8]?).self) { group in
            for i in 0..<96 {
                let k = i % inputs.count
                let input = inputs[k]
                group.addTask {
                    let r = try? registry.importMeeting(from: input, options: Fixture.options)
                    return (k, r.map { MeetingJSON.encode($0.meeting) })
                }
            }
            var out: [(Int, [UInt8]?)] = []
            for await r in group { out.append(r) }
            return out
        }
        #expect(results.count == 96)
        for (k, json) in results { #expect(json == expected[k], "page \(k) differs when imported concurrently") }
    }

    @Test("imports on raw OS threads (DispatchQueue.concurrentPerform) match the sequential result")
    func threads() throws {
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var items: [[UInt8]] = []
            func add(_ r: [UInt8]) { lock.lock(); items.append(r); lock.unlock() }
        }
        let input = try Fixture.input("f2f-export.html")
        let storageInput = try Fixture.input("f2f-storage.xhtml")
        let expectedHTML = MeetingJSON.encode(try ConfluenceHTMLSource().importMeeting(from: input, options: Fixture.options).meeting)
        let expectedStorage = MeetingJSON.encode(try ConfluenceStorageSource().importMeeting(from: storageInput, options: Fixture.options).meeting)
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 32) { i in
            if i % 2 == 0 {
                if let r = try? ConfluenceHTMLSource().importMeeting(from: input, options: Fixture.options) { results.add(MeetingJSON.encode(r.meeting)) }
            } else {
                if let r = try? ConfluenceStorageSource().importMeeting(from: storageInput, options: Fixture.options) { results.add(MeetingJSON.encode(r.meeting)) }
            }
        }
        #expect(results.items.count == 32)
        #expect(results.items.filter { $0 == expectedHTML }.count == 16)
        #expect(results.items.filter { $0 == expectedStorage }.count == 16)
    }
}
