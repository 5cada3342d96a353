// swift-meeting-notes · MeetingExport

public import MeetingModel

/// What one person did across meetings.
public struct PersonTally: Sendable, Hashable, Codable {
    /// The person, identifiers and aliases merged from every meeting.
    public var person: Person
    /// Meetings in whose participant list the person stands.
    public var attended: Int
    /// Agenda items the person chaired.
    public var chaired: Int
    /// Action items the person owns that are not done (open or unknown).
    public var openActions: Int
    /// Action items the person owns that are done.
    public var doneActions: Int

    /// Creates a tally.
    public init(person: Person, attended: Int = 0, chaired: Int = 0, openActions: Int = 0, doneActions: Int = 0) {
        self.person = person
        self.attended = attended
        self.chaired = chaired
        self.openActions = openActions
        self.doneActions = doneActions
    }
}

/// Who attended, chaired and owns actions, merged across meetings with ``Person/isSamePerson(as:)``.
public struct PeopleReport: Sendable, Hashable {
    /// One tally per person, in order of first appearance until ``sorted()`` is called.
    public private(set) var tallies: [PersonTally] = []

    /// Creates an empty report.
    public init() {}

    /// A report over `meetings`.
    public init(meetings: [Meeting]) {
        for m in meetings { add(m) }
    }

    /// Adds one meeting's participants, chairs and action owners.
    public mutating func add(_ meeting: Meeting) {
        var seenInMeeting: Set<Int> = []
        for p in meeting.participants {
            let i = index(of: p)
            if seenInMeeting.insert(i).inserted { tallies[i].attended += 1 }
        }
        for item in meeting.agendaItems {
            for chair in item.chairs { tallies[index(of: chair)].chaired += 1 }
        }
        for action in meeting.actionItems {
            for owner in action.owners {
                let i = index(of: owner)
                if action.status == .done { tallies[i].doneActions += 1 } else { tallies[i].openActions += 1 }
            }
        }
    }

    /// Merges another report into this one.
    public mutating func merge(_ other: PeopleReport) {
        for t in other.tallies {
            let i = index(of: t.person)
            tallies[i].attended += t.attended
            tallies[i].chaired += t.chaired
            tallies[i].openActions += t.openActions
            tallies[i].doneActions += t.doneActions
        }
    }

    /// Tallies by name (case-insensitive), then username.
    public func sorted() -> [PersonTally] {
        tallies.sorted {
            let a = Person.normalizedName($0.person.name), b = Person.normalizedName($1.person.name)
            return a != b ? a < b : ($0.person.username ?? "") < ($1.person.username ?? "")
        }
    }

    /// The tally index for `person`, adding a tally or merging identifiers into the existing one.
    private mutating func index(of person: Person) -> Int {
        if let i = tallies.firstIndex(where: { $0.person.isSamePerson(as: person) }) {
            var known = tallies[i].person
            if known.username == nil { known.username = person.username }
            if known.accountID == nil { known.accountID = person.accountID }
            if known.userKey == nil { known.userKey = person.userKey }
            // Prefer a resolved name over "Unknown User (x)".
            if known.unresolved && !person.unresolved {
                if !known.aliases.contains(known.name) { known.aliases.append(known.name) }
                known.name = person.name
                known.unresolved = false
            } else if Person.normalizedName(person.name) != Person.normalizedName(known.name),
                      !known.aliases.contains(person.name) {
                known.aliases.append(person.name)
            }
            for alias in person.aliases where alias != known.name && !known.aliases.contains(alias) {
                known.aliases.append(alias)
            }
            known.attendance = .unknown
            tallies[i].person = known
            return i
        }
        var fresh = person
        fresh.attendance = .unknown
        tallies.append(PersonTally(person: fresh))
        return tallies.count - 1
    }

    /// An aligned table: person, attended, chaired, open, done.
    public func table() -> String {
        var grid = [["PERSON", "ATTENDED", "CHAIRED", "OPEN", "DONE"]]
        for t in sorted() {
            grid.append([TextTable.clip(t.person.description, 50), String(t.attended), String(t.chaired),
                         String(t.openActions), String(t.doneActions)])
        }
        return TextTable.render(grid)
    }

    /// CSV: person, username, attended, chaired, open actions, done actions.
    public func csv() -> String {
        var out = CSV.row(["person", "username", "attended", "chaired", "open actions", "done actions"])
        for t in sorted() {
            out += CSV.row([t.person.name, t.person.username ?? "", String(t.attended), String(t.chaired),
                            String(t.openActions), String(t.doneActions)])
        }
        return out
    }

    /// Canonical JSON array of tallies.
    public func json() -> String {
        String(decoding: MeetingJSON.encodeValue(sorted()), as: UTF8.self) + "\n"
    }
}
