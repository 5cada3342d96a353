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

    /// Folds case, apostrophes and runs of white space, for comparing names.
    public static func normalizedName(_ name: String) -> String {
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
