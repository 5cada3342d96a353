// swift-meeting-notes · ConfluenceHTML

internal import MeetingModel
internal import MeetingRecognizers

/// What a heading announces, recognised by its text (several Confluence versions and languages).
enum HeadingRole: Equatable {
    case date, participants, goals, agenda, actionItems, decisions, relatedMaterials, attachments, planning, location
    case day(Int, CalendarDate?)
    case other

    static let synonyms: [(HeadingRole, [String])] = [
        (.date, ["date", "dates", "date and time", "date & time", "when", "datum", "fecha", "fecha y hora", "data", "meeting date"]),
        (.participants, ["attendees", "participants", "team members", "members", "attendance", "present", "who", "teilnehmer", "teilnehmende",
                         "participantes", "asistentes", "participants list", "invitees"]),
        (.goals, ["goals", "goal", "objectives", "purpose", "ziele", "objetivos", "meeting goals", "demo goal"]),
        (.agenda, ["discussion items", "discussion topics", "agenda", "topics", "tagesordnung", "orden del día",
                   "temas de discusión", "puntos de discusión", "ordre du jour", "demo agenda", "meeting agenda"]),
        (.actionItems, ["action items", "action item summary", "actions", "action points", "next steps", "to do",
                        "todo", "aufgaben", "tareas", "elementos de acción", "task report"]),
        (.decisions, ["decisions", "decisions made", "key decisions", "entscheidungen", "decisiones", "décisions"]),
        (.relatedMaterials, ["related materials", "related pages", "resources", "materials", "links"]),
        (.attachments, ["attached documents", "attachments", "attached files", "files", "slides", "anhänge", "adjuntos"]),
        (.location, ["location", "venue", "where", "place", "ort", "lugar", "lieu", "meeting location"]),
        (.planning, ["pre-meeting planning", "pre meeting planning", "planning", "proposed topics"]),
    ]

    /// Classifies heading text: emoji and punctuation ignored, case folded.
    static func classify(_ text: String, referenceYear: Int?) -> HeadingRole {
        let key = normalizedKey(text)
        if key.hasPrefix("day "), let n = Int(key.dropFirst(4).prefix { $0.isNumber }) {
            return .day(n, Recognize.firstDate(in: text, referenceYear: referenceYear))
        }
        return synonymIndex[key] ?? .other
    }

    /// ``synonyms`` as one dictionary: each word names the first role that lists it (what a scan of the list in
    /// order answers), looked up with one hash instead of comparing the key with every word.
    static let synonymIndex: [String: HeadingRole] = {
        var index: [String: HeadingRole] = [:]
        for (role, words) in synonyms {
            for w in words where index[w] == nil { index[w] = role }
        }
        return index
    }()

    /// The plain definition of the synonym look-up in ``classify(_:referenceYear:)``: the first role listing `key`.
    static func scannedSynonym(_ key: String) -> HeadingRole? {
        for (role, words) in synonyms where words.contains(key) { return role }
        return nil
    }

    static func normalizedKey(_ text: String) -> String {
        // Headings and header cells are short; longer text is never a key (keeps this linear and cheap).
        guard text.utf8.count <= 80 else { return "" }
        return asciiNormalizedKey(text) ?? characterNormalizedKey(text)
    }

    /// ``normalizedKey(_:)`` by its definition on `Character`s (any text up to 80 bytes).
    static func characterNormalizedKey(_ text: String) -> String {
        var out = ""
        var lastSpace = true
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "&" || ch == "-" {
                out.append(ch)
                lastSpace = false
            } else if ch.isWhitespace || ch == "_" || ch == "/" {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            }
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    /// ``normalizedKey(_:)`` of ASCII text, on bytes (nil for other text). For ASCII the `Character` rules
    /// are: letters A–Z/a–z and digits 0–9 kept (lower-cased), "&" and "-" kept, white space (tab to carriage
    /// return, space; "\r\n" is one `Character` but also white space), "_" and "/" one space, the rest dropped.
    static func asciiNormalizedKey(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var lastSpace = true
        for b in text.utf8 {
            switch b {
            case 0x80...: return nil
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "&"), UInt8(ascii: "-"):
                out.append(b)
                lastSpace = false
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                out.append(b | 0x20)
                lastSpace = false
            case 0x09...0x0D, 0x20, UInt8(ascii: "_"), UInt8(ascii: "/"):
                if !lastSpace { out.append(0x20) }
                lastSpace = true
            default:
                break
            }
        }
        while out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Strips leading emoji and symbols from a heading ("📅 Date" → "Date").
    static func cleanTitle(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, !(f.isLetter || f.isNumber || f == "(" || f == "\"") { s.removeFirstCharacter() }
        while let l = s.last, l == ":" || l == " " || l.isWhitespace { s.removeLastCharacter() }
        return String(s)
    }
}

/// Column meaning in a meeting table.
enum ColumnRole { case time, topic, chair, discussion, notes, duration, requestedBy, timeRequired, file, modified, action, due, other }

func columnRole(_ header: String) -> ColumnRole {
    let k = HeadingRole.normalizedKey(header)
    if k.isEmpty { return .other }
    if k.hasPrefix("time required") || k.hasPrefix("time needed") { return .timeRequired }
    if k.hasPrefix("requested by") || k == "requester" || k == "proposed by" { return .requestedBy }
    if k.hasPrefix("time") || k == "when" || k == "hora" || k == "zeit" || k == "start" || k == "slot" { return .time }
    if k.hasPrefix("duration") || k == "length" || k == "mins" || k == "minutes" || k == "dauer" { return .duration }
    if k.hasPrefix("discussion") || k == "description" || k == "details" || k == "purpose" { return .discussion }
    if k.hasPrefix("notes") || k.hasPrefix("note") || k == "minutes" || k == "outcome" || k == "outcomes"
        || k == "comments" || k == "notizen" || k == "notas" { return .notes }
    if k == "action" || k == "actions" || k == "action item" || k == "action items" || k == "task" || k == "tasks"
        || k == "to do" || k == "todo" { return .action }
    if k == "due" || k == "due date" || k == "deadline" || k == "by when" || k == "fecha límite" || k == "fällig" { return .due }
    if k == "assignee" || k == "assigned to" { return .chair }
    if k == "item" || k == "items" || k == "topic" || k == "topics" || k == "торіс" || k == "subject" || k == "session"
        || k == "thema" || k == "tema" || k == "agenda item" || k == "what" { return .topic }
    if k == "who" || k == "chair" || k == "chairs" || k == "presenter" || k == "presenters" || k == "speaker"
        || k == "speakers" || k == "lead" || k == "owner" || k == "moderator" || k == "responsible" || k == "ponente"
        || k == "leader" { return .chair }
    if k == "file" || k == "name" || k == "file name" { return .file }
    if k == "modified" || k == "last modified" || k == "date modified" { return .modified }
    return .other
}

/// Applies meeting semantics to the converted page.
struct MeetingBuilder {
    var conv: Converter
    var sections: [Section] = []
    var agenda: [AgendaDay] = []
    var planning: [PlanningTopic] = []
    var attachments: [Attachment] = []
    var prose: [ActionItem] = []
    var roles: [HeadingRole] = []
    var currentRole: HeadingRole = .other
    var currentDay: Int?
    /// Index in ``agenda`` of each day number (day numbers are unique there): no scan per agenda row.
    var dayIndex: [Int: Int] = [:]
    var sawAgendaHeader = false
    var tableCount = 0
    /// The last few distinct chairs lists, to hand the same array to every agenda item they chair (the same
    /// presenters run a session or a day): one buffer instead of one per row. Equal values, same output.
    var chairLists: [[Person]] = []

    init(converter: Converter) { self.conv = converter }

    /// `chairs`, or an equal array already held by an earlier agenda item.
    mutating func shared(chairs: [Person]) -> [Person] {
        guard !chairs.isEmpty else { return chairs }
        // Newest first; `==` on people whose strings are shared (TextMemo, user links) is mostly pointer checks.
        for i in chairLists.indices.reversed() where chairLists[i] == chairs { return chairLists[i] }
        if chairLists.count == 2 { chairLists.removeFirst() }
        chairLists.append(chairs)
        return chairs
    }

    /// People read from each distinct run of text, for ``people(in:)`` (one import, one thread).
    final class NameCache {
        var people: [String: [Person]] = [:]

        /// The ``FoldedKeys`` of each person met, kept by this thread across imports (the same few people recur
        /// on every row of a page and on every page of a space): folding a person's names again, which allocates
        /// and for non-ASCII names goes through `lowercased()` and `Character`s, is done once per thread.
        let table = PersonKeyTable.forCurrentThread()

        /// `p.matchKeys`, folded once per distinct person, as ids of ``table``.
        func matchKeys(_ p: Person) -> FoldedKeys { table.keys(p) }

        /// The last recogniser built and the participants it knows: rebuilt only when they change.
        var recognizer: (participants: [Person], options: ImportOptions, recognizer: ActionItemRecognizer)?

        func recognizer(options: ImportOptions, participants: [Person]) -> ActionItemRecognizer {
            if let r = recognizer, r.participants == participants, r.options == options { return r.recognizer }
            let made = ActionItemRecognizer(options: options, participants: participants)
            recognizer = (participants, options, made)
            return made
        }
    }
    let nameCache = NameCache()

    var tree: MarkupTree { conv.tree }

    /// Walks the content root's top-level blocks (descending into layouts and plain containers).
    mutating func walk(_ root: Int) {
        var pending: [Int] = tree.children(root).reversed()
        var run: [Int] = []   // consecutive inline/text nodes at top level
        func flushRun(_ b: inout MeetingBuilder, _ run: inout [Int]) {
            guard !run.isEmpty else { return }
            var inl: [Inline] = []
            for n in run { b.conv.appendInlines(n, to: &inl) }
            run.removeAll()
            let normal = Converter.normalize(inl)
            if !normal.isEmpty { b.append([.paragraph(normal)]) }
        }
        while let n = pending.popLast() {
            if tree.isText(n) { run.append(n); continue }
            let name = tree.name(n)
            if isContainer(n) {
                flushRun(&self, &run)
                pending.append(contentsOf: tree.children(n).reversed())
                continue
            }
            if !conv.isBlock(n) { run.append(n); continue }
            flushRun(&self, &run)
            switch name {
            case "h1", "h2", "h3", "h4", "h5", "h6":
                heading(n, level: Int(name.dropFirst()) ?? 1)
            case "table":
                table(n)
            default:
                append(conv.block(n))
            }
        }
        flushRun(&self, &run)
    }

    func isContainer(_ n: Int) -> Bool {
        let name = tree.name(n)
        switch name {
        case "ac:confluence", "ac:layout", "ac:layout-section", "ac:layout-cell", "section", "article", "main", "body", "html", "center", "tbody":
            return true
        case "div":
            if conv.dialect == .html, tree.classRange(n) != nil {
                let t = tree
                if t.hasClassPrefix("confluence-information-macro", n) || t.hasClass("expand-container", n)
                    || t.hasClass("panel", n) || t.hasClassPrefix("toc-macro", n) || t.hasClass("client-side-toc-macro", n)
                    || t.hasClass("plugin-tabmeta-details", n) || t.hasClass("code", n) {
                    return false
                }
            }
            return true
        case "ac:structured-macro", "ac:macro":
            // Layout-like macros whose body is page content.
            let m = conv.macroName(n)
            return m == "section" || m == "column"
        default:
            return false
        }
    }

    mutating func append(_ blocks: [Block]) {
        guard !blocks.isEmpty else { return }
        if sections.isEmpty { sections.append(Section(title: "", level: 0)); roles.append(.other) }
        sections[sections.count - 1].content.blocks += blocks
    }

    mutating func heading(_ n: Int, level: Int) {
        let raw = Inline.plainText(Converter.normalize(conv.inlineChildren(n)))
        let title = HeadingRole.cleanTitle(raw)
        if title.isEmpty && raw.isEmpty { return }
        let role = HeadingRole.classify(title, referenceYear: conv.options.referenceYear)
        if case .day(let number, let date) = role {
            startDay(number: number, date: date, title: title)
            currentRole = .agenda
            conv.section = title
            return
        }
        roles.append(role)
        currentRole = role
        sections.append(Section(title: title.isEmpty ? raw : title, level: level, location: tree.location(n)))
        conv.section = title
    }

    mutating func startDay(number: Int, date: CalendarDate?, title: String) {
        if let i = dayIndex[number] {
            if agenda[i].date == nil { agenda[i].date = date }
        } else {
            dayIndex[number] = agenda.count
            agenda.append(AgendaDay(day: number, date: date, title: title))
        }
        currentDay = number
    }

    // MARK: Tables

    mutating func table(_ n: Int) {
        tableCount += 1
        let grid = conv.grid(n)
        guard !grid.isEmpty else { return }
        // Header row: the first row whose cells read as column names.
        var headerIndex: Int?
        var roles: [ColumnRole] = []
        for (i, row) in grid.prefix(3).enumerated() {
            let r = row.map { columnRole(tree.textContent($0.node)) }
            let known = Set(r.filter { $0 != .other })
            if known.count >= 2 { headerIndex = i; roles = r; break }
        }
        let roleSet = Set(roles)
        defer { append(conv.tableStrays(n)) }
        if let h = headerIndex {
            if roleSet.contains(.requestedBy) || (currentRole == .planning && roleSet.contains(.topic)) {
                planningTable(grid, header: h, roles: roles, node: n)
                return
            }
            if roleSet.contains(.action) && (roleSet.contains(.chair) || roleSet.contains(.due)) && !roleSet.contains(.time) {
                actionTable(grid, header: h, roles: roles, node: n)
                return
            }
            if roleSet.contains(.file) && roleSet.contains(.modified) {
                attachmentsTable(grid, header: h, roles: roles, node: n)
                return
            }
            if roleSet.contains(.topic) && (roleSet.contains(.time) || roleSet.contains(.chair) || roleSet.contains(.notes)
                || roleSet.contains(.discussion)) {
                agendaTable(grid, header: h, roles: roles, node: n)
                return
            }
        }
        if tree.hasClass("attachments", n) || tree.attribute("id", of: n)?.hasPrefix("attachments") == true {
            attachmentsTable(grid, header: 0, roles: [.file, .modified], node: n)
            return
        }
        let converted = [Block.table(TableBlock(rows: grid.map { row in
            row.map { TableCell(content: RichText(conv.cellBlocks($0.node, first: $0.isOrigin)), isHeader: $0.isHeader) }
        }))]
        // A two-column key/value table (page properties) may carry the date and participants.
        if case .table(let t)? = converted.first { propertiesTable(t) }
        append(converted)
    }

    /// Reads Date / Attendees / Goals rows of a two-column key/value table.
    mutating func propertiesTable(_ t: TableBlock) {
        guard t.rows.allSatisfy({ $0.count == 2 }) else { return }
        for row in t.rows {
            let key = HeadingRole.classify(HeadingRole.cleanTitle(row[0].content.plainText), referenceYear: nil)
            let value = row[1].content
            switch key {
            case .date:
                if conv.draft.meeting.startDate == nil, let d = firstDate(value) {
                    conv.draft.meeting.startDate = d
                }
            case .participants:
                addParticipants(from: value)
            default: break
            }
        }
    }

    func firstDate(_ text: RichText) -> CalendarDate? {
        var found: CalendarDate?
        visitInlines(text) { i in if found == nil, case .date(let d, _) = i { found = d } }
        return found ?? Recognize.firstDate(in: text.plainText, referenceYear: conv.options.referenceYear)
    }

    mutating func agendaTable(_ grid: [[Converter.GridCell]], header: Int, roles: [ColumnRole], node: Int) {
        sawAgendaHeader = true
        if currentDay == nil {
            let date = conv.draft.meeting.startDate
            startDay(number: (agenda.last?.day ?? 0) + 1, date: date, title: nil ?? "")
            if let day = currentDay, let i = dayIndex[day], agenda[i].title == "" { agenda[i].title = nil }
        }
        // Rows above the header may name the day ("Day 1: 2019-10-28").
        for row in grid.prefix(header) { dayRow(row) }
        let savedSection = conv.section
        var recognizer: ActionItemRecognizer?
        for row in grid.dropFirst(header + 1) {
            if dayRow(row) { continue }
            // More than one distinct cell in the row (`row[0]` is read only when the row has a cell).
            let severalCells = row.contains { $0.node != row[0].node }
            guard let dayNumber = currentDay, let dayIndex = dayIndex[dayNumber] else { continue }
            let ref = AgendaItemReference(day: dayNumber, index: agenda[dayIndex].items.count)
            conv.agendaItem = ref
            var item = AgendaItem(topic: "", location: tree.location(row.first?.node ?? node))
            var leftovers: [Block] = []
            for (col, cell) in row.enumerated() {
                let role = col < roles.count ? roles[col] : .other
                switch role {
                case .time:
                    if cell.isOrigin {
                        let written = tree.textContent(cell.node)
                        let (s, e) = Recognize.times(in: written)
                        item.start = s
                        item.end = e
                        // A duration ("10 min") or other text in the time column is kept, not dropped.
                        if s == nil, !written.isEmpty {
                            leftovers.append(.paragraph([.text((minutes(in: written) != nil ? "Duration: " : "Time: ") + written)]))
                        }
                    }
                case .topic:
                    item.topic = tree.textContent(cell.node)
                    // A cell of text alone converts to one paragraph at most, with no effect: nothing is left over.
                    if cell.isOrigin, tree.children(cell.node).contains(where: { !tree.isText($0) }) {
                        // Topic cells may hold more than a title (lists, tasks): keep the rest.
                        let b = conv.blocks(of: cell.node)
                        if b.count > 1 { leftovers += b.dropFirst() }
                    }
                case .chair:
                    item.chairs = shared(chairs: people(in: RichText(conv.blocks(of: cell.node))))
                case .discussion:
                    if cell.isOrigin { conv.appendBlocks(of: cell.node, to: &item.discussion.blocks) }
                case .notes:
                    if cell.isOrigin { conv.appendBlocks(of: cell.node, to: &item.notes.blocks) }
                case .duration:
                    if cell.isOrigin { conv.appendBlocks(of: cell.node, to: &leftovers) }
                default:
                    if cell.isOrigin, severalCells { conv.appendBlocks(of: cell.node, to: &leftovers) }
                }
            }
            if !leftovers.isEmpty { item.notes.blocks += leftovers }
            if item.topic.isEmpty && item.start == nil && item.chairs.isEmpty && item.notes.isEmpty && item.discussion.isEmpty {
                continue
            }
            if item.topic.isEmpty, let first = item.discussion.blocks.first { item.topic = first.plainText }
            item.kind = kind(of: item.topic)
            agenda[dayIndex].items.append(item)
            if recognizer == nil, !item.notes.isEmpty { recognizer = self.recognizer }
            for var a in proseActions(in: item.notes, agendaItem: ref, section: nil, recognizer: recognizer) {
                a.location = item.location
                prose.append(a)
            }
        }
        conv.agendaItem = nil
        conv.section = savedSection
    }

    /// A row that is one spanning cell reading "Day N …": switches the current day.
    @discardableResult
    mutating func dayRow(_ row: [Converter.GridCell]) -> Bool {
        guard let first = row.first, row.allSatisfy({ $0.node == first.node }) else { return false }
        let text = tree.textContent(first.node)
        if case .day(let n, let d) = HeadingRole.classify(HeadingRole.cleanTitle(text), referenceYear: conv.options.referenceYear) {
            startDay(number: n, date: d, title: text)
            return true
        }
        return false
    }

    static let mealWords = ["lunch", "dinner", "breakfast", "meal"].map { Array($0.utf8) }
    static let breakWords = ["break", "coffee", "refreshment", "pause"].map { Array($0.utf8) }
    static let socialWords = ["visit", "reception", "social", "drinks", "excursion", "tour", "beer", "party"].map { Array($0.utf8) }
    static let otherPrefixes = ["close", "adjourn", "travel", "registration", "end of"].map { Array($0.utf8) }

    func kind(of topic: String) -> AgendaItemKind {
        // The bytes of `topic.lowercased()` (which maps scalar by scalar), built without a String: ASCII folded
        // in place, other scalars through their lowercase mapping.
        var t: [UInt8] = []
        t.reserveCapacity(topic.utf8.count)
        for scalar in topic.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                t.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 0x20) : UInt8(v))
            } else {
                t.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        func has(_ words: [[UInt8]]) -> Bool { words.contains { containsBytes(t, $0) } }
        func starts(_ words: [[UInt8]]) -> Bool { words.contains { t.starts(with: $0) } }
        if has(Self.mealWords) { return .meal }
        if has(Self.breakWords) { return .break }
        if has(Self.socialWords) { return .social }
        if starts(Self.otherPrefixes) { return .other }
        return .session
    }

    mutating func planningTable(_ grid: [[Converter.GridCell]], header: Int, roles: [ColumnRole], node: Int) {
        let saved = conv.section
        for row in grid.dropFirst(header + 1) {
            var topic = PlanningTopic(topic: "")
            for (col, cell) in row.enumerated() where cell.isOrigin {
                let role = col < roles.count ? roles[col] : .other
                switch role {
                case .topic: topic.topic = tree.textContent(cell.node)
                case .requestedBy: topic.requestedBy = people(in: RichText(conv.blocks(of: cell.node)))
                case .timeRequired, .time, .duration:
                    let text = tree.textContent(cell.node)
                    if !text.isEmpty {
                        topic.timeRequiredText = text
                        topic.timeRequired = minutes(in: text).map(TimeRequired.init(minutes:))
                    }
                default: topic.notes.blocks += conv.blocks(of: cell.node)
                }
            }
            if topic.topic.isEmpty && topic.requestedBy.isEmpty && topic.notes.isEmpty { continue }
            planning.append(topic)
        }
        conv.section = saved
    }

    func minutes(in text: String) -> Int? {
        let lower = text.lowercased()
        let digits = lower.prefix { $0.isNumber || $0 == " " }.filter(\.isNumber)
        guard let n = Int(digits) else { return nil }
        let rest = lower.drop { $0.isNumber || $0 == " " }
        if rest.hasPrefix("h") { return n * 60 }
        if rest.hasPrefix("m") { return n }
        return nil
    }

    mutating func attachmentsTable(_ grid: [[Converter.GridCell]], header: Int, roles: [ColumnRole], node: Int) {
        for row in grid.dropFirst(header + 1) {
            var file: String?
            var type: String?
            var modifiedText = ""
            var comment: String?
            var modifiedBy: Person?
            for (col, cell) in row.enumerated() where cell.isOrigin {
                let role = col < roles.count ? roles[col] : .other
                switch role {
                case .file:
                    // Rendered: <img title="PDF File"> <a>name.pdf</a>; or text "PDF File name.pdf".
                    if let img = tree.first(below: cell.node, where: { tree.name($0) == "img" || tree.name($0) == "span" && tree.attribute("title", of: $0) != nil }) {
                        type = tree.attribute("title", of: img) ?? tree.attribute("alt", of: img)
                    }
                    if let a = tree.first(below: cell.node, named: "a") {
                        file = tree.textContent(a)
                    } else {
                        file = tree.textContent(cell.node)
                    }
                    if let c = tree.first(below: cell.node, where: { tree.hasClass("attachment-comment", $0) || tree.hasClass("comment", $0) }) {
                        comment = tree.textContent(c)
                    }
                case .modified:
                    modifiedText = tree.textContent(cell.node)
                    if let m = tree.first(below: cell.node, where: { tree.hasClass("confluence-userlink", $0) || tree.hasClass("user-mention", $0) }) {
                        modifiedBy = conv.htmlPerson(m)
                    }
                default: break
                }
            }
            guard var name = file, !name.isEmpty else { continue }
            if type == nil {
                for prefix in ["Microsoft Powerpoint Presentation ", "Microsoft Word Document ", "Microsoft Excel Spreadsheet ",
                               "PDF File ", "JPEG File ", "PNG File ", "Text File ", "Zip Archive ", "File "] where name.hasPrefix(prefix) {
                    type = String(prefix.dropLast())
                    name = String(name.dropFirst(prefix.count))
                    break
                }
            }
            var attachment = modifiedAttachment(name: name, type: type, modified: modifiedText, comment: comment)
            if let modifiedBy { attachment.modifiedBy = modifiedBy }
            attachments.append(attachment)
        }
    }

    /// An "Action | Owner | Due date" table: one action item per row; the table stays in the section too.
    mutating func actionTable(_ grid: [[Converter.GridCell]], header: Int, roles: [ColumnRole], node: Int) {
        let tasksBefore = conv.tasks.count
        let table = TableBlock(rows: grid.map { row in
            row.map { TableCell(content: RichText(conv.cellBlocks($0.node, first: $0.isOrigin)), isHeader: $0.isHeader) }
        })
        append([.table(table)])
        // Rows holding tasks are already action items (the tasks).
        let taskRows = Set(conv.tasks[tasksBefore...].map(\.location.line))
        for (index, row) in table.rows.enumerated().dropFirst(header + 1) {
            var text = ""
            var owners: [Person] = []
            var due: CalendarDate?
            var tickets: [String] = []
            for (col, cell) in row.enumerated() {
                let role = col < roles.count ? roles[col] : .other
                switch role {
                case .action where text.isEmpty:
                    var inl: [Inline] = []
                    for b in cell.content.blocks { if case .paragraph(let i) = b { inl += inl.isEmpty ? i : [.text(" ")] + i } }
                    text = Self.cleanActionText(Self.recognizerText(inl.filter { if case .ticket = $0 { false } else { true } }))
                    tickets = Self.structuralTickets(inl)
                case .chair: owners += people(in: cell.content)
                case .due: due = firstDate(cell.content)
                default: break
                }
            }
            let location = tree.location(grid[index].first?.node ?? node)
            guard !text.isEmpty, !taskRows.contains(location.line) else { continue }
            prose.append(ActionItem(owners: owners, text: text, due: due, status: .unknown, tickets: tickets,
                                    section: conv.section, location: location))
        }
    }

    /// "Oct 28, 2019 by Jeff Kantor" → date and person.
    func modifiedAttachment(name: String, type: String?, modified: String, comment: String?) -> Attachment {
        var by: Person?
        var dateText = modified
        // The cell as written, with the space the markup implies ("<span>Mar 11, 2024</span><span>by</span> …").
        var written = collapseWhitespace(Array(modified.utf8)[...], trim: true)
        if let r = modified.firstRange(of: " by ") ?? modified.firstRange(of: "by ") {
            by = Recognize.person(String(modified[r.upperBound...]))
            dateText = String(modified[..<r.lowerBound])
            let date = collapseWhitespace(Array(dateText.utf8)[...], trim: true)
            let who = collapseWhitespace(Array(modified[r.upperBound...].utf8)[...], trim: true)
            written = date.isEmpty ? "by " + who : date + " by " + who
        }
        return Attachment(fileName: name, fileType: type, modified: Recognize.firstDate(in: dateText), modifiedBy: by,
                          comment: comment, modifiedText: written.isEmpty ? nil : written)
    }

    // MARK: People

    /// People in a cell or list: mentions first, then names in the remaining text.
    func people(in text: RichText) -> [Person] {
        var result: [Person] = []
        var resultKeys = MatchIndex()
        let cache = nameCache
        func add(_ p: Person) {
            // Keys folded once per person (not once per pair): exactly `isSamePerson`, see `Person.MatchKeys`.
            let k = cache.matchKeys(p)
            if !resultKeys.contains(matching: k) {
                result.append(p)
                resultKeys.append(k)
            }
        }
        // Text beside mentions is often a role ("…, project lead"): only names count as people (`candidate`).
        func fromInlines(_ inlines: [Inline]) {
            var textRun = ""
            var pendingMention: Int?
            for i in inlines {
                switch i {
                case .mention(let p):
                    flushText(&textRun)
                    add(p)
                    pendingMention = result.count - 1
                case .text(let t):
                    let trimmed = t.trimmingSpaces()
                    if let m = pendingMention, trimmed.utf8.first == UInt8(ascii: "("), trimmed.lowercased().hasPrefix("(remote") {
                        result[m].attendance = .remote
                        textRun += String(trimmed.drop { $0 != ")" }.dropFirst())
                    } else {
                        textRun += t
                    }
                case .emphasis(_, let inner), .link(_, let inner):
                    textRun += Inline.plainText(inner)
                default: break
                }
            }
            flushText(&textRun)
        }
        func flushText(_ s: inout String) {
            guard !s.isEmpty else { return }
            // The names a text holds depend on the text alone; chair cells repeat (spanned rows, the same
            // presenters all day), so each distinct text is read once per import.
            if let known = nameCache.people[s] {
                for p in known { add(p) }
                s = ""
                return
            }
            var found: [Person] = []
            func candidate(_ p: Person) {
                if p.unresolved || Recognize.looksLikeName(p.name) { found.append(p) }
            }
            for name in Recognize.splitNames(s) {
                let clean = name.trimmingSpaces()
                guard clean.count > 1, clean.contains(where: \.isLetter) else { continue }
                if let colon = clean.firstIndex(of: ":") {   // "Context Expert: Paul Pacheco"
                    let after = String(clean[clean.index(after: colon)...]).trimmingSpaces()
                    if !after.isEmpty { candidate(Recognize.person(after)) }
                    continue
                }
                candidate(Recognize.person(clean))
            }
            nameCache.people[s] = found
            for p in found { add(p) }
            s = ""
        }
        func visit(_ blocks: [Block]) {
            for b in blocks {
                switch b {
                case .paragraph(let i): fromInlines(i)
                case .list(let l): for item in l.items { visit(item.blocks) }
                case .table(let t): for row in t.rows { for c in row { visit(c.content.blocks) } }
                case .panel(let p): visit(p.content.blocks)
                default: break
                }
            }
        }
        visit(text.blocks)
        return result
    }

    mutating func addParticipants(from text: RichText) {
        let cache = nameCache   // closures below capture the cache, not a copy of the whole builder
        var keys = MatchIndex(conv.draft.meeting.participants.map(cache.matchKeys))
        for p in people(in: text) {
            let k = cache.matchKeys(p)
            if let i = keys.firstIndex(matching: k) {
                if conv.draft.meeting.participants[i].attendance == .unknown { conv.draft.meeting.participants[i].attendance = p.attendance }
            } else {
                conv.draft.meeting.participants.append(p)
                keys.append(k)
            }
        }
    }

    // MARK: Action items

    /// The shared action-item recogniser, knowing the participants met so far.
    var recognizer: ActionItemRecognizer {
        nameCache.recognizer(options: conv.options, participants: conv.draft.meeting.participants)
    }

    /// "Owner — do something. 18 Nov 2019" lines (list items or paragraphs that are not tasks), read by the
    /// shared ``ActionItemRecognizer`` from the text of each line; mentions on the line resolve its owners.
    func proseActions(in text: RichText, agendaItem: AgendaItemReference?, section: String?,
                      recognizer given: ActionItemRecognizer? = nil) -> [ActionItem] {
        var out: [ActionItem] = []
        // The nested functions below capture these, not `self`: a closure formed from a function that captures
        // the builder copies the whole builder each time (once per line: 1.4 % of `actions` over storage pages).
        let cache = nameCache
        let options = conv.options
        let participants = conv.draft.meeting.participants
        // Built when a line may hold an action sentence (indexing the participants is dear; most lines hold none).
        var made = given
        func recognizer() -> ActionItemRecognizer {
            if let made { return made }
            let r = cache.recognizer(options: options, participants: participants)
            made = r
            return r
        }
        func consider(_ inlines: [Inline]) {
            guard var a = Self.actionFromProse(inlines, cache: cache, recognizer: recognizer) else { return }
            a.agendaItem = agendaItem
            a.section = agendaItem == nil ? section : nil
            out.append(a)
        }
        func visit(_ blocks: [Block]) {
            for b in blocks {
                switch b {
                case .paragraph(let i): consider(i)
                case .list(let l):
                    for item in l.items where item.checked == nil {
                        if case .paragraph(let i)? = item.blocks.first {
                            let before = out.count
                            consider(i)
                            // A following item that only completes the one before ("18 Dec 2019", a ticket).
                            if out.count == before, !out.isEmpty {
                                var last = out[out.count - 1]
                                var r = RecognizedActionItem(owners: last.owners, groups: last.groups, text: last.text,
                                                             due: last.due, status: last.status, tickets: last.tickets)
                                if recognizer().absorb(Self.recognizerText(i), into: &r) {
                                    last.due = r.due
                                    last.tickets = r.tickets
                                    out[out.count - 1] = last
                                }
                            }
                        }
                        visit(Array(item.blocks.dropFirst()))
                    }
                case .panel(let p): visit(p.content.blocks)
                default: break
                }
            }
        }
        visit(text.blocks)
        return out
    }

    /// The text the recognisers read for a run of inlines: mentions as names, dates as written.
    static func recognizerText(_ inlines: [Inline], skipJiraSummary: Bool = true) -> String {
        var s = ""
        var afterTicket = false
        for i in inlines {
            if skipJiraSummary, afterTicket, case .text(let t) = i, t.hasPrefix(" - ") {
                afterTicket = false
                continue   // a rendered Jira summary, not part of the sentence
            }
            afterTicket = false
            switch i {
            case .mention(let p):
                // A mention no directory resolved is named by its raw key or username, which reads as no
                // name at all; spell it the way Confluence renders such users so the sentence still parses.
                s += p.unresolved && !PersonRecognizer.looksLikeName(p.name) ? "Unknown User (\(p.name))" : p.name
            case .date(let d, let text): s += text.isEmpty ? d.description : text
            case .ticket(let k): s += k; afterTicket = true
            case .status: s += " "
            case .link(let target, let inner):
                if target.containsBytes("/browse/"), let key = Recognize.keyCandidates(in: target).last {
                    s += key
                    afterTicket = true
                } else {
                    s += Inline.plainText(inner)
                }
            case .emphasis(_, let inner): s += recognizerText(inner, skipJiraSummary: skipJiraSummary)
            case .lineBreak: s += " "
            default: s += i.plainText
            }
        }
        return s
    }

    /// Keys of Jira macros and `/browse/` links among the inlines: tickets by construction.
    static func structuralTickets(_ inlines: [Inline]) -> [String] {
        var keys: [String] = []
        visitInlines(inlines) { i in
            switch i {
            case .ticket(let k): if !keys.contains(k) { keys.append(k) }
            case .link(let target, _):
                if target.containsBytes("/browse/") {
                    for k in Recognize.keyCandidates(in: target) where !keys.contains(k) { keys.append(k) }
                }
            default: break
            }
        }
        return keys
    }

    static func actionFromProse(_ inlines: [Inline], cache: NameCache,
                                recognizer: () -> ActionItemRecognizer) -> ActionItem? {
        let text = Self.recognizerText(inlines)
        guard Self.mayHoldActionSentence(text), let r = recognizer().recognize(text) else { return nil }
        var a = r.actionItem()
        let mentions = Self.mentionsIn(inlines, cache: cache)
        a.owners = r.owners.map { owner in
            let k = cache.matchKeys(owner)
            return mentions.first { cache.matchKeys($0).matches(k) || $0.name == owner.name } ?? owner
        }
        for k in Self.structuralTickets(inlines) where !a.tickets.contains(k) { a.tickets.append(k) }
        if a.due == nil { a.due = Self.firstDateInline(inlines) }
        if a.status == .unknown { a.status = .open }
        return a
    }

    /// False only when `text` has none of the bytes an action sentence's mark starts with: "-", 0xE2 (the lead
    /// byte of "–", "—" and U+2000) or " to ". The shared recogniser finds nothing in such text
    /// (`ActionItemRecognizer.recognizeAll` returns no item before looking at owners), so it need not be built.
    static func mayHoldActionSentence(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { u in
            let n = u.count
            var i = 0
            while i < n {
                let b = u[i]
                if b == 0x2D || b == 0xE2 { return true }
                if b == 0x74, i > 0, i + 2 < n, u[i - 1] == 0x20, u[i + 1] == 0x6F, u[i + 2] == 0x20 { return true }
                i += 1
            }
            return false
        }
    }

    func mentionsIn(_ inlines: [Inline]) -> [Person] { Self.mentionsIn(inlines, cache: nameCache) }

    /// The distinct people mentioned in `inlines`, in order (the first of each person).
    static func mentionsIn(_ inlines: [Inline], cache: NameCache) -> [Person] {
        var found: [Person] = []
        var keys: [FoldedKeys] = []
        visitInlines(inlines) { i in
            guard case .mention(let p) = i else { return }
            let k = cache.matchKeys(p)
            if !keys.contains(where: { $0.matches(k) }) {
                found.append(p)
                keys.append(k)
            }
        }
        return found
    }

    static func firstDateInline(_ inlines: [Inline]) -> CalendarDate? {
        var found: CalendarDate?
        visitInlines(inlines) { i in if found == nil, case .date(let d, _) = i { found = d } }
        return found
    }

    /// An action item from a task: owners = mentions (else an owner phrase the recogniser reads), due =
    /// the date, tickets = Jira macros, links and keys in ticket context; the text is the residue. `recognizer` is
    /// asked for only when the task mentions no owner.
    func action(from task: TaskRecord, recognizer: () -> ActionItemRecognizer) -> ActionItem {
        let cache = nameCache   // closures below capture the cache, not a copy of the whole builder
        var owners = mentionsIn(task.inlines)
        let ownerKeys = owners.map(cache.matchKeys)
        var due = Self.firstDateInline(task.inlines)
        var tickets = Self.structuralTickets(task.inlines)
        // Text without the owner mentions, dates and Jira macros.
        var body: [Inline] = []
        var afterTicket = false
        for i in task.inlines {
            if afterTicket, case .text(let t) = i, t.hasPrefix(" - ") { afterTicket = false; continue }
            afterTicket = false
            switch i {
            case .mention(let p) where ownerKeys.contains(where: { $0.matches(cache.matchKeys(p)) }) && body.allSatisfy({ $0.plainText.trimmingSpaces().isEmpty }):
                continue
            case .date: continue
            case .ticket: afterTicket = true; continue
            case .status: continue
            case .link(let target, _) where target.containsBytes("/browse/"): afterTicket = true; continue
            default: body.append(i)
            }
        }
        var text = Self.recognizerText(body)
        if owners.isEmpty, let r = recognizer().recognize(text), !r.owners.isEmpty {
            // "Unknown User (x) — do it" or "Ana Ortiz — do it" written as text.
            owners = r.owners
            text = r.text
            if due == nil { due = r.due }
            for k in r.tickets where !tickets.contains(k) { tickets.append(k) }
        } else if owners.isEmpty {
            let trimmed = text.trimmingSpaces()
            if trimmed.hasPrefix("Unknown User ("), let close = trimmed.firstIndex(of: ")") {
                owners.append(Recognize.person(String(trimmed[...close])))
                text = String(trimmed[trimmed.index(after: close)...])
            }
        }
        let dateRecognizer = Recognize.dates(conv.options.referenceYear, conv.options.numericDateOrder)
        if due == nil, let m = dateRecognizer.lastDate(in: text) {
            due = m.start
            text = String(text[..<m.range.lowerBound]) + String(text[m.range.upperBound...])
        }
        let extracted = TicketRecognizer(knownProjectKeys: conv.options.knownProjectKeys).extract(from: text)
        for k in extracted.tickets where !tickets.contains(k) { tickets.append(k) }
        var a = ActionItem(owners: owners, text: Self.cleanActionText(extracted.text), due: due, status: task.status,
                           tickets: tickets)
        a.taskID = task.id
        a.agendaItem = task.agendaItem
        a.section = task.agendaItem == nil ? task.section : nil
        a.location = task.location
        return a
    }

    static func cleanActionText(_ s: String) -> String {
        // Substring slicing (no copy per dropped character). An ASCII byte next to an ASCII neighbour is a
        // Character of its own, so those ends are decided on bytes; anything else compares `Character`s, so
        // the result is what removing them one `Character` at a time gives.
        let trimmed = s.trimmingSpacesAndNewlines()
        var t = Substring(trimmed)
        while let f = t.utf8.first {
            if f < 0x80 {
                guard f == 0x2D || f == 0x3A || f == 0x20 else { break }   // "-", ":", " "
                let next = t.utf8.index(after: t.utf8.startIndex)
                if next == t.utf8.endIndex || t.utf8[next] < 0x80 { t = t[next...]; continue }
            }
            guard let c = t.first, c == "—" || c == "–" || c == "-" || c == ":" || c == " " else { break }
            t.removeFirstCharacter()
        }
        while let l = t.utf8.last {
            if l < 0x80 {
                guard l == 0x20 || l == 0x2D || l == 0x2C || l == 0x2E || l == 0x3B else { break }   // " ", "-", ",", ".", ";"
                let last = t.utf8.index(before: t.utf8.endIndex)
                if last == t.utf8.startIndex || t.utf8[t.utf8.index(before: last)] < 0x80 { t = t[..<last]; continue }
            }
            guard let c = t.last, c == " " || c == "-" || c == "—" || c == "," || c == "." || c == ";" else { break }
            t.removeLastCharacter()
        }
        // Runs of spaces collapse to one; two spaces in a row are needed for anything to change.
        func hasDoubleSpace(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
            var previousSpace = false
            for b in u {
                if b == 0x20 {
                    if previousSpace { return true }
                    previousSpace = true
                } else {
                    previousSpace = false
                }
            }
            return false
        }
        let double = t.utf8.withContiguousStorageIfAvailable(hasDoubleSpace) ?? Array(t.utf8).withUnsafeBufferPointer(hasDoubleSpace)
        guard double else { return t.startIndex == trimmed.startIndex && t.endIndex == trimmed.endIndex ? trimmed : String(t) }
        var collapsed = ""
        collapsed.reserveCapacity(t.utf8.count)
        var lastSpace = false
        for ch in t {
            if ch == " " { if !lastSpace { collapsed.append(ch) }; lastSpace = true } else { collapsed.append(ch); lastSpace = false }
        }
        return collapsed
    }
}

/// Byte-level substring test (no Foundation, no grapheme work).
func containsBytes(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    haystack.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { containsBytes(h, $0) } }
}

/// Byte-level substring test on buffers.
func containsBytes(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
    var i = 0
    let last = haystack.count - needle.count
    while i <= last {
        if haystack[i] == needle[0] {
            var k = 1
            while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        i += 1
    }
    return false
}

/// Every inline of `inlines` and, depth first, of their children (what `visitInlines(RichText([.paragraph(inlines)]))`
/// visits, without building the rich text).
func visitInlines(_ inlines: [Inline], _ f: (Inline) -> Void) {
    for x in inlines {
        f(x)
        switch x {
        case .emphasis(_, let inner), .link(_, let inner): visitInlines(inner, f)
        default: break
        }
    }
}

func visitInlines(_ text: RichText, _ f: (Inline) -> Void) {
    func inl(_ i: [Inline]) {
        for x in i {
            f(x)
            switch x {
            case .emphasis(_, let inner), .link(_, let inner): inl(inner)
            default: break
            }
        }
    }
    func blocks(_ bs: [Block]) {
        for b in bs {
            switch b {
            case .paragraph(let i), .heading(_, let i): inl(i)
            case .list(let l): for item in l.items { blocks(item.blocks) }
            case .table(let t): for row in t.rows { for c in row { blocks(c.content.blocks) } }
            case .panel(let p): blocks(p.content.blocks)
            case .code: break
            }
        }
    }
    blocks(text.blocks)
}

extension StringProtocol {
    func trimming(_ chars: String) -> String {
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s.removeFirstCharacter() }
        while let l = s.last, chars.contains(l) { s.removeLastCharacter() }
        return String(s)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        components(separatedBy: target).joined(separator: replacement)
    }
}

extension String {
    /// Substring test on UTF-8 bytes (cheap; no Foundation).
    func containsBytes(_ needle: String) -> Bool {
        var n = needle
        return n.withUTF8 { nb in
            var h = self
            return h.withUTF8 { ConfluenceHTML.containsBytes($0, nb) }
        }
    }
    func containsBytes(_ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { nb in
            var h = self
            return h.withUTF8 { ConfluenceHTML.containsBytes($0, nb) }
        }
    }
}
