// swift-meeting-notes · ConfluenceHTML

internal import MeetingModel

/// Turns a storage-format body (not well-formed XML by itself) into a document libxml2 reads.
///
/// One linear pass over the bytes:
/// - wraps the body in a root element that declares the `ac:`, `ri:` and `at:` prefixes, on the same line
///   as the first input line, so line numbers stay those of the input;
/// - blanks an XML declaration and any DOCTYPE (keeping its newlines): DTDs are never loaded and the
///   document never defines entities;
/// - rewrites every HTML named entity (`&nbsp;`, `&mdash;`, `&uuml;`, …) as a numeric character reference,
///   escapes stray `&`, and reports unknown entity names (kept as text);
/// - repairs the `]] >` CDATA ends the Cloud exporter writes before `</ac:…>`.
struct StoragePreparation {
    static let prefix = "<ac:confluence xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ac=\"http://atlassian.com/content\" "
        + "xmlns:ri=\"http://atlassian.com/resource/identifier\" xmlns:at=\"http://atlassian.com/template\">"
    static let suffix = "</ac:confluence>"

    var output: [UInt8] = []
    var diagnostics: [Diagnostic] = []

    static func prepare(_ input: [UInt8]) -> StoragePreparation {
        var p = StoragePreparation()
        p.run(input)
        return p
    }

    /// The high bit of each byte of `word` (byte 0 lowest) that equals `byte`, and no other bit.
    @inline(__always)
    static func bytes(equalTo byte: UInt8, in word: UInt64) -> UInt64 {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low7) &+ low7) | x | low7)
    }

    private mutating func run(_ input: [UInt8]) {
        output.reserveCapacity(input.count + 256)
        output.append(contentsOf: Array(Self.prefix.utf8))
        var i = 0
        let n = input.count
        if n >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { i = 3 }
        var line = 1
        var lineStart = 0
        var repairedCDATA = 0
        var firstRepair: SourceLocation?
        var unknownEntities = 0
        func column(_ at: Int) -> Int { at - lineStart + 1 }

        // Replacement bytes per entity name met (a page repeats the same few: &nbsp;, &mdash;, …).
        // The first eight names are kept as bytes and searched linearly (no String, no hashing: a page uses a
        // few); any further names go to a dictionary.
        var recentEntities: [(name: ArraySlice<UInt8>, replacement: [UInt8])] = []
        var entityCache: [String: [UInt8]] = [:]
        func cached(_ name: ArraySlice<UInt8>) -> [UInt8]? {
            for entry in recentEntities where entry.name.count == name.count && entry.name.elementsEqual(name) {
                return entry.replacement
            }
            if recentEntities.count < 8 { return nil }   // every name met so far is in `recentEntities`
            return entityCache[String(decoding: name, as: UTF8.self)]
        }
        while i < n {
            let b = input[i]
            if b != UInt8(ascii: "&"),
               !(b == UInt8(ascii: "<") && i + 1 < n && (input[i + 1] == UInt8(ascii: "?") || input[i + 1] == UInt8(ascii: "!"))) {
                // A run of bytes copied as they are (text, newlines, ordinary tags): found without bounds checks,
                // counting lines, up to the next `&`, `<?` or `<!`.
                let j = input.withUnsafeBufferPointer { buf -> Int in
                    var j = i
                    // Eight bytes at a time while none of them is "&", a "<" followed by "?" or "!", or (counted) a
                    // newline; the byte loop below finishes the run (its end is then within eight bytes).
                    if let base = buf.baseAddress {
                        let raw = UnsafeRawPointer(base)
                        while j + 9 <= n {
                            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: j, as: UInt64.self))
                            let w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: j + 1, as: UInt64.self))
                            let special = StoragePreparation.bytes(equalTo: 0x26, in: w)
                                | (StoragePreparation.bytes(equalTo: 0x3C, in: w)
                                   & (StoragePreparation.bytes(equalTo: 0x3F, in: w1) | StoragePreparation.bytes(equalTo: 0x21, in: w1)))
                            if special != 0 { break }
                            let newlines = StoragePreparation.bytes(equalTo: 0x0A, in: w)
                            if newlines != 0 {
                                line += newlines.nonzeroBitCount
                                lineStart = j + (63 - newlines.leadingZeroBitCount) / 8 + 1
                            }
                            j += 8
                        }
                    }
                    while j < n {
                        let c = buf[j]
                        if c == 0x0A {
                            line += 1
                            lineStart = j + 1
                        } else if c == UInt8(ascii: "&") {
                            break
                        } else if c == UInt8(ascii: "<"), j + 1 < n, buf[j + 1] == UInt8(ascii: "?") || buf[j + 1] == UInt8(ascii: "!") {
                            break
                        }
                        j += 1
                    }
                    return j
                }
                output.append(contentsOf: input[i..<j])
                i = j
                continue
            }
            if b == UInt8(ascii: "<"), i + 1 < n {
                let next = input[i + 1]
                if next == UInt8(ascii: "?") {
                    // Processing instruction / XML declaration: blank it.
                    let end = find(input, from: i + 2, "?>") ?? n - 2
                    blank(input, i, min(n, end + 2), &line, &lineStart)
                    i = min(n, end + 2)
                    continue
                }
                if next == UInt8(ascii: "!") {
                    if startsWith(input, i, "<!--") {
                        let end = (find(input, from: i + 4, "-->") ?? (n - 3)) + 3
                        copy(input, i, min(n, end), &line, &lineStart)
                        i = min(n, end)
                        continue
                    }
                    if startsWith(input, i, "<![CDATA[") {
                        var j = i + 9
                        var end = n
                        var bodyEnd = n
                        while j < n {
                            if input[j] == UInt8(ascii: "]"), startsWith(input, j, "]]>") { bodyEnd = j; end = j + 3; break }
                            if input[j] == UInt8(ascii: "]"), startsWith(input, j, "]] >") {
                                var k = j + 4
                                while k < n, input[k] == 0x20 || input[k] == 0x0A || input[k] == 0x09 || input[k] == 0x0D { k += 1 }
                                if startsWith(input, k, "</") {
                                    bodyEnd = j; end = j + 4; repairedCDATA += 1
                                    if firstRepair == nil { firstRepair = SourceLocation(line: line, column: column(i)) }
                                    break
                                }
                            }
                            j += 1
                        }
                        copy(input, i, bodyEnd, &line, &lineStart)
                        output.append(contentsOf: Array("]]>".utf8))
                        i = end
                        continue
                    }
                    if startsWith(input, i, "<!DOCTYPE") || startsWith(input, i, "<!doctype") {
                        var j = i + 9
                        var depth = 0
                        while j < n {
                            let c = input[j]
                            if c == UInt8(ascii: "[") { depth += 1 } else if c == UInt8(ascii: "]") { depth -= 1 } else if c == UInt8(ascii: ">"), depth <= 0 { break }
                            j += 1
                        }
                        let end = min(n, j + 1)
                        diagnostics.append(Diagnostic(.note, code: "confluence.doctype-ignored",
                            "DOCTYPE ignored: external DTDs are never loaded and the page cannot define entities",
                            at: SourceLocation(line: line, column: column(i)),
                            text: String(decoding: input[i..<end], as: UTF8.self)))
                        blank(input, i, end, &line, &lineStart)
                        i = end
                        continue
                    }
                }
                output.append(b)
                i += 1
                continue
            }
            if b == UInt8(ascii: "&") {
                // Find a name or character reference.
                var j = i + 1
                if j < n, input[j] == UInt8(ascii: "#") {
                    j += 1
                    while j < n, j - i < 12, isAlnum(input[j]) { j += 1 }
                    if j < n, input[j] == UInt8(ascii: ";"), j > i + 2 {
                        output.append(contentsOf: input[i...j])
                        i = j + 1
                    } else {
                        output.append(contentsOf: Array("&amp;".utf8))
                        i += 1
                    }
                    continue
                }
                while j < n, j - i < 40, isAlnum(input[j]) { j += 1 }
                if j < n, input[j] == UInt8(ascii: ";"), j > i + 1 {
                    if let known = cached(input[(i + 1)..<j]) {
                        output.append(contentsOf: known)
                        i = j + 1
                        continue
                    }
                    let name = String(decoding: input[(i + 1)..<j], as: UTF8.self)
                    switch name {
                    case "amp", "lt", "gt", "quot", "apos":
                        output.append(contentsOf: input[i...j])
                    default:
                        if let value = LibXML.htmlEntity(name) ?? extraEntities[name] {
                            let replacement = Array("&#\(value);".utf8)
                            if recentEntities.count < 8 {
                                recentEntities.append((input[(i + 1)..<j], replacement))
                            } else {
                                entityCache[name] = replacement
                            }
                            output.append(contentsOf: replacement)
                        } else {
                            unknownEntities += 1
                            if unknownEntities <= 20 {
                                diagnostics.append(Diagnostic(.warning, code: "confluence.unknown-entity",
                                    "unknown entity &\(name); kept as text", at: SourceLocation(line: line, column: column(i)),
                                    text: "&\(name);"))
                            }
                            output.append(contentsOf: Array("&amp;".utf8))
                            output.append(contentsOf: input[(i + 1)...j])
                        }
                    }
                    i = j + 1
                    continue
                }
                output.append(contentsOf: Array("&amp;".utf8))
                i += 1
                continue
            }
            output.append(b)
            i += 1
        }
        output.append(contentsOf: Array(Self.suffix.utf8))
        if repairedCDATA > 0 {
            diagnostics.append(Diagnostic(.note, code: "confluence.cdata-repaired",
                "\(repairedCDATA) CDATA sections ended by ']] >' (an exporter quirk) were repaired",
                at: firstRepair ?? SourceLocation(line: 1)))
        }
    }

    /// The prepared bytes with every CDATA section turned into escaped text (for the HTML parser).
    static func escapingCDATA(_ bytes: [UInt8]) -> [UInt8] {
        let open = Array("<![CDATA[".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), i + open.count <= bytes.count, Array(bytes[i..<(i + open.count)]) == open {
                var j = i + open.count
                while j < bytes.count {
                    if bytes[j] == UInt8(ascii: "]"), j + 2 < bytes.count, bytes[j + 1] == UInt8(ascii: "]"), bytes[j + 2] == UInt8(ascii: ">") { break }
                    switch bytes[j] {
                    case UInt8(ascii: "<"): out.append(contentsOf: Array("&lt;".utf8))
                    case UInt8(ascii: "&"): out.append(contentsOf: Array("&amp;".utf8))
                    case UInt8(ascii: ">"): out.append(contentsOf: Array("&gt;".utf8))
                    default: out.append(bytes[j])
                    }
                    j += 1
                }
                i = j + 3
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    private mutating func copy(_ input: [UInt8], _ from: Int, _ to: Int, _ line: inout Int, _ lineStart: inout Int) {
        guard from < to else { return }
        for k in from..<to where input[k] == 0x0A { line += 1; lineStart = k + 1 }
        output.append(contentsOf: input[from..<to])
    }

    private mutating func blank(_ input: [UInt8], _ from: Int, _ to: Int, _ line: inout Int, _ lineStart: inout Int) {
        guard from < to else { return }
        for k in from..<to {
            if input[k] == 0x0A { line += 1; lineStart = k + 1; output.append(0x0A) } else { output.append(0x20) }
        }
    }

    private func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    private func startsWith(_ input: [UInt8], _ at: Int, _ s: StaticString) -> Bool {
        let count = s.utf8CodeUnitCount
        guard at + count <= input.count else { return false }
        return s.withUTF8Buffer { buf in
            for k in 0..<count where input[at + k] != buf[k] { return false }
            return true
        }
    }

    private func find(_ input: [UInt8], from: Int, _ s: StaticString) -> Int? {
        var k = from
        while k < input.count {
            if startsWith(input, k, s) { return k }
            k += 1
        }
        return nil
    }

    /// HTML5 names Confluence editors emit that HTML 4's table lacks.
    private let extraEntities: [String: UInt32] = [
        "apos": 39, "hellip": 8230, "nbsp": 160, "NewLine": 10, "Tab": 9, "colon": 58, "comma": 44,
        "period": 46, "lpar": 40, "rpar": 41, "check": 10003, "cross": 10007, "star": 9734, "starf": 9733,
        "rarrow": 8594, "larr": 8592, "rarr": 8594, "dash": 8208, "ndash": 8211, "mdash": 8212,
    ]
}
