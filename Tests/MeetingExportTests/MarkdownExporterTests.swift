import Foundation
import Ink
import Testing
import MeetingModel
import MeetingExport

@Suite struct MarkdownEscapingTests {
    @Test func escapesInlineMetacharacters() {
        #expect(MarkdownEscaping.inline("a|b *c* _d_ [e] <f> `g` ~h~") == #"a\|b \*c\* \_d\_ \[e\] \<f> \`g\` \~h\~"#)
        #expect(MarkdownEscaping.inline("back\\slash & more") == #"back\\slash & more"#)
        // Ampersands are escaped only where they would start an entity; underscores always.
        #expect(MarkdownEscaping.inline("snake_case A&A &amp; &#35; __init__") == #"snake\_case A&A \&amp; \&#35; \_\_init\_\_"#)
    }

    @Test func escapesBlockMarkersAtLineStart() {
        #expect(MarkdownEscaping.inline("# not a heading") == "\\# not a heading")
        #expect(MarkdownEscaping.inline("- not a list") == #"\- not a list"#)
        #expect(MarkdownEscaping.inline("12. not numbered") == #"12\. not numbered"#)
        #expect(MarkdownEscaping.inline("3) nor this") == #"3\) nor this"#)
        #expect(MarkdownEscaping.inline("> nor a quote") == #"\> nor a quote"#)
        #expect(MarkdownEscaping.inline("2019-10-28 is a date") == "2019-10-28 is a date")
        #expect(MarkdownEscaping.inline("# inside", lineStart: false) == "# inside")
    }

    @Test func tableCellsStayOnOneLine() {
        #expect(MarkdownEscaping.tableCell(" a | b\nc ") == #"a \| b c"#)
    }
}

@Suite struct MarkdownExporterTests {
    let markdown = MarkdownExporter().render(Sample.rich())

    @Test func matchesGoldenFile() throws {
        try TestSupport.checkGolden("rich-meeting.md", markdown)
    }

    @Test func writesTaskListLinesForActions() {
        #expect(markdown.contains("- [x] **Ada Quint** — ensure the plan is followed (due 2026-11-25, ING-7, OPS-3)"))
        #expect(markdown.contains(#"- [ ] **Bram Okafor** — identify a design for shared registries, "friendly" users first (due 2026-12-18, ING-42)"#))
        #expect(markdown.contains("- [ ] **the Architecture team** — reach out to milestone owners (due 2026-11-20, status unknown) — *Notes*"))
        #expect(markdown.contains("- [ ] **Unknown User (cdelacroix)**, **Dana Ng** — update the test plan, line 2 second line"))
    }

    @Test func rendersAgendaTablesAndNestedLists() {
        #expect(markdown.contains("| Time | Topic | Chairs |\n| --- | --- | --- |\n| 09:00 | Welcome | Ada Quint |"))
        #expect(markdown.contains("| 10:30–11:00 | Break |  |"))
        #expect(markdown.contains("- Options discussed *at length*:\n  * \\- shared schema for \\_friendly\\_ users\n  * 1\\. backups ING-42"))
        #expect(markdown.contains("- Dana Ng *(remote)*"))
        #expect(markdown.contains("### Day 2: 2026-11-17"))
        #expect(markdown.contains("````sh\nmake ingest ```\necho done\n````"))
        #expect(markdown.contains("[the docs](https://example.org/docs/ingest%20%28v2%29)"))
    }

    @Test func inkParsesTheStructureBack() throws {
        let html = MarkdownParser().html(from: markdown)
        #expect(html.contains("<h1>Platform Team Face-to-Face, 2026-11-16 to 17</h1>"))
        #expect(html.contains("<h2>Participants</h2>"))
        #expect(html.contains("<h2>Agenda</h2>"))
        #expect(html.contains("<h3>Day 1: 2026-11-16</h3>"))
        #expect(html.contains("<h4>09:45 · Ingest status</h4>"))
        #expect(html.contains("<h2>Action items</h2>"))
        #expect(html.contains("<h2>Decisions</h2>"))
        #expect(html.contains("<h2>Pre-meeting planning</h2>"))
        // Nested list: the sub-items are a list inside the parent item.
        #expect(html.contains("<li>Options discussed <em>at length</em>:<ul><li>- shared schema for _friendly_ users</li><li>1. backups ING-42</li></ul></li>"))
        // Escaped metacharacters come back as text, not markup.
        #expect(html.contains("Blockers: schema | registry * stability"))
        #expect(!html.contains("<b>not bold</b>"))
        #expect(html.contains("<strong>ingest</strong>"))
        // Tables parse as tables with the escaped pipe kept inside a cell.
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>Cost | risk</th>"))
        #expect(html.contains("<td>• high<br/>• low</td>"))
        #expect(html.contains("<blockquote>"))
        #expect(html.contains("<li><strong>Bram Okafor</strong> reports on 18 Nov 2026 <code>IN PROGRESS</code></li></ul>"))
        let headings = html.components(separatedBy: "<h").count - 1
        #expect(headings == 14)
    }

    @Test func escapesHostileTitlesAndText() {
        let m = Meeting(title: "# Title | with * stars_", participants: [Person(name: "[admin](javascript:x)")],
                        actionItems: [ActionItem(owners: [Person(name: "<script>")], text: "1. do it", status: .open)])
        let md = MarkdownExporter().render(m)
        #expect(md.hasPrefix("# # Title \\| with \\* stars\\_\n"))
        #expect(md.contains("- \\[admin\\](javascript:x)"))
        #expect(md.contains("- [ ] **\\<script>** — 1\\. do it"))
        let html = MarkdownParser().html(from: md)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("href=\"javascript"))
    }

    @Test func inkKeepsLiteralTextLiteral() {
        let m = Meeting(title: "T", decisions: [Decision(text: "Use A&A for ingest_plan_v2, 3 > 2, __dunder__, ~~no~~")])
        let md = MarkdownExporter().render(m)
        #expect(md.contains(#"- Use A&A for ingest\_plan\_v2, 3 > 2, \_\_dunder\_\_, \~\~no\~\~"#))
        let html = MarkdownParser().html(from: md)
        #expect(html.contains("<li>Use A&amp;A for ingest_plan_v2, 3 &gt; 2, __dunder__, ~~no~~</li>"))
        #expect(!html.contains("<em>") && !html.contains("<strong>") && !html.contains("<del>") && !html.contains("<s>"))
    }

    @Test func emptyMeetingStillHasATitle() {
        #expect(MarkdownExporter().render(Meeting()) == "# Meeting notes\n")
        #expect(MarkdownExporter().render(Meeting(page: PageMetadata(source: "/x/space/weekly-sync.storage.xhtml")))
                == "# weekly-sync.storage\n")
    }
}
