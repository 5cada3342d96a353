// swift-meeting-notes · ConfluenceHTML

internal import MeetingModel
internal import MeetingRecognizers

/// From a parsed tree to an ``ImportResult``: shared by the three sources.
enum Pipeline {
    static let maxInputBytes = 64 << 20

    static func check(_ input: SourceInput, identifier: String) throws(MeetingImportError) {
        if input.bytes.isEmpty || input.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw MeetingImportError(.emptyInput, "the input is empty", file: input.fileName, sourceIdentifier: identifier)
        }
        if input.bytes.count > maxInputBytes {
            throw MeetingImportError(.inputTooLarge, "the input is larger than \(maxInputBytes >> 20) MiB",
                                     file: input.fileName, sourceIdentifier: identifier)
        }
    }

    /// What a source reads: a storage-format body, an exported or rendered HTML page, or a REST envelope.
    enum PageKind { case storage, html, rest }

    /// The import every source runs: checks the input, then reads it as `kind`.
    static func importPage(_ input: SourceInput, as kind: PageKind, options: ImportOptions, confluence: ConfluenceImportOptions,
                           identifier: String) throws(MeetingImportError) -> ImportResult {
        try check(input, identifier: identifier)
        var info = PageInfo()
        info.metadata.source = input.fileName
        switch kind {
        case .storage:
            return try storage(input.bytes, fileName: input.fileName, options: options, confluence: confluence,
                               identifier: identifier, page: info)
        case .html:
            return try html(input.bytes, fileName: input.fileName, options: options, confluence: confluence,
                            identifier: identifier, page: info)
        case .rest:
            return try RESTEnvelope.importMeeting(input, options: options, confluence: confluence, identifier: identifier)
        }
    }

    /// Storage format body → meeting.
    static func storage(_ bytes: [UInt8], fileName: String?, options: ImportOptions, confluence: ConfluenceImportOptions,
                        identifier: String, page: PageInfo) throws(MeetingImportError) -> ImportResult {
        // Everything the walk needed (prepared bytes, parser output) is released when `walkStorage` returns; the
        // builder's tree goes at the start of `finish` (see there).
        let (builder, page) = try walkStorage(bytes, fileName: fileName, options: options, confluence: confluence,
                                              identifier: identifier, page: page)
        return finish(consume builder, title: page.title ?? "", page: page.metadata, identifier: identifier,
                      options: options)
    }

    /// Storage format body → the builder that walked it, and the page shell's title and metadata.
    private static func walkStorage(_ bytes: [UInt8], fileName: String?, options: ImportOptions,
                                    confluence: ConfluenceImportOptions, identifier: String,
                                    page: PageInfo) throws(MeetingImportError) -> (MeetingBuilder, PageInfo) {
        let (bytes, decodingDiagnostics) = utf8(bytes, options: options, html: false)
        var prepared = StoragePreparation.prepare(bytes)
        prepared.diagnostics = decodingDiagnostics + prepared.diagnostics
        let parsed = LibXML.parseXML(prepared.output, fileName: fileName,
                                     firstLineColumnOffset: Int32(StoragePreparation.prefix.utf8.count))
        if options.strictness == .strict, parsed.hadErrors {
            throw MeetingImportError(.malformedMarkup, parsed.diagnostics.first?.message ?? "malformed storage format",
                                     at: parsed.diagnostics.first?.location, file: fileName, sourceIdentifier: identifier,
                                     diagnostics: prepared.diagnostics + parsed.diagnostics)
        }
        var tree = parsed.tree
        var parserDiagnostics = parsed.diagnostics
        if parsed.hadFatalErrors {
            // libxml2's XML recovery stops at some errors (a mismatched end tag) and would lose the rest of the
            // page. Read the same prepared bytes with the forgiving HTML parser too and keep whichever tree
            // holds more text: nothing lost.
            let fallback = LibXML.parseHTML(StoragePreparation.escapingCDATA(prepared.output), fileName: fileName,
                                            lineOffset: 0, firstLineColumnOffset: Int32(StoragePreparation.prefix.utf8.count),
                                            lowercaseNames: false)
            if fallback.tree.textByteCount > tree.textByteCount {
                tree = fallback.tree
                parserDiagnostics.append(Diagnostic(.note, code: "confluence.lenient-reparse",
                    "the storage format is not well-formed; it was read again with libxml2's HTML parser, which kept more of its text",
                    at: parsed.diagnostics.first(where: { $0.severity == .error })?.location
                        ?? parsed.diagnostics.first?.location ?? SourceLocation(line: 1)))
            }
        }
        // The prepared copy of the input is no longer needed: free it before the model is built (lower peak memory).
        prepared.output = []
        var page = page
        // The <page><title>/<space>/<body> wrapper some exporters write.
        var root = tree.root
        if let wrapper = tree.first(below: tree.root, named: "page") {
            for c in tree.elementChildren(wrapper) {
                switch tree.name(c) {
                case "title": if page.title == nil { page.title = tree.textContent(c) }
                case "space": if page.metadata.space == nil { page.metadata.space = tree.textContent(c) }
                case "body": root = c
                default: break
                }
            }
        }
        var conv = Converter(tree: tree, dialect: .storage, options: options, handlers: confluence.handlerTable)
        conv.draft.meeting.diagnostics = prepared.diagnostics + parserDiagnostics
        var builder = MeetingBuilder(converter: conv)
        builder.walk(root)
        return (builder, page)
    }

    /// Exported / rendered HTML → meeting.
    static func html(_ bytes: [UInt8], fileName: String?, options: ImportOptions, confluence: ConfluenceImportOptions,
                     identifier: String, page: PageInfo) throws(MeetingImportError) -> ImportResult {
        let (builder, page) = try walkHTML(bytes, fileName: fileName, options: options, confluence: confluence,
                                           identifier: identifier, page: page)
        return finish(consume builder, title: page.title ?? "", page: page.metadata, identifier: identifier,
                      options: options)
    }

    /// Exported / rendered HTML → the builder that walked it, and the page shell's title and metadata.
    private static func walkHTML(_ bytes: [UInt8], fileName: String?, options: ImportOptions,
                                 confluence: ConfluenceImportOptions, identifier: String,
                                 page: PageInfo) throws(MeetingImportError) -> (MeetingBuilder, PageInfo) {
        let (bytes, decodingDiagnostics) = utf8(bytes, options: options, html: true)
        var parsed = LibXML.parseHTML(bytes, fileName: fileName)
        parsed.diagnostics = decodingDiagnostics + parsed.diagnostics
        // Strict HTML: the first message meaning damaged markup (LibXML's `htmlDamageCodes`); unknown HTML5 tags
        // and other messages browsers shrug at never throw.
        if options.strictness == .strict, parsed.hadErrors {
            let first = parsed.firstError ?? parsed.diagnostics.first
            throw MeetingImportError(.malformedMarkup, "damaged HTML: " + (first?.message ?? "malformed HTML"),
                                     at: first?.location ?? SourceLocation(line: 1), file: fileName,
                                     sourceIdentifier: identifier, diagnostics: parsed.diagnostics)
        }
        let tree = parsed.tree
        var page = page
        var conv = Converter(tree: tree, dialect: .html, options: options, handlers: confluence.handlerTable)
        conv.draft.meeting.diagnostics = parsed.diagnostics
        // The export page shell: title, metadata line, attachments section; chrome is not content.
        let main = tree.first(below: tree.root, where: { tree.attribute("id", of: $0, is: "main-content") })
        if main != nil || tree.first(below: tree.root, where: { tree.attribute("id", of: $0, is: "title-text") }) != nil {
            shell(tree, &page, &conv)
        } else if page.title == nil, let t = tree.first(below: tree.root, named: "title") {
            page.title = tree.textContent(t)
        }
        let root = main ?? tree.first(below: tree.root, named: "body") ?? tree.root
        var builder = MeetingBuilder(converter: conv)
        builder.walk(root)
        if main != nil {
            for section in tree.all(below: tree.root, where: { tree.hasClass("pageSection", $0) }) {
                if let note = shellAttachments(tree, section, into: &builder.attachments) {
                    builder.conv.draft.meeting.diagnostics.append(note)
                }
            }
        }
        return (builder, page)
    }

    /// UTF-8 bytes for libxml2: UTF-16 (with a byte-order mark), a declared encoding, or bytes that are not
    /// valid UTF-8 are decoded by the shared ``TextDecoding`` (Windows-1252 detection, repairs reported).
    /// HTML that declares its charset is left to libxml2.
    static func utf8(_ bytes: [UInt8], options: ImportOptions, html: Bool) -> ([UInt8], [Diagnostic]) {
        let bom16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        let declared = options.declaredEncoding.map { $0 != .utf8 } ?? false
        if !bom16 && !declared {
            if html && containsASCIICaseInsensitive(bytes.prefix(4096), "charset") { return (bytes, []) }
            if isValidUTF8(bytes) { return (withoutBOMAndCR(bytes), []) }
        }
        let decoded = TextDecoding.decode(bytes, declared: options.declaredEncoding, code: "confluence")
        return (Array(decoded.text.utf8), decoded.diagnostics)
    }

    /// Drops a UTF-8 byte-order mark and turns CRLF and lone CR into LF, so that lines are the lines a reader
    /// sees (libxml2 counts LF only) and the HTML parser does not take the mark for text.
    static func withoutBOMAndCR(_ bytes: [UInt8]) -> [UInt8] {
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        guard start > 0 || ByteScan.contains(0x0D, in: bytes) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                // Skip ASCII eight bytes at a time.
                i += 1
                while i + 8 <= n {
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i, as: UInt64.self) }
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                continue
            }
            let length: Int
            if b >= 0xC2 && b <= 0xDF { length = 2 } else if b >= 0xE0 && b <= 0xEF { length = 3 } else if b >= 0xF0 && b <= 0xF4 { length = 4 } else { return false }
            guard i + length <= n else { return false }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
            if length == 3, b == 0xE0, bytes[i + 1] < 0xA0 { return false }
            if length == 3, b == 0xED, bytes[i + 1] > 0x9F { return false }
            if length == 4, b == 0xF0, bytes[i + 1] < 0x90 { return false }
            if length == 4, b == 0xF4, bytes[i + 1] > 0x8F { return false }
            i += length
        }
        return true
    }

    struct PageInfo {
        var title: String?
        var metadata = PageMetadata()
    }

    static func shell(_ tree: MarkupTree, _ page: inout PageInfo, _ conv: inout Converter) {
        let titleNode = tree.first(below: tree.root, where: { tree.attribute("id", of: $0, is: "title-text") })
            ?? tree.first(below: tree.root, named: "title")
        if let t = titleNode {
            let full = tree.textContent(t)
            if let r = full.firstRange(of: " : ") {
                if page.metadata.space == nil { page.metadata.space = String(full[..<r.lowerBound]) }
                if page.title == nil { page.title = String(full[r.upperBound...]) }
            } else if page.title == nil {
                page.title = full
            }
        }
        if let meta = tree.first(below: tree.root, where: { tree.hasClass("page-metadata", $0) }) {
            let text = tree.textContent(meta)
            if let a = tree.first(below: meta, where: { tree.hasClass("author", $0) }) {
                page.metadata.author = conv.cleanPerson(tree.textContent(a))
            }
            if let e = tree.first(below: meta, where: { tree.hasClass("editor", $0) }) {
                page.metadata.lastModifiedBy = conv.cleanPerson(tree.textContent(e))
            }
            if let r = text.firstRange(of: " on ", options: .backwards) {
                page.metadata.lastModified = Recognize.firstDate(in: String(text[r.upperBound...]))
            }
            if page.metadata.lastModifiedBy == nil, page.metadata.lastModified != nil {
                page.metadata.created = page.metadata.lastModified
            }
        }
        if let crumbs = tree.first(below: tree.root, where: { tree.attribute("id", of: $0, is: "breadcrumbs") }),
           page.metadata.space == nil, let first = tree.first(below: crumbs, named: "a") {
            page.metadata.space = tree.textContent(first)
        }
    }

    /// The export's "Attachments:" box: `<a href="attachments/…">name</a> (image/png)`. The type in parentheses
    /// is the file's media type (``Attachment/mediaType``; also ``Attachment/fileType`` when the page words none).
    /// Returns a note, located at the box's title and holding it, saying where the files went.
    static func shellAttachments(_ tree: MarkupTree, _ section: Int, into list: inout [Attachment]) -> Diagnostic? {
        guard let header = tree.first(below: section, where: { tree.hasClass("pageSectionTitle", $0) }),
              tree.textContent(header).lowercased().hasPrefix("attachments") else { return nil }
        var files = 0
        for a in tree.all(below: section, where: { tree.name($0) == "a" }) {
            guard let href = tree.attribute("href", of: a), href.hasPrefix("attachments/") else { continue }
            let name = tree.textContent(a)
            var type: String?
            var sib = tree.nodes[a].next
            while sib >= 0 {
                if tree.isText(Int(sib)) {
                    let t = collapseWhitespace(tree.rawText(Int(sib)), trim: true)
                    if t.hasPrefix("("), let close = t.firstIndex(of: ")") {
                        type = String(t[t.index(after: t.startIndex)..<close])
                    }
                    if !t.isEmpty { break }
                } else { break }
                sib = tree.nodes[Int(sib)].next
            }
            let mediaType = type.flatMap { $0.contains("/") ? $0 : nil }
            files += 1
            if let i = list.firstIndex(where: { $0.fileName == name }) {
                if list[i].fileType == nil { list[i].fileType = type }
                if list[i].mediaType == nil { list[i].mediaType = mediaType }
            } else {
                list.append(Attachment(fileName: name, fileType: type, mediaType: mediaType))
            }
        }
        let title = collapseWhitespace(Array(tree.textContent(header).utf8)[...], trim: true)
        return Diagnostic(.note, code: "confluence.attachments-box",
                          "the export's attachments box lists \(files) file\(files == 1 ? "" : "s"); read into attachments with their media types",
                          at: tree.location(header), text: title)
    }

    /// A body without an envelope (a bare storage-format file) carries no title: take the page's opening
    /// heading when it stands first, with nothing under it and no other heading of its level (a title, not
    /// the first of several sections), else the file name without its extension.
    static func fallbackTitle(_ sections: inout [Section], source: String?) -> String {
        if let first = sections.first, (1...2).contains(first.level), first.content.isEmpty, !first.title.isEmpty,
           !sections.dropFirst().contains(where: { $0.level == first.level }) {
            sections.removeFirst()
            return first.title
        }
        guard let source, !source.isEmpty else { return "" }
        var name = Substring(source)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if let dot = name.firstIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        return String(name)
    }

    static func finish(_ b: consuming MeetingBuilder, title: String, page: PageMetadata, identifier: String,
                       options: ImportOptions) -> ImportResult {
        // The markup tree is not read from here on: freed before the model is assembled (lower peak memory;
        // the builder is this function's own, see the callers).
        b.conv.releaseTree()
        var meeting = b.conv.draft.meeting
        // Section semantics.
        for (i, section) in b.sections.enumerated() {
            let role = i < b.roles.count ? b.roles[i] : .other
            switch role {
            case .date:
                if meeting.startDate == nil { meeting.startDate = b.firstDate(section.content) }
            case .participants:
                b.conv.draft.meeting.participants = meeting.participants
                b.addParticipants(from: section.content)
                meeting.participants = b.conv.draft.meeting.participants
            case .location:
                if meeting.location == nil, let first = section.content.blocks.first {
                    let text = first.plainText.trimmingSpacesAndNewlines()
                    if !text.isEmpty { meeting.location = text }
                }
            case .decisions:
                if meeting.decisions.isEmpty {
                    for blk in section.content.blocks {
                        if case .list(let l) = blk {
                            for item in l.items {
                                let text = item.blocks.first?.plainText ?? ""
                                if !text.isEmpty { meeting.decisions.append(Decision(text: text, location: section.location)) }
                            }
                        }
                    }
                }
            case .actionItems:
                for var a in b.proseActions(in: section.content, agendaItem: nil, section: section.title) {
                    a.location = section.location
                    b.prose.append(a)
                }
            default: break
            }
        }
        for t in b.conv.detailsTables { b.propertiesTable(t) }
        meeting.participants = mergePeople(meeting.participants, b.conv.draft.meeting.participants, cache: b.nameCache)
        if meeting.startDate == nil { meeting.startDate = b.conv.draft.meeting.startDate }
        meeting.title = title
        meeting.sections = b.sections.filter { !($0.title.isEmpty && $0.content.isEmpty) }
        if meeting.title.isEmpty { meeting.title = fallbackTitle(&meeting.sections, source: page.source) }
        // Agenda: number days in order, end times from the next start.
        var agenda = b.agenda.filter { !$0.items.isEmpty || $0.date != nil }
        for d in agenda.indices {
            for i in agenda[d].items.indices where agenda[d].items[i].end == nil {
                if i + 1 < agenda[d].items.count, let next = agenda[d].items[i + 1].start,
                   let start = agenda[d].items[i].start, next > start {
                    agenda[d].items[i].end = next
                }
            }
        }
        if agenda.count == 1, agenda[0].date == nil, let d = meeting.startDate { agenda[0].date = d }
        meeting.agenda = agenda
        if meeting.timeZone == nil, agenda.contains(where: { $0.items.contains { $0.start != nil } }) {
            meeting.timeZone = options.defaultTimeZone
        }
        let dated = agenda.compactMap(\.date)
        if let first = dated.min(), let last = dated.max() {
            if let start = meeting.startDate, start <= first {} else { meeting.startDate = first }
            meeting.endDate = last
        }
        // Meeting-notes pages are titled by date ("2023-09-14 Meeting notes", "F2F, 2019-10-28 to 30"): the
        // title's date or range is the meeting's when the page says nothing else.
        if meeting.startDate == nil, let m = Recognize.dates(options.referenceYear, options.numericDateOrder).firstDate(in: title) {
            meeting.startDate = m.start
            meeting.endDate = m.end ?? m.start
        }
        if meeting.endDate == nil { meeting.endDate = meeting.startDate }
        // Action items: tasks and prose lines, in document order.
        // Built only if some task needs it (one without owner mentions): indexing the participants is dear.
        let cache = b.nameCache, participants = meeting.participants
        let recognizer = { cache.recognizer(options: options, participants: participants) }
        var actions = b.conv.tasks.map { b.action(from: $0, recognizer: recognizer) } + b.prose
        actions = actions.enumerated().sorted { l, r in
            switch (l.element.location, r.element.location) {
            case let (x?, y?): return x != y ? x < y : l.offset < r.offset
            case (nil, _?): return false
            case (_?, nil): return true
            default: return l.offset < r.offset
            }
        }.map(\.element)
        if let tasksJSON = options.tasksJSON {
            enrich(&actions, tasksJSON: tasksJSON, options: options, diagnostics: &meeting.diagnostics)
        }
        meeting.actionItems = actions
        meeting.planningTopics = b.planning
        for a in b.attachments {
            if let i = meeting.attachments.firstIndex(where: { $0.fileName == a.fileName }) {
                // The same file met twice (attachments macro and the export's Attachments box): keep what each adds.
                if meeting.attachments[i].fileType == nil { meeting.attachments[i].fileType = a.fileType }
                if meeting.attachments[i].mediaType == nil { meeting.attachments[i].mediaType = a.mediaType }
                if meeting.attachments[i].modifiedText == nil { meeting.attachments[i].modifiedText = a.modifiedText }
            } else {
                meeting.attachments.append(a)
            }
        }
        for (name, count) in b.conv.unknownMacros.sorted(by: { $0.key < $1.key }) where count > 1 {
            let first = meeting.diagnostics.first { $0.code == "confluence.unknown-macro" && $0.message.contains("'\(name)'") }
            meeting.diagnostics.append(Diagnostic(.note, code: "confluence.unknown-macro-count",
                                                  "macro '\(name)' met \(count) times",
                                                  at: first?.location ?? SourceLocation(line: 1)))
        }
        var pageMeta = page
        pageMeta.format = identifier
        meeting.page = pageMeta
        if meeting.taskSummary == nil, let report = meeting.sections.first(where: { HeadingRole.normalizedKey($0.title) == "task report" }),
           case .paragraph? = report.content.blocks.first {
            let text = report.content.plainText
            if !text.isEmpty { meeting.taskSummary = text }
        }
        canonicalisePeople(&meeting, cache: b.nameCache)
        let meetingRoles: [HeadingRole] = [.date, .participants, .goals, .agenda, .actionItems, .decisions]
        let roleCount = meetingRoles.filter { r in b.roles.contains(r) }.count
        let isMeeting = !meeting.agendaItems.isEmpty || roleCount >= 2
            || (meeting.startDate != nil && !meeting.participants.isEmpty)
        return ImportResult(meeting: meeting, sourceIdentifier: identifier, isMeeting: isMeeting)
    }

    /// Replaces people named by name or username alone with the matching participant (richer identity).
    static func canonicalisePeople(_ m: inout Meeting, cache: MeetingBuilder.NameCache) {
        let participants = m.participants
        let participantKeys = MatchIndex(participants.map(cache.matchKeys))
        // The same few people recur on every row of a long page: the answer depends only on the person, so it
        // is computed once per distinct person (isSamePerson normalises names and is far dearer than a look-up),
        // remembered by the person's entry in the name cache's table.
        var memo: [Int: Person] = [:]
        func canon(_ p: Person) -> Person {
            if participants.isEmpty { return p }
            let e = cache.table.entry(p)
            if let answer = memo[e] { return answer }
            var answer = p
            if let i = participantKeys.firstIndex(matching: cache.table.keys[e]) {
                var r = participants[i]
                let q = participants[i]
                r.attendance = p.attendance
                if p.name != q.name, !p.name.isEmpty, p.name != p.username, p.name != p.userKey, p.name != p.accountID,
                   !r.aliases.contains(p.name) { r.aliases.append(p.name) }
                answer = r
            }
            memo[e] = answer
            return answer
        }
        for d in m.agenda.indices {
            for i in m.agenda[d].items.indices { m.agenda[d].items[i].chairs = m.agenda[d].items[i].chairs.map(canon) }
        }
        for i in m.actionItems.indices { m.actionItems[i].owners = m.actionItems[i].owners.map(canon) }
        m.page.author = m.page.author.map(canon)
        m.page.lastModifiedBy = m.page.lastModifiedBy.map(canon)
        for i in m.attachments.indices { m.attachments[i].modifiedBy = m.attachments[i].modifiedBy.map(canon) }
        for i in m.planningTopics.indices { m.planningTopics[i].requestedBy = m.planningTopics[i].requestedBy.map(canon) }
    }

    static func mergePeople(_ a: [Person], _ b: [Person], cache: MeetingBuilder.NameCache) -> [Person] {
        // Every person's keys match themselves (`MatchKeys.matches` is reflexive), so merging a list into itself
        // adds no one: the usual case, where the participants section was the only source (checked in O(1) when
        // both are the same array).
        if a == b { return a }
        var out = a
        var keys = MatchIndex(a.map(cache.matchKeys))
        for p in b {
            let k = cache.matchKeys(p)
            if !keys.contains(matching: k) {
                out.append(p)
                keys.append(k)
            }
        }
        return out
    }

    /// Enriches tasks from a `/wiki/api/v2/tasks` answer, matched by `localId` = task id.
    static func enrich(_ actions: inout [ActionItem], tasksJSON: [UInt8], options: ImportOptions,
                       diagnostics: inout [Diagnostic]) {
        guard let tasks = JSONValue.parse(tasksJSON) else {
            diagnostics.append(Diagnostic(.warning, code: "confluence.tasks-json", "tasksJSON is not JSON; ignored"))
            return
        }
        let results = tasks["results"]?.array ?? tasks.array ?? []
        var byID: [String: JSONValue] = [:]
        for t in results {
            if let id = t["localId"]?.string ?? t["localId"]?.numberString { byID[id] = t }
        }
        for i in actions.indices {
            guard let id = actions[i].taskID, let t = byID[id] else { continue }
            if let status = t["status"]?.string?.lowercased() {
                actions[i].status = status == "complete" ? .done : .open
            }
            if let assignee = t["assignedTo"]?.string, !actions[i].owners.contains(where: { $0.accountID == assignee || $0.userKey == assignee }) {
                let entry = options.userDirectory.lookup(assignee)
                actions[i].owners.append(Person(name: entry?.displayName ?? assignee, username: entry?.username,
                                                accountID: assignee, unresolved: entry == nil))
            }
            if actions[i].due == nil, let due = t["dueAt"]?.string ?? t["dueDate"]?.string {
                actions[i].due = CalendarDate(iso8601: due.prefix(10))
            }
        }
    }
}

extension Converter {
    /// A display name from page chrome, "(Unlicensed)" etc. stripped.
    func cleanPerson(_ raw: String) -> Person {
        var name = raw.trimmingSpaces()
        for suffix in ["(Unlicensed)", "(Deactivated)"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count)).trimmingSpaces()
        }
        return Recognize.person(name)
    }
}

extension String {
    enum SearchOptions { case backwards }
    func firstRange(of s: String, options: SearchOptions) -> Range<String.Index>? {
        var last: Range<String.Index>?
        var rest = self[...]
        while let r = rest.firstRange(of: s) {
            last = r
            rest = self[r.upperBound...]
        }
        return last
    }
}
