// swift-meeting-notes · MeetingExport

import Foundation
public import MeetingModel

/// One action item with the context of the meeting it comes from: a row of a task report across
/// many meetings.
public struct ActionRow: Sendable, Hashable, Codable {
    /// The meeting's title; the source file's name (without folder and extension) when the page has none.
    public var meetingTitle: String
    /// The meeting's first day.
    public var meetingDate: CalendarDate?
    /// The file or URL the meeting was read from.
    public var sourceFile: String?
    /// "Day 1: Middleware status" when the action stands under an agenda item; else its section title.
    public var agendaItem: String?
    /// The action item itself.
    public var action: ActionItem
    /// Its position in the meeting's `Meeting.actionItems` (for stable ordering).
    public var ordinal: Int

    /// Creates a row.
    public init(meetingTitle: String, meetingDate: CalendarDate?, sourceFile: String?, agendaItem: String?,
                action: ActionItem, ordinal: Int) {
        self.meetingTitle = meetingTitle
        self.meetingDate = meetingDate
        self.sourceFile = sourceFile
        self.agendaItem = agendaItem
        self.action = action
        self.ordinal = ordinal
    }

    /// The rows of one meeting, in document order.
    public static func rows(of meeting: Meeting, sourceFile: String? = nil) -> [ActionRow] {
        let file = sourceFile ?? meeting.page.source
        var title = meeting.title
        if title.isEmpty, let file {
            let name = file.split(separator: "/").last.map(String.init) ?? file
            title = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        }
        return meeting.actionItems.enumerated().map { index, action in
            var context: String? = action.section
            // `meeting.agendaItem(ref)`'s topic, read in place (no copy of the day and the item).
            if let ref = action.agendaItem, let d = meeting.agenda.firstIndex(where: { $0.day == ref.day }),
               meeting.agenda[d].items.indices.contains(ref.index) {
                context = "Day " + String(ref.day) + ": " + meeting.agenda[d].items[ref.index].topic
            }
            return ActionRow(meetingTitle: title, meetingDate: meeting.startDate,
                             sourceFile: file, agendaItem: context,
                             action: action, ordinal: index)
        }
    }

    /// Owner names and groups, as written.
    public var ownerNames: [String] { action.owners.map(\.name) + action.groups }

    /// Open unless the page says done (`ActionStatus.unknown` counts as open).
    public var isOpen: Bool { action.status != .done }

    enum CodingKeys: String, CodingKey {
        case meeting, meetingDate, sourceFile, agendaItem, owners, groups, text, due, status, tickets, line, column,
             taskId
    }

    /// Flat JSON: `meeting`, `meetingDate`, `sourceFile`, `agendaItem`, `owners` (people), `groups`,
    /// `text`, `due`, `status`, `tickets`, `line`, `column`, `taskId`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(meetingTitle, forKey: .meeting)
        try c.encode(meetingDate, forKey: .meetingDate)
        try c.encode(sourceFile, forKey: .sourceFile)
        try c.encode(agendaItem, forKey: .agendaItem)
        try c.encode(action.owners, forKey: .owners)
        try c.encode(action.groups, forKey: .groups)
        try c.encode(action.text, forKey: .text)
        try c.encode(action.due, forKey: .due)
        try c.encode(action.status, forKey: .status)
        try c.encode(action.tickets, forKey: .tickets)
        try c.encode(action.location?.line, forKey: .line)
        try c.encode(action.location?.column, forKey: .column)
        try c.encodeIfPresent(action.taskID, forKey: .taskId)
    }

    /// Reads the flat JSON form.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        meetingTitle = try c.decodeIfPresent(String.self, forKey: .meeting) ?? ""
        meetingDate = try c.decodeIfPresent(CalendarDate.self, forKey: .meetingDate)
        sourceFile = try c.decodeIfPresent(String.self, forKey: .sourceFile)
        agendaItem = try c.decodeIfPresent(String.self, forKey: .agendaItem)
        var location: SourceLocation?
        if let line = try c.decodeIfPresent(Int.self, forKey: .line) {
            location = SourceLocation(line: line, column: try c.decodeIfPresent(Int.self, forKey: .column) ?? 1)
        }
        action = ActionItem(owners: try c.decodeIfPresent([Person].self, forKey: .owners) ?? [],
                            groups: try c.decodeIfPresent([String].self, forKey: .groups) ?? [],
                            text: try c.decodeIfPresent(String.self, forKey: .text) ?? "",
                            due: try c.decodeIfPresent(CalendarDate.self, forKey: .due),
                            status: try c.decodeIfPresent(ActionStatus.self, forKey: .status) ?? .unknown,
                            tickets: try c.decodeIfPresent([String].self, forKey: .tickets) ?? [],
                            taskID: try c.decodeIfPresent(String.self, forKey: .taskId), location: location)
        ordinal = 0
    }
}

/// Which action rows to keep.
public struct ActionFilter: Sendable, Hashable {
    /// Status selection.
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        /// Not done (open or unknown).
        case open
        /// Done.
        case done
        /// Everything.
        case all
    }

    /// Keep rows one of whose owners has this name, alias or username, or one of whose groups is this
    /// text (case, apostrophes and spacing ignored).
    public var owner: String?
    /// Status selection.
    public var status: Status
    /// Keep rows due strictly before this day.
    public var dueBefore: CalendarDate?
    /// Keep rows not done and due strictly before this day.
    public var overdueOn: CalendarDate?
    /// Keep rows naming this ticket (case-insensitive).
    public var ticket: String?

    /// Creates a filter; the default keeps everything.
    public init(owner: String? = nil, status: Status = .all, dueBefore: CalendarDate? = nil,
                overdueOn: CalendarDate? = nil, ticket: String? = nil) {
        self.owner = owner
        self.status = status
        self.dueBefore = dueBefore
        self.overdueOn = overdueOn
        self.ticket = ticket
    }

    /// Whether `row` passes every condition set.
    public func matches(_ row: ActionRow) -> Bool {
        switch status {
        case .open: if !row.isOpen { return false }
        case .done: if row.action.status != .done { return false }
        case .all: break
        }
        if let dueBefore {
            guard let due = row.action.due, due < dueBefore else { return false }
        }
        if let overdueOn {
            guard row.isOpen, let due = row.action.due, due < overdueOn else { return false }
        }
        if let ticket {
            let key = ticket.uppercased()
            guard row.action.tickets.contains(where: { $0.uppercased() == key }) else { return false }
        }
        if let owner, !ActionFilter.owner(owner, matches: row.action) { return false }
        return true
    }

    /// Whether `name` names one of the action's owners (by name, alias or username, a leading `@`
    /// ignored) or groups.
    public static func owner(_ name: String, matches action: ActionItem) -> Bool {
        let wanted = Person.normalizedName(name.hasPrefix("@") ? String(name.dropFirst()) : name)
        guard !wanted.isEmpty else { return false }
        for person in action.owners {
            if Person.normalizedName(person.name) == wanted { return true }
            if person.aliases.contains(where: { Person.normalizedName($0) == wanted }) { return true }
            if let user = person.username, user.lowercased() == wanted { return true }
        }
        return action.groups.contains { Person.normalizedName($0) == wanted }
    }
}

/// A task report: action rows from many meetings, filtered and sorted.
///
/// Rows sort by due date (rows without one last), then meeting date (none last), meeting title,
/// source file and position in the meeting, so that the same inputs always give the same order.
public struct ActionReport: Sendable, Hashable {
    /// The rows, in report order once ``sort()`` has run.
    public var rows: [ActionRow]

    /// Creates a report from rows (unsorted).
    public init(rows: [ActionRow] = []) { self.rows = rows }

    /// A sorted report of the action items of `meetings` that pass `filter`.
    public init(meetings: [Meeting], filter: ActionFilter = ActionFilter()) {
        rows = meetings.flatMap { ActionRow.rows(of: $0) }.filter(filter.matches)
        sort()
    }

    /// Sorts the rows into report order.
    public mutating func sort() { rows.sort(by: ActionReport.precedes) }

    /// Report order.
    public static func precedes(_ a: ActionRow, _ b: ActionRow) -> Bool {
        if a.action.due != b.action.due {
            guard let x = a.action.due else { return false }
            guard let y = b.action.due else { return true }
            return x < y
        }
        if a.meetingDate != b.meetingDate {
            guard let x = a.meetingDate else { return false }
            guard let y = b.meetingDate else { return true }
            return x < y
        }
        if a.meetingTitle != b.meetingTitle { return a.meetingTitle < b.meetingTitle }
        if a.sourceFile != b.sourceFile { return (a.sourceFile ?? "") < (b.sourceFile ?? "") }
        return a.ordinal < b.ordinal
    }

    /// The CSV header fields.
    public static let csvHeader = ["meeting", "date", "agenda item", "owners", "text", "due", "status", "tickets",
                                   "source file", "line"]

    /// RFC 4180 CSV with a header: CRLF line ends; fields quoted when they hold `"`, `,`, CR or LF.
    /// Owners are joined with "; ", tickets with " ".
    public func csv() -> String {
        var out = CSV.row(ActionReport.csvHeader)
        for r in rows { out += CSV.row(ActionReport.csvFields(r)) }
        return out
    }

    /// The CSV fields of one row, in ``csvHeader`` order.
    static func csvFields(_ r: ActionRow) -> [String] {
        [r.meetingTitle, r.meetingDate?.description ?? "", r.agendaItem ?? "",
         r.ownerNames.joined(separator: "; "), r.action.text, r.action.due?.description ?? "",
         r.action.status.rawValue, r.action.tickets.joined(separator: " "), r.sourceFile ?? "",
         r.action.location.map { String($0.line) } ?? ""]
    }

    /// Appends the bytes of `CSV.row(csvFields(r))` to `out` without building the fields as strings: dates
    /// written digit by digit, one owner's name without joining, every other field through `CSV.appendField`.
    static func appendCSVRecord(_ r: ActionRow, to out: inout [UInt8]) {
        CSV.appendField(r.meetingTitle, to: &out)
        out.append(0x2C)
        appendDate(r.meetingDate, to: &out)
        out.append(0x2C)
        CSV.appendField(r.agendaItem ?? "", to: &out)
        out.append(0x2C)
        let owners = r.action.owners, groups = r.action.groups
        if owners.count + groups.count == 1 {
            CSV.appendField(owners.first?.name ?? groups[0], to: &out)
        } else if owners.count + groups.count > 1 {
            CSV.appendField(r.ownerNames.joined(separator: "; "), to: &out)
        }
        out.append(0x2C)
        CSV.appendField(r.action.text, to: &out)
        out.append(0x2C)
        appendDate(r.action.due, to: &out)
        out.append(0x2C)
        out.append(contentsOf: r.action.status.rawValue.utf8)   // "open", "done", "unknown": never quoted
        out.append(0x2C)
        let tickets = r.action.tickets
        if tickets.count == 1 {
            CSV.appendField(tickets[0], to: &out)
        } else if tickets.count > 1 {
            CSV.appendField(tickets.joined(separator: " "), to: &out)
        }
        out.append(0x2C)
        CSV.appendField(r.sourceFile ?? "", to: &out)
        out.append(0x2C)
        if let line = r.action.location?.line { out.append(contentsOf: String(line).utf8) }
        out.append(0x0D)
        out.append(0x0A)
    }

    /// The bytes of `date?.description ?? ""`, a CSV field that never needs quotes (digits and "-").
    static func appendDate(_ date: CalendarDate?, to out: inout [UInt8]) {
        guard let d = date else { return }
        guard (0...9999).contains(d.year), (0...99).contains(d.month), (0...99).contains(d.day) else {
            out.append(contentsOf: d.description.utf8)
            return
        }
        out.append(0x30 + UInt8(d.year / 1000))
        out.append(0x30 + UInt8(d.year / 100 % 10))
        out.append(0x30 + UInt8(d.year / 10 % 10))
        out.append(0x30 + UInt8(d.year % 10))
        out.append(0x2D)
        out.append(0x30 + UInt8(d.month / 10))
        out.append(0x30 + UInt8(d.month % 10))
        out.append(0x2D)
        out.append(0x30 + UInt8(d.day / 10))
        out.append(0x30 + UInt8(d.day % 10))
    }

    /// A JSON array of rows (canonical: sorted keys, pretty-printed), ending with a newline.
    public func json() -> String {
        String(decoding: MeetingJSON.encodeValue(rows), as: UTF8.self) + "\n"
    }

    /// JSON Lines: one compact row object per line.
    public func jsonLines() -> String {
        rows.map { String(decoding: MeetingJSON.encodeValue($0, pretty: false), as: UTF8.self) + "\n" }.joined()
    }

    /// A table aligned for terminals: due, status, owners, action, meeting, date; text longer than
    /// `maxTextWidth` characters is cut with "…".
    public func table(maxTextWidth: Int = 60) -> String {
        var grid: [[String]] = [ActionReport.tableHeader]
        for r in rows { grid.append(ActionReport.tableCells(r, maxTextWidth: maxTextWidth)) }
        return TextTable.render(grid)
    }

    /// The column titles of ``table(maxTextWidth:)``.
    static let tableHeader = ["DUE", "STATUS", "OWNERS", "ACTION", "MEETING", "DATE"]

    /// The table cells of one row, clipped.
    static func tableCells(_ r: ActionRow, maxTextWidth: Int) -> [String] {
        [r.action.due?.description ?? "-", r.action.status.rawValue,
         TextTable.clip(r.ownerNames.joined(separator: ", "), 30),
         TextTable.clip(r.action.text, maxTextWidth),
         TextTable.clip(r.meetingTitle, 40), r.meetingDate?.description ?? "-"]
    }
}

/// RFC 4180 fields and rows.
public enum CSV {
    /// One field, quoted when it holds `"`, `,`, CR or LF (inner quotes doubled).
    public static func field(_ value: String) -> String {
        guard needsQuotes(value) else { return value }
        var out: [UInt8] = []
        appendField(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// One record, CRLF-terminated.
    public static func row(_ fields: [String]) -> String {
        var out: [UInt8] = []
        appendRow(fields, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of `row(_:)` to `out`, without building a `String` per field: the rows of
    /// a large report are written this way on the workers.
    static func appendRow(_ fields: [String], to out: inout [UInt8]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(0x2C) }
            appendField(f, to: &out)
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    /// Whether `value` holds `"`, `,`, CR or LF.
    static func needsQuotes(_ value: String) -> Bool {
        value.utf8.contains { $0 == 0x22 || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }
    }

    /// Appends the bytes of `field(_:)` to `out`: the value, or the value quoted with every `"` doubled.
    ///
    /// Foundation's `replacingOccurrences(of:with:)`, which defines the doubling, matches whole characters: a
    /// `"` that a combining mark or joiner extends (`"\u{301}`) is not a `"` to it and stays single. Every
    /// such mark is U+0300 or above, so a value whose scalars are all below U+0300 (no UTF-8 lead byte from
    /// 0xCC up) has its quotes doubled byte by byte; any other value that needs doubling goes through
    /// Foundation as before.
    static func appendField(_ value: String, to out: inout [UInt8]) {
        // On the string's contiguous UTF-8 (copied once when it has none): one scan, then a block copy.
        var value = value
        value.withUTF8 { u in
            var quotes = false, marks = false, needs = false
            for b in u {
                if b == 0x22 { quotes = true; needs = true } else if b == 0x2C || b == 0x0A || b == 0x0D { needs = true }
                if b >= 0xCC { marks = true }
            }
            guard needs else {
                out.append(contentsOf: u)
                return
            }
            out.append(0x22)
            if quotes && marks {
                out.append(contentsOf: String(decoding: u, as: UTF8.self).replacingOccurrences(of: "\"", with: "\"\"").utf8)
            } else {
                for b in u {
                    out.append(b)
                    if b == 0x22 { out.append(0x22) }
                }
            }
            out.append(0x22)
        }
    }
}

/// Plain-text tables aligned in columns, by terminal display width (East Asian wide characters and
/// emoji take two columns, combining marks none).
enum TextTable {
    static func render(_ grid: [[String]]) -> String {
        guard let header = grid.first else { return "" }
        var widths = Array(repeating: 0, count: header.count)
        for row in grid {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], displayWidth(cell)) }
        }
        var out = ""
        for row in grid { out += line(row, widths: widths) }
        return out
    }

    /// One row padded to `widths` (display columns), trailing spaces cut, ending with a newline.
    static func line(_ row: [String], widths: [Int]) -> String {
        var line = ""
        for (i, cell) in row.enumerated() {
            line += cell
            if i < row.count - 1, i < widths.count {
                line += String(repeating: " ", count: widths[i] - displayWidth(cell) + 2)
            }
        }
        while line.hasSuffix(" ") { line.removeLast() }
        return line + "\n"
    }

    /// The display width of `utf8` when it is "simple" text, whose every scalar is printable ASCII
    /// (U+0020…U+007E), in U+00A0…U+02FF (Latin-1 letters, Latin Extended, IPA, spacing modifiers) or in the
    /// printing punctuation of U+2010…U+205E (dashes, curly quotes, bullets, "…"): then each scalar is a
    /// `Character` of its own (no combining marks, joiners or prepended marks in those ranges, no controls, CR or
    /// other newlines), one column wide (none has the emoji presentation or is East Asian wide), so the width is
    /// the number of scalars. Nil for any other text, which takes the `Character` path. Most of a report's cells
    /// (names, titles, dates) are simple text, and the table's widths, clipping and padding are then byte work.
    static func simpleWidth<C: Collection<UInt8>>(_ utf8: C) -> Int? where C.Index == Int {
        var n = 0
        var i = utf8.startIndex
        let end = utf8.endIndex
        while i < end {
            let b = utf8[i]
            if b &- 0x20 < 0x5F {
                i += 1
            } else if b >= 0xC2 && b <= 0xCB && i + 1 < end {
                let c = utf8[i + 1]
                guard c & 0xC0 == 0x80, b != 0xC2 || c >= 0xA0 else { return nil }
                i += 2
            } else if b == 0xE2 && i + 2 < end {
                // U+2010…U+2027 (dashes, quotation marks, bullets, "…") and U+2030…U+205E (per mille, primes,
                // guillemets, other punctuation): not U+2000…U+200F (spaces, zero-width joiners, marks), U+2028/9
                // (line and paragraph separators), U+202A…U+202F (bidi controls), U+205F… (spaces, invisibles).
                let c = utf8[i + 1], d = utf8[i + 2]
                guard (c == 0x80 && ((d >= 0x90 && d <= 0xA7) || (d >= 0xB0 && d <= 0xBF)))
                        || (c == 0x81 && d >= 0x80 && d <= 0x9E) else { return nil }
                i += 3
            } else {
                return nil
            }
            n += 1
        }
        return n
    }

    /// `simpleWidth(_:)` of a string's UTF-8.
    static func simpleWidth(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { simpleWidth($0) }
    }

    /// Appends the bytes of `line(_:widths:)` for cells given as UTF-8 bytes: on bytes when every cell is
    /// simple text (see `simpleWidth(_:)`), through `line(_:widths:)` otherwise.
    static func appendLine(_ cells: [ArraySlice<UInt8>], widths: [Int], to out: inout [UInt8]) {
        var cellWidths: [Int] = []
        cellWidths.reserveCapacity(cells.count)
        for cell in cells {
            guard let w = simpleWidth(cell) else {
                out.append(contentsOf: line(cells.map { String(decoding: $0, as: UTF8.self) }, widths: widths).utf8)
                return
            }
            cellWidths.append(w)
        }
        let start = out.count
        for (i, cell) in cells.enumerated() {
            out.append(contentsOf: cell)
            if i < cells.count - 1, i < widths.count {
                let pad = widths[i] - cellWidths[i] + 2
                if pad > 0 { out.append(contentsOf: repeatElement(0x20, count: pad)) }
            }
        }
        // A simple cell's last scalar is a Character of its own: a trailing 0x20 byte is a trailing " ".
        while out.count > start, out[out.count - 1] == 0x20 { out.removeLast() }
        out.append(0x0A)
    }

    /// Cuts `text` to at most `width` display columns, ending with "…" when cut; newlines become spaces.
    static func clip(_ text: String, _ width: Int) -> String {
        var copy = text
        let simple: String?? = copy.withUTF8 { u in
            guard let n = simpleWidth(u) else { return nil }
            guard n > width, width > 1 else { return .some(nil) }
            // The first width - 1 scalars (one or two bytes each), then "…".
            var i = 0, kept = 0
            while kept < width - 1 {
                i += u[i] < 0x80 ? 1 : (u[i] < 0xE0 ? 2 : 3)
                kept += 1
            }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: u[0..<i]), as: UTF8.self) + "…")
        }
        if let simple { return simple ?? text }
        return clipByCharacters(text, width)
    }

    /// `clip(_:_:)` one `Character` at a time: the definition, for any text.
    static func clipByCharacters(_ text: String, _ width: Int) -> String {
        var flat = ""
        for ch in text { flat.append(ch.isNewline ? " " : ch) }
        guard displayWidthByCharacters(flat) > width, width > 1 else { return flat }
        var out = ""
        var used = 0
        for ch in flat {
            let w = displayWidth(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    static func displayWidth(_ text: String) -> Int {
        if let n = simpleWidth(text) { return n }
        return displayWidthByCharacters(text)
    }

    /// `displayWidth(_:)` one `Character` at a time: the definition, for any text.
    static func displayWidthByCharacters(_ text: String) -> Int {
        var total = 0
        for ch in text { total += displayWidth(ch) }
        return total
    }

    static func displayWidth(_ ch: Character) -> Int {
        guard let scalar = ch.unicodeScalars.first else { return 0 }
        if ch.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return scalar.properties.generalCategory == .nonspacingMark ? 0 : 1
        }
    }
}
