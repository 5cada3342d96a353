// swift-meeting-notes · MeetingNotes (umbrella)

@_exported import MeetingModel
@_exported import MeetingExport

extension MeetingSourceRegistry {
    /// A registry with every built-in source, in priority order (earlier wins ties).
    ///
    /// Contains ``MeetingJSONSource`` (canonical meeting JSON, `schemaVersion` at the top).
    /// Importers of Confluence pages and plain text join it as their modules land.
    public static var standard: MeetingSourceRegistry {
        MeetingSourceRegistry([
            MeetingJSONSource(),
        ])
    }
}
