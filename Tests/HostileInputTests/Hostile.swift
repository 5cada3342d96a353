// swift-meeting-notes · HostileInputTests
//
// Hostile inputs, generated in code (no megabytes in git). Each generator is linear in its output.

import Foundation

enum Hostile {
    /// `HOSTILE_SIZE=small` (set by `Scripts/safety.sh --fast` for its AddressSanitizer pass): the size tests
    /// build the same inputs with a tenth of the table rows and action items. Memory safety does not depend on the
    /// count of identical rows; what depends on size (a quadratic step) is proved by the full-size run without a
    /// sanitizer. The small markup tables keep over 4 MB, so libxml2 is still fed in several chunks.
    static let small = ProcessInfo.processInfo.environment["HOSTILE_SIZE"] == "small"

    /// The million-cell table (1,000 × 1,000 `<td>c</td>`; small: 100 × 1,000 cells of 42 letters, 5.1 MB).
    static func millionCellTable() -> [UInt8] {
        small ? hugeTable(rows: 100, cell: "<td>" + String(repeating: "c", count: 42) + "</td>") : hugeTable()
    }

    /// The million-cell plain-text table (small: 100 lines of 1,000 cells).
    static func millionCellTextTable() -> [UInt8] { hugeTextTable(rows: small ? 100 : 1000) }

    /// How many action items `plainTextShapes` writes (small: 2,000).
    static let actionCount = small ? 2_000 : 20_000

    /// Appends `piece` `count` times.
    static func repeated(_ piece: String, _ count: Int, into out: inout [UInt8]) {
        let p = Array(piece.utf8)
        out.reserveCapacity(out.count + p.count * count)
        for _ in 0..<count { out.append(contentsOf: p) }
    }

    static func bytes(_ parts: [String]) -> [UInt8] { Array(parts.joined().utf8) }

    // MARK: Entities and external references

    /// An internal DTD declaring an external entity that names `url`, then using it in text.
    static func externalEntity(_ url: String, body: (String) -> String = { "<p>before \($0) after</p>" }) -> String {
        "<?xml version=\"1.0\"?>\n<!DOCTYPE page [\n<!ENTITY xxe SYSTEM \"\(url)\">\n]>\n" + body("&xxe;")
    }

    /// A parameter entity naming `url`, expanded inside the DTD.
    static func parameterEntity(_ url: String) -> String {
        "<!DOCTYPE page [\n<!ENTITY % ext SYSTEM \"\(url)\">\n%ext;\n]>\n<p>parameter entity page</p>"
    }

    /// An external DTD subset.
    static func externalDTD(_ url: String) -> String {
        "<!DOCTYPE page SYSTEM \"\(url)\">\n<p>external subset page &fromdtd;</p>"
    }

    /// A public identifier with a system URL.
    static func publicDTD(_ url: String) -> String {
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"\(url)\">\n<p>public DTD page</p>"
    }

    /// XInclude of a file, as text and as XML.
    static func xinclude(_ url: String) -> String {
        "<div xmlns:xi=\"http://www.w3.org/2001/XInclude\"><p>xinclude page</p>"
            + "<xi:include href=\"\(url)\" parse=\"text\"/><xi:include href=\"\(url)\"/></div>"
    }

    /// Processing instructions, a stylesheet one naming `url` among them.
    static func processingInstructions(_ url: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"\(url)\"?>\n"
            + "<p>processing instruction page</p>\n<?php include('\(url)'); ?>\n<p>tailword instruction</p>"
    }

    /// HTML elements that would fetch `url` in a browser.
    static func htmlReferences(_ url: String) -> String {
        "<!DOCTYPE html SYSTEM \"\(url)\"><html><head><link rel=\"stylesheet\" href=\"\(url)\">"
            + "<script src=\"\(url)\"></script><base href=\"\(url)\"></head><body>"
            + "<iframe src=\"\(url)\"></iframe><img src=\"\(url)\"><object data=\"\(url)\"></object>"
            + "<embed src=\"\(url)\"><p>html references page</p></body></html>"
    }

    /// The classic billion laughs: 10 levels of 10 references each (10^9 "lol"s if expanded).
    static func billionLaughs(levels: Int = 10) -> String {
        var s = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n"
        for i in 1..<levels {
            let refs = String(repeating: "&lol\(i - 1);", count: 10)
            s += "<!ENTITY lol\(i) \"\(refs)\">\n"
        }
        s += "]>\n<p>laughs &lol\(levels - 1);</p>\n<p>tailword laughs</p>"
        return s
    }

    /// Quadratic blow-up: one 64 KB entity referenced 20,000 times (1.3 GB if expanded).
    static func quadraticBlowup() -> [UInt8] {
        var out = Array("<!DOCTYPE page [\n<!ENTITY big \"".utf8)
        repeated("x", 64 * 1024, into: &out)
        out += Array("\">\n]>\n<p>".utf8)
        repeated("&big;", 20_000, into: &out)
        out += Array("</p><p>tailword blowup</p>".utf8)
        return out
    }

    // MARK: Size and shape

    /// `depth` nested open tags around a word, then the closing tags (when `closed`).
    static func nested(open: String, close: String, depth: Int, closed: Bool = true, inner: String = "deepword") -> [UInt8] {
        var out: [UInt8] = []
        repeated(open, depth, into: &out)
        out += Array(inner.utf8)
        if closed { repeated(close, depth, into: &out) }
        out += Array("<p>tailword nesting</p>".utf8)
        return out
    }

    /// One element with a `size`-byte attribute value, then a normal paragraph.
    static func hugeAttribute(size: Int = 1 << 20, element: String = "p") -> [UInt8] {
        var out = Array("<\(element) title=\"".utf8)
        repeated("a", size, into: &out)
        out += Array("\">attribute carrier</\(element)><p>tailword attribute</p>".utf8)
        return out
    }

    /// A `rows` × `columns` table of short cells, with a heading row.
    static func hugeTable(rows: Int = 1000, columns: Int = 1000, cell: String = "<td>c</td>") -> [UInt8] {
        var out = Array("<h3>Agenda</h3><table><tbody><tr><th>Time</th><th>Topic</th></tr>".utf8)
        let row = "<tr>" + String(repeating: cell, count: columns) + "</tr>"
        repeated(row, rows, into: &out)
        out += Array("</tbody></table><p>tailword table</p>".utf8)
        return out
    }

    /// A plain-text table: `rows` lines of `columns` tab-separated cells.
    static func hugeTextTable(rows: Int = 1000, columns: Int = 1000) -> [UInt8] {
        var out = Array("### Agenda\n\nTime\tTopic\tChair\tDiscussion Topics\tNotes\n".utf8)
        let line = String(repeating: "c\t", count: columns - 1) + "c\n"
        repeated(line, rows, into: &out)
        out += Array("\ntailword table\n".utf8)
        return out
    }

    /// Open tags of every kind, never closed, `count` times.
    static func unclosedEverywhere(count: Int = 10_000) -> [UInt8] {
        var out: [UInt8] = []
        repeated("<div><p><b><i><ul><li><table><tr><td><span>unclosed ", count, into: &out)
        out += Array("<p>tailword unclosed tags".utf8)
        return out
    }

    /// A page with NUL bytes in text, in a tag name and in an attribute.
    static func nulBytes() -> [UInt8] {
        var out = Array("<p>before\u{0}nul</p>\n<p\u{0}>tagnul</p>\n<p title=\"a\u{0}b\">attrnul</p>\n".utf8)
        out += [0, 0, 0, 0]
        out += Array("\n<p>tailword nuls</p>\n".utf8)
        return out
    }

    /// A CDATA section that never ends, `size` bytes long.
    static func unterminatedCDATA(size: Int = 1 << 20) -> [UInt8] {
        var out = Array("<p>before the cdata</p><ac:plain-text-body><![CDATA[".utf8)
        repeated("cdata words ", size / 12, into: &out)
        return out
    }

    /// A comment that never ends.
    static func unterminatedComment(size: Int = 1 << 20) -> [UInt8] {
        var out = Array("<p>before the comment</p><!--".utf8)
        repeated("comment words ", size / 14, into: &out)
        return out
    }

    /// An attribute value that never ends.
    static func unterminatedAttribute(size: Int = 1 << 20) -> [UInt8] {
        var out = Array("<p>before the attribute</p><p title=\"".utf8)
        repeated("attribute words ", size / 16, into: &out)
        return out
    }

    /// Character references outside Unicode, surrogates, NUL.
    static let badCharacterReferences =
        "<p>refs &#0; &#xD800; &#x110000; &#99999999999; &#xFFFE; &#; &#x; &amp end</p><p>tailword refs</p>"

    /// JSON nested `depth` deep, as a REST envelope body.
    static func deepJSON(depth: Int = 100_000) -> [UInt8] {
        var out = Array("{\"type\":\"page\",\"title\":\"deep\",\"body\":{\"storage\":{\"value\":\"<p>x</p>\"}},\"x\":".utf8)
        repeated("[", depth, into: &out)
        repeated("]", depth, into: &out)
        out += Array("}".utf8)
        return out
    }

    /// A REST envelope whose storage body is `body`.
    static func restEnvelope(storage body: String, title: String = "hostile envelope") -> [UInt8] {
        let escaped = body.unicodeScalars.map { c -> String in
            switch c {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            default:
                if c.value < 0x20 { return String(format: "\\u%04x", c.value) }
                return String(c)
            }
        }.joined()
        return Array("{\"id\":\"1\",\"type\":\"page\",\"title\":\"\(title)\",\"body\":{\"storage\":{\"value\":\"\(escaped)\",\"representation\":\"storage\"}}}".utf8)
    }

    // MARK: Plain text

    /// One line of `size` bytes without a space.
    static func longLine(size: Int = 4 << 20) -> [UInt8] {
        var out: [UInt8] = Array("## Long line page\n".utf8)
        out += [UInt8](repeating: UInt8(ascii: "w"), count: size)
        out += Array("\ntailword long line\n".utf8)
        return out
    }

    /// `count` lines of bullets indented one more space each (bounded to keep the input linear in size).
    static func deepIndent(count: Int = 2000) -> [UInt8] {
        var out: [UInt8] = Array("### Participants\n".utf8)
        for i in 0..<count {
            out += [UInt8](repeating: 0x20, count: i % 400)
            out += Array("- person\(i)\n".utf8)
        }
        return out
    }

    /// `count` action-item-shaped lines.
    static func manyActions(count: Int = 20_000) -> [UInt8] {
        var out: [UInt8] = Array("### Action items\n\n".utf8)
        for i in 0..<count {
            out += Array("- Person\(i % 50) Name — do thing number \(i). 1 Jan 2025  Ticket: ABC-\(i)\n".utf8)
        }
        return out
    }
}
