// swift-meeting-notes · MeetingModel

/// A meeting as recorded on one notes page, in any of the forms an importer reads.
///
/// Every importer (``MeetingSource``) produces this one model, so the same meeting read from
/// Confluence storage format, exported HTML or pasted text compares equal in what each form carries.
/// Its canonical JSON form (``MeetingJSON``) is a public contract, documented in `Docs/JSONContract.md`.
public struct Meeting: Sendable, Hashable, Codable {
    /// The page title, markup stripped ("DM Leadership Team Face-to-Face Meeting, 2019-10-28 to 30").
    public var title: String
    /// The first day of the meeting.
    public var startDate: CalendarDate?
    /// The last day of the meeting (equal to ``startDate`` for a one-day meeting).
    public var endDate: CalendarDate?
    /// IANA time zone of the agenda's wall-clock times, when known ("America/Los_Angeles").
    public var timeZone: String?
    /// Where the meeting takes place.
    public var location: String?
    /// Free titled sections (Logistics, Date, Accommodation, Goals, …) in document order.
    public var sections: [Section]
    /// The participants, one entry per person, duplicates merged.
    public var participants: [Person]
    /// The agenda, one entry per day.
    public var agenda: [AgendaDay]
    /// Every action item of the page in document order, also those inside agenda items
    /// (their ``ActionItem/agendaItem`` says which).
    public var actionItems: [ActionItem]
    /// Decisions recorded on the page.
    public var decisions: [Decision]
    /// Files attached to the page.
    public var attachments: [Attachment]
    /// Topics proposed before the meeting ("Pre-meeting planning").
    public var planningTopics: [PlanningTopic]
    /// The page's task-report summary ("Looking good, no incomplete tasks."), when it has one.
    public var taskSummary: String?
    /// Page metadata: space, author, dates, labels, source.
    public var page: PageMetadata
    /// What the importer noticed and could not place or understand, with locations.
    public var diagnostics: [Diagnostic]

    /// Creates a meeting.
    public init(title: String = "", startDate: CalendarDate? = nil, endDate: CalendarDate? = nil,
                timeZone: String? = nil, location: String? = nil, sections: [Section] = [],
                participants: [Person] = [], agenda: [AgendaDay] = [], actionItems: [ActionItem] = [],
                decisions: [Decision] = [], attachments: [Attachment] = [], planningTopics: [PlanningTopic] = [],
                taskSummary: String? = nil, page: PageMetadata = PageMetadata(), diagnostics: [Diagnostic] = []) {
        self.title = title
        self.startDate = startDate
        self.endDate = endDate
        self.timeZone = timeZone
        self.location = location
        self.sections = sections
        self.participants = participants
        self.agenda = agenda
        self.actionItems = actionItems
        self.decisions = decisions
        self.attachments = attachments
        self.planningTopics = planningTopics
        self.taskSummary = taskSummary
        self.page = page
        self.diagnostics = diagnostics
    }

    /// All agenda items of all days, in order.
    public var agendaItems: [AgendaItem] { agenda.flatMap(\.items) }

    /// The agenda item a reference points at, if it exists.
    public func agendaItem(_ reference: AgendaItemReference) -> AgendaItem? {
        guard let day = agenda.first(where: { $0.day == reference.day }),
              day.items.indices.contains(reference.index) else { return nil }
        return day.items[reference.index]
    }

    /// The action items recorded under one agenda item, in document order.
    public func actionItems(in reference: AgendaItemReference) -> [ActionItem] {
        actionItems.filter { $0.agendaItem == reference }
    }

    /// The participant that `person` names (by identifier, name or alias), if any.
    public func participant(matching person: Person) -> Person? {
        participants.first { $0.isSamePerson(as: person) }
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, title, startDate, endDate, timeZone, location, sections, participants, agenda,
             actionItems, decisions, attachments, planningTopics, taskSummary, page, diagnostics
    }

    /// Decodes the canonical JSON form (see ``MeetingJSON``); absent optional keys read as their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let v = try c.decodeIfPresent(Int.self, forKey: .schemaVersion), v > MeetingJSON.schemaVersion {
            throw DecodingError.dataCorruptedError(forKey: .schemaVersion, in: c,
                debugDescription: "schemaVersion \(v) is newer than this library's \(MeetingJSON.schemaVersion)")
        }
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        startDate = try c.decodeIfPresent(CalendarDate.self, forKey: .startDate)
        endDate = try c.decodeIfPresent(CalendarDate.self, forKey: .endDate)
        timeZone = try c.decodeIfPresent(String.self, forKey: .timeZone)
        location = try c.decodeIfPresent(String.self, forKey: .location)
        sections = try c.decodeIfPresent([Section].self, forKey: .sections) ?? []
        participants = try c.decodeIfPresent([Person].self, forKey: .participants) ?? []
        agenda = try c.decodeIfPresent([AgendaDay].self, forKey: .agenda) ?? []
        actionItems = try c.decodeIfPresent([ActionItem].self, forKey: .actionItems) ?? []
        decisions = try c.decodeIfPresent([Decision].self, forKey: .decisions) ?? []
        attachments = try c.decodeIfPresent([Attachment].self, forKey: .attachments) ?? []
        planningTopics = try c.decodeIfPresent([PlanningTopic].self, forKey: .planningTopics) ?? []
        taskSummary = try c.decodeIfPresent(String.self, forKey: .taskSummary)
        page = try c.decodeIfPresent(PageMetadata.self, forKey: .page) ?? PageMetadata()
        diagnostics = try c.decodeIfPresent([Diagnostic].self, forKey: .diagnostics) ?? []
    }

    /// Encodes the canonical JSON form (see ``MeetingJSON``).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(MeetingJSON.schemaVersion, forKey: .schemaVersion)
        try c.encode(title, forKey: .title)
        try c.encode(startDate, forKey: .startDate)
        try c.encode(endDate, forKey: .endDate)
        try c.encode(timeZone, forKey: .timeZone)
        try c.encode(location, forKey: .location)
        try c.encode(sections, forKey: .sections)
        try c.encode(participants, forKey: .participants)
        // Agenda items carry their action items in JSON, as the contract says; the model keeps one list.
        var agendaC = c.nestedUnkeyedContainer(forKey: .agenda)
        for day in agenda {
            try agendaC.encode(AgendaDayJSON(day: day, actions: actionItems))
        }
        try c.encode(actionItems, forKey: .actionItems)
        try c.encode(decisions, forKey: .decisions)
        try c.encode(attachments, forKey: .attachments)
        try c.encode(planningTopics, forKey: .planningTopics)
        try c.encode(taskSummary, forKey: .taskSummary)
        try c.encode(page, forKey: .page)
        try c.encode(diagnostics, forKey: .diagnostics)
    }
}

/// A titled section of free content ("Logistics", "Accommodation", "Goals").
public struct Section: Sendable, Hashable, Codable {
    /// The heading text, markup stripped.
    public var title: String
    /// Heading level 1...6 (0 when the form has no levels).
    public var level: Int
    /// The section's own content (subsections are separate entries).
    public var content: RichText
    /// Where the heading stands in the input.
    public var location: SourceLocation?

    /// Creates a section.
    public init(title: String, level: Int = 0, content: RichText = RichText(), location: SourceLocation? = nil) {
        self.title = title
        self.level = level
        self.content = content
        self.location = location
    }

    enum CodingKeys: String, CodingKey { case title, level, content, line, column }
    /// Decodes the canonical JSON form (see ``MeetingJSON``); absent optional keys read as their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        level = try c.decodeIfPresent(Int.self, forKey: .level) ?? 0
        content = try c.decodeIfPresent(RichText.self, forKey: .content) ?? RichText()
        location = try SourceLocation.decode(from: c, line: .line, column: .column)
    }
    /// Encodes the canonical JSON form (see ``MeetingJSON``).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(level, forKey: .level)
        try c.encode(content, forKey: .content)
        try c.encode(location?.line, forKey: .line)
        try c.encode(location?.column, forKey: .column)
    }
}

/// One day of a (possibly multi-day) agenda.
public struct AgendaDay: Sendable, Hashable, Codable {
    /// 1-based day number.
    public var day: Int
    /// The day's date, when known.
    public var date: CalendarDate?
    /// The day's heading as written ("Day 1: 2019-10-28"), when there was one.
    public var title: String?
    /// The day's items in order.
    public var items: [AgendaItem]

    /// Creates an agenda day.
    public init(day: Int, date: CalendarDate? = nil, title: String? = nil, items: [AgendaItem] = []) {
        self.day = day
        self.date = date
        self.title = title
        self.items = items
    }
}

/// JSON shape of an agenda day: items with their action items inline.
struct AgendaDayJSON: Encodable {
    let day: AgendaDay
    let actions: [ActionItem]
    enum CodingKeys: String, CodingKey { case day, date, title, items }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(day.day, forKey: .day)
        try c.encode(day.date, forKey: .date)
        try c.encode(day.title, forKey: .title)
        var items = c.nestedUnkeyedContainer(forKey: .items)
        for (index, item) in day.items.enumerated() {
            let ref = AgendaItemReference(day: day.day, index: index)
            try items.encode(AgendaItemJSON(item: item, actions: actions.filter { $0.agendaItem == ref }))
        }
    }
}

/// What kind of slot an agenda item is.
public enum AgendaItemKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A working session, talk or discussion.
    case session
    /// A coffee break.
    case `break`
    /// Lunch, dinner, breakfast.
    case meal
    /// A social event, visit or outing.
    case social
    /// Anything else (opening, close, travel).
    case other
}

/// Identifies an agenda item by its 1-based day and 0-based position within the day.
public struct AgendaItemReference: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// 1-based day number (``AgendaDay/day``).
    public var day: Int
    /// 0-based index in the day's ``AgendaDay/items``.
    public var index: Int
    /// Creates a reference.
    public init(day: Int, index: Int) {
        self.day = day
        self.index = index
    }
    /// "day 2, item 5" (1-based item for people).
    public var description: String { "day \(day), item \(index + 1)" }
    /// Orders by day, then position within the day.
    public static func < (a: Self, b: Self) -> Bool { (a.day, a.index) < (b.day, b.index) }
}

/// One slot of an agenda.
public struct AgendaItem: Sendable, Hashable, Codable {
    /// Local wall-clock start time, when the row has one.
    public var start: LocalTime?
    /// Local wall-clock end time, when known (the next item's start, or written).
    public var end: LocalTime?
    /// The topic ("Middleware status").
    public var topic: String
    /// What kind of slot it is.
    public var kind: AgendaItemKind
    /// The chairs or presenters.
    public var chairs: [Person]
    /// The discussion-topics cell: what was planned.
    public var discussion: RichText
    /// The notes cell: what was said and decided.
    public var notes: RichText
    /// Where the row stands in the input.
    public var location: SourceLocation?

    /// Creates an agenda item.
    public init(start: LocalTime? = nil, end: LocalTime? = nil, topic: String, kind: AgendaItemKind = .session,
                chairs: [Person] = [], discussion: RichText = RichText(), notes: RichText = RichText(),
                location: SourceLocation? = nil) {
        self.start = start
        self.end = end
        self.topic = topic
        self.kind = kind
        self.chairs = chairs
        self.discussion = discussion
        self.notes = notes
        self.location = location
    }

    enum CodingKeys: String, CodingKey {
        case start, end, topic, kind, chairs, discussion, notes, line, column, actionItems
    }
    /// Decodes the canonical JSON form (see ``MeetingJSON``); absent optional keys read as their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        start = try c.decodeIfPresent(LocalTime.self, forKey: .start)
        end = try c.decodeIfPresent(LocalTime.self, forKey: .end)
        topic = try c.decodeIfPresent(String.self, forKey: .topic) ?? ""
        kind = try c.decodeIfPresent(AgendaItemKind.self, forKey: .kind) ?? .session
        chairs = try c.decodeIfPresent([Person].self, forKey: .chairs) ?? []
        discussion = try c.decodeIfPresent(RichText.self, forKey: .discussion) ?? RichText()
        notes = try c.decodeIfPresent(RichText.self, forKey: .notes) ?? RichText()
        location = try SourceLocation.decode(from: c, line: .line, column: .column)
    }
    /// Encodes the canonical JSON form (see ``MeetingJSON``).
    public func encode(to encoder: any Encoder) throws {
        try AgendaItemJSON(item: self, actions: []).encode(to: encoder)
    }
}

struct AgendaItemJSON: Encodable {
    let item: AgendaItem
    let actions: [ActionItem]
    func encode(to encoder: any Encoder) throws {
        typealias K = AgendaItem.CodingKeys
        var c = encoder.container(keyedBy: K.self)
        try c.encode(item.start, forKey: .start)
        try c.encode(item.end, forKey: .end)
        try c.encode(item.topic, forKey: .topic)
        try c.encode(item.kind, forKey: .kind)
        try c.encode(item.chairs, forKey: .chairs)
        try c.encode(item.discussion, forKey: .discussion)
        try c.encode(item.notes, forKey: .notes)
        try c.encode(item.location?.line, forKey: .line)
        try c.encode(item.location?.column, forKey: .column)
        try c.encode(actions, forKey: .actionItems)
    }
}

/// Whether an action item is still to do.
public enum ActionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not done.
    case open
    /// Done (a checked task, a ✓).
    case done
    /// The page does not say.
    case unknown
}

/// Something someone agreed to do: a task, or an "Owner — do X. 18 Nov 2019" sentence in notes.
public struct ActionItem: Sendable, Hashable, Codable {
    /// The people who own it.
    public var owners: [Person]
    /// Groups named as owners ("the DM-SST", "Architecture team"), kept as written.
    public var groups: [String]
    /// What is to be done, owners, due date and ticket residue removed.
    public var text: String
    /// The due date.
    public var due: CalendarDate?
    /// Done, open or unknown.
    public var status: ActionStatus
    /// Jira issue keys that belong to it ("DM-22368").
    public var tickets: [String]
    /// The agenda item it was recorded under, if any.
    public var agendaItem: AgendaItemReference?
    /// The title of the section it stands in, when not in an agenda item.
    public var section: String?
    /// Confluence task id (`ac:task-id` / `data-inline-task-id`), when it is a task.
    public var taskID: String?
    /// Where it stands in the input.
    public var location: SourceLocation?

    /// Creates an action item.
    public init(owners: [Person] = [], groups: [String] = [], text: String, due: CalendarDate? = nil,
                status: ActionStatus = .open, tickets: [String] = [], agendaItem: AgendaItemReference? = nil,
                section: String? = nil, taskID: String? = nil, location: SourceLocation? = nil) {
        self.owners = owners
        self.groups = groups
        self.text = text
        self.due = due
        self.status = status
        self.tickets = tickets
        self.agendaItem = agendaItem
        self.section = section
        self.taskID = taskID
        self.location = location
    }

    enum CodingKeys: String, CodingKey {
        case owners, groups, text, due, status, tickets, agendaItem, section, taskId, line, column
    }
    /// Decodes the canonical JSON form (see ``MeetingJSON``); absent optional keys read as their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        owners = try c.decodeIfPresent([Person].self, forKey: .owners) ?? []
        groups = try c.decodeIfPresent([String].self, forKey: .groups) ?? []
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        due = try c.decodeIfPresent(CalendarDate.self, forKey: .due)
        status = try c.decodeIfPresent(ActionStatus.self, forKey: .status) ?? .unknown
        tickets = try c.decodeIfPresent([String].self, forKey: .tickets) ?? []
        agendaItem = try c.decodeIfPresent(AgendaItemReference.self, forKey: .agendaItem)
        section = try c.decodeIfPresent(String.self, forKey: .section)
        taskID = try c.decodeIfPresent(String.self, forKey: .taskId)
        location = try SourceLocation.decode(from: c, line: .line, column: .column)
    }
    /// Encodes the canonical JSON form (see ``MeetingJSON``).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(owners, forKey: .owners)
        try c.encode(groups, forKey: .groups)
        try c.encode(text, forKey: .text)
        try c.encode(due, forKey: .due)
        try c.encode(status, forKey: .status)
        try c.encode(tickets, forKey: .tickets)
        try c.encode(agendaItem, forKey: .agendaItem)
        try c.encode(section, forKey: .section)
        try c.encodeIfPresent(taskID, forKey: .taskId)
        try c.encode(location?.line, forKey: .line)
        try c.encode(location?.column, forKey: .column)
    }
}

/// A decision recorded on the page (Cloud decision lists, a "Decisions" section).
public struct Decision: Sendable, Hashable, Codable {
    /// The decision's text.
    public var text: String
    /// `"decided"` or `"undecided"` when the form says, else `nil`.
    public var state: String?
    /// Where it stands in the input.
    public var location: SourceLocation?
    /// Creates a decision.
    public init(text: String, state: String? = nil, location: SourceLocation? = nil) {
        self.text = text
        self.state = state
        self.location = location
    }
    enum CodingKeys: String, CodingKey { case text, state, line, column }
    /// Decodes the canonical JSON form (see ``MeetingJSON``); absent optional keys read as their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        state = try c.decodeIfPresent(String.self, forKey: .state)
        location = try SourceLocation.decode(from: c, line: .line, column: .column)
    }
    /// Encodes the canonical JSON form (see ``MeetingJSON``).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(state, forKey: .state)
        try c.encode(location?.line, forKey: .line)
        try c.encode(location?.column, forKey: .column)
    }
}

/// A file attached to the page.
public struct Attachment: Sendable, Hashable, Codable {
    /// The file name ("LDM-692 Verification Control Document DMLT-F2F Oct 2019.pdf").
    public var fileName: String
    /// The type as the page words it ("PDF File", "Microsoft Powerpoint Presentation") or a media type.
    public var fileType: String?
    /// The day it was last modified.
    public var modified: CalendarDate?
    /// Who last modified it.
    public var modifiedBy: Person?
    /// The attachment's comment ("SQuaRE slides").
    public var comment: String?
    /// The file's IANA media type ("application/pdf", "image/jpeg"), when the source names one: the Attachments
    /// box of a Confluence export, the REST API's `mediaType`. Independent of ``fileType``, which keeps the
    /// page's own wording.
    public var mediaType: String?
    /// The "Modified" cell as the page writes it ("Mar 08, 2024 by Dmitri Volkov"); ``modified`` and
    /// ``modifiedBy`` are read from it.
    public var modifiedText: String?

    /// Creates an attachment.
    public init(fileName: String, fileType: String? = nil, modified: CalendarDate? = nil,
                modifiedBy: Person? = nil, comment: String? = nil, mediaType: String? = nil,
                modifiedText: String? = nil) {
        self.fileName = fileName
        self.fileType = fileType
        self.modified = modified
        self.modifiedBy = modifiedBy
        self.comment = comment
        self.mediaType = mediaType
        self.modifiedText = modifiedText
    }
    enum CodingKeys: String, CodingKey { case fileName, fileType, modified, modifiedBy, comment, mediaType, modifiedText }
    /// Encodes the canonical JSON form (see ``MeetingJSON``).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(fileName, forKey: .fileName)
        try c.encode(fileType, forKey: .fileType)
        try c.encode(modified, forKey: .modified)
        try c.encode(modifiedBy, forKey: .modifiedBy)
        try c.encode(comment, forKey: .comment)
        try c.encode(mediaType, forKey: .mediaType)
        try c.encode(modifiedText, forKey: .modifiedText)
    }
}

/// A duration in whole minutes.
public struct TimeRequired: Sendable, Hashable, Codable {
    /// Minutes.
    public var minutes: Int
    /// Creates a duration.
    public init(minutes: Int) { self.minutes = minutes }
}

/// A topic proposed before the meeting (a "Pre-meeting planning" table row).
public struct PlanningTopic: Sendable, Hashable, Codable {
    /// The proposed topic.
    public var topic: String
    /// Who asked for it.
    public var requestedBy: [Person]
    /// The time asked for, when it is a duration ("30 mins").
    public var timeRequired: TimeRequired?
    /// The time-required cell as written ("30 minurtes", "Wed AM?").
    public var timeRequiredText: String?
    /// The notes cell.
    public var notes: RichText

    /// Creates a planning topic.
    public init(topic: String, requestedBy: [Person] = [], timeRequired: TimeRequired? = nil,
                timeRequiredText: String? = nil, notes: RichText = RichText()) {
        self.topic = topic
        self.requestedBy = requestedBy
        self.timeRequired = timeRequired
        self.timeRequiredText = timeRequiredText
        self.notes = notes
    }
    enum CodingKeys: String, CodingKey { case topic, requestedBy, timeRequired, timeRequiredText, notes }
    /// Encodes the canonical JSON form (see ``MeetingJSON``).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(topic, forKey: .topic)
        try c.encode(requestedBy, forKey: .requestedBy)
        try c.encode(timeRequired, forKey: .timeRequired)
        try c.encode(timeRequiredText, forKey: .timeRequiredText)
        try c.encode(notes, forKey: .notes)
    }
}

/// Facts about the page rather than the meeting: where it came from, who wrote it, when.
public struct PageMetadata: Sendable, Hashable, Codable {
    /// Confluence page id, when known.
    public var pageID: String?
    /// Space key or name.
    public var space: String?
    /// The page's author.
    public var author: Person?
    /// Who last modified it.
    public var lastModifiedBy: Person?
    /// Created, as a calendar date.
    public var created: CalendarDate?
    /// Last modified, as a calendar date.
    public var lastModified: CalendarDate?
    /// Page labels.
    public var labels: [String]
    /// The file name or URL the page was read from.
    public var source: String?
    /// Identifier of the ``MeetingSource`` that read it ("plain-text", "confluence-storage").
    public var format: String?

    /// Creates page metadata.
    public init(pageID: String? = nil, space: String? = nil, author: Person? = nil, lastModifiedBy: Person? = nil,
                created: CalendarDate? = nil, lastModified: CalendarDate? = nil, labels: [String] = [],
                source: String? = nil, format: String? = nil) {
        self.pageID = pageID
        self.space = space
        self.author = author
        self.lastModifiedBy = lastModifiedBy
        self.created = created
        self.lastModified = lastModified
        self.labels = labels
        self.source = source
        self.format = format
    }
    enum CodingKeys: String, CodingKey {
        case pageId, space, author, lastModifiedBy, created, lastModified, labels, source, format
    }
    /// Decodes the canonical JSON form (see ``MeetingJSON``); absent optional keys read as their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pageID = try c.decodeIfPresent(String.self, forKey: .pageId)
        space = try c.decodeIfPresent(String.self, forKey: .space)
        author = try c.decodeIfPresent(Person.self, forKey: .author)
        lastModifiedBy = try c.decodeIfPresent(Person.self, forKey: .lastModifiedBy)
        created = try c.decodeIfPresent(CalendarDate.self, forKey: .created)
        lastModified = try c.decodeIfPresent(CalendarDate.self, forKey: .lastModified)
        labels = try c.decodeIfPresent([String].self, forKey: .labels) ?? []
        source = try c.decodeIfPresent(String.self, forKey: .source)
        format = try c.decodeIfPresent(String.self, forKey: .format)
    }
    /// Encodes the canonical JSON form (see ``MeetingJSON``).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pageID, forKey: .pageId)
        try c.encode(space, forKey: .space)
        try c.encode(author, forKey: .author)
        try c.encode(lastModifiedBy, forKey: .lastModifiedBy)
        try c.encode(created, forKey: .created)
        try c.encode(lastModified, forKey: .lastModified)
        try c.encode(labels, forKey: .labels)
        try c.encode(source, forKey: .source)
        try c.encode(format, forKey: .format)
    }
}
