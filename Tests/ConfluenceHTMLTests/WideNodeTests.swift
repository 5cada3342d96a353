import Foundation
import Testing
import MeetingModel
@testable import ConfluenceHTML

/// The markup tree keeps a node's range length and column in 16 bits, with side tables for what does not fit.
/// Pages with a text run longer than 65,534 bytes and lines longer than 65,534 columns must read exactly as
/// pages where both are short.
@Suite struct WideNodeTests {
    /// A one-line storage page: a paragraph of `run` letters (sent by libxml2 in several pieces, joined in the
    /// tree), then a task whose location is far along the line.
    static func storagePage(run: Int) -> String {
        "<h1>Wide</h1><p>" + String(repeating: "a", count: run) + "</p>"
            + "<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status>"
            + "<ac:task-body>Review the wide page. <time datetime=\"2024-03-08\" /></ac:task-body></ac:task></ac:task-list>"
    }

    static func htmlPage(run: Int) -> String {
        "<html><head><title>Wide</title></head><body><div id=\"main-content\" class=\"wiki-content\"><p>"
            + String(repeating: "b", count: run) + "</p><ul class=\"inline-task-list\"><li data-inline-task-id=\"1\">"
            + "Review the wide page.</li></ul></div></body></html>"
    }

    @Test("a 70,000-byte text run and a task at column 70,000+ read as on a short page, shifted", arguments: [
        ("storage", 100, 70_000), ("storage", 65_534, 65_535), ("html", 100, 70_000), ("html", 65_400, 65_600),
    ])
    func wideRunsAndColumns(form: String, short: Int, long: Int) throws {
        func load(_ run: Int) throws -> Meeting {
            if form == "storage" {
                return try ConfluenceStorageSource().importMeeting(from: SourceInput(text: Self.storagePage(run: run)), options: ImportOptions()).meeting
            }
            return try ConfluenceHTMLSource().importMeeting(from: SourceInput(text: Self.htmlPage(run: run)), options: ImportOptions()).meeting
        }
        let a = try load(short), b = try load(long)
        let letter: Character = form == "storage" ? "a" : "b"
        let runs = { (m: Meeting) -> [Int] in
            m.sections.flatMap { $0.content.blocks }.compactMap { block -> Int? in
                guard case .paragraph(let inlines) = block else { return nil }
                let text = inlines.map(\.plainText).joined()
                return text.allSatisfy { $0 == letter } ? text.count : nil
            }
        }
        #expect(runs(a) == [short])
        #expect(runs(b) == [long])
        #expect(a.actionItems.map(\.text) == b.actionItems.map(\.text))
        #expect(a.actionItems.count == 1)
        let la = try #require(a.actionItems.first?.location), lb = try #require(b.actionItems.first?.location)
        #expect(la.line == lb.line)
        #expect(lb.column - la.column == long - short)
        #expect(lb.column > 65_535)
    }
}
