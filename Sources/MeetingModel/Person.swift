// swift-meeting-notes · MeetingModel

/// How a person took part in a meeting.
public enum Attendance: String, Sendable, Hashable, Codable, CaseIterable {
    /// In the room.
    case inPerson
    /// Dialled in ("(Remote)").
    case remote
    /// The page does not say.
    case unknown
}

/// A person named on a meeting page: a participant, a chair, an action-item owner.
///
/// Groups ("the DM-SST", "Architecture team") are not people; importers keep them as text on the
/// action item (``ActionItem/groups``).
public struct Person: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The display name as written on the page ("Kian-Tat Lim"), or the best name known.
    public var name: String
    /// The Confluence username ("ktl"), when known.
    public var username: String?
    /// The Confluence Cloud account id, when known.
    public var accountID: String?
    /// The Confluence Server user key (32 hex digits), when known.
    public var userKey: String?
    /// True for a deleted or unknown account ("Unknown User (gcomoretto)") or a key no directory resolved.
    public var unresolved: Bool
    /// How the person attended, when it is a participant.
    public var attendance: Attendance
    /// Other spellings of the name met on the page ("Will O'Mullane" for "Wil O'Mullane").
    public var aliases: [String]

    /// Creates a person.
    public init(name: String, username: String? = nil, accountID: String? = nil, userKey: String? = nil,
                unresolved: Bool = false, attendance: Attendance = .unknown, aliases: [String] = []) {
        self.name = name
        self.username = username
        self.accountID = accountID
        self.userKey = userKey
        self.unresolved = unresolved
        self.attendance = attendance
        self.aliases = aliases
    }

    /// The name, with the username in parentheses when it differs.
    public var description: String {
        if let username, username != name { return "\(name) (\(username))" }
        return name
    }

    /// Whether `other` names the same person: same username, account id or user key, or (when
    /// neither carries an identifier in common) the same name ignoring case and spacing.
    public func isSamePerson(as other: Person) -> Bool {
        // Same answers as `referenceIsSamePerson(as:)`, without allocating when the strings are ASCII:
        // importers call this inside loops over every mention of every person on a page.
        if let a = accountID, let b = other.accountID { return a == b }
        if let a = userKey, let b = other.userKey { return NameMatching.caseInsensitiveEqual(a, b) }
        if let a = username, let b = other.username, NameMatching.caseInsensitiveEqual(a, b) { return true }
        if NameMatching.normalizedEqual(name, other.name) { return true }
        if !aliases.isEmpty || !other.aliases.isEmpty {
            for m in [name] + aliases {
                for t in [other.name] + other.aliases where NameMatching.normalizedEqual(m, t) { return true }
            }
        }
        if let u = username {
            for t in [other.name] + other.aliases where NameMatching.normalized(t, equalsLowercased: u) { return true }
        }
        if let u = other.username {
            for m in [name] + aliases where NameMatching.normalized(m, equalsLowercased: u) { return true }
        }
        return false
    }

    /// The plain definition of ``isSamePerson(as:)``, kept to test the fast one against.
    func referenceIsSamePerson(as other: Person) -> Bool {
        if let a = accountID, let b = other.accountID { return a == b }
        if let a = userKey, let b = other.userKey { return a.lowercased() == b.lowercased() }
        if let a = username, let b = other.username, a.lowercased() == b.lowercased() { return true }
        let mine = ([name] + aliases).map(Person.normalizedName)
        let theirs = ([other.name] + other.aliases).map(Person.normalizedName)
        if mine.contains(where: theirs.contains) { return true }
        if let u = username?.lowercased(), theirs.contains(u) { return true }
        if let u = other.username?.lowercased(), mine.contains(u) { return true }
        return false
    }

    /// What ``isSamePerson(as:)`` compares, folded once: for matching many people against many
    /// (`keys.firstIndex { $0.matches(other) }`) without folding the same names again on every comparison.
    public struct MatchKeys: Sendable, Hashable {
        /// The account id.
        public var accountID: String?
        /// The user key, lower-cased.
        public var userKey: String?
        /// The username, lower-cased.
        public var username: String?
        /// The name and aliases, each ``Person/normalizedName(_:)``.
        public var names: [String]

        /// Whether the two keys name the same person: exactly ``Person/isSamePerson(as:)``.
        public func matches(_ other: MatchKeys) -> Bool {
            if let a = accountID, let b = other.accountID { return a == b }
            if let a = userKey, let b = other.userKey { return a == b }
            if let a = username, let b = other.username, a == b { return true }
            if names.contains(where: other.names.contains) { return true }
            if let u = username, other.names.contains(u) { return true }
            if let u = other.username, names.contains(u) { return true }
            return false
        }
    }

    /// This person's ``MatchKeys``.
    public var matchKeys: MatchKeys {
        MatchKeys(accountID: accountID, userKey: userKey?.lowercased(), username: username?.lowercased(),
                  names: ([name] + aliases).map(Person.normalizedName))
    }

    /// Folds case, apostrophes and runs of white space, for comparing names.
    public static func normalizedName(_ name: String) -> String {
        if NameMatching.isASCII(name) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count)
            var it = NameMatching.NormalizedASCII(name.utf8.makeIterator())
            while let b = it.next() { bytes.append(b) }
            return String(decoding: bytes, as: UTF8.self)
        }
        return NameMatching.normalizedLetters(name) ?? referenceNormalizedName(name)
    }

    /// The plain definition of ``normalizedName(_:)``, used for non-ASCII names.
    static func referenceNormalizedName(_ name: String) -> String {
        var out = ""
        out.reserveCapacity(name.utf8.count)
        var lastSpace = true
        for ch in name.lowercased() {
            if ch.isWhitespace {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else if ch == "’" || ch == "'" || ch == "`" {
                continue
            } else {
                out.append(ch)
                lastSpace = false
            }
        }
        if out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    enum CodingKeys: String, CodingKey {
        case name, username, accountId, userKey, unresolved, attendance, aliases
    }

    /// Decodes the canonical JSON form (see ``MeetingJSON``); absent optional keys read as their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        username = try c.decodeIfPresent(String.self, forKey: .username)
        accountID = try c.decodeIfPresent(String.self, forKey: .accountId)
        userKey = try c.decodeIfPresent(String.self, forKey: .userKey)
        unresolved = try c.decodeIfPresent(Bool.self, forKey: .unresolved) ?? false
        attendance = try c.decodeIfPresent(Attendance.self, forKey: .attendance) ?? .unknown
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
    }

    /// Encodes the canonical JSON form (see ``MeetingJSON``).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(username, forKey: .username)
        try c.encodeIfPresent(accountID, forKey: .accountId)
        try c.encodeIfPresent(userKey, forKey: .userKey)
        try c.encode(unresolved, forKey: .unresolved)
        try c.encode(attendance, forKey: .attendance)
        if !aliases.isEmpty { try c.encode(aliases, forKey: .aliases) }
    }
}

/// Allocation-free name comparison for ASCII strings; anything else falls back to the plain definitions.
enum NameMatching {
    @inline(__always)
    static func isASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 }
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// `Person.normalizedName(name)` for a name whose non-ASCII scalars are all simple: letters of the Latin,
    /// IPA, Greek, Cyrillic and Armenian blocks (U+0080–U+052F) or Latin Extended Additional (U+1E00–U+1EFF)
    /// whose lower case is one scalar (not "İ", whose lower case is "i" plus a combining dot), other than "Σ"
    /// (final sigma); white space; and "’". Each such scalar is a grapheme cluster of its own, so the plain
    /// definition's `Character` loop over `lowercased()` sees the same units this scalar loop does. `nil` for
    /// any other name (combining marks, joiners, soft hyphens, …): the caller uses the plain definition.
    static func normalizedLetters(_ name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count + 2)
        var lastSpace = true
        var pendingSpace = false
        for s in name.unicodeScalars {
            let v = s.value
            var out = s
            if v < 0x80 {
                switch v {
                case 0x09...0x0D, 0x20:
                    if !lastSpace { pendingSpace = true }
                    lastSpace = true
                    continue
                case 0x27, 0x60:
                    continue
                default:
                    if v &- 0x41 < 26 { out = Unicode.Scalar(UInt8(v) | 0x20) }
                }
            } else if v == 0x2019 {
                continue
            } else if v == 0x85 || v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028
                        || v == 0x2029 || v == 0x202F || v == 0x205F || v == 0x3000 {
                if !lastSpace { pendingSpace = true }
                lastSpace = true
                continue
            } else if v >= 0xC0 && v <= 0xDE && v != 0xD7 {
                out = Unicode.Scalar(UInt8(v) | 0x20)   // Latin-1 capitals: "À"…"Þ" → "à"…"þ"
            } else if (v >= 0xDF && v <= 0xFF && v != 0xF7) || v == 0xAA || v == 0xB5 || v == 0xBA {
                // Latin-1 lower-case letters: unchanged.
            } else {
                guard v < 0x530 || (v >= 0x1E00 && v <= 0x1EFF), v != 0x3A3 else { return nil }
                switch s.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: break
                default: return nil
                }
                let lower = s.properties.lowercaseMapping.unicodeScalars
                guard let first = lower.first, lower.index(after: lower.startIndex) == lower.endIndex else { return nil }
                out = first
            }
            lastSpace = false
            if pendingSpace {
                pendingSpace = false
                bytes.append(0x20)
            }
            UTF8.encode(out) { bytes.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `a.lowercased() == b.lowercased()`.
    static func caseInsensitiveEqual(_ a: String, _ b: String) -> Bool {
        guard isASCII(a), isASCII(b) else { return a.lowercased() == b.lowercased() }
        guard a.utf8.count == b.utf8.count else { return false }
        return a.utf8.elementsEqual(b.utf8) { lower($0) == lower($1) }
    }

    /// `Person.normalizedName(a) == Person.normalizedName(b)`.
    static func normalizedEqual(_ a: String, _ b: String) -> Bool {
        guard isASCII(a), isASCII(b) else {
            return Person.normalizedName(a) == Person.normalizedName(b)
        }
        var x = NormalizedASCII(a.utf8.makeIterator()), y = NormalizedASCII(b.utf8.makeIterator())
        while true {
            let p = x.next(), q = y.next()
            if p != q { return false }
            if p == nil { return true }
        }
    }

    /// `Person.normalizedName(name) == raw.lowercased()`.
    static func normalized(_ name: String, equalsLowercased raw: String) -> Bool {
        guard isASCII(name), isASCII(raw) else {
            return Person.normalizedName(name) == raw.lowercased()
        }
        var x = NormalizedASCII(name.utf8.makeIterator()), y = raw.utf8.makeIterator()
        while true {
            let p = x.next(), q = y.next().map(lower)
            if p != q { return false }
            if p == nil { return true }
        }
    }

    /// The bytes of `normalizedName` for an ASCII string: lower case, no apostrophes or back-ticks, runs of
    /// white space as one space, none leading or trailing.
    struct NormalizedASCII: IteratorProtocol {
        var base: String.UTF8View.Iterator
        var lastSpace = true
        var pendingSpace = false
        var held: UInt8?

        init(_ base: String.UTF8View.Iterator) { self.base = base }

        mutating func next() -> UInt8? {
            if let h = held { held = nil; return h }
            while let b = base.next() {
                switch b {
                case 0x09...0x0D, 0x20:
                    if !lastSpace { pendingSpace = true }
                    lastSpace = true
                case 0x27, 0x60:
                    continue
                default:
                    lastSpace = false
                    if pendingSpace {
                        pendingSpace = false
                        held = NameMatching.lower(b)
                        return 0x20
                    }
                    return NameMatching.lower(b)
                }
            }
            return nil
        }
    }
}
