// swift-meeting-notes · MeetingRecognizers

import MeetingModel

/// An action item read from a sentence ("Leanne Guy — update LDM-503 … 18 Nov 2019 Ticket: DM-22089").
public struct RecognizedActionItem: Sendable, Hashable {
    /// The people who own it (matched against the participants when a matcher knew them).
    public var owners: [Person]
    /// Groups named as owners ("the DM-SST", "Architecture team").
    public var groups: [String]
    /// What is to be done: owners, due date, check mark and ticket residue removed.
    public var text: String
    /// The due date.
    public var due: CalendarDate?
    /// Done (✓, V, ☑, [x]), open (☐, [ ]) or unknown (no mark).
    public var status: ActionStatus
    /// Jira keys that belong to it.
    public var tickets: [String]
    /// The owner phrase as written ("Kian-Tat Lim & Leanne Guy").
    public var ownerText: String
    /// Where it stands in the searched string (from its check mark or owner to its end).
    public var range: Range<String.Index>?

    /// Creates a recognised action item.
    public init(owners: [Person] = [], groups: [String] = [], text: String, due: CalendarDate? = nil,
                status: ActionStatus = .unknown, tickets: [String] = [], ownerText: String = "",
                range: Range<String.Index>? = nil) {
        self.owners = owners
        self.groups = groups
        self.text = text
        self.due = due
        self.status = status
        self.tickets = tickets
        self.ownerText = ownerText
        self.range = range
    }

    /// The model's action item, with a location and agenda/section context.
    public func actionItem(agendaItem: AgendaItemReference? = nil, section: String? = nil,
                           location: SourceLocation? = nil) -> ActionItem {
        ActionItem(owners: owners, groups: groups, text: text, due: due, status: status, tickets: tickets,
                   agendaItem: agendaItem, section: section, location: location)
    }
}

/// Recognises action-item sentences: "Owner — text. 18 Nov 2019" (em dash, en dash or " - "), several
/// owners ("Kian-Tat Lim & Leanne Guy", "Unknown User (x) & Architecture team"), the dash-less
/// "A and at least B and C to determine … 18 Nov. 2019", check marks (✓, V, ☑ done; ☐ open), and the
/// Jira keys and macro residue that follow.
///
/// Pure functions over strings: the plain-text importer feeds it cell text, the HTML importer the text
/// of a task or list item. ``absorb(_:into:)`` lets a following fragment ("18 Dec 2019",
/// "DM-22528 - Getting issue details", "STATUS") complete the item before it.
public struct ActionItemRecognizer: Sendable {
    /// Reads due dates.
    public var dates: DateRecognizer
    /// Reads tickets.
    public var tickets: TicketRecognizer
    /// Matches owner names against the participants.
    public var matcher: PersonMatcher

    /// Creates a recogniser.
    public init(dates: DateRecognizer = DateRecognizer(), tickets: TicketRecognizer = TicketRecognizer(),
                participants: [Person] = []) {
        self.dates = dates
        self.tickets = tickets
        self.matcher = PersonMatcher(participants)
    }

    /// Creates a recogniser from import options and the page's participants.
    public init(options: ImportOptions, participants: [Person] = []) {
        self.init(dates: DateRecognizer(options: options),
                  tickets: TicketRecognizer(knownProjectKeys: options.knownProjectKeys), participants: participants)
    }

    /// The status a check glyph stands for ("✓", "V", "☑", "[x]" done; "☐", "[ ]" open), else `nil`.
    public static func status(ofMark mark: some StringProtocol) -> ActionStatus? {
        guard mark.utf8.count <= 4, let f = mark.utf8.first, f >= 0x80 || f == 86 || f == 91 || f == 40 else { return nil }
        switch String(mark) {
        case "✓", "✔", "☑", "✅", "V", "[x]", "[X]", "(/)": return .done
        case "☐", "□", "[ ]", "[]": return .open
        default: return nil
        }
    }

    /// The one action item `fragment` holds when it starts with its owner (after an optional check mark).
    public func recognize(_ fragment: String) -> RecognizedActionItem? {
        let all = recognizeAll(in: fragment)
        guard let first = all.first, let r = first.range else { return nil }
        let head = fragment[fragment.startIndex..<r.lowerBound]
        return head.trimmedSub.isEmpty ? first : nil
    }

    /// Every action item in a run of text, in order (several may stand in one notes cell).
    public func recognizeAll(in text: String) -> [RecognizedActionItem] {
        var memo = OwnerMemo()
        return recognizeAll(in: text, memo: &memo)
    }

    /// ``recognizeAll(in:)``, remembering in `memo` what each owner phrase gave. Pass the same memo only to
    /// the same recogniser (its matcher resolves the owners).
    package func recognizeAll(in text: String, memo: inout OwnerMemo) -> [RecognizedActionItem] {
        // Quick reject: no dash of any kind and no " to " means no action sentence.
        guard Self.mayHoldAction(text) else { return [] }
        // Without a dash only the "A and B to … <date>" form is possible, and a date needs a digit.
        if !Self.hasDashByte(text), !ASCIIScan.hasDigit(text) { return [] }
        let words = Self.wordList(text)
        guard !words.isEmpty else { return [] }
        // 1. Owner phrases before dashes.
        var starts: [(ownerStart: Int, markStart: Int, dash: Int, status: ActionStatus, toForm: Bool, phrase: OwnerPhrase)] = []
        for i in 1..<max(1, words.count) where words.spans[i].isDash {
            guard let (s, mark, status, phrase) = walkBack(words, from: i, memo: &memo) else { continue }
            if let last = starts.last, last.dash >= s { continue }
            starts.append((s, mark, i, status, false, phrase))
        }
        // 2. The dash-less "A and B to do X … <date>" form, only at the start of the text.
        if starts.first.map({ $0.ownerStart > 1 }) ?? true, let (s, mark, toIndex, status, phrase) = forwardToForm(words, memo: &memo),
           dates.lastDate(in: text) != nil {
            starts.insert((s, mark, toIndex, status, true, phrase), at: 0)
        }
        var out: [RecognizedActionItem] = []
        for (n, st) in starts.enumerated() {
            let ownerText = text[words[st.ownerStart].range.lowerBound..<words[st.dash - 1].range.upperBound]
            // The phrase as written is usually the words joined by single spaces, already parsed while walking back.
            let ownerString = String(ownerText)
            let owners: [Person], groups: [String]
            if let known = memo.resolved[OwnerMemo.Key(ownerString)] {
                (owners, groups) = known
            } else {
                guard let parts = ASCIIScan.sameBytes(ownerString, st.phrase.text) ? st.phrase.parts
                        : memo.parts(of: ownerString, parseOwnerParts) else { continue }
                (owners, groups) = self.owners(from: parts, resolve: true)
                memo.remember(ownerString, resolved: (owners, groups))
            }
            let bodyStart = words[st.dash].range.upperBound
            let end = n + 1 < starts.count ? words[starts[n + 1].markStart].range.lowerBound : text.endIndex
            guard bodyStart <= end else { continue }
            var item = parseBody(text[bodyStart..<end])
            item.owners = owners
            item.groups = groups
            item.status = st.status
            item.ownerText = ownerString.collapsedSpaces
            item.range = words[st.markStart].range.lowerBound..<end
            out.append(item)
        }
        return out
    }

    /// When `fragment` only completes the item before it (a due date, ticket keys, macro residue,
    /// "Ticket:"), adds what it carries to `item` and returns true; otherwise returns false.
    public func absorb(_ fragment: String, into item: inout RecognizedActionItem) -> Bool {
        // A due date and a ticket key both need an ASCII digit; without one only macro residue can complete the item.
        if !ASCIIScan.hasDigit(fragment), !TicketRecognizer.isResidue(fragment) { return false }
        let (cleaned, keys) = tickets.extract(from: fragment)
        var rest = cleaned
        var due: CalendarDate? = nil
        if let m = dates.lastDate(in: cleaned) {
            rest = String(cleaned[..<m.range.lowerBound]) + " " + String(cleaned[m.range.upperBound...])
            due = m.start
        }
        rest = TicketRecognizer.removingResidue(rest).trimmed
        while let last = rest.utf8.last, last == 46 || last == 44, rest.hasSuffix(".") || rest.hasSuffix(",") { rest.removeLast() }
        guard rest.isEmpty || rest.lowercased() == "ticket:" || rest.lowercased() == "ticket" else { return false }
        guard due != nil || !keys.isEmpty || TicketRecognizer.isResidue(fragment) else { return false }
        if item.due == nil, let due { item.due = due }
        for k in keys where !item.tickets.contains(k) { item.tickets.append(k) }
        return true
    }

    // MARK: - Internals

    /// Whether `text` holds a "-" or the first bytes of "—" / "–": no dash word (``isDash(_:)``) without one.
    static func hasDashByte(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { u in
            var i = 0
            while i < u.count {
                if u[i] == 45 { return true }
                if u[i] == 0xE2, i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0x93 || u[i + 2] == 0x94 { return true }
                i += 1
            }
            return false
        }
    }

    /// A cheap UTF-8 scan for "—", "–", " - " or " to ".
    static func mayHoldAction(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8(mayHoldAction)
    }

    /// ``mayHoldAction(_:)`` over UTF-8 bytes: "--", " - ", U+2013/U+2014 (and U+2000) or " to ". Only the
    /// bytes "-", 0xE2 and "t" can start one, so every other byte is passed over with one comparison.
    static func mayHoldAction(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = u.count
        var i = 0
        while i < n {
            let b = u[i]
            if b == 45 {                                   // "-": "--" or " - "
                if i + 1 < n, u[i + 1] == 45 { return true }
                if i > 0, i + 1 < n, u[i - 1] == 32, u[i + 1] == 32 { return true }
            } else if b == 0xE2 {                          // E2 80 80 / 93 / 94
                if i + 2 < n, u[i + 1] == 0x80, u[i + 2] == 0x80 || u[i + 2] == 0x93 || u[i + 2] == 0x94 { return true }
            } else if b == 116 {                           // " to "
                if i > 0, i + 2 < n, u[i - 1] == 32, u[i + 1] == 111, u[i + 2] == 32 { return true }
            }
            i += 1
        }
        return false
    }

    /// The plain definition of ``mayHoldAction(_:)-(UnsafeBufferPointer<UInt8>)``: a window of the last four bytes.
    static func referenceMayHoldAction(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0, p2: UInt8 = 0, p3: UInt8 = 0
        for b in bytes {
            if b == 32, previous == 45, p2 == 32 || p2 == 45 { return true }   // " - ", "-- "
            if b == 45, previous == 45 { return true }                           // "--"
            if b == 0x80 || b == 0x93 || b == 0x94, previous == 0x80, p2 == 0xE2 { return true }   // U+2013/2014
            if b == 32, previous == 111, p2 == 116, p3 == 32 { return true }   // " to "
            p3 = p2; p2 = previous; previous = b
        }
        return false
    }

    struct Word {
        var text: Substring
        var range: Range<String.Index>
    }

    /// The words of a text as byte spans; a ``Word`` (with its `Substring` and range) is made only for the words
    /// asked for, and whether a word is a dash is known from its bytes.
    struct WordList {
        struct Span { var start: Int; var end: Int; var isDash: Bool }
        let base: Substring
        var spans: [Span]

        var count: Int { spans.count }
        var isEmpty: Bool { spans.isEmpty }

        subscript(i: Int) -> Word {
            let u = base.utf8
            let lo = u.index(base.startIndex, offsetBy: spans[i].start)
            let r = lo..<u.index(lo, offsetBy: spans[i].end - spans[i].start)
            return Word(text: base[r], range: r)
        }

        /// Where the owner phrase before the dash at word `dash` starts (`dash` for none), walking back over names and
        /// connectors as ``referenceOwnerStart(_:before:)`` does, with ASCII words judged from their bytes
        /// (``asciiRole(_:previousIsUser:)``); `nil` without contiguous bytes.
        func ownerStart(before dash: Int) -> Int? {
            base.utf8.withContiguousStorageIfAvailable { u -> Int in
                @inline(__always) func bytes(_ k: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: u[spans[k].start..<spans[k].end])
                }
                @inline(__always) func isWord(_ k: Int, _ s: StaticString) -> Bool {
                    s.withUTF8Buffer { p in bytes(k).elementsEqual(p) }
                }
                var i = dash - 1
                var start = dash
                var count = 0
                while i >= 0, count < 14 {
                    let w = bytes(i)
                    // "Unknown User (x)" as one unit.
                    if w.first == 40 && w.last == 41 && i >= 2 && isWord(i - 1, "User") && isWord(i - 2, "Unknown") {
                        start = i - 2; i -= 3; count += 3; continue
                    }
                    let role: Role
                    if !w.contains(where: { $0 >= 0x80 }) {
                        role = ActionItemRecognizer.asciiRole(w, previousIsUser: i > 0 && isWord(i - 1, "User"))
                    } else {
                        role = ActionItemRecognizer.role(self[i].text, previous: i > 0 ? self[i - 1].text : nil)
                    }
                    switch role {
                    case .name, .connector: start = i; i -= 1; count += 1; continue
                    case .mark, .stop: break
                    }
                    break
                }
                return start
            }
        }

        /// ``referenceForwardStop(_:from:)`` with ASCII words judged from their bytes: `.some(nil)` where that gives
        /// `nil`; `nil` without contiguous bytes.
        func forwardStop(from start: Int) -> Int?? {
            base.utf8.withContiguousStorageIfAvailable { u -> Int? in
                @inline(__always) func bytes(_ k: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: u[spans[k].start..<spans[k].end])
                }
                @inline(__always) func isWord(_ k: Int, _ s: StaticString) -> Bool {
                    s.withUTF8Buffer { p in bytes(k).elementsEqual(p) }
                }
                var i = start
                while i < spans.count, i - start < 16 {
                    let w = bytes(i)
                    if isWord(i, "to") { break }
                    if w.first == 40 && w.last == 41 && i > 0 && isWord(i - 1, "User") { i += 1; continue }
                    let role: Role
                    if !w.contains(where: { $0 >= 0x80 }) {
                        role = ActionItemRecognizer.asciiRole(w, previousIsUser: i > 0 && isWord(i - 1, "User"))
                    } else {
                        role = ActionItemRecognizer.role(self[i].text, previous: i > 0 ? self[i - 1].text : nil)
                    }
                    switch role {
                    case .name, .connector: i += 1; continue
                    default: return nil
                    }
                }
                return i
            }
        }

        /// The words `range`, their texts joined by single spaces.
        func joined(_ range: Range<Int>) -> String {
            // Words already one space apart are copied as one run of the text.
            if let first = range.first, let last = range.last {
                var single = true
                var k = first
                while k < last, single {
                    single = spans[k + 1].start == spans[k].end + 1
                    k += 1
                }
                if single, let run = base.utf8.withContiguousStorageIfAvailable({ u -> String? in
                    // The gaps must be spaces (one byte each, so no other white space).
                    for k in first..<last where u[spans[k].end] != 32 { return nil }
                    return String(decoding: UnsafeBufferPointer(rebasing: u[spans[first].start..<spans[last].end]), as: UTF8.self)
                }), let run {
                    return run
                }
            }
            return referenceJoined(range)
        }

        /// The first definition of ``joined(_:)``.
        func referenceJoined(_ range: Range<Int>) -> String {
            range.map { self[$0].text }.joined(separator: " ")
        }
    }

    /// The words of `text`: runs of `Character`s that are not white space (``wordList(_:)``, every word made).
    static func words(_ text: String) -> [Word] {
        let list = wordList(text)
        return (0..<list.count).map { list[$0] }
    }

    static func wordList(_ text: String) -> WordList {
        let sub = text[...]
        let spans = Tokenizer.withBytes(sub) { u in
            var out: [WordList.Span] = []
            var k = 0
            let n = u.count
            out.reserveCapacity(n / 5 + 4)   // about one word per five or six bytes of prose
            while k < n {
                let (cls, next) = Tokenizer.scan(sub, u, k)
                if cls == .space { k = next; continue }
                let s = k
                k = next
                // Fast path over scalars: the word ends at the first White_Space scalar. It starts a new
                // `Character` (so `scan` would call that Character white space) when the scalar before it can
                // be no Prepend (GB9b): ASCII, U+0080–U+05FF or U+1000–U+FFFF. Otherwise the Character loop
                // below decides, from the word's second Character.
                var decided = false
                while k < n {
                    let b = u[k]
                    var len = 1
                    var space: Bool
                    if b < 0x80 { space = b == 32 || (b >= 9 && b <= 13) } else { (space, len) = whiteSpaceScalar(u, k) }
                    if space {
                        var j = k - 1
                        while j > s, u[j] & 0xC0 == 0x80 { j -= 1 }
                        let lead = u[j]
                        decided = lead < 0x80 || (lead >= 0xC2 && lead <= 0xD7) || (lead >= 0xE1 && lead <= 0xEF)
                        break
                    }
                    k = Swift.min(n, k + len)
                }
                if k == n { decided = true }
                if !decided {
                    k = next
                    while k < n {
                        let (c, nk) = Tokenizer.scan(sub, u, k)
                        if c == .space { break }
                        k = nk
                    }
                }
                out.append(WordList.Span(start: s, end: k, isDash: isDash(UnsafeBufferPointer(rebasing: u[s..<k]))))
            }
            return out
        }
        return WordList(base: sub, spans: spans)
    }

    /// ``isDash(_:)-(Substring)`` of a word's bytes.
    static func isDash(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        switch u.count {
        case 1: return u[0] == 45
        case 2: return u[0] == 45 && u[1] == 45
        case 3: return u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x94 || u[2] == 0x93)
        default: return false
        }
    }

    /// "—", "–", "-" or "--" (compared as bytes: none of them has another canonical form).
    static func isDash(_ w: Substring) -> Bool {
        let u = w.utf8
        switch u.count {
        case 1: return u.first == 45
        case 2: return u.first == 45 && u.last == 45
        case 3:
            var it = u.makeIterator()
            return it.next() == 0xE2 && it.next() == 0x80 && { let b = it.next(); return b == 0x94 || b == 0x93 }()
        default: return false
        }
    }

    static let connectors: Set<String> = ["&", "and", "/", "at", "least", "the", "+", ","]

    enum Role: Equatable { case name, connector, mark(ActionStatus), stop }

    /// Whether `w` is one of ``connectors`` (any case), without allocating.
    static func isConnector(_ w: Substring) -> Bool {
        switch w.utf8.count {
        case 1:
            // One byte is one ASCII character: compared as a byte (& / + ,).
            let b = w.utf8.first
            return b == 38 || b == 47 || b == 43 || b == 44
        case 2: return w.equalsLowercasedASCII("at")
        case 3: return w.equalsLowercasedASCII("and") || w.equalsLowercasedASCII("the")
        case 5: return w.equalsLowercasedASCII("least")
        default: return false
        }
    }

    static func role(_ w: Substring, previous: Substring?) -> Role {
        if let st = status(ofMark: w) { return .mark(st) }
        if isConnector(w) { return .connector }
        if w.utf8.first == 40 && w.utf8.last == 41 && previous == "User" { return .name }
        var core = w
        if core.utf8.last == 44 { core = core.dropLast() }
        guard !core.isEmpty else { return .stop }
        if let l = w.utf8.last, l == 46 || l == 63 || l == 33 || l == 58 || l == 59 || l == 41 { return .stop }   // . ? ! : ; )
        // 0: a byte that stops the word, 1: ASCII word bytes only, 2: a non-ASCII byte first.
        @inline(__always) func scan(_ bytes: some Sequence<UInt8>) -> Int {
            for b in bytes {
                if b >= 0x80 { return 2 }
                if !(TimeRecognizer.isWordByte(b) || b == 45 || b == 39) { return 0 }
            }
            return 1
        }
        let verdict = core.utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(core.utf8)
        if verdict == 0 { return .stop }
        let ascii = verdict == 1
        if !ascii {
            let ok = core.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "'" || $0 == "’" }
            guard ok else { return .stop }
        }
        if let b = core.utf8.first, b < 0x80, core.utf8.count == 1 || core.utf8[core.utf8.index(after: core.utf8.startIndex)] < 0x80 {
            if b >= 65 && b <= 90 { return .name }
        } else if core.first?.isUppercase == true { return .name }
        // Particles and "team" have 2 to 5 letters: a longer or shorter ASCII word is none of them.
        if ascii && (core.utf8.count < 2 || core.utf8.count > 5) { return .stop }
        if PersonRecognizer.nameParticles.contains(core.lowercased()) || core == "team" { return .name }
        return .stop
    }

    /// ``role(_:previous:)`` of a word whose bytes `w` are all ASCII (each byte a `Character` of its own), read from
    /// the bytes; `previousIsUser` says whether the word before is "User".
    static func asciiRole(_ w: UnsafeBufferPointer<UInt8>, previousIsUser: Bool) -> Role {
        let n = w.count
        guard n > 0 else { return .stop }
        let f = w[0], l = w[n - 1]
        // Check marks: "V", "[x]", "[X]", "(/)" done; "[ ]", "[]" open.
        if n <= 4, f == 86 || f == 91 || f == 40 {
            if n == 1 && f == 86 { return .mark(.done) }
            if n == 3 && f == 91 && (w[1] == 120 || w[1] == 88) && w[2] == 93 { return .mark(.done) }
            if n == 3 && f == 40 && w[1] == 47 && w[2] == 41 { return .mark(.done) }
            if n == 3 && f == 91 && w[1] == 32 && w[2] == 93 { return .mark(.open) }
            if n == 2 && f == 91 && w[1] == 93 { return .mark(.open) }
        }
        @inline(__always) func lower(_ k: Int) -> UInt8 { w[k] >= 65 && w[k] <= 90 ? w[k] | 0x20 : w[k] }
        @inline(__always) func isLower(_ s: StaticString, upTo m: Int) -> Bool {
            s.withUTF8Buffer { p in p.count == m && (0..<m).allSatisfy { lower($0) == p[$0] } }
        }
        // Connectors: & / + , at and the least (any case).
        switch n {
        case 1: if f == 38 || f == 47 || f == 43 || f == 44 { return .connector }
        case 2: if isLower("at", upTo: 2) { return .connector }
        case 3: if isLower("and", upTo: 3) || isLower("the", upTo: 3) { return .connector }
        case 5: if isLower("least", upTo: 5) { return .connector }
        default: break
        }
        if f == 40 && l == 41 && previousIsUser { return .name }
        let coreEnd = l == 44 ? n - 1 : n   // a final "," is no part of the name
        guard coreEnd > 0 else { return .stop }
        if l == 46 || l == 63 || l == 33 || l == 58 || l == 59 || l == 41 { return .stop }   // . ? ! : ; )
        for k in 0..<coreEnd where !(TimeRecognizer.isWordByte(w[k]) || w[k] == 45 || w[k] == 39) { return .stop }
        if f >= 65 && f <= 90 { return .name }
        // Particles ("van", "de", …) and "team" (as written) have 2 to 5 letters.
        guard coreEnd >= 2 && coreEnd <= 5 else { return .stop }
        if coreEnd == 4, w[0] == 116, w[1] == 101, w[2] == 97, w[3] == 109 { return .name }   // team
        let lowered = String(decoding: (0..<coreEnd).map(lower), as: UTF8.self)
        return PersonRecognizer.nameParticles.contains(lowered) ? .name : .stop
    }

    /// The first definition of ``role(_:previous:)`` (the first `Character` read up front, every lower-case word
    /// looked up among the particles), kept for the tests.
    static func referenceRole(_ w: Substring, previous: Substring?) -> Role {
        if let st = status(ofMark: w) { return .mark(st) }
        if isConnector(w) { return .connector }
        if w.utf8.first == 40 && w.utf8.last == 41 && previous == "User" { return .name }
        var core = w
        if core.utf8.last == 44 { core = core.dropLast() }
        guard let f = core.first else { return .stop }
        if let l = w.utf8.last, l == 46 || l == 63 || l == 33 || l == 58 || l == 59 || l == 41 { return .stop }   // . ? ! : ; )
        var ascii = true
        for b in core.utf8 {
            if b >= 0x80 { ascii = false; break }
            if !(TimeRecognizer.isWordByte(b) || b == 45 || b == 39) { return .stop }
        }
        if !ascii {
            let ok = core.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "'" || $0 == "’" }
            guard ok else { return .stop }
        }
        if let b = core.utf8.first, b < 0x80, core.utf8.count == 1 || core.utf8[core.utf8.index(after: core.utf8.startIndex)] < 0x80 {
            if b >= 65 && b <= 90 { return .name }
        } else if f.isUppercase { return .name }
        if PersonRecognizer.nameParticles.contains(core.lowercased()) || core == "team" { return .name }
        return .stop
    }

    /// Walks back from the dash at `dash` over an owner phrase; returns its start, the start including a
    /// check mark, and the mark's status.
    func walkBack(_ words: WordList, from dash: Int, memo: inout OwnerMemo) -> (Int, Int, ActionStatus, OwnerPhrase)? {
        let start = words.ownerStart(before: dash) ?? Self.referenceOwnerStart(words, before: dash)
        return finishWalk(words, start: start, dash: dash, memo: &memo)
    }

    /// The first definition of the walk in ``walkBack(_:from:memo:)`` (every word made a `Substring`), kept for the
    /// tests and for text without contiguous bytes: where the owner phrase before the dash starts (`dash` for none).
    static func referenceOwnerStart(_ words: WordList, before dash: Int) -> Int {
        var i = dash - 1
        var start = dash
        var count = 0
        while i >= 0, count < 14 {
            let w = words[i].text
            // "Unknown User (x)" as one unit.
            if w.utf8.first == 40 && w.utf8.last == 41 && i >= 2 && words[i - 1].text == "User" && words[i - 2].text == "Unknown" {
                start = i - 2; i -= 3; count += 3; continue
            }
            switch Self.role(w, previous: i > 0 ? words[i - 1].text : nil) {
            case .name, .connector: start = i; i -= 1; count += 1; continue
            case .mark, .stop: break
            }
            break
        }
        return start
    }

    /// The rest of ``walkBack(_:from:memo:)`` once the walk has found `start`.
    func finishWalk(_ words: WordList, start: Int, dash: Int, memo: inout OwnerMemo) -> (Int, Int, ActionStatus, OwnerPhrase)? {
        var start = start
        // Drop leading connectors (but keep "the" of "the DM-SST").
        while start < dash, Self.isConnector(words[start].text), !words[start].text.equalsLowercasedASCII("the") { start += 1 }
        guard start < dash else { return nil }
        // The whole phrase must parse: a phrase that parses only with words dropped from its front was
        // preceded by prose, and is no owner phrase (so shorter phrases need not be tried).
        let s = start
        // A single ASCII word before the dash (a ticket key of "DM-123 - Getting issue details") is no owner.
        if dash - s == 1, Self.isOneASCIIWord(words[s].text) { return nil }
        let phrase = words.joined(s..<dash)
        guard let parts = memo.parts(of: phrase, parseOwnerParts) else { return nil }
        var mark = s
        var status = ActionStatus.unknown
        if s > 0, let st = Self.status(ofMark: words[s - 1].text) { mark = s - 1; status = st }
        return (s, mark, status, OwnerPhrase(text: phrase, parts: parts))
    }

    /// The "A and B to …" form at the start: owner phrase start, mark start, index of "to", status.
    func forwardToForm(_ words: WordList, memo: inout OwnerMemo) -> (Int, Int, Int, ActionStatus, OwnerPhrase)? {
        var i = 0
        var status = ActionStatus.unknown
        if let st = Self.status(ofMark: words[0].text) { status = st; i = 1 }
        let start = i
        guard let stop = words.forwardStop(from: start) ?? Self.referenceForwardStop(words, from: start) else { return nil }
        i = stop
        guard i < words.count, words[i].text == "to", i > start, i + 1 < words.count else { return nil }
        let phrase = words.joined(start..<i)
        guard let parts = memo.parts(of: phrase, parseOwnerParts), !parts.people.isEmpty else { return nil }
        return (start, 0, i, status, OwnerPhrase(text: phrase, parts: parts))
    }

    /// The first definition of the walk in ``forwardToForm(_:memo:)``: from `start` over names and connectors to
    /// the first "to" (or 16 words, or the end); `nil` when another word comes first.
    static func referenceForwardStop(_ words: WordList, from start: Int) -> Int? {
        var i = start
        while i < words.count, i - start < 16 {
            let w = words[i].text
            if w == "to" { break }
            if w.utf8.first == 40 && w.utf8.last == 41 && i > 0 && words[i - 1].text == "User" { i += 1; continue }
            switch Self.role(w, previous: i > 0 ? words[i - 1].text : nil) {
            case .name, .connector: i += 1; continue
            default: return nil
            }
        }
        return i
    }

    /// Owner phrases already read (the same owners recur on every row of a page): what ``parseOwnerParts(_:)``
    /// gave for each phrase, and the owners it resolved to. Keys compare bytes, so a phrase is never answered
    /// for another spelling. Bounded: it starts over after ``limit`` phrases.
    package struct OwnerMemo {
        typealias Key = ByteKey
        struct Parts { var value: (people: [Person], groups: [String])? }
        static let limit = 4096
        var parts: [Key: Parts] = [:]
        var resolved: [Key: ([Person], [String])] = [:]

        /// An empty memo.
        package init() {}

        mutating func parts(of phrase: String, _ parse: (String) -> (people: [Person], groups: [String])?)
            -> (people: [Person], groups: [String])? {
            let key = Key(phrase)
            if let known = parts[key] { return known.value }
            let value = parse(phrase)
            if parts.count >= Self.limit { parts.removeAll() }
            parts[key] = Parts(value: value)
            return value
        }

        mutating func remember(_ phrase: String, resolved value: ([Person], [String])) {
            if resolved.count >= Self.limit { resolved.removeAll() }
            resolved[Key(phrase)] = value
        }
    }

    /// An owner phrase (words joined by single spaces) and what ``parseOwnerParts(_:)`` made of it.
    struct OwnerPhrase {
        var text: String
        var parts: (people: [Person], groups: [String])
    }

    /// Whether `s` is ASCII without white space (then ``parseOwnerParts(_:)`` finds no owner in it).
    static func isOneASCIIWord(_ s: some StringProtocol) -> Bool {
        for b in s.utf8 where b >= 0x80 || b == 32 || (b >= 9 && b <= 13) { return false }
        return true
    }

    /// Owners and groups of an owner phrase, or `nil` when a part is neither a name nor a group.
    func parseOwners(_ phrase: String, resolve: Bool = true) -> ([Person], [String])? {
        guard let parts = parseOwnerParts(phrase) else { return nil }
        return owners(from: parts, resolve: resolve)
    }

    /// The people (unresolved, in order, repeats kept) and groups an owner phrase names, or `nil` when a part
    /// is neither a name nor a group. ``parseOwners(_:resolve:)`` is this plus ``owners(from:resolve:)``.
    func parseOwnerParts(_ phrase: String) -> (people: [Person], groups: [String])? {
        // One ASCII word cannot be an owner phrase: a name needs two words or "Unknown User (x)", a group alone
        // "the …" or a space (see the end of ``fullParseOwnerParts(_:)``).
        if Self.isOneASCIIWord(phrase) { return nil }
        return fullParseOwnerParts(phrase)
    }

    /// ``parseOwnerParts(_:)`` without its shortcut for one ASCII word.
    func fullParseOwnerParts(_ phrase: String) -> (people: [Person], groups: [String])? {
        var people: [Person] = []
        var groups: [String] = []
        for part in PersonRecognizer.splitNameList(phrase) {
            if PersonRecognizer.isGroup(part) {
                groups.append(part)
            } else if PersonRecognizer.looksLikeName(part, knownNotGroup: true), let p = PersonRecognizer.person(from: part) {
                people.append(p)
            } else {
                return nil
            }
        }
        guard !people.isEmpty || !groups.isEmpty else { return nil }
        // A phrase of groups alone must say so clearly ("the DM-SST", "Architecture team").
        if people.isEmpty && !groups.contains(where: { $0.lowercased().hasPrefix("the ") || $0.contains(" ") }) { return nil }
        return (people, groups)
    }

    /// The owners of parsed parts: each person matched against the participants when `resolve` is set, people
    /// who turn out the same kept once.
    func owners(from parts: (people: [Person], groups: [String]), resolve: Bool) -> ([Person], [String]) {
        var owners: [Person] = []
        for p in parts.people {
            let resolved = resolve ? matcher.resolve(p) : p
            if !owners.contains(where: { $0.isSamePerson(as: resolved) }) { owners.append(resolved) }
        }
        return (owners, parts.groups)
    }

    /// Text, due date and tickets of the part after the dash.
    func parseBody(_ body: Substring) -> RecognizedActionItem {
        let (cleaned, keys) = tickets.extract(from: String(body))
        var text = cleaned
        var due: CalendarDate? = nil
        if let m = dates.lastDate(in: cleaned) {
            due = m.start
            let before = cleaned[..<m.range.lowerBound].trimmed
            let after = cleaned[m.range.upperBound...].trimmed
            var tail = TicketRecognizer.removingResidue(after).trimmed
            // Words that only introduced the ticket ("this is now in DM-22416") stay in the notes, not the text.
            if !tail.isEmpty, ["ticket:", ".", "this is now in", "now in", "tracked in", "see", "jira:"].contains(tail.lowercased()) { tail = "" }
            text = tail.isEmpty ? before : before + " " + tail
        }
        text = TicketRecognizer.removingResidue(text).collapsedSpaces
        // A suffix or prefix of ASCII marks needs its byte at that end (the last or first `Character` must be the
        // mark itself): the byte is tested before the `Character` comparison.
        if text.utf8.last == 58, text.hasSuffix(" Ticket:") { text = String(text.dropLast(8)) }
        if text.utf8.first == 116, text.hasPrefix("to ") && text.count > 3 { text = String(text.dropFirst(3)) }
        text = text.trimmed
        // The sentence's own full stop is punctuation, not content: every form (a task body, a prose line
        // with or without a date after it) gives the same text. An ellipsis stays.
        if text.utf8.last == 46, text.hasSuffix("."), !text.hasSuffix("..") { text.removeLast() }
        return RecognizedActionItem(text: text.trimmed, due: due, tickets: keys)
    }
}
