// swift-meeting-notes · ConfluenceHTML

import MeetingModel

/// ``Person/MatchKeys`` in order, with a hash index: ``firstIndex(matching:)`` answers exactly
/// `keys.firstIndex { $0.matches(k) }` but compares only the people sharing a name, username, account id or
/// user key with `k` (every case of `matches` that answers true shares one), not every person on the list.
/// Lists of up to ``linearLimit`` people (a page's usual participants) are scanned: building the hash index
/// costs more than scanning them.
struct MatchIndex {
    static let linearLimit = 32
    private var indexed = false
    private(set) var keys: [Person.MatchKeys] = []
    /// Normalised names and lower-cased usernames (one space: `matches` compares a username with names too).
    private var names: [String: [Int]] = [:]
    private var accounts: [String: [Int]] = [:]
    private var userKeys: [String: [Int]] = [:]

    init(_ keys: [Person.MatchKeys] = []) {
        for k in keys { append(k) }
    }

    var isEmpty: Bool { keys.isEmpty }

    mutating func append(_ k: Person.MatchKeys) {
        let i = keys.count
        keys.append(k)
        if !indexed {
            guard keys.count > Self.linearLimit else { return }
            indexed = true
            for j in 0..<i { insert(keys[j], at: j) }
        }
        insert(k, at: i)
    }

    private mutating func insert(_ k: Person.MatchKeys, at i: Int) {
        for n in k.names { names[n, default: []].append(i) }
        if let u = k.username { names[u, default: []].append(i) }
        if let a = k.accountID { accounts[a, default: []].append(i) }
        if let u = k.userKey { userKeys[u, default: []].append(i) }
    }

    /// The first index whose keys match `k`.
    func firstIndex(matching k: Person.MatchKeys) -> Int? {
        if !indexed {
            // `keys.firstIndex { $0.matches(k) }`, reading each key in place (no copy of its strings per comparison).
            for i in keys.indices where keys[i].matches(k) { return i }
            return nil
        }
        var best = Int.max
        func consider(_ list: [Int]?) {
            guard let list else { return }
            // Each list is in increasing order: the first match in it is its best.
            for i in list where i < best {
                if keys[i].matches(k) { best = i; return }
            }
        }
        for n in k.names { consider(names[n]) }
        if let u = k.username { consider(names[u]) }
        if let a = k.accountID { consider(accounts[a]) }
        if let u = k.userKey { consider(userKeys[u]) }
        return best == Int.max ? nil : best
    }

    /// Whether some keys on the list match `k`.
    func contains(matching k: Person.MatchKeys) -> Bool { firstIndex(matching: k) != nil }
}
