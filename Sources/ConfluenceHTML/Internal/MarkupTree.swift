// swift-meeting-notes · ConfluenceHTML

internal import MeetingModel

/// Our own light document tree, filled by libxml2's SAX callbacks (never libxml2's DOM).
///
/// Nodes live in flat arrays and refer to each other by index; element names are interned once per
/// document; text and attribute values are byte ranges into one buffer, copied once from libxml2.
struct MarkupTree {
    /// One node: an element or a run of text.
    struct Node {
        /// Interned name index for elements; -1 for text.
        var name: Int32
        var parent: Int32
        /// The next sibling, -1 for the last child. (The first child of `n`, when it has one, is `n + 1`:
        /// nodes are stored in document order.)
        var next: Int32 = -1
        /// Elements: start of their range in `attributes`. Text: start of their byte range in `bytes`.
        var start: Int32
        var line: Int32
        /// The range's length (see ``MarkupTree/end(_:)``), or `MarkupTree.wide` when it does not fit in 16 bits and
        /// the end is in `wideEnds`. Sixteen bits hold nearly every range, and keep a node at 24 bytes (was 28:
        /// 1.8 MB less at the peak of a 10 MB page's import).
        var length: UInt16
        /// The column (see ``MarkupTree/location(_:)``), or `MarkupTree.wide` when it is in `wideColumns`.
        var column: UInt16
    }
    /// The 16-bit value meaning "too large: look in the side table".
    static let wide = UInt16.max
    /// An attribute: interned name, value as a byte range.
    struct Attribute {
        var name: Int32
        var start: Int32
        var end: Int32
    }

    var nodes: [Node] = []
    /// Ends and columns that do not fit a node's 16 bits, by node index (long text runs, lines over 65,534 columns).
    var wideEnds: [Int32: Int32] = [:]
    var wideColumns: [Int32: Int32] = [:]
    var attributes: [Attribute] = []
    var bytes: [UInt8] = []
    var names: [String] = []
    var nameIndex: [String: Int32] = [:]
    /// Added to every line (the storage wrapper may shift lines), and the column shift on the first line.
    /// Interned id of the `class` attribute name (-1 when the document has none), set after parsing.
    var classNameID: Int32 = -1
    var lineOffset: Int32 = 0
    var firstLineColumnOffset: Int32 = 0

    init() {
        nodes.reserveCapacity(1024)
        bytes.reserveCapacity(16 * 1024)
        // Node 0 is the document root.
        _ = intern("#document")
        nodes.append(Node(name: 0, parent: -1, start: 0, line: 1, length: 0, column: 1))
    }

    /// Reserves room for the tree of `input` up front: at most one node per `<` (plus text after the last one)
    /// and at most the input's size in text and attribute bytes. Large reservations are mapped lazily, so
    /// untouched room costs no resident memory, and growth never copies (no old-plus-new peak).
    mutating func reserve(forInput input: [UInt8]) {
        let tags = ByteScan.count(0x3C, in: input)
        nodes.reserveCapacity(tags + 16)
        bytes.reserveCapacity(input.count + 16)
    }

    /// Appends `node` as the last child of its parent; returns its index.
    ///
    /// The parent is an element still open (the parser appends in document order), so its last child so far
    /// is the last node appended or the ancestor of it just below the parent: found by walking up from the
    /// end. Every node is walked over at most once (its subtree is complete by then), so building stays linear
    /// without storing first and last children per node.
    mutating func appendNode(name: Int32, parent p: Int32, start: Int32, end: Int32, line: Int32, column: Int32) -> Int32 {
        let id = Int32(nodes.count)
        var x = id - 1
        while x > p, nodes[Int(x)].parent != p { x = nodes[Int(x)].parent }
        if x > p { nodes[Int(x)].next = id }
        let narrow = column >= 0 && column < Int32(Self.wide)
        nodes.append(Node(name: name, parent: p, start: start, line: line, length: 0, column: narrow ? UInt16(column) : Self.wide))
        if !narrow { wideColumns[id] = column }
        setEnd(Int(id), end)
        return id
    }

    /// Sets the end of node `n`'s range.
    mutating func setEnd(_ n: Int, _ end: Int32) {
        let length = end - nodes[n].start
        if length >= 0 && length < Int32(Self.wide) {
            nodes[n].length = UInt16(length)
            if !wideEnds.isEmpty { wideEnds[Int32(n)] = nil }
        } else {
            nodes[n].length = Self.wide
            wideEnds[Int32(n)] = end
        }
    }

    /// The end of node `n`'s range (attributes for an element, bytes for text).
    @inline(__always) func end(_ n: Int) -> Int {
        let node = nodes[n]
        if node.length != Self.wide { return Int(node.start) + Int(node.length) }
        return Int(wideEnds[Int32(n)] ?? node.start)
    }

    /// Appends `text` to the last child of `parent` when that child is the text just stored; else false.
    mutating func extendLastText(of parent: Int32, with text: UnsafeBufferPointer<UInt8>) -> Bool {
        // The last child of an open element is text only when it is the last node appended.
        let last = nodes.count - 1
        guard last > 0, nodes[last].name < 0, nodes[last].parent == parent, end(last) == bytes.count else {
            return false
        }
        bytes.append(contentsOf: text)
        setEnd(last, Int32(bytes.count))
        return true
    }

    /// Appends a text node holding `text` below `parent`.
    mutating func appendText(_ text: UnsafeBufferPointer<UInt8>, parent: Int32, line: Int32, column: Int32) {
        let start = Int32(bytes.count)
        bytes.append(contentsOf: text)
        _ = appendNode(name: -1, parent: parent, start: start, end: Int32(bytes.count), line: line, column: column)
    }

    mutating func intern(_ name: String) -> Int32 {
        if let i = nameIndex[name] { return i }
        let i = Int32(names.count)
        names.append(name)
        nameIndex[name] = i
        return i
    }

    // MARK: Reading

    /// Total bytes of text held (to compare two readings of one input).
    var textByteCount: Int {
        var n = 0
        for i in nodes.indices where nodes[i].name < 0 { n += end(i) - Int(nodes[i].start) }
        return n
    }

    var root: Int { 0 }

    func isText(_ n: Int) -> Bool { nodes[n].name < 0 }

    func name(_ n: Int) -> String { nodes[n].name < 0 ? "#text" : names[Int(nodes[n].name)] }

    /// The first child of `n`, -1 when it has none.
    func firstChild(_ n: Int) -> Int32 {
        n + 1 < nodes.count && Int(nodes[n + 1].parent) == n ? Int32(n + 1) : -1
    }

    func children(_ n: Int) -> ChildSequence { ChildSequence(nodes: nodes, first: firstChild(n)) }

    func elementChildren(_ n: Int) -> [Int] { children(n).filter { !isText($0) } }

    /// The byte range of attribute `key` of element `n`, without building strings.
    func attributeRange(_ key: String, of n: Int) -> Range<Int>? {
        // Elements carry a few attributes: comparing their interned names with `key` is cheaper than hashing it.
        let node = nodes[n]
        guard node.name >= 0 else { return nil }
        var i = Int(node.start)
        let end = end(n)
        while i < end {
            let a = attributes[i]
            if names[Int(a.name)] == key { return Int(a.start)..<Int(a.end) }
            i += 1
        }
        return nil
    }

    func attribute(_ key: String, of n: Int) -> String? {
        attributeRange(key, of: n).map { string($0.lowerBound, $0.upperBound) }
    }

    func allAttributes(of n: Int) -> [(String, String)] {
        guard nodes[n].name >= 0 else { return [] }
        return (Int(nodes[n].start)..<end(n)).map {
            (names[Int(attributes[$0].name)], string(Int(attributes[$0].start), Int(attributes[$0].end)))
        }
    }

    /// The byte range of the `class` attribute, found without hashing.
    func classRange(_ n: Int) -> Range<Int>? {
        let node = nodes[n]
        guard node.name >= 0, classNameID >= 0 else { return nil }
        var i = Int(node.start)
        let end = end(n)
        while i < end {
            let a = attributes[i]
            if a.name == classNameID { return Int(a.start)..<Int(a.end) }
            i += 1
        }
        return nil
    }

    /// Whether the `class` attribute holds the token `cls` (byte comparison, no allocation).
    func hasClass(_ cls: StaticString, _ n: Int) -> Bool {
        guard let r = classRange(n) else { return false }
        return cls.withUTF8Buffer { needle in
            var i = r.lowerBound
            while i < r.upperBound {
                while i < r.upperBound, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A { i += 1 }
                let start = i
                while i < r.upperBound, bytes[i] != 0x20, bytes[i] != 0x09, bytes[i] != 0x0A { i += 1 }
                if i - start == needle.count {
                    var same = true
                    for k in 0..<needle.count where bytes[start + k] != needle[k] { same = false; break }
                    if same { return true }
                }
            }
            return false
        }
    }

    /// Whether some class token starts with `prefix` (byte comparison, no allocation).
    func hasClassPrefix(_ prefix: StaticString, _ n: Int) -> Bool {
        classPrefix(prefix, n, build: false) != nil
    }

    /// The rest of the first class token starting with `prefix` ("confluence-information-macro-" → "note").
    func classPrefix(_ prefix: StaticString, _ n: Int) -> String? { classPrefix(prefix, n, build: true) }

    private func classPrefix(_ prefix: StaticString, _ n: Int, build: Bool) -> String? {
        guard let r = classRange(n) else { return nil }
        return prefix.withUTF8Buffer { needle -> String? in
            var i = r.lowerBound
            while i < r.upperBound {
                while i < r.upperBound, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A { i += 1 }
                let start = i
                while i < r.upperBound, bytes[i] != 0x20, bytes[i] != 0x09, bytes[i] != 0x0A { i += 1 }
                if i - start >= needle.count {
                    var same = true
                    for k in 0..<needle.count where bytes[start + k] != needle[k] { same = false; break }
                    if same { return build ? string(start + needle.count, i) : "" }
                }
            }
            return nil
        }
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The raw text of a text node.
    func rawText(_ n: Int) -> ArraySlice<UInt8> { bytes[Int(nodes[n].start)..<end(n)] }

    /// All text below `n`, whitespace collapsed, trimmed.
    func textContent(_ n: Int) -> String {
        var out: [UInt8] = []
        appendText(n, to: &out)
        return collapseWhitespace(out[...], trim: true)
    }

    /// One past the last descendant of `n`.
    ///
    /// Nodes are appended in document (pre-order) order while parsing, always below the element still open,
    /// so a node's descendants are exactly the indices after it up to its next sibling (or the next sibling
    /// of its nearest ancestor that has one). Walks over a subtree are then plain index loops.
    func subtreeEnd(_ n: Int) -> Int {
        var x = n
        while x >= 0 {
            let next = nodes[x].next
            if next >= 0 { return Int(next) }
            x = Int(nodes[x].parent)
        }
        return nodes.count
    }

    func appendText(_ n: Int, to out: inout [UInt8]) {
        if isText(n) { out.append(contentsOf: rawText(n)); return }
        let stop = subtreeEnd(n)
        var x = n + 1
        while x < stop {
            let node = nodes[x]
            if node.name < 0 {
                out.append(contentsOf: bytes[Int(node.start)..<end(x)])
            } else if Int(node.name) < spaceBeforeName.count, spaceBeforeName[Int(node.name)] {
                out.append(0x20)
            }
            x += 1
        }
    }

    /// Per interned name: whether `textContent` puts a space before the element (`br`, `p`, `li`, `div`, `tr`).
    /// Set by ``finishNames()`` after parsing.
    var spaceBeforeName: [Bool] = []

    /// Derives the per-name tables once the names are known (after parsing).
    mutating func finishNames() {
        classNameID = nameIndex["class"] ?? -1
        spaceBeforeName = names.map { $0 == "br" || $0 == "p" || $0 == "li" || $0 == "div" || $0 == "tr" }
    }

    /// The interned id of `name`, or nil when the document has no such name.
    func nameID(_ name: String) -> Int32? { nameIndex[name] }

    /// Whether attribute `key` of element `n` is exactly `value` (byte comparison, no allocation).
    func attribute(_ key: String, of n: Int, is value: StaticString) -> Bool {
        guard let r = attributeRange(key, of: n), r.count == value.utf8CodeUnitCount else { return false }
        return value.withUTF8Buffer { v in
            var k = 0
            while k < v.count { if bytes[r.lowerBound + k] != v[k] { return false }; k += 1 }
            return true
        }
    }

    /// First descendant element (pre-order) with interned name `name`.
    func first(below n: Int, named name: String) -> Int? {
        guard let id = nameIndex[name] else { return nil }
        let end = subtreeEnd(n)
        var x = n + 1
        while x < end {
            if nodes[x].name == id { return x }
            x += 1
        }
        return nil
    }

    func location(_ n: Int) -> SourceLocation {
        let node = nodes[n]
        var col = node.column != Self.wide ? Int32(node.column) : (wideColumns[Int32(n)] ?? 1)
        if node.line == 1 { col -= firstLineColumnOffset }
        return SourceLocation(line: Int(max(1, node.line + lineOffset)), column: Int(max(1, col)))
    }

    /// First descendant element (pre-order) satisfying `match`.
    func first(below n: Int, where match: (Int) -> Bool) -> Int? {
        let end = subtreeEnd(n)
        var x = n + 1
        while x < end {
            if nodes[x].name >= 0, match(x) { return x }
            x += 1
        }
        return nil
    }

    /// All descendant elements (pre-order) satisfying `match`, not descending into matches.
    func all(below n: Int, where match: (Int) -> Bool) -> [Int] {
        var result: [Int] = []
        let end = subtreeEnd(n)
        var x = n + 1
        while x < end {
            if nodes[x].name >= 0, match(x) {
                result.append(x)
                x = subtreeEnd(x)
                continue
            }
            x += 1
        }
        return result
    }

    func ancestor(of n: Int, where match: (Int) -> Bool) -> Int? {
        var p = nodes[n].parent
        while p >= 0 {
            if match(Int(p)) { return Int(p) }
            p = nodes[Int(p)].parent
        }
        return nil
    }
}

/// Children of a node, in order.
struct ChildSequence: Sequence, IteratorProtocol {
    let nodes: [MarkupTree.Node]
    var current: Int32
    init(nodes: [MarkupTree.Node], first: Int32) {
        self.nodes = nodes
        self.current = first
    }
    mutating func next() -> Int? {
        guard current >= 0 else { return nil }
        let c = Int(current)
        current = nodes[c].next
        return c
    }
}

/// Collapses runs of ASCII white space and no-break spaces into one space; optionally trims.
func collapseWhitespace(_ bytes: ArraySlice<UInt8>, trim: Bool) -> String {
    // Most runs have nothing to collapse, drop or trim: then the result is the bytes as they are.
    var clean = true
    var previousSpace = trim   // when trimming, a leading space is dropped
    var k = bytes.startIndex
    while k < bytes.endIndex {
        let b = bytes[k]
        if b == 0x20 {
            if previousSpace { clean = false; break }
            previousSpace = true
        } else {
            if b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
                || (b == 0xC2 && k + 1 < bytes.endIndex && bytes[k + 1] == 0xA0)
                || (b == 0xE2 && k + 2 < bytes.endIndex && bytes[k + 1] == 0x80 && bytes[k + 2] == 0x8B) {
                clean = false
                break
            }
            previousSpace = false
        }
        k += 1
    }
    if clean, !(trim && bytes.last == 0x20) { return String(decoding: bytes, as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var lastSpace = trim
    var i = bytes.startIndex
    while i < bytes.endIndex {
        let b = bytes[i]
        var isSpace = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
        var width = 1
        if b == 0xC2, i + 1 < bytes.endIndex, bytes[i + 1] == 0xA0 { isSpace = true; width = 2 }
        // U+200B zero width space: drop.
        if b == 0xE2, i + 2 < bytes.endIndex, bytes[i + 1] == 0x80, bytes[i + 2] == 0x8B { i += 3; continue }
        if isSpace {
            if !lastSpace { out.append(0x20) }
            lastSpace = true
        } else {
            out.append(b)
            lastSpace = false
        }
        i += width
    }
    if trim, out.last == 0x20 { out.removeLast() }
    return String(decoding: out, as: UTF8.self)
}

/// Whole-input byte scans, eight bytes at a time (they run over every byte of a page before parsing).
enum ByteScan {
    /// The high bit of each byte of `word` that equals the byte repeated in `pattern` (exact, no carries across bytes).
    @inline(__always)
    static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low) &+ low) | x | low)
    }

    /// How many bytes of `bytes` equal `target`.
    static func count(_ target: UInt8, in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { raw in
            let n = raw.count
            let pattern = UInt64(target) &* 0x0101_0101_0101_0101
            var total = 0
            var i = 0
            while i + 8 <= n {
                // One flag bit per matching byte (bit 7); shifted to bit 0 and summed into the top byte.
                total += Int(((matches(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), pattern) >> 7)
                              &* 0x0101_0101_0101_0101) >> 56)
                i += 8
            }
            while i < n {
                if raw[i] == target { total += 1 }
                i += 1
            }
            return total
        }
    }

    /// Whether some byte of `bytes` equals `target`.
    static func contains(_ target: UInt8, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            let n = raw.count
            let pattern = UInt64(target) &* 0x0101_0101_0101_0101
            var i = 0
            while i + 8 <= n {
                if matches(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), pattern) != 0 { return true }
                i += 8
            }
            while i < n {
                if raw[i] == target { return true }
                i += 1
            }
            return false
        }
    }
}
