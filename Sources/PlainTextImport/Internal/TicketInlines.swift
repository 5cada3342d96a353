// swift-meeting-notes · PlainTextImport

import MeetingModel
import MeetingRecognizers

/// Turns Jira keys in ticket context into `.ticket` inlines and drops the residue a pasted Jira macro
/// leaves in notes ("DM-22393 - Getting issue details...", a lone "STATUS" item).
enum TicketInlines {
    /// The cleaned text, and the residue removed (for a diagnostic), empty when nothing was removed.
    static func clean(_ rich: RichText, _ tickets: TicketRecognizer) -> (RichText, [String]) {
        // Most cells hold neither a key nor residue nor white space to drop: they stay as they are (no rebuilt arrays).
        var removed: [String] = []
        guard let blocks = cleanedIfChanged(rich.blocks, tickets, &removed) else { return (rich, []) }
        return (RichText(blocks), removed)
    }

    /// The plain definition of ``clean(_:_:)-(RichText,_)``: ``isClean(_:)`` first, then ``referenceClean(_:_:_:)``.
    static func referenceClean(_ rich: RichText, _ tickets: TicketRecognizer) -> (RichText, [String]) {
        if isClean(rich.blocks) { return (rich, []) }
        var removed: [String] = []
        let blocks = referenceClean(rich.blocks, tickets, &removed)
        return (RichText(blocks), removed)
    }

    /// Whether ``clean(_:_:_:)`` would give `blocks` back unchanged: no text that may hold a ticket or residue,
    /// no paragraph that is empty or starts or ends with white-space-only text, no empty list or list item.
    static func isClean(_ blocks: some Collection<Block>) -> Bool {
        for b in blocks {
            switch b {
            case .paragraph(let inl):
                if inl.isEmpty { return false }
                for (k, i) in inl.enumerated() {
                    guard case .text(let s) = i else { continue }
                    let (ticket, word) = scanText(s)
                    if ticket { return false }
                    // A text at either end must not be white space alone (without an ASCII byte other than white
                    // space the `Character`s decide).
                    if (k == 0 || k == inl.count - 1), !word, s.trimmedSub.isEmpty { return false }
                }
            case .list(let l):
                if l.items.isEmpty { return false }
                // `blocks` is built on every read (a one-text item stores its text alone): read it once.
                for item in l.items {
                    let ib = item.blocks
                    if ib.isEmpty || !isClean(ib) { return false }
                }
            default:
                continue
            }
        }
        return true
    }

    /// ``referenceClean(_:_:_:)``: the blocks that change, in one pass (``cleanedIfChanged(_:_:_:)``).
    static func clean(_ blocks: [Block], _ t: TicketRecognizer, _ removed: inout [String]) -> [Block] {
        cleanedIfChanged(blocks, t, &removed) ?? blocks
    }

    /// ``referenceClean(_:_:_:)`` of `blocks`, or `nil` when it gives them back unchanged (as ``isClean(_:)`` would
    /// say), in one pass: each paragraph is judged once (before, ``isClean(_:)`` read the whole cell, then cleaning read
    /// each list item and paragraph again); arrays are made only from the first block or item that changes, the
    /// ones before it copied as they are.
    static func cleanedIfChanged(_ blocks: [Block], _ t: TicketRecognizer, _ removed: inout [String]) -> [Block]? {
        var out: [Block] = []
        var changed = false
        for (k, b) in blocks.enumerated() {
            // `nil`: `b` stays; `.some(nil)`: it is dropped; `.some(x)`: `x` replaces it.
            var replacement: Block?? = nil
            switch b {
            case .paragraph(let inl):
                if !isClean(CollectionOfOne(b)) {
                    let n = cleanInlines(inl, t, &removed)
                    replacement = .some(n.isEmpty ? nil : .paragraph(n))
                }
            case .list(var l):
                var items: [ListItem] = []
                var itemsChanged = false
                for (j, item) in l.items.enumerated() {
                    // An empty item cleans to nothing and is dropped; a clean one stays as it is.
                    // `blocks` is built on every read (a one-text item stores its text alone): read it once.
                    let ib = item.blocks
                    let cleaned: [Block]? = ib.isEmpty ? [] : cleanedIfChanged(ib, t, &removed)
                    if let cleaned {
                        if !itemsChanged {
                            itemsChanged = true
                            items.reserveCapacity(l.items.count)
                            items.append(contentsOf: l.items[..<j])
                        }
                        if !cleaned.isEmpty {
                            var it = item
                            it.blocks = cleaned
                            items.append(it)
                        }
                    } else if itemsChanged {
                        items.append(item)
                    }
                }
                if l.items.isEmpty {
                    replacement = .some(nil)
                } else if itemsChanged {
                    l.items = items
                    replacement = .some(items.isEmpty ? nil : .list(l))
                }
            default:
                break
            }
            if let r = replacement {
                if !changed {
                    changed = true
                    out.reserveCapacity(blocks.count)
                    out.append(contentsOf: blocks[..<k])
                }
                if let x = r { out.append(x) }
            } else if changed {
                out.append(b)
            }
        }
        return changed ? out : nil
    }

    /// The plain definition of ``clean(_:_:_:)-(_,_,_)``: every list item cleaned and rebuilt.
    static func referenceClean(_ blocks: [Block], _ t: TicketRecognizer, _ removed: inout [String]) -> [Block] {
        var out: [Block] = []
        out.reserveCapacity(blocks.count)
        for b in blocks {
            switch b {
            case .paragraph(let inl):
                if isClean(CollectionOfOne(b)) { out.append(b); continue }
                let n = cleanInlines(inl, t, &removed)
                if !n.isEmpty { out.append(.paragraph(n)) }
            case .list(var l):
                l.items = l.items.compactMap { item -> ListItem? in
                    var it = item
                    it.blocks = referenceClean(item.blocks, t, &removed)
                    return it.blocks.isEmpty ? nil : it
                }
                if !l.items.isEmpty { out.append(.list(l)) }
            default:
                out.append(b)
            }
        }
        return out
    }

    /// ``mayHoldTicket(_:)`` of `s`, and whether `s` holds an ASCII byte that is not white space (then it is not
    /// white space alone: such a byte starts a `Character` that is no white space, or belongs to one that starts
    /// with a Prepend scalar), in one pass.
    static func scanText(_ s: String) -> (ticket: Bool, word: Bool) {
        var copy = s
        return copy.withUTF8 { u -> (Bool, Bool) in
            if holdsTicketTrigger(u) { return (true, true) }
            // No trigger: is there an ASCII byte that is not white space (usually the first)?
            for b in u where b < 0x80 && b != 32 && !(b >= 9 && b <= 13) { return (false, true) }
            return (false, false)
        }
    }

    /// Whether `s` can hold a Jira key (an ASCII "-" followed by a digit) or macro residue ("STATUS",
    /// "Getting issue details", a "Ticket" label): without them ``TicketRecognizer`` finds nothing in it.
    static func mayHoldTicket(_ s: String) -> Bool {
        var copy = s
        return copy.withUTF8(holdsTicketTrigger)
    }

    /// ``mayHoldTicket(_:)`` on the bytes: an ASCII "-" before a digit, "STATUS", "Getting" or "icket".
    @inline(__always) static func holdsTicketTrigger(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        // Only "-", "S", "G" and "i" can start what is looked for: every other byte is passed over with one test
        // (their bits in a mask over 45 ... 105).
        let n = u.count
        let triggers: UInt64 = 1 | 1 << 26 | 1 << 38 | 1 << 60
        var i = 0
        while i < n {
            let b = u[i]
            let d = b &- 45
            if d <= 60, (triggers >> UInt64(d)) & 1 != 0, triggerStarts(u, at: i) { return true }
            i += 1
        }
        return false
    }

    /// Whether a trigger starts at `i`: an ASCII "-" before a digit, "STATUS", "Getting" or "icket".
    @inline(__always) static func triggerStarts(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let n = u.count, b = u[i]
        if b == 45, i + 1 < n, u[i + 1] &- 48 < 10 { return true }
        if b == 83, i + 6 <= n, u[i + 1] == 84, u[i + 2] == 65, u[i + 3] == 84, u[i + 4] == 85, u[i + 5] == 83 { return true }
        if b == 71, i + 7 <= n, u[i + 1] == 101, u[i + 2] == 116, u[i + 3] == 116, u[i + 4] == 105, u[i + 5] == 110,
           u[i + 6] == 103 { return true }
        if b == 105, i + 5 <= n, u[i + 1] == 99, u[i + 2] == 107, u[i + 3] == 101, u[i + 4] == 116 { return true }
        return false
    }

    /// The first definition of ``mayHoldTicket(_:)``, kept for the tests: every byte tried, no mask in front.
    static func referenceMayHoldTicket(_ s: String) -> Bool {
        var copy = s
        return copy.withUTF8 { u -> Bool in
            for i in 0..<u.count where triggerStarts(u, at: i) { return true }
            return false
        }
    }

    static func cleanInlines(_ inl: [Inline], _ t: TicketRecognizer, _ removed: inout [String]) -> [Inline] {
        var out: [Inline] = []
        for i in inl {
            guard case .text(let s) = i else { out.append(i); continue }
            // Neither a key ("-" then a digit) nor a residue word: nothing to do.
            if !mayHoldTicket(s) { out.append(i); continue }
            if TicketRecognizer.isResidue(s) {
                removed.append(s.trimmed)
                continue
            }
            let matches = t.tickets(in: s)
            if matches.isEmpty { out.append(i); continue }
            var cursor = s.startIndex
            for m in matches where m.range.lowerBound >= cursor {
                let before = s[cursor..<m.range.lowerBound]
                if !before.isEmpty { out.append(.text(String(before))) }
                out.append(.ticket(key: m.key))
                let residue = s[m.range.upperBound..<max(m.range.upperBound, m.fullRange.upperBound)]
                if !residue.trimmed.isEmpty { removed.append(residue.trimmed) }
                cursor = max(m.range.upperBound, m.fullRange.upperBound)
            }
            let rest = s[cursor...]
            if !rest.isEmpty { out.append(.text(String(rest))) }
        }
        // Drop white-space-only text at the ends.
        while case .text(let s)? = out.last, s.trimmedSub.isEmpty { out.removeLast() }
        while case .text(let s)? = out.first, s.trimmedSub.isEmpty { out.removeFirst() }
        return out
    }
}
