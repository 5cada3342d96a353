// swift-meeting-notes · ConfluenceHTML
//
// The only file that sees libxml2. It streams SAX callbacks into a `MarkupTree`; no libxml2 DOM is
// built, no libxml2 pointer leaves this file, contexts are freed before the function returns.

#if canImport(libxml2)
@preconcurrency internal import libxml2
#else
@preconcurrency internal import CMeetingLibXML2
#endif
internal import MeetingModel

/// Initialises libxml2 once, thread-safely (Swift's lazy globals). `xmlCleanupParser` is never called.
private let libxml2Ready: Void = { xmlInitParser() }()

/// The most libxml2 messages kept per document (recovering parsers can repeat themselves).
private let maxParserDiagnostics = 100

/// Receives SAX events for one parse; lives only for the duration of one call, on one thread.
///
/// A struct that the callbacks reach through the parser's user-data pointer (see ``LibXML/pushParse``): unlike a
/// class's stored properties, memory behind a pointer carries no run-time exclusivity check on every access.
private struct TreeBuilder {
    var tree = MarkupTree()
    var current: Int32 = 0
    var context: xmlParserCtxtPtr?
    var diagnostics: [Diagnostic] = []
    var droppedDiagnostics = 0
    var skipDepth = 0
    /// Nesting deeper than ``maxDepth`` is flattened (children attach to the deepest kept element).
    var depth = 0
    var flattened = 0
    var flattenedTotal = 0
    /// Where the first flattened element and the first unlisted message were (summary diagnostics need a location).
    var firstFlattened: SourceLocation?
    var firstDropped: SourceLocation?
    static let maxDepth = 160
    let html: Bool
    /// Name cache keyed by libxml2's dictionary pointers (stable for one parse).
    var nameCache: [PointerPair: Int32] = [:]
    /// A direct-mapped cache in front of ``nameCache``: the few names of a page hit it almost always.
    var recentNames = [RecentName](repeating: RecentName(a: 0, b: 0, id: -1), count: 1024)

    struct PointerPair: Hashable {
        var a: UInt
        var b: UInt
    }

    struct RecentName {
        var a: UInt
        var b: UInt
        var id: Int32
    }

    var lowercase = true
    var fatal = false
    var errors = false
    /// The first message that set ``errors``: what strict mode throws.
    var firstError: Diagnostic?

    init(html: Bool) { self.html = html }

    func position() -> (Int32, Int32) {
        guard let context else { return (1, 1) }
        // What xmlSAX2GetLineNumber / xmlSAX2GetColumnNumber return, read without two calls into the library.
        guard let input = context.pointee.input else { return (0, 0) }
        return (Int32(truncatingIfNeeded: input.pointee.line), Int32(truncatingIfNeeded: input.pointee.col))
    }

    /// Line and column of the `<` that opened the element just reported (libxml2 reports the position after
    /// the start tag). Falls back to that position when the tag spans lines or the buffer does not hold it.
    func startTagPosition() -> (Int32, Int32) {
        let (line, column) = position()
        guard let input = context?.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base else {
            return (line, column)
        }
        var p = cur
        var back: Int32 = 0
        while p > base, back < 4096 {
            p -= 1
            back += 1
            if p.pointee == 0x0A { return (line, column) }
            if p.pointee == UInt8(ascii: "<") { return (line, max(1, column - back)) }
        }
        return (line, column)
    }

    mutating func internName(prefix: UnsafePointer<xmlChar>?, local: UnsafePointer<xmlChar>) -> Int32 {
        let a = UInt(bitPattern: prefix), b = UInt(bitPattern: local)
        let slot = Int(truncatingIfNeeded: ((b >> 4) ^ (b >> 14) ^ (a >> 4) ^ (a >> 12)) & 1023)
        let recent = recentNames[slot]
        if recent.a == a, recent.b == b, recent.id >= 0 { return recent.id }
        let id = internNameSlow(prefix: prefix, local: local)
        recentNames[slot] = RecentName(a: a, b: b, id: id)
        return id
    }

    private mutating func internNameSlow(prefix: UnsafePointer<xmlChar>?, local: UnsafePointer<xmlChar>) -> Int32 {
        let key = PointerPair(a: UInt(bitPattern: prefix), b: UInt(bitPattern: local))
        if let id = nameCache[key] { return id }
        var s = String(cString: local)
        if html && lowercase { s = s.lowercased() }
        if let prefix { s = String(cString: prefix) + ":" + s }
        let id = tree.intern(s)
        nameCache[key] = id
        return id
    }

    mutating func appendNode(name: Int32, parent: Int32, start: Int32, end: Int32, line: Int32, column: Int32) -> Int32 {
        tree.appendNode(name: name, parent: parent, start: start, end: end, line: line, column: column)
    }

    mutating func startElement(name: Int32, attributeStart: Int) {
        if depth >= Self.maxDepth {
            if firstFlattened == nil {
                let (line, column) = startTagPosition()
                let col = line == 1 ? column - tree.firstLineColumnOffset : column
                firstFlattened = SourceLocation(line: Int(max(1, line + tree.lineOffset)), column: Int(max(1, col)))
            }
            flattened += 1
            flattenedTotal += 1
            tree.attributes.removeSubrange(attributeStart...)
            return
        }
        depth += 1
        let (line, column) = startTagPosition()
        current = appendNode(name: name, parent: current, start: Int32(attributeStart),
                             end: Int32(tree.attributes.count), line: line, column: column)
        let n = tree.names[Int(name)]
        if html, n == "script" || n == "style" { skipDepth += 1 }
    }

    mutating func endElement() {
        if flattened > 0 { flattened -= 1; return }
        depth = max(0, depth - 1)
        if html {
            let n = tree.name(Int(current))
            if n == "script" || n == "style" { skipDepth = max(0, skipDepth - 1) }
        }
        if current > 0 { current = tree.nodes[Int(current)].parent }
    }

    mutating func addAttribute(name: Int32, value: UnsafePointer<xmlChar>?, length: Int) {
        let start = tree.bytes.count
        if let value, length > 0 {
            tree.bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: length))
        }
        tree.attributes.append(MarkupTree.Attribute(name: name, start: Int32(start), end: Int32(tree.bytes.count)))
    }

    mutating func characters(_ ch: UnsafePointer<xmlChar>?, _ length: Int32) {
        guard skipDepth == 0, let ch, length > 0 else { return }
        let text = UnsafeBufferPointer(start: ch, count: Int(length))
        if tree.extendLastText(of: current, with: text) { return }
        let (line, column) = position()
        tree.appendText(text, parent: current, line: line, column: column)
    }

    /// libxml2 HTML parser messages that mean damaged markup (strict mode throws on the first): mismatched or
    /// unexpected end tags (76), a start or end tag cut off (73, 74, 77), an unnamed element or attribute (68),
    /// attribute values never closed or holding "<" (38-40), a repeated attribute (42), characters or character
    /// references outside XML's range (9), bytes that are not the declared encoding (81), a comment, processing
    /// instruction, DOCTYPE or literal never closed (34, 44, 45, 47, 61), content after the end (5).
    /// Not damage: unknown (HTML5) tags (801), misplaced `<html>`/`<body>`/DOCTYPE (800) and "&" without ";" (23),
    /// which browsers read the same way.
    static let htmlDamageCodes: Set<Int> = [5, 9, 34, 38, 39, 40, 42, 44, 45, 47, 61, 68, 73, 74, 76, 77, 81]

    mutating func error(level: Int, code: Int, message: String, line: Int, column: Int) {
        if level >= 3 { fatal = true }
        // libxml2's HTML 4 parser does not know HTML5 elements; those are not errors in a Confluence export.
        if html, message.hasPrefix("Tag "), message.containsBytes(" invalid") {
            let tag = message.dropFirst(4).prefix { $0 != " " }
            if ["time", "section", "article", "nav", "header", "footer", "main", "figure", "figcaption", "aside",
                "mark", "details", "summary", "svg", "path", "video", "source", "picture", "template"].contains(String(tag)) { return }
        }
        let severity: Diagnostic.Severity = level <= 1 ? .warning : (level == 2 ? .warning : .error)
        let loc = SourceLocation(line: max(1, line + Int(tree.lineOffset)),
                                 column: max(1, line == 1 ? column - Int(tree.firstLineColumnOffset) : column))
        // XML: every error counts; HTML: only damage (see `htmlDamageCodes`).
        if level >= 2, !html || level >= 3 || Self.htmlDamageCodes.contains(code) {
            errors = true
            if firstError == nil {
                firstError = Diagnostic(severity, code: html ? "confluence.html-markup" : "confluence.storage-markup",
                                        message.trimmingSet(" \n\t"), at: loc)
            }
        }
        guard diagnostics.count < maxParserDiagnostics else {
            if firstDropped == nil { firstDropped = loc }
            droppedDiagnostics += 1
            return
        }
        diagnostics.append(Diagnostic(severity, code: html ? "confluence.html-markup" : "confluence.storage-markup",
                                      message.trimmingSet(" \n\t"), at: loc))
    }
}

private extension String {
    func trimmingSet(_ set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s.removeFirstCharacter() }
        while let l = s.last, chars.contains(l) { s.removeLastCharacter() }
        return String(s)
    }
}

/// The builder behind a callback's user-data pointer.
private func builder(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<TreeBuilder>? {
    ctx?.assumingMemoryBound(to: TreeBuilder.self)
}

/// libxml2's structured error callback, shared by both parsers.
private let structuredError: xmlStructuredErrorFunc = { ctx, error in
    guard let b = builder(ctx), let error else { return }
    let e = error.pointee
    b.pointee.error(level: Int(e.level.rawValue), code: Int(e.code), message: e.message.map { String(cString: $0) } ?? "markup error",
                    line: Int(e.line), column: Int(e.int2))
}

/// What libxml2 read: our tree plus its messages.
struct ParsedMarkup {
    var tree: MarkupTree
    var diagnostics: [Diagnostic]
    /// True when libxml2 reported an error or fatal error (not only warnings).
    var hadErrors: Bool
    /// True when libxml2 reported a fatal error (XML recovery may then have stopped early).
    var hadFatalErrors = false
    /// The first message that made ``hadErrors`` true, with its location (listed or not).
    var firstError: Diagnostic? = nil
}

enum LibXML {
    /// Streams an XML document (storage format, already wrapped) into a tree. Options: RECOVER|NONET, never
    /// NOENT/DTDLOAD/XINCLUDE/HUGE.
    static func parseXML(_ bytes: [UInt8], fileName: String?, lineOffset: Int32 = 0,
                         firstLineColumnOffset: Int32 = 0) -> ParsedMarkup {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { ctx, localname, prefix, _, _, _, nbAttributes, _, attributes in
            guard let b = builder(ctx), let localname else { return }
            let name = b.pointee.internName(prefix: prefix, local: localname)
            let first = b.pointee.tree.attributes.count
            if let attributes, nbAttributes > 0 {
                for i in 0..<Int(nbAttributes) {
                    guard let an = attributes[i * 5] else { continue }
                    let aname = b.pointee.internName(prefix: attributes[i * 5 + 1], local: an)
                    let v = attributes[i * 5 + 3]
                    let e = attributes[i * 5 + 4]
                    var length = 0
                    if let v, let e { length = e - v }
                    b.pointee.addAttribute(name: aname, value: v, length: max(0, length))
                }
            }
            b.pointee.startElement(name: name, attributeStart: first)
        }
        sax.endElementNs = { ctx, _, _, _ in builder(ctx)?.pointee.endElement() }
        sax.characters = { ctx, ch, len in builder(ctx)?.pointee.characters(ch, len) }
        sax.cdataBlock = { ctx, ch, len in builder(ctx)?.pointee.characters(ch, len) }
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
        var b = TreeBuilder(html: false)
        b.tree.lineOffset = lineOffset
        b.tree.firstLineColumnOffset = firstLineColumnOffset
        // Fed in 256 KB pieces: libxml2's XML push parser drops what it has consumed, so its input buffer stays
        // small instead of holding a second copy of the page (the same events for any split, tested).
        return pushParse(bytes, builder: b, sax: &sax, fileName: fileName ?? "storage.xml", chunkSize: 1 << 18,
                         create: { sax, user, name in xmlCreatePushParserCtxt(sax, user, nil, 0, name) },
                         useOptions: { _ = xmlCtxtUseOptions($0, options) },
                         chunk: { xmlParseChunk($0, $1, $2, $3) },
                         free: { xmlFreeParserCtxt($0) })
    }

    /// Streams an HTML document into a tree. Options: RECOVER|NONET|COMPACT.
    static func parseHTML(_ bytes: [UInt8], fileName: String?, lineOffset: Int32 = 0, firstLineColumnOffset: Int32 = 0,
                          lowercaseNames: Bool = true) -> ParsedMarkup {
        var sax = htmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElement = { ctx, name, atts in
            guard let b = builder(ctx), let name else { return }
            let id = b.pointee.internName(prefix: nil, local: name)
            let first = b.pointee.tree.attributes.count
            if let atts {
                var i = 0
                while let an = atts[i] {
                    let aname = b.pointee.internName(prefix: nil, local: an)
                    let v = atts[i + 1]
                    b.pointee.addAttribute(name: aname, value: v, length: v.map { Int(xmlStrlen($0)) } ?? 0)
                    i += 2
                }
            }
            b.pointee.startElement(name: id, attributeStart: first)
        }
        sax.endElement = { ctx, _ in builder(ctx)?.pointee.endElement() }
        sax.characters = { ctx, ch, len in builder(ctx)?.pointee.characters(ch, len) }
        sax.cdataBlock = { ctx, ch, len in builder(ctx)?.pointee.characters(ch, len) }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        // Without a declared charset libxml2 would assume Latin-1; our inputs are UTF-8 unless they say otherwise.
        let declares = containsASCIICaseInsensitive(bytes.prefix(4096), "charset")
        let encoding = declares ? XML_CHAR_ENCODING_NONE : XML_CHAR_ENCODING_UTF8
        var b = TreeBuilder(html: true)
        b.lowercase = lowercaseNames
        b.tree.lineOffset = lineOffset
        b.tree.firstLineColumnOffset = firstLineColumnOffset
        // Fed in 4 MB pieces: libxml2's messages about bytes not in a declared charset depend on where the input
        // is split, so the HTML split stays what it was.
        return pushParse(bytes, builder: b, sax: &sax, fileName: fileName ?? "page.html", chunkSize: 1 << 22,
                         create: { sax, user, name in htmlCreatePushParserCtxt(sax, user, nil, 0, name, encoding) },
                         useOptions: { _ = htmlCtxtUseOptions($0, options) },
                         chunk: { htmlParseChunk($0, $1, $2, $3) },
                         free: { htmlFreeParserCtxt($0) })
    }

    /// The push-parser run both parsers share: creates the context with `create` (the builder as user data,
    /// the shared structured error handler), sets options, feeds the bytes in chunks, frees everything.
    private static func pushParse(
        _ bytes: [UInt8], builder initial: TreeBuilder, sax: inout xmlSAXHandler, fileName: String, chunkSize: Int,
        create: (UnsafeMutablePointer<xmlSAXHandler>, UnsafeMutableRawPointer, UnsafePointer<CChar>) -> xmlParserCtxtPtr?,
        useOptions: (xmlParserCtxtPtr) -> Void,
        chunk: (xmlParserCtxtPtr, UnsafePointer<CChar>?, Int32, Int32) -> Int32,
        free: (xmlParserCtxtPtr) -> Void
    ) -> ParsedMarkup {
        _ = libxml2Ready
        sax.serror = structuredError
        let b = UnsafeMutablePointer<TreeBuilder>.allocate(capacity: 1)
        b.initialize(to: initial)
        defer {
            b.deinitialize(count: 1)
            b.deallocate()
        }
        b.pointee.tree.reserve(forInput: bytes)
        guard let ctxt = fileName.withCString({ name in create(&sax, UnsafeMutableRawPointer(b), name) }) else {
            return ParsedMarkup(tree: b.pointee.tree, diagnostics: [Diagnostic(.error, code: "confluence.parser",
                                                                                "libxml2 could not create a parser")], hadErrors: true)
        }
        b.pointee.context = ctxt
        useOptions(ctxt)
        let step = chunkSize
        bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { c in
                guard let base = c.baseAddress, c.count > 0 else {
                    _ = chunk(ctxt, nil, 0, 1)
                    return
                }
                var offset = 0
                while offset < c.count {
                    let n = min(step, c.count - offset)
                    _ = chunk(ctxt, base + offset, Int32(n), offset + n == c.count ? 1 : 0)
                    offset += n
                }
            }
        }
        if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc) }
        free(ctxt)
        b.pointee.context = nil
        return finish(&b.pointee)
    }

    private static func finish(_ b: inout TreeBuilder) -> ParsedMarkup {
        b.tree.finishNames()
        var diags = b.diagnostics
        let hadErrors = b.errors
        if b.flattenedTotal > 0 {
            diags.append(Diagnostic(.warning, code: "confluence.nesting-flattened",
                                    "\(b.flattenedTotal) elements nested deeper than \(TreeBuilder.maxDepth) levels were flattened; their text is kept",
                                    at: b.firstFlattened ?? SourceLocation(line: 1)))
        }
        if b.droppedDiagnostics > 0 {
            diags.append(Diagnostic(.note, code: "confluence.markup-truncated",
                                    "\(b.droppedDiagnostics) further markup messages from libxml2 not listed, the first at \(b.firstDropped ?? SourceLocation(line: 1))",
                                    at: b.firstDropped ?? SourceLocation(line: 1)))
        }
        return ParsedMarkup(tree: b.tree, diagnostics: diags, hadErrors: hadErrors, hadFatalErrors: b.fatal,
                            firstError: b.firstError)
    }

    /// The character an HTML 4 / XHTML named entity stands for (`"nbsp"` → U+00A0), from libxml2's table.
    static func htmlEntity(_ name: String) -> UInt32? {
        _ = libxml2Ready
        let desc = name.withCString { p in
            p.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { htmlEntityLookup($0) }
        }
        guard let desc else { return nil }
        return UInt32(desc.pointee.value)
    }
}

func containsASCIICaseInsensitive(_ haystack: ArraySlice<UInt8>, _ needle: String) -> Bool {
    let n = Array(needle.lowercased().utf8)
    guard !n.isEmpty, haystack.count >= n.count else { return false }
    var i = haystack.startIndex
    let last = haystack.endIndex - n.count
    while i <= last {
        var j = 0
        while j < n.count {
            var c = haystack[i + j]
            if c >= 0x41 && c <= 0x5A { c += 0x20 }
            if c != n[j] { break }
            j += 1
        }
        if j == n.count { return true }
        i += 1
    }
    return false
}
