// swift-meeting-notes · MeetingModel

import Foundation

/// Formatted text from a page: a sequence of ``Block``s.
///
/// Enough structure to render clean Markdown (nested lists, tables, panels, emphasis, mentions,
/// tickets) and a plain-text rendering for search and word counts. Encoded in JSON as an array of
/// blocks, each an object with a `"type"`.
public struct RichText: Sendable, Hashable, Codable, ExpressibleByArrayLiteral {
    /// The blocks, in document order.
    public var blocks: [Block]

    /// Creates rich text from blocks.
    public init(_ blocks: [Block] = []) { self.blocks = blocks }
    /// Creates rich text from blocks.
    public init(arrayLiteral elements: Block...) { self.blocks = elements }
    /// One paragraph of plain text (nothing when `text` is empty).
    public init(plain text: String) {
        self.blocks = text.isEmpty ? [] : [.paragraph([.text(text)])]
    }

    /// True when there is no block.
    public var isEmpty: Bool { blocks.isEmpty }

    /// The text without formatting: blocks separated by newlines, list items prefixed with "- ".
    public var plainText: String {
        var out = ""
        for b in blocks { b.appendPlainText(to: &out, indent: "") }
        while out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    /// Decodes the canonical JSON form (see ``MeetingJSON``); absent optional keys read as their defaults.
    public init(from decoder: any Decoder) throws {
        blocks = try decoder.singleValueContainer().decode([Block].self)
    }

    /// Encodes the canonical JSON form (see ``MeetingJSON``).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(blocks)
    }
}

/// A block of rich text.
public enum Block: Sendable, Hashable, Codable {
    /// A paragraph of inline content.
    case paragraph([Inline])
    /// A heading of level 1...6.
    case heading(level: Int, [Inline])
    /// A bulleted or numbered list; items may nest further lists.
    case list(ListBlock)
    /// A table as a grid of cells (row and column spans already expanded).
    case table(TableBlock)
    /// A quotation, panel, info/note/tip/warning macro or expand section, with its content kept.
    indirect case panel(PanelBlock)
    /// Preformatted text or a code macro.
    indirect case code(language: String?, text: String)

    /// Plain text of the block, lines separated by newlines.
    public var plainText: String {
        var s = ""
        appendPlainText(to: &s, indent: "")
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }

    func appendPlainText(to out: inout String, indent: String) {
        switch self {
        case .paragraph(let inlines), .heading(_, let inlines):
            out += indent + Inline.plainText(inlines) + "\n"
        case .list(let list):
            for item in list.items {
                let mark = item.checked.map { $0 ? "[x] " : "[ ] " } ?? ""
                var inner = ""
                for b in item.blocks { b.appendPlainText(to: &inner, indent: "") }
                var first = true
                for line in inner.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
                    out += indent + (first ? "- " + mark : "  ") + line + "\n"
                    first = false
                }
                if first { out += indent + "- " + mark + "\n" }
            }
        case .table(let table):
            for row in table.rows {
                out += indent + row.map { $0.content.plainText.replacingOccurrences(of: "\n", with: " ") }
                    .joined(separator: "\t") + "\n"
            }
        case .panel(let panel):
            if let title = panel.title, !title.isEmpty { out += indent + title + "\n" }
            for b in panel.content.blocks { b.appendPlainText(to: &out, indent: indent) }
        case .code(_, let text):
            out += text.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }
                .joined(separator: "\n") + "\n"
        }
    }

    enum CodingKeys: String, CodingKey {
        case type, inlines, level, ordered, items, rows, kind, title, content, language, text
    }

    /// Decodes the canonical JSON form (see ``MeetingJSON``); absent optional keys read as their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .type) {
        case "paragraph": self = .paragraph(try c.decode([Inline].self, forKey: .inlines))
        case "heading": self = .heading(level: try c.decode(Int.self, forKey: .level),
                                        try c.decode([Inline].self, forKey: .inlines))
        case "list": self = .list(ListBlock(ordered: try c.decode(Bool.self, forKey: .ordered),
                                            items: try c.decode([ListItem].self, forKey: .items)))
        case "table": self = .table(TableBlock(rows: try c.decode([[TableCell]].self, forKey: .rows)))
        case "panel": self = .panel(PanelBlock(kind: try c.decode(String.self, forKey: .kind),
                                               title: try c.decodeIfPresent(String.self, forKey: .title),
                                               content: try c.decode(RichText.self, forKey: .content)))
        case "code": self = .code(language: try c.decodeIfPresent(String.self, forKey: .language),
                                  text: try c.decode(String.self, forKey: .text))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown block type \(other)")
        }
    }

    /// Encodes the canonical JSON form (see ``MeetingJSON``).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .paragraph(let inlines):
            try c.encode("paragraph", forKey: .type)
            try c.encode(inlines, forKey: .inlines)
        case .heading(let level, let inlines):
            try c.encode("heading", forKey: .type)
            try c.encode(level, forKey: .level)
            try c.encode(inlines, forKey: .inlines)
        case .list(let list):
            try c.encode("list", forKey: .type)
            try c.encode(list.ordered, forKey: .ordered)
            try c.encode(list.items, forKey: .items)
        case .table(let table):
            try c.encode("table", forKey: .type)
            try c.encode(table.rows, forKey: .rows)
        case .panel(let panel):
            try c.encode("panel", forKey: .type)
            try c.encode(panel.kind, forKey: .kind)
            try c.encode(panel.title, forKey: .title)
            try c.encode(panel.content, forKey: .content)
        case .code(let language, let text):
            try c.encode("code", forKey: .type)
            try c.encode(language, forKey: .language)
            try c.encode(text, forKey: .text)
        }
    }
}

/// A bulleted or numbered list.
public struct ListBlock: Sendable, Hashable, Codable {
    /// Numbered (`<ol>`) rather than bulleted.
    public var ordered: Bool
    /// The items.
    public var items: [ListItem]
    /// Creates a list.
    public init(ordered: Bool = false, items: [ListItem]) {
        self.ordered = ordered
        self.items = items
    }
}

/// One list item: blocks (a paragraph, often followed by a nested list); a check state for task lists.
///
/// Most list items are one paragraph, and most of those one run of text. The item stores those two shapes
/// without the arrays around them (one heap block a bullet instead of three); ``blocks`` reads and writes the
/// content as blocks whatever the shape, and equality, hashing and the JSON form are those of the blocks.
public struct ListItem: Sendable, Hashable, Codable {
    /// The item's content, in the smallest of three equivalent shapes (never a shape a smaller one can hold).
    private enum Content: Sendable, Hashable {
        /// `[.paragraph([.text(text)])]`.
        case text(String)
        /// `[.paragraph(inlines)]`, `inlines` not one `.text`.
        case paragraph([Inline])
        /// Anything else.
        case blocks([Block])

        init(_ blocks: [Block]) {
            if blocks.count == 1, case .paragraph(let inlines) = blocks[0] {
                self.init(paragraph: inlines)
            } else {
                self = .blocks(blocks)
            }
        }

        init(paragraph inlines: [Inline]) {
            if inlines.count == 1, case .text(let text) = inlines[0] {
                self = .text(text)
            } else {
                self = .paragraph(inlines)
            }
        }
    }

    private var content: Content

    /// The item's content.
    public var blocks: [Block] {
        get {
            switch content {
            case .text(let text): return [.paragraph([.text(text)])]
            case .paragraph(let inlines): return [.paragraph(inlines)]
            case .blocks(let blocks): return blocks
            }
        }
        set { content = Content(newValue) }
    }
    /// `true`/`false` for a task-list item that is done/open; `nil` for an ordinary item.
    public var checked: Bool?
    /// Creates a list item.
    public init(blocks: [Block], checked: Bool? = nil) {
        self.content = Content(blocks)
        self.checked = checked
    }
    /// A list item holding one paragraph of inlines.
    public init(_ inlines: [Inline], checked: Bool? = nil) {
        self.content = Content(paragraph: inlines)
        self.checked = checked
    }

    enum CodingKeys: String, CodingKey { case blocks, checked }
    /// Decodes the canonical JSON form (see ``MeetingJSON``); absent optional keys read as their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        content = Content(try c.decode([Block].self, forKey: .blocks))
        checked = try c.decodeIfPresent(Bool.self, forKey: .checked)
    }
    /// Encodes the canonical JSON form (see ``MeetingJSON``).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(blocks, forKey: .blocks)
        try c.encodeIfPresent(checked, forKey: .checked)
    }
}

/// A table: rows of cells, spans expanded so every row has its cells in column order.
public struct TableBlock: Sendable, Hashable, Codable {
    /// The rows, the header row (if any) first.
    public var rows: [[TableCell]]
    /// Creates a table.
    public init(rows: [[TableCell]]) { self.rows = rows }
}

/// One table cell.
public struct TableCell: Sendable, Hashable, Codable {
    /// The cell's content.
    public var content: RichText
    /// A header cell (`<th>`).
    public var isHeader: Bool
    /// Creates a cell.
    public init(content: RichText, isHeader: Bool = false) {
        self.content = content
        self.isHeader = isHeader
    }
    enum CodingKeys: String, CodingKey { case content, header }
    /// Decodes the canonical JSON form (see ``MeetingJSON``); absent optional keys read as their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        content = try c.decode(RichText.self, forKey: .content)
        isHeader = try c.decodeIfPresent(Bool.self, forKey: .header) ?? false
    }
    /// Encodes the canonical JSON form (see ``MeetingJSON``).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(content, forKey: .content)
        if isHeader { try c.encode(true, forKey: .header) }
    }
}

/// A quotation or a Confluence panel-like macro.
public struct PanelBlock: Sendable, Hashable, Codable {
    /// `"quote"`, `"info"`, `"note"`, `"tip"`, `"warning"`, `"panel"`, `"expand"`, or a macro name.
    public var kind: String
    /// The panel's or expand section's title.
    public var title: String?
    /// The content, kept whole.
    public var content: RichText
    /// Creates a panel.
    public init(kind: String, title: String? = nil, content: RichText) {
        self.kind = kind
        self.title = title
        self.content = content
    }
}

/// Inline content of a paragraph.
public enum Inline: Sendable, Hashable, Codable {
    /// Plain text.
    case text(String)
    /// Emphasised content: `strong` (bold) or not (italic).
    case emphasis(strong: Bool, [Inline])
    /// A person mentioned by name or @mention.
    indirect case mention(Person)
    /// A calendar date, with the text as written.
    indirect case date(CalendarDate, text: String)
    /// A Jira issue reference ("DM-22368").
    case ticket(key: String)
    /// A link to a URL, page or attachment.
    case link(target: String, [Inline])
    /// A status lozenge ("DONE", colour "Green").
    indirect case status(title: String, colour: String?)
    /// Inline code.
    case code(String)
    /// A hard line break.
    case lineBreak

    /// The plain text of a run of inlines.
    public static func plainText(_ inlines: [Inline]) -> String {
        var s = ""
        for i in inlines { i.appendPlainText(to: &s) }
        return s
    }

    /// The plain text of this inline.
    public var plainText: String {
        var s = ""
        appendPlainText(to: &s)
        return s
    }

    func appendPlainText(to s: inout String) {
        switch self {
        case .text(let t), .code(let t): s += t
        case .emphasis(_, let inner): for i in inner { i.appendPlainText(to: &s) }
        case .mention(let p): s += p.name
        case .date(_, let text): s += text
        case .ticket(let key): s += key
        case .link(let target, let inner):
            if inner.isEmpty { s += target } else { for i in inner { i.appendPlainText(to: &s) } }
        case .status(let title, _): s += title
        case .lineBreak: s += "\n"
        }
    }

    enum CodingKeys: String, CodingKey {
        case type, text, strong, inlines, person, date, key, target, title, colour
    }

    /// Decodes the canonical JSON form (see ``MeetingJSON``); absent optional keys read as their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .type) {
        case "text": self = .text(try c.decode(String.self, forKey: .text))
        case "emphasis": self = .emphasis(strong: try c.decode(Bool.self, forKey: .strong),
                                          try c.decode([Inline].self, forKey: .inlines))
        case "mention": self = .mention(try c.decode(Person.self, forKey: .person))
        case "date": self = .date(try c.decode(CalendarDate.self, forKey: .date),
                                  text: try c.decode(String.self, forKey: .text))
        case "ticket": self = .ticket(key: try c.decode(String.self, forKey: .key))
        case "link": self = .link(target: try c.decode(String.self, forKey: .target),
                                  try c.decode([Inline].self, forKey: .inlines))
        case "status": self = .status(title: try c.decode(String.self, forKey: .title),
                                      colour: try c.decodeIfPresent(String.self, forKey: .colour))
        case "code": self = .code(try c.decode(String.self, forKey: .text))
        case "lineBreak": self = .lineBreak
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown inline type \(other)")
        }
    }

    /// Encodes the canonical JSON form (see ``MeetingJSON``).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let t):
            try c.encode("text", forKey: .type); try c.encode(t, forKey: .text)
        case .emphasis(let strong, let inner):
            try c.encode("emphasis", forKey: .type); try c.encode(strong, forKey: .strong)
            try c.encode(inner, forKey: .inlines)
        case .mention(let p):
            try c.encode("mention", forKey: .type); try c.encode(p, forKey: .person)
        case .date(let d, let text):
            try c.encode("date", forKey: .type); try c.encode(d, forKey: .date); try c.encode(text, forKey: .text)
        case .ticket(let key):
            try c.encode("ticket", forKey: .type); try c.encode(key, forKey: .key)
        case .link(let target, let inner):
            try c.encode("link", forKey: .type); try c.encode(target, forKey: .target)
            try c.encode(inner, forKey: .inlines)
        case .status(let title, let colour):
            try c.encode("status", forKey: .type); try c.encode(title, forKey: .title)
            try c.encode(colour, forKey: .colour)
        case .code(let t):
            try c.encode("code", forKey: .type); try c.encode(t, forKey: .text)
        case .lineBreak:
            try c.encode("lineBreak", forKey: .type)
        }
    }
}
