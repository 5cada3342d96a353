// swift-meeting-notes · confluence-speed
//
// Times the Confluence importer against bare libxml2 on the same generated meeting pages:
// libxml2 DOM (read + iterative walk + free), libxml2 SAX with empty callbacks, and our import.
// Usage: swift run -c release confluence-speed [sizes-in-KB…] [--only storage|html] [--import-only]
//        confluence-speed --generate storage|html KB > page;  confluence-speed --dump OUTDIR files…

#if canImport(libxml2)
@preconcurrency import libxml2
#else
@preconcurrency import CMeetingLibXML2
#endif
import ConfluenceHTML
import MeetingModel
#if canImport(Glibc)
import Glibc
#endif

let people = ["ana.ortiz", "ben.li", "chen.wu", "dara.ng", "eli.kahn", "fay.moss", "gus.ray"]
let names = ["Ana Ortiz", "Ben Li", "Chen Wu", "Dara Ng", "Eli Kahn", "Fay Moss", "Gus Ray"]

func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
/// `x` with `digits` decimals, right-aligned in `width` columns.
func f(_ x: Double, _ width: Int, _ digits: Int = 1) -> String {
    let scale = digits == 2 ? 100 : (digits == 1 ? 10 : 1), v = Int((x * Double(scale)).rounded())
    let frac = String(v % scale), s = digits == 0 ? "\(v)" : "\(v / scale)." + String(repeating: "0", count: digits - frac.count) + frac
    return String(repeating: " ", count: max(0, width - s.count)) + s
}

/// A deterministic meeting page of about `target` bytes, as storage XHTML or export HTML.
func page(storage: Bool, target: Int) -> [UInt8] {
    var s = storage ? "" : "<!DOCTYPE html><html><head><title>TEAM : 2024-05-02 Planning meeting</title>"
        + "<meta charset=\"UTF-8\"></head><body><div id=\"main-content\" class=\"wiki-content group\">\n"
    func user(_ i: Int) -> String {
        storage ? "<ac:link><ri:user ri:username=\"\(people[i % 7])\" /></ac:link>"
            : "<a class=\"confluence-userlink user-mention\" data-username=\"\(people[i % 7])\" href=\"/display/~\(people[i % 7])\">\(names[i % 7])</a>"
    }
    func jira(_ k: Int) -> String {
        storage ? "<ac:structured-macro ac:name=\"jira\" ac:schema-version=\"1\"><ac:parameter ac:name=\"key\">DM-\(k)</ac:parameter></ac:structured-macro>"
            : "<span class=\"jira-issue\" data-jira-key=\"DM-\(k)\"><a href=\"https://jira.example.org/browse/DM-\(k)\" class=\"jira-issue-key\">DM-\(k)</a></span>"
    }
    s += "<h2>Date</h2><p><time datetime=\"2024-05-02\" /></p>\n<h2>Attendees</h2><ul>"
    for i in 0..<7 { s += "<li>\(user(i))</li>" }
    s += "</ul>\n<h2>Goals</h2><ul><li>Agree the plan&nbsp;for Q3 &mdash; and the budget</li></ul>\n"
    var day = 1, k = 100
    while s.utf8.count < target - 3000 {
        s += "<h2>Day \(day): 2024-05-\(two((day % 28) + 1))</h2>\n"
        s += "<table class=\"confluenceTable\"><tbody><tr><th>Time</th><th>Item</th><th>Who</th><th>Notes</th></tr>\n"
        for r in 0..<12 {
            s += "<tr><td>\(9 + r / 2):\(r % 2 == 0 ? "00" : "30")</td><td>Topic \(day).\(r) &ndash; review of the &ldquo;plan&rdquo;</td>"
            if r % 3 == 0 { s += "<td rowspan=\"3\">\(user(r + day)) &amp; \(names[(r + 1) % 7])</td>" }
            s += "<td><p>Discussed the schedule with \(user(r)); see \(jira(k)).</p><ul><li>Point one&hellip;<ul><li>nested <strong>detail</strong> about DM-\(k + 1)</li></ul></li>"
            s += r % 3 == 1 ? "<li>\(names[(r + day) % 7]) &mdash; send the slides for topic \(day).\(r) to the group by 2024-06-\(two(r + 1))</li></ul></td></tr>\n"
                : "<li>Agreed to revisit topic \(day).\(r) after the review of DM-\(k)</li></ul></td></tr>\n"
            k += 2
        }
        s += "</tbody></table>\n<h3>Action items</h3>"
        if storage {
            s += "<ac:task-list>"
            for t in 0..<6 {
                s += "<ac:task><ac:task-id>\(k + t)</ac:task-id><ac:task-status>\(t % 2 == 0 ? "incomplete" : "complete")</ac:task-status>"
                s += "<ac:task-body>\(user(t)) update the budget sheet&nbsp;for item \(t) <time datetime=\"2024-06-1\(t)\" /></ac:task-body></ac:task>"
            }
            s += "</ac:task-list>\n"
        } else {
            s += "<ul class=\"inline-task-list\" data-inline-tasks-content-id=\"1\">"
            for t in 0..<6 {
                s += "<li\(t % 2 == 1 ? " class=\"checked\"" : "") data-inline-task-id=\"\(k + t)\">\(user(t)) update the budget sheet&nbsp;for item \(t) <time datetime=\"2024-06-1\(t)\" class=\"date-past\">1\(t) Jun 2024</time></li>"
            }
            s += "</ul>\n"
        }
        day += 1
    }
    s += "<h2>Attachments</h2><table><tbody><tr><th>File</th><th>Modified</th></tr>"
    for a in 0..<5 { s += "<tr><td>slides-\(a).pdf</td><td>May 0\(a + 1), 2024 by \(names[a])</td></tr>" }
    s += "</tbody></table>\n"
    if !storage { s += "</div></body></html>\n" }
    return Array(s.utf8)
}

/// Storage body made standalone XML for the libxml2 references (root with prefixes, entities declared).
func referenceXML(_ body: [UInt8]) -> [UInt8] {
    let dtd = "<!DOCTYPE ac:confluence [<!ENTITY nbsp \"&#160;\"><!ENTITY mdash \"&#8212;\"><!ENTITY ndash \"&#8211;\">"
        + "<!ENTITY hellip \"&#8230;\"><!ENTITY ldquo \"&#8220;\"><!ENTITY rdquo \"&#8221;\">]>"
        + "<ac:confluence xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ac=\"http://atlassian.com/content\" "
        + "xmlns:ri=\"http://atlassian.com/resource/identifier\">"
    return Array(dtd.utf8) + body + Array("</ac:confluence>".utf8)
}

func walk(_ doc: xmlDocPtr) -> Int {
    var count = 0
    var node = doc.pointee.children
    while let n = node {
        count += 1
        if let c = n.pointee.children, n.pointee.type != XML_ENTITY_REF_NODE { node = c; continue }
        var up: xmlNodePtr? = n
        while let u = up, u.pointee.next == nil { up = u.pointee.parent; if up == nil || up?.pointee.type == XML_DOCUMENT_NODE || up?.pointee.type == XML_HTML_DOCUMENT_NODE { up = nil; break } }
        node = up?.pointee.next
    }
    return count
}

func treeWalk(_ b: [UInt8], html: Bool) -> Int {
    b.withUnsafeBufferPointer { p in p.withMemoryRebound(to: CChar.self) { c in
        let doc = html
            ? htmlReadMemory(c.baseAddress, Int32(c.count), "page.html", "UTF-8",
                             Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                                   | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue))
            : xmlReadMemory(c.baseAddress, Int32(c.count), "page.xml", nil,
                            Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                                  | XML_PARSE_NOWARNING.rawValue))
        guard let doc else { return 0 }
        defer { xmlFreeDoc(doc) }
        return walk(doc)
    } }
}

func saxOnly(_ b: [UInt8], html: Bool) -> Int {
    var sax = xmlSAXHandler(); sax.initialized = UInt32(XML_SAX2_MAGIC)
    sax.startElementNs = { _, _, _, _, _, _, _, _, _ in }
    sax.endElementNs = { _, _, _, _ in }
    sax.startElement = { _, _, _ in }
    sax.endElement = { _, _ in }
    sax.characters = { _, _, _ in }
    sax.serror = { _, _ in }
    return b.withUnsafeBufferPointer { p in p.withMemoryRebound(to: CChar.self) { c -> Int in
        let ctxt = html ? htmlCreatePushParserCtxt(&sax, nil, nil, 0, "page.html", XML_CHAR_ENCODING_UTF8)
            : xmlCreatePushParserCtxt(&sax, nil, nil, 0, "page.xml")
        guard let ctxt else { return 0 }
        _ = html ? htmlCtxtUseOptions(ctxt, Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue))
            : xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue))
        _ = html ? htmlParseChunk(ctxt, c.baseAddress, Int32(c.count), 1) : xmlParseChunk(ctxt, c.baseAddress, Int32(c.count), 1)
        if let d = ctxt.pointee.myDoc { xmlFreeDoc(d) }
        if html { htmlFreeParserCtxt(ctxt) } else { xmlFreeParserCtxt(ctxt) }
        return 1
    } }
}

/// Best-of-N seconds for `body` (N chosen so the total stays near a quarter second, at least 3).
func time(_ bytes: Int, _ body: () -> Int) -> Double {
    var best = Double.infinity, runs = 0, total = 0.0, sink = 0
    while runs < 3 || (total < 0.25 && runs < 200) {
        let clock = ContinuousClock(), t0 = clock.now
        sink &+= body()
        let d = clock.now - t0, dt = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        best = min(best, dt); total += dt; runs += 1
    }
    if sink == Int.min { print(sink) }
    return best
}

/// `--dump OUT files…`: writes each import's canonical JSON to OUT/<file name>.json (to diff two builds).
func dump(_ out: String, _ files: [String]) {
    for path in files {
        guard let f = fopen(path, "rb") else { continue }
        var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 65536)
        while case let n = fread(&chunk, 1, chunk.count, f), n > 0 { bytes += chunk[0..<n] }
        fclose(f)
        let name = String(path.split(separator: "/").last ?? "page")
        let input = SourceInput(bytes: bytes, fileName: name)
        let r = name.hasSuffix(".html") ? try? ConfluenceHTMLSource().importMeeting(from: input, options: ImportOptions())
            : try? ConfluenceStorageSource().importMeeting(from: input, options: ImportOptions())
        let json = r.map { MeetingJSON.encode($0.meeting) } ?? Array("import failed".utf8)
        guard let o = fopen(out + "/" + name + ".json", "wb") else { continue }
        _ = json.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, o) }
        fclose(o)
    }
}

var args = Array(CommandLine.arguments.dropFirst())
if args.first == "--generate", args.count == 3, let kb = Int(args[2]) {
    _ = page(storage: args[1] == "storage", target: kb * 1024).withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, stdout) }
    exit(0)
}
if args.first == "--dump", args.count >= 2 { dump(args[1], Array(args.dropFirst(2))); exit(0) }
var only: String?
if let i = args.firstIndex(of: "--only"), i + 1 < args.count { only = args[i + 1]; args.removeSubrange(i...(i + 1)) }
let importOnly = args.contains("--import-only"), sizes = args.compactMap(Int.init).map { $0 * 1024 }
xmlInitParser()
print("format   size      tree+walk MB/s  SAX MB/s  import MB/s  import/tree  import/(SAX/2)  ms")
for storage in [true, false] where only == nil || only == (storage ? "storage" : "html") {
    for size in sizes.isEmpty ? [30 * 1024, 1 << 20, 10 << 20] : sizes {
        let bytes = page(storage: storage, target: size)
        let ref = storage ? referenceXML(bytes) : bytes
        let input = SourceInput(bytes: bytes, fileName: storage ? "page.xhtml" : "page.html")
        let run: () -> Int = {
            let r = storage ? try? ConfluenceStorageSource().importMeeting(from: input, options: ImportOptions())
                : try? ConfluenceHTMLSource().importMeeting(from: input, options: ImportOptions())
            return r?.meeting.agendaItems.count ?? -1
        }
        if importOnly { print(run()); continue }
        let mb = Double(bytes.count) / 1e6
        let tTree = time(bytes.count) { treeWalk(ref, html: !storage) }
        let tSax = time(bytes.count) { saxOnly(ref, html: !storage) }
        let tImp = time(bytes.count, run)
        print((storage ? "storage " : "html    ") + f(Double(bytes.count) / 1024, 7, 0) + " KB" + f(mb / tTree, 15) + f(mb / tSax, 10)
              + f(mb / tImp, 13) + f(tImp / tTree, 12, 2) + "x" + f(tImp / (tSax * 2), 14, 2) + "x" + f(tImp * 1000, 9, 2))
    }
}
