// swift-meeting-notes · Examples/custom-source
//
// Registers a toy third-party format with a MeetingSourceRegistry, imports a page and prints the open
// action items. "MINUTES v1" is our own invention: a header line, then `key: value` lines.
//
//     swift run custom-source

import Foundation
import MeetingModel

/// Reads "MINUTES v1": `title:`, `date: YYYY-MM-DD`, `action: Owner — text [due YYYY-MM-DD] [done]`.
struct MinutesV1Source: MeetingSource {
    var identifier: String { "minutes-v1" }

    func confidence(for input: SourceInput) -> Double {
        input.prefix(11).elementsEqual("MINUTES v1\n".utf8) ? 1 : (input.fileExtension == "minutes" ? 0.4 : 0)
    }

    func importMeeting(from input: SourceInput, options: ImportOptions) throws(MeetingImportError) -> ImportResult {
        guard let text = String(validating: input.bytes, as: UTF8.self) else {
            throw MeetingImportError(.undecodableText, "MINUTES v1 is UTF-8", at: SourceLocation(line: 1))
        }
        var meeting = Meeting(page: PageMetadata(source: input.fileName, format: identifier))
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let at = SourceLocation(line: n + 1)
            guard n > 0, !line.isEmpty else { continue }
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
                if item.text.hasSuffix(" [done]") { item.status = .done; item.text.removeLast(7) }
                if let due = item.text.range(of: " [due "), item.text.hasSuffix("]") {
                    item.due = CalendarDate(iso8601: item.text[due.upperBound...].dropLast())
                    item.text = String(item.text[..<due.lowerBound])
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

let page = """
MINUTES v1
title: Ops review
date: 2024-05-02
action: Ana Silva — book the room for June [due 2024-05-09]
action: Bo Chen — send the notes [done]
action: Ana Silva — draft the budget
"""

var registry = MeetingSourceRegistry()
registry.register(MinutesV1Source())
do {
    let result = try registry.importMeeting(from: SourceInput(text: page, fileName: "ops.minutes"))
    print("\(result.meeting.title) (read by \(result.sourceIdentifier))")
    for item in result.meeting.actionItems where item.status == .open {
        let owners = item.owners.map(\.name).joined(separator: ", ")
        print("- [ ] \(owners): \(item.text)" + (item.due.map { " (due \($0))" } ?? ""))
    }
} catch {
    print(error)
}
