// swift-meeting-notes · PlainTextImport

import Foundation
import MeetingModel
import MeetingRecognizers

/// Turns the text of a cell or paragraph into rich text: HTML fragments (`<ul>`, `<li>`, `<b>`, `&amp;`)
/// become nested lists and emphasis, inline " • " runs become list items, runs of 2+ spaces separate
/// paragraphs. Also yields the text fragments (one per paragraph or list item, nested items after
/// their parent) that the action-item recogniser reads.
enum CellText {
    struct Result {
        var rich: RichText
        /// Plain text of each paragraph / list item, in document order (nested items after their parent).
        var fragments: [String]
    }

    /// A tag ("<ul", "</li", "<b>", "<br") or an entity ("&amp;", "&#39;") somewhere in `s` (one UTF-8 pass).
    static func looksLikeHTML(_ s: String) -> Bool {
        var copy = s
        return copy.withUTF8(looksLikeHTML)
    }

    /// ``looksLikeHTML(_:)`` over UTF-8 bytes.
    static func looksLikeHTML(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        // Each "<" and each "&" is judged on its own, so all "<" can be tried first, then all "&", each found eight
        // bytes at a time.
        var i = 0
        while let lt = ASCIIScan.firstIndex(of: 60, in: u, from: i) {
            if lt + 1 < u.count {
                let c = u[lt + 1] | 0x20
                if u[lt + 1] == 47 || (c >= 97 && c <= 122) {
                    var j = lt + 1
                    while j < u.count, j - lt < 64, u[j] != 62, u[j] != 60 { j += 1 }
                    if j < u.count, u[j] == 62 { return true }
                }
            }
            i = lt + 1
        }
        i = 0
        while let amp = ASCIIScan.firstIndex(of: 38, in: u, from: i) {
            var j = amp + 1
            while j < u.count, j - amp < 10, (u[j] | 0x20 >= 97 && u[j] | 0x20 <= 122) || u[j] == 35 || (u[j] >= 48 && u[j] <= 57) { j += 1 }
            if j < u.count, u[j] == 59, j > amp + 1 { return true }
            i = amp + 1
        }
        return false
    }

    /// The first definition of ``looksLikeHTML(_:)-(UnsafeBufferPointer<UInt8>)``, byte by byte.
    static func referenceLooksLikeHTML(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < u.count {
            let b = u[i]
            if b == 60, i + 1 < u.count {   // "<"
                let c = u[i + 1] | 0x20
                if u[i + 1] == 47 || (c >= 97 && c <= 122) {
                    var j = i + 1
                    while j < u.count, j - i < 64, u[j] != 62, u[j] != 60 { j += 1 }
                    if j < u.count, u[j] == 62 { return true }
                }
            } else if b == 38 {             // "&"
                var j = i + 1
                while j < u.count, j - i < 10, (u[j] | 0x20 >= 97 && u[j] | 0x20 <= 122) || u[j] == 35 || (u[j] >= 48 && u[j] <= 57) { j += 1 }
                if j < u.count, u[j] == 59, j > i + 1 { return true }
            }
            i += 1
        }
        return false
    }

    static func convert(_ text: String) -> Result {
        let t = text.trimmed
        if t.isEmpty { return Result(rich: RichText(), fragments: []) }
        if looksLikeHTML(t) { return HTMLFragment.parse(t) }
        return plain(t)
    }

    /// Plain cell text: paragraphs on 2+ spaces, "•" runs as list items.
    static func plain(_ t: String) -> Result {
        var copy = t
        if let r = copy.withUTF8(plainUTF8) { return r }
        return referencePlain(t)
    }

    /// ``plain(_:)`` read from the cell's UTF-8 bytes in one pass: the bullets that split, then for each piece its
    /// collapsed text (a list item) or its paragraphs, each `String` made once from the bytes (no `String` per piece
    /// first). `nil` when a bullet has a neighbour that is not plain ASCII, or a piece is white space that only
    /// the `Character`s can judge: then ``referencePlain(_:)`` decides.
    static func plainUTF8(_ u: UnsafeBufferPointer<UInt8>) -> Result? {
        let n = u.count
        var cuts: [Int] = []
        var hasBulletByte = false
        if ASCIIScan.firstIndex(of: 0xE2, in: u, from: 0) != nil {
            hasBulletByte = true
            guard let c = bulletCuts(u) else { return nil }
            cuts = c
        }
        var blocks: [Block] = []
        var fragments: [String] = []
        var pendingItems: [ListItem] = []
        var start = 0
        var inItem = false
        var index = 0
        while true {
            let end = index < cuts.count ? cuts[index] : n
            let piece = UnsafeBufferPointer(rebasing: u[start..<end])
            // Without a bullet byte the whole text is one piece, empty or not (as `plain` takes it); otherwise
            // pieces of white space alone are dropped (as `splitBullets` drops them).
            var keep = true
            if hasBulletByte {
                switch Self.isBlank(piece) {
                case true?: keep = false
                case false?: keep = true
                case nil:
                    keep = !String(decoding: piece, as: UTF8.self).trimmedSub.isEmpty
                }
            }
            if keep {
                if inItem {
                    let c = collapsedWhiteSpace(bytes: piece)
                    if !c.isEmpty {
                        pendingItems.append(ListItem(inlines(c)))
                        fragments.append(c)
                    }
                } else {
                    if !pendingItems.isEmpty { blocks.append(.list(ListBlock(items: pendingItems))); pendingItems = [] }
                    for para in paragraphs(bytes: piece) {
                        blocks.append(.paragraph(inlines(para)))
                        fragments.append(para)
                    }
                }
            }
            guard index < cuts.count else { break }
            inItem = true
            start = Swift.min(n, end + 3)
            index += 1
        }
        if !pendingItems.isEmpty { blocks.append(.list(ListBlock(items: pendingItems))) }
        return Result(rich: RichText(blocks), fragments: fragments)
    }

    /// Whether the bytes are white space alone, as `trimmedSub.isEmpty` says: `false` when an ASCII byte is not
    /// white space (it starts a `Character` that is not white space, or belongs to one that starts with a Prepend
    /// scalar), `true` when every byte is ASCII white space, `nil` (the `Character`s decide) otherwise.
    static func isBlank(_ u: UnsafeBufferPointer<UInt8>) -> Bool? {
        var ascii = true
        for b in u {
            if b >= 0x80 { ascii = false; continue }
            if b != 32 && !(b >= 9 && b <= 13) { return false }
        }
        return ascii ? true : nil
    }

    /// ``paragraphs(_:)-(String)`` of the bytes of a text.
    static func paragraphs(bytes u: UnsafeBufferPointer<UInt8>) -> [String] {
        var previous: UInt8 = 0
        for b in u {
            if b == 9 || b == 10 || b == 13 || b == 0xC2 || (b == 32 && previous == 32) { return paragraphs(u) }
            previous = b
        }
        if u.isEmpty { return [] }
        // `trimmed` over bytes when both cuts stand next to ASCII (as `trimmedSub` decides then).
        var lo = 0, hi = u.count
        while lo < hi, u[lo] == 32 || (u[lo] >= 9 && u[lo] <= 13) { lo += 1 }
        while hi > lo, u[hi - 1] == 32 || (u[hi - 1] >= 9 && u[hi - 1] <= 13) { hi -= 1 }
        if lo == hi || (u[lo] < 0x80 && u[hi - 1] < 0x80) {
            return [String(decoding: UnsafeBufferPointer(rebasing: u[lo..<hi]), as: UTF8.self)]
        }
        return [String(decoding: u, as: UTF8.self).trimmed]
    }

    /// The first definition of ``plain(_:)``: bullets split into `String` pieces, then each piece collapsed or
    /// split into paragraphs.
    static func referencePlain(_ t: String) -> Result {
        var blocks: [Block] = []
        var fragments: [String] = []
        var pendingItems: [ListItem] = []
        func flushList() {
            if !pendingItems.isEmpty { blocks.append(.list(ListBlock(items: pendingItems))); pendingItems = [] }
        }
        // Fast paths: bullets need a U+25xx/U+2022 glyph (lead byte 0xE2), paragraphs a double space.
        let bulletSplit = t.hasByte(0xE2) ? splitBullets(t) : [(false, t)]
        for (isItem, piece) in bulletSplit {
            if isItem {
                let c = piece.collapsed
                guard !c.isEmpty else { continue }
                pendingItems.append(ListItem(inlines(c)))
                fragments.append(c)
            } else {
                flushList()
                for para in paragraphs(piece) {
                    blocks.append(.paragraph(inlines(para)))
                    fragments.append(para)
                }
            }
        }
        flushList()
        return Result(rich: RichText(blocks), fragments: fragments)
    }

    /// Splits on "•" / "◦" / "○" bullets standing alone between spaces; returns (isListItem, text) pieces.
    static func splitBullets(_ t: String) -> [(Bool, String)] {
        // Every bullet (•, ◦, ○, ▪) starts with the byte E2: without it the cell is one paragraph.
        if !t.utf8.contains(0xE2) { return t.trimmedSub.isEmpty ? [] : [(false, t)] }
        if let split = splitBulletsUTF8(t) { return split }
        return referenceSplitBullets(t)
    }

    /// `splitBullets` on UTF-8 bytes; `nil` (use the Character path) when a bullet has a neighbour that is
    /// not plain ASCII, where grapheme clusters could make the Character path decide otherwise.
    static func splitBulletsUTF8(_ t: String) -> [(Bool, String)]? {
        var copy = t
        return copy.withUTF8 { u in splitBulletsUTF8(t, u) }
    }

    /// ``splitBulletsUTF8(_:)`` over the UTF-8 bytes `u` of `t`; `t` itself when no bullet splits.
    static func splitBulletsUTF8(_ t: String, _ u: UnsafeBufferPointer<UInt8>) -> [(Bool, String)]? {
        guard let cuts = bulletCuts(u) else { return nil }
        let n = u.count
        if cuts.isEmpty { return t.trimmedSub.isEmpty ? [] : [(false, t)] }
        var out: [(Bool, String)] = []
        var start = 0
        var inItem = false
        for c in cuts + [n] {
            let piece = String(decoding: UnsafeBufferPointer(rebasing: u[start..<c]), as: UTF8.self)
            if !piece.trimmedSub.isEmpty { out.append((inItem, piece)) }
            inItem = true
            start = min(n, c + 3)
        }
        return out
    }

    /// The byte offsets of the bullets that split `u` (see ``splitBulletsUTF8(_:_:)``); `nil` when a bullet has a
    /// neighbour that is not plain ASCII.
    static func bulletCuts(_ u: UnsafeBufferPointer<UInt8>) -> [Int]? {
        let n = u.count
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 32 || (b >= 9 && b <= 13) }
        var cuts: [Int] = []   // byte offsets of the bullets that split
        var i = 0
        while i + 2 < n {
            // Every bullet starts with E2: the next one is found eight bytes at a time.
            guard let e2 = ASCIIScan.firstIndex(of: 0xE2, in: u, from: i), e2 + 2 < n else { break }
            i = e2
            let b1 = u[i + 1], b2 = u[i + 2]
            let bullet = (b1 == 0x80 && b2 == 0xA2) || (b1 == 0x97 && (b2 == 0xA6 || b2 == 0x8B)) || (b1 == 0x96 && b2 == 0xAA)
            guard bullet else { i += 1; continue }
            // The character before: the start of the text counts as white space (the Character path starts with " ").
            let beforeSpace: Bool
            if i == 0 {
                beforeSpace = true
            } else {
                guard u[i - 1] < 0x80, i < 2 || u[i - 2] < 0x80 else { return nil }
                beforeSpace = isSpace(u[i - 1])
            }
            // The character after: the end of the text counts as white space (the Character path appends " ").
            let j = i + 3
            let afterSpace: Bool
            if j == n {
                afterSpace = true
            } else {
                guard u[j] < 0x80, j + 1 >= n || u[j + 1] < 0x80 else { return nil }
                afterSpace = isSpace(u[j])
            }
            if beforeSpace && afterSpace { cuts.append(i) }
            i = j
        }
        return cuts
    }

    /// The Character-by-Character definition of ``splitBullets(_:)``.
    static func referenceSplitBullets(_ t: String) -> [(Bool, String)] {
        var out: [(Bool, String)] = []
        let u = Array(t.utf8)
        var inItem = false
        var segment = 0
        func flush(_ end: Int) {
            let piece = String(decoding: u[segment..<end], as: UTF8.self)
            if !piece.trimmed.isEmpty { out.append((inItem, piece)) }
        }
        var i = 0
        while i + 2 < u.count {
            // U+2022 •, U+25E6 ◦, U+25CB ○, U+25AA ▪.
            if u[i] == 0xE2, (u[i + 1] == 0x80 && u[i + 2] == 0xA2) || (u[i + 1] == 0x97 && (u[i + 2] == 0xA6 || u[i + 2] == 0x8B))
                || (u[i + 1] == 0x96 && u[i + 2] == 0xAA),
               i == 0 || whiteSpace(before: i, u), i + 3 == u.count || whiteSpace(at: i + 3, u) {
                flush(i)
                segment = i + 3
                inItem = true
                i += 3
                continue
            }
            i += 1
        }
        flush(u.count)
        return out
    }

    /// Whether the scalar starting at byte `i` is white space.
    static func whiteSpace(at i: Int, _ u: [UInt8]) -> Bool {
        let b = u[i]
        if b < 0x80 { return b == 32 || (b >= 9 && b <= 13) }
        return whiteSpaceScalar(u, i).0
    }

    /// Whether the scalar ending just before byte `i` is white space.
    static func whiteSpace(before i: Int, _ u: [UInt8]) -> Bool {
        var k = i - 1
        while k > 0, u[k] & 0xC0 == 0x80 { k -= 1 }
        return whiteSpace(at: k, u)
    }

    /// Paragraphs separated by runs of two or more spaces.
    static func paragraphs(_ t: String) -> [String] {
        var copy = t
        return copy.withUTF8 { u in
            var previous: UInt8 = 0
            for b in u {
                if b == 9 || b == 10 || b == 13 || b == 0xC2 || (b == 32 && previous == 32) { return paragraphs(u) }
                previous = b
            }
            return t.isEmpty ? [] : [t.trimmed]
        }
    }

    /// ``paragraphs(_:)`` over UTF-8 bytes that hold a tab, a line break, a double space or a U+00A0 lead byte.
    static func paragraphs(_ u: UnsafeBufferPointer<UInt8>) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(u.count)
        var spaces = 0
        var i = 0
        while i < u.count {
            let b = u[i]
            // " ", "\t" and U+00A0 count as spaces.
            if b == 32 || b == 9 { spaces += 1; i += 1; continue }
            if b == 0xC2, i + 1 < u.count, u[i + 1] == 0xA0 { spaces += 1; i += 2; continue }
            if spaces >= 2 && !current.isEmpty {
                out.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true)
            } else if spaces >= 1 && !current.isEmpty { current.append(32) }
            spaces = 0
            // The run up to the next space-like byte is copied at once.
            var j = i + 1
            while j < u.count, u[j] != 32, u[j] != 9, u[j] != 0xC2 { j += 1 }
            current.append(contentsOf: UnsafeBufferPointer(rebasing: u[i..<j]))
            i = j
        }
        if !current.isEmpty { out.append(String(decoding: current, as: UTF8.self)) }
        return out
    }

    /// Inline content of plain text: markdown "**strong**" becomes emphasis.
    static func inlines(_ text: String) -> [Inline] {
        guard text.hasByte(42), text.contains("**") else { return [.text(text)] }
        var out: [Inline] = []
        var parts = text.components(separatedBy: "**")
        if parts.count % 2 == 0 { let last = parts.removeLast(); parts[parts.count - 1] += "**" + last }
        for (i, p) in parts.enumerated() where !p.isEmpty {
            out.append(i % 2 == 1 ? .emphasis(strong: true, [.text(p)]) : .text(p))
        }
        return out
    }
}

/// A forgiving parser for the HTML fragments pasted into cells: lists, emphasis, line breaks, entities.
/// Unknown tags are dropped (their text kept); unbalanced tags are closed or ignored.
enum HTMLFragment {
    /// The elements the fragment reader keeps; every other tag is dropped (its text kept).
    enum Kind { case root, ul, ol, li, b, i, p }

    final class Node {
        var kind: Kind
        var children: [Child] = []
        init(_ kind: Kind) { self.kind = kind }
    }
    enum Child { case text(String), node(Node), lineBreak }

    /// What a tag does: open or close an element, break a line, or nothing (unknown tags are dropped).
    enum TagAction: Equatable { case open(Kind), close(Kind), lineBreak, ignore }

    /// The action of a tag name (lower-cased letters and digits, as ``tagName(_:)`` gives it), `nil` when empty.
    static func action(closing: Bool, name: some Collection<UInt8>) -> TagAction? {
        let kind: Kind
        switch name.count {
        case 0: return nil
        case 1:
            switch name.first {
            case 98: kind = .b      // b
            case 105: kind = .i     // i
            case 112: kind = .p     // p
            default: return .ignore
            }
        case 2:
            let a = name.first ?? 0, z = name.dropFirst().first ?? 0
            switch (a, z) {
            case (117, 108): kind = .ul                          // ul
            case (111, 108): kind = .ol                          // ol
            case (108, 105): kind = .li                          // li
            case (101, 109): kind = .i                           // em
            case (98, 114): return closing ? .ignore : .lineBreak   // br
            default: return .ignore
            }
        case 3:
            guard name.elementsEqual([100, 105, 118]) else { return .ignore }   // div
            kind = .p
        case 6:
            guard name.elementsEqual([115, 116, 114, 111, 110, 103]) else { return .ignore }   // strong
            kind = .b
        default: return .ignore
        }
        return closing ? .close(kind) : .open(kind)
    }

    /// The tag whose "<" is `u[i]`: the index of its ">" and what the tag does (nil for a tag that is not
    /// markup, such as "< 3 >"); nil when no ">" follows within 200 bytes before another "<" (then "<" is text).
    /// Shared by the fragment reader and its reference, ``referenceParse(_:)``.
    static func tag(in u: UnsafeBufferPointer<UInt8>, at i: Int) -> (close: Int, action: TagAction?)? {
        let end = u.count
        var j = i + 1
        var n = 0
        while j < end, u[j] != 62, u[j] != 60, n < 200 { j += 1; n += 1 }
        guard j < end, u[j] == 62 else { return nil }
        if let (closing, name) = asciiTag(UnsafeBufferPointer(rebasing: u[(i + 1)..<j])) {
            return (j, action(closing: closing, name: name))
        }
        let inner = String(decoding: UnsafeBufferPointer(rebasing: u[(i + 1)..<j]), as: UTF8.self)
        let (closing, name) = tagName(inner[...])
        return (j, action(closing: closing, name: Array(name.utf8)))
    }

    /// Whether the tag between "<" and ">" (bytes `inner`) closes, and its name lower-cased, read from the bytes
    /// when they are all ASCII (as ``tagName(_:)`` reads them then); `nil` otherwise.
    static func asciiTag(_ inner: UnsafeBufferPointer<UInt8>) -> (closing: Bool, name: ArraySlice<UInt8>)? {
        var lo = 0, hi = inner.count
        for b in inner where b >= 0x80 { return nil }
        while lo < hi, inner[lo] == 32 || (inner[lo] >= 9 && inner[lo] <= 13) { lo += 1 }
        while hi > lo, inner[hi - 1] == 32 || (inner[hi - 1] >= 9 && inner[hi - 1] <= 13) { hi -= 1 }
        let closing = lo < hi && inner[lo] == 47
        if closing { lo += 1 }
        var name: [UInt8] = []
        while lo < hi {
            let b = inner[lo]
            if (b >= 48 && b <= 57) || (b >= 97 && b <= 122) { name.append(b) } else if b >= 65 && b <= 90 { name.append(b | 0x20) } else { break }
            lo += 1
        }
        return (closing, name[...])
    }

    /// The first reader: builds a tree of ``Node``s, then folds it into blocks with ``blocksOf(_:fragments:)``.
    /// ``parse(_:)`` gives the same result in one pass without the tree; the tests compare the two.
    static func referenceParse(_ s: String) -> CellText.Result {
        let root = Node(.root)
        var stack: [Node] = [root]
        var text: [UInt8] = []
        func flushText() {
            if !text.isEmpty {
                stack[stack.count - 1].children.append(.text(decodeEntities(String(decoding: text, as: UTF8.self))))
                text.removeAll(keepingCapacity: true)
            }
        }
        func open(_ kind: Kind) {
            flushText()
            // Deeper nesting than any page needs is flattened (keeps recursion bounded).
            guard stack.count < 24 else { return }
            let n = Node(kind)
            // An <li> outside a list opens an implicit one; a new <li> closes an open <li> at the same level.
            if kind == .li {
                if let top = stack.last, top.kind == .li { stack.removeLast() }
                if let top = stack.last, top.kind != .ul && top.kind != .ol {
                    let implicit = Node(.ul)
                    stack[stack.count - 1].children.append(.node(implicit))
                    stack.append(implicit)
                }
            }
            if kind == .ul || kind == .ol || kind == .p {
                // Lists cannot live inside inline emphasis.
                while let top = stack.last, top.kind == .b || top.kind == .i { stack.removeLast() }
            }
            stack[stack.count - 1].children.append(.node(n))
            stack.append(n)
        }
        func close(_ kind: Kind) {
            flushText()
            guard let i = stack.lastIndex(where: { $0.kind == kind }), i > 0 else { return }
            stack.removeSubrange(i...)
        }
        // One pass over the UTF-8 bytes: text between tags is copied as runs of bytes (tags start and end at
        // ASCII "<" and ">", so every run is whole scalars).
        var copy = s
        copy.withUTF8 { u in
            let end = u.count
            var i = 0
            var runStart = 0
            while i < end {
                if u[i] == 60 {   // "<"
                    if let (j, action) = Self.tag(in: u, at: i) {
                        text.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i]))
                        switch action {
                        case .open(let kind)?: open(kind)
                        case .close(let kind)?: close(kind)
                        case .lineBreak?: flushText(); stack[stack.count - 1].children.append(.lineBreak)
                        case .ignore?: break
                        case nil: text.append(contentsOf: UnsafeBufferPointer(rebasing: u[i...j]))   // "< 3" and the like stay text
                        }
                        i = j + 1
                        runStart = i
                        continue
                    }
                }
                i += 1
            }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<end]))
        }
        flushText()
        var fragments: [String] = []
        let blocks = blocksOf(root.children, fragments: &fragments)
        return CellText.Result(rich: RichText(blocks), fragments: fragments)
    }

    /// Whether a tag is a closing one, and its name lower-cased ("ul" of " /UL class=x"): white space trimmed,
    /// then letters and digits. ASCII tags are read from the bytes.
    static func tagName(_ inner: Substring) -> (closing: Bool, name: String) {
        let t = inner.trimmedSub
        let u = t.utf8
        if !u.contains(where: { $0 >= 0x80 }) {
            var bytes = u.drop { _ in false }[...]
            let closing = bytes.first == 47
            if closing { bytes = bytes.dropFirst() }
            var name: [UInt8] = []
            for b in bytes {
                if (b >= 48 && b <= 57) || (b >= 97 && b <= 122) { name.append(b) }
                else if b >= 65 && b <= 90 { name.append(b | 0x20) }
                else { break }
            }
            return (closing, String(decoding: name, as: UTF8.self))
        }
        let raw = t.lowercased()
        let closing = raw.hasPrefix("/")
        return (closing, String((closing ? raw.dropFirst() : raw[...]).prefix { $0.isLetter || $0.isNumber }))
    }

    static func blocksOf(_ children: [Child], fragments: inout [String]) -> [Block] {
        var blocks: [Block] = []
        var inl: [Inline] = []
        func flushInline() {
            let trimmedInl = trim(inl)
            if !trimmedInl.isEmpty {
                // Inline " • " runs and 2+ space runs in loose text become list items / paragraphs.
                let plain = Inline.plainText(trimmedInl)
                if trimmedInl.allSatisfy({ if case .text = $0 { return true }; return false }) {
                    let r = CellText.plain(plain)
                    blocks += r.rich.blocks
                    fragments += r.fragments
                } else {
                    blocks.append(.paragraph(trimmedInl))
                    fragments.append(plain.collapsed)
                }
            }
            inl = []
        }
        for ch in children {
            switch ch {
            case .text(let t): inl.append(.text(t))
            case .lineBreak: inl.append(.lineBreak)
            case .node(let n):
                switch n.kind {
                case .ul, .ol:
                    flushInline()
                    var items: [ListItem] = []
                    var loose: [Child] = []
                    func flushLoose() {
                        if loose.contains(where: { if case .text(let t) = $0 { return !t.trimmedSub.isEmpty }; return true }) {
                            var f: [String] = []
                            let b = blocksOf(loose, fragments: &f)
                            fragments += f
                            if !b.isEmpty { items.append(ListItem(blocks: b)) }
                        }
                        loose = []
                    }
                    for c in n.children {
                        if case .node(let li) = c, li.kind == .li {
                            flushLoose()
                            var f: [String] = []
                            let b = blocksOf(li.children, fragments: &f)
                            fragments += f
                            if !b.isEmpty { items.append(ListItem(blocks: b)) }
                        } else {
                            loose.append(c)
                        }
                    }
                    flushLoose()
                    if !items.isEmpty { blocks.append(.list(ListBlock(ordered: n.kind == .ol, items: items))) }
                case .p, .li:
                    flushInline()
                    var f: [String] = []
                    blocks += blocksOf(n.children, fragments: &f)
                    fragments += f
                default:
                    let inner = inlinesOf(n.children)
                    if !inner.isEmpty { inl.append(.emphasis(strong: n.kind == .b, inner)) }
                }
            }
        }
        flushInline()
        return blocks
    }

    static func inlinesOf(_ children: [Child]) -> [Inline] {
        var out: [Inline] = []
        for c in children {
            switch c {
            case .text(let t): out.append(.text(t))
            case .lineBreak: out.append(.lineBreak)
            case .node(let n):
                let inner = inlinesOf(n.children)
                if n.kind == .b || n.kind == .i { if !inner.isEmpty { out.append(.emphasis(strong: n.kind == .b, inner)) } } else { out += inner }
            }
        }
        return out
    }

    /// Collapses white space in text inlines and trims the ends.
    static func trim(_ inl: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for i in inl {
            if case .text(let t) = i {
                var s = t.replacingOccurrencesOfWhitespaceRuns()
                if out.isEmpty, s.utf8.first == 32 { s = String(s.drop { $0 == " " }) }
                if s.isEmpty { continue }
                if case .text(let prev)? = out.last { out[out.count - 1] = .text(prev + s) } else { out.append(.text(s)) }
            } else {
                out.append(i)
            }
        }
        while case .text(let t)? = out.last {
            var sub = Substring(t)
            while sub.utf8.last == 32 { sub = sub.dropLast() }
            if sub.isEmpty { out.removeLast() } else { out[out.count - 1] = .text(String(sub)); break }
        }
        while case .lineBreak? = out.last { out.removeLast() }
        return out
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.hasByte(38) else { return s }
        var copy = s
        return copy.withUTF8 { u in
            var out: [UInt8] = []
            out.reserveCapacity(u.count)
            var i = 0
            while i < u.count {
                // Text up to the next "&" is copied at once.
                let amp = ASCIIScan.firstIndex(of: 38, in: u, from: i) ?? u.count
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[i..<amp]))
                i = amp
                guard i < u.count else { break }
                // An entity name is ASCII: look for ";" within the next 12 bytes.
                if let semi = u[i..<min(u.count, i + 12)].firstIndex(of: 59), let rep = entity(UnsafeBufferPointer(rebasing: u[(i + 1)..<semi])) {
                    out += rep.utf8
                    i = semi + 1
                    continue
                }
                out.append(u[i])
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The text an entity name ("amp", "#39", "#x2014") stands for, `nil` for an unknown one.
    static func entity(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let name = String(decoding: bytes, as: UTF8.self)
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return " "
        case "ndash": return "–"
        case "mdash": return "—"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { return String(Character(u)) }
            if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) { return String(Character(u)) }
            return nil
        }
    }

    /// The first definition of ``decodeEntities(_:)``, byte by byte over an `Array` copy.
    static func referenceDecodeEntities(_ s: String) -> String {
        guard s.hasByte(38) else { return s }
        let u = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            // An entity name is ASCII: look for ";" within the next 12 bytes.
            if u[i] == 38, let semi = u[i..<min(u.count, i + 12)].firstIndex(of: 59) {
                let name = String(decoding: u[(i + 1)..<semi], as: UTF8.self)
                var rep: String? = nil
                switch name {
                case "amp": rep = "&"; case "lt": rep = "<"; case "gt": rep = ">"; case "quot": rep = "\""
                case "apos", "#39": rep = "'"; case "nbsp": rep = " "; case "ndash": rep = "–"; case "mdash": rep = "—"
                default:
                    if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { rep = String(Character(u)) }
                    else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) { rep = String(Character(u)) }
                }
                if let rep { out += rep.utf8; i = semi + 1; continue }
            }
            out.append(u[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// Every run of white space replaced by one space (ends kept).
    func replacingOccurrencesOfWhitespaceRuns() -> String {
        var copy = self
        return copy.withUTF8 { u in
            // Nothing to replace without a tab/newline, a double space or a non-ASCII white-space scalar
            // (other non-ASCII bytes are copied unchanged below): the text itself.
            var needed = false
            var k = 0
            while k < u.count {
                let b = u[k]
                if (b >= 9 && b <= 13) || (b == 32 && k > 0 && u[k - 1] == 32)
                    || ((b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3) && whiteSpaceScalar(u, k).0) { needed = true; break }
                k += 1
            }
            return needed ? Self.collapsingWhitespaceRuns(u) : self
        }
    }

    /// The loop of ``replacingOccurrencesOfWhitespaceRuns()`` over UTF-8 bytes: the shared collapsing loop, keeping
    /// a run at either end as one space.
    static func collapsingWhitespaceRuns(_ u: UnsafeBufferPointer<UInt8>) -> String {
        collapsingWhiteSpace(u, keepingEnds: true)
    }

    /// The first definition of ``collapsingWhitespaceRuns(_:)``, scalar by scalar.
    static func referenceCollapsingWhitespaceRuns(_ u: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var space = false
        var i = 0
        while i < u.count {
            let b = u[i]
            var len = 1
            var isSpace: Bool
            if b < 0x80 { isSpace = b == 32 || (b >= 9 && b <= 13) } else { (isSpace, len) = whiteSpaceScalar(u, i) }
            if isSpace {
                if !space { out.append(32) }
                space = true
                i += len
            } else {
                let e = Swift.min(u.count, i + len)
                out += u[i..<e]
                space = false
                i = e
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
