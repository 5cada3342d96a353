// swift-meeting-notes · Benchmarks
//
// The two references every importer is compared with, on the same bytes:
//   * libxml2 building a tree and walking every node (what a tree-based importer cannot beat by much);
//   * libxml2's SAX callbacks alone (the tokenizer's speed: the real floor).
// Both use the options the style guide prescribes for the importers (RECOVER, NONET, NOERROR, NOWARNING,
// COMPACT for HTML) and a no-op structured error handler, so that error reporting costs the minimum.

#if canImport(libxml2)
@preconcurrency import libxml2
#else
@preconcurrency import CBenchLibXML2
// ConfluenceHTML's own libxml2 module loads the same headers first; clang then attributes libxml2's
// declarations to that module, so it must be visible here too.
#if canImport(CMeetingLibXML2)
@preconcurrency import CMeetingLibXML2
#endif
#endif

private let libxml2Ready: Void = { xmlInitParser() }()

/// What a reference saw; summed into a checksum so the optimiser cannot drop the work.
struct ReferenceCounts {
    var elements = 0
    var attributes = 0
    var textBytes = 0
    var checksum: Int { elements &* 31 &+ attributes &* 7 &+ textBytes }
}

enum LibXMLReference {
    static let htmlOptions = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
    static let xmlOptions = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)

    /// The prologue that makes storage format a standalone XML document (STYLE §1.10): the full HTML 4 /
    /// XHTML entity set, taken from libxml2's own table, and the `ac:`/`ri:` namespaces.
    static let storagePrologue: [UInt8] = {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE ac:confluence [\n"
        let predefined: Set<String> = ["amp", "lt", "gt", "quot", "apos"]
        for value in UInt32(1)...0x2666 {
            guard let desc = htmlEntityValueLookup(value), let cname = desc.pointee.name else { continue }
            let name = String(cString: cname)
            if predefined.contains(name) { continue }
            s += "<!ENTITY \(name) \"&#\(value);\">\n"
        }
        s += "]>\n<ac:confluence xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ac=\"http://atlassian.com/content\" "
        s += "xmlns:ri=\"http://atlassian.com/resource/identifier\">\n"
        return Array(s.utf8)
    }()
    static let storageEpilogue: [UInt8] = Array("\n</ac:confluence>\n".utf8)

    /// Storage format wrapped into a document (the copy is part of the measured work, as in an importer).
    static func wrapStorage(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(storagePrologue.count + bytes.count + storageEpilogue.count)
        out += storagePrologue
        out += bytes
        out += storageEpilogue
        return out
    }

    private static func silenceErrors() {
        xmlSetStructuredErrorFunc(nil) { _, _ in }
    }

    // MARK: Tree

    /// Parses with libxml2 into a tree, walks every node (elements, attributes, text), frees the tree.
    static func tree(_ bytes: [UInt8], form: PageForm) -> ReferenceCounts {
        _ = libxml2Ready
        silenceErrors()
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let doc: xmlDocPtr?
        switch form {
        case .html:
            doc = bytes.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), "page.html", nil, htmlOptions) }
            }
        case .storage:
            let wrapped = wrapStorage(bytes)
            doc = wrapped.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), "page.xhtml", "UTF-8", xmlOptions) }
            }
        case .text:
            return ReferenceCounts()
        }
        guard let doc else { return ReferenceCounts() }
        defer { xmlFreeDoc(doc) }
        return walk(doc)
    }

    private static func walk(_ doc: xmlDocPtr) -> ReferenceCounts {
        var counts = ReferenceCounts()
        let docNode = UnsafeMutableRawPointer(doc)
        var node: xmlNodePtr? = doc.pointee.children
        while let n = node {
            switch n.pointee.type {
            case XML_ELEMENT_NODE:
                counts.elements += 1
                var attr = n.pointee.properties
                while let a = attr {
                    counts.attributes += 1
                    var v = a.pointee.children
                    while let t = v {
                        if let c = t.pointee.content { counts.textBytes += Int(xmlStrlen(c)) }
                        v = t.pointee.next
                    }
                    attr = a.pointee.next
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_COMMENT_NODE:
                if let c = n.pointee.content { counts.textBytes += Int(xmlStrlen(c)) }
            case XML_ENTITY_REF_NODE:
                counts.textBytes += 1
            default:
                break
            }
            // Depth first, iteratively; never into an entity reference's shared content.
            if n.pointee.type != XML_ENTITY_REF_NODE, let child = n.pointee.children {
                node = child
                continue
            }
            var m = n
            node = nil
            while true {
                if let next = m.pointee.next { node = next; break }
                guard let parent = m.pointee.parent, UnsafeMutableRawPointer(parent) != docNode else { break }
                m = parent
            }
        }
        return counts
    }

    // MARK: SAX

    /// Runs libxml2's tokenizer with counting callbacks only: no tree is built.
    static func sax(_ bytes: [UInt8], form: PageForm) -> ReferenceCounts {
        _ = libxml2Ready
        silenceErrors()
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let counts = UnsafeMutablePointer<ReferenceCounts>.allocate(capacity: 1)
        counts.initialize(to: ReferenceCounts())
        defer { counts.deallocate() }
        switch form {
        case .html:
            bytes.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { buf in
                    guard let ctxt = htmlCreateMemoryParserCtxt(buf.baseAddress, Int32(buf.count)) else { return }
                    defer { htmlFreeParserCtxt(ctxt) }
                    installSAX1Callbacks(ctxt, counts)
                    _ = htmlCtxtUseOptions(ctxt, htmlOptions)
                    _ = htmlParseDocument(ctxt)
                    if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc); ctxt.pointee.myDoc = nil }
                }
            }
        case .storage:
            let wrapped = wrapStorage(bytes)
            wrapped.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { buf in
                    guard let ctxt = xmlCreateMemoryParserCtxt(buf.baseAddress, Int32(buf.count)) else { return }
                    defer { xmlFreeParserCtxt(ctxt) }
                    installSAX2Callbacks(ctxt, counts)
                    _ = xmlCtxtUseOptions(ctxt, xmlOptions)
                    _ = xmlParseDocument(ctxt)
                    // The default startDocument/entityDecl callbacks built a document holding only the DTD.
                    if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc); ctxt.pointee.myDoc = nil }
                }
            }
        case .text:
            break
        }
        return counts.pointee
    }

    @inline(__always)
    private static func counts(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<ReferenceCounts>? {
        guard let ctx else { return nil }
        let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        return ctxt.pointee._private?.assumingMemoryBound(to: ReferenceCounts.self)
    }

    private static func installCommon(_ ctxt: xmlParserCtxtPtr, _ counts: UnsafeMutablePointer<ReferenceCounts>) {
        ctxt.pointee._private = UnsafeMutableRawPointer(counts)
        guard let sax = ctxt.pointee.sax else { return }
        let text: charactersSAXFunc = { ctx, _, len in
            LibXMLReference.counts(ctx)?.pointee.textBytes += Int(len)
        }
        sax.pointee.characters = text
        sax.pointee.ignorableWhitespace = text
        sax.pointee.cdataBlock = text
        sax.pointee.comment = { ctx, value in
            if let value { LibXMLReference.counts(ctx)?.pointee.textBytes += Int(xmlStrlen(value)) }
        }
        sax.pointee.reference = { ctx, _ in LibXMLReference.counts(ctx)?.pointee.textBytes += 1 }
    }

    /// HTML's parser reports elements through the SAX1 callbacks.
    private static func installSAX1Callbacks(_ ctxt: xmlParserCtxtPtr, _ counts: UnsafeMutablePointer<ReferenceCounts>) {
        installCommon(ctxt, counts)
        guard let sax = ctxt.pointee.sax else { return }
        sax.pointee.startElement = { ctx, _, atts in
            guard let c = LibXMLReference.counts(ctx) else { return }
            c.pointee.elements += 1
            guard var p = atts else { return }
            while let name = p.pointee {
                _ = name
                c.pointee.attributes += 1
                if let value = p.advanced(by: 1).pointee { c.pointee.textBytes += Int(xmlStrlen(value)) }
                p = p.advanced(by: 2)
            }
        }
        sax.pointee.endElement = { _, _ in }
    }

    /// The XML parser (SAX2 mode) reports namespaced elements with attribute value ranges.
    private static func installSAX2Callbacks(_ ctxt: xmlParserCtxtPtr, _ counts: UnsafeMutablePointer<ReferenceCounts>) {
        installCommon(ctxt, counts)
        guard let sax = ctxt.pointee.sax else { return }
        sax.pointee.startElement = nil
        sax.pointee.endElement = nil
        sax.pointee.startElementNs = { ctx, _, _, _, _, _, nbAttributes, _, attributes in
            guard let c = LibXMLReference.counts(ctx) else { return }
            c.pointee.elements += 1
            c.pointee.attributes += Int(nbAttributes)
            guard let attributes else { return }
            // Five pointers per attribute: localname, prefix, URI, value start, value end.
            for i in 0..<Int(nbAttributes) {
                if let start = attributes[i * 5 + 3], let end = attributes[i * 5 + 4] {
                    c.pointee.textBytes += end - start
                }
            }
        }
        sax.pointee.endElementNs = { _, _, _, _ in }
    }
}

/// The libxml2 version the references (and the importers) link.
func libxml2Version() -> String { LIBXML_DOTTED_VERSION }
