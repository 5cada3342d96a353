// swift-meeting-notes · ConfluenceHTML

internal import MeetingModel

/// Which markup the tree came from.
enum Dialect { case storage, html }

/// A task met while converting (storage `ac:task` or HTML `li[data-inline-task-id]`).
struct TaskRecord {
    var id: String?
    var status: ActionStatus
    var inlines: [Inline]
    var location: SourceLocation
    var section: String?
    var agendaItem: AgendaItemReference?
}

/// Converts our tree into rich text, collecting tasks, decisions and macro effects on the way.
struct Converter {
    private(set) var tree: MarkupTree
    let dialect: Dialect
    let options: ImportOptions
    let handlers: [String: ConfluenceMacroHandler]
    var draft = MeetingDraft()
    var tasks: [TaskRecord] = []
    /// Where converted content stands (for tasks).
    var section: String?
    var agendaItem: AgendaItemReference?
    var unknownMacros: [String: Int] = [:]
    /// People whose "(Unlicensed)"/"(Deactivated)" suffix was already noted.
    var notedUserStatus: Set<String> = []
    let userMemo = UserMemo()

    /// Per interned name: 0 inline, 1 block, 2 macro (decided per node).
    let nameKinds: [UInt8]

    /// Drops the markup tree (and its node, attribute and text buffers) once conversion is over.
    mutating func releaseTree() { tree = MarkupTree() }

    /// This thread's shared texts (see ``TextMemo``).
    let texts = TextMemo.forCurrentThread()

    init(tree: MarkupTree, dialect: Dialect, options: ImportOptions, handlers: [String: ConfluenceMacroHandler]) {
        self.nameKinds = tree.names.map { name in
            name == "ac:structured-macro" || name == "ac:macro" ? 2 : (Self.blockNames.contains(name) ? 1 : 0)
        }
        self.tree = tree
        self.dialect = dialect
        self.options = options
        self.handlers = handlers
    }

    // MARK: Classification

    static let blockNames: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "div", "blockquote", "pre", "hr", "section",
        "article", "main", "header", "footer", "nav", "aside", "figure", "dl", "center", "form", "fieldset",
        "ac:task-list", "ac:layout", "ac:layout-section", "ac:layout-cell", "ac:adf-extension", "ac:placeholder",
        "tbody", "thead", "tr", "li", "body", "html", "ac:confluence", "page", "colgroup", "details", "summary",
    ]

    func isBlock(_ n: Int) -> Bool {
        let id = tree.nodes[n].name
        guard id >= 0 else { return false }
        let kind = nameKinds[Int(id)]
        if kind == 1 { return true }
        if kind == 2 {
            if macroName(n, is: "status") || macroName(n, is: "anchor") { return false }
            if macroName(n, is: "jira") { return macroParameters(n)["key"] == nil }
            return true
        }
        return false
    }

    func macroName(_ n: Int) -> String { (tree.attribute("ac:name", of: n) ?? tree.attribute("name", of: n) ?? "").lowercased() }

    /// `macroName(n) == word` without building the name: ASCII bytes folded to lower case. Exact for a lower-case
    /// ASCII `word` without "k": only ASCII text lower-cases to such a word (U+212A KELVIN SIGN is the one
    /// non-ASCII scalar whose lower case is ASCII).
    func macroName(_ n: Int, is word: StaticString) -> Bool {
        guard let r = tree.attributeRange("ac:name", of: n) ?? tree.attributeRange("name", of: n),
              r.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { w in
            var k = 0
            while k < w.count {
                var c = tree.bytes[r.lowerBound + k]
                if c >= 0x41 && c <= 0x5A { c += 0x20 }
                if c != w[k] { return false }
                k += 1
            }
            return true
        }
    }

    func macroParameters(_ n: Int) -> [String: String] {
        var params: [String: String] = [:]
        for c in tree.children(n) where tree.name(c) == "ac:parameter" {
            let key = tree.attribute("ac:name", of: c) ?? ""
            // A parameter may hold a user or page reference instead of text.
            if let u = tree.first(below: c, named: "ri:user") {
                params[key] = tree.attribute("ri:account-id", of: u) ?? tree.attribute("ri:userkey", of: u)
                    ?? tree.attribute("ri:username", of: u) ?? ""
            } else {
                params[key] = tree.textContent(c)
            }
        }
        return params
    }

    // MARK: Blocks

    /// The blocks of a node's children.
    mutating func blocks(of n: Int) -> [Block] {
        var out: [Block] = []
        appendBlocks(of: n, to: &out)
        return out
    }

    /// `out += blocks(of: n)`, without the intermediate arrays: blocks and inlines are appended where they go.
    mutating func appendBlocks(of n: Int, to out: inout [Block]) {
        var run: [Inline] = []
        for c in tree.children(n) {
            if tree.isText(c) {
                let text = texts.text(tree.rawText(c), trim: false)
                // White space opening a run (the indentation between blocks) is what `normalize` trims from the
                // front anyway, alone or joined to the text after it: not collected, no run to normalize.
                if run.isEmpty, text.isEmpty || text == " " { continue }
                run.append(.text(text))
            } else if isBlock(c) {
                flush(&run, into: &out)
                appendBlock(c, to: &out)
            } else {
                appendInlines(c, to: &run)
            }
        }
        flush(&run, into: &out)
    }

    /// `out += block(n)`, without an intermediate array for the usual blocks (paragraphs, lists, task lists).
    mutating func appendBlock(_ n: Int, to out: inout [Block]) {
        switch tree.name(n) {
        case "p", "summary", "dt", "dd":
            appendBlocks(of: n, to: &out)
        case "ul":
            out.append(list(n, ordered: false))
        case "ol":
            out.append(list(n, ordered: true))
        case "ac:task-list":
            out.append(.list(taskList(n)))
        case "h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "blockquote", "hr", "colgroup", "ac:placeholder",
             "script", "style", "ac:adf-extension", "ac:structured-macro", "ac:macro", "div", "section":
            out += block(n)
        default:
            appendBlocks(of: n, to: &out)
        }
    }

    func flush(_ run: inout [Inline], into out: inout [Block]) {
        let normal = Converter.normalize(run)
        run.removeAll()
        if !normal.isEmpty { out.append(.paragraph(normal)) }
    }

    /// Merges adjacent text, collapses spaces at joins, trims the ends; drops empty text.
    static func normalize(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        out.reserveCapacity(inlines.count)
        for i in inlines {
            if case .text(let t) = i {
                if t.isEmpty { continue }
                if case .text(var joined)? = out.last {
                    // Taken out of the array first, so the appends below extend a uniquely held string
                    // (no copy of the whole run per piece: a paragraph of many pieces stays linear).
                    out.removeLast()
                    let spaceBefore = endsWithSpaceCharacter(joined)
                    if spaceBefore, startsWithSpaceCharacter(t) {
                        joined += t.dropFirst()
                    } else if spaceBefore, let f = t.first, ",.;:)!?".contains(f) {
                        joined.removeLast()   // a space we added around a macro, before punctuation
                        joined += t
                    } else {
                        joined += t
                    }
                    out.append(.text(joined))
                } else {
                    out.append(.text(t))
                }
            } else {
                out.append(i)
            }
        }
        while case .text(let t)? = out.first {
            if !startsWithSpaceCharacter(t) { break }   // nothing to trim (texts in `out` are never empty)
            let trimmed = String(t.drop { $0 == " " })
            if trimmed.isEmpty { out.removeFirst() } else { out[0] = .text(trimmed); break }
        }
        while case .text(let t)? = out.last {
            if !endsWithSpaceCharacter(t) { break }
            var s = Substring(t)
            while s.last == " " { s.removeLastCharacter() }
            if s.isEmpty { out.removeLast() } else { out[out.count - 1] = .text(String(s)); break }
        }
        while case .lineBreak? = out.last { out.removeLast() }
        return out
    }

    mutating func block(_ n: Int) -> [Block] {
        let name = tree.name(n)
        switch name {
        case "p", "summary", "dt", "dd":
            return blocks(of: n)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let level = Int(name.dropFirst()) ?? 1
            let content = Converter.normalize(inlineChildren(n))
            return content.isEmpty ? [] : [.heading(level: level, content)]
        case "ul", "ol":
            return listBlock(n, ordered: name == "ol")
        case "table":
            return [.table(TableBlock(rows: grid(n).map { row in
                row.map { TableCell(content: RichText(cellBlocks($0.node, first: $0.isOrigin)), isHeader: $0.isHeader) }
            }))] + tableStrays(n)
        case "pre":
            return [.code(language: nil, text: String(decoding: rawTextBytes(n), as: UTF8.self))]
        case "blockquote":
            return [.panel(PanelBlock(kind: "quote", content: RichText(blocks(of: n))))]
        case "hr", "colgroup", "ac:placeholder", "script", "style":
            return []
        case "ac:task-list":
            return [.list(taskList(n))]
        case "ac:adf-extension":
            return adfExtension(n)
        case "ac:structured-macro", "ac:macro":
            return macro(n, inline: false).blocks
        case "div", "section":
            if dialect == .html, let m = htmlMacro(n) { return runHandler(m).blocks }
            return blocks(of: n)
        default:
            return blocks(of: n)
        }
    }

    /// Content a table holds outside its cells (a caption, text or elements that broken markup left between
    /// rows): kept as blocks after the table, so nothing is lost.
    mutating func tableStrays(_ table: Int) -> [Block] {
        var out: [Block] = []
        var pending: [Int] = [table]
        while let container = pending.popLast() {
            for c in tree.children(container) {
                if tree.isText(c) {
                    let t = texts.text(tree.rawText(c), trim: true)
                    if !t.isEmpty { out.append(.paragraph([.text(t)])) }
                    continue
                }
                switch tree.name(c) {
                case "tbody", "thead", "tfoot", "tr": pending.append(c)
                case "td", "th", "colgroup", "col": continue
                default: out += block(c)
                }
            }
        }
        return out
    }

    /// A table cell's blocks; cells repeated by a row or column span are converted once (first occurrence).
    mutating func cellBlocks(_ n: Int, first: Bool) -> [Block] {
        first ? blocks(of: n) : []
    }

    mutating func listBlock(_ n: Int, ordered: Bool) -> [Block] {
        [list(n, ordered: ordered)]
    }

    /// The one block ``listBlock(_:ordered:)`` makes of a list.
    mutating func list(_ n: Int, ordered: Bool) -> Block {
        if dialect == .html, tree.hasClass("inline-task-list", n) {
            return .list(htmlTaskList(n))
        }
        if dialect == .html, tree.hasClass("decision-list", n) {
            var items: [ListItem] = []
            for li in tree.children(n) where tree.name(li) == "li" {   // text nodes are named "#text"
                let text = Converter.normalize(inlineChildren(li))
                let state = tree.attribute("data-decision-state", of: li)?.lowercased()
                draft.meeting.decisions.append(Decision(text: Inline.plainText(text), state: state ?? "decided",
                                                        location: tree.location(li)))
                items.append(ListItem(text))
            }
            return .list(ListBlock(ordered: false, items: items))
        }
        var items: [ListItem] = []
        for c in tree.children(n) {
            if tree.isText(c) {
                // Text straight inside <ul>/<ol> (malformed, or nesting flattened past the depth limit): kept.
                let text = texts.text(tree.rawText(c), trim: true)
                if !text.isEmpty { items.append(ListItem(blocks: [.paragraph([.text(text)])])) }
                continue
            }
            let cn = tree.name(c)
            if cn == "li" {
                items.append(ListItem(blocks: blocks(of: c)))
            } else if cn == "ul" || cn == "ol" {
                // A nested list written as a sibling of the items: attach to the previous item.
                let nested = list(c, ordered: cn == "ol")
                if items.isEmpty { items.append(ListItem(blocks: [nested])) } else { items[items.count - 1].blocks.append(nested) }
            } else {
                var content: [Block] = []
                appendBlock(c, to: &content)
                items.append(ListItem(blocks: content))
            }
        }
        return .list(ListBlock(ordered: ordered, items: items))
    }

    // MARK: Tasks

    mutating func taskList(_ n: Int) -> ListBlock {
        var items: [ListItem] = []
        for c in tree.children(n) where !tree.isText(c) {
            switch tree.name(c) {
            case "ac:task":
                var id: String?
                var status = ActionStatus.open
                var body: [Block] = []
                var nested: [Block] = []
                for p in tree.children(c) where !tree.isText(p) {
                    switch tree.name(p) {
                    case "ac:task-id": id = tree.textContent(p)
                    case "ac:task-status": status = tree.textContent(p).lowercased() == "complete" ? .done : .open
                    case "ac:task-body": body = blocks(of: p)
                    case "ac:task-list": nested.append(.list(taskList(p)))
                    default: break
                    }
                }
                var inlines: [Inline] = []
                var rest: [Block] = []
                for b in body {
                    if case .paragraph(let i) = b, rest.isEmpty {
                        if inlines.isEmpty {
                            inlines = i
                        } else {
                            inlines.append(.text(" "))
                            inlines += i
                        }
                    } else {
                        rest.append(b)
                    }
                }
                tasks.append(TaskRecord(id: id, status: status, inlines: inlines, location: tree.location(c),
                                        section: section, agendaItem: agendaItem))
                var blocks: [Block] = []
                blocks.reserveCapacity((inlines.isEmpty ? 0 : 1) + rest.count + nested.count)
                if !inlines.isEmpty { blocks.append(.paragraph(inlines)) }
                blocks += rest
                blocks += nested
                items.append(ListItem(blocks: blocks, checked: status == .done))
            case "ac:task-list":
                let nested = Block.list(taskList(c))
                if items.isEmpty { items.append(ListItem(blocks: [nested])) } else { items[items.count - 1].blocks.append(nested) }
            default:
                items.append(ListItem(blocks: block(c)))
            }
        }
        return ListBlock(ordered: false, items: items)
    }

    mutating func htmlTaskList(_ n: Int) -> ListBlock {
        var items: [ListItem] = []
        for li in tree.children(n) where tree.name(li) == "li" {   // text nodes are named "#text"
            let done = tree.hasClass("checked", li)
            var content: [Inline] = []
            var nested: [Block] = []
            for c in tree.children(li) {
                if !tree.isText(c), tree.name(c) == "ul" || tree.name(c) == "ol" {
                    nested += listBlock(c, ordered: tree.name(c) == "ol")
                } else if tree.isText(c) {
                    content.append(.text(texts.text(tree.rawText(c), trim: false)))
                } else {
                    content += inlines(c)
                }
            }
            let inl = Converter.normalize(content)
            tasks.append(TaskRecord(id: tree.attribute("data-inline-task-id", of: li), status: done ? .done : .open,
                                    inlines: inl, location: tree.location(li), section: section, agendaItem: agendaItem))
            items.append(ListItem(blocks: (inl.isEmpty ? [] : [.paragraph(inl)]) + nested, checked: done))
        }
        return ListBlock(ordered: false, items: items)
    }

    // MARK: Cloud ADF extensions (decision lists)

    mutating func adfExtension(_ n: Int) -> [Block] {
        guard let node = tree.first(below: n, named: "ac:adf-node") else {
            if let fb = tree.first(below: n, named: "ac:adf-fallback") { return blocks(of: fb) }
            return []
        }
        let type = tree.attribute("type", of: node) ?? tree.attribute("ac:type", of: node) ?? ""
        if type == "decision-list" {
            var items: [ListItem] = []
            for item in tree.all(below: node, where: { tree.name($0) == "ac:adf-node" }) {
                var state: String?
                var content: [Inline] = []
                for c in tree.elementChildren(item) {
                    if tree.name(c) == "ac:adf-attribute", tree.attribute("key", of: c) == "state" {
                        state = tree.textContent(c).lowercased()
                    } else if tree.name(c) == "ac:adf-content" {
                        content = Converter.normalize(inlineChildren(c))
                    }
                }
                let text = Inline.plainText(content)
                if !text.isEmpty {
                    draft.meeting.decisions.append(Decision(text: text, state: state, location: tree.location(item)))
                    items.append(ListItem(content))
                }
            }
            return [.list(ListBlock(ordered: false, items: items))]
        }
        if let fb = tree.first(below: n, named: "ac:adf-fallback") { return blocks(of: fb) }
        draft.meeting.diagnostics.append(Diagnostic(.warning, code: "confluence.unknown-adf-extension",
            "ADF extension '\(type)' not understood; its text is kept", at: tree.location(n), text: tree.textContent(n)))
        return [.paragraph([.text(tree.textContent(n))])]
    }

    // MARK: Macros

    mutating func macro(_ n: Int, inline: Bool) -> (blocks: [Block], inlines: [Inline]) {
        let name = macroName(n)
        var params = macroParameters(n)
        var body = RichText()
        var plain: String?
        var stray: [String] = []
        for c in tree.children(n) {
            switch tree.name(c) {
            case "ac:rich-text-body": body = RichText(blocks(of: c))
            case "ac:plain-text-body": plain = String(decoding: rawTextBytes(c), as: UTF8.self)
            case "ac:default-parameter": params[""] = tree.textContent(c)
            case "ac:parameter": break
            default:
                // Text outside the macro's parameters and bodies (malformed, but it is page text): kept.
                let text = tree.isText(c) ? texts.text(tree.rawText(c), trim: true) : tree.textContent(c)
                if !text.isEmpty { stray.append(text) }
            }
        }
        if !stray.isEmpty { body = RichText(body.blocks + [.paragraph([.text(stray.joined(separator: " "))])]) }
        if name == "details" {
            detailsTables.append(contentsOf: body.blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } })
        }
        let snapshot = ConfluenceMacro(name: name, parameters: params, body: body, plainTextBody: plain,
                                       isInline: inline, location: tree.location(n))
        return runHandler(snapshot)
    }

    /// Tables found in page-properties (`details`) macros, for the meeting builder.
    var detailsTables: [TableBlock] = []

    mutating func runHandler(_ m: ConfluenceMacro) -> (blocks: [Block], inlines: [Inline]) {
        if let h = handlers[m.name] {
            draft.blocks = []
            draft.inlines = []
            h.handle(m, &draft)
            let result = (draft.blocks, draft.inlines)
            draft.blocks = []
            draft.inlines = []
            return result
        }
        unknownMacros[m.name, default: 0] += 1
        let params = m.parameters.sorted { $0.key < $1.key }.map { $0.key.isEmpty ? $0.value : "\($0.key)=\($0.value)" }
        let text = [params.joined(separator: "; "), m.body.plainText, m.plainTextBody ?? ""].filter { !$0.isEmpty }
            .joined(separator: "\n")
        draft.meeting.diagnostics.append(Diagnostic(.warning, code: "confluence.unknown-macro",
            "unknown macro '\(m.name)'; its body is kept", at: m.location, text: text.isEmpty ? nil : text))
        var blocks = m.body.blocks
        if let p = m.plainTextBody, !p.isEmpty { blocks.append(.code(language: nil, text: p)) }
        return (blocks, BuiltInMacros.inlinesOf(RichText(blocks)))
    }

    /// Rendered macros in exported HTML, mapped back to a macro snapshot.
    mutating func htmlMacro(_ n: Int) -> ConfluenceMacro? {
        let loc = tree.location(n)
        if let kind = tree.classPrefix("confluence-information-macro-", n), kind != "body", kind != "icon" {
            let name = kind == "information" ? "info" : kind
            let title = tree.first(below: n, where: { tree.hasClass("title", $0) }).map { tree.textContent($0) }
            let bodyNode = tree.first(below: n, where: { tree.hasClass("confluence-information-macro-body", $0) }) ?? n
            return ConfluenceMacro(name: name, parameters: title.map { ["title": $0] } ?? [:],
                                   body: RichText(blocks(of: bodyNode)), location: loc)
        }
        if tree.hasClass("expand-container", n) {
            let title = tree.first(below: n, where: { tree.hasClass("expand-control-text", $0) }).map { tree.textContent($0) }
            let bodyNode = tree.first(below: n, where: { tree.hasClass("expand-content", $0) }) ?? n
            return ConfluenceMacro(name: "expand", parameters: title.map { ["title": $0] } ?? [:],
                                   body: RichText(blocks(of: bodyNode)), location: loc)
        }
        if tree.hasClass("panel", n) {
            let title = tree.first(below: n, where: { tree.hasClass("panelHeader", $0) }).map { tree.textContent($0) }
            let bodyNode = tree.first(below: n, where: { tree.hasClass("panelContent", $0) }) ?? n
            return ConfluenceMacro(name: "panel", parameters: title.map { ["title": $0] } ?? [:],
                                   body: RichText(blocks(of: bodyNode)), location: loc)
        }
        if tree.hasClass("toc-macro", n) || tree.hasClass("client-side-toc-macro", n) {
            return ConfluenceMacro(name: "toc", location: loc)
        }
        if tree.hasClass("plugin-tabmeta-details", n) {
            let body = RichText(blocks(of: n))
            detailsTables.append(contentsOf: body.blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } })
            return ConfluenceMacro(name: "details", body: body, location: loc)
        }
        if tree.hasClass("code", n), tree.hasClass("panel", n) || tree.hasClass("pdl", n) {
            let pre = tree.first(below: n, named: "pre") ?? n
            return ConfluenceMacro(name: "code", plainTextBody: String(decoding: rawTextBytes(pre), as: UTF8.self), location: loc)
        }
        return nil
    }

    func rawTextBytes(_ n: Int) -> [UInt8] {
        var out: [UInt8] = []
        let br = tree.nameID("br") ?? -2
        let end = tree.subtreeEnd(n)
        var x = n + 1
        while x < end {
            let node = tree.nodes[x]
            if node.name < 0 {
                out.append(contentsOf: tree.bytes[Int(node.start)..<tree.end(x)])
            } else if node.name == br {
                out.append(0x0A)
            }
            x += 1
        }
        return out
    }

    // MARK: Inlines

    mutating func inlineChildren(_ n: Int) -> [Inline] {
        var out: [Inline] = []
        appendInlineChildren(n, to: &out)
        return out
    }

    /// `out += inlineChildren(n)`, without the intermediate arrays.
    mutating func appendInlineChildren(_ n: Int, to out: inout [Inline]) {
        for c in tree.children(n) {
            if tree.isText(c) {
                out.append(.text(texts.text(tree.rawText(c), trim: false)))
            } else {
                appendInlines(c, to: &out)
            }
        }
    }

    /// `out += inlines(n)`, without an intermediate array for the usual inlines (text, emphasis, line breaks,
    /// dates, user and page links, containers).
    mutating func appendInlines(_ n: Int, to out: inout [Inline]) {
        if tree.isText(n) {
            out.append(.text(texts.text(tree.rawText(n), trim: false)))
            return
        }
        switch tree.name(n) {
        case "strong", "b":
            let inner = inlineChildren(n)
            if !inner.isEmpty { out.append(.emphasis(strong: true, inner)) }
        case "em", "i":
            let inner = inlineChildren(n)
            if !inner.isEmpty { out.append(.emphasis(strong: false, inner)) }
        case "br":
            out.append(.lineBreak)
        case "time":
            if let i = timeInlineValue(n) { out.append(i) }
        case "ac:link":
            appendACLink(n, to: &out)
        case "span":
            if dialect == .html {
                if tree.hasClass("jira-issue", n) || tree.attributeRange("data-jira-key", of: n) != nil {
                    out += jiraSpan(n)
                    return
                }
                if tree.hasClass("status-macro", n) {
                    out.append(.status(title: tree.textContent(n), colour: lozengeColour(n)))
                    return
                }
                if tree.hasClass("user-mention", n) || tree.hasClass("confluence-userlink", n) {
                    out.append(htmlMention(n))
                    return
                }
            }
            appendInlineChildren(n, to: &out)
        case "a":
            out += anchor(n)
        case "code", "kbd", "tt", "samp", "ac:emoticon", "ac:placeholder", "script", "style", "ac:parameter",
             "colgroup", "ac:structured-macro", "ac:macro", "ac:image", "img":
            out += inlines(n)
        default:
            if isBlock(n) {
                out += inlines(n)
            } else {
                appendInlineChildren(n, to: &out)
            }
        }
    }

    mutating func inlines(_ n: Int) -> [Inline] {
        if tree.isText(n) { return [.text(texts.text(tree.rawText(n), trim: false))] }
        let name = tree.name(n)
        switch name {
        case "strong", "b":
            let inner = inlineChildren(n)
            return inner.isEmpty ? [] : [.emphasis(strong: true, inner)]
        case "em", "i":
            let inner = inlineChildren(n)
            return inner.isEmpty ? [] : [.emphasis(strong: false, inner)]
        case "code", "kbd", "tt", "samp":
            return [.code(tree.textContent(n))]
        case "br":
            return [.lineBreak]
        case "time":
            return timeInline(n)
        case "a":
            return anchor(n)
        case "ac:link":
            return acLink(n)
        case "ac:emoticon":
            return [.text(emoticon(n))]
        case "ac:placeholder", "script", "style", "ac:parameter", "colgroup":
            return []
        case "ac:structured-macro", "ac:macro":
            return macro(n, inline: true).inlines
        case "ac:image":
            if let a = tree.first(below: n, named: "ri:attachment"),
               let file = tree.attribute("ri:filename", of: a) {
                return [.link(target: "attachment:" + file, [.text(tree.attribute("ac:alt", of: n) ?? file)])]
            }
            if let u = tree.first(below: n, named: "ri:url"), let v = tree.attribute("ri:value", of: u) {
                return [.link(target: v, [])]
            }
            return []
        case "img":
            if let e = tree.attribute("data-emoji-fallback", of: n) ?? tree.attribute("data-emoji-text", of: n) {
                return [.text(decodeEscapedSurrogates(e))]
            }
            if tree.hasClass("emoticon", n) {
                // Server exports: <img class="emoticon emoticon-smile" alt="(smile)">.
                if let name = tree.classPrefix("emoticon-", n), let emoji = Self.emoticons[name] { return [.text(emoji)] }
                return [.text(tree.attribute("alt", of: n) ?? "")]
            }
            return []
        case "span":
            if dialect == .html {
                if tree.hasClass("jira-issue", n) || tree.attributeRange("data-jira-key", of: n) != nil {
                    return jiraSpan(n)
                }
                if tree.hasClass("status-macro", n) {
                    return [.status(title: tree.textContent(n), colour: lozengeColour(n))]
                }
                if tree.hasClass("user-mention", n) || tree.hasClass("confluence-userlink", n) {
                    return [htmlMention(n)]
                }
            }
            return inlineChildren(n)
        default:
            if isBlock(n) {
                // Block markup inside a paragraph (broken HTML): keep its text inline.
                var out: [Inline] = [.text(" ")]
                for b in block(n) { out += BuiltInMacros.inlinesOf(RichText([b])) + [.text(" ")] }
                return out
            }
            return inlineChildren(n)
        }
    }

    func decodeEscapedSurrogates(_ s: String) -> String {
        guard s.containsBytes("\\u") else { return s }
        var units: [UInt16] = []
        var out = ""
        var chars = Substring(s)
        while !chars.isEmpty {
            if chars.hasPrefix("\\u"), chars.count >= 6, let v = UInt16(chars.dropFirst(2).prefix(4), radix: 16) {
                units.append(v)
                chars = chars.dropFirst(6)
                continue
            }
            if !units.isEmpty { out += String(decoding: units, as: UTF16.self); units.removeAll() }
            out.append(chars.removeFirst())
        }
        if !units.isEmpty { out += String(decoding: units, as: UTF16.self) }
        return out
    }

    func lozengeColour(_ n: Int) -> String? {
        let t = tree
        if t.hasClass("aui-lozenge-success", n) { return "Green" }
        if t.hasClass("aui-lozenge-current", n) || t.hasClass("aui-lozenge-progress", n) || t.hasClass("aui-lozenge-moved", n) { return "Yellow" }
        if t.hasClass("aui-lozenge-error", n) || t.hasClass("aui-lozenge-removed", n) { return "Red" }
        if t.hasClass("aui-lozenge-complete", n) || t.hasClass("aui-lozenge-new", n) { return "Blue" }
        return "Grey"
    }

    mutating func jiraSpan(_ n: Int) -> [Inline] {
        guard let key = tree.attribute("data-jira-key", of: n) ?? tree.first(below: n, where: { tree.hasClass("jira-issue-key", $0) }).map({ tree.textContent($0) }) else {
            return inlineChildren(n)
        }
        var out: [Inline] = [.ticket(key: key)]
        if let s = tree.first(below: n, where: { tree.hasClass("summary", $0) }) {
            let summary = tree.textContent(s)
            if !summary.isEmpty, !summary.hasPrefix("Getting issue details") { out.append(.text(" - " + summary)) }
        }
        if let l = tree.first(below: n, where: { tree.hasClass("aui-lozenge", $0) }) {
            let title = tree.textContent(l)
            if !title.isEmpty, title != "STATUS" { out += [.text(" "), .status(title: title, colour: lozengeColour(l))] }
        }
        return [.text(" ")] + out + [.text(" ")]
    }

    mutating func timeInline(_ n: Int) -> [Inline] {
        timeInlineValue(n).map { [$0] } ?? []
    }

    /// The one inline ``timeInline(_:)`` makes of a `<time>`, if any.
    mutating func timeInlineValue(_ n: Int) -> Inline? {
        let written = tree.textContent(n)
        if let d = datetimeAttribute(n) {
            return .date(d, text: written.isEmpty ? d.description : written)
        }
        if let d = Recognize.firstDate(in: written, referenceYear: options.referenceYear) {
            return .date(d, text: written)
        }
        return written.isEmpty ? nil : .text(written)
    }

    /// `CalendarDate(iso8601: datetime.prefix(10))`, read straight from the attribute's bytes when they are
    /// `DDDD-DD-DD` followed by nothing or an ASCII byte (which cannot extend the tenth character).
    func datetimeAttribute(_ n: Int) -> CalendarDate? {
        guard let r = tree.attributeRange("datetime", of: n) else { return nil }
        let b = tree.bytes
        let s = r.lowerBound
        func digit(_ i: Int) -> Int? { let v = b[s + i] &- 0x30; return v < 10 ? Int(v) : nil }
        if r.count >= 10, r.count == 10 || b[s + 10] < 0x80, b[s + 4] == 0x2D, b[s + 7] == 0x2D,
           let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
           let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9) {
            return CalendarDate(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
        }
        return CalendarDate(iso8601: tree.string(r.lowerBound, r.upperBound).prefix(10))
    }

    mutating func anchor(_ n: Int) -> [Inline] {
        if dialect == .html, tree.hasClass("confluence-userlink", n) || tree.hasClass("user-mention", n)
            || tree.attributeRange("data-username", of: n) != nil || tree.attributeRange("data-account-id", of: n) != nil {
            return [htmlMention(n)]
        }
        let inner = Converter.normalize(inlineChildren(n))
        guard let href = tree.attribute("href", of: n), !href.isEmpty else { return inner }
        if dialect == .html, tree.hasClass("jira-issue-key", n) || href.containsBytes("/browse/"),
           let key = Recognize.keyCandidates(in: String(href.split(separator: "/").last ?? "")).first {
            return [.link(target: href, inner.isEmpty ? [.ticket(key: key)] : inner)]
        }
        return [.link(target: href, inner)]
    }

    /// `.mention(htmlPerson(n))`, made once per distinct user link of the import and shared by the later ones
    /// (see ``storageMention(_:display:)``): the person depends only on the link's text and its `data-username`
    /// and `data-account-id` bytes, and `htmlPerson` has no other effect for a name not ending in ")".
    mutating func htmlMention(_ n: Int) -> Inline {
        let text = tree.textContent(n)
        // A name ending in ")" may carry a status suffix, which `htmlPerson` notes (a diagnostic, once per name, in
        // this converter's value): such links are made each time, so a copy of the converter notes it too.
        if text.utf8.last == 0x29 { return .mention(htmlPerson(n)) }
        let memo = userMemo.mentions
        memo.start(text)
        memo.append(part: tree.attributeRange("data-username", of: n), of: tree.bytes)
        memo.append(part: tree.attributeRange("data-account-id", of: n), of: tree.bytes)
        if let known = memo.find() { return known }
        let made = Inline.mention(htmlPerson(n))
        memo.insert(made)
        return made
    }

    /// A mention in exported HTML; text is the display name.
    mutating func htmlPerson(_ n: Int) -> Person {
        var name = tree.textContent(n)
        let username = tree.attribute("data-username", of: n)
        let account = tree.attribute("data-account-id", of: n)
        var unresolved = false
        // Every suffix ends with ")": without that last byte none can match (no other character ends in one).
        for suffix in [" (Unlicensed)", " (Deactivated)", "(Unlicensed)", "(Deactivated)"] where name.utf8.last == 0x29 && name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count)).trimmingSpaces()
            guard notedUserStatus.insert(name).inserted else { break }
            draft.meeting.diagnostics.append(Diagnostic(.note, code: "confluence.user-status",
                "'\(name)' is marked \(suffix.trimmingSpaces()) on the page; suffix removed",
                at: tree.location(n), text: suffix.trimmingSpaces()))
        }
        if name.utf8.first == 0x55, name.hasPrefix("Unknown User ("), name.hasSuffix(")") {
            name = String(name.dropFirst("Unknown User (".count).dropLast())
            unresolved = true
        }
        var p = Person(name: name, username: username ?? (unresolved ? name : nil), accountID: account, unresolved: unresolved)
        if let key = account ?? username, let e = lookupUser(key) {
            if p.username == nil { p.username = e.username }
            if p.name.isEmpty, let d = e.displayName { p.name = d }
            p.unresolved = false
        }
        if p.name.isEmpty { p.name = username ?? account ?? "" ; p.unresolved = true }
        return p
    }

    mutating func acLink(_ n: Int) -> [Inline] {
        var out: [Inline] = []
        appendACLink(n, to: &out)
        return out
    }

    /// `out += acLink(n)`: a user link appended as one mention without an intermediate array.
    mutating func appendACLink(_ n: Int, to out: inout [Inline]) {
        var bodyInlines: [Inline] = []
        var target: Int?
        for c in tree.children(n) where !tree.isText(c) {
            switch tree.name(c) {
            case "ac:plain-text-link-body": bodyInlines = [.text(tree.textContent(c))]
            case "ac:link-body": bodyInlines = Converter.normalize(inlineChildren(c))
            default: target = c
            }
        }
        guard let t = target else {
            out += bodyInlines
            return
        }
        switch tree.name(t) {
        case "ri:user":
            out.append(storageMention(t, display: Inline.plainText(bodyInlines)))
        case "ri:page", "ri:blog-post", "ri:content-entity":
            let title = tree.attribute("ri:content-title", of: t) ?? tree.attribute("ri:content-id", of: t) ?? ""
            let space = tree.attribute("ri:space-key", of: t)
            let targetText = "page:" + (space.map { $0 + ":" } ?? "") + title
            out.append(.link(target: targetText, bodyInlines.isEmpty ? [.text(title)] : bodyInlines))
        case "ri:attachment":
            let file = tree.attribute("ri:filename", of: t) ?? ""
            out.append(.link(target: "attachment:" + file, bodyInlines.isEmpty ? [.text(file)] : bodyInlines))
        case "ri:url":
            let url = tree.attribute("ri:value", of: t) ?? ""
            out.append(.link(target: url, bodyInlines))
        case "ri:space":
            let key = tree.attribute("ri:space-key", of: t) ?? ""
            out.append(.link(target: "space:" + key, bodyInlines.isEmpty ? [.text(key)] : bodyInlines))
        default:
            if bodyInlines.isEmpty { out.append(.text(tree.textContent(n))) } else { out += bodyInlines }
        }
    }

    /// `.mention(storagePerson(u, display: display))`, made once per distinct user link of the import: the same
    /// people are mentioned on every row of a long page, and every later mention shares the first one's value
    /// (its strings and its box), not a copy of its own. The person depends only on the display text and the
    /// three identifying attributes (and the directory, fixed for the import), compared byte for byte.
    func storageMention(_ u: Int, display: String) -> Inline {
        let memo = userMemo.mentions
        memo.start(display)
        memo.append(part: tree.attributeRange("ri:username", of: u), of: tree.bytes)
        memo.append(part: tree.attributeRange("ri:userkey", of: u), of: tree.bytes)
        memo.append(part: tree.attributeRange("ri:account-id", of: u), of: tree.bytes)
        if let known = memo.find() { return known }
        let made = Inline.mention(storagePerson(u, display: display))
        memo.insert(made)
        return made
    }

    /// A `ri:user` resolved through the user directory; unresolved keys are kept, marked unresolved.
    func storagePerson(_ u: Int, display: String) -> Person {
        let username = tree.attribute("ri:username", of: u)
        let userKey = tree.attribute("ri:userkey", of: u)
        let account = tree.attribute("ri:account-id", of: u)
        var p = Person(name: display, username: username, accountID: account, userKey: userKey)
        let key = account ?? userKey ?? username ?? ""
        if let e = lookupUser(key) {
            if p.username == nil { p.username = e.username }
            if p.name.isEmpty { p.name = e.displayName ?? e.username ?? key }
        } else if p.name.isEmpty {
            p.name = username ?? key
            p.unresolved = username == nil
        }
        return p
    }

    /// `options.userDirectory.lookup(key)`, remembered per key (the same few people are mentioned on every row).
    func lookupUser(_ key: String) -> DirectoryEntry? {
        if let known = userMemo.entries[key] { return known }
        let entry = options.userDirectory.lookup(key)
        userMemo.entries[key] = .some(entry)
        return entry
    }

    /// Directory answers of one import (one thread).
    final class UserMemo {
        var entries: [String: DirectoryEntry?] = [:]
        /// User links met, by display text and attribute bytes (see ``storageMention(_:display:)``).
        let mentions = BytesMemo()
    }

    /// Inlines remembered by a key of bytes (a text and attribute values), compared byte for byte: the key is
    /// assembled in a reused buffer (``start(_:)``, ``append(part:of:)``) and hashed with FNV-1a, so a look-up
    /// allocates nothing. One import (one thread) uses a memo, and no access to a property overlaps another: the
    /// properties are `@exclusivity(unchecked)`.
    final class BytesMemo {
        @exclusivity(unchecked) private var key: [UInt8] = []
        @exclusivity(unchecked) private var keys: [[UInt8]] = []
        @exclusivity(unchecked) private var values: [Inline] = []
        @exclusivity(unchecked) private var hashes: [UInt64] = []
        /// Open addressing: index in `values` + 1, 0 for an empty slot. Power-of-two size.
        @exclusivity(unchecked) private var slots = [Int32](repeating: 0, count: 64)
        @exclusivity(unchecked) private var hash: UInt64 = 0

        /// Starts a key with `text`.
        func start(_ text: String) {
            key.removeAll(keepingCapacity: true)
            key.append(contentsOf: text.utf8)
        }

        /// Adds an attribute value to the key: 0xFF (never in UTF-8) separates the parts, 0xFE marks a value
        /// present (an empty value is not an absent one).
        func append(part range: Range<Int>?, of bytes: [UInt8]) {
            key.append(0xFF)
            if let range {
                key.append(0xFE)
                key.append(contentsOf: bytes[range])
            }
        }

        /// The value stored under the key assembled.
        func find() -> Inline? {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            hash = h
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while slots[i] != 0 {
                let e = Int(slots[i]) - 1
                if hashes[e] == h, keys[e] == key { return values[e] }
                i = (i + 1) & mask
            }
            return nil
        }

        /// Stores `value` under the key assembled (after a ``find()`` that found nothing).
        func insert(_ value: Inline) {
            keys.append(key)
            values.append(value)
            hashes.append(hash)
            if values.count * 2 > slots.count {
                slots = [Int32](repeating: 0, count: slots.count * 2)
                for e in hashes.indices { place(e) }
            } else {
                place(values.count - 1)
            }
        }

        private func place(_ e: Int) {
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: hashes[e] ^ (hashes[e] >> 29)) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(e + 1)
        }
    }

    /// Confluence's classic emoticon names.
    static let emoticons: [String: String] = [
        "smile": "🙂", "sad": "🙁", "cheeky": "😛", "laugh": "😀", "wink": "😉", "thumbs-up": "👍",
        "thumbs-down": "👎", "information": "ℹ️", "tick": "✅", "cross": "❌", "warning": "⚠️", "plus": "➕",
        "minus": "➖", "question": "❓", "light-on": "💡", "light-off": "💡", "yellow-star": "⭐", "red-star": "⭐",
        "green-star": "⭐", "blue-star": "⭐", "heart": "❤️", "broken-heart": "💔",
    ]

    func emoticon(_ n: Int) -> String {
        if let f = tree.attribute("ac:emoji-fallback", of: n), !f.isEmpty { return f }
        let name = tree.attribute("ac:name", of: n) ?? ""
        return Self.emoticons[name] ?? tree.attribute("ac:emoji-shortname", of: n) ?? name
    }

    // MARK: Tables as grids

    struct GridCell {
        var node: Int
        var isHeader: Bool
        /// True at the cell's own position; false where a row/column span repeats it.
        var isOrigin: Bool
    }

    /// A cell's `rowspan`/`colspan`, 1 when absent or not a number, clamped to 1...limit.
    func span(_ key: String, of cell: Int, limit: Int) -> Int {
        guard let written = tree.attribute(key, of: cell) else { return 1 }
        return min(max(Int(written) ?? 1, 1), limit)
    }

    /// The table as a grid, `rowspan`/`colspan` expanded; spanned positions repeat the cell.
    func grid(_ table: Int) -> [[GridCell]] {
        // Each row as its cells; cells outside any row (broken HTML: <td> straight under <table>) form rows of
        // their own, so that their text is not lost.
        var rows: [[Int]] = []
        var stray: [Int] = []
        func isCell(_ c: Int) -> Bool { let n = tree.name(c); return n == "td" || n == "th" }
        func flushStray() { if !stray.isEmpty { rows.append(stray); stray = [] } }
        func add(_ c: Int) {
            let name = tree.name(c)
            if name == "tr" { flushStray(); rows.append(tree.children(c).filter(isCell)) } else if isCell(c) { stray.append(c) }
        }
        for c in tree.children(table) where !tree.isText(c) {
            let name = tree.name(c)
            if name == "tbody" || name == "thead" || name == "tfoot" {
                for r in tree.children(c) where !tree.isText(r) { add(r) }
            } else {
                add(c)
            }
        }
        flushStray()
        var result: [[GridCell]] = []
        var carry: [Int: (cell: GridCell, remaining: Int)] = [:]   // column → spanning cell
        for r in rows {
            var row: [GridCell] = []
            var col = 0
            func fillCarried() {
                if carry.isEmpty { return }   // no row or column span pending (the usual table): no hashing
                while let c = carry[col], c.remaining > 0 {
                    var cell = c.cell
                    cell.isOrigin = false
                    row.append(cell)
                    carry[col] = c.remaining > 1 ? (c.cell, c.remaining - 1) : nil
                    col += 1
                }
            }
            for cellNode in r {
                fillCarried()
                let rs = span("rowspan", of: cellNode, limit: 1000)
                let cs = span("colspan", of: cellNode, limit: 100)
                let cell = GridCell(node: cellNode, isHeader: tree.name(cellNode) == "th", isOrigin: true)
                for k in 0..<cs {
                    var c = cell
                    c.isOrigin = k == 0
                    row.append(c)
                    if rs > 1 { carry[col] = (c, rs - 1) }
                    col += 1
                }
            }
            fillCarried()
            result.append(row)
        }
        return result
    }
}

/// `s.hasSuffix(" ")`, decided from the bytes when the space follows an ASCII byte (then it is a Character of its own).
func endsWithSpaceCharacter(_ s: String) -> Bool {
    let u = s.utf8
    guard let last = u.last, last == 0x20 else { return false }
    let before = u.index(before: u.endIndex)
    if before == u.startIndex { return true }
    return u[u.index(before: before)] < 0x80 ? true : s.hasSuffix(" ")
}

/// `s.hasPrefix(" ")`, decided from the bytes when an ASCII byte follows the space (nothing can extend it then).
func startsWithSpaceCharacter(_ s: String) -> Bool {
    let u = s.utf8
    guard let first = u.first, first == 0x20 else { return false }
    let next = u.index(after: u.startIndex)
    if next == u.endIndex { return true }
    return u[next] < 0x80 ? true : s.hasPrefix(" ")
}
