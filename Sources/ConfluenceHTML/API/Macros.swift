// swift-meeting-notes · ConfluenceHTML

public import MeetingModel

/// A Confluence macro as the importer met it: a value snapshot, never a parser pointer.
///
/// Storage format writes macros as `<ac:structured-macro ac:name="…">` (or legacy `<ac:macro>`) with
/// `<ac:parameter>`s and a rich-text or plain-text body; exported HTML renders some of them as marked-up
/// `div`s and `span`s, which the importer maps back to the same snapshot (name `"info"`, `"expand"`,
/// `"status"`, `"jira"`, …) so one ``ConfluenceMacroHandler`` serves both forms.
public struct ConfluenceMacro: Sendable, Hashable {
    /// The macro name (`ac:name`), lower-cased: `"jira"`, `"status"`, `"expand"`.
    public var name: String
    /// Parameters by name (`ac:parameter ac:name`); the unnamed default parameter has key `""`.
    public var parameters: [String: String]
    /// The rich-text body, already converted (tasks and mentions inside it are imported as usual).
    public var body: RichText
    /// The plain-text body (`ac:plain-text-body`, e.g. a code macro's code), when there is one.
    public var plainTextBody: String?
    /// True when the macro stands inside a paragraph (status lozenge, single Jira issue).
    public var isInline: Bool
    /// Where the macro starts in the input.
    public var location: SourceLocation?

    /// Creates a macro snapshot.
    public init(name: String, parameters: [String: String] = [:], body: RichText = RichText(),
                plainTextBody: String? = nil, isInline: Bool = false, location: SourceLocation? = nil) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.plainTextBody = plainTextBody
        self.isInline = isInline
        self.location = location
    }
}

/// What a ``ConfluenceMacroHandler`` produces: content to put where the macro stood, and changes to the meeting.
public struct MeetingDraft: Sendable {
    /// The meeting being imported; handlers may add participants, attachments, decisions, diagnostics, dates.
    public var meeting: Meeting
    /// Blocks that replace a block macro (empty removes it).
    public var blocks: [Block]
    /// Inlines that replace an inline macro (empty removes it).
    public var inlines: [Inline]

    /// Creates a draft.
    public init(meeting: Meeting = Meeting(), blocks: [Block] = [], inlines: [Inline] = []) {
        self.meeting = meeting
        self.blocks = blocks
        self.inlines = inlines
    }
}

/// A plug-in that handles one macro by name, in the style of Ink's `Modifier`.
///
/// ```swift
/// let roadmap = ConfluenceMacroHandler(name: "roadmap") { macro, draft in
///     draft.blocks = [.paragraph([.text("Roadmap: " + (macro.parameters["title"] ?? ""))])]
/// }
/// let source = ConfluenceStorageSource(options: .init(macroHandlers: [roadmap]))
/// ```
/// Handlers given in options replace built-in ones of the same name. A macro no handler knows becomes a
/// `confluence.unknown-macro` diagnostic naming it, and its body is kept.
public struct ConfluenceMacroHandler: Sendable {
    /// The macro name it handles (`ac:name`, lower-cased).
    public var name: String
    /// Turns the macro into content and meeting changes.
    public var handle: @Sendable (ConfluenceMacro, inout MeetingDraft) -> Void

    /// Creates a handler.
    public init(name: String, handle: @escaping @Sendable (ConfluenceMacro, inout MeetingDraft) -> Void) {
        self.name = name.lowercased()
        self.handle = handle
    }

    /// The handlers the importer uses unless options replace them.
    public static let builtIn: [ConfluenceMacroHandler] = BuiltInMacros.all
}

/// Options shared by the Confluence sources.
public struct ConfluenceImportOptions: Sendable {
    /// Extra or replacement macro handlers (by name; these win over built-in ones).
    public var macroHandlers: [ConfluenceMacroHandler]

    /// Creates options.
    public init(macroHandlers: [ConfluenceMacroHandler] = []) {
        self.macroHandlers = macroHandlers
    }

    /// The handler table: built-ins overridden by ``macroHandlers``.
    var handlerTable: [String: ConfluenceMacroHandler] {
        guard !macroHandlers.isEmpty else { return Self.builtInTable }
        var table = Self.builtInTable
        for h in macroHandlers { table[h.name] = h }
        return table
    }

    /// Built once per process.
    static let builtInTable: [String: ConfluenceMacroHandler] = {
        var table: [String: ConfluenceMacroHandler] = [:]
        for h in ConfluenceMacroHandler.builtIn { table[h.name] = h }
        return table
    }()
}
