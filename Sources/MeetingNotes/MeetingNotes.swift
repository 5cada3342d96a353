// swift-meeting-notes · MeetingNotes (umbrella)
//
// `import MeetingNotes` gives the model, the exporters and every built-in importer.

@_exported import MeetingModel
@_exported import MeetingExport
@_exported import PlainTextImport

extension MeetingSourceRegistry {
    /// A registry with every built-in source. Each input goes to the most confident source; ties go to
    /// the earlier one in this list:
    ///
    /// 1. ``MeetingJSONSource`` (`meeting-json`): canonical meeting JSON.
    /// 2. `PlainTextSource` (`plain-text`): pasted or PDF-extracted text.
    public static var standard: MeetingSourceRegistry {
        MeetingSourceRegistry([
            MeetingJSONSource(),
            PlainTextSource(),
        ])
    }
}
