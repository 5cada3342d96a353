// swift-meeting-notes · PlainTextImport

import MeetingModel
import MeetingRecognizers

extension HTMLFragment {
    /// What a run of block content has made so far: the state of one ``blocksOf(_:fragments:)`` call (its blocks,
    /// its fragments, and the inlines not yet flushed into a paragraph).
    struct BlockRun {
        var blocks: [Block] = []
        var fragments: [String] = []
        var inl: [Inline] = []

        /// `flushInline` of ``blocksOf(_:fragments:)``: the pending inlines, trimmed, become a paragraph (text alone
        /// goes through ``CellText/plain(_:)`` for bullets and paragraph breaks).
        mutating func flushInline() {
            guard !inl.isEmpty else { return }
            // One text that is one paragraph as it stands (the usual list item): no trimmed copy, no `plain` pass.
            if inl.count == 1, case .text(let t) = inl[0], let simple = HTMLFragment.simpleParagraph(t) {
                inl.removeAll(keepingCapacity: true)
                if let x = simple {
                    blocks.append(.paragraph([.text(x)]))
                    fragments.append(x)
                }
                return
            }
            let trimmedInl = HTMLFragment.trim(inl)
            inl.removeAll(keepingCapacity: true)
            guard !trimmedInl.isEmpty else { return }
            // Adjacent texts are merged by `trim`, so text alone is one `.text`, and its plain text is itself.
            if trimmedInl.count == 1, case .text(let plain) = trimmedInl[0] {
                let r = CellText.plain(plain)
                if blocks.isEmpty { blocks = r.rich.blocks } else { blocks += r.rich.blocks }
                if fragments.isEmpty { fragments = r.fragments } else { fragments += r.fragments }
                return
            }
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

        /// The blocks and fragments of the whole run (pending inlines flushed).
        mutating func finish() -> (blocks: [Block], fragments: [String]) {
            flushInline()
            return (blocks, fragments)
        }

        /// A child run's blocks (a `<p>` or `<li>` read as blocks) after the pending inlines.
        mutating func append(_ child: (blocks: [Block], fragments: [String])) {
            flushInline()
            blocks += child.blocks
            fragments += child.fragments
        }
    }

    /// What ``trim(_:)`` and then ``CellText/plain(_:)`` make of the single text `t` when that is at most one
    /// paragraph of plain text: `.some(nil)` for nothing (only spaces), `.some(x)` for one paragraph `x` (also its
    /// one fragment); `nil` when `t` holds anything those could change beyond a space at either end (white space
    /// other than single spaces, "*", a bullet glyph, a non-ASCII character at either end), and the full path decides.
    static func simpleParagraph(_ t: String) -> String?? {
        var copy = t
        return copy.withUTF8 { u -> String?? in
            let n = u.count
            var k = 0
            while k < n {
                let b = u[k]
                if b < 0x80 {
                    // Tabs and line breaks, double spaces and "*" (emphasis) need the full path.
                    if (b >= 9 && b <= 13) || b == 42 || (b == 32 && k + 1 < n && u[k + 1] == 32) { return nil }
                } else if b == 0xC2 || b == 0xE1 || b == 0xE3 {
                    return nil                      // lead bytes of U+0085, U+00A0, U+1680, U+3000
                } else if b == 0xE2 {
                    guard k + 2 < n else { return nil }
                    let b1 = u[k + 1], b2 = u[k + 2]
                    // White space U+2000–U+200A, U+2028, U+2029, U+202F, U+205F; bullets •, ◦, ○, ▪.
                    if b1 == 0x80 && (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF || b2 == 0xA2) { return nil }
                    if (b1 == 0x81 && b2 == 0x9F) || (b1 == 0x97 && (b2 == 0xA6 || b2 == 0x8B)) || (b1 == 0x96 && b2 == 0xAA) { return nil }
                    k += 3
                    continue
                }
                k += 1
            }
            var lo = 0, hi = n
            if lo < hi, u[lo] == 32 { lo += 1 }
            if hi > lo, u[hi - 1] == 32 { hi -= 1 }
            if lo == hi { return .some(nil) }
            // The ends must be ASCII (then the spaces cut are Characters of their own and nothing else trims).
            guard u[lo] < 0x80, u[hi - 1] < 0x80 else { return nil }
            if lo == 0 && hi == n { return .some(t) }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: u[lo..<hi]), as: UTF8.self))
        }
    }

    /// One open element while reading: the element, and what its children have made so far.
    struct Frame {
        var kind: Kind
        /// Inside `<b>`/`<i>`: children become inlines (``inlinesOf(_:)``), kept in `run.inl`.
        var inline: Bool
        /// Block content: the element's own children (root, `<p>`, `<li>`), or a list's loose children since its last `<li>`.
        var run = BlockRun()
        /// A list's items and their fragments (loose runs flushed in order with the items).
        var items: [ListItem] = []
        var listFragments: [String] = []
        /// Whether a list's loose children hold something: text that is not white space, a line break or an element.
        var looseContent = false

        init(_ kind: Kind, inline: Bool) {
            self.kind = kind
            self.inline = inline
        }

        var isList: Bool { !inline && (kind == .ul || kind == .ol) }

        /// `flushLoose` of ``blocksOf(_:fragments:)``: loose children with content become an item of their own.
        mutating func flushLoose() {
            if looseContent {
                let (b, f) = run.finish()
                listFragments += f
                if !b.isEmpty { items.append(ListItem(blocks: b)) }
            }
            run = BlockRun()
            looseContent = false
        }

        mutating func addText(_ t: String) {
            if isList, !looseContent, !t.trimmedSub.isEmpty { looseContent = true }
            run.inl.append(.text(t))
        }

        mutating func addLineBreak() {
            if isList { looseContent = true }
            run.inl.append(.lineBreak)
        }

        /// Takes in a child element that was closed.
        mutating func add(_ child: inout Frame) {
            if inline {
                // ``inlinesOf(_:)``: emphasis keeps its own inlines; other elements give theirs in place.
                let inner = child.run.inl
                if child.kind == .b || child.kind == .i {
                    if !inner.isEmpty { run.inl.append(.emphasis(strong: child.kind == .b, inner)) }
                } else {
                    run.inl += inner
                }
                return
            }
            if isList {
                if child.kind == .li {
                    flushLoose()
                    // The usual item, one text that is one paragraph as it stands: what `finish()` and
                    // `ListItem(blocks:)` would make (an item of that one text), without the block array and the
                    // fragment array made for it.
                    if child.run.blocks.isEmpty, child.run.fragments.isEmpty, child.run.inl.count == 1, case .text(let t) = child.run.inl[0],
                       let simple = HTMLFragment.simpleParagraph(t) {
                        if let x = simple {
                            listFragments.append(x)
                            items.append(ListItem([.text(x)]))
                        }
                        return
                    }
                    let (b, f) = child.run.finish()
                    listFragments += f
                    if !b.isEmpty { items.append(ListItem(blocks: b)) }
                    return
                }
                looseContent = true
            }
            switch child.kind {
            case .b, .i:
                let inner = child.run.inl
                if !inner.isEmpty { run.inl.append(.emphasis(strong: child.kind == .b, inner)) }
            case .ul, .ol:
                child.flushLoose()
                run.flushInline()
                run.fragments += child.listFragments
                if !child.items.isEmpty { run.blocks.append(.list(ListBlock(ordered: child.kind == .ol, items: child.items))) }
            case .p, .li, .root:
                run.append(child.run.finish())
            }
        }
    }

    /// Reads a fragment in one pass over its UTF-8 bytes, building blocks as elements close: the same result as
    /// ``referenceParse(_:)`` (a ``Node`` tree folded by ``blocksOf(_:fragments:)``) without the tree.
    static func parse(_ s: String) -> CellText.Result {
        var stack: [Frame] = [Frame(.root, inline: false)]
        stack.reserveCapacity(8)
        var text: [UInt8] = []
        func flushText() {
            if !text.isEmpty {
                stack[stack.count - 1].addText(decodeEntities(String(decoding: text, as: UTF8.self)))
                text.removeAll(keepingCapacity: true)
            }
        }
        /// Closes the top element: its content goes to the element below.
        func pop() {
            var child = stack.removeLast()
            stack[stack.count - 1].add(&child)
        }
        func push(_ kind: Kind) {
            let inline = stack[stack.count - 1].inline || kind == .b || kind == .i
            stack.append(Frame(kind, inline: inline))
        }
        func open(_ kind: Kind) {
            flushText()
            // Deeper nesting than any page needs is flattened (keeps the stack bounded).
            guard stack.count < 24 else { return }
            // An <li> outside a list opens an implicit one; a new <li> closes an open <li> at the same level.
            if kind == .li {
                if stack[stack.count - 1].kind == .li { pop() }
                let top = stack[stack.count - 1].kind
                if top != .ul && top != .ol { push(.ul) }
            }
            if kind == .ul || kind == .ol || kind == .p {
                // Lists cannot live inside inline emphasis.
                while stack.count > 1, stack[stack.count - 1].kind == .b || stack[stack.count - 1].kind == .i { pop() }
            }
            push(kind)
        }
        func close(_ kind: Kind) {
            flushText()
            guard let i = stack.lastIndex(where: { $0.kind == kind }), i > 0 else { return }
            while stack.count > i { pop() }
        }
        var copy = s
        copy.withUTF8 { u in
            let end = u.count
            var i = 0
            var runStart = 0
            while i < end {
                // Only "<" can start a tag: the bytes before the next one are text.
                guard let lt = ASCIIScan.firstIndex(of: 60, in: u, from: i) else { break }
                i = lt
                guard let (j, action) = Self.tag(in: u, at: i) else { i += 1; continue }
                text.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i]))
                switch action {
                case .open(let kind)?: open(kind)
                case .close(let kind)?: close(kind)
                case .lineBreak?: flushText(); stack[stack.count - 1].addLineBreak()
                case .ignore?: break
                case nil: text.append(contentsOf: UnsafeBufferPointer(rebasing: u[i...j]))   // "< 3" and the like stay text
                }
                i = j + 1
                runStart = i
            }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<end]))
        }
        flushText()
        while stack.count > 1 { pop() }
        let (blocks, fragments) = stack[0].run.finish()
        return CellText.Result(rich: RichText(blocks), fragments: fragments)
    }
}
