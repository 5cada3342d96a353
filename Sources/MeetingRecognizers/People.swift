// swift-meeting-notes · MeetingRecognizers

import MeetingModel

/// Reads people from text: run-together participant lists, "Unknown User (x)" accounts, "(Remote)",
/// "(Unlicensed)"/"(Deactivated)" suffixes, chair cells joined by "&", "/", "and", ",", and tells groups
/// ("the DM-SST", "Architecture team") from people.
public enum PersonRecognizer {
    /// Parses one name: "Unknown User (x)" gives an unresolved person with username x; "(Remote)" gives
    /// remote attendance; "(Unlicensed)", "(Deactivated)" and "@" are dropped. `nil` when nothing is left.
    public static func person(from text: some StringProtocol) -> Person? {
        var s = String(text).collapsedSpaces
        var attendance = Attendance.unknown
        var changed = s.utf8.last == 41   // ")": only then can an account suffix end the name
        while changed {
            changed = false
            for (suffix, remote) in [("(Remote)", true), ("(remote)", true), ("(Unlicensed)", false),
                                      ("(unlicensed)", false), ("(Deactivated)", false), ("(deactivated)", false),
                                      ("(In person)", false), ("(in person)", false)] where s.hasSuffix(suffix) {
                s = String(s.dropLast(suffix.count)).trimmed
                if remote { attendance = .remote } else if suffix.lowercased() == "(in person)" { attendance = .inPerson }
                changed = true
            }
        }
        while s.hasPrefix("@") { s.removeFirst() }
        while let l = s.last, l == "," || l == ";" || l == "." && !s.hasSuffix("Jr.") { s.removeLast() }
        s = s.trimmed
        guard !s.isEmpty else { return nil }
        if s.utf8.starts(with: "Unknown User".utf8), s.hasPrefix("Unknown User"), let open = s.firstIndex(of: "("), let close = s.lastIndex(of: ")"), open < close {
            let user = s[s.index(after: open)..<close].trimmed
            guard !user.isEmpty else { return nil }
            return Person(name: user, username: user, unresolved: true, attendance: attendance)
        }
        return Person(name: s, attendance: attendance)
    }

    static let nameParticles: Set<String> = ["mac", "van", "von", "der", "den", "des", "del", "della", "di", "da", "le", "la", "de"]

    /// Splits a run of names that lost their separators ("Leanne GuyUnknown User (x)John Swinbank")
    /// into one string per name. Splits after ")" and at a lower-to-upper case change inside a word when
    /// the name so far already has two words and the left part is not a name particle ("AlSayyad",
    /// "McDonald", "MacLeod" stay whole).
    public static func splitRunTogether(_ text: some StringProtocol) -> [String] {
        var parts: [String] = []
        var current = ""
        var previous: Character = " "
        var wordStart = 0
        var words = 0
        for ch in text {
            if ch == "\t" || ch == "\n" {
                if !current.trimmed.isEmpty { parts.append(current.trimmed) }
                current = ""; previous = " "; words = 0; wordStart = current.utf8.count
                continue
            }
            var split = false
            if previous == ")" && (ch.isLetter) { split = true }
            if previous.isLowercase && ch.isUppercase && words >= 1 && current.utf8.count - wordStart <= 40 {
                let left = String(decoding: current.utf8.dropFirst(wordStart), as: UTF8.self)
                if left.count >= 3 && !nameParticles.contains(left.lowercased()) { split = true }
            }
            if split {
                parts.append(current.trimmed)
                current = ""; words = 0; wordStart = current.utf8.count
            }
            if ch == " " {
                if previous != " " && !current.isEmpty { words += 1 }
                current.append(ch)
                wordStart = current.utf8.count
            } else {
                if previous == " " || current.isEmpty { wordStart = current.utf8.count }
                current.append(ch)
            }
            previous = ch
        }
        if !current.trimmed.isEmpty { parts.append(current.trimmed) }
        return parts
    }

    /// The people of a participant entry, names possibly run together.
    public static func people(inRunTogether text: some StringProtocol) -> [Person] {
        splitRunTogether(text).compactMap(person(from:))
    }

    /// Splits a list of names on "&", "/", " and ", "," and ";" ("Kian-Tat Lim / Unknown User (x)").
    /// Commas inside parentheses do not split.
    public static func splitNameList(_ text: some StringProtocol) -> [String] {
        // One UTF-8 pass: the separators are ASCII. A separator followed by a non-ASCII byte is checked as a
        // Character, so a separator carrying a combining mark does not split (as before).
        let str = String(text)
        let u = str.utf8
        var parts: [Substring] = []
        var depth = 0
        var start = u.startIndex
        var i = u.startIndex
        while i != u.endIndex {
            let b = u[i]
            let next = u.index(after: i)
            if b == 40 || b == 41 || b == 38 || b == 47 || b == 44 || b == 59 || b == 43,
               next == u.endIndex || u[next] < 0x80 || str[i].utf8.count == 1 {
                if b == 40 { depth += 1 } else if b == 41 { depth = max(0, depth - 1) } else if depth == 0 {
                    parts.append(str[start..<i])
                    start = next
                }
            }
            i = next
        }
        parts.append(str[start..<u.endIndex])
        var out: [String] = []
        for p in parts {
            // " and " splits too.
            var rest = p
            while let r = rest.firstRange(of: " and ") {
                out.append(String(rest[..<r.lowerBound]))
                rest = rest[r.upperBound...]
            }
            out.append(String(rest))
        }
        return out.map { s -> String in
            var t = s.collapsedSpaces
            for lead in leadWords where t.utf8.count >= lead.utf8.count && t.utf8.prefix(lead.utf8.count).elementsEqual(lead.utf8, by: { ($0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0) == $1 }) {
                t = String(t.dropFirst(lead.count))
            }
            return t.trimmed
        }.filter { !$0.isEmpty }
    }

    static let leadWords = ["and ", "at least ", "also ", "with "]

    /// The people of a chair or requested-by cell ("Yusra AlSayyad & Colin Slater"); groups are skipped.
    public static func people(inList text: some StringProtocol) -> [Person] {
        splitNameList(text).filter { !isGroup($0) }.compactMap(person(from:))
    }

    static let groupWords: Set<String> = ["team", "teams", "group", "groups", "wg", "committee", "board", "members",
                                          "everyone", "all", "everybody", "staff", "folks", "people", "tcams", "t/cams", "ccb"]

    /// Whether `text` names a group rather than a person: "the …", a word like "team", "group", "WG",
    /// "members", or a single acronym ("DM-SST", "DMLT").
    public static func isGroup(_ text: some StringProtocol) -> Bool {
        let s = String(text).collapsedSpaces
        guard !s.isEmpty else { return false }
        if s.utf8.starts(with: "Unknown User".utf8), s.hasPrefix("Unknown User") { return false }
        let words = s.spaceWords()
        if let f = words.first, f.equalsLowercasedASCII("the") { return true }
        if words.contains(where: isGroupWord) { return true }
        if words.count == 1 {
            if ASCIIScan.isASCII(s) {
                // ASCII letters are A–Z and a–z; the upper-case ones A–Z.
                var letters = 0, upper = 0
                for b in s.utf8 {
                    if b &- 65 < 26 { letters += 1; upper += 1 } else if b &- 97 < 26 { letters += 1 }
                }
                return letters >= 2 && upper * 2 > letters
            }
            let letters = s.filter(\.isLetter)
            let upper = letters.filter(\.isUppercase).count
            if letters.count >= 2 && upper * 2 > letters.count { return true }
        }
        return false
    }

    /// Whether `w` is one of ``groupWords`` in any case (ASCII words compared without allocating).
    static func isGroupWord(_ w: Substring) -> Bool {
        let n = w.utf8.count
        guard n >= 2 else { return false }
        if w.utf8.contains(where: { $0 >= 0x80 }) { return groupWords.contains(w.lowercased()) }
        switch n {
        case 2: return w.equalsLowercasedASCII("wg")
        case 3: return w.equalsLowercasedASCII("all") || w.equalsLowercasedASCII("ccb")
        case 4: return w.equalsLowercasedASCII("team")
        case 5: return w.equalsLowercasedASCII("teams") || w.equalsLowercasedASCII("group") || w.equalsLowercasedASCII("board")
            || w.equalsLowercasedASCII("staff") || w.equalsLowercasedASCII("folks") || w.equalsLowercasedASCII("tcams")
        case 6: return w.equalsLowercasedASCII("groups") || w.equalsLowercasedASCII("people") || w.equalsLowercasedASCII("t/cams")
        case 7: return w.equalsLowercasedASCII("members")
        case 8: return w.equalsLowercasedASCII("everyone")
        case 9: return w.equalsLowercasedASCII("committee") || w.equalsLowercasedASCII("everybody")
        default: return false
        }
    }

    /// Whether `text` looks like a person's name: "Unknown User (x)", or two to five words that each
    /// start with a capital (name particles such as "van", "de" allowed).
    public static func looksLikeName(_ text: some StringProtocol) -> Bool {
        looksLikeName(text, knownNotGroup: false)
    }

    /// ``looksLikeName(_:)``; `knownNotGroup` says the caller has just seen ``isGroup(_:)`` return false for `text`.
    static func looksLikeName(_ text: some StringProtocol, knownNotGroup: Bool) -> Bool {
        let s = String(text).collapsedSpaces
        if s.utf8.last == 41, s.utf8.starts(with: "Unknown User (".utf8), s.hasPrefix("Unknown User (") && s.hasSuffix(")") { return true }
        if !knownNotGroup, isGroup(s) { return false }
        let words = s.spaceWords()
        guard words.count >= 2, words.count <= 5 else { return false }
        for w in words {
            guard let f = w.utf8.first else { return false }
            // An ASCII first letter followed by ASCII is a whole Character: test it from the byte.
            if f < 0x80, w.utf8.count == 1 || w.utf8[w.utf8.index(after: w.utf8.startIndex)] < 0x80 {
                if f >= 65 && f <= 90 { continue }
            } else if let c = w.first, c.isUppercase { continue }
            if nameParticles.contains(w.lowercased()) || w == "al" { continue }
            return false
        }
        return words.allSatisfy { w in
            var ascii = true
            for b in w.utf8 {
                if b >= 0x80 { ascii = false; break }
                if !((b | 0x20) >= 97 && (b | 0x20) <= 122 || b == 45 || b == 39 || b == 46) { return false }
            }
            return ascii || w.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }
        }
    }
}

/// Matches names met on a page (chairs, owners, modifiers) against the participant list: exact name,
/// username or alias first, then a unique fuzzy match ("Will O'Mullane" → "Wil O'Mullane": same last
/// name, first names one edit apart or one a prefix of the other). The spelling met is kept as an alias.
public struct PersonMatcher: Sendable, Hashable {
    /// The people to match against.
    public private(set) var people: [Person]
    /// Exact keys ("n:<normalised name or alias>", "u:<username>", "a:<account id>", "k:<user key>") → index.
    private var keys: [String: Int] = [:]
    /// Normalised first and last name of each person with at least two words.
    private var firstLast: [(first: Substring, last: Substring)?] = []
    /// `Person.normalizedName` of each person's name (folded once, compared on every ``resolve(_:)``).
    private var normalizedNames: [String] = []

    /// Creates a matcher over `people`.
    public init(_ people: [Person]) {
        self.people = people
        for i in people.indices { index(person: i) }
    }

    private mutating func index(person i: Int) {
        let p = people[i]
        let normalized = Person.normalizedName(p.name)   // folded once: the key and the fuzzy index both use it
        var ks = ["n:" + normalized]
        for a in p.aliases { ks.append("n:" + Person.normalizedName(a)) }
        if let u = p.username?.lowercased() { ks += ["u:" + u, "n:" + u] }
        if let a = p.accountID { ks.append("a:" + a) }
        if let k = p.userKey?.lowercased() { ks.append("k:" + k) }
        for k in ks where keys[k] == nil { keys[k] = i }
        let entry = Self.firstAndLastWord(normalized)
        if i < firstLast.count { firstLast[i] = entry } else { firstLast.append(entry) }
        if i < normalizedNames.count { normalizedNames[i] = normalized } else { normalizedNames.append(normalized) }
    }

    /// Adds a person to match against.
    public mutating func append(_ person: Person) {
        people.append(person)
        index(person: people.count - 1)
    }

    /// Two matchers are equal when they match against the same people (the index follows from them).
    public static func == (a: PersonMatcher, b: PersonMatcher) -> Bool { a.people == b.people }
    /// Hashes the people matched against.
    public func hash(into h: inout Hasher) { h.combine(people) }

    /// The index of the person `candidate` names, when exactly one fits.
    public func index(of candidate: Person) -> Int? {
        var name: String? = nil
        return index(of: candidate, normalizedName: &name)
    }

    /// ``index(of:)``; also leaves `Person.normalizedName(candidate.name)` in `normalizedName` when it was computed.
    private func index(of candidate: Person, normalizedName nameOut: inout String?) -> Int? {
        if let a = candidate.accountID, let i = keys["a:" + a] { return i }
        if let k = candidate.userKey?.lowercased(), let i = keys["k:" + k] { return i }
        if let u = candidate.username?.lowercased(), let i = keys["u:" + u] ?? keys["n:" + u] { return i }
        let name = Person.normalizedName(candidate.name)
        nameOut = name
        if let i = keys["n:" + name] { return i }
        for n in candidate.aliases { if let i = keys["n:" + Person.normalizedName(n)] { return i } }
        guard candidate.username == nil, candidate.name.count <= 80, people.count <= 5000 else { return nil }
        guard let (first, last) = Self.firstAndLastWord(name) else { return nil }
        var found: [Int] = []
        for (i, entry) in firstLast.enumerated() {
            guard let (pfirst, plast) = entry else { continue }
            let lastClose = plast == last || (plast.count >= 4 && plast.first == last.first && Self.editDistance(plast, last, limit: 1) <= 1)
            let firstClose = pfirst == first || (pfirst.first == first.first && Self.editDistance(pfirst, first, limit: 1) <= 1)
                || (pfirst.count >= 3 && first.count >= 3 && (pfirst.hasPrefix(first) || first.hasPrefix(pfirst)))
            if lastClose && firstClose && (plast == last || pfirst == first) { found.append(i) }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// The participant `candidate` names, with the spelling met as an alias when it differs; the candidate
    /// itself when no participant fits.
    public func resolve(_ candidate: Person) -> Person {
        var candidateName: String? = nil
        guard let i = index(of: candidate, normalizedName: &candidateName) else { return candidate }
        var p = people[i]
        if normalizedNames[i] != (candidateName ?? Person.normalizedName(candidate.name)), candidate.username == nil,
           !p.aliases.contains(candidate.name) {
            p.aliases.append(candidate.name)
        }
        p.attendance = .unknown
        return p
    }

    /// Like ``resolve(_:)``, also recording the alias on the matcher's own list so later look-ups see it.
    public mutating func resolveRecording(_ candidate: Person) -> Person {
        guard let i = index(of: candidate) else { return candidate }
        let p = resolve(candidate)
        for a in p.aliases where !people[i].aliases.contains(a) { people[i].aliases.append(a) }
        index(person: i)
        return p
    }

    /// The first and last of `normalized.split(separator: " ")` when it has two words or more. Splits on the
    /// space byte when every scalar next to a space is ASCII or a letter of the blocks below U+0530 or
    /// U+1E00–U+1EFF (none of them joins a space into a larger `Character`); otherwise splits `Character`s.
    static func firstAndLastWord(_ normalized: String) -> (first: Substring, last: Substring)? {
        let u = normalized.utf8
        var firstSpace: String.Index?
        var lastSpace = u.startIndex
        var simple = true
        var i = u.startIndex
        while i != u.endIndex {
            if u[i] == 0x20 {
                if firstSpace == nil { firstSpace = i }
                lastSpace = i
                // The scalars on both sides of the space.
                let next = u.index(after: i)
                if next != u.endIndex, u[next] >= 0x80, !Self.isSimpleLetter(normalized.unicodeScalars[next]) { simple = false; break }
                if i != u.startIndex {
                    let before = normalized.unicodeScalars.index(before: i)
                    if normalized.unicodeScalars[before].value >= 0x80, !Self.isSimpleLetter(normalized.unicodeScalars[before]) { simple = false; break }
                }
            }
            i = u.index(after: i)
        }
        guard simple else {
            let words = normalized.split(separator: " ")
            return words.count >= 2 ? (words[0], words[words.count - 1]) : nil
        }
        guard let f = firstSpace else { return nil }
        // `split` omits empty words: with a leading or trailing space (a normalised name has none, but the plain
        // definition is kept for any string) the words are found by `split`.
        let words = (normalized[..<f], normalized[normalized.index(after: lastSpace)...])
        if words.0.isEmpty || words.1.isEmpty {
            let all = normalized.split(separator: " ")
            return all.count >= 2 ? (all[0], all[all.count - 1]) : nil
        }
        return words
    }

    /// A letter of U+0080–U+052F or U+1E00–U+1EFF: never part of a grapheme cluster with a neighbouring space.
    static func isSimpleLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        guard v < 0x530 || (v >= 0x1E00 && v <= 0x1EFF) else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Levenshtein distance, giving up above `limit`.
    static func editDistance(_ a: Substring, _ b: Substring, limit: Int) -> Int {
        guard a.count <= 64, b.count <= 64 else { return limit + 1 }
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var prev = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var cur = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(1, y.count) where !y.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[y.count]
    }
}
