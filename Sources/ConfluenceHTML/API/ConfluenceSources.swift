// swift-meeting-notes · ConfluenceHTML

public import MeetingModel

/// Reads Confluence storage format: the XHTML-like markup Confluence stores a page body in
/// (`<ac:structured-macro>`, `<ac:task-list>`, `<ri:user>`), as a page body, a `<page>` export wrapper,
/// or an `entities.xml` body.
///
/// The body is not well-formed XML by itself; the importer wraps it in a root declaring the `ac:`/`ri:`
/// prefixes, resolves every HTML named entity without letting the document define entities, never loads a
/// DTD or the network, and recovers from markup errors with diagnostics.
public struct ConfluenceStorageSource: MeetingSource {
    /// `"confluence-storage"`.
    public let identifier = "confluence-storage"
    /// Macro handlers and other Confluence options.
    public var options: ConfluenceImportOptions

    /// Creates the source.
    public init(options: ConfluenceImportOptions = ConfluenceImportOptions()) { self.options = options }

    /// High for `ac:`/`ri:` markup without an `<html>` shell.
    public func confidence(for input: SourceInput) -> Double {
        Sniff.storage(input)
    }

    /// Imports a storage-format page.
    /// - Throws: `MeetingImportError` `empty-input`, `input-too-large`, or `malformed-markup` in strict mode.
    public func importMeeting(from input: SourceInput, options importOptions: ImportOptions) throws(MeetingImportError) -> ImportResult {
        try Pipeline.importPage(input, as: .storage, options: importOptions, confluence: options, identifier: identifier)
    }
}

/// Reads Confluence exported or rendered HTML: a space export page (breadcrumbs, "Space : Page" title,
/// "Created by …" line, `#main-content`, attachments box), or a rendered body (`body.view`).
public struct ConfluenceHTMLSource: MeetingSource {
    /// `"confluence-html"`.
    public let identifier = "confluence-html"
    /// Macro handlers and other Confluence options.
    public var options: ConfluenceImportOptions

    /// Creates the source.
    public init(options: ConfluenceImportOptions = ConfluenceImportOptions()) { self.options = options }

    /// High for `<!DOCTYPE html>`/`<html>` documents and `.html` files, higher still with Confluence markers.
    public func confidence(for input: SourceInput) -> Double {
        Sniff.html(input)
    }

    /// Imports an exported or rendered HTML page.
    ///
    /// Lenient mode (the default) reads any HTML as a browser would and lists libxml2's messages as diagnostics.
    /// Strict mode (`ImportOptions(strictness: .strict)`) throws at the first sign of damaged markup: an end tag
    /// that closes nothing open or the wrong element, a tag, attribute value, comment or DOCTYPE cut off, a
    /// repeated attribute, characters or character references outside Unicode's allowed range, bytes not in the
    /// declared encoding. Unknown (HTML5) tags, a misplaced `<html>`/`<body>` and an `&` without `;` never throw:
    /// a clean Confluence export imports the same in both modes.
    /// - Throws: `MeetingImportError` `empty-input`, `input-too-large`, or, in strict mode, `malformed-markup`
    ///   located at the first damage.
    public func importMeeting(from input: SourceInput, options importOptions: ImportOptions) throws(MeetingImportError) -> ImportResult {
        try Pipeline.importPage(input, as: .html, options: importOptions, confluence: options, identifier: identifier)
    }
}

/// Reads the JSON envelope of Confluence's REST API: v1 `GET /rest/api/content/{id}?expand=body.storage,…`
/// and v2 `GET /wiki/api/v2/pages/{id}?body-format=storage`.
///
/// Title, space, author, dates and labels come from the envelope; the body from `body.storage.value`
/// (or `body.view.value` / `body.export_view.value`, read as HTML); attachments from `children.attachment`.
/// A v2 tasks answer given as `ImportOptions.tasksJSON` enriches task status and assignees.
public struct ConfluenceRESTSource: MeetingSource {
    /// `"confluence-rest-json"`.
    public let identifier = "confluence-rest-json"
    /// Macro handlers and other Confluence options.
    public var options: ConfluenceImportOptions

    /// Creates the source.
    public init(options: ConfluenceImportOptions = ConfluenceImportOptions()) { self.options = options }

    /// High for a JSON object with `"body"`/`"storage"` or `"type":"page"`.
    public func confidence(for input: SourceInput) -> Double {
        Sniff.rest(input)
    }

    /// Imports a REST envelope.
    /// - Throws: `MeetingImportError` `empty-input`, or `malformed-markup` when the JSON has no page body.
    public func importMeeting(from input: SourceInput, options importOptions: ImportOptions) throws(MeetingImportError) -> ImportResult {
        try Pipeline.importPage(input, as: .rest, options: importOptions, confluence: options, identifier: identifier)
    }
}
