// swift-meeting-notes · MeetingExport

public import MeetingModel

/// The output formats of a single meeting.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// Canonical meeting JSON (`MeetingJSON`).
    case json
    /// Markdown minutes (``MarkdownExporter``).
    case markdown
    /// iCalendar events and to-dos (``ICalendarExporter``).
    case ics
    /// CSV of the action items (``ActionReport/csv()``), in document order.
    case csv
    /// JSON Lines, one action item with its meeting context per line (``ActionReport/jsonLines()``).
    case jsonl

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .json: "json"
        case .markdown: "md"
        case .ics: "ics"
        case .csv: "csv"
        case .jsonl: "jsonl"
        }
    }

    /// Renders `meeting` in this format with default options.
    public func render(_ meeting: Meeting) -> String {
        switch self {
        case .json: String(decoding: MeetingJSON.encode(meeting), as: UTF8.self) + "\n"
        case .markdown: MarkdownExporter().render(meeting)
        case .ics: ICalendarExporter().render(meeting)
        case .csv: ActionReport(rows: ActionRow.rows(of: meeting)).csv()
        case .jsonl: ActionReport(rows: ActionRow.rows(of: meeting)).jsonLines()
        }
    }
}

/// JSON Lines of whole meetings: one compact canonical meeting object per line.
public enum MeetingJSONLines {
    /// One line per meeting, in the order given.
    public static func render(_ meetings: [Meeting]) -> String {
        meetings.map { String(decoding: MeetingJSON.encode($0, pretty: false), as: UTF8.self) + "\n" }.joined()
    }

    /// Reads meetings back, one per non-empty line.
    /// - Throws: `MeetingImportError` `malformed-markup` located at the first bad line, with the column of the
    ///   damage within it (see `MeetingJSON.decode(_:)`).
    public static func decode(_ text: String) throws(MeetingImportError) -> [Meeting] {
        var out: [Meeting] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy({ $0 == " " || $0 == "\r" }) {
            do {
                out.append(try MeetingJSON.decode(Array(line.utf8)))
            } catch {
                // The line's own location is line 1; the column within it stays.
                var e = error
                e.location = SourceLocation(line: n + 1, column: error.location?.column ?? 1)
                throw e
            }
        }
        return out
    }
}
