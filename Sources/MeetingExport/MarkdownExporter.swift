// swift-meeting-notes · MeetingExport

import Foundation
public import MeetingModel

/// Renders a `Meeting` as Markdown minutes (CommonMark with GitHub extensions: tables and task lists).
///
/// The document has, in order: the title (the source file's name when the page has none) with dates, time zone and location; the participants (remote
/// ones marked); the free sections; per agenda day a table (time, topic, chairs) followed by each item's
/// discussion, notes and action items; every action item as a task-list line; decisions; attachments;
/// pre-meeting planning topics. Rich text keeps its structure (nested lists, tables, panels as block
/// quotes, emphasis, links). All page text is escaped so that it reads as text, never as markup.
///
/// ```swift
/// let markdown = MarkdownExporter().render(meeting)
/// ```
public struct MarkdownExporter: Sendable {
    /// What to include and how to link.
    public struct Options: Sendable, Hashable {
        /// Base URL for Jira tickets ("https://jira.example.org/browse/"); tickets are plain text when `nil`.
        public var ticketBaseURL: String?
        /// Append the importer's diagnostics as a final "Import notes" section.
        public var includeDiagnostics: Bool
        /// Repeat each agenda item's action items under the item (they are always listed in "Action items").
        public var actionItemsUnderAgendaItems: Bool

        /// Creates options.
        public init(ticketBaseURL: String? = nil, includeDiagnostics: Bool = false,
                    actionItemsUnderAgendaItems: Bool = true) {
            self.ticketBaseURL = ticketBaseURL
            self.includeDiagnostics = includeDiagnostics
            self.actionItemsUnderAgendaItems = actionItemsUnderAgendaItems
        }
    }

    /// The options in use.
    public var options: Options

    /// Creates an exporter.
    public init(options: Options = Options()) { self.options = options }

    /// The meeting as a Markdown document, ending with a newline.
    public func render(_ meeting: Meeting) -> String {
        var doc = MarkdownDocument()
        let r = RichTextMarkdown(ticketBaseURL: options.ticketBaseURL)

        var title = meeting.title
        if title.isEmpty, let source = meeting.page.source, let name = source.split(separator: "/").last {
            title = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? String(name)
        }
        doc.block("# " + headingText(title.isEmpty ? "Meeting notes" : title))
        var facts: [String] = []
        if let s = meeting.startDate {
            if let e = meeting.endDate, e != s {
                facts.append("**Dates:** \(s) to \(e)")
            } else {
                facts.append("**Date:** \(s)")
            }
        }
        if let tz = meeting.timeZone { facts.append("**Time zone:** " + MarkdownEscaping.inline(tz)) }
        if let loc = meeting.location, !loc.isEmpty { facts.append("**Location:** " + MarkdownEscaping.inline(loc)) }
        if !facts.isEmpty { doc.block(facts.joined(separator: "\\\n")) }

        if !meeting.participants.isEmpty {
            doc.block("## Participants")
            doc.block(meeting.participants.map { p in
                "- " + MarkdownEscaping.inline(p.name) + (p.attendance == .remote ? " *(remote)*" : "")
            }.joined(separator: "\n"))
        }

        if !meeting.sections.isEmpty {
            let minLevel = meeting.sections.map { $0.level > 0 ? $0.level : 1 }.min() ?? 1
            for section in meeting.sections {
                let level = min(6, 2 + max(0, (section.level > 0 ? section.level : 1) - minLevel))
                doc.block(String(repeating: "#", count: level) + " " + headingText(section.title))
                let body = r.blocks(section.content.blocks)
                if !body.isEmpty { doc.block(body) }
            }
        }

        if !meeting.agenda.isEmpty {
            let actionsByItem = Dictionary(grouping: meeting.actionItems.filter { $0.agendaItem != nil }) {
                $0.agendaItem ?? AgendaItemReference(day: 0, index: 0)
            }
            doc.block("## Agenda")
            for day in meeting.agenda {
                let date = day.date ?? meeting.startDate.map { $0.adding(days: day.day - 1) }
                var heading = "### "
                if let title = day.title, !title.isEmpty {
                    heading += headingText(title)
                    if let date, !title.contains(date.description) { heading += " (\(date))" }
                } else {
                    heading += "Day \(day.day)" + (date.map { ": \($0)" } ?? "")
                }
                doc.block(heading)
                guard !day.items.isEmpty else { continue }
                var table = "| Time | Topic | Chairs |\n| --- | --- | --- |"
                for item in day.items {
                    table += "\n| " + timeRange(item) + " | " + MarkdownEscaping.tableCell(item.topic) + " | "
                        + MarkdownEscaping.tableCell(item.chairs.map(\.name).joined(separator: ", ")) + " |"
                }
                doc.block(table)
                for (index, item) in day.items.enumerated() {
                    let ref = AgendaItemReference(day: day.day, index: index)
                    let actions = options.actionItemsUnderAgendaItems ? actionsByItem[ref] ?? [] : []
                    if item.discussion.isEmpty && item.notes.isEmpty && actions.isEmpty { continue }
                    let time = timeRange(item)
                    doc.block("#### " + (time.isEmpty ? "" : time + " · ") + headingText(item.topic))
                    if !item.chairs.isEmpty {
                        doc.block("*Chairs:* " + item.chairs.map { MarkdownEscaping.inline($0.name) }.joined(separator: ", "))
                    }
                    if !item.discussion.isEmpty {
                        doc.block("**Discussion**")
                        doc.block(r.blocks(item.discussion.blocks))
                    }
                    if !item.notes.isEmpty {
                        doc.block("**Notes**")
                        doc.block(r.blocks(item.notes.blocks))
                    }
                    if !actions.isEmpty {
                        doc.block("**Action items**")
                        doc.block(actions.map(actionLine).joined(separator: "\n"))
                    }
                }
            }
        }

        if !meeting.actionItems.isEmpty || meeting.taskSummary != nil {
            doc.block("## Action items")
            if let summary = meeting.taskSummary, !summary.isEmpty { doc.block("*" + MarkdownEscaping.inline(summary) + "*") }
            if !meeting.actionItems.isEmpty {
                doc.block(meeting.actionItems.map { action in
                    var line = actionLine(action)
                    if let ref = action.agendaItem, let item = meeting.agendaItem(ref) {
                        line += " — *Day \(ref.day): " + MarkdownEscaping.inline(item.topic) + "*"
                    } else if let section = action.section, !section.isEmpty {
                        line += " — *" + MarkdownEscaping.inline(section) + "*"
                    }
                    return line
                }.joined(separator: "\n"))
            }
        }

        if !meeting.decisions.isEmpty {
            doc.block("## Decisions")
            doc.block(meeting.decisions.map { d in
                "- " + MarkdownEscaping.inline(d.text) + (d.state.map { " *(" + MarkdownEscaping.inline($0) + ")*" } ?? "")
            }.joined(separator: "\n"))
        }

        if !meeting.attachments.isEmpty {
            doc.block("## Attachments")
            var table = "| File | Type | Modified | By | Comment |\n| --- | --- | --- | --- | --- |"
            for a in meeting.attachments {
                table += "\n| " + [a.fileName, a.fileType ?? "", a.modified?.description ?? "", a.modifiedBy?.name ?? "",
                                   a.comment ?? ""].map(MarkdownEscaping.tableCell).joined(separator: " | ") + " |"
            }
            doc.block(table)
        }

        if !meeting.planningTopics.isEmpty {
            doc.block("## Pre-meeting planning")
            var table = "| Topic | Requested by | Time required | Notes |\n| --- | --- | --- | --- |"
            for t in meeting.planningTopics {
                let time = t.timeRequiredText ?? t.timeRequired.map { "\($0.minutes) min" } ?? ""
                table += "\n| " + MarkdownEscaping.tableCell(t.topic) + " | "
                    + MarkdownEscaping.tableCell(t.requestedBy.map(\.name).joined(separator: ", ")) + " | "
                    + MarkdownEscaping.tableCell(time) + " | " + r.cell(t.notes.blocks) + " |"
            }
            doc.block(table)
        }

        if options.includeDiagnostics && !meeting.diagnostics.isEmpty {
            doc.block("## Import notes")
            doc.block(meeting.diagnostics.map { d in
                var line = "- " + (d.location.map { "line \($0.line), column \($0.column): " } ?? "")
                    + "\(d.severity.rawValue): " + MarkdownEscaping.inline(d.message)
                if !d.code.isEmpty { line += " (`" + d.code + "`)" }
                if let text = d.text, !text.isEmpty {
                    line += " — " + RichTextMarkdown.codeSpan(text.newlinesAsSpaces())
                }
                return line
            }.joined(separator: "\n"))
        }
        return doc.text
    }

    /// One action item as a GitHub task-list line:
    /// `- [x] **Owner** — text (due 2019-11-25, DM-22368)`.
    public func actionLine(_ action: ActionItem) -> String {
        var line = "- [" + (action.status == .done ? "x" : " ") + "] "
        let owners = action.owners.map(\.name) + action.groups
        if !owners.isEmpty {
            line += owners.map { "**" + MarkdownEscaping.inline($0) + "**" }.joined(separator: ", ") + " — "
        }
        line += MarkdownEscaping.inline(action.text.newlinesAsSpaces())
        var extra: [String] = []
        if let due = action.due { extra.append("due \(due)") }
        let r = RichTextMarkdown(ticketBaseURL: options.ticketBaseURL)
        extra += action.tickets.map { r.inline(.ticket(key: $0)) }
        if action.status == .unknown { extra.append("status unknown") }
        if !extra.isEmpty { line += " (" + extra.joined(separator: ", ") + ")" }
        return line
    }

    private func timeRange(_ item: AgendaItem) -> String {
        guard let start = item.start else { return "" }
        if let end = item.end { return "\(start)–\(end)" }
        return start.description
    }

    private func headingText(_ text: String) -> String {
        // Headings are one line; a trailing run of `#` would be read as a closing sequence.
        var s = MarkdownEscaping.inline(text.newlinesAsSpaces(), lineStart: false)
        if s.hasSuffix("#") { s = String(s.dropLast()) + "\\#" }
        return s
    }
}

/// Blocks of a Markdown document, separated by blank lines.
struct MarkdownDocument {
    private(set) var text = ""
    mutating func block(_ markdown: String) {
        guard !markdown.isEmpty else { return }
        if !text.isEmpty { text += "\n" }
        text += markdown
        text += "\n"
    }
}

/// Escaping of page text for CommonMark/GFM.
public enum MarkdownEscaping {
    /// Escapes text so that it renders as itself inside a paragraph, list item or heading.
    ///
    /// Backslash-escapes backslash, backtick, `*`, `_`, `[`, `]`, `<`, `|` and `~` everywhere (also
    /// intraword `_`, which CommonMark would
    /// leave alone but simpler parsers such as Ink read as emphasis), `&` only where it would start an
    /// entity (`&amp;`, `&#35;`), and at
    /// the start of the text (when `lineStart`) a leading `#`, `-`, `+`, `=`, `>` or `1.`/`1)` that would
    /// start a block. Newlines and tabs become spaces.
    public static func inline(_ text: String, lineStart: Bool = true) -> String {
        let escaped = escapedBytes(text) ?? referenceEscaped(text)
        return lineStart ? escapeLineStart(escaped) : escaped
    }

    /// The bytes that ``inline(_:lineStart:)`` escapes or replaces (backslash, backtick, `*`, `_`, `[`, `]`, `<`,
    /// `|`, `~`, `&`, newline, carriage return, tab).
    private static let special: [Bool] = (0..<256).map { b in
        [0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x7C, 0x7E, 0x26, 0x0A, 0x0D, 0x09].contains(b)
    }

    /// The escaped text worked out on UTF-8 bytes, or `nil` where bytes and `Character`s could disagree: a special
    /// byte next to a non-ASCII one (a combining mark after `*` makes one `Character` that is not `*`), or an
    /// entity's `;` followed by one. The common case, text with no special byte at all, is returned as it is.
    static func escapedBytes(_ text: String) -> String? {
        var utf8 = text
        return utf8.withUTF8 { bytes -> String? in
            let n = bytes.count
            var first = -1
            for i in 0..<n where special[Int(bytes[i])] { first = i; break }
            if first < 0 { return text }
            var out: [UInt8] = []
            out.reserveCapacity(n + 8)
            out.append(contentsOf: bytes[0..<first])
            var i = first
            while i < n {
                let b = bytes[i]
                guard special[Int(b)] else { out.append(b); i += 1; continue }
                if i > 0 && bytes[i - 1] >= 0x80 { return nil }
                if i + 1 < n && bytes[i + 1] >= 0x80 { return nil }
                switch b {
                case 0x0A, 0x09:
                    out.append(0x20)
                case 0x0D:
                    out.append(0x20)
                    if i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }   // "\r\n" is one Character: one space
                case 0x26:
                    // An entity: 1…33 ASCII letters, digits or "#", then ";" (see `startsEntity`).
                    var j = i + 1, count = 0
                    while j < n, count <= 32, isEntityByte(bytes[j]) { j += 1; count += 1 }
                    if count > 0 && j < n && bytes[j] == 0x3B {
                        if j + 1 < n && bytes[j + 1] >= 0x80 { return nil }
                        out.append(0x5C)
                    }
                    out.append(b)
                default:
                    out.append(0x5C)
                    out.append(b)
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func isEntityByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x23
    }

    /// The plain definition of the escaping, one `Character` at a time (the fast path above is tested against it).
    static func referenceEscaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let chars = Array(text)
        for (i, ch) in chars.enumerated() {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", "|", "~":
                out.append("\\")
                out.append(ch)
            case "&":
                if startsEntity(chars, at: i) { out.append("\\") }
                out.append(ch)
            case "\n", "\r", "\r\n", "\t":
                out.append(" ")
            default:
                out.append(ch)
            }
        }
        return out
    }

    /// Whether `&` at `index` starts something CommonMark reads as an entity: `&name;` or `&#123;`.
    private static func startsEntity(_ chars: [Character], at index: Int) -> Bool {
        var j = index + 1
        var count = 0
        while j < chars.count, count <= 32, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber || chars[j] == "#" {
            j += 1
            count += 1
        }
        return count > 0 && j < chars.count && chars[j] == ";"
    }

    /// Escapes text for one GFM table cell: as ``inline(_:lineStart:)``, on one line.
    public static func tableCell(_ text: String) -> String {
        inline(text, lineStart: false).trimmingSpaces()
    }

    /// Escapes the block markers a line could start with (`#`, `-`, `+`, `=`, `>`, `1.`, `1)`).
    static func escapeLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        switch first {
        case "#", "-", "+", "=", ">":
            return "\\" + line
        case "0"..."9":
            var digits = 0
            var idx = line.startIndex
            while idx < line.endIndex, line[idx].isASCII, line[idx].isNumber { digits += 1; idx = line.index(after: idx) }
            if digits <= 9, idx < line.endIndex, line[idx] == "." || line[idx] == ")" {
                return String(line[..<idx]) + "\\" + String(line[idx...])
            }
            return line
        default:
            return line
        }
    }
}

extension String {
    /// Whether the UTF-8 form holds `byte` (no `Character` work).
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }

    /// `replacingOccurrences(of: "\n", with: " ")`, without Foundation when there is no newline.
    func newlinesAsSpaces() -> String {
        containsByte(0x0A) ? replacingOccurrences(of: "\n", with: " ") : self
    }

    /// The text split at `"\n"` `Character`s, empty pieces kept; one piece, the whole text, when no byte is a
    /// newline (the common case, without breaking the text into `Character`s).
    func lines() -> [Substring] {
        containsByte(0x0A) ? split(separator: "\n", omittingEmptySubsequences: false) : [Substring(self)]
    }

    /// The text without leading and trailing `" "` `Character`s.
    func trimmingSpaces() -> String {
        // Neither end a space byte: no `Character` at either end can be " ".
        if let first = utf8.first, first != 0x20, let last = utf8.last, last != 0x20 { return self }
        var s = Substring(self)
        while let f = s.first, f == " " { s = s.dropFirst() }
        while let l = s.last, l == " " { s = s.dropLast() }
        return String(s)
    }
}

/// Renders `RichText` blocks and inlines as Markdown.
struct RichTextMarkdown {
    var ticketBaseURL: String?

    /// Blocks separated by blank lines.
    func blocks(_ blocks: [Block], depth: Int = 0) -> String {
        blocks.map { block($0, depth: depth) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// One block; `depth` is the list nesting level it stands at (bullet markers alternate by level).
    func block(_ block: Block, depth: Int = 0) -> String {
        switch block {
        case .paragraph(let inlines):
            return paragraph(inlines)
        case .heading(_, let inlines):
            let text = paragraph(inlines)
            return text.isEmpty ? "" : "**" + text + "**"
        case .list(let list):
            return self.list(list, depth: depth)
        case .table(let table):
            return self.table(table)
        case .panel(let panel):
            var inner = ""
            let label = panel.kind.prefix(1).uppercased() + panel.kind.dropFirst()
            if let title = panel.title, !title.isEmpty {
                inner = "**" + MarkdownEscaping.inline(label, lineStart: false) + ": "
                    + MarkdownEscaping.inline(title, lineStart: false) + "**"
            } else if panel.kind != "quote" {
                inner = "**" + MarkdownEscaping.inline(label, lineStart: false) + "**"
            }
            let body = blocks(panel.content.blocks, depth: depth)
            if !body.isEmpty { inner += (inner.isEmpty ? "" : "\n\n") + body }
            return inner.lines()
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
        case .code(let language, let text):
            let fence = String(repeating: "`", count: max(3, RichTextMarkdown.longestRun(of: "`", in: text) + 1))
            let info = (language ?? "").filter { !$0.isWhitespace && $0 != "`" }
            var body = text
            while body.hasSuffix("\n") { body.removeLast() }
            return fence + info + "\n" + body + "\n" + fence
        }
    }

    /// A paragraph: inlines, with block markers at the start of each line escaped.
    func paragraph(_ inlines: [Inline]) -> String {
        var trimmed = inlines
        while case .lineBreak? = trimmed.last { trimmed.removeLast() }
        let raw = self.inlines(trimmed)
        // A hard break is "\\\n"; each line it starts must not open a block.
        if !raw.containsByte(0x0A) { return MarkdownEscaping.escapeLineStart(raw.trimmingSpaces()) }
        return raw.split(separator: "\n", omittingEmptySubsequences: false)
            .map { MarkdownEscaping.escapeLineStart(String($0).trimmingSpaces()) }
            .joined(separator: "\n")
    }

    /// A list. Nested lists alternate their markers (`-`, `*`, `+`; `1.`, `1)`) by level: CommonMark reads
    /// them the same, and parsers that end a nested list only on a different marker (Ink) read them right.
    func list(_ list: ListBlock, depth: Int) -> String {
        var lines: [String] = []
        let bullets = ["- ", "* ", "+ "]
        for (n, item) in list.items.enumerated() {
            let marker = list.ordered ? "\(n + 1)" + (depth % 2 == 0 ? ". " : ") ") : bullets[depth % 3]
            let indent = String(repeating: " ", count: marker.count)
            let check = item.checked.map { $0 ? "[x] " : "[ ] " } ?? ""
            var parts: [String] = []
            var previousWasParagraph = false
            for b in item.blocks {
                let text = block(b, depth: depth + 1)
                if text.isEmpty { continue }
                if case .list = b, previousWasParagraph {
                    parts.append("\n" + text)       // tight: nested list right under the item's text
                } else if parts.isEmpty {
                    parts.append(text)
                } else {
                    parts.append("\n\n" + text)
                }
                if case .paragraph = b { previousWasParagraph = true } else { previousWasParagraph = false }
            }
            let body = parts.joined()
            var first = true
            for line in body.lines() {
                if first {
                    lines.append(marker + check + line)
                    first = false
                } else {
                    lines.append(line.isEmpty ? "" : indent + line)
                }
            }
            if first { lines.append(marker + check.trimmingSpaces()) }
        }
        return lines.joined(separator: "\n")
    }

    func table(_ table: TableBlock) -> String {
        let width = table.rows.map(\.count).max() ?? 0
        guard width > 0 else { return "" }
        func row(_ cells: [TableCell]) -> String {
            var texts = cells.map { cell($0.content.blocks) }
            while texts.count < width { texts.append("") }
            return "| " + texts.joined(separator: " | ") + " |"
        }
        var lines = [row(table.rows[0])]
        lines.append("|" + String(repeating: " --- |", count: width))
        for r in table.rows.dropFirst() { lines.append(row(r)) }
        return lines.joined(separator: "\n")
    }

    /// Blocks squeezed into one table cell: paragraphs and list items separated by `<br>`.
    func cell(_ blocks: [Block]) -> String {
        var parts: [String] = []
        func add(_ b: Block, prefix: String) {
            switch b {
            case .paragraph(let inl), .heading(_, let inl):
                let t = inlines(inl, inCell: true).trimmingSpaces()
                if !t.isEmpty { parts.append(prefix + t) }
            case .list(let list):
                for (n, item) in list.items.enumerated() {
                    let mark = list.ordered ? "\(n + 1). " : "• "
                    let check = item.checked.map { $0 ? "☑ " : "☐ " } ?? ""
                    var firstDone = false
                    for ib in item.blocks {
                        if !firstDone, case .paragraph = ib {
                            add(ib, prefix: prefix + mark + check)
                            firstDone = true
                        } else {
                            add(ib, prefix: prefix + "  ")
                        }
                    }
                    if !firstDone { parts.append(prefix + mark + check) }
                }
            case .table(let t):
                for r in t.rows {
                    parts.append(prefix + r.map { cell($0.content.blocks) }.joined(separator: " / "))
                }
            case .panel(let p):
                if let title = p.title, !title.isEmpty { parts.append(prefix + "**" + MarkdownEscaping.tableCell(title) + "**") }
                for inner in p.content.blocks { add(inner, prefix: prefix) }
            case .code(_, let text):
                parts.append(prefix + RichTextMarkdown.codeSpan(text.newlinesAsSpaces(), inCell: true))
            }
        }
        for b in blocks { add(b, prefix: "") }
        return parts.joined(separator: "<br/>")
    }

    /// Inline content; `inStrong` is true inside bold text (mentions are not bolded again).
    func inlines(_ inlines: [Inline], inCell: Bool = false, inStrong: Bool = false) -> String {
        var out = ""
        for i in inlines {
            if case .lineBreak = i {
                out += inCell ? "<br/>" : "\\\n"
            } else {
                out += inline(i, inCell: inCell, inStrong: inStrong)
            }
        }
        return out
    }

    func inline(_ inline: Inline, inCell: Bool = false, inStrong: Bool = false) -> String {
        switch inline {
        case .text(let t):
            return MarkdownEscaping.inline(t, lineStart: false)
        case .emphasis(let strong, let inner):
            let content = inlines(inner, inCell: inCell, inStrong: inStrong || strong)
            // Delimiters must touch non-space text: move surrounding spaces outside.
            var core = Substring(content)
            var lead = "", trail = ""
            while let f = core.first, f == " " { lead += " "; core = core.dropFirst() }
            while let l = core.last, l == " " { trail += " "; core = core.dropLast() }
            if core.isEmpty { return content }
            let mark = strong ? "**" : "*"
            return lead + mark + core + mark + trail
        case .mention(let p):
            // Bold, as the owners of action lines: "@Name" would link a GitHub user.
            let name = MarkdownEscaping.inline(p.name, lineStart: false).trimmingSpaces()
            return inStrong || name.isEmpty ? name : "**" + name + "**"
        case .date(let d, let text):
            return MarkdownEscaping.inline(text.isEmpty ? d.description : text, lineStart: false)
        case .ticket(let key):
            let k = MarkdownEscaping.inline(key, lineStart: false)
            guard let base = ticketBaseURL else { return k }
            return "[" + k + "](" + RichTextMarkdown.destination(base + key) + ")"
        case .link(let target, let inner):
            let text = inner.isEmpty ? MarkdownEscaping.inline(target, lineStart: false)
                : inlines(inner, inCell: inCell, inStrong: inStrong)
            if target.isEmpty { return text }
            return "[" + text + "](" + RichTextMarkdown.destination(target) + ")"
        case .status(let title, _):
            return RichTextMarkdown.codeSpan(title, inCell: inCell)
        case .code(let text):
            return RichTextMarkdown.codeSpan(text, inCell: inCell)
        case .lineBreak:
            return inCell ? "<br/>" : "\\\n"
        }
    }

    /// A link destination with the characters that would end or break it percent-encoded.
    static func destination(_ target: String) -> String {
        var out = ""
        for scalar in target.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "|": out += "%7C"
            case "\\": out += "%5C"
            case "\n", "\r", "\t": out += "%20"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A code span whose fence is longer than any backtick run inside.
    static func codeSpan(_ text: String, inCell: Bool = false) -> String {
        var body = text.newlinesAsSpaces()
        if inCell { body = body.replacingOccurrences(of: "|", with: "\\|") }
        if body.isEmpty { return "" }
        let fence = String(repeating: "`", count: longestRun(of: "`", in: body) + 1)
        let pad = body.hasPrefix("`") || body.hasSuffix("`") ? " " : ""
        return fence + pad + body + pad + fence
    }

    static func longestRun(of ch: Character, in text: String) -> Int {
        var best = 0, run = 0
        for c in text {
            if c == ch { run += 1; best = max(best, run) } else { run = 0 }
        }
        return best
    }
}
