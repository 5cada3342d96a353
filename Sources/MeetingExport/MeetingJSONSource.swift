// swift-meeting-notes · MeetingExport

public import MeetingModel

/// Reads canonical meeting JSON (``MeetingJSON``): a JSON object with a top-level `"schemaVersion"`.
///
/// Lets tools read back what they exported (`meeting-notes convert --format json`) and lets caches of
/// imported pages be reported on without re-importing them.
public struct MeetingJSONSource: MeetingSource {
    /// Creates the source.
    public init() {}

    /// `"meeting-json"`.
    public var identifier: String { "meeting-json" }

    /// 0.95 when the input is a JSON object naming `"schemaVersion"` in its first or last 4 KB (the
    /// canonical encoder sorts keys, so a large meeting names it near the end); 0.2 for other JSON objects
    /// in a `.json` file; 0 otherwise.
    public func confidence(for input: SourceInput) -> Double {
        let head = input.prefix(4096)
        var start = head.startIndex
        // Skip a UTF-8 byte-order mark and white space.
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        while start < head.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(head[start]) { start += 1 }
        guard start < head.endIndex, head[start] == UInt8(ascii: "{") else { return 0 }
        let needle = Array("\"schemaVersion\"".utf8)
        if contains(head[start...], needle) { return 0.95 }
        if input.bytes.count > head.count,
           contains(input.bytes[max(head.count, input.bytes.count - 4096)...], needle) { return 0.95 }
        return input.fileExtension == "json" ? 0.2 : 0
    }

    /// Decodes the meeting; ``ImportResult/isMeeting`` is true when it has an agenda, participants or
    /// action items.
    /// - Throws: ``MeetingImportError`` `malformed-markup` when the JSON is not a canonical meeting.
    public func importMeeting(from input: SourceInput, options: ImportOptions) throws(MeetingImportError) -> ImportResult {
        var bytes = input.bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var meeting: Meeting
        do {
            meeting = try MeetingJSON.decode(bytes)
        } catch {
            var e = error
            e.file = input.fileName
            e.sourceIdentifier = identifier
            throw e
        }
        if meeting.page.source == nil { meeting.page.source = input.fileName }
        if meeting.timeZone == nil { meeting.timeZone = options.defaultTimeZone }
        let isMeeting = !meeting.agenda.isEmpty || !meeting.participants.isEmpty || !meeting.actionItems.isEmpty
        return ImportResult(meeting: meeting, sourceIdentifier: identifier, isMeeting: isMeeting)
    }

    private func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
