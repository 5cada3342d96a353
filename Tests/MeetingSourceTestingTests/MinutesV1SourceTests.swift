// The complete third-party source shown in Docs/Plugins.md and the ImplementingAMeetingSource article,
// compiled and run through the conformance kit here so the documented code is known to work.
import Foundation
import MeetingModel
import MeetingSourceTesting
import Testing

public struct MinutesV1Source: MeetingSource {
    public init() {}
    public var identifier: String { "minutes-v1" }

    public func confidence(for input: SourceInput) -> Double {
        if input.prefix(11).elementsEqual("MINUTES v1\n".utf8) { return 1 }
        return input.fileExtension == "minutes" ? 0.4 : 0
    }

    public func importMeeting(from input: SourceInput,
                              options: ImportOptions) throws(MeetingImportError) -> ImportResult {
        guard !input.bytes.isEmpty else { throw MeetingImportError(.emptyInput, "the input is empty") }
        guard let text = String(validating: input.bytes, as: UTF8.self) else {
            throw MeetingImportError(.undecodableText, "MINUTES v1 is UTF-8", at: SourceLocation(line: 1))
        }
        var meeting = Meeting(page: PageMetadata(source: input.fileName, format: identifier))
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let at = SourceLocation(line: n + 1)
            if (n == 0 && line == "MINUTES v1") || line.isEmpty { continue }
            let parts = line.split(separator: ":", maxSplits: 1)
            let value = parts.count == 2 ? String(parts[1].drop(while: { $0 == " " })) : ""
            switch parts.first {
            case "title": meeting.title = value
            case "date": meeting.startDate = CalendarDate(iso8601: value)
            case "action":
                var item = ActionItem(text: value, location: at)
                if let dash = value.range(of: " — ") {
                    item.owners = [Person(name: String(value[..<dash.lowerBound]))]
                    item.text = String(value[dash.upperBound...])
                }
                meeting.actionItems.append(item)
            default:
                meeting.diagnostics.append(Diagnostic(.warning, code: "minutes-v1.unknown-line",
                                                      "line not understood", at: at, text: String(line)))
            }
        }
        return ImportResult(meeting: meeting, sourceIdentifier: identifier, isMeeting: true)
    }
}

@Suite struct MinutesV1SourceTests {
    static let sample = SourceInput(text: """
        MINUTES v1
        title: Ops review
        action: Ana Silva — book the room
        """, fileName: "ops.minutes")

    @Test func readsActionItems() throws {
        let result = try MinutesV1Source().importMeeting(from: Self.sample, options: ImportOptions())
        #expect(result.meeting.actionItems.map(\.text) == ["book the room"])
        #expect(result.meeting.actionItems.first?.owners.map(\.name) == ["Ana Silva"])
        #expect(result.meeting.title == "Ops review")
    }

    @Test func keepsLinesItDoesNotUnderstand() throws {
        let result = try MinutesV1Source().importMeeting(from: SourceInput(text: "MINUTES v1\nhello"),
                                                         options: ImportOptions())
        #expect(result.diagnostics == [Diagnostic(.warning, code: "minutes-v1.unknown-line", "line not understood",
                                                  at: SourceLocation(line: 2), text: "hello")])
    }

    @Test func conforms() {
        let failures = SourceConformance(source: MinutesV1Source(), samples: [Self.sample]).run()
        #expect(failures.isEmpty, "\(failures)")
    }
}

/// The documentation shows this file's source verbatim; these tests keep the copies from drifting.
@Suite struct DocumentedExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func compiledSource() throws -> String {
        let file = try String(contentsOf: root.appendingPathComponent("Tests/MeetingSourceTestingTests/MinutesV1SourceTests.swift"),
                              encoding: .utf8)
        let start = try #require(file.range(of: "public struct MinutesV1Source"))
        let end = try #require(file.range(of: "@Suite struct MinutesV1SourceTests"))
        var body = String(file[start.lowerBound..<end.lowerBound])
        while body.hasSuffix("\n") { body.removeLast() }
        return "import Foundation\nimport MeetingModel\n\n" + body + "\n"
    }

    @Test(arguments: ["Docs/Plugins.md", "Sources/MeetingModel/MeetingModel.docc/ImplementingAMeetingSource.md"])
    func documentationShowsTheCompiledSource(path: String) throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        #expect(doc.contains("```swift\n" + (try Self.compiledSource()) + "```\n"))
    }
}
