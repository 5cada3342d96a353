// swift-meeting-notes · MeetingNotes (umbrella)
//
// `import MeetingNotes` gives the model, the exporters and every built-in importer.

@_exported import MeetingModel
@_exported import MeetingExport
@_exported import PlainTextImport
@_exported import ConfluenceHTML

extension MeetingSourceRegistry {
    /// A registry with every built-in source. Each input goes to the most confident source; ties go to
    /// the earlier one in this list:
    ///
    /// 1. `ConfluenceStorageSource` (`confluence-storage`): storage-format XHTML (`ac:`/`ri:` markup).
    /// 2. `ConfluenceHTMLSource` (`confluence-html`): exported or rendered Confluence HTML.
    /// 3. `ConfluenceRESTSource` (`confluence-rest-json`): REST API JSON envelopes.
    /// 4. ``MeetingJSONSource`` (`meeting-json`): canonical meeting JSON.
    /// 5. `PlainTextSource` (`plain-text`): pasted or PDF-extracted text.
    ///
    /// ```swift
    /// var registry = MeetingSourceRegistry.standard
    /// registry.register(MyWikiSource())
    /// let result = try registry.importMeeting(from: SourceInput(contentsOf: url))
    /// ```
    public static var standard: MeetingSourceRegistry {
        MeetingSourceRegistry([
            ConfluenceStorageSource(),
            ConfluenceHTMLSource(),
            ConfluenceRESTSource(),
            MeetingJSONSource(),
            PlainTextSource(),
        ])
    }
}
