// swift-meeting-notes · PlainTextImport

import MeetingModel
import MeetingRecognizers

/// A heading and the lines under it (up to the next heading).
struct RawSection {
    var title: String
    var level: Int
    var kind: SectionKind
    var headingLine: Int
    var lines: LineList
}

/// Reads a page of plain text into a meeting: title, contents block, then one assembler per section.
struct PageParser {
    let options: ImportOptions
    var dates: DateRecognizer
    var meeting = Meeting()
    var diagnostics: [Diagnostic] = []
    /// Days listed in the contents block ("Day 2: 2019-10-29"), by number.
    var dayList: [Int: CalendarDate] = [:]
    var matcher = PersonMatcher([])
    /// Exact-match index over the participants read so far (duplicates are merged through it).
    var participantIndex = PersonMatcher([])
    var actions: ActionItemRecognizer
    /// What owner phrases gave with `actions` (reset whenever `actions` is replaced).
    var ownerMemo = ActionItemRecognizer.OwnerMemo()
    static let code = "plain-text"

    init(options: ImportOptions) {
        self.options = options
        self.dates = DateRecognizer(options: options)
        self.actions = ActionItemRecognizer(options: options)
    }

    mutating func diag(_ s: Diagnostic.Severity, _ what: String, _ message: String, line: Int?, text: String? = nil) {
        let code = diagnosticCode(what)
        let shared = text.map { sharedText($0) }
        diagnostics.append(Diagnostic(s, code: code, message, at: line.map { SourceLocation(line: $0) }, text: shared))
    }

    /// Diagnostic codes made so far, by their last part: one `String` per code, shared by every diagnostic that
    /// has it (a 10 MB page has thousands of "plain-text.jira-residue" notes; each code is too long to be stored
    /// inline in the `String` and was one heap copy per diagnostic).
    var codes: [String: String] = [:]
    /// Texts of diagnostics met so far (the same table header or macro residue recurs on every day or row), so
    /// equal texts share one `String`.
    var texts: [String: String] = [:]
    static let sharedTextLimit = 4096

    mutating func diagnosticCode(_ what: String) -> String {
        if let c = codes[what] { return c }
        let c = "\(Self.code).\(what)"
        codes[what] = c
        return c
    }

    /// Agenda topics met so far ("Lunch (on site)", "Coffee break and posters" recur every day), so equal topics
    /// share one `String`.
    var topics: [String: String] = [:]

    /// `text`, or an equal text met before (the same value: equal strings are interchangeable in the model).
    mutating func sharedText(_ text: String) -> String { Self.share(text, in: &texts) }

    /// `topic`, or an equal topic met before.
    mutating func sharedTopic(_ topic: String) -> String { Self.share(topic, in: &topics) }

    /// `text`, or the string with the same bytes in `memo` (which remembers at most ``sharedTextLimit`` texts).
    static func share(_ text: String, in memo: inout [String: String]) -> String {
        // Texts of up to 15 UTF-8 bytes are stored inline: nothing to share.
        guard text.utf8.count > 15, text.utf8.count <= 256 else { return text }
        if let t = memo[text], ASCIIScan.sameBytes(t, text) { return t }
        if memo.count >= sharedTextLimit { memo.removeAll() }
        memo[text] = text
        return text
    }

    /// Reads the page whose UTF-8 text (line ends normalised) is `text`.
    mutating func parse(_ text: String) -> Meeting {
        parse(LineList.split(Array(text.utf8)))
    }

    /// Reads the page whose lines are `lines`.
    mutating func parse(_ lines: LineList) -> Meeting {
        var i = lines.startIndex
        var firstNonBlank: (LineList.Index, Line)? = nil
        for k in lines.indices {
            let l = lines[k]
            if !l.isBlank { firstNonBlank = (k, l); break }
        }
        // 1. Title: the first non-blank line, unless it is a known heading, a bullet or a row.
        if let (ti, first) = firstNonBlank {
            let h = LineClassifier.heading(first)
            let isKnown = h.map { $0.level == 0 || LineClassifier.knownHeadings[$0.title.lowercased()] != nil } ?? false
            if !isKnown, !first.hasTab, LineClassifier.bullet(first.text, inList: false) == nil {
                meeting.title = h?.title ?? String(first.text).withoutMarkdown
                i = lines.index(after: ti)
                if let m = dates.firstDate(in: meeting.title) {
                    meeting.startDate = m.start
                    meeting.endDate = m.end ?? m.start
                }
            }
        }
        // 2. Split the rest into sections.
        var preamble = lines.emptied
        var sections: [RawSection] = []
        while i < lines.endIndex {
            // A line with a tab is never a heading (`heading` says so first): rows are not made into lines here.
            if !lines.hasTab(at: i), case let line = lines[i], let h = LineClassifier.heading(line) {
                sections.append(RawSection(title: h.title, level: h.level, kind: LineClassifier.kind(ofTitle: h.title),
                                           headingLine: line.number, lines: lines.emptied))
                if let rest = h.rest { sections[sections.count - 1].lines.append(number: line.number, text: rest) }
            } else if sections.isEmpty {
                preamble.append(i)
            } else {
                sections[sections.count - 1].lines.append(i)
            }
            i = lines.index(after: i)
        }
        // 3. The contents block (navigation) before the first heading: evidence only.
        let headingTitles = Set(sections.map { $0.title.lowercased() })
        if !preamble.allSatisfy(\.isBlank) {
            if isContents(preamble, headingTitles: headingTitles) {
                for l in preamble where !l.isBlank {
                    if let d = LineClassifier.dayHeading(l.text, dates: dates), let n = d.day, let date = d.date { dayList[n] = date }
                }
                let text = preamble.filter { !$0.isBlank }.map { LineClassifier.strippingGlyphs($0.text) }.joined(separator: "\n")
                diag(.note, "contents", "table of contents read as navigation (its day list dates the agenda)",
                     line: preamble.first { !$0.isBlank }?.number, text: text)
            } else {
                sections.insert(RawSection(title: "", level: 0, kind: .generic, headingLine: preamble.first?.number ?? 1, lines: preamble), at: 0)
            }
        }
        if meeting.startDate == nil, let first = dayList.keys.min(), let last = dayList.keys.max(),
           let a = dayList[first], let b = dayList[last] {
            meeting.startDate = a
            meeting.endDate = b
        }
        // Dates written without a year ("Nov 18") take the meeting's year.
        if dates.referenceYear == nil {
            dates.referenceYear = meeting.startDate?.year ?? firstYear(in: sections)
        }
        // 4. Participants first (owners and chairs are matched against them).
        for s in sections where s.kind == .participants { readParticipants(s) }
        matcher = PersonMatcher(meeting.participants)
        actions = ActionItemRecognizer(dates: dates, tickets: TicketRecognizer(knownProjectKeys: options.knownProjectKeys),
                                       participants: meeting.participants)
        ownerMemo = ActionItemRecognizer.OwnerMemo()
        var agenda = AgendaAssembler()
        // Each section's lines are dropped from `sections` as it is read (a pasted page has tens of thousands of
        // lines; they need not stay alive while the later sections add to the model).
        for k in sections.indices {
            let s = sections[k]
            sections[k].lines = sections[k].lines.emptied
            if s.kind != .generic && s.kind != .date && s.kind != .location {
                diag(.note, "section", "section \"\(s.title)\" read into the model's structure", line: s.headingLine, text: s.title)
            }
            switch s.kind {
            case .participants: continue
            case .agenda: agenda.read(s, parser: &self)
            case .attachments: readAttachments(s)
            case .taskReport: readTaskReport(s)
            case .planning: readPlanning(s)
            case .actionItems: readActionList(s)
            case .decisions: readDecisions(s)
            case .summary:
                if s.lines.allSatisfy(\.isBlank) { continue }
                readGeneric(s)
            case .date:
                readGeneric(s)
                if meeting.startDate == nil {
                    let text = s.lines.map { String($0.text) }.joined(separator: " ")
                    if let m = dates.firstDate(in: text) { meeting.startDate = m.start; meeting.endDate = m.end ?? m.start }
                }
            case .location:
                readGeneric(s)
                if meeting.location == nil || s.title.lowercased() == "location", let l = s.lines.first(where: { !$0.isBlank }) {
                    let loc = LineClassifier.strippingGlyphs(l.text).withoutMarkdown
                    if !loc.isEmpty { meeting.location = loc }
                }
            case .generic: readGeneric(s)
            }
        }
        agenda.finish(parser: &self)
        recordAliases()
        if meeting.startDate == nil, let first = meeting.agenda.first?.date {
            meeting.startDate = first
            meeting.endDate = meeting.agenda.compactMap(\.date).max()
        }
        if meeting.endDate == nil { meeting.endDate = meeting.startDate }
        meeting.timeZone = options.defaultTimeZone
        meeting.diagnostics = diagnostics
        return meeting
    }

    /// The first plausible four-digit year in the first lines of the page.
    func firstYear(in sections: [RawSection]) -> Int? {
        for s in sections.prefix(8) {
            for l in s.lines.prefix(20) {
                if let m = DateRecognizer(numericOrder: options.numericDateOrder).firstDate(in: String(l.text)) { return m.start.year }
            }
        }
        return nil
    }

    /// Spellings met for participants in chairs, owners and planning cells become the participants' aliases.
    mutating func recordAliases() {
        // Walked in place (chairs, then owners, then requesters, as before): no array of every person met,
        // which on a 10 MB page was a few MB alive at the import's peak.
        for d in meeting.agenda { for i in d.items { for p in i.chairs { recordAliases(of: p) } } }
        for a in meeting.actionItems { for p in a.owners { recordAliases(of: p) } }
        for t in meeting.planningTopics { for p in t.requestedBy { recordAliases(of: p) } }
    }

    private mutating func recordAliases(of p: Person) {
        guard !p.aliases.isEmpty, let i = meeting.participants.firstIndex(where: { $0.isSamePerson(as: p) }) else { return }
        for a in p.aliases where !meeting.participants[i].aliases.contains(a) { meeting.participants[i].aliases.append(a) }
    }

    /// Whether the lines before the first heading are a contents list: bullets whose texts are later headings.
    func isContents(_ lines: LineList, headingTitles: Set<String>) -> Bool {
        var items = 0, hits = 0
        for l in lines where !l.isBlank {
            items += 1
            let t = LineClassifier.strippingGlyphs(l.text).withoutMarkdown.lowercased()
            if headingTitles.contains(t) || LineClassifier.dayHeading(l.text, dates: dates) != nil { hits += 1 }
        }
        return items >= 2 && hits * 2 >= items
    }

    // MARK: - Generic sections

    mutating func readGeneric(_ s: RawSection) {
        meeting.sections.append(Section(title: s.title, level: s.level, content: blocks(s.lines),
                                        location: SourceLocation(line: s.headingLine)))
        // "Owner — text. date" sentences in free sections are action items of that section.
        var last: Int? = nil
        for l in s.lines where !l.isBlank {
            let text = LineClassifier.bullet(l.text, inList: true) ?? String(l.text).trimmed
            let found = actions.recognizeAll(in: text, memo: &ownerMemo)
            if !found.isEmpty {
                for r in found { meeting.actionItems.append(r.actionItem(section: s.title, location: SourceLocation(line: l.number))) }
                last = meeting.actionItems.count - 1
            } else if let li = last {
                var r = RecognizedActionItem(owners: meeting.actionItems[li].owners, groups: meeting.actionItems[li].groups,
                                             text: meeting.actionItems[li].text, due: meeting.actionItems[li].due,
                                             status: meeting.actionItems[li].status, tickets: meeting.actionItems[li].tickets)
                if actions.absorb(text, into: &r) {
                    meeting.actionItems[li].due = r.due
                    meeting.actionItems[li].tickets = r.tickets
                } else {
                    last = nil
                }
            }
        }
    }

    /// Paragraphs, bullet lists (two levels), and tables of a run of lines.
    func blocks(_ lines: LineList) -> RichText {
        var blocks: [Block] = []
        var items: [ListItem] = []
        var baseIndent = 0
        var rows: [[TableCell]] = []
        func flushList() { if !items.isEmpty { blocks.append(.list(ListBlock(items: items))); items = [] } }
        func flushTable() { if !rows.isEmpty { blocks.append(.table(TableBlock(rows: rows))); rows = [] } }
        var inList = false
        for l in lines {
            if l.isBlank { continue }
            if Cells.isPipeSeparator(l.text) { continue }
            if (l.hasTab && l.text.trimmedSub.hasByte(9)) || Cells.isPipeRow(l.text) {
                flushList()
                rows.append(Cells.split(l.text, tabs: l.hasTab).map { TableCell(content: CellText.convert($0).rich) })
                inList = false
                continue
            }
            flushTable()
            if let b = LineClassifier.bullet(l.text, inList: inList) {
                let content = CellText.convert(b).rich.blocks
                if items.isEmpty { baseIndent = l.indent }
                if l.indent > baseIndent, !items.isEmpty {
                    var last = items.removeLast()
                    // `blocks` is built on every read: read it once, change it, store it once.
                    var lastBlocks = last.blocks
                    if case .list(var nested)? = lastBlocks.last {
                        nested.items.append(ListItem(blocks: content))
                        lastBlocks[lastBlocks.count - 1] = .list(nested)
                    } else {
                        lastBlocks.append(.list(ListBlock(items: [ListItem(blocks: content)])))
                    }
                    last.blocks = lastBlocks
                    items.append(last)
                } else {
                    items.append(ListItem(blocks: content))
                }
                inList = true
                continue
            }
            flushList()
            inList = false
            blocks += CellText.convert(String(l.text)).rich.blocks
        }
        flushList()
        flushTable()
        return RichText(blocks)
    }

    // MARK: - Participants

    mutating func readParticipants(_ s: RawSection) {
        var inList = false
        for l in s.lines where !l.isBlank {
            let text = LineClassifier.bullet(l.text, inList: inList) ?? LineClassifier.strippingGlyphs(l.text)
            inList = true
            var found: [Person] = []
            for piece in PersonRecognizer.splitNameList(text.withoutMarkdown) {
                for name in PersonRecognizer.splitRunTogether(piece) {
                    if let p = PersonRecognizer.person(from: name) { found.append(p) }
                }
            }
            if found.isEmpty { diag(.warning, "participant-unread", "no person found in a participants line", line: l.number, text: text) }
            for suffix in ["(Unlicensed)", "(Deactivated)", "(unlicensed)", "(deactivated)"] where text.firstRange(of: suffix) != nil {
                diag(.note, "account-suffix", "account state suffix dropped from a name", line: l.number, text: suffix)
            }
            if found.count > 1, !text.has(","), !text.has("&"), !text.has(";") {
                diag(.note, "names-split", "\(found.count) names written together were split", line: l.number, text: text)
            }
            for p in found { addParticipant(p, line: l.number) }
        }
    }

    mutating func addParticipant(_ p: Person, line: Int) {
        if let i = participantIndex.index(of: p), meeting.participants[i].isSamePerson(as: p) {
            if p.attendance == .remote { meeting.participants[i].attendance = .remote }
            diag(.note, "duplicate-participant", "\(p.name) is listed more than once; merged", line: line)
            return
        }
        guard meeting.participants.count < 2000 else {
            diag(.warning, "too-many-participants", "participant list truncated", line: line, text: p.name)
            return
        }
        meeting.participants.append(p)
        participantIndex.append(p)
    }

    /// A person named in a cell, matched against the participants.
    func resolve(_ p: Person) -> Person { matcher.resolve(p) }

    // MARK: - Attachments

    mutating func readAttachments(_ s: RawSection) {
        for l in s.lines where !l.isBlank && !Cells.isPipeSeparator(l.text) {
            let cells = Cells.split(l.text, tabs: l.hasTab).filter { !$0.isEmpty }
            if cells.count >= 1, cells.allSatisfy({ ["file", "modified", "name", "size", "type", "comment", "uploaded"].contains($0.lowercased()) }) {
                diag(.note, "table-header", "attachments table header", line: l.number, text: cells.joined(separator: " | "))
                continue
            }
            let whole = cells.joined(separator: " ")
            // The modified part: the last "<date> by <name>".
            var left = whole
            var modified: CalendarDate? = nil
            var by: Person? = nil
            var modifiedText: String? = nil
            if let m = dates.lastDate(in: whole) {
                left = String(whole[..<m.range.lowerBound]).trimmed
                modified = m.start
                modifiedText = String(whole[m.range.lowerBound...]).trimmed
                var after = whole[m.range.upperBound...].trimmed
                if after.lowercased().hasPrefix("by ") { after = String(after.dropFirst(3)) }
                if !after.isEmpty, var p = PersonRecognizer.person(from: after) {
                    if !p.name.hasByte(32), p.name.first?.isLowercase == true { p.username = p.name }
                    by = resolve(p)
                }
            }
            let (type, rest) = Self.splitFileType(left)
            let (name, comment) = Self.splitFileName(rest)
            guard !name.isEmpty else {
                diag(.warning, "attachment-unread", "attachment row without a file name", line: l.number, text: whole)
                continue
            }
            meeting.attachments.append(Attachment(fileName: name, fileType: type, modified: modified, modifiedBy: by,
                                                  comment: comment, modifiedText: modifiedText))
        }
    }

    static let fileTypes = ["Microsoft Powerpoint Presentation", "Microsoft PowerPoint Presentation", "Microsoft Word Document",
                            "Microsoft Excel Spreadsheet", "PDF File", "JPEG File", "PNG File", "GIF File", "Text File",
                            "Zip Archive", "ZIP Archive", "Image", "File"]

    static let fileTypePrefixes = fileTypes.map { ($0, Array(($0 + " ").utf8)) }

    static func splitFileType(_ s: String) -> (String?, String) {
        for (t, prefix) in fileTypePrefixes where s.utf8.starts(with: prefix) && s.hasPrefix(t + " ") {
            return (t, String(s.dropFirst(t.count + 1)).trimmed)
        }
        return (nil, s)
    }

    /// The file name ends at the first word ending in ".ext"; what follows is the comment.
    static func splitFileName(_ s: String) -> (String, String?) {
        asciiSplitFileName(s) ?? referenceSplitFileName(s)
    }

    /// ``referenceSplitFileName(_:)`` of an ASCII text, read from bytes (an ASCII `Character` is its byte; a
    /// letter or number is A–Z, a–z, 0–9); words one space apart are copied as one slice instead of joined.
    /// `nil` when `s` is not ASCII.
    static func asciiSplitFileName(_ s: String) -> (String, String?)? {
        guard ASCIIScan.isASCII(s) else { return nil }
        let words = s.spaceWords()
        @inline(__always) func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 97 < 26 }
        func joined(_ ws: ArraySlice<Substring>) -> String {
            guard let f = ws.first, let l = ws.last else { return "" }
            let run = s[f.startIndex..<l.endIndex]
            var prev: UInt8 = 0
            for b in run.utf8 {
                if b == 32, prev == 32 { return ws.joined(separator: " ") }
                prev = b
            }
            return String(run)
        }
        for (i, w) in words.enumerated() {
            let u = w.utf8
            guard let dot = u.lastIndex(of: 46), dot != u.startIndex || u.count > 1 else { continue }
            let ext = u[u.index(after: dot)...]
            if ext.count >= 2, ext.count <= 5, ext.allSatisfy({ isLetter($0) || $0 &- 48 < 10 }), ext.contains(where: isLetter) {
                let name = joined(words[...i])
                let comment = joined(words[(i + 1)...])
                return (name, comment.isEmpty ? nil : comment)
            }
        }
        return (s, nil)
    }

    /// The plain definition of ``splitFileName(_:)``.
    static func referenceSplitFileName(_ s: String) -> (String, String?) {
        let words = s.split(separator: " ", omittingEmptySubsequences: true)
        for (i, w) in words.enumerated() {
            if let dot = w.lastIndex(of: "."), dot != w.startIndex || w.count > 1 {
                let ext = w[w.index(after: dot)...]
                if ext.count >= 2, ext.count <= 5, ext.allSatisfy({ $0.isLetter || $0.isNumber }), ext.contains(where: \.isLetter) {
                    let name = words[...i].joined(separator: " ")
                    let comment = words[(i + 1)...].joined(separator: " ")
                    return (name, comment.isEmpty ? nil : comment)
                }
            }
        }
        return (s, nil)
    }

    // MARK: - Task report, planning, action list, decisions

    mutating func readTaskReport(_ s: RawSection) {
        let text = s.lines.filter { !$0.isBlank }.map { LineClassifier.strippingGlyphs($0.text) }.joined(separator: "\n")
        if !text.isEmpty { meeting.taskSummary = text }
    }

    enum PlanRole { case topic, requestedBy, time, notes }

    mutating func readPlanning(_ s: RawSection) {
        var roles: [PlanRole] = [.topic, .requestedBy, .time, .notes]
        var sawHeader = false
        for l in s.lines where !l.isBlank && !Cells.isPipeSeparator(l.text) {
            let cells = Cells.split(l.text, tabs: l.hasTab)
            if !sawHeader {
                let mapped = cells.map { c -> PlanRole? in
                    let f = c.homoglyphFolded
                    if f.has("request") || f.has("who") || f.has("owner") { return .requestedBy }
                    if f.has("time") || f.has("duration") { return .time }
                    if f.has("note") || f.has("comment") { return .notes }
                    if f.has("topic") || f.has("item") || f.has("subject") { return .topic }
                    return nil
                }
                if mapped.compactMap({ $0 }).count >= 2 {
                    roles = mapped.map { $0 ?? .notes }
                    sawHeader = true
                    diag(.note, "table-header", "planning table header (look-alike letters folded)", line: l.number,
                         text: cells.joined(separator: " | "))
                    continue
                }
            }
            func cell(_ r: PlanRole) -> String {
                guard let i = roles.firstIndex(of: r), i < cells.count else { return "" }
                var v = cells[i]
                if r == .notes, cells.count > roles.count { v += "  " + cells[roles.count...].joined(separator: "  ") }
                return v
            }
            let topic = cell(.topic)
            if cells.count == 1 || topic.isEmpty {
                // A line without cells continues the notes of the row above.
                if let last = meeting.planningTopics.indices.last {
                    meeting.planningTopics[last].notes.blocks += CellText.convert(String(l.text)).rich.blocks
                } else {
                    diag(.warning, "unplaced-text", "text in the planning section outside the table", line: l.number, text: String(l.text).trimmed)
                }
                continue
            }
            let timeText = cell(.time)
            let people = PersonRecognizer.people(inList: cell(.requestedBy)).map(resolve)
            meeting.planningTopics.append(PlanningTopic(topic: topic.withoutMarkdown, requestedBy: people,
                                                        timeRequired: Self.minutes(timeText).map(TimeRequired.init(minutes:)),
                                                        timeRequiredText: timeText.isEmpty ? nil : timeText,
                                                        notes: CellText.convert(cell(.notes)).rich))
        }
    }

    /// Minutes of a duration: "15 minutes", "30 mins", "30 minurtes", "1 hour", "1.5 h", "90m".
    static func minutes(_ s: String) -> Int? {
        let t = s.lowercased().trimmed
        let num = t.prefix { $0.isNumber || $0 == "." }
        guard !num.isEmpty, let v = Double(num) else { return nil }
        let unit = t.dropFirst(num.count).trimmed
        if unit.hasPrefix("m") { return Int(v) }
        if unit.hasPrefix("h") { return Int(v * 60) }
        return nil
    }

    mutating func readActionList(_ s: RawSection) {
        var last: Int? = nil
        var recognized: [(RecognizedActionItem, Int)] = []
        for l in s.lines where !l.isBlank {
            var text = LineClassifier.bullet(l.text, inList: true) ?? String(l.text).trimmed
            var status = ActionStatus.unknown
            for (mark, st) in [("[x]", ActionStatus.done), ("[X]", .done), ("[ ]", .open)] where text.utf8.first == 91 && text.hasPrefix(mark) {
                status = st
                text = String(text.dropFirst(mark.count)).trimmed
            }
            if let r = actions.recognize(text) {
                var r = r
                if status != .unknown { r.status = status }
                recognized.append((r, l.number))
                last = recognized.count - 1
            } else if let li = last, actions.absorb(text, into: &recognized[li].0) {
                continue
            } else {
                // An item without a named owner is still an action item in an "Action items" section.
                let first = text.split(separator: " ").first.map(String.init) ?? ""
                if let st = ActionItemRecognizer.status(ofMark: first) { status = st; text = String(text.dropFirst(first.count)).trimmed }
                let (clean, keys) = actions.tickets.extract(from: text)
                var item = RecognizedActionItem(text: clean, status: status, tickets: keys)
                if let m = dates.lastDate(in: clean) {
                    item.due = m.start
                    item.text = (String(clean[..<m.range.lowerBound]) + String(clean[m.range.upperBound...])).trimmed
                }
                recognized.append((item, l.number))
                last = recognized.count - 1
            }
        }
        for (r, line) in recognized {
            meeting.actionItems.append(r.actionItem(section: s.title, location: SourceLocation(line: line)))
        }
    }

    mutating func readDecisions(_ s: RawSection) {
        for l in s.lines where !l.isBlank {
            let t = LineClassifier.bullet(l.text, inList: true) ?? String(l.text).trimmed
            meeting.decisions.append(Decision(text: t, location: SourceLocation(line: l.number)))
        }
    }
}
