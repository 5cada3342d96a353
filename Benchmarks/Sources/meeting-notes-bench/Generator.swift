// swift-meeting-notes · Benchmarks
//
// A deterministic generator of Confluence-like meeting pages (storage format, exported HTML, pasted text).
// Everything it writes is invented: names, places, topics. The same seed always gives the same bytes.

import MeetingModel

/// SplitMix64: tiny, fast, and the same sequence on every platform.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<n` (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// A value in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// True with probability `percent`/100.
    mutating func percent(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// The three forms a meeting page comes in.
enum PageForm: String, CaseIterable, Sendable {
    /// Confluence storage format (XHTML with `ac:`/`ri:` elements), as the REST API and page source give it.
    case storage
    /// Confluence's exported (rendered) HTML page.
    case html
    /// Text pasted from a browser: tabs between cells, some HTML debris, bullets.
    case text

    /// The file extension the importers and the CLI expect.
    var fileExtension: String {
        switch self {
        case .storage: "storage.xhtml"
        case .html: "html"
        case .text: "txt"
        }
    }
}

struct GenPerson {
    var name: String
    var username: String
    var userKey: String
    /// Shown as "Unknown User (username)" in HTML and text, as Confluence does for deactivated users.
    var unresolved: Bool
}

struct GenTask {
    var id: Int
    var assignees: [Int]
    var text: String
    var due: CalendarDate?
    var ticket: String?
    var done: Bool
}

enum GenBullet {
    case text(String)
    case nested(String, [String])
    case attachment(file: String, label: String)
}

struct GenCell {
    var paragraphs: [String] = []
    var bullets: [GenBullet] = []
    var tasks: [GenTask] = []
    var panel: String?
    var isEmpty: Bool { paragraphs.isEmpty && bullets.isEmpty && tasks.isEmpty && panel == nil }
}

struct GenRow {
    var time: String
    var topic: String
    var chairs: [Int]
    var discussion: GenCell
    var notes: GenCell
}

struct GenDay {
    var number: Int
    var date: CalendarDate
    var rows: [GenRow]
}

/// Makes meetings and renders them.
struct PageGenerator {
    static let defaultSeed: UInt64 = 0x5EED_2024_0311

    let seed: UInt64
    let people: [GenPerson]
    let title: String
    let startDate: CalendarDate
    let location: String
    let participants: [Int]
    let projectKey: String
    /// How many action items an agenda row's notes carry (`--dense`: many more).
    var tasksPerRow: ClosedRange<Int> = 0...3

    /// A meeting from `seed`; its people come from `peopleSeed` (default: the same), so that many pages can
    /// share one user directory.
    init(seed: UInt64, peopleSeed: UInt64? = nil) {
        self.seed = seed
        var rng = SplitMix64(seed: peopleSeed ?? seed)
        var people: [GenPerson] = []
        var usedNames = Set<String>()
        while people.count < 40 {
            let first = rng.pick(Words.firstNames), last = rng.pick(Words.lastNames)
            let name = first.0 + " " + last.0
            guard usedNames.insert(name).inserted else { continue }
            var key = "8a7f808a"
            for _ in 0..<3 {
                let v = rng.next()
                key += String(String(v, radix: 16).suffix(8)).leftPadded(to: 8)
            }
            people.append(GenPerson(name: name, username: String(first.1.prefix(1)) + last.1, userKey: key,
                                    unresolved: rng.percent(8)))
        }
        self.people = people
        rng = SplitMix64(seed: seed ^ 0xA5A5_5A5A_A5A5_5A5A)
        let start = CalendarDate(daysSinceEpoch: 17903 + rng.below(2000))   // 17903 is 2019-01-07
        self.startDate = start
        let group = rng.pick(Words.groups)
        self.title = "\(group) Meeting, \(start)"
        self.location = rng.pick(Words.places)
        var parts: [Int] = []
        for i in 0..<people.count where rng.percent(45) { parts.append(i) }
        if parts.count < 4 { parts = Array(0..<4) }
        self.participants = parts
        self.projectKey = rng.pick(["HSV", "OPS", "DATA", "SURV", "INFRA"])
    }

    /// The `k`-th agenda day (0-based); depends only on the seed and `k`.
    func day(_ k: Int) -> GenDay {
        var rng = SplitMix64(seed: seed ^ (UInt64(k + 1) &* 0x2545_F491_4F6C_DD1D))
        // Meeting days skip weekends.
        var date = startDate.adding(days: k + 2 * (k / 5))
        while date.isoWeekday > 5 { date = date.adding(days: 1) }
        var rows: [GenRow] = []
        var minute = 9 * 60
        var taskID = k * 100 + 1
        let count = rng.int(in: 6...9)
        for r in 0..<count {
            let time = LocalTime(hour: minute / 60, minute: minute % 60).map(\.description) ?? "17:00"
            if r == count / 2 || (r > 0 && rng.percent(12)) {
                rows.append(GenRow(time: time, topic: rng.pick(Words.breaks), chairs: [],
                                   discussion: GenCell(), notes: GenCell()))
                minute += 30
                continue
            }
            let chairs = rng.percent(25) ? [pickParticipant(&rng), pickParticipant(&rng)] : [pickParticipant(&rng)]
            var discussion = GenCell()
            if rng.percent(50) {
                discussion.paragraphs = [sentence(&rng) + " " + sentence(&rng)]
            } else {
                discussion.bullets = (0..<rng.int(in: 1...3)).map { _ in .text(sentence(&rng)) }
                if rng.percent(40) {
                    discussion.bullets.append(.attachment(file: "\(rng.pick(Words.fileStems))-\(date).pdf", label: "Slides"))
                }
            }
            if rng.percent(10) { discussion.panel = sentence(&rng) }
            var notes = GenCell()
            if rng.percent(35) {
                notes.paragraphs = (0..<rng.int(in: 1...2)).map { _ in sentence(&rng) + " " + sentence(&rng) }
            }
            let bulletCount = rng.int(in: 0...6)
            for _ in 0..<bulletCount {
                if rng.percent(15) {
                    notes.bullets.append(.nested(question(&rng), (0..<rng.int(in: 1...2)).map { _ in sentence(&rng) }))
                } else {
                    notes.bullets.append(.text(sentence(&rng)))
                }
            }
            for _ in 0..<rng.int(in: tasksPerRow) {
                let who = rng.percent(15) ? [pickParticipant(&rng), pickParticipant(&rng)] : [pickParticipant(&rng)]
                let due = rng.percent(85) ? date.adding(days: rng.int(in: 7...60)) : nil
                let ticket = rng.percent(35) ? "\(projectKey)-\(rng.int(in: 100...29999))" : nil
                notes.tasks.append(GenTask(id: taskID, assignees: who, text: action(&rng), due: due, ticket: ticket,
                                           done: rng.percent(30)))
                taskID += 1
            }
            rows.append(GenRow(time: time, topic: rng.pick(Words.topics), chairs: chairs,
                               discussion: discussion, notes: notes))
            minute += rng.pick([15, 30, 30, 45, 60])
        }
        rows.append(GenRow(time: LocalTime(hour: min(minute / 60, 23), minute: minute % 60).map(\.description) ?? "17:00",
                           topic: "Close", chairs: [], discussion: GenCell(), notes: GenCell()))
        return GenDay(number: k + 1, date: date, rows: rows)
    }

    private func pickParticipant(_ rng: inout SplitMix64) -> Int { rng.pick(participants) }

    private func sentence(_ rng: inout SplitMix64) -> String {
        var s = rng.pick(Words.subjects) + " " + rng.pick(Words.verbs) + " " + rng.pick(Words.objects)
        if rng.percent(40) { s += " " + rng.pick(Words.tails) }
        return s + "."
    }

    private func question(_ rng: inout SplitMix64) -> String {
        "Should " + rng.pick(Words.subjects).lowercased() + " " + rng.pick(Words.bareVerbs) + " " + rng.pick(Words.objects) + "?"
    }

    private func action(_ rng: inout SplitMix64) -> String {
        rng.pick(Words.bareVerbs) + " " + rng.pick(Words.objects) + (rng.percent(30) ? " " + rng.pick(Words.tails) : "") + "."
    }

    // MARK: - Rendering

    /// A page of about `targetBytes` bytes in `form`: as many agenda days as it takes (at least one).
    func page(_ form: PageForm, targetBytes: Int) -> (bytes: [UInt8], days: Int) {
        render(form, days: nil, targetBytes: targetBytes)
    }

    /// The page with exactly `days` agenda days.
    func page(_ form: PageForm, days: Int) -> [UInt8] {
        render(form, days: days, targetBytes: 0).bytes
    }

    private func render(_ form: PageForm, days: Int?, targetBytes: Int) -> (bytes: [UInt8], days: Int) {
        var out = ""
        out.reserveCapacity(targetBytes + 64 * 1024)
        let footer: String
        switch form {
        case .storage: out += storageHeader(); footer = storageFooter()
        case .html: out += htmlHeader(); footer = htmlFooter()
        case .text: out += textHeader(); footer = textFooter()
        }
        var k = 0
        repeat {
            let d = day(k)
            switch form {
            case .storage: appendStorage(d, to: &out)
            case .html: appendHTML(d, to: &out)
            case .text: appendText(d, to: &out)
            }
            k += 1
        } while days.map { k < $0 } ?? (out.utf8.count + footer.utf8.count < targetBytes)
        out += footer
        return (Array(out.utf8), k)
    }

    /// The user directory a storage-format import needs to name people (user key → name).
    var userDirectory: UserDirectory {
        var entries: [String: DirectoryEntry] = [:]
        for p in people where !p.unresolved {
            entries[p.userKey] = DirectoryEntry(username: p.username, displayName: p.name)
        }
        return UserDirectory(entries)
    }

    /// Its JSON file form, as `--users` takes it.
    var userDirectoryJSON: [UInt8] { MeetingJSON.encodeValue(userDirectory, pretty: false) }

    // Storage format

    private func storageUser(_ i: Int) -> String {
        let p = people[i]
        return p.unresolved ? "<ac:link><ri:user ri:username=\"\(p.username)\" /></ac:link>"
                            : "<ac:link><ri:user ri:userkey=\"\(p.userKey)\" /></ac:link>"
    }

    private func storageHeader() -> String {
        var s = "<h2>\(xml(title))</h2>\n"
        s += "<p><ac:structured-macro ac:name=\"toc\" ac:schema-version=\"1\" ac:macro-id=\"0f1c\"><ac:parameter ac:name=\"maxLevel\">2</ac:parameter></ac:structured-macro></p>\n"
        s += "<h3>Logistics</h3>\n<h4>Date</h4>\n<p>\(startDate) onwards.</p>\n"
        s += "<p>The meeting starts at 09:00 on the first day and ends after lunch on the last day.</p>\n"
        s += "<h3>Location</h3>\n<ul><li>\(xml(location))</li></ul>\n<h3>Participants</h3>\n<ul>\n"
        for (n, i) in participants.enumerated() {
            s += "<li>\(storageUser(i))\(n % 7 == 3 ? " (Remote)" : "")</li>\n"
        }
        s += "</ul>\n<h3>Agenda</h3>\n"
        return s
    }

    /// A cell's paragraphs and bullet list, the same markup in both forms but for attachment links.
    private func paragraphsAndBullets(_ c: GenCell, attachment: (_ file: String, _ label: String) -> String) -> String {
        var s = ""
        for p in c.paragraphs { s += "<p>\(xml(p))</p>" }
        guard !c.bullets.isEmpty else { return s }
        s += "<ul>"
        for b in c.bullets {
            switch b {
            case .text(let t): s += "<li>\(xml(t))</li>"
            case .nested(let q, let inner):
                s += "<li>\(xml(q))<ul>" + inner.map { "<li>\(xml($0))</li>" }.joined() + "</ul></li>"
            case .attachment(let file, let label): s += "<li>" + attachment(file, label) + "</li>"
            }
        }
        return s + "</ul>"
    }

    private func storageCell(_ c: GenCell) -> String {
        if c.isEmpty { return "&nbsp;" }
        var s = paragraphsAndBullets(c) { file, label in
            "<ac:link><ri:attachment ri:filename=\"\(file)\" /><ac:plain-text-link-body><![CDATA[\(label)]]></ac:plain-text-link-body></ac:link>"
        }
        if let panel = c.panel {
            s += "<ac:structured-macro ac:name=\"info\" ac:schema-version=\"1\"><ac:rich-text-body><p>\(xml(panel))</p></ac:rich-text-body></ac:structured-macro>"
        }
        if !c.tasks.isEmpty {
            s += "\n<ac:task-list>"
            for t in c.tasks {
                s += "<ac:task><ac:task-id>\(t.id)</ac:task-id><ac:task-status>\(t.done ? "complete" : "incomplete")</ac:task-status><ac:task-body>"
                s += t.assignees.map(storageUser).joined(separator: " &amp; ")
                s += " \(xml(t.text))"
                if let due = t.due { s += " <time datetime=\"\(due)\" />" }
                if let ticket = t.ticket {
                    s += " <ac:structured-macro ac:name=\"jira\" ac:schema-version=\"1\"><ac:parameter ac:name=\"server\">Example Jira</ac:parameter><ac:parameter ac:name=\"key\">\(ticket)</ac:parameter></ac:structured-macro>"
                }
                s += "</ac:task-body></ac:task>"
            }
            s += "</ac:task-list>"
        }
        return s
    }

    private func appendStorage(_ d: GenDay, to s: inout String) {
        s += "<h4>Day \(d.number): \(d.date)</h4>\n<table><tbody>\n"
        s += "<tr><th>Time</th><th>Topic</th><th>Chair</th><th>Discussion Topics</th><th>Notes and action Items</th></tr>\n"
        for r in d.rows {
            s += "<tr><td>\(r.time)</td><td>\(xml(r.topic))</td><td>"
            s += r.chairs.isEmpty ? "&nbsp;" : r.chairs.map(storageUser).joined(separator: " &amp; ")
            s += "</td>\n<td>\(storageCell(r.discussion))</td>\n<td>\(storageCell(r.notes))</td></tr>\n"
        }
        s += "</tbody></table>\n"
    }

    private func storageFooter() -> String {
        "<h3>Attached Documents</h3>\n<p><ac:structured-macro ac:name=\"attachments\" ac:schema-version=\"1\"><ac:parameter ac:name=\"upload\">false</ac:parameter></ac:structured-macro></p>\n"
            + "<h1><strong>Action Item Summary</strong></h1>\n<h3>Task report</h3>\n"
            + "<p><ac:structured-macro ac:name=\"tasks-report-macro\" ac:schema-version=\"1\"><ac:parameter ac:name=\"spaces\">\(projectKey)</ac:parameter><ac:parameter ac:name=\"pageSize\">20</ac:parameter></ac:structured-macro></p>\n"
    }

    // Exported HTML

    private func htmlUser(_ i: Int) -> String {
        let p = people[i]
        if p.unresolved { return "<span class=\"unresolved\">Unknown User (\(p.username))</span>" }
        return "<a href=\"/display/~\(p.username)\" class=\"confluence-userlink user-mention\" data-username=\"\(p.username)\" data-linked-resource-id=\"\(p.userKey)\" data-linked-resource-type=\"userinfo\">\(xml(p.name))</a>"
    }

    private func anchor(_ s: String) -> String {
        "Meetings-" + String(s.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }

    private func htmlHeader() -> String {
        var s = """
        <!DOCTYPE html>
        <html>
            <head>
                <title>Meetings : \(xml(title))</title>
                <link rel="stylesheet" href="styles/site.css" type="text/css" />
                <META http-equiv="Content-Type" content="text/html; charset=UTF-8">
            </head>
            <body class="theme-default aui-theme-default">
                <div id="page">
                    <div id="main" class="aui-page-panel">
                        <div id="main-header">
                            <div id="breadcrumb-section">
                                <ol id="breadcrumbs">
                                    <li class="first"><span><a href="index.html">Meetings</a></span></li>
                                    <li><span><a href="Meetings_4240.html">Meetings</a></span></li>
                                </ol>
                            </div>
                            <h1 id="title-heading" class="pagetitle">
                                <span id="title-text">Meetings : \(xml(title))</span>
                            </h1>
                        </div>
                        <div id="content" class="view">
                            <div class="page-metadata">
                                Created by <span class='author'> \(xml(people[participants[0]].name))</span>, last modified on \(startDate)
                            </div>
                            <div id="main-content" class="wiki-content group">

        """
        s += "<h2 id=\"\(anchor("Title"))\">\(xml(title))</h2>\n"
        s += "<div class=\"toc-macro client-side-toc-macro\" data-headerelements=\"H1,H2\"></div>\n"
        s += "<h3 id=\"Meetings-Logistics\">Logistics</h3>\n<h4 id=\"Meetings-Date\">Date</h4>\n<p>\(startDate) onwards.</p>\n"
        s += "<p>The meeting starts at 09:00 on the first day and ends after lunch on the last day.</p>\n"
        s += "<h3 id=\"Meetings-Location\">Location</h3>\n<ul><li>\(xml(location))</li></ul>\n"
        s += "<h3 id=\"Meetings-Participants\">Participants</h3>\n<ul>"
        for (n, i) in participants.enumerated() { s += "<li>\(htmlUser(i))\(n % 7 == 3 ? " (Remote)" : "")</li>" }
        s += "</ul>\n<h3 id=\"Meetings-Agenda\">Agenda</h3>\n"
        return s
    }

    private func htmlCell(_ c: GenCell) -> String {
        if c.isEmpty { return "<br/>" }
        var s = paragraphsAndBullets(c) { file, label in
            "<a href=\"/download/attachments/4242/\(file)\" data-linked-resource-type=\"attachment\">\(label)</a>"
        }
        if let panel = c.panel {
            s += "<div class=\"confluence-information-macro confluence-information-macro-information\"><span class=\"aui-icon aui-icon-small aui-iconfont-info confluence-information-macro-icon\"></span><div class=\"confluence-information-macro-body\"><p>\(xml(panel))</p></div></div>"
        }
        if !c.tasks.isEmpty {
            s += "<ul class=\"inline-task-list\" data-inline-tasks-content-id=\"4242\">"
            for t in c.tasks {
                s += "<li data-inline-task-id=\"\(t.id)\"\(t.done ? " class=\"checked\"" : "")><span class=\"placeholder-inline-tasks\">"
                s += t.assignees.map(htmlUser).joined(separator: " &amp; ")
                s += " \(xml(t.text))"
                if let due = t.due {
                    s += " <time datetime=\"\(due)\" class=\"date-past\">\(due.day) \(Words.months[due.month - 1]) \(due.year)</time>"
                }
                if let ticket = t.ticket {
                    s += " <span class=\"confluence-jim-macro jira-issue\" data-jira-key=\"\(ticket)\"><a href=\"https://jira.example.org/browse/\(ticket)\" class=\"jira-issue-key\">\(ticket)</a> - <span class=\"summary\">Getting issue details...</span> <span class=\"aui-lozenge aui-lozenge-subtle aui-lozenge-default issue-placeholder\">STATUS</span></span>"
                }
                s += "</span></li>"
            }
            s += "</ul>"
        }
        return s
    }

    private func appendHTML(_ d: GenDay, to s: inout String) {
        s += "<h4 id=\"Meetings-Day\(d.number)\">Day \(d.number): \(d.date)</h4>\n"
        s += "<div class=\"table-wrap\"><table class=\"confluenceTable\"><tbody><tr><th class=\"confluenceTh\">Time</th><th class=\"confluenceTh\">Topic</th><th class=\"confluenceTh\">Chair</th><th class=\"confluenceTh\">Discussion Topics</th><th class=\"confluenceTh\">Notes and action Items</th></tr>"
        for r in d.rows {
            s += "<tr><td class=\"confluenceTd\">\(r.time)</td><td class=\"confluenceTd\">\(xml(r.topic))</td><td class=\"confluenceTd\">"
            s += r.chairs.isEmpty ? "<br/>" : r.chairs.map(htmlUser).joined(separator: " &amp; ")
            s += "</td><td class=\"confluenceTd\">\(htmlCell(r.discussion))</td><td class=\"confluenceTd\">\(htmlCell(r.notes))</td></tr>"
        }
        s += "</tbody></table></div>\n"
    }

    private func htmlFooter() -> String {
        """
        <h3 id="Meetings-AttachedDocuments">Attached Documents</h3>
        <div class="plugin_attachments_container"><div class="plugin_attachments_table_container"><table class="attachments aui"><thead><tr><th>File</th><th>Modified</th></tr></thead><tbody>
        <tr><td><span class="icon icon-file-pdf" title="PDF File">PDF File</span> <a class="filename" href="/download/attachments/4242/agenda.pdf">agenda.pdf</a></td><td><span class="attachment-created">\(startDate)</span> by \(htmlUser(participants[0]))</td></tr>
        </tbody></table></div></div>
        <h1 id="Meetings-ActionItemSummary"><strong>Action Item Summary</strong></h1>
        <h3 id="Meetings-Taskreport">Task report</h3>
        <p>Looking good, no incomplete tasks.</p>

                            </div>
                        </div>
                    </div>
                    <div id="footer" role="contentinfo">
                        <section class="footer-body">
                            <p>Document generated by Confluence on \(startDate) 10:02</p>
                            <div id="footer-logo"><a href="http://www.atlassian.com/">Atlassian</a></div>
                        </section>
                    </div>
                </div>
            </body>
        </html>

        """
    }

    // Pasted text

    private func textUser(_ i: Int) -> String {
        let p = people[i]
        return p.unresolved ? "Unknown User (\(p.username))" : p.name
    }

    private func textHeader() -> String {
        var s = "## \(title)\n\n- Logistics\n- Participants\n- Agenda\n- Action Item Summary\n\n"
        s += "### Logistics\n\n#### Date\n\n\(startDate) onwards.\n\n"
        s += "The meeting starts at 09:00 on the first day and ends after lunch on the last day.\n\n"
        s += "### Location\n\n• \(location)\n\n### Participants\n\n"
        var line = ""
        for (n, i) in participants.enumerated() {
            // Pasted participant lists run names together, as browsers copy inline user links.
            line += textUser(i) + (n % 7 == 3 ? " (Remote)" : "")
            if n % 3 != 1 { s += "- " + line + "\n"; line = "" }
        }
        if !line.isEmpty { s += "- " + line + "\n" }
        s += "\n### Agenda\n\n"
        return s
    }

    private func textCell(_ c: GenCell, asHTML: Bool) -> String {
        if c.isEmpty { return "" }
        var parts: [String] = c.paragraphs.map { plain($0) }
        if asHTML && !c.bullets.isEmpty {
            var s = "<ul>"
            for b in c.bullets {
                switch b {
                case .text(let t): s += " <li>\(xml(t))</li>"
                case .nested(let q, let inner):
                    s += " <li>\(xml(q)) <ul>" + inner.map { " <li>\(xml($0))</li>" }.joined() + " </ul> </li>"
                case .attachment(_, let label): s += " <li>\(label)</li>"
                }
            }
            parts.append(s + " </ul>")
        } else {
            for b in c.bullets {
                switch b {
                case .text(let t): parts.append("• " + plain(t))
                case .nested(let q, let inner): parts.append("• " + plain(q) + " " + inner.map { "◦ " + plain($0) }.joined(separator: " "))
                case .attachment(_, let label): parts.append(label)
                }
            }
        }
        if let panel = c.panel { parts.append(plain(panel)) }
        for t in c.tasks {
            var s = (t.done ? "✓ " : "") + t.assignees.map(textUser).joined(separator: " & ") + " — " + plain(t.text)
            if let due = t.due { s += " \(due.day) \(Words.months[due.month - 1]) \(due.year)" }
            if let ticket = t.ticket { s += "  \(ticket) - Getting issue details  STATUS" }
            parts.append(s)
        }
        return parts.joined(separator: "  ")
    }

    private func appendText(_ d: GenDay, to s: inout String) {
        s += "\t\t\tDay \(d.number): \(d.date)\t\nTime\tTopic\tChair\tDiscussion Topics\tNotes and action Items\n"
        for (n, r) in d.rows.enumerated() {
            let asHTML = (n + d.number) % 3 == 0
            s += r.time + "\t" + plain(r.topic) + "\t" + r.chairs.map(textUser).joined(separator: " & ") + "\t"
            s += textCell(r.discussion, asHTML: asHTML) + "\t" + textCell(r.notes, asHTML: asHTML) + "\n"
        }
        s += "\n"
    }

    private func textFooter() -> String {
        "### Attached Documents\n\nFile\tModified\nPDF File agenda.pdf\t\(startDate) by \(textUser(participants[0]))\n\n"
            + "# **Action Item Summary**\n\n### Task report\n\nLooking good, no incomplete tasks.\n"
    }

    // Escaping: apostrophes become the typographic entity Confluence writes.

    private func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&rsquo;"
            case "—": out += "&mdash;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    private func plain(_ s: String) -> String { s.replacingApostrophes() }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }

    fileprivate func replacingApostrophes() -> String {
        var out = ""
        out.unicodeScalars.append(contentsOf: unicodeScalars.map { $0 == "'" ? "\u{2019}" : $0 })
        return out
    }
}

/// Invented vocabulary. (first name, ASCII username stem) pairs keep usernames plain.
enum Words {
    static let firstNames: [(String, String)] = [
        ("Amara", "amara"), ("Benedikt", "benedikt"), ("Chloé", "chloe"), ("Dmitri", "dmitri"), ("Farah", "farah"),
        ("Gunnar", "gunnar"), ("Hana", "hana"), ("Ilse", "ilse"), ("Jonas", "jonas"), ("Keiko", "keiko"),
        ("Lucía", "lucia"), ("Mateo", "mateo"), ("Nkechi", "nkechi"), ("Oskar", "oskar"), ("Priya", "priya"),
        ("Quentin", "quentin"), ("Rosa", "rosa"), ("Søren", "soren"), ("Tomás", "tomas"), ("Ulla", "ulla"),
        ("Viktor", "viktor"), ("Wen", "wen"), ("Ximena", "ximena"), ("Yusuf", "yusuf"), ("Zoë", "zoe"),
    ]
    static let lastNames: [(String, String)] = [
        ("Okafor", "okafor"), ("Strauss", "strauss"), ("Marchetti", "marchetti"), ("Volkov", "volkov"),
        ("Haddad", "haddad"), ("Lindqvist", "lindqvist"), ("Moreau", "moreau"), ("Nakamura", "nakamura"),
        ("O'Donnell", "odonnell"), ("Petrović", "petrovic"), ("Quispe", "quispe"), ("Rahman", "rahman"),
        ("Schäfer", "schafer"), ("Tanaka", "tanaka"), ("Uribe", "uribe"), ("Van der Berg", "vanderberg"),
        ("Wójcik", "wojcik"), ("Yilmaz", "yilmaz"), ("Zhou", "zhou"), ("Abara", "abara"),
    ]
    static let groups = [
        "Harbour Survey Steering Group", "Coastal Data Leadership Team", "Field Operations Face-to-Face",
        "Archive Working Group", "Instrument Team Quarterly", "Platform Architecture Review",
    ]
    static let places = [
        "Tidewater Institute, Lecture Room 2 (Pier Road 14, Kingsport)", "North Quay Annex, 3rd floor meeting room",
        "Estuary Station, Seminar Room B", "Harbour Hall — Main Conference Room (remote link available)",
    ]
    static let topics = [
        "Welcome and goals", "Sonar calibration results", "Data sharing agreement", "Field season planning",
        "Budget review", "Open questions", "Archive migration", "Crew rotation & safety", "Release planning",
        "Processing pipeline status", "Quality control of soundings", "Vessel scheduling", "Risk register review",
        "Staffing and recruitment", "Documentation sprint", "Network status and planning", "Telemetry dashboard demo",
    ]
    static let breaks = ["Break (Coffee provided)", "Lunch (on site)", "Lunch (not provided)", "Break (Refreshments provided)"]
    static let subjects = [
        "The survey team", "The archive group", "Operations", "The steering group", "Each vessel crew",
        "The data office", "Our partners at the port authority", "The processing team", "Everyone in the room",
        "The instrument scientists", "Légal and procurement", "The night shift",
    ]
    static let verbs = [
        "reviewed", "agreed on", "postponed", "raised concerns about", "asked for a summary of", "will revisit",
        "signed off", "measured", "re-ran", "compared", "documented", "has not yet scheduled",
    ]
    static let bareVerbs = [
        "publish", "circulate", "review", "estimate", "draft", "schedule", "confirm", "update", "check", "share",
        "prepare", "follow up on",
    ]
    static let objects = [
        "the calibration report", "the revised budget", "the crew rotation", "the archive size", "the data sharing agreement",
        "the February calibration run", "last quarter's action items", "the weather window for April",
        "the storage cluster migration", "the drift measurements", "the sounding density maps", "the risk register",
        "the vessel booking for weeks 15–17", "the processing backlog", "the new quality-control thresholds",
        "the harbour master's comments", "the instrument firmware update",
    ]
    static let tails = [
        "before the next meeting", "with the harbour master", "for the northern basin", "by the end of the month",
        "so that nothing is lost", "(see the attached slides)", "after the field season", "in time for the review",
        "— pending legal review", "at 0.3% precision", "for 2 of 3 vessels",
    ]
    static let fileStems = ["calibration", "budget", "agenda", "survey-plan", "archive-sizing", "risk-register"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
