// swift-meeting-notes · Benchmarks
//
// The model floor: what it costs only to build and free the `Meeting` value an importer returns, and how much
// memory that value holds. No importer that returns this model can be cheaper than building it, so the floor
// says which speed and memory targets a faster parser alone could still reach.
//
// `ModelFloor.copy` rebuilds a meeting value by value: every array and every string longer than Swift's
// 15-byte small-string form gets storage of its own, as an importer allocates it. It shares nothing an
// importer might share (a person's name stored once for all the rows that name them), so where the importer
// shares, the floor is a little high; where it keeps spare array capacity, a little low.

import CBenchSupport
import MeetingModel

enum ModelFloor {
    /// A copy of `meeting` that shares no heap storage with it.
    static func copy(_ m: Meeting) -> Meeting {
        var c = m
        c.title = string(m.title)
        c.timeZone = m.timeZone.map(string)
        c.location = m.location.map(string)
        c.sections = m.sections.map { s in
            var t = s
            t.title = string(s.title)
            t.content = rich(s.content)
            return t
        }
        c.participants = m.participants.map(person)
        c.agenda = m.agenda.map { d in
            var e = d
            e.title = d.title.map(string)
            e.items = d.items.map { i in
                var j = i
                j.topic = string(i.topic)
                j.chairs = i.chairs.map(person)
                j.discussion = rich(i.discussion)
                j.notes = rich(i.notes)
                return j
            }
            return e
        }
        c.actionItems = m.actionItems.map { a in
            var b = a
            b.owners = a.owners.map(person)
            b.groups = a.groups.map(string)
            b.text = string(a.text)
            b.tickets = a.tickets.map(string)
            b.section = a.section.map(string)
            b.taskID = a.taskID.map(string)
            return b
        }
        c.decisions = m.decisions.map { d in
            var e = d
            e.text = string(d.text)
            e.state = d.state.map(string)
            return e
        }
        c.attachments = m.attachments.map { a in
            var b = a
            b.fileName = string(a.fileName)
            b.fileType = a.fileType.map(string)
            b.modifiedBy = a.modifiedBy.map(person)
            b.comment = a.comment.map(string)
            b.mediaType = a.mediaType.map(string)
            b.modifiedText = a.modifiedText.map(string)
            return b
        }
        c.planningTopics = m.planningTopics.map { p in
            var q = p
            q.topic = string(p.topic)
            q.requestedBy = p.requestedBy.map(person)
            q.timeRequiredText = p.timeRequiredText.map(string)
            q.notes = rich(p.notes)
            return q
        }
        c.taskSummary = m.taskSummary.map(string)
        c.page.pageID = m.page.pageID.map(string)
        c.page.space = m.page.space.map(string)
        c.page.author = m.page.author.map(person)
        c.page.lastModifiedBy = m.page.lastModifiedBy.map(person)
        c.page.labels = m.page.labels.map(string)
        c.page.source = m.page.source.map(string)
        c.page.format = m.page.format.map(string)
        c.diagnostics = m.diagnostics.map { d in
            var e = d
            e.code = string(d.code)
            e.message = string(d.message)
            e.text = d.text.map(string)
            return e
        }
        return c
    }

    /// A string with storage of its own (small strings live inline and need none).
    static func string(_ s: String) -> String {
        var s = s
        s.withUTF8 { _ in }   // native, contiguous
        let n = s.utf8.count
        guard n > 15 else { return s }
        return s.withUTF8 { src in
            String(unsafeUninitializedCapacity: n) { dst in
                guard let d = dst.baseAddress, let b = src.baseAddress else { return 0 }
                d.initialize(from: b, count: n)
                return n
            }
        }
    }

    static func person(_ p: Person) -> Person {
        var q = p
        q.name = string(p.name)
        q.username = p.username.map(string)
        q.accountID = p.accountID.map(string)
        q.userKey = p.userKey.map(string)
        q.aliases = p.aliases.map(string)
        return q
    }

    static func rich(_ r: RichText) -> RichText {
        RichText(r.blocks.map(block))
    }

    static func block(_ b: Block) -> Block {
        switch b {
        case .paragraph(let inlines): return .paragraph(inlines.map(inline))
        case .heading(let level, let inlines): return .heading(level: level, inlines.map(inline))
        case .list(let list):
            return .list(ListBlock(ordered: list.ordered,
                                   items: list.items.map { ListItem(blocks: $0.blocks.map(block), checked: $0.checked) }))
        case .table(let table):
            return .table(TableBlock(rows: table.rows.map { row in
                row.map { TableCell(content: rich($0.content), isHeader: $0.isHeader) }
            }))
        case .panel(let panel):
            return .panel(PanelBlock(kind: string(panel.kind), title: panel.title.map(string), content: rich(panel.content)))
        case .code(let language, let text):
            return .code(language: language.map(string), text: string(text))
        }
    }

    static func inline(_ i: Inline) -> Inline {
        switch i {
        case .text(let t): return .text(string(t))
        case .emphasis(let strong, let inner): return .emphasis(strong: strong, inner.map(inline))
        case .mention(let p): return .mention(person(p))
        case .date(let d, let text): return .date(d, text: string(text))
        case .ticket(let key): return .ticket(key: string(key))
        case .link(let target, let inner): return .link(target: string(target), inner.map(inline))
        case .status(let title, let colour): return .status(title: string(title), colour: colour.map(string))
        case .code(let t): return .code(string(t))
        case .lineBreak: return .lineBreak
        }
    }

    /// The import's result, made once per input outside the timed runs.
    static func imported(_ bytes: [UInt8], form: PageForm, options: ImportOptions) -> Meeting? {
        guard let source = Importers.source(for: form) else { return nil }
        let input = SourceInput(bytes: bytes, fileName: "page." + form.fileExtension)
        return try? source.importMeeting(from: input, options: options).meeting
    }

    /// Builds a copy of `meeting` and frees it; returns a count so the work is not optimised away.
    @inline(never)
    static func buildAndFree(_ meeting: Meeting) -> Int {
        let c = copy(meeting)
        return c.actionItems.count &* 1000 &+ c.agenda.count &+ c.participants.count
    }

    /// Resident memory now, after returning freed heap to the system, and the heap bytes live allocations hold
    /// (0 where the allocator cannot say).
    static func residentAfterTrim() -> (resident: Int, heapInUse: Int) {
        bench_heap_trim()
        return (procStatusBytes("VmRSS") ?? 0, bench_heap_in_use())
    }
}
