// swift-meeting-notes · PlainTextImport

import MeetingModel
import MeetingRecognizers

/// Builds agenda days and items from the rows of an agenda table as plain text leaves them: tab or
/// 2+-space columns, header cells matched by meaning, rows split or interleaved by PDF extraction,
/// days started by "Day N" headings or by a clock that runs backwards.
struct AgendaAssembler {
    enum Role { case time, topic, chair, discussion, notes }

    var roles: [Role] = [.time, .topic, .chair, .discussion, .notes]
    var spaceMode = false
    var pendingTime: (time: LocalTime, line: Int)? = nil
    var lastStart: LocalTime? = nil

    static func role(of cell: String) -> Role? {
        // Header cells are short; long cells are content.
        guard cell.utf8.count <= 48, let b = cell.utf8.first, !(b >= 48 && b <= 57) else { return nil }
        let f = cell.homoglyphFolded
        if f.isEmpty { return nil }
        if f.hasPrefix("time") || f == "when" || f.hasPrefix("duration") || f == "start" { return .time }
        if f.has("discussion") || f.has("description") || f.has("goal") || f.has("details") { return .discussion }
        if f.has("note") || f.has("action") || f.has("minutes") || f.has("outcome") || f.has("decision") { return .notes }
        if f.has("chair") || f == "who" || f.has("presenter") || f.has("speaker") || f.has("lead")
            || f.has("owner") || f.has("facilitator") { return .chair }
        if f.has("topic") || f.hasPrefix("item") || f.has("subject") || f.has("session") || f == "title" { return .topic }
        return nil
    }

    func index(_ r: Role) -> Int? { roles.firstIndex(of: r) }

    // MARK: Days

    mutating func ensureDay(_ p: inout PageParser) {
        if p.meeting.agenda.isEmpty {
            p.meeting.agenda.append(AgendaDay(day: 1, date: p.dayList[1] ?? p.meeting.startDate))
        }
    }

    mutating func startDay(number: Int?, date: CalendarDate?, title: String, line: Int, _ p: inout PageParser) {
        if let last = p.meeting.agenda.indices.last, p.meeting.agenda[last].items.isEmpty {
            var d = p.meeting.agenda[last]
            if let number { d.day = number }
            d.date = date ?? p.dayList[d.day] ?? d.date
            d.title = title
            p.meeting.agenda[last] = d
        } else {
            let n = number ?? ((p.meeting.agenda.last?.day ?? 0) + 1)
            let previous = p.meeting.agenda.last?.date
            Self.closeLastDay(&p)
            p.meeting.agenda.append(AgendaDay(day: n, date: date ?? p.dayList[n] ?? previous.map { $0.adding(days: 1) }, title: title))
        }
        lastStart = nil
    }

    mutating func newDayFromClock(line: Int, _ p: inout PageParser) {
        let n = (p.meeting.agenda.last?.day ?? 0) + 1
        let date = p.dayList[n] ?? p.meeting.agenda.last?.date.map { $0.adding(days: 1) }
        Self.closeLastDay(&p)
        p.meeting.agenda.append(AgendaDay(day: n, date: date))
        p.diag(.note, "day-from-clock", "the clock runs backwards here: day \(n) starts" + (date.map { " (\($0))" } ?? ""), line: line)
        lastStart = nil
    }

    /// Gives the last day's items (complete: a new day starts, or the agenda ends) an array of their own size.
    /// Appending doubles an array's room as it grows, so a day of 9 items had room for 16: with thousands of days
    /// (a 10 MB page has 2,400) the unused room was about 2 MB of the model.
    static func closeLastDay(_ p: inout PageParser) {
        guard let last = p.meeting.agenda.indices.last else { return }
        let items = p.meeting.agenda[last].items
        guard items.capacity > items.count else { return }
        p.meeting.agenda[last].items = items.withUnsafeBufferPointer { Array($0) }
    }

    // MARK: Reading

    mutating func read(_ s: RawSection, parser p: inout PageParser) {
        for i in s.lines.indices {
            // A row with a tab and cells in two or more columns (nearly every line of an agenda) is read from the
            // page's bytes (`Cells.tabRow`): the line is not made into a `String` first.
            if s.lines.hasTab(at: i), let found = s.lines.withBytes(at: i, Cells.tabRow), let cells = found {
                readRow(cells, line: i.number, hasTab: true, &p)
                continue
            }
            let l = s.lines[i]
            if l.isBlank { continue }
            if Cells.isPipeSeparator(l.text) { continue }
            let cells = Cells.split(l.text, tabs: l.hasTab)   // split once per line
            let nonEmptyCount = cells.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) }
            if nonEmptyCount <= 1, let d = LineClassifier.dayHeading(l.text, dates: p.dates) {
                flushPending(&p)
                startDay(number: d.day, date: d.date, title: d.title, line: l.number, &p)
                continue
            }
            if l.hasTab || nonEmptyCount >= 2, l.hasTab || spaceMode || (cells.count >= 3 && TimeRecognizer.leadingTime(in: l.text) != nil) {
                readRow(cells, line: l.number, hasTab: l.hasTab, &p)
            } else if nonEmptyCount >= 2, isHeader(cells) {
                readRow(cells, line: l.number, hasTab: l.hasTab, &p)
            } else {
                loose(l, &p)
            }
        }
        flushPending(&p)
    }

    /// Whether `cells` are a table header: three or more header cells, the first not a time.
    func isHeader(_ cells: [String]) -> Bool {
        let firstRole = cells.first.flatMap(Self.role(of:))
        guard firstRole != nil else { return false }
        return cells.compactMap(Self.role(of:)).count >= 3 && TimeRecognizer.parse(cells.first ?? "") == nil
    }

    /// A row-like line (a tab, or two or more cells): a table header, or a row.
    mutating func readRow(_ cells: [String], line: Int, hasTab: Bool, _ p: inout PageParser) {
        // A header starts with a header cell ("Time", "Topic"); rows start with a time or nothing.
        let firstRole = cells.first.flatMap(Self.role(of:))
        let mapped = firstRole == nil ? [] : cells.map(Self.role(of:))
        if mapped.compactMap({ $0 }).count >= 3, TimeRecognizer.parse(cells.first ?? "") == nil {
            var r: [Role] = []
            for (i, m) in mapped.enumerated() { r.append(m ?? (i == 0 ? .time : .notes)) }
            roles = r
            spaceMode = !hasTab
            p.diag(.note, "table-header", "agenda table header (look-alike letters folded)", line: line,
                   text: cells.filter { !$0.isEmpty }.joined(separator: " | "))
            return
        }
        flushPending(&p)
        row(cells, line: line, &p)
    }

    func isDebris(_ cells: [String]) -> Bool {
        Self.asciiDebris(cells) ?? Self.referenceIsDebris(cells)
    }

    /// ``referenceIsDebris(_:)`` of ASCII cells in one pass over their bytes (an ASCII letter before ASCII is a
    /// whole letter `Character`; the joining space ends a run), or `nil` at the first non-ASCII byte, unless more
    /// than three letters were already seen (then the answer is false either way).
    static func asciiDebris(_ cells: [String]) -> Bool? {
        var letters = 0, run = 0, longest = 0
        for c in cells {
            run = 0
            for b in c.utf8 {
                guard b < 0x80 else { return nil }
                if b &- 65 < 26 || b &- 97 < 26 {
                    letters += 1
                    if letters > 3 { return false }
                    run += 1
                    if run > longest { longest = run }
                } else {
                    run = 0
                }
            }
        }
        return longest <= 2
    }

    /// The plain definition of ``isDebris(_:)``.
    static func referenceIsDebris(_ cells: [String]) -> Bool {
        // More than three letters is never debris: stop counting there.
        var letterCount = 0
        for c in cells {
            for ch in c where ch.isLetter {
                letterCount += 1
                if letterCount > 3 { return false }
            }
        }
        let text = cells.joined(separator: " ")
        let letters = text.filter(\.isLetter).count
        let longest = text.split(whereSeparator: { !$0.isLetter }).map(\.count).max() ?? 0
        return letters <= 3 && longest <= 2
    }

    /// Chair cells already judged (the same chairs recur on every row), by their bytes: `nil` when the cell is not
    /// chair-like, its people otherwise. The answers depend only on the text and the participants, which are fixed
    /// while the agenda is read. One memo for both answers: one key hashed per row (there were two, each hashing
    /// the cell), the people found right after the cell is judged.
    var chairMemo: [ByteKey: [Person]?] = [:]
    static let memoLimit = 4096

    /// The people of a chair cell (``chairLike(_:_:)`` and then ``referenceChairPeople(_:_:)``), or `nil` when it is
    /// not chair-like, remembered.
    mutating func chairs(_ s: String, _ p: PageParser) -> [Person]? {
        let key = ByteKey(s)
        if let r = chairMemo[key] { return r }
        // The cell is split into names once, for both answers (`people(inList:)` is the same split, groups left out).
        let parts = PersonRecognizer.splitNameList(s)
        let r: [Person]? = chairLike(parts, p)
            ? parts.filter { !PersonRecognizer.isGroup($0) }.compactMap(PersonRecognizer.person(from:)).map(p.resolve) : nil
        if chairMemo.count >= Self.memoLimit { chairMemo.removeAll() }
        chairMemo[key] = .some(r)
        return r
    }

    /// The people of a chair cell, matched against the participants (the plain definition ``chairs(_:_:)`` uses).
    func referenceChairPeople(_ s: String, _ p: PageParser) -> [Person] {
        PersonRecognizer.people(inList: s).map(p.resolve)
    }

    func chairLike(_ s: String, _ p: PageParser) -> Bool { chairLike(PersonRecognizer.splitNameList(s), p) }

    /// ``chairLike(_:_:)-(String,_)`` of a cell split into names by `PersonRecognizer.splitNameList`.
    func chairLike(_ parts: [String], _ p: PageParser) -> Bool {
        !parts.isEmpty && parts.allSatisfy {
            PersonRecognizer.looksLikeName($0) || (PersonRecognizer.isGroup($0) && $0.count > 3)
                || p.matcher.index(of: Person(name: $0)) != nil
        }
    }

    static func kind(of topic: String) -> AgendaItemKind {
        if !topic.utf8.contains(where: { $0 >= 0x80 }) { return asciiKind(of: topic) }
        let f = topic.lowercased()
        if f.hasPrefix("close") || f.hasPrefix("adjourn") || f.hasPrefix("end of") || f.hasPrefix("travel")
            || f.hasPrefix("depart") || f.hasPrefix("arrival") { return .other }
        let words = Set(f.split(whereSeparator: { !$0.isLetter }).map(String.init))
        if words.contains("break") || words.contains("coffee") || words.contains("tea") { return .break }
        if words.contains("lunch") || words.contains("breakfast") || words.contains("dinner") || words.contains("meal") { return .meal }
        if words.contains("visit") || words.contains("reception") || words.contains("excursion") || words.contains("tour")
            || words.contains("social") { return .social }
        return .session
    }

    /// ``kind(of:)`` for ASCII topics, from the bytes (the same words, no allocation per word).
    static func asciiKind(of topic: String) -> AgendaItemKind {
        var lower = Array(topic.utf8)
        for k in lower.indices where lower[k] >= 65 && lower[k] <= 90 { lower[k] |= 0x20 }
        func starts(_ p: StaticString) -> Bool {
            p.withUTF8Buffer { b in lower.count >= b.count && lower[..<b.count].elementsEqual(b) }
        }
        if starts("close") || starts("adjourn") || starts("end of") || starts("travel") || starts("depart") || starts("arrival") {
            return .other
        }
        var isBreak = false, isMeal = false, isSocial = false
        var k = 0
        while k < lower.count {
            guard lower[k] >= 97 && lower[k] <= 122 else { k += 1; continue }
            let s = k
            while k < lower.count, lower[k] >= 97 && lower[k] <= 122 { k += 1 }
            let w = lower[s..<k]
            func eq(_ p: StaticString) -> Bool { p.withUTF8Buffer { w.elementsEqual($0) } }
            switch w.count {
            case 3: if eq("tea") { isBreak = true }
            case 4: if eq("meal") { isMeal = true } else if eq("tour") { isSocial = true }
            case 5: if eq("break") { isBreak = true } else if eq("lunch") { isMeal = true } else if eq("visit") { isSocial = true }
            case 6: if eq("coffee") { isBreak = true } else if eq("dinner") { isMeal = true } else if eq("social") { isSocial = true }
            case 9: if eq("breakfast") { isMeal = true } else if eq("reception") || eq("excursion") { isSocial = true }
            default: break
            }
        }
        if isBreak { return .break }
        if isMeal { return .meal }
        if isSocial { return .social }
        return .session
    }

    /// Whether a `Character` of `s` is a letter or a number. An ASCII letter or digit whose byte before is ASCII
    /// (or that starts the text) begins a `Character` of its own (only a Prepend scalar before it could join
    /// it to another), so finding one answers yes; otherwise the `Character`s decide.
    static func hasLetterOrNumber(_ s: String) -> Bool {
        var copy = s
        let found = copy.withUTF8 { u -> Bool in
            var previous: UInt8 = 0
            for b in u {
                if previous < 0x80, (b &- 48 < 10 || b &- 65 < 26 || b &- 97 < 26) { return true }
                previous = b
            }
            return false
        }
        return found || referenceHasLetterOrNumber(s)
    }

    /// The `Character` definition of ``hasLetterOrNumber(_:)``.
    static func referenceHasLetterOrNumber(_ s: String) -> Bool {
        s.contains(where: { $0.isLetter || $0.isNumber })
    }

    mutating func row(_ raw: [String], line: Int, _ p: inout PageParser) {
        // Cells with no letter or digit are debris.
        var cells: [String] = []
        for c in raw {
            if !c.isEmpty && !Self.hasLetterOrNumber(c) && !c.hasPrefix("<") {
                p.diag(.warning, "debris-cell", "cell without words dropped", line: line, text: c)
                cells.append("")
            } else {
                cells.append(c)
            }
        }
        while cells.count < roles.count { cells.append("") }
        let ti = index(.time) ?? 0
        let timeText = cells[ti]
        let range = TimeRecognizer.parseRange(timeText)
        let nonEmpty = cells.filter { !$0.isEmpty }
        if nonEmpty.isEmpty { return }
        if range == nil, isDebris(nonEmpty) {
            p.diag(.warning, "debris-row", "row of stray characters (PDF debris) skipped", line: line,
                   text: nonEmpty.joined(separator: " "))
            return
        }
        var topicIdx = index(.topic) ?? 1
        if topicIdx >= cells.count { topicIdx = cells.count - 1 }
        var topic = cells[topicIdx]
        if let range, !Self.isWritten(range.start, as: timeText) {
            p.diag(.note, "time-normalised", "time \"\(timeText)\" read as \(range.start)" + (range.end.map { "–\($0)" } ?? ""),
                   line: line, text: timeText)
        }
        if range == nil, !timeText.isEmpty {
            p.diag(.note, "time-not-clock", "time cell is not a clock time; kept as written", line: line, text: timeText)
        }
        if range == nil && topic.isEmpty {
            continuation(cells, line: line, &p)
            return
        }
        // Cells split by the PDF inside the topic ("Break (Refreshments Provided\t) (E").
        var kind = Self.kind(of: topic)
        let j = topicIdx + 1
        var merges = 0
        while merges < 8, j < cells.count, !cells[j].isEmpty, !cells[j].hasPrefix("<"), chairs(cells[j], p) == nil {
            let c = cells[j]
            let open = topic.filter { $0 == "(" }.count > topic.filter { $0 == ")" }.count
            guard kind == .break || kind == .meal || open || c.first?.isLowercase == true else { break }
            topic += (c.first == ")" ? "" : " ") + c
            cells.remove(at: j)
            cells.append("")
            kind = Self.kind(of: topic)
            merges += 1
        }
        topic = Self.plainTopic(topic) ?? Self.referenceTopic(topic)
        func cell(_ r: Role) -> String {
            guard let i = index(r), i < cells.count else { return "" }
            return cells[i]
        }
        var notesText = cell(.notes)
        if cells.count > roles.count {
            let extra = cells[roles.count...].filter { !$0.isEmpty }
            if !extra.isEmpty { notesText += (notesText.isEmpty ? "" : "  ") + extra.joined(separator: "  ") }
        }
        var discussionText = cell(.discussion)
        var chairs: [Person] = []
        let chairText = cell(.chair)
        if !chairText.isEmpty {
            if let found = self.chairs(chairText, p) {
                chairs = found
            } else {
                discussionText = chairText + (discussionText.isEmpty ? "" : "  " + discussionText)
            }
        }
        addItem(start: range?.start, end: range?.end, topic: topic, kind: kind, chairs: chairs,
                discussion: discussionText, notes: notesText, line: line, &p)
    }

    /// Whether `text` is `time.description` ("09:05": two digits, a colon, two digits), compared on the bytes
    /// without making the description.
    static func isWritten(_ time: LocalTime, as text: String) -> Bool {
        let u = text.utf8
        guard u.count == 5, time.hour >= 0, time.hour < 100, time.minute >= 0, time.minute < 100 else {
            return text == time.description
        }
        var k = u.startIndex
        @inline(__always) func next() -> UInt8 { let b = u[k]; k = u.index(after: k); return b }
        let h1 = next(), h2 = next(), colon = next(), m1 = next(), m2 = next()
        return colon == 58 && h1 == UInt8(48 + time.hour / 10) && h2 == UInt8(48 + time.hour % 10)
            && m1 == UInt8(48 + time.minute / 10) && m2 == UInt8(48 + time.minute % 10)
    }

    /// The topic as the fragment reader gives it back (markup read, white space collapsed).
    static func referenceTopic(_ topic: String) -> String {
        HTMLFragment.parse(topic).rich.plainText.collapsed
    }

    /// ``referenceTopic(_:)`` without reading it, for a topic it gives back unchanged: one that is not empty and
    /// holds no "<" or "&" (markup), no "*" (emphasis), no byte 0xE2 (bullets, dashes of white space), no white
    /// space but single spaces inside (no tab, line break, double space, or lead byte 0xC2/0xE1/0xE3 of another
    /// white-space scalar). `nil` for every other topic.
    static func plainTopic(_ topic: String) -> String? {
        var copy = topic
        let plain = copy.withUTF8 { u -> Bool in
            guard let first = u.first, let last = u.last, first != 32, last != 32 else { return false }
            var previous: UInt8 = 0
            for b in u {
                switch b {
                case 60, 38, 42, 0xE2, 0xC2, 0xE1, 0xE3, 9, 10, 11, 12, 13: return false
                case 32 where previous == 32: return false
                default: previous = b
                }
            }
            return true
        }
        return plain ? topic : nil
    }

    mutating func addItem(start: LocalTime?, end: LocalTime?, topic: String, kind: AgendaItemKind, chairs: [Person],
                          discussion: String, notes: String, line: Int, _ p: inout PageParser) {
        ensureDay(&p)
        if let start, let last = lastStart, start < last { newDayFromClock(line: line, &p) }
        if let start { lastStart = start }
        let d = CellText.convert(discussion)
        let n = CellText.convert(notes)
        let item = AgendaItem(start: start, end: end, topic: p.sharedTopic(topic), kind: kind, chairs: chairs,
                              discussion: cleaned(d.rich, line: line, &p), notes: cleaned(n.rich, line: line, &p),
                              location: SourceLocation(line: line))
        let dayIndex = p.meeting.agenda.count - 1
        p.meeting.agenda[dayIndex].items.append(item)
        let ref = AgendaItemReference(day: p.meeting.agenda[dayIndex].day, index: p.meeting.agenda[dayIndex].items.count - 1)
        extractActions(n.fragments, ref: ref, line: line, &p)
    }

    /// Jira keys as ticket inlines, macro residue dropped (and kept in a diagnostic).
    func cleaned(_ rich: RichText, line: Int, _ p: inout PageParser) -> RichText {
        let (out, removed) = TicketInlines.clean(rich, p.actions.tickets)
        if !removed.isEmpty {
            p.diag(.note, "jira-residue", "Jira macro placeholder text removed from notes", line: line,
                   text: removed.joined(separator: " "))
        }
        return out
    }

    /// A row without time and topic: its chairs, discussion and notes continue the item above.
    mutating func continuation(_ cells: [String], line: Int, _ p: inout PageParser) {
        guard let di = p.meeting.agenda.indices.last, let ii = p.meeting.agenda[di].items.indices.last else {
            p.diag(.warning, "unplaced-text", "agenda row before any agenda item", line: line,
                   text: cells.filter { !$0.isEmpty }.joined(separator: " "))
            return
        }
        func cell(_ r: Role) -> String {
            guard let i = index(r), i < cells.count else { return "" }
            return cells[i]
        }
        var notesText = cell(.notes)
        if cells.count > roles.count {
            let extra = cells[roles.count...].filter { !$0.isEmpty }
            if !extra.isEmpty { notesText += (notesText.isEmpty ? "" : "  ") + extra.joined(separator: "  ") }
        }
        var discussionText = cell(.discussion)
        let chairText = cell(.chair)
        if !chairText.isEmpty {
            if let found = chairs(chairText, p) {
                for c in found
                where !p.meeting.agenda[di].items[ii].chairs.contains(where: { $0.isSamePerson(as: c) }) {
                    p.meeting.agenda[di].items[ii].chairs.append(c)
                }
            } else {
                discussionText = chairText + (discussionText.isEmpty ? "" : "  " + discussionText)
            }
        }
        let d = CellText.convert(discussionText)
        let n = CellText.convert(notesText)
        p.meeting.agenda[di].items[ii].discussion.blocks += cleaned(d.rich, line: line, &p).blocks
        p.meeting.agenda[di].items[ii].notes.blocks += cleaned(n.rich, line: line, &p).blocks
        p.diag(.note, "continuation-row", "row without time or topic continues the item above", line: line)
        extractActions(n.fragments, ref: AgendaItemReference(day: p.meeting.agenda[di].day, index: ii), line: line, &p)
    }

    /// A line that is not a row: a lone time, the topic after a lone time, an interleaved row, or text.
    mutating func loose(_ l: Line, _ p: inout PageParser) {
        let t = l.text.trimmed
        if let (time, rest) = TimeRecognizer.leadingTime(in: l.text) {
            flushPending(&p)
            if rest.trimmed.isEmpty { pendingTime = (time, l.number); return }
            interleaved(time, String(rest), line: l.number, &p)
            return
        }
        if let pending = pendingTime {
            pendingTime = nil
            let topic = t.withoutMarkdown
            addItem(start: pending.time, end: nil, topic: topic, kind: Self.kind(of: topic), chairs: [], discussion: "",
                    notes: "", line: pending.line, &p)
            return
        }
        continuation(["", "", "", "", t] + [], line: l.number, &p)
    }

    mutating func flushPending(_ p: inout PageParser) {
        guard let pending = pendingTime else { return }
        pendingTime = nil
        addItem(start: pending.time, end: nil, topic: "", kind: .other, chairs: [], discussion: "", notes: "", line: pending.line, &p)
        p.diag(.warning, "time-without-topic", "agenda time without a topic", line: pending.line)
    }

    /// "16:00 Topic words Chair Name / Unknown <discussion and notes interleaved> User (x) …": the PDF wove
    /// the columns together. The first participant named ends the topic; the rest is kept as notes.
    mutating func interleaved(_ time: LocalTime, _ rest: String, line: Int, _ p: inout PageParser) {
        var best: (Range<String.Index>, Person)? = nil
        // The chair follows the topic: look in the first few hundred characters only.
        let head = rest.prefix(300)
        for person in p.meeting.participants.prefix(200) {
            for name in [person.name] + person.aliases where name.hasByte(32) {
                if let hr = head.firstRange(of: name),
                   case let r = hr.lowerBound..<hr.upperBound, best.map({ r.lowerBound < $0.0.lowerBound }) ?? true { best = (r, person) }
            }
        }
        if let r = rest.firstRange(of: "Unknown User ("), let close = rest[r.upperBound...].firstIndex(of: ")"),
           best.map({ r.lowerBound < $0.0.lowerBound }) ?? true,
           let person = PersonRecognizer.person(from: rest[r.lowerBound...close]) {
            best = (r.lowerBound..<rest.index(after: close), p.resolve(person))
        }
        guard let (r, chair) = best else {
            addItem(start: time, end: nil, topic: rest.trimmed, kind: Self.kind(of: rest), chairs: [], discussion: "", notes: "", line: line, &p)
            p.diag(.note, "row-without-columns", "agenda row without columns; whole text taken as topic", line: line)
            return
        }
        let topic = String(rest[..<r.lowerBound]).trimmed
        var chairs = [chair]
        var after = String(rest[r.upperBound...]).trimmed
        // "/ Unknown … User (x)": a second chair whose name the PDF split.
        for sep in ["/ Unknown", "& Unknown", "and Unknown"] where after.hasPrefix(sep) {
            let tail = String(after.dropFirst(sep.count))
            if let u = tail.firstRange(of: "User ("), let close = tail[u.upperBound...].firstIndex(of: ")") {
                let name = String(tail[u.upperBound..<close]).trimmed
                if !name.isEmpty, let person = PersonRecognizer.person(from: "Unknown User (\(name))") {
                    chairs.append(p.resolve(person))
                    after = (String(tail[..<u.lowerBound]) + String(tail[tail.index(after: close)...])).collapsed
                }
            }
        }
        p.diag(.note, "interleaved-row", "columns interleaved by text extraction: discussion and notes kept together as notes",
               line: line)
        addItem(start: time, end: nil, topic: topic, kind: Self.kind(of: topic), chairs: chairs, discussion: "", notes: after,
                line: line, &p)
    }

    mutating func extractActions(_ fragments: [String], ref: AgendaItemReference, line: Int, _ p: inout PageParser) {
        var recs: [RecognizedActionItem] = []
        var current: Int? = nil
        for f in fragments {
            let found = p.actions.recognizeAll(in: f, memo: &p.ownerMemo)
            if !found.isEmpty {
                recs += found
                current = recs.count - 1
            } else if let c = current, p.actions.absorb(f, into: &recs[c]) {
                continue
            } else {
                current = nil
            }
        }
        for r in recs { p.meeting.actionItems.append(r.actionItem(agendaItem: ref, location: SourceLocation(line: line))) }
    }

    /// End times from the next item's start; a pending lone time becomes an item.
    mutating func finish(parser p: inout PageParser) {
        flushPending(&p)
        Self.closeLastDay(&p)
        for di in p.meeting.agenda.indices {
            var next: LocalTime? = nil
            for ii in p.meeting.agenda[di].items.indices.reversed() {
                let item = p.meeting.agenda[di].items[ii]
                if item.end == nil, let s = item.start, let n = next, n > s { p.meeting.agenda[di].items[ii].end = n }
                if let s = item.start { next = s }
            }
        }
    }
}
