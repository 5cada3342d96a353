// swift-meeting-notes · MeetingExport

public import MeetingModel

/// Reads canonical meeting JSON (`MeetingJSON`): a JSON object with a top-level `"schemaVersion"`.
///
/// Lets tools read back what they exported (`meeting-notes convert --format json`) and lets caches of
/// imported pages be reported on without re-importing them.
public struct MeetingJSONSource: MeetingSource {
    /// Creates the source.
    public init() {}

    /// `"meeting-json"`.
    public var identifier: String { "meeting-json" }

    /// 0.95 when the input is a JSON object naming a `"schemaVersion"` key (the canonical encoder sorts
    /// keys, so in a large meeting the key stands anywhere: the whole object is scanned, once, linearly);
    /// 0.2 for other JSON objects in a `.json` file; 0 otherwise.
    public func confidence(for input: SourceInput) -> Double {
        let bytes = input.bytes[...]
        var start = bytes.startIndex
        // Skip a UTF-8 byte-order mark and white space.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        while start < bytes.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.endIndex, bytes[start] == UInt8(ascii: "{") else { return 0 }
        if contains(bytes[start...], Array("\"schemaVersion\"".utf8)) { return 0.95 }
        return input.fileExtension == "json" ? 0.2 : 0
    }

    /// Decodes the meeting; `ImportResult.isMeeting` is true when it has an agenda, participants or
    /// action items.
    /// - Throws: `MeetingImportError` `malformed-markup` when the JSON is not a canonical meeting, with the
    ///   line and column of the damage (see `MeetingJSON.decode(_:)`; a leading byte-order mark is not counted),
    ///   the file name and the source identifier.
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
